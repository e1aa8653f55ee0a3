"""Did the province deliver? Every dated target against the figures documents later report.

Plain functions, called once when the database is built (`build` writes the rows `progress_rows`
makes), so that `progress`, `show` and the `agency` header read ready verdicts. The rules are
the SPEC's, in the README's words ("Did they deliver?"):

- A target is paired only with reported figures (items of kind `result`) of the same quantity:
  the same canonical metric (`data/metrics.yaml`, aliases included) or a curated link.
- A figure is set aside as *not comparable*, with the reason, when its unit family, kind of
  quantity or scope differs from the target's, when it covers another stretch of time (one year,
  part of one, a total or a yearly average over a `span` of years: data the curators record,
  never read from a note), when the target states no number, or when a link says the two
  measure different things.
- The target's words give the comparison: 以上/突破/超过/达到/不低于/多/余/no word → at least;
  控制在/以下/以内/不超过/前 (a rank within the first N) → at most; 下降/降低 (a metric that is
  the fall) → a fall of at least; 左右/约 → 5 % tolerance (both ways with 稳定在/保持/维持在); a
  range → inside it. For a rank (`全国位次`) at least means a place no lower.
- No figure settles a target: *not comparable* when its year (or a year of its span) was answered
  with another quantity (a figure set aside, or a look-alike of `alike.Alike`: another scope or
  measure of what its name counts, a sum it is part of), else *no report*.
- A year counts as over once the base holds a report issued after it (the *horizon*): a target
  of a year up to the horizon is met or not met by a figure for its year, else has no report;
  a later year is on track or behind by the pace of the figures so far.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from ..kb.metrics import COUNT_WORDS, Vocabulary, unit_family
from ..text.numbers import base_value
from . import relative
from .alike import Alike
from .pairing import links_to, weighed
from .records import _evidence, _gap, _public, _record, _relation, cite, in_unit, span_of

AT_MOST = frozenset({"控制在", "以下", "以内", "不超过", "不高于", "<", "前"})
TWO_SIDED = frozenset({"稳定在", "保持在", "维持在", "保持"})
ABOUT = frozenset({"左右", "约"})
FALL = frozenset({"下降", "降低", "降至", "压减"})
LOWER_BOUND = frozenset({"超过", "突破", "以上", "超", ">", "不低于", "不少于", "多", "余"})
TOLERANCE = 0.05
#: At most this many figures of evidence per target, the latest kept (`evidence_omitted` counts
#: the rest): a real base has a handful; a synthetic one 100 copies of each.
MAX_EVIDENCE = 20

_MORE_RE = re.compile(r"\d\s*(余|多)")


def horizon(plans: list[dict], items: list[dict]) -> int | None:
    """The last year the base can have a report for: the newest issue (or publication) year of
    a plan holding results, minus one (the January 2024 conference closes 2023). Without dates,
    the latest year any result reports."""
    by_id = {p["id"]: p for p in plans}
    with_results = {i["plan"] for i in items if i["kind"] == "result"}
    years = []
    for pid in with_results:
        plan = by_id.get(pid)
        while plan is not None:
            date = plan.get("issued") or plan.get("published")
            if date:
                years.append(int(str(date)[:4]) - 1)
                break
            plan = by_id.get(plan.get("parent"))
    if years:
        return max(years)
    reported = [t["year"] for i in items if i["kind"] == "result" for t in i["targets"]]
    return max(reported) if reported else None


# ---------------------------------------------------------------------------------------------
# What a target asks for


class Rule:
    """The comparison a target's words make: a bound below, a bound above, or both."""

    def __init__(self, low: float | None, high: float | None, text: str) -> None:
        self.low, self.high, self.text = low, high, text

    def judge(self, value: float, bound: str | None = None) -> bool | None:
        """True/False when ``value`` settles the rule; None when it cannot (a figure written as
        a lower bound, `超过五成`, below an at-least threshold says nothing either way)."""
        if self.low is not None:
            if value < self.low and bound != "lower":
                return False
            if value < self.low:
                return None
        if self.high is not None:
            if value > self.high and bound != "upper":
                return False
            if value > self.high:
                return None
        if self.low is not None and bound == "upper" and self.high is None:
            return None if value >= self.low else False
        if self.high is not None and bound == "lower" and self.low is None:
            return None if value <= self.high else False
        if self.low is not None and self.high is not None and bound:
            return None
        return True


