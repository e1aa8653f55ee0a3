"""The first screen of a long answer: the rows shown, and the totals of the rest counted in SQL.

`find`, `agency`, `due` and `progress` print a caption or header counting everything that
matches (`20 of 31,000 items`), but show only ``limit`` rows. On the 100× base decoding every
matching item's stored JSON to print twenty took most of each answer (`due 2024 --limit 20`:
30,000 objects; `progress --limit 20`: 26,000 records decoded and sorted in Python). Here the
totals are counted by SQL and only the rows shown are read and decoded; with no limit the
rows are exactly the unpaged functions' (`query.due`, `agencies.duties`, `search.find_items`,
`verdicts.records` then `summary` and `worst_first`).
"""

from __future__ import annotations

import json
import sqlite3

from ..errors import SdError
from .encoded import Encoded, list_value
from .query import Filters, due_filters, filtered_ids, filtered_sql, items_by_id, items_encoded
from .verdicts import ORDER, STATUSES


def _filtering(f: Filters) -> bool:
    """Whether ``f`` filters anything (`query.filtered_sql` would have a condition)."""
    return any(x is not None for x in (f.plans, f.agencies, f.year)) or bool(f.kind or f.extra_sql)


def _first(ids: list[str], limit: int | None) -> list[str]:
    return ids[:limit] if limit else ids


def find_page(
    conn: sqlite3.Connection,
    query,  # noqa: ANN001 - search.Query or str
    filters: Filters,
    fuzzy: bool = True,
    encoded: bool = False,
    limit: int | None = None,
    snippets: bool = False,
) -> tuple[list[dict] | list[Encoded], int]:
    """`search.find_items`' first ``limit`` items, and how many match in all."""
    from .search import Query, found_items, prepare, search, search_page

    q = query if isinstance(query, Query) else prepare(conn, query)
    if limit:  # the page chosen without ranking every hit
        page, total = search_page(
            conn, q, limit, fuzzy=fuzzy, filters=filters if _filtering(filters) else None
        )
        hits = {h.item_id: h for h in page}
        shown = list(hits)
    else:
        hits = {h.item_id: h for h in search(conn, q, fuzzy=fuzzy)}
        # unfiltered, every hit (an item of the base) passes: no need to send them all to SQL and back
        ids = filtered_ids(conn, filters, list(hits)) if _filtering(filters) else list(hits)
        shown, total = _first(ids, limit), len(ids)
    return found_items(conn, q, hits, shown, encoded, snippets), total


def due_page(
    conn: sqlite3.Connection,
    year: int,
    until: int | None,
    implied: bool,
    f: Filters,
    limit: int | None = None,
    encoded: bool = False,
) -> tuple[list[dict] | list[Encoded], int, int, int]:
    """`query.due`'s first ``limit`` items, each with its ``due`` list (with ``encoded``, still
    as JSON: only each item's targets are decoded, to choose them), how many items are due in
    all, how many targets (each item's ``due`` list, summed over every item, counted in SQL)
    and how many of them the items given hold."""
    last = until if until is not None else year
    g = due_filters(year, until, implied, f)
    sql, params = filtered_sql(g)
    ids = [r[0] for r in conn.execute(sql + " order by i.seq", params)]
    count = "select count(*) from targets where year between ? and ? and year_implied <= ?"
    if _filtering(f):  # else every target in range is of an item due (it is due by that target)
        count += f" and item_id in ({sql})"
    else:
        params = []
    targets = conn.execute(count, [year, last, 1 if implied else 0, *params]).fetchone()[0]

    def due(listed: list[dict]) -> list[dict]:  # an item's targets that fall due
        return [t for t in listed if year <= t["year"] <= last and (implied or not t["year_implied"])]

    if encoded:  # at 100× the base, `due 2024 --json`: ~23,000 items not decoded and encoded again
        items: list = []
        shown = 0
        for e in items_encoded(conn, _first(ids, limit)):
            mine = due(list_value(e, "targets"))
            shown += len(mine)
            items.append(e.adding(due=mine))
        return items, len(ids), targets, shown
    items = items_by_id(conn, _first(ids, limit))
    for it in items:
        it["due"] = due(it["targets"])
    return items, len(ids), targets, sum(len(it["due"]) for it in items)


