"""A new document's draft: items with ids, agencies resolved, targets, and the review summary.

`extract` finds items and numbers by rules; this module turns them into knowledge-base items
(`plan.N` ids unique even where numbering restarts in every section, agency names in their
canonical form) and says, for the curator, what it could not settle: agency names the registry
lacks (with the nearest names and a draft registry entry), numbers it did not make targets of,
and numbers that look damaged. Nothing here writes to `data/`: a draft is for review.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .extract import DraftItem, extract, extract_paragraphs, infer_period, section_year
from .names import LearnedNames
from .quantities import draft_targets, quantities
from .vocabulary import Vocabulary
from .words import statistics_name

#: Looks a name up in the agency registry: (canonical name or None, nearest registry names).
Resolver = Callable[[str], tuple[str | None, list[str]]]


@dataclass
class Draft:
    """The drafted items (dicts in the knowledge-base layout) and what the reviewer must look at."""

    plan: str
    items: list[dict]
    period: tuple[int, int] | None
    clauses: int = 0
    unknown: dict[str, list[str]] = field(default_factory=dict)  # name → nearest registry names
    unused: list[tuple[str, str]] = field(default_factory=list)  # (where, snippet)
    checks: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    id_form: str = "N"
    etc: list[str] = field(default_factory=list)  # items whose agency list ends with 等 (noted)


def draft(
    lines: list[str],
    plan: str,
    start: int = 1,
    end: int | None = None,
    period: tuple[int, int] | None = None,
    resolve: Resolver | None = None,
    vocabulary: Vocabulary | None = None,
    learned: LearnedNames | None = None,
) -> Draft:
    """Draft items for lines ``start``..``end`` of a plan text, ids ``plan.N``.

    ``period`` (first, last year) defaults to what the title says; ``resolve`` maps agency names
    to canonical ones (without it, names stay as written and none is reported unknown);
    ``vocabulary`` names a report's figures as the base does where the draft's name shortens one;
    ``learned`` names a report's figures as the curators of other documents named the same wording.
    """
    given = period is not None
    period = period or infer_period(lines)
    dropped: list[DraftItem] = []
    drafted = extract(lines, start, end, dropped)
    report_mode = not any(it.clause for it in drafted)
    if report_mode:  # no task list: a report, a speech, a plan's prose
        drafted = extract_paragraphs(lines, start, end)
        if not given and (start > 1 or end is not None):
            # one report of several in a file: its own years, where its opening names them
            period = infer_period(lines[start - 1 : end]) or period
    ids, form = assign_ids(drafted, plan)
    out = Draft(plan=plan, items=[], period=period, id_form=form)
    for it, ident in zip(drafted, ids, strict=True):
        item: dict = {"id": ident, "plan": plan, "kind": it.kind, "section": it.section, "line": it.line}
        item["text"] = it.text
        if it.clause:
            out.clauses += 1
            c = it.clause
            lead = [_canonical(n, resolve, out) for n in c.lead]
            support = [_canonical(n, resolve, out) for n in c.support]
            item["lead"] = lead
            if c.lead_word and c.lead_word != "牵头单位":
                item["lead_word"] = c.lead_word
            if support:
                item["support"] = support
                item["support_word"] = c.support_word
            if re.search(r"等(?:[；;，,]|$)", c.body.rstrip("。）)")):  # `…、省人力资源社会保障厅等`
                item["note"] = f"原文单位列表以“等”结尾（{c.body}）：所列之外另有单位，未列出。"
                out.etc.append(ident)
            if not c.lead:  # `（A、B按职责分工负责）`, `（责任单位：A）`
                item["agency_note"] = (
                    f"原文（{c.body}）未写牵头单位：所列单位记为support，support_word取原文用语。"
                )
        default = section_year(it.section)
        if it.kind == "result" and it.year is not None:
            default = it.year  # the year the review reports on
        if default is None and it.kind == "result" and period:
            default = period[0]  # a report looks back on its first year and plans its last
        targets, unused = draft_targets(it.text, period, default, it.kind == "result", it.span)
        if not report_mode and learned is not None:
            for t in targets:
                if name := learned.name(t["metric"], t["unit"], t["quote"], it.text):
                    t["metric"] = name
        if report_mode:
            for t in targets:
                if learned is not None and (
                    name := learned.name(t["metric"], t["unit"], t["quote"], it.text)
                ):
                    t["metric"] = name  # the curators' name for this wording: already the base's
                    continue
                t["metric"] = statistics_name(t["metric"], t["unit"])
                if vocabulary is not None:
                    t["metric"] = vocabulary.name(t["metric"], t["unit"])
        for t in targets:
            if "check" in t:
                out.checks.append((ident, f"{t['quote']}: {t['check']}"))
        out.unused += [(ident, u) for u in unused]
        if targets:
            item["targets"] = targets
        out.items.append(item)
    if not report_mode:  # numbers in paragraphs that became no item
        for it in dropped:
            found = [it.text[max(0, q.start - 10) : q.end + 4] for q in quantities(it.text)]
            out.unused += [(f"line {it.line}", snippet) for snippet in found]
    _decimal_shift_check(out)
    return out


def _decimal_shift_check(d: Draft) -> None:
    """One quantity written 2.8 in one place and 28 in another (a decimal point lost on the
    way from the original, as in the Five-Year Plan's conversion), or 2150 and 2510 (digits
    scrambled, as in the datasets some documents come from): flagged on both."""
    seen: dict[tuple[str, str], list[tuple[str, dict]]] = {}
    for item in d.items:
        for t in item.get("targets", []):
            if t["metric"] != "?":
                seen.setdefault((t["metric"], t["unit"]), []).append((item["id"], t))
    for group in seen.values():
        values = {t["value"] for _, t in group}
        for ident, t in group:
            v = t["value"]
            why = ""
            if any(_shifted(v, w) or _shifted(w, v) for w in values):
                why = f"{v} and a {t['metric']} elsewhere differ by a shifted decimal point: one lost?"
            elif any(_permuted(v, w) for w in values):
                why = f"{v} and a {t['metric']} elsewhere have the same digits in another order: scrambled?"
            if why:
                t["check"] = f"{t['check']}; {why}" if t.get("check") else why
                if (ident, f"{t['quote']}: {why}") not in d.checks:
                    d.checks.append((ident, f"{t['quote']}: {why}"))


def _shifted(small: float, big: float) -> bool:
    """``big`` is ``small`` (a decimal, 2.8) with its point lost (28)."""
    return small != int(small) and any(round(small * k, 6) == big for k in (10, 100))


def _permuted(a: float, b: float) -> bool:
    """2150 and 2510: the same digits (three or more) in another order."""
    x, y = f"{a:g}", f"{b:g}"
    return x != y and len(x) >= 3 and sorted(x) == sorted(y)


def _canonical(name: str, resolve: Resolver | None, out: Draft) -> str:
    if resolve is None:
        return name
    canonical, nearest = resolve(name)
    if canonical is None:
        out.unknown.setdefault(name, nearest)
        return name
    return canonical


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _labels(items: list[DraftItem]) -> list[str | None]:
    """Each item's number, lettered where one number has several items: the clauses of one
    paragraph (`3`, `3b`), or the paragraphs under one heading (`（五）` → `5`, `5b`)."""
    out: list[str | None] = []
    under: Counter[tuple] = Counter()  # items so far per heading, for paragraphs numbered by it
    for it in items:
        if it.kind in ("goal", "result") or it.number is None:
            out.append(None)
            continue
        if not it.by_heading:
            n = it.piece
        else:
            key = (it.part, it.heads, it.number)
            n = under[key]
            under[key] += 1
        out.append(it.number + ("" if n == 0 else _LETTERS[min(n, 25)]))
    return out


def assign_ids(items: list[DraftItem], plan: str) -> tuple[list[str], str]:
    """Ids for ``items``: the source's numbers where they are unique in the document; where
    numbering restarts, every numbered id is qualified by its heading numbers (`2-1` for task 1
    under `（二）`), and by the plan part (`part3-…`) when one file holds several plans. Goals are
    `goal`, `goal2`…, results `r1`…, unnumbered paragraphs `p1`…; a second clause in one
    paragraph adds a letter (`3b`). The same text always gets the same ids."""
    labels = _labels(items)

    def qualified(level: int) -> list[str | None]:
        out: list[str | None] = []
        for it, lab in zip(items, labels, strict=True):
            if lab is None:
                out.append(None)
                continue
            top, sub = it.heads
            from_heading = it.by_heading
            if level == 0:
                parts: list[object] = []
            elif lab.startswith("s"):
                parts = [f"part{it.part}"]
            elif level == 1:
                parts = [] if from_heading else [sub or top]
            else:
                parts = [top] if from_heading else [top, sub]
                if level == 3:
                    parts = [f"part{it.part}", *parts]
            out.append("-".join(str(p) for p in [*parts, lab] if p is not None))
        return out

    names = ("N", "section-N", "top-sub-N", "part-top-sub-N")
    # each class of label (the source's task numbers; 推进措施 `sN`) gets the least
    # qualification that makes it unique, the same for every item of the class
    cand: list[str | None] = [None] * len(items)
    forms = []
    for cls in ("n", "s"):
        members = [k for k, lab in enumerate(labels) if lab is not None and (lab[0] == "s") == (cls == "s")]
        if not members:
            continue
        for level in range(4):
            q = qualified(level)
            if cls == "s" and level in (1, 2):
                continue  # 推进措施 sections are all the same top section: only the part tells
            counts = Counter(q[k] for k in members)
            if all(n == 1 for n in counts.values()):
                break
        for k in members:
            cand[k] = q[k]
        forms.append(names[level] if cls == "n" else ("sN" if level == 0 else "part-sN"))
    counters: Counter[str] = Counter()
    ids: list[str] = []
    seen: Counter[str] = Counter()
    for it, c in zip(items, cand, strict=True):
        if c is None:
            key = {"goal": "goal", "result": "r"}.get(it.kind, "p")
            counters[key] += 1
            n = counters[key]
            c = ("goal" + (str(n) if n > 1 else "")) if key == "goal" else f"{key}{n}"
        seen[c] += 1
        if seen[c] > 1:  # a last resort: never two items with one id
            c = f"{c}-{seen[c]}"
        ids.append(f"{plan}.{c}")
    return ids, ", ".join(forms) or "N"


# ---------------------------------------------------------------------------------------------
# Rendering


def to_yaml(d: Draft) -> str:
    """The draft items as knowledge-base YAML blocks (the layout CURATING.md shows)."""
    from ..kb.yamlfmt import item_block

    return "\n".join(item_block(item) for item in d.items)


def _n(count: int, noun: str) -> str:
    """`1 item`, `2 items`: the summary is read by people."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def todo(d: Draft, known: set[str] | None = None) -> dict[str, list[str]]:
    """What a person must settle, by item id, in the draft's order: a target's `check:`, a metric
    `?`, an agency name the registry lacks, a metric name the vocabulary (``known``) lacks. Each
    is a `validate` error until settled (or, for a drafted registry or vocabulary entry, until
    checked); nothing else in the draft needs a hand edit to validate."""
    out: dict[str, list[str]] = {}
    for item in d.items:
        ident = item["id"]
        for t in item.get("targets", []):
            if "check" in t:
                out.setdefault(ident, []).append(f"{t['quote']!r}: {t['check']}")
            if t["metric"] == "?":
                out.setdefault(ident, []).append(
                    f"{t['quote']!r}: metric ? (name the noun its number counts)"
                )
            elif known is not None and t["metric"] not in known:
                out.setdefault(ident, []).append(f"metric {t['metric']} is not in data/metrics.yaml")
        if ident in d.etc:
            out.setdefault(ident, []).append("its agency list ends with 等 (noted in note): check who else")
        for name in [*item.get("lead", []), *item.get("support", [])]:
            if name in d.unknown:
                near = "、".join(d.unknown[name][:3]) or "none"
                out.setdefault(ident, []).append(f"agency {name} is not in the registry (nearest: {near})")
    return out