def rule_of(t: dict, quantity: str) -> Rule | None:
    """The rule of one target (value in base units); None when it states no number."""
    v = t.get("value_base")
    if v is None:
        return None
    words = set(t.get("cmp") or [])
    if t.get("value_max") is not None:
        vmax = base_value(t["value_max"], t.get("unit") or "")[0]
        return Rule(v, vmax, f"between {in_unit(t, v)} and {in_unit(t, vmax)}")
    about = bool(words & ABOUT)
    tol = TOLERANCE if about else 0.0
    note = f" ({in_unit(t, v)} {'/'.join(sorted(words & ABOUT))}: within 5 %)" if about else ""
    if about and words & TWO_SIDED:
        return Rule(
            v * (1 - tol),
            v * (1 + tol),
            f"between {in_unit(t, v * (1 - tol))} and {in_unit(t, v * (1 + tol))}{note}",
        )
    # 下降/降低 with a level (not a metric that is itself the fall) brings it down to the value
    if words & AT_MOST or quantity == "rank" or (words & FALL and quantity not in ("rate", "multiple")):
        return Rule(None, v * (1 + tol), f"at most {in_unit(t, v * (1 + tol))}{note}")
    return Rule(v * (1 - tol), None, f"at least {in_unit(t, v * (1 - tol))}{note}")


# ---------------------------------------------------------------------------------------------
# What a figure measures


def years_of(t: dict) -> tuple[int, int] | None:
    """The first and last year a multi-year figure covers (its `span`), None when unstated."""
    span = t.get("span")
    return (span[0], span[1]) if span else None


def partial_of(t: dict) -> str | None:
    """The part of the year a figure covers (`1-11月`, `前三季度`): its `part`; None for a
    whole year."""
    return t.get("part") or None


def bound_of(t: dict) -> str | None:
    """`lower` when a figure is written as a floor (`超过五成`, `600余场`), `upper` as a cap."""
    words = set(t.get("cmp") or [])
    if words & LOWER_BOUND or _MORE_RE.search(t.get("quote") or "") or "余" in (t.get("raw") or ""):
        return "lower"
    if words & AT_MOST:
        return "upper"
    return None


_KIND_WORDS = {
    "stock": "a level",
    "flow": "an amount in a year",
    "rate": "a rate of change",
    "share": "a share",
    "multiple": "a growth multiple",
    "rank": "a national rank",
}
_SCOPE_WORDS = {
    "national": "national",
    "province_or_higher": "provincial-or-higher",
    "province": "provincial",
    "city": "municipal",
    None: "unstated",
}
_SPAN_WORDS = {
    "year": "one year's figure",
    "period": "a total over several years",
    "average": "an average over several years",
}


