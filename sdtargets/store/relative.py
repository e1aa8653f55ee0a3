"""Targets a reader judges with arithmetic: relative targets against their baseline, figures
derived from two others, yearly averages over a span. Plain functions over the figures
`progress.figures` collects; `progress.assess` calls them when the target's own figures settle
nothing, so a direct figure always wins over a derived one.

The rules (SPEC, "Progress"), each a computation a careful reader would do and the record shows:

- `翻番`/`翻一番`/`倍增` (no number, or a number of 倍): the level the target names, at its
  baseline year, times two (or the 倍 it states).
- `提高N个百分点` (a metric named `…提高`/`…提升` in 个百分点): the share at the baseline
  year plus N points.
- `比YYYY年增长N%`: the level of YYYY times (1 + N %).
- The baseline year is the one the target states (`baseline`, `比2020年`; `每年`: the year
  before the target's), else the year before its span or its plan's period. The baseline value
  is the target's own `baseline`, else a figure the base reports for that year; none → the
  target stays not comparable, and says why.
- A `年均` rate over a span, when every year of the span has its own figure: the compound
  yearly average of them; else, from the growth over the whole span (`增长34.3%` over
  2021-2025): its compound yearly average.
- A level from last year's level plus this year's increment (`新增X` and `X`, both reported),
  or an increment from two years' levels: only where both figures are in the base, both cited.
"""

from __future__ import annotations

import re

from ..kb.metrics import Vocabulary
from ..text.numbers import base_value, written

_DOUBLE_RE = re.compile(r"翻番|翻一番|倍增")
_SINCE_RE = re.compile(r"比(\d{4})年(?:底|末)?(?:增长|提高|增加)")
_RISE_SUFFIXES = ("提高", "提升", "增加")
_MULTIPLE_SUFFIXES = ("为基期倍数",)
_APPROXIMATE = frozenset({"左右", "约", "近"})


def _num(x: float) -> str:
    return written(round(x, 4))


def relative_of(t: dict, vocab: Vocabulary) -> dict | None:
    """What a relative target is relative to: `{"kind", "level", "factor" | "points" | "growth",
    "year" (the stated base year or None)}`; None for a target that states its level itself."""
    quote, unit, value = t.get("quote") or "", t.get("unit") or "", t.get("value")
    metric = vocab.name(t["metric"])
    since = _SINCE_RE.search(quote)
    stated = int(since.group(1)) if since else None
    if _DOUBLE_RE.search(quote) and (value is None or unit == "倍"):
        level = metric
        for suffix in _MULTIPLE_SUFFIXES:
            level = level.removesuffix(suffix)
        factor = value if unit == "倍" and value else 2
        return {"kind": "multiple", "level": vocab.name(level), "factor": factor, "year": stated}
    if value is None:
        return None
    if metric.endswith(_RISE_SUFFIXES) and not set(t.get("cmp") or []) & {"下降", "降低"}:
        level = metric[:-2]
        if vocab.known(level):  # 提高N个百分点 of a share, 提高N岁 of a life, 增加N个 of a count
            return {
                "kind": "points",
                "level": vocab.name(level),
                "points": value,
                "unit": unit,
                "year": stated,
            }
    if unit == "%" and stated is not None and metric.endswith("增长"):
        level = metric.removesuffix("增长")
        if vocab.known(level):
            return {"kind": "growth", "level": vocab.name(level), "growth": value, "year": stated}
    return None


def base_year(t: dict, rel: dict, plan: dict | None) -> int | None:
    """The year a relative target counts from: stated, else before its span or its plan."""
    if rel.get("year"):
        return rel["year"]
    if "每年" in (t.get("quote") or ""):  # 每年提高2个百分点: each year over the one before
        return t["year"] - 1
    if (t.get("baseline") or {}).get("year"):
        return t["baseline"]["year"]
    if t.get("span"):
        return t["span"][0] - 1
    if plan and plan.get("period"):
        return plan["period"][0] - 1
    return None


def baseline_figure(rel: dict, year: int, figs: dict[str, list[dict]]) -> dict | None:
    """The base's whole-year figure of the level at ``year`` (the latest document's), not a floor;
    else the baseline a plan states beside a target of the level (fyp14's table: 2020's column)."""
    found = [
        f
        for f in figs.get(rel["level"], [])
        if f["year"] == year and f["span"] == "year" and not f["partial"] and not f.get("derived")
    ]
    exact = [f for f in found if not f["bound"]]
    if exact:
        return exact[-1]
    return getattr(figs, "baselines", {}).get((rel["level"], year))


def stated_baseline(item: dict, t: dict) -> dict:
    """A target's stated `baseline`, cited as a figure: the plan's own words for the base year."""
    b = t["baseline"]
    return {
        "item": item["id"],
        "plan": item["plan"],
        "metric": t["metric"],
        "value": b["value"],
        "unit": t.get("unit") or "",
        "year": b["year"],
        "quote": t["quote"],
        "source": {"file": item["_file"], "line": item["line"]},
    }


