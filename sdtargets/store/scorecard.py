"""`scorecard`: the work reports' headline annual targets, year by year, with what the next
report said.

Every January the provincial government work report reviews last year and sets this year's
targets (its goal items: GDP growth, budget revenue, income, new urban jobs, unemployment, CPI,
grain …). The rows are those targets, taken from the data: the targets, for the report's own
year, of the goal items of every plan that is a government work report (`政府工作报告` in its
title), one row per canonical metric. Each year is a column: the target of that year's report,
the figure a report gives for that year, and the verdict `progress` stored. A year with no
report of its own in the base (2023, reviewed by the 2024 report) still shows its figure.
"""

from __future__ import annotations

import json
import sqlite3

from .query import items_by_id
from .verdicts import records

#: What makes a plan a government work report, by its title.
WORK_REPORT = "政府工作报告"


def work_reports(conn: sqlite3.Connection) -> list[dict]:
    """The work reports in the base, oldest first: id, title, the year they set targets for (the
    year issued), and their goal items."""
    rows = conn.execute(
        "select id, title, issued, published, period_start from plans where title like ? order by seq",
        (f"%{WORK_REPORT}%",),
    ).fetchall()
    out = []
    for pid, title, issued, published, start in rows:
        date = issued or published
        year = int(str(date)[:4]) if date else start
        goals = [r[0] for r in conn.execute("select id from items where plan = ? and kind = 'goal'", (pid,))]
        out.append({"plan": pid, "title": title, "year": year, "goals": goals})
    return sorted(out, key=lambda r: r["year"])


def _canonical(conn: sqlite3.Connection) -> dict[str, str]:
    """Every metric wording → its canonical name (the vocabulary the verdicts were made with)."""
    names: dict[str, str] = {}
    for name, aliases in conn.execute("select name, aliases from metrics"):
        names[name] = name
        for alias in json.loads(aliases or "[]"):
            names.setdefault(alias, name)
    return names


def _figures(conn: sqlite3.Connection, canonical: dict[str, str]) -> dict[tuple[str, int], list[dict]]:
    """(canonical metric, year) → the whole-year figures the base reports, in base order."""
    ids = [r[0] for r in conn.execute("select id from items where kind = 'result' order by seq")]
    out: dict[tuple[str, int], list[dict]] = {}
    for item in items_by_id(conn, ids):
        for t in item["targets"]:
            if t.get("value") is None or t.get("span") or t.get("part") or t.get("average"):
                continue
            fig = {k: t[k] for k in ("metric", "value", "unit", "year", "cmp", "quote")}
            fig.update(item=item["id"], plan=item["plan"], source=item["source"])
            out.setdefault((canonical.get(t["metric"], t["metric"]), t["year"]), []).append(fig)
    return out


def scorecard(conn: sqlite3.Connection) -> dict:
    """`{"years": [...], "reports": [...], "rows": [...]}`: one row per headline metric, with per
    year (as a string key) `target` (the report's target, or None), `result` (the figure used
    for the verdict, else the figure a report gives for that year, or None), `status` (the
    stored verdict, None without a target) and `gap`."""
    reports = work_reports(conn)
    if not reports:
        return {"years": [], "reports": [], "rows": []}
    canonical = _canonical(conn)
    figures = _figures(conn, canonical)
    years = list(range(reports[0]["year"] - 1, reports[-1]["year"] + 1))
    rows: dict[str, dict] = {}
    for rep in reversed(reports):  # the newest report's order first, older ones' new rows after
        for rec in records(conn, rep["goals"], rep["year"], None):
            name = canonical.get(rec["metric"], rec["metric"])
            row = rows.setdefault(name, {"metric": name, "years": {}})
            cell = row["years"].setdefault(str(rep["year"]), {})
            if cell.get("target"):  # two targets of one metric in a year: the first one stated
                continue
            cell["target"] = {
                k: rec[k] for k in ("item", "plan", "metric", "value", "unit", "cmp", "quote", "source")
            }
            cell["status"] = rec["status"]
            cell["result"] = rec["result"]
            cell["gap"] = rec.get("gap")
    reviewer = {r["year"] - 1: r["plan"] for r in reports}  # the report that reviews each year
    for name, row in rows.items():
        for year in years:
            cell = row["years"].setdefault(str(year), {"target": None, "status": None, "gap": None})
            if cell.get("result") is None:
                cell["result"] = _reported(figures.get((name, year), []), reviewer.get(year))
            row["years"][str(year)] = {k: cell.get(k) for k in ("target", "result", "status", "gap")}
        row["years"] = {str(y): row["years"][str(y)] for y in years}
    reps = [{k: r[k] for k in ("plan", "title", "year")} for r in reports]
    return {"years": years, "reports": reps, "rows": list(rows.values())}


def _reported(figs: list[dict], reviewer: str | None) -> dict | None:
    """The figure for a year a reader looks for: the one of the report that reviews that year
    (issued the next January), else the latest document's."""
    if not figs:
        return None
    reviewing = [f for f in figs if f["plan"] == reviewer]
    return (reviewing or figs)[-1]
