"""A direct answer to a question about a number: the targets and results of the metric a query
names, cited, ahead of the items.

A query names a metric when one of its term groups, or several of them read together, is a
metric's name or alias in the vocabulary or the name of some target's metric
(`光伏装机`, `新能源汽车 保有量`, `5G base stations` → 5g基站); a year among its words
(`2025年…`) keeps the targets and results of that year, when there are any. Each line is one
target (the items that set it cited), with the latest figure reported by then:
`5G基站: 27万个 by 2025 (act2024-digital.goal, act2024-ict.15); reported 24.2万个 in 2024
(gwr2025.r18)`; a metric with results and no target gives its latest results.
"""

from __future__ import annotations

import json
import sqlite3

from .syntax import is_year

#: At most this many lines: an answer, not a timeline (`sdtargets timeline` has them all).
MAX_LINES = 6


def named_metrics(conn: sqlite3.Connection, groups: list) -> list[str]:  # noqa: ANN001 - reading.Group
    """The target metrics the query's groups name, alone or read together (every wording of a
    vocabulary metric named by its name or an alias). Asked in SQL over the candidates only:
    this runs for every query, and a scan of the vocabulary in Python cost ~20 ms."""
    words = [g for g in groups if not (len(g.alts) == 1 and is_year(g.alts[0]))]
    candidates = {a for g in words for a in g.alts}
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            if all(len(g.alts) == 1 for g in words[i:j]):
                candidates.add("".join(g.alts[0] for g in words[i:j]))
    if not candidates:
        return []
    # as folded (`5g基站`) and with its letters in capitals (`5G基站`, `GDP`): the names' own
    # spelling, so that every lookup is an index's, not a scan folding every row
    candidates |= {c.upper() for c in candidates if c != c.upper()}
    cands = json.dumps(sorted(candidates), ensure_ascii=False)
    try:  # the vocabulary metrics named, by name or alias, with all their wordings
        rows = conn.execute(
            """select m.name, m.aliases from metrics m where m.name in (select value from json_each(:c))
               or (m.aliases != '[]' and exists (select 1 from json_each(m.aliases) a
                   where a.value in (select value from json_each(:c))))""",
            {"c": cands},
        ).fetchall()
    except sqlite3.OperationalError:  # a store without the vocabulary
        rows = []
    forms = sorted({f for name, aliases in rows for f in [name, *json.loads(aliases or "[]")]} | candidates)
    found = conn.execute(
        "select distinct metric from targets where metric in (select value from json_each(?))",
        (json.dumps(forms, ensure_ascii=False),),
    ).fetchall()
    return [r[0] for r in found]


def answers(conn: sqlite3.Connection, groups: list) -> list[dict]:  # noqa: ANN001 - reading.Group
    """The answer lines for a query's term groups (empty when it names no metric): each a dict
    with ``text`` (the line, cited), ``metric``, ``year``, ``value``, ``value_max``, ``unit``,
    ``items`` (the targets' items) and ``reported`` (the latest result by then, or None)."""
    metrics = named_metrics(conn, groups)
    if not metrics:
        return []
    from .overview import metric_rows

    rows = metric_rows(conn, metrics)
    years = {int(g.alts[0]) for g in groups if len(g.alts) == 1 and is_year(g.alts[0])}
    if years and any(r["year"] in years for r in rows):
        chosen = [r for r in rows if r["year"] in years]
    else:
        chosen = rows
    results = [r for r in rows if r["kind"] == "result"]
    lines: dict[tuple, dict] = {}
    for r in chosen:
        if r["kind"] != "target":
            continue
        key = (r["metric"], r["year"], r["value"], r["value_max"], r["unit"])
        if key in lines:
            lines[key]["items"].append(r["item"])
            continue
        before = [
            x
            for x in results
            if x["metric"] == r["metric"] and x["year"] <= r["year"] and _covers(x) == _covers(r)
        ]
        lines[key] = _line(r, before[-1] if before else None)
    out = list(lines.values())
    if not out:  # results only: the latest of each metric (of the year asked, if any)
        latest: dict[str, dict] = {}
        for r in chosen:
            latest[r["metric"]] = r
        out = [_line(None, r) for r in latest.values()]
    for line in out:
        line["text"] = _text(line)
    return out[-MAX_LINES:] if len(out) > MAX_LINES else out


def _covers(r: dict) -> tuple:
    """What a figure covers: its span (a five-year total, a 年均 over years), whether it is an
    average, and a part of its year. A target is answered only by a figure covering the same:
    a five-year `年均增长5.9%` never answers a one-year `增长5%以上` (as `progress` judges)."""
    span = tuple(r["span"]) if r.get("span") else None
    return span, bool(r.get("average")) or "年均" in (r.get("cmp") or []), r.get("part")


def _amount(r: dict) -> str:
    """`27万个`, `5%–6%` as the documents write the figure."""
    unit = r.get("unit") or ""
    if r.get("value_max") is not None:
        return f"{_num(r['value'])}{unit}–{_num(r['value_max'])}{unit}"
    return f"{_num(r['value'])}{unit}"


def _num(x: float | int | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


def _line(target: dict | None, result: dict | None) -> dict:
    base = target or result or {}
    reported = None
    if result is not None:
        reported = {"value": result["value"], "unit": result["unit"], "year": result["year"]}
        reported |= {"item": result["item"], "amount": _amount(result), "span": result.get("span")}
    return {
        "metric": base["metric"],
        "year": base["year"] if target else None,
        "value": base["value"] if target else None,
        "value_max": base["value_max"] if target else None,
        "unit": base["unit"] if target else None,
        "amount": _amount(target) if target else None,
        "quote": target["quote"] if target else None,
        "items": [target["item"]] if target else [],
        "reported": reported,
    }


def _text(line: dict) -> str:
    """`5G基站: 27万个 by 2025 (act2024-ict.15); reported 24.2万个 in 2024 (gwr2025.r18)`."""
    rep = line["reported"]
    when = f"{rep['span'][0]}–{rep['span'][1]}" if rep and rep.get("span") else rep and rep["year"]
    said = f"reported {rep['amount']} in {when} ({rep['item']})" if rep else ""
    if line["items"] and line["value"] is None:  # a target in words (稳定在…): the source's own
        text = f"{line['metric']}: “{line['quote']}” by {line['year']} ({', '.join(line['items'])})"
        return text + (f"; {said}" if said else "")
    if not line["items"]:
        return f"{line['metric']}: {said}"
    text = f"{line['metric']}: {line['amount']} by {line['year']} ({', '.join(line['items'])})"
    return text + (f"; {said}" if said else "")


def cited(lines: list[dict]) -> dict[str, list[dict]]:
    """item id → the answer lines citing it (as target or as the reported result), for the
    `answer` key of the item objects; each line without its bookkeeping."""
    out: dict[str, list[dict]] = {}
    for line in lines:
        public = {k: v for k, v in line.items() if k != "amount"}
        ids = list(line["items"]) + ([line["reported"]["item"]] if line["reported"] else [])
        for iid in dict.fromkeys(ids):
            out.setdefault(iid, []).append(public)
    return out
