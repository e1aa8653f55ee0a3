"""Look-alikes: figures that name the same thing as a target with other qualifiers, so that a
reader who sees them beside the target is told they are not its figure.

A quantity is what its name counts plus the words that qualify it: where or at what level
(`城镇`, `农村`, `沿黄九市`, `全国`, `国家级`, `省级以上` …), and as what measure (a level, its
`增长`, its `提高` in points, its `比重`, its national rank …). `城镇居民人均可支配收入增长`
counts the same thing as `居民人均可支配收入增长`, in town only; `5G基站增长` (4.3 倍) is the
growth of the 5G base stations a level target counts; `交通、能源、水利完成投资` is a sum of
which `交通投资` is one part.

A look-alike is never a verdict's figure: only the curated vocabulary (`data/metrics.yaml`, its
aliases and links) says two names are one quantity. It is evidence, and it decides one thing:
when the report that answers a target's year gives, for that year, a look-alike and no figure of
the target's own quantity, the target is *not comparable* (the report answered with something
else), not *no report* (`progress.assess`).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from ..kb.metrics import Vocabulary

#: Words before a name that say where, at what level or over which firms it is counted, and the
#: scope each names (the longer of two words that begin alike first). `全省` names none: the
#: province is what a provincial document counts anyway.
SCOPE_WORDS = {
    "省级及以上": "province or higher",
    "省级以上": "province or higher",
    "沿黄九市": "the Yellow River cities",
    "国家级": "national",
    "全国": "national",
    "全省": "",
    "省级": "provincial",
    "市级": "municipal",
    "城镇": "urban",
    "城市": "urban",
    "农村": "rural",
    "城乡": "urban and rural",
    "规模以上": "above designated size",
    "规上": "above designated size",
    "国家": "national",
    "省": "provincial",
}
#: Words after a name (and `新增` before it) that say which measure of it is taken, and the
#: measure each names (longest first). `总量` names none: the total is the level itself.
MEASURE_WORDS = {
    "五年合计": "a five-year total",
    "五年增长": "a five-year growth",
    "全国位次": "a national rank",
    "增长": "a growth",
    "增速": "a growth",
    "增幅": "a growth",
    "提高": "a rise",
    "提升": "a rise",
    "比重": "a share",
    "占比": "a share",
    "总量": "",
}
#: The measures that are a growth (a change in %) of the level the name counts.
GROWTH = frozenset({"a growth", "a five-year growth"})
#: The first word of an increment's name (`新增5G基站` is the increase of `5G基站`).
NEW = "新增"


class Qualified(NamedTuple):
    """A metric's name taken apart: what it counts, the scopes and measures its qualifying
    words name, and the words themselves (in the order taken off)."""

    core: str
    scope: frozenset[str]
    measure: frozenset[str]
    words: tuple[str, ...]


@lru_cache(maxsize=8192)
def core_of(name: str) -> Qualified:
    """`城镇居民人均可支配收入增长` → (`居民人均可支配收入`, {urban}, {a growth}, (`城镇`, `增长`));
    `新增` is a measure (an increment of the level). A name that is nothing but qualifiers keeps
    its last word."""
    scope: set[str] = set()
    measure: set[str] = set()
    words: list[str] = []
    core = name
    changed = True
    while changed:
        changed = False
        for w in (NEW, *SCOPE_WORDS):
            if core.startswith(w) and len(core) > len(w) + 1:
                core, changed = core[len(w) :], True
                words.append(w)
                (measure if w == NEW else scope).add("an increment" if w == NEW else SCOPE_WORDS[w])
        for w, said in MEASURE_WORDS.items():
            if core.endswith(w) and len(core) > len(w) + 1:
                core, changed = core[: -len(w)], True
                words.append(w)
                measure.add(said)
    return Qualified(core, frozenset(scope) - {""}, frozenset(measure) - {""}, tuple(words))


@lru_cache(maxsize=65536)
def member_of(name: str, combined: str) -> bool:
    """Is ``name`` one of the parts a combined name adds up (`交通投资` of `交通、能源、水利完成投资`):
    its head is one of the listed words and its tail ends the combined name?"""
    parts = combined.split("、")
    if len(parts) < 2 or name == combined:
        return False
    for cut in range(1, len(name) - 1):
        head, tail = name[:cut], name[cut:]
        listed = head in parts[:-1] or parts[-1].startswith(head)
        if listed and len(tail) >= 2 and parts[-1].endswith(tail):
            return True
    return False


class Alike:
    """The reported figures by what their names count (`core_of`), and the figures of combined
    names (`A、B、C…`), for finding a target's look-alikes without scanning every figure."""

    def __init__(self, figs: dict[str, list[dict]], vocab: Vocabulary) -> None:
        self.by_core: dict[str, list[dict]] = defaultdict(list)
        self.by_core_year: dict[tuple[str, int], list[dict]] = defaultdict(list)
        # year → canonical name → figures: the sums of a year, and every figure of a year
        self.sums: dict[int, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        self.by_year: dict[int, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for name, found in figs.items():
            direct = [f for f in found if not f.get("derived")]
            core = core_of(name).core
            self.by_core[core] += direct
            for f in direct:
                self.by_core_year[core, f["year"]].append(f)
                self.by_year[f["year"]][vocab.name(name)].append(f)
                if "、" in name:
                    self.sums[f["year"]][vocab.name(name)].append(f)
        self.vocab = vocab

    def total_over(self, metric: str, years: tuple[int, int]) -> dict | None:
        """The growth of ``metric``'s level over exactly ``years``, as a total (`居民人均可支配收入
        增长34.3%` over 2021-2025, named `…五年增长`), from which a yearly average over the same
        years is computed: a whole figure in %, not a floor, of the same scope; the latest
        document's. None when the base reports none."""
        name = self.vocab.name(metric)
        mine = core_of(name)
        found = []
        for f in self.by_core.get(mine.core, []):
            other = core_of(self.vocab.name(f["metric"]))
            whole = f["span"] == "period" and f["years"] == years and not f["bound"] and not f["partial"]
            if whole and f["base_unit"] == "%" and other.scope == mine.scope and other.measure & GROWTH:
                found.append(f)
        return found[-1] if found else None

    def of(self, metric: str, year: int, seen: set[int]) -> list[tuple[dict, str]]:
        """(figure, why it is not the target's) for every figure dated ``year`` whose name counts
        what ``metric`` counts with other qualifiers, which adds ``metric`` up with other parts,
        or which is one part of a ``metric`` that is a sum; ``seen`` (ids) are figures already
        weighed against the target. A look-alike differs in one way only, its scope or its
        measure: a name differing in both counts another quantity (a national rank of national
        platforms is no look-alike of new provincial ones), and two names with the same
        qualifiers are for the vocabulary to pair or not (`国家级` and `国家` name one scope)."""
        name = self.vocab.name(metric)
        mine = core_of(name)
        out = []
        for fig in self.by_core_year.get((mine.core, year), []):
            theirs = self.vocab.name(fig["metric"])
            if id(fig) in seen or theirs == name:
                continue
            other = core_of(theirs)
            scope, measure = other.scope != mine.scope, other.measure != mine.measure
            if scope == measure:  # both differ: another quantity; neither: for curation to pair
                continue
            differ = [w for w in other.words if w not in mine.words] + [
                w for w in mine.words if w not in other.words
            ]
            said = f"{'another scope' if scope else 'another measure'} ({'/'.join(differ)})"
            out.append((fig, f"a look-alike: {theirs} differs from {name} by {said}"))
        for theirs, found in self.sums.get(year, {}).items():
            if member_of(name, theirs):
                why = f"a sum: {theirs} adds {name} up with other parts"
                out += [(fig, why) for fig in found if id(fig) not in seen]
        if "、" in name:  # a sum as the target: one of its parts is not the whole
            for theirs, found in self.by_year.get(year, {}).items():
                if member_of(theirs, name):
                    why = f"a part: {theirs} is one of the parts {name} adds up"
                    out += [(fig, why) for fig in found if id(fig) not in seen]
        return out
