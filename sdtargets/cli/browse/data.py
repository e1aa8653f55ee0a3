"""What `browse` shows, asked of the library: the one module of the app that imports it.

Every view calls these plain functions, which call the same functions as the commands (`find`'s
`search.find_items`, `agency`'s `agencies.duties`, `due`'s `query.due`, `progress`'s
`verdicts.records`), so the app cannot rank or count differently from the command line. Keeping
the library's imports here, in one place, also keeps the rest of the app free of the package
layout. Nothing here imports Textual: the tests call these functions directly too.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import SdError
from ...store.query import Filters

#: The filters a line may carry as `key:value`, and which views take each.
FILTER_KEYS = ("plan", "agency", "year", "kind", "status", "role")
#: Rows a list draws at a time (the next page as the cursor nears the end).
PAGE = 60

_FILTER = re.compile(r"^(plan|agency|year|kind|status|role)[:：](.*)$", re.IGNORECASE)


@dataclass
class Line:
    """A view's input line read as words plus ``key:value`` filters."""

    words: str = ""
    filters: dict[str, str] = field(default_factory=dict)


def parse_line(text: str) -> Line:
    """`高新技术企业 year:2025 plan:gxt2024` → words `高新技术企业`, filters year and plan.
    A filter with no value yet (`year:` while typing) is left out."""
    words: list[str] = []
    filters: dict[str, str] = {}
    for token in text.split():
        m = _FILTER.match(token)
        if m:
            if m.group(2):
                filters[m.group(1).lower()] = m.group(2)
        else:
            words.append(token)
    return Line(" ".join(words), filters)


def filters_text(line: Line, keys: tuple[str, ...]) -> str:
    """The filter bar: every filter the view takes, with its value or `any`."""
    return "   ".join(f"{k}: {line.filters.get(k, 'any')}" for k in keys)


def resolve_filters(conn: sqlite3.Connection, line: Line, year_key: bool = True) -> Filters:
    """The line's filters checked and resolved as the command line resolves `--plan`, `--agency`,
    `--year` and `--kind` (a bad one raises `SdError`, shown under the box)."""
    from ...store.agencies import resolve
    from ...store.query import check_kind, check_year, match_plan

    f = Filters(kind=check_kind(line.filters.get("kind")))
    if year_key and "year" in line.filters:
        f.year = check_year(_int(line.filters["year"], "year"))
    if "plan" in line.filters:
        f.plans = match_plan(conn, line.filters["plan"]).ids
    if "agency" in line.filters:
        f.agencies = resolve(conn, line.filters["agency"]).names
    if "role" in line.filters:
        if line.filters["role"] not in ("lead", "support"):
            raise SdError(f"role takes lead or support, not {line.filters['role']!r}.")
        f.role = line.filters["role"]
    return f


def database_file(conn: sqlite3.Connection) -> str | None:
    """The file ``conn`` reads, or None for a database in memory (which no other connection
    can open: its views then query in the app's own thread)."""
    for _, name, file in conn.execute("pragma database_list").fetchall():
        if name == "main":
            return file or None
    return None


def reader(path: str) -> sqlite3.Connection:
    """A read-only connection to ``path`` for one query in a worker thread: its own, so that
    a newer keystroke can interrupt it (`interrupt`) without touching anyone else's query."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def interrupted(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` is SQLite's answer to `Connection.interrupt` (a stale query stopped)."""
    return isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc)


def _int(text: str, what: str) -> int:
    if not text.isdigit():
        raise SdError(f"{what} takes a year such as 2025, not {text!r}.")
    return int(text)


# ---------------------------------------------------------------------------------------------
# Badges: each item's targets by verdict


