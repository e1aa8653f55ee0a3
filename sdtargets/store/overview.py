"""Overviews across the whole knowledge base: `stats` (what is in it) and `timeline` (how one
metric moved across plans and years). Plain functions over SQLite, like `query`.
"""

from __future__ import annotations

import json
import sqlite3

from ..errors import NoResults, SdError
from ..text.fold import normalise_text

#: Longest metric name looked up (the longest in the base is under 40 characters): longer input
#: is refused, not fuzzed against every metric and echoed whole in the error.
MAX_METRIC = 100


def stats(conn: sqlite3.Connection, top: int = 15) -> dict:
    """Counts per plan, kind and deadline year, and the agencies with most duties."""
    q = conn.execute
    totals = {
        "plans": q("select count(*) from plans").fetchone()[0],
        "items": q("select count(*) from items").fetchone()[0],
        "targets": q("select count(*) from targets").fetchone()[0],
        "agencies": q("select count(*) from agencies").fetchone()[0],
    }
    plans = [
        dict(r)
        for r in q(
            # a document counts the items of its sub-plans, as `--plan` includes them
            """with family(plan, id) as (select p.id, c.id from plans p join plans c
                                          on c.id = p.id or c.parent = p.id)
               select p.id as plan, p.short as title,
                 (select count(*) from items i
                   where i.plan in (select id from family f where f.plan = p.id)) as items,
                 (select count(*) from targets t join items i on i.id = t.item_id
                   where i.plan in (select id from family f where f.plan = p.id)) as targets
               from plans p order by p.seq"""
        )
    ]
    kinds = [
        dict(r)
        for r in q(
            """select kind, count(*) as items,
                 (select count(*) from targets t join items j on j.id = t.item_id where j.kind = i.kind)
                   as targets
               from items i group by kind order by items desc"""
        )
    ]
    years = [
        dict(r)
        for r in q(
            """select y.year,
                 count(distinct y.item_id) as items,
                 (select count(*) from targets t where t.year = y.year) as targets
               from (select item_id, year from item_years
                     union select item_id, year from targets) y
               group by y.year order by y.year"""
        )
    ]
    agencies = [
        dict(r)
        for r in q(
            """select agency, sum(role = 'lead') as led, sum(role = 'support') as supported,
                 count(*) as total
               from item_agencies group by agency order by total desc, agency limit ?""",
            (top,),
        )
    ]
    return {"totals": totals, "plans": plans, "kinds": kinds, "years": years, "agencies": agencies}


def metrics(conn: sqlite3.Connection) -> list[str]:
    """Every metric name, most used first: for completion and suggestions."""
    return [r[0] for r in conn.execute("select metric from targets group by metric order by count(*) desc")]


def _whole(x: float | None) -> float | int | None:
    """A number as the items' JSON writes it: SQLite gives 8000 back as 8000.0."""
    return int(x) if isinstance(x, float) and x.is_integer() else x


def timeline(conn: sqlite3.Connection, metric: str) -> list[dict]:
    """Every target and reported result whose metric is ``metric`` (or contains it), by year.

    An exact metric name selects that metric only; otherwise every metric containing the text
    (`高新技术企业` also finds `规模以上高新技术产业产值占比` only if it contains it verbatim).
    """
    wanted = normalise_text(metric)
    if not wanted:
        raise SdError("The metric is empty: give a name such as 高新技术企业.")
    if len(wanted) > MAX_METRIC:
        raise SdError(f"The metric is too long ({len(wanted)} characters; at most {MAX_METRIC}).")
    names = metrics(conn)
    chosen = metric_names(conn, metric, names)
    if not chosen:
        from rapidfuzz import fuzz, process

        # folded like ``wanted``; below the cutoff a "close" name shares nothing with the query
        found = process.extract(
            wanted, names, scorer=fuzz.partial_ratio, processor=normalise_text, limit=5, score_cutoff=50
        )
        near = [m for m, _, _ in found]
        hint = f" Close metric names: {', '.join(near)}." if near else ""
        raise NoResults(f"No target has the metric {metric!r}.{hint}")
    return metric_rows(conn, chosen)


def metric_names(conn: sqlite3.Connection, text: str, names: list[str] | None = None) -> list[str]:
    """The metric names of the targets that ``text`` names, through the one resolver
    (`names.resolve_metric`): a name or an alias of the vocabulary (with every other wording of
    that metric), traditional characters, an English name, a typo; else every metric containing
    the text."""
    from .names import resolve_metric

    return resolve_metric(conn, text, names if names is not None else metrics(conn))


def metric_rows(conn: sqlite3.Connection, chosen: list[str]) -> list[dict]:
    """Every target and reported result of the metrics ``chosen``, by year, plan and item."""
    rows = conn.execute(
        """select t.*, i.kind, i.plan, p.short as plan_title
           from targets t join items i on i.id = t.item_id join plans p on p.id = i.plan
           where t.metric in (select value from json_each(?))
           order by t.year, p.seq, i.seq, t.position""",
        (json.dumps(chosen, ensure_ascii=False),),
    ).fetchall()
    out = []
    for r in rows:
        out.append(
            {
                "year": r["year"],
                "year_implied": bool(r["year_implied"]),
                "metric": r["metric"],
                "value": _whole(r["value"]),
                "value_max": _whole(r["value_max"]),
                "unit": r["unit"],
                "value_base": _whole(r["value_base"]),
                "base_unit": r["base_unit"],
                "cmp": json.loads(r["cmp"]),
                # what the figure covers: a span of years (a five-year total or 年均), or a part
                # of its year; a one-year figure has neither
                "span": json.loads(r["span"]) if r["span"] else None,
                "average": bool(r["average"]),
                "part": r["part"],
                "kind": "result" if r["kind"] == "result" else "target",
                "item": r["item_id"],
                "plan": r["plan"],
                "plan_title": r["plan_title"],
                "quote": r["quote"],
            }
        )
    return out
