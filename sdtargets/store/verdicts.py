"""Reading the verdicts the build stored (`progress` table): for `progress`, `show` and the
`agency` header. Plain SQL, no heavy imports, so that the query commands stay fast; the verdicts
themselves are made by `sdtargets.store.progress` when the database is built.
"""

from __future__ import annotations

import json
import sqlite3

from ..errors import SdError

STATUSES = ("met", "not_met", "on_track", "behind", "no_report", "not_comparable")

#: How a table marks each status.
MARKS = {
    "met": "✓ met",
    "not_met": "✗ not met",
    "on_track": "↗ on track",
    "behind": "↘ behind",
    "no_report": "· no report",
    "not_comparable": "≠ not comparable",
}


def check_statuses(text: str | None) -> list[str] | None:
    """`--status met,not_met` → the statuses; an unknown one → `SdError` naming the valid ones."""
    if text is None:
        return None
    wanted = [s.strip().replace("-", "_") for s in text.split(",") if s.strip()]
    bad = [s for s in wanted if s not in STATUSES]
    if bad or not wanted:
        raise SdError(f"Unknown status {(bad or [text])[0]!r}: use one of {', '.join(STATUSES)}.")
    return wanted


def records(
    conn: sqlite3.Connection, ids: list[str], year: int | list[int] | None, statuses: list[str] | None
) -> list[dict]:
    """The stored progress records of ``ids``' targets, in base order, filtered by target year
    (one or several) and status."""
    sql = (
        "select p.json from progress p join items i on i.id = p.item_id"
        " where p.item_id in (select value from json_each(?))"
    )
    params: list[object] = [json.dumps(ids, ensure_ascii=False)]
    if year is not None and year != []:
        sql += " and p.year in (select value from json_each(?))"
        params.append(json.dumps(year if isinstance(year, list) else [year]))
    if statuses is not None:
        sql += " and p.status in (select value from json_each(?))"
        params.append(json.dumps(statuses))
    sql += " order by i.seq, p.position"
    return [json.loads(r[0]) for r in conn.execute(sql, params)]


def target_statuses(conn: sqlite3.Connection, item_id: str) -> dict[int, str]:
    """Target position → status, for one item (empty for a result, or an old database)."""
    try:
        rows = conn.execute("select position, status from progress where item_id = ?", (item_id,)).fetchall()
    except sqlite3.OperationalError:
        return {}
    return {r[0]: r[1] for r in rows}


def target_verdicts(conn: sqlite3.Connection, item_id: str) -> dict[int, dict]:
    """Target position → its whole stored record (status, gap, the figure used), for one item:
    `show`'s table says by which report a target was met."""
    try:
        rows = conn.execute("select position, json from progress where item_id = ?", (item_id,)).fetchall()
    except sqlite3.OperationalError:
        return {}
    return {r[0]: json.loads(r[1]) for r in rows}


def counts_by_year(conn: sqlite3.Connection, ids: list[str]) -> dict[int, dict[str, int]]:
    """Year → status → number of targets, over ``ids``: the `agency` header's progress line."""
    rows = conn.execute(
        "select year, status, count(*) from progress where item_id in (select value from json_each(?))"
        " group by year, status order by year",
        (json.dumps(ids, ensure_ascii=False),),
    ).fetchall()
    out: dict[int, dict[str, int]] = {}
    for year, status, n in rows:
        out.setdefault(year, {})[status] = n
    return out


def counts_text(counts: dict[str, int]) -> str:
    """`9 met, 2 not met, 14 no report` (statuses in their fixed order, empty ones left out)."""
    return ", ".join(f"{counts[s]} {s.replace('_', ' ')}" for s in STATUSES if counts.get(s))