def mismatch(target: dict, t_entry: dict, fig: dict, f_entry: dict, link: dict | None) -> str | None:
    """Why ``fig`` does not measure what ``target`` does; None when it does."""
    if link is not None and link.get("comparable") is False:
        return f"curated: {link['note']}"
    if t_entry["quantity"] != f_entry["quantity"]:
        return f"{_KIND_WORDS[f_entry['quantity']]} against {_KIND_WORDS[t_entry['quantity']]}"
    if (t_entry.get("scope") or None) != (f_entry.get("scope") or None):
        return f"{_SCOPE_WORDS[f_entry.get('scope')]} against {_SCOPE_WORDS[t_entry.get('scope')]}"
    tu, fu = target.get("base_unit") or "", fig["base_unit"]
    points = {tu, fu} == {"%", "个百分点"} and t_entry.get("unit") == "个百分点"  # an increase of a share
    if (
        target.get("value_base") is not None
        and tu != fu
        and not (tu in COUNT_WORDS and fu in COUNT_WORDS)
        and not points
    ):
        tf, ff = unit_family(tu, target["metric"]), unit_family(fu, fig["metric"])
        return f"a figure in {fu or 'no unit'} ({ff}) against a target in {tu or 'no unit'} ({tf})"
    if t_entry["quantity"] in ("flow", "rate"):
        tys, fys = years_of(target), fig["years"]
        if span_of(target) != fig["span"] or (tys and fys and tys != fys):
            theirs = _span_words(fig["span"], fys, fig.get("partial"))
            return f"{theirs} against {_span_words(span_of(target), tys)}"
    return None


def _span_words(span: str, years: tuple[int, int] | None, partial: str | None = None) -> str:
    """`one year's figure`, `a figure for 1-11月`, `a total over 2021-2025`, `an average over
    several years` (where the span is not recorded)."""
    if span == "year" and partial:
        return f"a figure for {partial}"
    if years is None or span == "year":
        return _SPAN_WORDS[span]
    return _SPAN_WORDS[span].replace("several years", f"{years[0]}-{years[1]}")


# ---------------------------------------------------------------------------------------------
# Pairing and verdicts


class Figures(defaultdict):
    """Reported figures by canonical metric, and (``baselines``) the baselines the plans state
    beside their targets (`(canonical metric, year)` → a figure-like citation): a relative
    target may count from them, a verdict never rests on them."""

    def __init__(self) -> None:
        super().__init__(list)
        self.baselines: dict[tuple[str, int], dict] = {}
        self.alike: Alike | None = None


def figures(items: list[dict], vocab: Vocabulary) -> dict[str, list[dict]]:
    """Every reported figure (a target of a `result` item), by canonical metric, in base order."""
    out = Figures()
    for item in items:
        for t in item["targets"]:
            if item["kind"] != "result":
                base = t.get("baseline") or {}
                if base.get("value") is not None and base.get("year") and t.get("value") is not None:
                    key = (vocab.name(t["metric"]), base["year"])
                    out.baselines.setdefault(key, relative.stated_baseline(item, t))
                continue
            if t.get("value_base") is None:
                continue
            out[vocab.name(t["metric"])].append(_figure(item, t, vocab))
    relative.derived_figures(out, vocab)
    relative.risen_levels(out, vocab)
    out.alike = Alike(out, vocab)
    return out


def _figure(item: dict, t: dict, vocab: Vocabulary) -> dict:
    fig = {
        "item": item["id"],
        "plan": item["plan"],
        "metric": t["metric"],
        "value": t.get("value"),
        "unit": t.get("unit") or "",
        "value_base": t["value_base"],
        "base_unit": t.get("base_unit") or "",
        "year": t["year"],
        "cmp": t.get("cmp") or [],
        "quote": t["quote"],
        "source": {"file": item["_file"], "line": item["line"]},
    }
    if t.get("note"):
        fig["note"] = t["note"]
    fig["span"], fig["years"] = span_of(t), years_of(t)
    fig["partial"], fig["bound"] = partial_of(t), bound_of(t)
    # what it measures, looked up once here and not by each of the targets it is weighed against
    fig["entry"] = vocab.entry(t["metric"], fig["unit"])
    return fig


