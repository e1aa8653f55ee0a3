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


#: The order `progress` lists targets in: verdicts first, the worst first, then those no
#: document settles (a figure of something else, then nothing reported yet).
ORDER = ("not_met", "behind", "on_track", "met", "not_comparable", "no_report")


def worst_first(recs: list[dict]) -> list[dict]:
    """The records by `ORDER` of their status, base order kept within one status."""
    rank = {s: n for n, s in enumerate(ORDER)}
    return sorted(recs, key=lambda r: rank.get(r["status"], len(ORDER)))


def summary(recs: list[dict], by: str = "plan") -> list[dict]:
    """Counts by status per plan (``by`` = `plan`) or per lead agency (`agency`; a target whose
    item names none counts under `(none named)`), then the total: `progress`'s first table and
    `--summary`'s answer. Each row: the group, one count per status, `decided` (met, not met, on
    track, behind) and `total`."""
    groups: dict[str, dict[str, int]] = {}
    for r in recs:
        keys = [r["plan"]] if by == "plan" else (r.get("lead") or ["(none named)"])
        for key in keys:
            counts = groups.setdefault(key, dict.fromkeys(STATUSES, 0))
            counts[r["status"]] += 1
    rows = [{by: key, **counts} for key, counts in groups.items()]
    total = dict.fromkeys(STATUSES, 0)
    for r in recs:
        total[r["status"]] += 1
    if len(rows) != 1:
        rows.append({by: "all", **total})
    for row in rows:
        row["decided"] = sum(row[s] for s in ("met", "not_met", "on_track", "behind"))
        row["total"] = sum(row[s] for s in STATUSES)
    return rows


def on_topic(recs: list[dict], terms: list[str]) -> list[dict]:
    """The records of a topic query: of each matching item, the targets whose metric or quote
    holds a searched term, or all its targets when none does (the item matched as a whole)."""
    from ..text.fold import normalise_text

    by_item: dict[str, list[dict]] = {}
    for r in recs:
        by_item.setdefault(r["item"], []).append(r)
    out = []
    for rs in by_item.values():
        hit = [r for r in rs if any(t in normalise_text(r["metric"] + " " + r["quote"]) for t in terms)]
        out += hit or rs
    return out


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


#: The keys of a stored record `show --json` gives with each target (`progress --json` has them
#: all): the verdict, the figure that settled it, and the arithmetic.
VERDICT_KEYS = ("status", "rule", "result", "gap", "gap_text", "reached", "derived", "last", "why", "pace")


def verdict_of(record: dict) -> dict:
    """The verdict part of a stored progress record (its target's own fields are the item's)."""
    return {k: record[k] for k in VERDICT_KEYS if record.get(k) is not None}


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
