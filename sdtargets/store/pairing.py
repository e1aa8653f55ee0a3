"""Which reported figures a target is weighed against: the verdicts' candidate selection,
indexed once per build, not searched again for every target.

`progress.candidates` pairs a target with the figures of its metric and of the metrics curated
links tie to it. On the real base that is a handful per target. On a base that repeats itself
(the synthetic 100x base holds 200 copies of a metric's figure for a year) weighing every target
against every copy was quadratic: 4.1 M `progress.mismatch` calls, 30 s of a 130 s build. Here
the figures of a metric are cut to the latest `MAX_PER_YEAR` of each year, and the links are
indexed by their target's metric; the rules that judge a pair stay in `progress`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from ..kb.metrics import Vocabulary

#: At most this many figures of one metric for one year are weighed against a target, the
#: latest documents' (base order, the order the verdicts read "the latest document's figure
#: first" in). A year's figure is reported by a few documents (a work report, a communiqué, a
#: plan's review): the real base has at most 2. Figures past the cap are neither weighed nor
#: counted in a record's `evidence_omitted`.
MAX_PER_YEAR = 10


def _index(figs: dict[str, list[dict]]) -> dict | None:
    """The index kept on ``figs`` (`progress.figures`' mapping, made once a build); None for a
    plain mapping, which takes no attribute (tests build those): then nothing is kept."""
    index = getattr(figs, "pairing_index", None)
    if index is None:
        index = {}
        try:
            figs.pairing_index = index  # type: ignore[attr-defined]
        except AttributeError:
            return None
    return index


def weighed(figs: dict[str, list[dict]], metric: str) -> list[dict]:
    """The figures of ``metric`` a target is weighed against, in base order: every one, but of a
    year with more than `MAX_PER_YEAR` only the latest `MAX_PER_YEAR`."""
    index = _index(figs)
    key = ("figures", metric)
    if index is not None and key in index:
        return index[key]
    every = figs.get(metric, [])
    per_year: dict[int, int] = {}
    for fig in every:
        per_year[fig["year"]] = per_year.get(fig["year"], 0) + 1
    if all(n <= MAX_PER_YEAR for n in per_year.values()):
        out = every
    else:  # from the latest back, up to the cap of each year
        left = dict.fromkeys(per_year, MAX_PER_YEAR)
        out = []
        for fig in reversed(every):
            if left[fig["year"]]:
                left[fig["year"]] -= 1
                out.append(fig)
        out.reverse()
    if index is not None:
        index[key] = out
    return out


def links_to(figs: dict[str, list[dict]], name: str, vocab: Vocabulary) -> list[dict]:
    """The curated links whose target side is metric ``name`` (canonical), in the vocabulary's
    order (at 100x, each of 92,600 targets went through every link)."""
    index = _index(figs)
    links = index.get("links") if index is not None else None
    if links is None:
        links = {}
        for lk in vocab.links:
            links.setdefault(vocab.name(lk["target"]["metric"]), []).append(lk)
        if index is not None:
            index["links"] = links
    return links.get(name, [])
