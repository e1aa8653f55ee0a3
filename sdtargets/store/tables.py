"""The store's tables: their layouts, and the one way rows are written into them.

Declared apart from the build (`build.py`), which fills them, so that every writer, the build
and the second process that writes the verdicts beside it (`derived.py`), and the check that a
cache is whole (`db.complete`), read the same layouts.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Iterator


#: Table layouts, declared so that an empty table still exists with its columns.
TABLES: dict[str, tuple[dict[str, type], str | None]] = {
    "meta": ({"key": str, "value": str}, "key"),
    "plans": (
        {
            "id": str,
            "seq": int,
            "title": str,
            "short": str,
            "aliases": str,
            "number": str,
            "issuer": str,
            "publisher": str,
            "issued": str,
            "published": str,
            "period_start": int,
            "period_end": int,
            "source": str,
            "url": str,
            "parent": str,
            "note": str,
        },
        "id",
    ),
    "agencies": (
        {
            "name": str,
            "seq": int,
            "full": str,
            "kind": str,
            "parent": str,
            "renamed_to": str,
            "rename_note": str,
            "note": str,
            "aliases": str,
            "collective": int,
        },
        "name",
    ),
    "agency_names": ({"form": str, "norm": str, "agency": str, "type": str}, None),
    "items": (
        {
            "id": str,
            "seq": int,
            "plan": str,
            "kind": str,
            "section": str,
            "title": str,
            "text": str,
            "file": str,
            "line": int,
            "lead_word": str,
            "support_word": str,
            "lead_implied": str,
            "agency_note": str,
            "category": str,
            "attribute": str,
            "years": str,
            "years_implied": int,
            "note": str,
        },
        "id",
    ),
    # each item as the JSON contract gives it (`item_object`), compact
    # with the strings its `snippet` is drawn from (`snippets.context_of`), read in the same pass
    "item_json": ({"id": str, "json": str, "fold": str, "aligned": int, "context": str}, "id"),
    # the folded text that `find` scans and indexes, apart from the wide item rows: a 1–2
    # character query reads every row of it, and narrow rows are a third faster to scan
    "item_search": ({"rowid": int, "id": str, "search": str}, "rowid"),
    # each item's searched fields, folded as `item_search` is: read only for the hits, to rank
    # them (title, metrics, body text, section headings, agency names, its plan's names), and
    # the lengths of the counted ones, in characters, so that the first page's SQL
    # (`toprank.py`) does not scan each text a second time to measure it
    "item_fields": (
        {
            "id": str,
            "kind": str,
            "title": str,
            "metric": str,
            "body": str,
            "section": str,
            "agency": str,
            "plan": str,
            "l_title": int,
            "l_metric": int,
            "l_body": int,
            "l_section": int,
            "l_agency": int,
        },
        "id",
    ),
    # traditional → simplified characters (`t2s_table`), for folding a query without OpenCC
    "fold_chars": ({"t": str, "s": str}, "t"),
    # the base's names, folded: item titles, section headings, metrics, agency names and the
    # glossary's Chinese terms, each with how many items carry it; a typo is first looked for
    # among these (a few thousand rows at any scale) before the whole text is scanned
    "typo_words": ({"word": str, "items": int}, "word"),
    # a broad one-character search's candidates for its first page and the floor of the rest
    # (`broad.py`): a first keystroke on a large base ranks these, not half the base
    "broad_pages": ({"term": str, "item_id": str, "best": float, "df": int}, None),
    # the bilingual glossary (data/glossary.yaml): English term (folded) → Chinese term
    "glossary": ({"en": str, "zh": str, "type": str, "label": str}, None),
    "item_agencies": ({"item_id": str, "agency": str, "role": str, "word": str, "position": int}, None),
    "targets": (
        {
            "item_id": str,
            "position": int,
            "metric": str,
            "value": float,
            "value_max": float,
            "unit": str,
            "value_base": float,
            "base_unit": str,
            "year": int,
            "year_implied": int,
            "span": str,
            "average": int,
            "part": str,
            "cmp": str,
            "baseline": str,
            "raw": str,
            "correction": str,
            "note": str,
            "quote": str,
        },
        None,
    ),
    "item_years": ({"item_id": str, "year": int, "implied": int}, None),
}


def new_file_pragmas(conn: sqlite3.Connection) -> None:
    """How a file the build writes is opened: no rollback journal and no fsync (the file is new
    and private until it is renamed into place whole, or copied in; a write that fails leaves a
    file that is deleted, never one that is opened), and a 64 MB page cache with temporary
    sorts in memory (the full-text index's segments and the indexes' sorts are made there, not
    spilled to disk; 2 MB by default)."""
    conn.execute("pragma journal_mode = OFF")
    conn.execute("pragma synchronous = OFF")
    conn.execute("pragma cache_size = -65536")
    conn.execute("pragma temp_store = MEMORY")


def insert_rows(db, table: str, rows: Iterable[dict]) -> None:  # noqa: ANN001 - sqlite_utils.Database
    """Insert ``rows`` into the created ``table``, streamed through one `executemany`.

    The build's rows hold only str, int, float and None, which sqlite3 binds as they are.
    sqlite-utils' `insert_all` would inspect every value (to encode lists as JSON, dates as
    text) and commit every 100 rows, each commit a journal file and a wait for the disk: at 100x
    the base that was ~15 s of a 63 s build. Here the rows go in one transaction, committed with
    the rest of the build. A key that is not a column of the table is an error, as it is for
    `insert_all`."""
    columns = [c.name for c in db[table].columns]
    known, width = set(columns), len(columns)

    def whole(rows: Iterable[dict]) -> Iterator[dict]:
        # a row with every column is bound by name as it is, by sqlite3 in C (at 100× the base,
        # 800,000 rows each made into a list here took ~2 s); one with fewer gets None for them
        for row in rows:
            if len(row) != width or not row.keys() <= known:
                if not row.keys() <= known:
                    raise ValueError(f"{table} has no column {sorted(set(row) - known)[0]!r}")
                row = {c: row.get(c) for c in columns}
            yield row

    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join(f":{c}" for c in columns)
    sql = f"insert into [{table}] ({names}) values ({marks})"  # noqa: S608 - the build's own names
    db.conn.executemany(sql, whole(rows))


#: The verdict tables (`progress` makes their rows), created after the others.
VERDICT_TABLES: dict[str, tuple[dict[str, type], str | None]] = {
    "progress": (
        # ``seq``: the item's place in the base, so that `progress` orders and counts a page of
        # records from an index alone (`store/pages.py`), never reading every record's JSON
        {"item_id": str, "seq": int, "position": int, "plan": str, "year": int, "status": str, "json": str},
        None,
    ),
    "metrics": (
        {
            "name": str,
            "aliases": str,
            "unit": str,
            "family": str,
            "quantity": str,
            "scope": str,
            "grows": int,
            "about": str,
        },
        "name",
    ),
    "metric_links": ({"json": str}, None),
}


#: Every table the build creates, the verdicts' too, by name.
LAYOUTS = {**TABLES, **VERDICT_TABLES}
