"""The query commands' bodies: ask the library, hand the answer to the renderer.

Each function here is one command with its arguments already parsed: the query commands
(`find`, `agency`, `due`, `show`), which two front-ends call, the Typer app (`app`) and the fast
path (`fast`) that answers the simplest command lines without importing Typer; keeping their
bodies here, once, is what makes both paths print the same thing. `export` and `progress`, which
share their `--limit`/`--count` handling, live here too; the Typer app alone runs them.
"""

from __future__ import annotations

import sqlite3

from ..errors import ExitCode, NoResults
from ..store.query import Filters


def done(rows: list) -> ExitCode:
    """Exit 0 when something was found, else the documented 1 (a valid query, no results)."""
    if not rows:
        raise NoResults()
    return ExitCode.OK


def limited(every: list, limit: int | None, fmt: str, noun: str = "item") -> list:
    """The first ``limit`` of ``every``. Whoever reads data (not a table, whose caption says
    `2 of 19`) learns the total on stderr, so that `--json` stays a plain array."""
    items = every[:limit] if limit else every
    said_limited(len(items), len(every), limit, fmt, noun)
    return items


def said_limited(shown: int, total: int, limit: int | None, fmt: str, noun: str = "item") -> None:
    """`limited`'s note on stderr, for a page the store already cut to ``limit`` (`store.pages`)."""
    if shown < total and fmt not in ("table", "count"):
        from .render import message

        message(f"sdtargets: {of(shown, total, noun)} (--limit {limit}; --count prints the total).")


def count(every: list | int, none: str = "No items match.") -> ExitCode:
    """`--count`: the number of items the query matches (whatever `--limit` says), alone on stdout."""
    n = every if isinstance(every, int) else len(every)
    print(n)
    if not n:
        raise NoResults(none)
    return ExitCode.OK


def of(shown: int, total: int, noun: str = "item") -> str:
    """`19 items`, or `2 of 19 items` when a limit hid some."""
    s = "" if total == 1 else "s"
    return f"{total} {noun}{s}" if shown == total else f"{shown} of {total} {noun}{s}"


def find(
    conn: sqlite3.Connection,
    text: str,
    filters: Filters,
    fmt: str,
    fuzzy: bool = True,
    limit: int | None = None,
) -> ExitCode:
    """`find`: ranked items, each table row showing why it matched."""
    from ..store.pages import find_page
    from ..store.search import prepare
    from .render import emit, message
    from .views import find_columns

    q = prepare(conn, text)
    encoded = fmt in ("json", "jsonl", "count")
    snippets = fmt in ("json", "jsonl", "yaml")  # whole objects: the snippet is a key (a table's, a column)
    # only the rows shown are read (`--count`: one); the total is the caption's
    items, total = find_page(
        conn, q, filters, fuzzy=fuzzy, encoded=encoded, limit=_page(limit, fmt), snippets=snippets
    )
    for note in q.notes:  # how the query was read: English as Chinese, a typo corrected
        message(note)
    none = "No items match." if total else no_match(conn, text, q.dropped)
    if fmt == "count":
        return count(total, none)
    said_limited(len(items), total, limit, fmt)
    verb = "matches" if total == 1 else "match"
    head = answer_head(q.answers) if total else []
    caption = f"{of(len(items), total)} {verb} {text!r}"
    emit(items, fmt, find_columns(q.highlight), caption=caption, head=head)
    if not items:
        raise NoResults(none)
    return ExitCode.OK


def no_match(conn: sqlite3.Connection, text: str, dropped: list[str] | None = None) -> str:
    """`No items match.`, naming the English words the tool could not read, if any, or else the
    English words left out because they are part of many terms and stand for none alone
    (``dropped``: `water`): an English query that finds nothing should say which word it did not
    understand, not fall silent."""
    from ..store.english import not_understood, too_broad

    if not any(c.isascii() and c.isalpha() for c in text):
        return "No items match."
    lost = not_understood(conn, text)
    if lost:
        named = ", ".join(repr(w) for w in lost)
        verb = "are not English words" if len(lost) > 1 else "is not an English word"
        how = "(sdtargets find --help lists how English is read)"
        return f"No items match: {named} {verb} the base knows {how}."
    broad = too_broad(conn, dropped or [])
    if broad:
        said = "; ".join(
            f"{w!r} is part of {n} English terms ({', '.join(ex + (['…'] if n > len(ex) else []))})"
            for w, (n, ex) in broad.items()
        )
        return f"No items match: {said}; give the whole term."
    return "No items match."