def summary(d: Draft, known: set[str] | None = None, written: list[str] | None = None) -> str:
    """The curator's to-do list, for stderr: counts, then one line per item a person must settle
    (naming its id), the metric names to add, and the numbers left over. ``known``: the
    vocabulary's metric names; ``written``: the files `--write` wrote and their to-do lines."""
    kinds = Counter(i["kind"] for i in d.items)
    n_targets = sum(len(i.get("targets", [])) for i in d.items)
    span = f"{d.period[0]}–{d.period[1]}" if d.period else "unknown (give --period A-B)"
    lines = [
        f"Drafted {_n(len(d.items), 'item')} ({', '.join(f'{n} {k}' for k, n in kinds.items())}) "
        f"with {_n(d.clauses, 'agency clause')} and {_n(n_targets, 'target')}; plan years {span}; "
        f"ids {d.plan}.{d.id_form}.",
    ]
    tasks = todo(d, known)
    if tasks:
        lines.append(f"To do: {_n(len(tasks), 'item')} a person must settle:")
        lines.extend(f"  {ident}: {'; '.join(dict.fromkeys(why))}" for ident, why in tasks.items())
    missing = (
        sorted({t["metric"] for i in d.items for t in i.get("targets", [])} - (known or set()) - {"?"})
        if known is not None
        else []
    )
    if missing:
        lines.append(
            f"Metric names not in data/metrics.yaml ({len(missing)}; add each, or use its name there): "
            + "、".join(missing)
        )
    if d.unknown and written is None:
        lines.append("Draft registry entries (check each, then add to data/agencies.yaml):")
        for name in d.unknown:
            lines.extend("  " + x for x in registry_entry(name).splitlines())
    if written:
        lines.append("Written (assemble picks them up; check each drafted entry):")
        lines.extend(f"  {w}" for w in written)
    if d.unused:
        lines.append(
            f"Numbers seen but not turned into targets ({len(d.unused)}; make a target of each commitment):"
        )
        lines.extend(f"  {where}: {snippet}" for where, snippet in d.unused)
    lines.append("Review every item against the source before it goes into data/ (CURATING.md).")
    return "\n".join(lines) + "\n"


