"""Notes that carry weight must show their evidence (issue #22).

A curator's note is read as fact by whoever uses the base, so three kinds of note are held to a
rule `validate` can check, not to good faith:

- a **hand-set year flag**: a target whose `year_implied` differs from what the rule of
  `sdtargets.text.years` derives was set by hand, and its `note` says where the year is stated:
  it names the year (`年份`) and the source line that states it (`第N行`);
- a **correction** (`raw` and `correction`: the source is damaged and the value is not what it
  prints) cites its evidence;
- a **note of doubt** (any note using one of `DOUBT_WORDS`: 疑, 不可能, 应为, 有误, 存疑, 笔误) cites its
  evidence, or is openly a question: it says `待核` and asks (`？`).

Evidence is what a reader can look up without trusting the curator:

- a line of a source: `第N行` (the item's own source) or `FILE第N行` (another source of the base,
  `sd2024_zhengfu_gongzuo_baogao.txt第24行`); the line must exist in that file;
- another item of the base, by its id (`gwr2024.r3`, `act2024-ecosystem.7`);
- a named publication, its title in `《…》` (`国家统计局《第七次全国人口普查公报（第三号）》`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..text.years import year_stated
from .checks import Problem

#: Words by which a note doubts the source or another figure.
DOUBT_WORDS = ("疑", "不可能", "应为", "有误", "存疑", "笔误")
#: A line of a source: `第24行`, or of a named source file, `sd2024_…baogao.txt第24行`.
LINE_REF_RE = re.compile(r"(?:([A-Za-z0-9_\-.]+\.txt))?第(\d+)行")
#: Something shaped like an item id (`fyp14.c17p1`, `act2024-ecosystem.7`, `gwr2024.1.2d`); it
#: is evidence only if the base has an item of that id.
ITEM_ID_RE = re.compile(r"(?<![A-Za-z0-9_\-.])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[A-Za-z0-9]+)+", re.ASCII)
#: A publication named by its title: `《第七次全国人口普查公报》`.
PUBLICATION_RE = re.compile(r"《[^《》]+》")
#: The mark of a note that is a question, not a claim: `待核` and a question mark.
QUESTION_MARK = "待核"


def line_refs(note: str, own: str, line_counts: dict[str, int]) -> tuple[int, list[str]]:
    """(how many line references in ``note`` name a line that exists, the ones that do not).

    ``own`` is the item's source file (a bare `第N行` is a line of it); ``line_counts`` gives
    each source file of the base its number of lines."""
    good, bad = 0, []
    for m in LINE_REF_RE.finditer(note):
        name, line = m.group(1) or own, int(m.group(2))
        if name not in line_counts:
            bad.append(f"{m.group(0)} names {name}, not a source of the base")
        elif not 1 <= line <= line_counts[name]:
            bad.append(f"{m.group(0)} is not a line of {name} ({line_counts[name]} lines)")
        else:
            good += 1
    return good, bad


def cites_evidence(note: str, own: str, line_counts: dict[str, int], ids: set[str]) -> bool:
    """``note`` cites a source line that exists, an item of the base, or a named publication."""
    return (
        line_refs(note, own, line_counts)[0] > 0
        or any(m.group(0) in ids for m in ITEM_ID_RE.finditer(note))
        or bool(PUBLICATION_RE.search(note))
    )


def is_question(note: str) -> bool:
    """``note`` is openly a question left to check: it says `待核` and asks."""
    return QUESTION_MARK in note and ("？" in note or "?" in note)


def hand_set_year(item: dict, target: dict, period: tuple[int, int]) -> bool | None:
    """The derived `year_implied` where the target's flag contradicts it (so it was set by
    hand: the loader fills in only the derived value), else None."""
    start, end = period
    derived = start != end and not year_stated(item["text"], target["quote"], target["year"], period)
    return derived if bool(target.get("year_implied")) != derived else None


def _notes(item: dict) -> Iterator[tuple[str, str, str]]:
    """(where, field, text) of every note of the item and of its targets."""
    for key in ("note", "agency_note", "lead_implied", "agency_exception"):
        if isinstance(item.get(key), str):
            yield "", key, item[key]
    for n, t in enumerate(item.get("targets") or [], 1):
        for key in ("note", "correction"):
            if isinstance(t.get(key), str):
                yield f"target {n}: ", key, t[key]


def check_notes(
    items: Iterable[dict], periods: dict[str, tuple[int, int]], line_counts: dict[str, int]
) -> list[Problem]:
    """Every hand-set year flag with its note, every correction and doubt with its evidence.

    ``items`` are loaded items (with ``_file``); ``periods`` maps a plan id to its period."""
    items = list(items)
    ids = {i["id"] for i in items}
    return [
        Problem(item["id"], msg)
        for item in items
        for msg in item_note_problems(item, periods[item["plan"]], line_counts, ids)
    ]


def item_note_problems(
    item: dict, period: tuple[int, int], line_counts: dict[str, int], ids: set[str]
) -> Iterator[str]:
    """The note problems of one item, as sentences."""
    own = item.get("_file") or ""
    for n, t in enumerate(item.get("targets") or [], 1):
        derived = hand_set_year(item, t, period)
        note = str(t.get("note") or "")
        if derived is not None and not ("年份" in note and line_refs(note, own, line_counts)[0]):
            yield (
                f"target {n}: year_implied {str(not derived).lower()} is set by hand (the rule gives"
                f" {str(derived).lower()}) without a note saying where its year is stated"
                " (年份 and the source line, 第N行)"
            )
        correction = str(t.get("correction") or "")
        if (t.get("raw") is not None or correction) and not cites_evidence(correction, own, line_counts, ids):
            yield (
                f"target {n}: correction cites no evidence (a source line 第N行, an item id,"
                " or a publication 《…》)"
            )
    for where, key, text in _notes(item):
        for bad in line_refs(text, own, line_counts)[1]:
            yield f"{where}{key}: {bad}"
        doubt = next((w for w in DOUBT_WORDS if w in text), None)
        if (
            doubt
            and key != "correction"  # held to evidence above, question or not
            and not cites_evidence(text, own, line_counts, ids)
            and not is_question(text)
        ):
            yield (
                f"{where}{key}: a note of doubt ({doubt}) cites no evidence (a source line 第N行,"
                " an item id, or a publication 《…》) and is not a question marked 待核"
            )