def required(rel: dict, t: dict, base: dict) -> tuple[dict, str] | None:
    """The level the target asks for, as a target of the level metric (in the baseline's unit),
    and the arithmetic in words: `2 × 2110公里 (2020, fyp14.r6) = 4220公里`. A `左右` on an
    increase allows 5 % of the increase, not of the level. None when the increase and the
    baseline are in different units (points against a count)."""
    unit = base["unit"]
    cite = f"({base['year']}, {base['item']})"
    about = "左右" in (t.get("cmp") or [])
    if rel["kind"] == "multiple":
        value = base["value"] * rel["factor"]
        sums = f"{_num(rel['factor'])} × {_num(base['value'])}{unit} {cite} = {_num(value)}{unit}"
    elif rel["kind"] == "points":
        points_of_share = rel["unit"] == "个百分点" and unit == "%"
        if not points_of_share and rel["unit"] != unit:
            return None
        step = rel["points"] * (0.95 if about else 1)
        said = f"{_num(rel['points'])}{rel['unit']}" + (" 左右 (within 5 %)" if about else "")
        value = base["value"] + step
        sums = f"{_num(base['value'])}{unit} {cite} + {said} = {_num(value)}{unit}"
    else:
        value = base["value"] * (1 + rel["growth"] / 100)
        sums = f"{_num(base['value'])}{unit} {cite} × (1 + {_num(rel['growth'])}%) = {_num(value)}{unit}"
    value = round(value, 4)
    dropped = ("提高", "提升", "增长", "增加", "年均", "累计") + (
        ("左右", "约") if rel["kind"] == "points" else ()
    )
    cmp = [c for c in t.get("cmp") or [] if c not in dropped]
    synthetic = {
        **{k: v for k, v in t.items() if k not in ("span", "average", "baseline", "value_max")},
        "metric": rel["level"],
        "value": value,
        "unit": unit,
        "cmp": cmp,
    }
    synthetic["value_base"], synthetic["base_unit"] = base_value(value, unit)
    return synthetic, sums


def no_baseline(rel: dict, year: int | None) -> str:
    """Why a relative target stays not comparable."""
    words = {"multiple": "翻番", "points": "提高…", "growth": "增长…%"}[rel["kind"]]
    when = f"in {year}" if year else "at any stated base year"
    return f"a relative target ({words}) needs {rel['level']} {when} as its baseline; the base holds none"


# ---------------------------------------------------------------------------------------------
# Figures computed from two or more reported ones


def average_figure(t: dict, yearly: list[dict]) -> dict | None:
    """The compound yearly average of a rate over the target's span, from one whole-year figure
    for every year of it (the latest document's for each); None when a year is missing."""
    span = t.get("span")
    if not span:
        return None
    by_year: dict[int, dict] = {}
    for f in yearly:
        if f["span"] == "year" and not f["partial"] and not f["bound"] and f["base_unit"] == "%":
            by_year[f["year"]] = f
    years = list(range(span[0], span[1] + 1))
    if not years or any(y not in by_year for y in years):
        return None
    used = [by_year[y] for y in years]
    product = 1.0
    for f in used:
        product *= 1 + f["value_base"] / 100
    avg = round((product ** (1 / len(used)) - 1) * 100, 2)
    last = used[-1]
    rates = ", ".join(f"{_num(f['value'])}% ({f['year']}, {f['item']})" for f in used)
    fig = {
        **last,
        "value": avg,
        "value_base": avg,
        "cmp": ["年均"],
        "quote": last["quote"],
        "span": "average",
        "years": (span[0], span[1]),
        "derived": {
            "arithmetic": f"compound yearly average of {rates} = {_num(avg)}%",
            "from": [cite_figure(f) for f in used],
        },
    }
    return fig


def average_from_total(t: dict, total: dict, entry: dict) -> dict:
    """The compound yearly average over the target's span from the growth over the whole span:
    `(1 + 34.3%)^(1/5) - 1 = 6.08%`, a figure of the target's own metric, citing the total."""
    span = t["span"]
    n = span[1] - span[0] + 1
    avg = round(((1 + total["value_base"] / 100) ** (1 / n) - 1) * 100, 2)
    sums = (
        f"(1 + {_num(total['value'])}% ({span[0]}-{span[1]}, {total['item']}))^(1/{n}) - 1 = "
        f"{_num(avg)}% a year"
    )
    return {
        **{k: v for k, v in total.items() if k != "note"},
        "metric": t["metric"],
        "value": avg,
        "unit": "%",
        "value_base": avg,
        "base_unit": "%",
        "cmp": ["年均"],
        "span": "average",
        "years": (span[0], span[1]),
        "entry": entry,
        "derived": {"arithmetic": sums, "from": [cite_figure(total)]},
    }