def candidates(
    item: dict, t: dict, figs: dict[str, list[dict]], vocab: Vocabulary
) -> list[tuple[dict, dict | None]]:
    """(figure, link or None) for every figure of the same quantity or linked to it (of each
    metric and year, the latest `pairing.MAX_PER_YEAR`)."""
    name = vocab.name(t["metric"])
    links = [lk for lk in links_to(figs, name, vocab) if lk["target"].get("item", item["id"]) == item["id"]]
    out = []
    seen = set()
    for lk in links:
        for fig in weighed(figs, vocab.name(lk["result"]["metric"])):
            if lk["result"].get("item", fig["item"]) == fig["item"]:
                out.append((fig, lk))
                seen.add(id(fig))
    out += [(fig, None) for fig in weighed(figs, name) if id(fig) not in seen]
    return out


def period_start(t: dict, plan: dict | None) -> int | None:
    """The first year of a target's period: its span's, else its plan's (a report issued in
    January 2026 for 2026-2030 starts in 2026). A figure from before it is context, not pace."""
    if t.get("span"):
        return t["span"][0]
    if plan and plan.get("period"):
        return plan["period"][0]
    return None


class Ground(NamedTuple):
    """What every target of one pass is judged against: the figures by metric, the vocabulary,
    the last year reported and the item's plan (its period). One bundle, so that the steps of
    `assess` pass it on whole rather than as four arguments each."""

    figs: dict[str, list[dict]]
    vocab: Vocabulary
    last_year: int | None
    plan: dict | None


def assess(
    item: dict,
    t: dict,
    figs: dict[str, list[dict]],
    vocab: Vocabulary,
    last_year: int | None,
    plan: dict | None = None,
) -> dict:
    """One target's progress record (the JSON `progress` prints). ``plan`` (the item's plan)
    gives the target's period; without it every earlier figure may set the pace."""
    ground = Ground(figs, vocab, last_year, plan)
    record = _assess(item, t, ground)
    if record["status"] in ("no_report", "not_comparable"):
        record = _relative(item, t, ground, record)
    if record["status"] == "no_report":
        earlier = [e for e in record["evidence"] if e["use"] == "earlier"]
        if earlier:
            record["last"] = max(earlier, key=lambda e: e["year"])
    return record


def _relative(item: dict, t: dict, ground: Ground, record: dict) -> dict:
    """A relative target judged against its baseline, when its own figures settle nothing: the
    level it asks for, computed, judged as a target of that level (arithmetic in `derived`)."""
    figs, vocab, plan = ground.figs, ground.vocab, ground.plan
    rel = relative.relative_of(t, vocab)
    if rel is None:
        return record
    year = relative.base_year(t, rel, plan)
    stated = t.get("baseline") or {}
    if (
        stated.get("value") is not None
        and stated.get("year") == year
        and rel["level"] == vocab.name(t["metric"])
    ):
        base = relative.stated_baseline(item, t)
    else:
        base = relative.baseline_figure(rel, year, figs) if year else None
    if base is None:
        out = {**record, "status": "not_comparable", "result": None, "gap": None, "gap_text": None}
        out["why"] = relative.no_baseline(rel, year)
        out.pop("last", None)
        return out
    asked = relative.required(rel, t, base)
    if asked is None:
        return record
    synthetic, sums = asked
    sub = _assess(item, synthetic, ground)
    derived = {
        "required": {"value": synthetic["value"], "unit": synthetic["unit"], "metric": rel["level"]},
        "arithmetic": sums,
        "baseline": relative.cite_figure(base),
    }
    if sub["status"] == "not_comparable":  # the level's figures measure something else too
        return {**record, "derived": derived}
    out = {**record, **{k: sub[k] for k in ("status", "result", "gap", "gap_text")}}
    out["rule"] = f"{sub['rule']}, {sums}"
    seen = {e["item"] for e in sub["evidence"]} | {(sub["result"] or {}).get("item")}
    aside = [e for e in record["evidence"] if e["use"] == "not_comparable" and e["item"] not in seen]
    out["evidence"] = sub["evidence"] + aside
    for key in ("pace", "why", "reached"):
        if key in sub:
            out[key] = sub[key]
    out["derived"] = derived
    return out