def duties_page(
    conn: sqlite3.Connection,
    agency,  # noqa: ANN001 - agencies.Agency
    filters: Filters,
    role: str | None = None,
    encoded: bool = False,
    limit: int | None = None,
) -> tuple[list[dict] | list[Encoded], list[str], int]:
    """`agencies.duties`' first ``limit`` items, the ids of all, and how many of all it leads."""
    if role not in (None, "lead", "support"):
        raise SdError(f"Unknown role {role!r}: use lead or support.")
    mine = Filters(**{**filters.__dict__, "agencies": agency.names, "role": role})
    ids = filtered_ids(conn, mine)
    sql = (
        "select item_id from item_agencies where role = 'lead' and agency in (select value from json_each(?))"
    )
    led = {r[0] for r in conn.execute(sql, (json.dumps(agency.names, ensure_ascii=False),))}
    shown = _first(ids, limit)
    if encoded:
        items: list = [
            e.adding(role="lead" if e.id in led else "support") for e in items_encoded(conn, shown)
        ]
    else:
        items = items_by_id(conn, shown)
        for it in items:
            it["role"] = "lead" if it["id"] in led else "support"
    return items, ids, sum(i in led for i in ids)


def progress_page(
    conn: sqlite3.Connection,
    filters: Filters,
    year: int | list[int] | None,
    statuses: list[str] | None,
    limit: int | None = None,
) -> tuple[list[dict], list[dict], int]:
    """`progress` without a topic, per plan: the first ``limit`` records worst first (as
    `verdicts.worst_first` orders them), the counts by status per plan (`verdicts.summary`),
    and how many records in all. Counts and order come from the index on (status, seq,
    position, plan, year, item_id); only the records shown are read and decoded."""
    where, params = "1", []
    if _filtering(filters):
        sub, params = filtered_sql(filters)
        where = f"item_id in ({sub})"
    if year is not None and year != []:  # one year, or several (a repeated --year: either)
        where += " and year in (select value from json_each(?))"
        params.append(json.dumps(year if isinstance(year, list) else [year]))
    if statuses is not None:
        where += " and status in (select value from json_each(?))"
        params.append(json.dumps(statuses))
    # this module's SQL text; every value is a parameter
    counted = f"select plan, status, count(*), min(seq) from progress where {where} group by plan, status"  # noqa: S608
    page = f"select rowid from progress where {where} and status = ? order by seq, position limit ?"  # noqa: S608
    rows = conn.execute(counted, params).fetchall()
    first: dict[str, int] = {}
    for plan, _, _, seq in rows:
        first[plan] = min(seq, first.get(plan, seq))
    groups: dict[str, dict[str, int]] = {}
    total = dict.fromkeys(STATUSES, 0)
    for plan, status, n, _ in sorted(rows, key=lambda r: first[r[0]]):
        groups.setdefault(plan, dict.fromkeys(STATUSES, 0))[status] += n
        total[status] += n
    counts = [{"plan": key, **c} for key, c in groups.items()]
    if len(counts) != 1:
        counts.append({"plan": "all", **total})
    for row in counts:
        row["decided"] = sum(row[s] for s in ("met", "not_met", "on_track", "behind"))
        row["total"] = sum(row[s] for s in STATUSES)
    # worst first: each status in `ORDER` (every status has its place), in base order, until full
    wanted = limit or sum(total.values())
    picked: list[int] = []
    for status in ORDER:
        if len(picked) >= wanted:
            break
        if total.get(status):
            picked += [r[0] for r in conn.execute(page, [*params, status, wanted - len(picked)])]
    stored = dict(
        conn.execute(
            "select rowid, json from progress where rowid in (select value from json_each(?))",
            (json.dumps(picked),),
        ).fetchall()
    )
    records = [json.loads(stored[r]) for r in picked]
    return records, counts, sum(total.values())