def badges(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """Item id → `✓2 ✗1 ·3`: how many of its targets have each verdict (made at build)."""
    from ...store.verdicts import MARKS, STATUSES

    rows = conn.execute(
        "select item_id, status, count(*) from progress where item_id in (select value from json_each(?))"
        " group by item_id, status",
        (json.dumps(ids, ensure_ascii=False),),
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for item_id, status, n in rows:
        counts.setdefault(item_id, {})[status] = n
    return {i: " ".join(f"{MARKS[s][0]}{c[s]}" for s in STATUSES if c.get(s)) for i, c in counts.items()}


# ---------------------------------------------------------------------------------------------
# The lists


@dataclass
class Listing:
    """One view's answer: the rows (item or target objects, as the commands' JSON), the caption,
    a few head lines, the terms to highlight, the columns export writes, and notes."""

    rows: list  # dicts, or items still encoded (`Encoded`), decoded a page at a time (`row`)
    caption: str
    head: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    columns: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: What whole-object formats (JSON, JSON lines, YAML) add to the rows, as the command does
    #: (`find`: each item's snippet).
    whole: Callable[[list], list] | None = None


class FirstPage:
    """A search's rows when the search matches more than a page: the first page, ranked as
    `find --limit` ranks it (the page chosen in SQL, `pages.find_page`), and how many match in
    all; the whole ranked list (`find_items`) is made only when a row past the page is asked for
    (the cursor going down, an export). On a base 100× the real one a one-character key matches
    most items, and ranking all of them before the first screen took seconds a key.

    A list as the views use one: its length is the whole answer's, indexing past the page (or
    iterating) makes the rest once."""

    def __init__(self, page: list, total: int, rest: Callable[[], list]) -> None:
        self._rows, self._total, self._rest = page, total, rest
        self.made = False  # whether the rest has been made

    def _all(self) -> list:
        if not self.made:
            seen = {row_id(r): r for r in self._rows}  # the page's rows, as decoded so far
            rows = [seen.get(row_id(r), r) for r in self._rest()]
            self._rows, self.made = rows, True
        return self._rows

    @property
    def page(self) -> list:
        """The rows at hand (the first page, or all once made), without making the rest."""
        return self._rows

    def __len__(self) -> int:
        return len(self._rows) if self.made else self._total

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - an int or a slice, as a list's
        if isinstance(index, int) and 0 <= index < len(self._rows):
            return self._rows[index]
        return self._all()[index]

    def __setitem__(self, index: int, value: object) -> None:
        if 0 <= index < len(self._rows):
            self._rows[index] = value
        else:
            self._all()[index] = value

    def __iter__(self):  # noqa: ANN204
        return iter(self._all())


def row(listing: Listing, index: int) -> dict:
    """Row ``index`` of ``listing``, decoded (once) if it is still the stored JSON: a query
    matching thousands of items decodes the rows drawn, not all of them."""
    r = listing.rows[index]
    if isinstance(r, str):
        r = listing.rows[index] = json.loads(r)
    return r


def row_id(r: dict | str, key: str = "id") -> str | None:
    """A row's id, decoded or not."""
    return r.id if isinstance(r, str) else r.get(key)  # type: ignore[attr-defined]


def search(conn: sqlite3.Connection, text: str) -> Listing:
    """The search view: `find`'s ranking for the words; with only filters, the items they keep."""
    from ...store.pages import find_page
    from ...store.query import filtered_ids, items_encoded
    from ...store.search import find_items, prepare
    from ...store.snippets import with_snippets
    from ..views import EXPORT_COLUMNS, find_columns

    line = parse_line(text)
    filters = resolve_filters(conn, line)
    if not line.words:
        if not line.filters:
            return Listing([], "Type words to search (English, typos and traditional characters too).")
        items = items_encoded(conn, filtered_ids(conn, filters))
        return Listing(items, _of(len(items), "item"), columns=EXPORT_COLUMNS)
    q = prepare(conn, line.words)
    page, total = find_page(conn, q, filters, encoded=True, limit=PAGE)
    items = (
        page
        if len(page) >= total
        else FirstPage(page, total, lambda: find_items(conn, q, filters, encoded=True))
    )
    verb = "matches" if len(items) == 1 else "match"
    return Listing(
        items,
        f"{_of(len(items), 'item')} {verb} {line.words!r}",
        terms=list(q.highlight),
        columns=find_columns(q.highlight),
        notes=list(q.notes),
        whole=lambda rows: with_snippets(conn, rows, q.highlight),
    )


def agencies(conn: sqlite3.Connection, text: str) -> Listing:
    """The agencies view: every agency with its counts; with a name, its duties by plan under
    `agency`'s head (names, documents issued, and per target year the verdicts)."""
    from ...store.agencies import all_agencies, duties, resolve
    from ..commands import agency_head
    from ..views import AGENCY_COLUMNS, role_columns

    line = parse_line(text)
    if not line.words:
        rows = all_agencies(conn)
        return Listing(rows, _of(len(rows), "agency", "agencies"), columns=AGENCY_COLUMNS)
    ag = resolve(conn, line.words)
    filters = resolve_filters(conn, line)
    every = duties(conn, ag, filters, filters.role)
    ids = [it["id"] for it in every]
    led = sum(it["role"] == "lead" for it in every)
    head = agency_head(conn, ag, ids, led, len(every), filters.year)
    plans: dict[str, list[int]] = {}
    for it in every:
        n = plans.setdefault(it["plan"], [0, 0])
        n[0 if it["role"] == "lead" else 1] += 1
    head.append("  by plan: " + "; ".join(f"{p} {n[0]} led, {n[1]} supported" for p, n in plans.items()))
    return Listing(every, _of(len(every), "duty", "duties"), head=head, columns=role_columns(ag.names))


def due(conn: sqlite3.Connection, text: str, default_year: int) -> Listing:
    """The due view: `due YEAR` (or a range `2024-2025`), with `implied` to add plan-end years."""
    from ...store.query import check_year
    from ...store.query import due as due_items
    from ..views import DUE_COLUMNS

    line = parse_line(text)
    words = line.words.split()
    implied = "implied" in words
    years = [w for w in words if w != "implied"]
    first, last = default_year, None
    if years:
        m = re.fullmatch(r"(\d{4})(?:(?:-|–|~|\.\.)(\d{4}))?", years[0])
        if not m:
            raise SdError(f"due takes a year or a range such as 2024-2025, not {years[0]!r}.")
        first, last = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    check_year(first)
    check_year(last, "last year")
    items = due_items(conn, first, last, implied, resolve_filters(conn, line, year_key=False))
    span = f"{first}–{last}" if last and last != first else str(first)
    n = sum(len(i["due"]) for i in items)
    caption = f"{_of(len(items), 'item')}, {_of(n, 'target')} due {span}" + (
        "" if implied else " (add `implied` for plan-end years)"
    )
    return Listing(items, caption, columns=DUE_COLUMNS)


def progress(conn: sqlite3.Connection, text: str) -> Listing:
    """The progress view: every target of the filtered items with its verdict, the scorecard
    (per target year) on top; `status:met,behind` and `year:` filter the targets."""
    from ...store.query import filtered_ids
    from ...store.verdicts import STATUSES, check_statuses, counts_text, records
    from ..views import progress_columns

    line = parse_line(text)
    if line.filters.get("kind") == "result":
        raise SdError("kind takes goal, measure or indicator here: results are what targets are checked by.")
    filters = resolve_filters(conn, line, year_key=False)
    year = _int(line.filters["year"], "year") if "year" in line.filters else None
    statuses = check_statuses(line.filters.get("status"))
    ids = filtered_ids(conn, filters)
    if line.words:  # words narrow the items as `find` reads them
        from ...store.search import find_items, prepare

        ids = [i["id"] for i in find_items(conn, prepare(conn, line.words), filters)]
    rows = records(conn, ids, year, statuses)
    counts = {s: sum(r["status"] == s for r in rows) for s in STATUSES}
    by_year: dict[int, dict[str, int]] = {}
    for r in rows:
        c = by_year.setdefault(r["year"], {})
        c[r["status"]] = c.get(r["status"], 0) + 1
    head = [f"  {y}: {counts_text(c)}" for y, c in sorted(by_year.items())]
    caption = f"{_of(len(rows), 'target')}: {counts_text(counts) or 'none'}"
    return Listing(rows, caption, head=head, columns=progress_columns())


def plans(conn: sqlite3.Connection, text: str) -> Listing:
    """The plans view: every plan (documents and sub-plans); words keep those whose id, alias
    or title holds them."""
    from ...store.query import plans as all_plans
    from ..views import PLAN_COLUMNS

    words = parse_line(text).words.lower().split()
    rows = [
        p
        for p in all_plans(conn)
        if all(w in " ".join([p["id"], p["title"], p["short"] or "", *p["aliases"]]).lower() for w in words)
    ]
    return Listing(rows, _of(len(rows), "plan"), columns=PLAN_COLUMNS)


def _of(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


# ---------------------------------------------------------------------------------------------
# One item, whole


@dataclass
class Detail:
    """An item as the detail pane shows it: the item object (each target with its stored
    verdict record), the source lines around it, and its document."""

    item: dict
    verdicts: dict[int, dict]
    source_path: str
    context: list[tuple[int, str]]
    document: dict


def detail(conn: sqlite3.Connection, item_id: str, around: int = 2) -> Detail:
    """The item ``item_id`` with its targets' verdicts, ``around`` lines of source each side of
    its line, and its plan's document (title, number, issuer, dates, address)."""
    from ...kb.paths import data_dir
    from ...store.query import get_item
    from ...store.query import plans as all_plans
    from ...store.verdicts import target_verdicts

    item = get_item(conn, item_id)
    src = item["source"]
    path = data_dir() / "sources" / src["file"]
    lines = _source_lines(path)
    line = src["line"]
    context = [(n, lines[n - 1]) for n in range(max(1, line - around), min(len(lines), line + around) + 1)]
    by_id = {p["id"]: p for p in all_plans(conn)}
    plan = by_id.get(item["plan"], {})
    top = plan
    while top.get("parent") in by_id:  # a sub-plan's document is its parent's
        top = by_id[top["parent"]]
    document = {
        "title": top.get("title") or item["plan_title"],
        "plan": plan.get("title") or item["plan_title"],
        "number": top.get("number"),
        "issuer": top.get("issuer"),
        "published": top.get("published") or top.get("issued"),
        "address": _address(lines),
    }
    return Detail(item, target_verdicts(conn, item["id"]), f"data/sources/{src['file']}", context, document)


def _source_lines(path: Path) -> list[str]:
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return path.read_text(encoding="utf-8").splitlines()
    return []


def _address(lines: list[str]) -> str | None:
    """Where the document was published, as its text says (`来源：…` near the top)."""
    for text in lines[:15]:
        m = re.search(r"来源[:：]\s*([^|｜]+)", text)
        if m and m.group(1).strip():
            return m.group(1).strip()
    return None


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Every place a query term occurs in ``text`` (folded as the index folds), to highlight."""
    from ...store.snippets import locate

    out = []
    for term in terms:
        start = 0
        while term and start < len(text):
            hit = locate(text[start:], term)
            if hit is None:
                break
            out.append((start + hit[0], start + hit[1]))
            start += hit[1]
    return out


def value_text(t: dict) -> str:
    from ..views import value_text as text

    return text(t)


def year_text(t: dict) -> str:
    from ..views import year_text as text

    return text(t)


def years_text(item: dict) -> str:
    from ..views import years_text as text

    return text(item)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """``text`` cut into lines of ``width`` cells as the command line's tables cut Chinese:
    each line's (start, end) offsets."""
    from ..termtable import wrap as cut

    return cut(text, width)


def text_width(text: str) -> int:
    """Display width in cells (a CJK character takes two)."""
    from ..termtable import text_width as cells

    return cells(text)


def marks() -> dict[str, str]:
    from ...store.verdicts import MARKS

    return MARKS


def formats() -> tuple[str, ...]:
    """The formats export writes: the command line's, less the terminal table."""
    from ..render import FORMATS

    return tuple(f for f in FORMATS if f != "table")


def export(listing: Listing, fmt: str, path: Path) -> int:
    """Write ``listing``'s rows to ``path`` in ``fmt`` with the command's own renderer and
    columns (so a file from browse reads like `sdtargets … --format FMT`); the rows written."""
    import sys

    from ..render import emit, settings

    saved = settings.fields, settings.color, settings.pager
    settings.fields, settings.color, settings.pager = None, False, False
    try:
        with open(path, "w", encoding="utf-8", newline="") as fh, contextlib.redirect_stdout(fh):
            rows = listing.rows if isinstance(listing.rows, list) else list(listing.rows)
            if rows and not all(isinstance(r, str) for r in rows):  # some decoded: all decoded
                rows = [dict(row(listing, i)) for i in range(len(rows))]
            if listing.whole and fmt in ("json", "jsonl", "yaml"):
                rows = listing.whole(rows)
            emit(rows, fmt, listing.columns)
            sys.stdout.flush()
    except OSError as exc:
        raise SdError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    finally:
        settings.fields, settings.color, settings.pager = saved
    return len(listing.rows)
