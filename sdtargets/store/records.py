"""The shapes of a progress record: the target (`_record`), a figure as the JSON gives it
(`_public`, `_evidence`), the gap between them (`_gap`), amounts in a target's own unit.
Split from `progress` (the rules) so that each stays readable; nothing here decides a verdict.
"""

from __future__ import annotations

from ..text.numbers import written


def span_of(t: dict) -> str:
    """`average`, `period` or `year`: what stretch of time a figure covers, from its data alone
    (never its note): 年均 in `cmp` (or `average: true`, for a table whose column heading says
    年均) → the yearly average over its `span`; 累计 in `cmp` or a `span` of several years → a
    total or change over them; anything else → one year's figure."""
    if "年均" in (t.get("cmp") or []) or t.get("average"):
        return "average"
    if "累计" in (t.get("cmp") or []) or t.get("span"):
        return "period"
    return "year"


def in_unit(t: dict, x: float) -> str:
    """A base-unit amount written in the target's own unit: 302667 个 → `30.27万个`."""
    v, vb = t.get("value"), t.get("value_base")
    factor = vb / v if v and vb else 1
    return f"{_num(round(x / factor, 2))}{t.get('unit') or ''}"


def _num(x: float) -> str:
    """A computed amount to 4 decimals, written as `written` writes a document's numbers: `:g`
    would cut 11507.35 to 11507.4 and write 1234567.5 as 1.23457e+06."""
    return written(round(x, 4))


def _relation(fig: dict, year: int) -> str:
    if fig["year"] < year:
        return "earlier"
    if fig["year"] > year:
        return "later"
    return "partial" if fig["partial"] else "same_year"


def _evidence(fig: dict, use: str, reason: str | None) -> dict:
    out = _public(fig)
    out["use"] = use
    if reason is None and use == "partial":
        reason = f"covers {fig['partial']} only"
    if reason is None and use == "same_year" and fig["bound"]:
        reason = (
            f"written as a {'floor' if fig['bound'] == 'lower' else 'cap'}, which does not settle the target"
        )
    if reason:
        out["reason"] = reason
    return out


def _public(fig: dict) -> dict:
    """A figure as the JSON gives it: the contract's keys, then what qualifies it."""
    keys = (
        "item",
        "plan",
        "metric",
        "value",
        "unit",
        "value_base",
        "base_unit",
        "year",
        "cmp",
        "quote",
        "source",
    )
    out = {k: fig[k] for k in keys}
    if fig.get("note"):
        out["note"] = fig["note"]
    if fig.get("years"):
        out["span"] = list(fig["years"])
    if fig.get("span") == "average":
        out["average"] = True
    if fig.get("partial"):
        out["partial"] = fig["partial"]
    if fig.get("derived"):
        out["derived"] = fig["derived"]
    return out


def _gap(
    t: dict, value: float | None, projected: float | None, status: str
) -> tuple[float | None, str | None]:
    """(the figure minus the target, in the target's unit: a number for the data formats; the
    display text: `+2.5 个百分点` for a target in % (or points), `86 % of target` for counts
    and amounts)."""
    if status not in ("met", "not_met", "on_track", "behind"):
        return None, None
    x = projected if projected is not None else value
    v = t.get("value_base")
    if x is None or v is None:
        return None, None
    factor = t["value_base"] / t["value"] if t.get("value") else 1
    d = round((x - v) / factor, 4)
    return (int(d) if d == int(d) else d), _gap_text(t, x, v, projected)


def _gap_text(t: dict, x: float, v: float, projected: float | None) -> str | None:
    prefix = f"projected {in_unit(t, x)}: " if projected is not None else ""
    if (t.get("base_unit") or "") in ("岁", "年"):  # a life, a schooling: the difference in years
        d = round(x - v, 2)
        return f"{prefix}{'+' if d >= 0 else ''}{_num(d)}{t['base_unit']}"
    if (t.get("base_unit") or "") in ("%", "个百分点"):
        d = round(x - v, 2)
        return f"{prefix}{'+' if d >= 0 else ''}{_num(d)} 个百分点"
    if "位次" in t["metric"]:
        return f"{prefix}place {_num(x)} against {_num(v)}"
    if v == 0:
        return None
    return f"{prefix}{round(100 * x / v)} % of target"


def _record(item: dict, t: dict) -> dict:
    rec = {
        "item": item["id"],
        "plan": item["plan"],
        "kind": item["kind"],
        "title": item["title"],
        "metric": t["metric"],
        "year": t["year"],
        "year_implied": bool(t.get("year_implied")),
        "value": t.get("value"),
        "unit": t.get("unit") or "",
        "value_base": t.get("value_base"),
        "base_unit": t.get("base_unit") or "",
        "cmp": t.get("cmp") or [],
        "quote": t["quote"],
        "source": {"file": item["_file"], "line": item["line"]},
        "lead": item["lead"],
        "support": item["support"],
    }
    if t.get("value_max") is not None:
        rec["value_max"] = t["value_max"]
    if t.get("baseline"):
        rec["baseline"] = t["baseline"]
    if t.get("span"):
        rec["span"] = t["span"]
    if span_of(t) == "average":
        rec["average"] = True
    return rec


def cite(rec: dict, plans: dict[str, dict]) -> None:
    """Give every `source` of a record (the target's, the figure's, the evidence's and those a
    derivation used) its document's title and, where the sources give one, its address."""

    def add(obj: dict | None) -> None:
        if not obj or "source" not in obj or obj.get("plan") not in plans:
            return
        plan = plans[obj["plan"]]
        # the keys an item's `source` has (`objects.item_object`): file, line, document, title, url
        obj["source"] = {**obj["source"], "document": plan.get("number"), "title": plan["title"]}
        if plan.get("url"):
            obj["source"]["url"] = plan["url"]

    add(rec)
    for fig in [rec.get("result"), rec.get("last"), *rec.get("evidence", [])]:
        add(fig)
        for used in ((fig or {}).get("derived") or {}).get("from", []):
            add(used)
    add((rec.get("derived") or {}).get("baseline"))