def _page(limit: int | None, fmt: str) -> int | None:
    """How many rows to read: ``limit``, or one for `--count`, which prints only the total."""
    return 1 if fmt == "count" else limit


def answer_head(lines: list[dict]) -> list[str]:
    """The direct answer above `find`'s table: each target of the metric asked about, cited,
    with the figure reported by then (`5G基站: 27万个 by 2025 (act2024-ict.15); reported …`)."""
    if not lines:
        return []
    return ["Answer:", *(f"  {line['text']}" for line in lines)]


def agency_head(
    conn: sqlite3.Connection,
    ag,  # noqa: ANN001 - agencies.Agency
    ids: list[str],
    led: int,
    shown: int,
    year: int | list[int] | None,
) -> list[str]:
    """`agency`'s first lines: the agency's names and kind, the documents it issued, its counts
    (of all its items ``ids``, ``led`` of them led), its English name, and per target year its
    targets' verdicts (`progress`)."""
    from ..store.agencies import english_name, issued_by

    head = [f"{ag.name}" + (f"（{ag.full}）" if ag.full and ag.full != ag.name else "") + f"  [{ag.kind}]"]
    if ag.aliases:
        head.append(f"  also: {'、'.join(ag.aliases)}")
    if ag.linked:
        note = f" — {ag.rename_note}" if ag.rename_note else ""
        head.append(f"  linked by rename: {'、'.join(ag.linked)}{note}")
    for p in issued_by(conn, ag):
        n = p["items"]
        head.append(f"  issued: {p['id']} {p['short'] or p['title']} ({n} item{'s' if n != 1 else ''})")
        if p["with"]:
            head.append(f"          with {'、'.join(p['with'])}")
    counts = f"{led} led, {len(ids) - led} supported"
    head.append(f"  {counts}" + (f" (first {shown} shown)" if shown < len(ids) else ""))
    english = english_name(conn, ag.name)
    if english:
        head.append(f"  in English: {english}")
    years = _progress_lines(conn, ids, year)
    if years:  # what the counts are of, and where to see the targets themselves
        head += [f"  its targets by year (sdtargets progress --agency {ag.name}):", *years]
    return head


def agency(
    conn: sqlite3.Connection,
    name: str,
    filters: Filters,
    role: str | None,
    fmt: str,
    limit: int | None = None,
) -> ExitCode:
    """`agency`: the agency's names, kind and documents as a header, then its duties by plan.
    The header is part of the answer: on stdout, in the pager with the tables."""
    from ..store.agencies import resolve
    from ..store.pages import duties_page
    from .render import emit, emit_sections, message
    from .views import role_columns

    notes: list[str] = []
    ag = resolve(conn, name, notes)
    for note in notes:  # a near spelling taken for the name: said, as `find` says a typo
        message(f"sdtargets: {note}.")
    encoded = fmt in ("json", "jsonl", "count")
    # the rows shown, and the ids of all: the header counts them
    items, ids, led = duties_page(conn, ag, filters, role, encoded=encoded, limit=_page(limit, fmt))
    if fmt == "count":
        return count(len(ids))
    said_limited(len(items), len(ids), limit, fmt)
    if fmt != "table":
        emit(items, fmt, role_columns(ag.names))
        if not items:
            raise NoResults(_no_duties(conn, ag))
        return ExitCode.OK
    groups: dict[str, list[dict]] = {}
    for it in items:
        groups.setdefault(it["plan_title"] + f" ({it['plan']})", []).append(it)
    columns = role_columns(ag.names)
    sections = []
    for title, group in groups.items():
        n_led = sum(i["role"] == "lead" for i in group)
        sections.append((f"{title}: {n_led} led, {len(group) - n_led} supported", group, columns))
    emit_sections(sections, fmt, head=agency_head(conn, ag, ids, led, len(items), filters.year))
    if not items:
        raise NoResults(_no_duties(conn, ag))
    return ExitCode.OK


