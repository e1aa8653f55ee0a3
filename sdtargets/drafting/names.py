"""The base teaches the drafter its names: a wording → name table learned from curated targets.

Every curated target keeps the source's words (`quote`) and the curators' name (`metric`). Drafting
a curated item's text again gives, for each of its figures, the name the rules make of those words;
where the curators named the same figure otherwise (`新改建“四好农村路”` → 新改建农村公路,
`入选“五个一工程”奖的作品` → 获全国“五个一工程”奖作品), the table learns the curators' name for that
wording. A new document that words a figure the same way is then drafted with the name the base
already uses, so its timeline joins the others; each curated document teaches the next.

The table never learns from the document being drafted: the caller leaves out its plan (and its
sub-plans), so re-drafting a curated document (`benchmarks/import_eval.py`) scores the rules and the
other documents' names, never its own curation. A wording the curators named in more than one way
teaches nothing unless one name has a clear majority; a wording too short to say what it counts
(`占比`, `项目`) teaches nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..kb.metrics import derive_family
from ..text.numbers import squash
from .quantities import draft_targets

#: A drafted name shorter than this says too little of what it counts to be renamed (`占比`, `项目`).
_MIN_WORDING = 4


def _spot(text: str, quote: str, after: int = 0) -> tuple[int, int]:
    """Where ``quote`` lies in ``text``, both without whitespace; (-1, -1) if it does not."""
    q = squash(quote)
    at = text.find(q, after) if q else -1
    if at < 0 and q:
        at = text.find(q)
    return (at, at + len(q)) if at >= 0 else (-1, -1)


def _same_figure(curated: dict, drafted: dict) -> bool:
    return (
        drafted.get("value") is not None
        and curated.get("value") is not None
        and float(drafted["value"]) == float(curated["value"])
        and drafted.get("unit") == curated.get("unit")
    )


class LearnedNames:
    """Drafted name (with its unit family) → the name the curators of other documents gave it."""

    def __init__(self) -> None:
        self.votes: dict[tuple[str, str], Counter[str]] = {}
        self.taught_by: dict[tuple[str, str], set[str]] = {}  # the plans each wording was learned from
        self.names: set[str] = set()  # every name the curators gave: a wording that is one stays itself

    @classmethod
    def learn(cls, items: Iterable[dict], leave_out: Iterable[str] = ()) -> LearnedNames:
        """The table learned from curated ``items`` (the base's `targets.yaml` items), leaving out
        every item whose plan is in ``leave_out`` (the document being drafted and its sub-plans)."""
        out = cls()
        skip = set(leave_out)
        for it in items:
            if it.get("plan") in skip or not it.get("targets") or not it.get("text"):
                continue
            out._learn_item(it)
        return out

    def _learn_item(self, item: dict) -> None:
        text = squash(str(item["text"]))
        result = item.get("kind") == "result"
        try:
            drafted, _ = draft_targets(text, None, None, result)
        except (ValueError, IndexError, KeyError):  # a curated text the rules cannot read teaches nothing
            return
        placed = []
        after: dict[str, int] = {}
        for d in drafted:
            a, b = _spot(text, str(d.get("quote", "")), after.get(str(d.get("quote")), 0))
            after[str(d.get("quote"))] = a + 1
            placed.append((a, b, d))
        taken: set[int] = set()
        after = {}
        for t in item["targets"]:
            name, quote = t.get("metric"), str(t.get("quote", ""))
            if not name or name == "?":
                continue
            self.names.add(str(name))
            a, b = _spot(text, quote, after.get(quote, 0))
            after[quote] = a + 1
            if a < 0:
                continue
            for k, (c, d, x) in enumerate(placed):
                if k not in taken and c >= 0 and min(b, d) > max(a, c) and _same_figure(t, x):
                    taken.add(k)
                    self._add(str(x["metric"]), str(x.get("unit") or ""), str(name), str(item["plan"]))
                    break

    def _add(self, wording: str, unit: str, name: str, plan: str) -> None:
        if wording == "?" or len(wording) < _MIN_WORDING:
            return
        key = (_fold(wording), derive_family(unit, wording))
        self.votes.setdefault(key, Counter())[name] += 1
        self.taught_by.setdefault(key, set()).add(plan)

    def name(self, wording: str, unit: str, quote: str = "", text: str = "") -> str | None:
        """The curators' name for a figure drafted as ``wording`` in ``unit`` and quoted ``quote``
        (in an item's ``text``), if other documents named that wording one way (a strict majority of
        their figures) and the name says nothing its clause contradicts or leaves unsaid (`_fits`);
        else None."""
        votes = self.votes.get((_fold(wording), derive_family(unit, wording)))
        if not votes or wording in self.names:  # the curators use the wording as a name themselves
            return None
        best, n = votes.most_common(1)[0]
        if (
            n * 2 <= sum(votes.values())
            or best == wording
            or not _fits(best, wording, _clause(squash(quote), squash(text)))
        ):
            return None
        return best


#: Words that say a figure counts what is new (`新培育`, `新建`): the clause of a name learned with `新增`.
_NEW_RE = re.compile(r"新增|新(?:培育|建|认定|创建|开|打造|组建|引进|设|改建)|增加")


def _clause(quote: str, text: str) -> str:
    """The quote with the words of its clause before it (`实施投资500万元以上技改项目1.2万个`
    for the quote `技改项目1.2万个`): what the text says of the figure."""
    at = text.find(quote) if quote else -1
    if at < 0:
        return quote
    start = max(text.rfind(c, 0, at) for c in "，,。；;：:！？") + 1
    return text[start : at + len(quote)]


def _fold(wording: str) -> str:
    """A wording as the table keys it: quotation marks and 的 left out (`“两证齐全”医养结合机构`)."""
    return re.sub(r"[“”\"'‘’的]", "", wording)


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


def _fits(name: str, wording: str, quote: str) -> bool:
    """May ``name``, learned for ``wording`` elsewhere, name a figure quoted ``quote`` here?

    - a figure in the name is written in the quote (`投资500万元以上技术改造项目` is no name for
      `投资2000万元以上的技改项目`);
    - words the name adds around the wording are in the quote, or `新增` where the quote says what is
      new (`领军企业` named 农业领军企业 in another report took 农业 from its sentence, not its words);
    - the name does not merely leave out words of the wording: the text's words say more.
    """
    if any(d not in quote for d in re.findall(r"\d+(?:\.\d+)?", name)):
        return False
    if wording in name:
        head, _, tail = name.partition(wording)
        return all(
            not part or part in quote or (part == "新增" and _NEW_RE.search(quote)) for part in (head, tail)
        )
    return not (len(name) < len(wording) and _subsequence(name, wording))