def _assess(item: dict, t: dict, ground: Ground) -> dict:
    """A target's record from its own metric's figures (and their look-alikes), before any
    baseline arithmetic: `assess` tries `_relative` only when this settles nothing."""
    figs, vocab, last_year, plan = ground
    t_entry = vocab.entry(t["metric"], t.get("unit") or "")
    rule = rule_of(t, t_entry["quantity"])
    year = t["year"]
    record = _record(item, t)
    record["rule"] = rule.text if rule else "no number to compare"
    usable: list[dict] = []
    # (figure, use, reason): made into records only for the MAX_EVIDENCE kept (at 100x the base a
    # target has hundreds of figures of its metric)
    evidence: list[tuple[dict, str, str | None]] = []
    notes: list[str] = []
    pairs = candidates(item, t, figs, vocab)
    average = None
    if span_of(t) == "average":
        average = relative.average_figure(t, [f for f, lk in pairs if lk is None])
        alike = getattr(figs, "alike", None)
        if average is None and alike is not None and t.get("span"):
            total = alike.total_over(t["metric"], tuple(t["span"]))
            average = relative.average_from_total(t, total, t_entry) if total else None
    if average is not None and not any(
        f["span"] == "average" and f["years"] == average["years"] for f, _ in pairs
    ):
        pairs.append((average, None))
    for fig, link in pairs:
        f_entry = fig["entry"]
        if link is not None:
            notes.append(link["note"])
            if link.get("unit") is not None:
                fig = {**fig, "unit": link["unit"]}
                fig["value_base"], fig["base_unit"] = base_value(fig["value"], link["unit"])
                f_entry = vocab.entry(fig["metric"], fig["unit"])
        why = mismatch(t, t_entry, fig, f_entry, link)
        if not why and fig["partial"] and not _partial_settles(t_entry, rule, fig):
            why = f"a figure for {fig['partial']} only against a whole year's target"
        if why:
            evidence.append((fig, "not_comparable", why))
        else:
            usable.append(fig)
    status, used, extra = None, None, {}
    if rule is not None:
        status, used, extra = _verdict(t, t_entry, rule, usable, year, last_year, period_start(t, plan))
    elif any(f["year"] == year for f in usable):  # a figure for its year, but nothing to hold it to
        for fig in [f for f in usable if f["year"] == year]:
            evidence.append((fig, "not_comparable", "the target states no number to hold it to"))
        usable = [f for f in usable if f["year"] != year]
        status = "not_comparable"
    for fig in usable:
        if fig is not used and not any(e is fig for e in extra.get("pace_figs", [])):
            evidence.append((fig, _relation(fig, year), None))
    for fig in extra.get("pace_figs", []):
        evidence.append((fig, "pace", "the start of the pace"))
    if status is None:
        status = _unsettled(t, usable, evidence, getattr(figs, "alike", None), pairs)
    record["status"] = status
    record["result"] = _public(used) if used else None
    record["gap"], record["gap_text"] = _gap(
        t, used["value_base"] if used else None, extra.get("projected"), status
    )
    if "pace" in extra:
        record["pace"] = extra["pace"]
    if "reached" in extra:
        record["reached"] = extra["reached"]
    if extra.get("why"):
        record["why"] = extra["why"]
    evidence.sort(key=lambda e: (e[0]["year"], e[0]["item"]))
    if len(evidence) > MAX_EVIDENCE:  # only a base with one figure repeated at scale gets here
        record["evidence_omitted"] = len(evidence) - MAX_EVIDENCE
        evidence = evidence[-MAX_EVIDENCE:]
    record["evidence"] = [_evidence(*e) for e in evidence]
    if notes:
        record["links"] = list(dict.fromkeys(notes))
    return record