def _no_duties(conn: sqlite3.Connection, ag) -> str:  # noqa: ANN001 - agencies.Agency
    """Why `agency` lists nothing: no clause names the agency (an issuer is not a lead: its
    documents' items are one `export --plan` away), or the filters leave nothing."""
    from ..store.agencies import duties, issued_by

    if duties(conn, ag, Filters(), None):
        return "No items match."
    docs = [p["id"] for p in issued_by(conn, ag)]
    plans = " ".join(f"--plan {d}" for d in docs)
    where = f"; the items of the documents it issued: sdtargets export {plans}" if docs else ""
    return f"No item names {ag.name} as lead or support{where}."


def _progress_lines(conn: sqlite3.Connection, ids: list[str], year: int | list[int] | None) -> list[str]:
    """`  2023: 9 met, 2 not met, 14 no report` per target year, over the items listed (verdicts
    stored at build: `sdtargets progress --agency NAME` lists them)."""
    from ..store.verdicts import counts_by_year, counts_text

    by_year = counts_by_year(conn, ids)
    years = year if isinstance(year, list) else None if year is None else [year]
    return [f"  {y}: {counts_text(c)}" for y, c in by_year.items() if years is None or y in years]


def due(
    conn: sqlite3.Connection,
    year: int,
    until: int | None,
    implied: bool,
    filters: Filters,
    fmt: str,
    limit: int | None = None,
) -> ExitCode:
    """`due`: every target and deadline falling in a year or range."""
    from ..store.encoded import list_value
    from ..store.pages import due_page
    from ..store.query import check_year
    from .render import emit
    from .views import DUE_AGENCY_COLUMNS, DUE_COLUMNS

    check_year(year)
    check_year(until, "--until year")
    # the rows shown; the items and targets of all counted by the store
    encoded = fmt in ("json", "jsonl", "count")
    items, n_items, n_targets, n_shown = due_page(
        conn, year, until, implied, filters, _page(limit, fmt), encoded=encoded
    )
    if filters.agencies is not None:  # the agency's part on every row, as `agency` gives it
        names = set(filters.agencies)
        if encoded:
            items = [e.adding(role=_role(names, list_value(e, "lead"))) for e in items]
        else:
            for it in items:
                it["role"] = _role(names, it["lead"])
    if fmt == "count":
        return count(n_items)
    said_limited(len(items), n_items, limit, fmt)
    span = f"{year}–{until}" if until and until != year else str(year)
    targets = of(n_shown, n_targets, "target")
    note = "" if implied else "; --implied adds what is due only by its plan's end"
    caption = f"{of(len(items), n_items)}, {targets} due {span} (* = year implied{note})"
    emit(items, fmt, DUE_COLUMNS if filters.agencies is None else DUE_AGENCY_COLUMNS, caption=caption)
    return done(items)


def _role(names: set[str], lead: list[str]) -> str:
    """An item's part for the agency named by ``names``: `lead` if one leads it, else `support`."""
    return "lead" if names & set(lead) else "support"