def derived_figures(figs: dict[str, list[dict]], vocab: Vocabulary) -> None:
    """Add to ``figs`` each level derivable as last year's level plus this year's increment
    (`X` and `新增X`), and each increment as the difference of two years' levels, for the years
    the base reports neither directly. Both inputs must be whole-year figures in one base unit."""
    for flow_name, entry in list(vocab.entries.items()):
        if not flow_name.startswith("新增") or entry["quantity"] != "flow":
            continue
        stock_name = vocab.name(flow_name.removeprefix("新增"))
        stock_entry = vocab.entries.get(stock_name)
        if stock_entry is None or stock_entry["quantity"] != "stock":
            continue
        if (stock_entry.get("scope") or None) != (entry.get("scope") or None):
            continue
        stocks = _whole(figs.get(stock_name, []))
        flows = _whole(figs.get(flow_name, []))
        for year, new in flows.items():
            before = stocks.get(year - 1)
            if year in stocks or before is None or before["base_unit"] != new["base_unit"]:
                continue
            value_base = before["value_base"] + new["value_base"]
            fig = _derived(before, new, stock_name, year, value_base, "+", before["bound"] or new["bound"])
            fig["entry"] = stock_entry
            figs.setdefault(stock_name, []).append(fig)
        for year, now in stocks.items():
            before = stocks.get(year - 1)
            if year in flows or before is None or before["base_unit"] != now["base_unit"]:
                continue
            if before["bound"] or now["bound"]:  # a difference of floors is no figure at all
                continue
            value_base = now["value_base"] - before["value_base"]
            fig = _derived(now, before, flow_name, year, value_base, "-", None)
            fig["entry"] = entry
            figs.setdefault(flow_name, []).append(fig)


def risen_levels(figs: dict[str, list[dict]], vocab: Vocabulary) -> None:
    """Add to ``figs`` each level derivable as the level the year before a rise began plus the
    rise (`高等教育毛入学率` 56.75 % in 2020 + `高等教育毛入学率提高` 6.2 个百分点 over 2021-2025 =
    62.95 % in 2025), for the years the base reports no level directly. The rise is a figure of
    a metric named `…提高`/`…提升`/`…增加` whose level the vocabulary knows: over its `span`, or
    over its own year (from the year before). Points add to a share in %; anything else only in
    one base unit. Neither may be written as approximate (`51%左右`, `约`): the sum of two
    approximations is no figure to judge a margin of half a point by."""
    for rise_name, entry in list(vocab.entries.items()):
        if not rise_name.endswith(_RISE_SUFFIXES) or entry["quantity"] != "rate":
            continue
        level_name = vocab.name(rise_name[:-2])
        level_entry = vocab.entries.get(level_name)
        if level_entry is None or level_entry["quantity"] not in ("stock", "share"):
            continue
        levels = _whole(figs.get(level_name, []))
        for rise in figs.get(rise_name, []):
            if rise["partial"] or rise.get("derived") or rise["span"] == "average":
                continue
            first = rise["years"][0] if rise["years"] else rise["year"]
            if rise["span"] == "period" and not rise["years"]:
                continue  # a change over years the data does not state
            before = levels.get(first - 1)
            if rise["year"] in levels or before is None or before["bound"] == "upper":
                continue
            if {*before["cmp"], *rise["cmp"]} & _APPROXIMATE:  # about 51 % plus about 1.5 points
                continue
            points = rise["base_unit"] == "个百分点" and before["base_unit"] == "%"
            if not points and rise["base_unit"] != before["base_unit"]:
                continue
            value_base = before["value_base"] + rise["value_base"]
            bound = before["bound"] or rise["bound"]
            fig = _derived(before, rise, level_name, rise["year"], value_base, "+", bound)
            fig.update(span="year", years=None, partial=None, entry=level_entry)
            figs.setdefault(level_name, []).append(fig)


def _whole(figs: list[dict]) -> dict[int, dict]:
    """Year → the latest document's whole-year, directly reported figure."""
    out: dict[int, dict] = {}
    for f in figs:
        if f["span"] == "year" and not f["partial"] and not f.get("derived"):
            out[f["year"]] = f
    return out


def _derived(a: dict, b: dict, metric: str, year: int, value_base: float, op: str, bound: str | None) -> dict:
    """A figure of ``metric`` for ``year`` computed as a `op` b, in a's unit, citing both."""
    factor = a["value_base"] / a["value"] if a["value"] else 1
    value = round(value_base / factor, 4)
    value = int(value) if value == int(value) else value  # 24.2 - 20.2 is 4, not 4.0
    bv = round(value_base, 4)
    unit = a["unit"]
    sums = (
        f"{_num(a['value'])}{unit} ({a['year']}, {a['item']}) {op} {_num(b['value'])}{b['unit']} "
        f"({b['year']}, {b['item']}) = {_num(value)}{unit}"
    )
    later = a if a["year"] >= b["year"] else b
    return {
        **{k: v for k, v in later.items() if k != "note"},
        "metric": metric,
        "value": value,
        "unit": unit,
        "value_base": bv,
        "base_unit": a["base_unit"],
        "year": year,
        "cmp": [],
        "bound": bound,
        "derived": {"arithmetic": sums, "from": [cite_figure(a), cite_figure(b)]},
    }


def cite_figure(f: dict) -> dict:
    """A figure a derivation used, cited as the JSON cites every figure."""
    return {
        "item": f["item"],
        "plan": f["plan"],
        "metric": f["metric"],
        "value": f["value"],
        "unit": f["unit"],
        "year": f["year"],
        "quote": f["quote"],
        "source": f["source"],
    }
