"""The query commands' bodies: ask the library, hand the answer to the renderer.

Each function here is one command (`find`, `agency`, `due`, `show`) with its arguments already
parsed. Two front-ends call them: the Typer app (`cli`), and the fast path (`fast`) that answers
the simplest command lines without importing Typer. Keeping the bodies here, once, is what makes
both paths print the same thing.
"""

from __future__ import annotations

import sqlite3

from .errors import ExitCode, NoResults
from .query import Filters


def _done(rows: list) -> ExitCode:
    """Exit 0 when something was found, else the documented 1 (a valid query, no results)."""
    if not rows:
        raise NoResults()
    return ExitCode.OK


def find(conn: sqlite3.Connection, text: str, filters: Filters, fmt: str, fuzzy: bool = True) -> ExitCode:
    """`find`: ranked items, each table row showing why it matched."""
    from .render import emit, message
    from .search import find_items, prepare
    from .views import find_columns

    q = prepare(conn, text)
    items = find_items(conn, q, filters, fuzzy=fuzzy, encoded=fmt in ("json", "jsonl"))
    for note in q.notes:  # how the query was read: English as Chinese, a typo corrected
        message(note)
    emit(
        items,
        fmt,
        find_columns(q.highlight),
        caption=f"{len(items)} {'item matches' if len(items) == 1 else 'items match'} {text!r}",
    )
    return _done(items)


def agency(conn: sqlite3.Connection, name: str, filters: Filters, role: str | None, fmt: str) -> ExitCode:
    """`agency`: the agency's names and kind as a header, then its duties grouped by plan."""
    from .agencies import duties, english_name, resolve
    from .render import emit, emit_sections, message
    from .views import role_columns

    ag = resolve(conn, name)
    limit, filters.limit = filters.limit, None
    every = duties(conn, ag, filters, role, encoded=fmt in ("json", "jsonl"))  # all: the header counts them
    items = every[:limit] if limit else every
    if fmt != "table":
        emit(items, fmt, role_columns(ag.names))
        return _done(items)
    header = f"{ag.name}" + (f"（{ag.full}）" if ag.full and ag.full != ag.name else "") + f"  [{ag.kind}]"
    if ag.aliases:
        header += f"\n  also: {'、'.join(ag.aliases)}"
    if ag.linked:
        header += f"\n  linked by rename: {'、'.join(ag.linked)}" + (
            f" — {ag.rename_note}" if ag.rename_note else ""
        )
    led = sum(it["role"] == "lead" for it in every)
    shown = f" (first {len(items)} shown)" if len(items) < len(every) else ""
    header += f"\n  {led} led, {len(every) - led} supported{shown}"
    english = english_name(conn, ag.name)
    if english:
        header += f"\n  in English: {english}"
    header += _progress_lines(conn, [it["id"] for it in every], filters.year)
    message(header)
    groups: dict[str, list[dict]] = {}
    for it in items:
        groups.setdefault(it["plan_title"] + f" ({it['plan']})", []).append(it)
    columns = role_columns(ag.names)
    sections = []
    for title, group in groups.items():
        n_led = sum(i["role"] == "lead" for i in group)
        sections.append((f"{title}: {n_led} led, {len(group) - n_led} supported", group, columns))
    emit_sections(sections, fmt)
    return _done(items)


def _progress_lines(conn: sqlite3.Connection, ids: list[str], year: int | None) -> str:
    """`  2023: 9 met, 2 not met, 14 no report` per target year, over the items listed (verdicts
    stored at build: `sdtargets progress --agency NAME` lists them)."""
    from .verdicts import counts_by_year, counts_text

    by_year = counts_by_year(conn, ids)
    return "".join(f"\n  {y}: {counts_text(c)}" for y, c in by_year.items() if year in (None, y))


def due(
    conn: sqlite3.Connection, year: int, until: int | None, implied: bool, filters: Filters, fmt: str
) -> ExitCode:
    """`due`: every target and deadline falling in a year or range."""
    from .query import check_year
    from .query import due as due_items
    from .render import emit
    from .views import DUE_COLUMNS

    check_year(year)
    check_year(until, "--until year")
    items = due_items(conn, year, until, implied, filters)
    span = f"{year}–{until}" if until else str(year)
    n_t = sum(len(i["due"]) for i in items)
    note = "" if implied else "; --implied adds what is due only by its plan's end"
    caption = f"{len(items)} items, {n_t} targets due {span} (* = year implied{note})"
    emit(items, fmt, DUE_COLUMNS, caption=caption)
    return _done(items)


def show(conn: sqlite3.Connection, item_id: str, fmt: str) -> ExitCode:
    """`show`: one item, whole, with its citation."""
    from .query import get_item
    from .render import emit
    from .verdicts import target_statuses
    from .views import EXPORT_COLUMNS, show_item

    item = get_item(conn, item_id)
    for pos, status in target_statuses(conn, item["id"]).items():
        item["targets"][pos]["status"] = status
    if fmt == "table":
        show_item(item)
    else:
        emit(item, fmt, EXPORT_COLUMNS)
    return ExitCode.OK


def progress(conn: sqlite3.Connection, filters: Filters, statuses: list[str] | None, fmt: str) -> ExitCode:
    """`progress`: every target of the filtered goals, measures and indicators with its verdict
    (made when the database was built: `sdtargets.progress`)."""
    from .query import filtered_ids
    from .render import emit, settings
    from .verdicts import STATUSES, counts_text, records
    from .views import progress_columns

    year, limit = filters.year, filters.limit
    filters.year, filters.limit = None, None
    rows = records(conn, filtered_ids(conn, filters), year, statuses)
    if limit:
        rows = rows[:limit]
    counts = {s: sum(r["status"] == s for r in rows) for s in STATUSES}
    caption = f"{len(rows)} target{'s' if len(rows) != 1 else ''}: {counts_text(counts) or 'none'}"
    emit(rows, fmt, progress_columns(), caption=caption)
    settings.last_ids = [r["item"] for r in rows]  # the shell's `show N` opens row N's item
    if not rows:
        raise NoResults("No targets match.")
    return ExitCode.OK