def registry_entry(name: str) -> str:
    """A draft `data/agencies.yaml` entry for an agency the registry lacks (kind guessed)."""
    if name.startswith("各") or "有关" in name:
        kind = "集体/泛指"
    elif name.endswith(("厅", "委")) and name.startswith("省"):
        kind = "省政府组成部门"
    elif name.endswith("局") and name.startswith("省"):
        kind = "省政府直属机构"
    else:
        kind = "'?'"
    full = "山东" + name if name.startswith("省") else name
    return (
        f"- name: {name}\n"
        f"  full: {full}  # check the official full name\n"
        f"  aliases: []\n"
        f"  kind: {kind}  # guessed from the name: check\n"
    )


def registry_resolver(agencies: list[dict]) -> Resolver:
    """A `Resolver` over registry entries (`data/agencies.yaml`'s list): an exact canonical
    name, official full name or alias (width, case and spaces folded) gives the canonical name;
    anything else gives None and the nearest names, for the curator to decide."""
    from ..text.fold import normalise_text

    exact: dict[str, str] = {}
    for a in agencies:
        for form in [a["name"], a.get("full"), *(a.get("aliases") or [])]:
            if form:
                exact.setdefault(normalise_text(form), a["name"])
    names = [a["name"] for a in agencies]

    def resolve(name: str) -> tuple[str | None, list[str]]:
        found = exact.get(normalise_text(name))
        if found:
            return found, []
        from rapidfuzz import fuzz, process

        near = process.extract(normalise_text(name), names, scorer=fuzz.WRatio, limit=3)
        return None, [n for n, _, _ in near]

    return resolve


def load_registry(folder: Path | None = None) -> Resolver:
    """The resolver of the knowledge base's own registry (`agencies.yaml` in the data folder),
    read as the build reads it, so a broken file is one sentence here too."""
    from ..kb.load import AGENCIES_FILE
    from ..kb.paths import data_dir
    from ..kb.yamlread import read_yaml

    return registry_resolver(read_yaml((folder or data_dir()) / AGENCIES_FILE)["agencies"])