def _unsettled(
    t: dict,
    usable: list[dict],
    evidence: list[tuple[dict, str, str | None]],
    alike: Alike | None,
    pairs: list[tuple[dict, dict | None]],
) -> str:
    """The status of a target no figure settles: *not comparable* when the report that answers
    its year answered with something else (a figure dated its year, or a year of its span, that
    measures another quantity: another scope, span or form, a curated link, a look-alike name, a
    sum of parts) and gave no figure of its own quantity for that year; else *no report*, however
    many figures of other years measure something else (context at most). Look-alikes found are
    added to ``evidence``."""
    year = t["year"]
    if any(f["year"] == year for f in usable):  # its own quantity, reported as a floor or a part
        return "no_report"
    first, last = t["span"] if t.get("span") else (year, year)
    answered = [e for e in evidence if e[0]["year"] == year or first <= e[0]["year"] <= last]
    if alike is not None:
        found = alike.of(t["metric"], year, {id(f) for f, _ in pairs})
        evidence += [(f, "not_comparable", why) for f, why in found]
        answered += found
    return "not_comparable" if answered else "no_report"


def _partial_settles(entry: dict, rule: Rule | None, fig: dict) -> bool:
    """A part of a year settles an at-least target of an amount (a flow) when it already reaches
    it: the whole year is no smaller. Nothing else is settled by a part of a year."""
    return bool(
        rule and entry["quantity"] == "flow" and rule.high is None and rule.judge(fig["value_base"], "lower")
    )


def _verdict(  # noqa: ANN202
    t: dict,
    entry: dict,
    rule: Rule,
    usable: list[dict],
    year: int,
    last_year: int | None,
    start: int | None = None,
):
    """(status, figure used, extras) from the comparable figures; status None when none settles it.
    ``start`` is the first year of the target's period: only a figure from it on reaches a stock
    target early or sets the pace."""
    same = [f for f in usable if f["year"] == year]
    whole = [f for f in same if not f["partial"]]
    for fig in reversed(whole):  # the latest document's figure first
        ok = rule.judge(fig["value_base"], fig["bound"])
        if ok is not None:
            return ("met" if ok else "not_met"), fig, {}
    parts = [f for f in same if f["partial"]]  # only those that settle it are usable
    if parts:
        fig = parts[-1]  # the latest document's
        return "met", fig, {"why": f"the figure for {fig['partial']} alone reaches the target"}
    if entry.get("grows") and rule.high is None:
        for fig in [f for f in usable if f["year"] > year and not f["partial"]]:
            if rule.judge(fig["value_base"], fig["bound"] if fig["bound"] == "upper" else None) is False:
                why = f"{fig['year']}'s figure is below the target, and the quantity only grows"
                return "not_met", fig, {"why": why}
    reached = _reached_early(entry, t, rule, usable, start)
    if reached is not None:
        why = f"reached in {reached['year']}, before its {year} deadline: a level, once reached, is met"
        return "met", reached, {"why": why, "reached": reached["year"]}
    if last_year is None or year <= last_year:
        return None, None, {}
    earlier = [f for f in usable if f["year"] < year]
    inside = [f for f in earlier if start is None or f["year"] >= start]
    if not inside:  # a figure from before the period is context, never a pace
        return None, None, {}
    latest = max(inside, key=lambda f: f["year"])
    if entry["quantity"] in ("flow", "rate"):
        ok = rule.judge(latest["value_base"], "lower" if latest["partial"] else latest["bound"])
        if ok is None:
            return None, None, {}
        pace = {"method": "the latest year's figure as the yearly pace", "projected": latest["value_base"]}
        return ("on_track" if ok else "behind"), latest, {"pace": pace, "projected": latest["value_base"]}
    if latest["partial"]:
        return None, None, {}
    start = None
    base = t.get("baseline") or {}
    if base.get("value") is not None and base.get("year") is not None and base["year"] < latest["year"]:
        bv = base_value(base["value"], t.get("unit") or "")[0]
        start = {"year": base["year"], "value_base": bv, "from": "the target's baseline"}
    else:
        older = [f for f in earlier if f["year"] < latest["year"] and not f["partial"]]
        if older:
            first = min(older, key=lambda f: f["year"])
            start = {
                "year": first["year"],
                "value_base": first["value_base"],
                "from": first["item"],
                "fig": first,
            }
    if start is None:
        return None, None, {}
    slope = (latest["value_base"] - start["value_base"]) / (latest["year"] - start["year"])
    projected = latest["value_base"] + slope * (year - latest["year"])
    ok = rule.judge(projected, latest["bound"])  # a projection from a floor is a floor
    if ok is None:
        return None, None, {}
    pace = {
        "method": "linear pace",
        "from": {"year": start["year"], "value_base": start["value_base"], "source": start["from"]},
        "to": {"year": latest["year"], "value_base": latest["value_base"], "source": latest["item"]},
        "projected": round(projected, 4),
    }
    extra = {"pace": pace, "projected": projected, "pace_figs": [start["fig"]] if "fig" in start else []}
    return ("on_track" if ok else "behind"), latest, extra