def show(conn: sqlite3.Connection, item_id: str, fmt: str) -> ExitCode:
    """`show`: one item, whole, with its citation (with `--fields`, those fields as a table)."""
    from ..store.query import get_item
    from ..store.verdicts import target_statuses, target_verdicts, verdict_of
    from .render import emit, settings
    from .views import EXPORT_COLUMNS, show_item

    item = get_item(conn, item_id)
    if fmt == "table" and not settings.fields:
        for pos, record in target_verdicts(conn, item["id"]).items():
            item["targets"][pos]["status"] = record["status"]
            item["targets"][pos]["verdict"] = record  # the table's status cell: gap and figure
        show_item(item)
        return ExitCode.OK
    for pos, status in target_statuses(conn, item["id"]).items():
        item["targets"][pos]["status"] = status
    if fmt in ("json", "jsonl", "yaml"):  # the verdict whole: figure, gap, arithmetic, citations
        for pos, record in target_verdicts(conn, item["id"]).items():
            item["targets"][pos]["verdict"] = verdict_of(record)
    emit(item, fmt, EXPORT_COLUMNS)
    return ExitCode.OK


def export(conn: sqlite3.Connection, filters: Filters, fmt: str, limit: int | None = None) -> ExitCode:
    """`export`: every item passing the filters, whole, in source order."""
    from ..store.query import filtered_ids, items_by_id, items_encoded
    from .render import emit
    from .views import EXPORT_COLUMNS

    every = filtered_ids(conn, filters)
    if fmt == "count":
        return count(every)
    ids = limited(every, limit, fmt)
    items = items_encoded(conn, ids) if fmt in ("json", "jsonl") else items_by_id(conn, ids)
    emit(items, fmt, EXPORT_COLUMNS)
    return done(items)


def progress(
    conn: sqlite3.Connection,
    filters: Filters,
    year: int | list[int] | None,
    statuses: list[str] | None,
    fmt: str,
    limit: int | None = None,
    topic: str = "",
    summary_only: bool = False,
    by: str = "plan",
) -> ExitCode:
    """`progress`: every target of the filtered goals, measures and indicators with its verdict
    (made when the database was built: `sdtargets.store.progress`). ``year`` is the targets' year,
    not the items' (an item may hold targets for several years); ``topic`` searches as `find`
    does. A table opens with the counts by status (per plan, or per agency with ``by``), then the
    targets, verdicts first and the worst first; ``summary_only`` prints the counts alone."""
    from ..store.query import filtered_ids
    from ..store.verdicts import counts_text, on_topic, records, summary, worst_first
    from .render import emit, emit_sections, message, settings
    from .views import DOCUMENT_COLUMNS, cited_documents, progress_columns, summary_columns

    candidates = None
    terms: list[str] = []
    if topic.strip():
        from ..store.search import prepare, search

        q = prepare(conn, topic)
        for note in q.notes:  # how the query was read, as `find` says it
            message(note)
        candidates = [h.item_id for h in search(conn, q)]
        terms = q.highlight
    if candidates is None and by == "plan":  # counted by SQL, only the rows shown decoded
        from ..store.pages import progress_page

        page = 1 if fmt == "count" or summary_only else limit
        rows, counts, n = progress_page(conn, filters, year, statuses, page)
    else:
        every = records(conn, filtered_ids(conn, filters, candidates), year, statuses)
        if terms:
            every = on_topic(every, terms)
        counts = summary(every, by)  # plans (agencies) in base order
        every = worst_first(every)
        rows, n = every[:limit] if limit else every, len(every)
    if fmt == "count":
        return count(n, "No targets match.")
    if not n:
        raise NoResults("No targets match.")
    if summary_only:
        emit(counts, fmt, summary_columns(by), caption=f"{of(n, n, 'target')}")
        return ExitCode.OK
    said_limited(len(rows), n, limit, fmt, "target")
    total = counts[-1]
    caption = f"{of(len(rows), n, 'target')}: {counts_text(total) or 'none'}"
    if fmt == "table" and not settings.fields:  # --fields picks the targets' columns: those alone
        emit_sections(
            [
                (f"{n} targets by status, per {by}", counts, summary_columns(by)),
                (caption, rows, progress_columns()),
                ("documents cited", cited_documents(rows), DOCUMENT_COLUMNS),
            ],
            fmt,
        )
    else:
        emit(rows, fmt, progress_columns(), caption=caption)
    settings.last_ids = [r["item"] for r in rows]  # the shell's `show N` opens row N's item
    return ExitCode.OK