def _reached_early(entry: dict, t: dict, rule: Rule, usable: list[dict], start: int | None) -> dict | None:
    """The earliest whole-year figure, from inside the target's period and before its year, by
    which an at-least target of a level (a stock) is already reached, its value itself and not
    only within a 左右's tolerance; None for anything else (a flow or a rate is judged on its own
    year only)."""
    if entry["quantity"] != "stock" or rule.low is None or rule.high is not None or start is None:
        return None
    early = [
        f
        for f in usable
        if start <= f["year"] < t["year"]
        and not f["partial"]
        and f["span"] == "year"
        and f["value_base"] >= t["value_base"]
        and rule.judge(f["value_base"], f["bound"])
    ]
    return min(early, key=lambda f: f["year"]) if early else None


def assess_all(items: list[dict], plans: list[dict], vocab: Vocabulary) -> Iterator[tuple[str, int, dict]]:
    """(item id, target position, record) for every target of a goal, measure or indicator, one
    at a time (a large base is written to the database as it goes, never held whole)."""
    figs = figures(items, vocab)
    last_year = horizon(plans, items)
    by_id = {p["id"]: p for p in plans}
    for item in items:
        if item["kind"] == "result":
            continue
        plan = by_id.get(item["plan"])
        while plan is not None and not plan.get("period") and plan.get("parent"):
            plan = by_id.get(plan["parent"])
        for pos, t in enumerate(item["targets"]):
            yield item["id"], pos, assess(item, t, figs, vocab, last_year, plan)


def progress_rows(kb) -> Iterator[dict]:  # noqa: ANN001 - load.KnowledgeBase
    """The `progress` table's rows: one per assessed target, its record as JSON. Rows only:
    the builder (`build`) creates the table and writes them."""
    plans = {p["id"]: p for p in kb.plans}
    for item_id, pos, rec in assess_all(kb.items, kb.plans, kb.vocabulary):
        cite(rec, plans)
        yield {
            "item_id": item_id,
            "position": pos,
            "plan": rec["plan"],
            "year": rec["year"],
            "status": rec["status"],
            "json": json.dumps(rec, ensure_ascii=False),
        }


def metric_rows(vocab: Vocabulary) -> Iterator[dict]:
    """The `metrics` table's rows: the vocabulary the verdicts were made with."""
    for m in vocab.entries.values():
        yield {
            "name": m["name"],
            "aliases": json.dumps(m.get("aliases") or [], ensure_ascii=False),
            "unit": m.get("unit"),
            "family": m["family"],
            "quantity": m["quantity"],
            "scope": m.get("scope"),
            "grows": int(bool(m.get("grows"))),
            "about": m.get("about"),
        }


def link_rows(vocab: Vocabulary) -> Iterator[dict]:
    """The `metric_links` table's rows: the links between metrics, as JSON."""
    for lk in vocab.links:
        yield {"json": json.dumps(lk, ensure_ascii=False)}
