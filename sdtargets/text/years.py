"""Whether a target's year is stated by its text or only implied by its plan's end.

`sdtargets due YEAR` lists a target only when the document itself ties it to that year (the
`--implied` option adds what is due only because its plan ends then). So the year a curator
records is *stated* only where the words that govern the target's figure name it, not wherever
the item happens to mention that year: in `…新组建3—4家省实验室。…力争到2025年总数达到30家`
the 2025 belongs to the other sentence. The rule, in the order it is tried:

1. the year is written in the target's quote (`2025年达到90%以上`);
2. it is written earlier in the quote's own clause, the stretch of its sentence between `。；！？`
   (`2024年全省…达到85%以上` governs what follows it up to the next `；`);
3. a time frame heads the quote's sentence or a part of it — a phrase of its own between
   commas such as `到2025年，`, `截至2023年底，`, `一是到2025年，`, `2024年，` — and no other
   frame comes between it and the quote: the frame governs the rest of the sentence across
   `；` (an enumeration `一是…到2025年…；二是…` continues the first member's frame); a sentence
   beginning `其中` continues the sentence before it (`截至2023年底，…达到54.1万台。其中，公共
   充电桩12.3万台`);
4. a per-year commitment: `每年` written in the quote or earlier in its clause commits the plan
   to every year of its period (`每年培育600家科技小巨人企业` is one stated target for each
   plan year). `年均` is not a per-year commitment: `年均增长10%` is one figure for the end of
   the period it averages over, and its year follows rules 1–3;
5. a span as long as the plan written in the quote or earlier in its clause (`两年内制修订不少于
   30项`, `力争用2年时间，新增…2300人左右`, `两年新建3—5家` in a two-year plan) states the
   plan's last year: the text itself sets the deadline at the end of the plan's years. A span of
   another length (`连续7年`, `三年行动`) states nothing.

6. a time frame that opens the item's paragraph (`到2027年，…`, `力争到2027年，…`, after a
   heading such as `主要目标：`) states the year for every target of the paragraph after it, up to
   another frame: a goal paragraph's year governs its sentences, not only its first.

A one-year plan states its only year. Where the rule misreads a text, the curator sets
`year_implied` on the target with a `note` saying why (CURATING.md, Targets).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numbers import squash

#: Ends of a sentence, and of a clause within one.
_SENTENCE_END = "。！？"
_CLAUSE_END = _SENTENCE_END + "；"
#: A year as the documents write it: `2025年`, `2025 年`.
_YEAR_RE = re.compile(r"(20\d\d)年")
#: A phrase that is only a time frame, standing between commas (or at the start of a sentence):
#: `到2025年`, `力争到2025年`, `截至2023年底`, `到2024年年底`, `一是到2025年`, `2024年`.
_FRAME_RE = re.compile(
    r"(?:^|(?<=[，,：:。；！？]))"
    r"(?:[一二三四五六七八九十]是|其中|同时|另外)?"
    r"(?:力争|争取|确保|预计|计划)?"
    r"(?:到|至|截至|截止|截止到|截至到|于)?"
    r"(20\d\d)年(?:底|末|前|年底|年末|内|起)?"
    r"(?=[，,：:])"
)
#: Words that make a target a commitment for each year of its plan's period.
PER_YEAR_WORDS = ("每年",)
#: A span of years (`两年`, `用2年时间`, `三年内`), not a year (`2025年`), not a yearly figure (`年度`)
#: and not the name of a programme (`三年行动`, `十年行动方案`).
_SPAN_RE = re.compile(r"(?<![\d年])([一两二三四五六七八九十]|\d{1,2})年(?!度|行动|计划|规划|方案)")
_CN_COUNT = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
#: A sentence that continues the one before it, inheriting its time frame.
_CONTINUES = ("其中",)


@lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[str, str, tuple[int, ...]]:
    """An item's text without whitespace (``flat``), that without commas (``bare``), and where each
    character of ``bare`` stands in ``flat``. An item's targets are looked up one after another
    in the same text, so this is computed once per item."""
    flat = squash(text)
    keep = tuple(i for i, ch in enumerate(flat) if ch not in ",，")
    return flat, "".join(flat[i] for i in keep), keep


def _locate(text: str, quote: str) -> list[int]:
    """Where ``quote`` starts in the item's ``text`` with its whitespace removed, matched as the
    validator matches it: whitespace and commas (thousands separators, and the text's own commas)
    aside."""
    _, bare, keep = _prepared(text)
    q = squash(quote).replace(",", "").replace("，", "")
    if not q:
        return []
    spots, at = [], bare.find(q)
    while at >= 0:
        spots.append(keep[at])
        at = bare.find(q, at + 1)
    return spots


def _start_of(text: str, pos: int, ends: str) -> int:
    """Where the stretch ending in one of ``ends`` that holds ``pos`` begins."""
    return max((text.rfind(ch, 0, pos) for ch in ends), default=-1) + 1


def _sentence_start(text: str, pos: int) -> int:
    """The start of the sentence holding ``pos``, reaching back over sentences that begin with
    `其中` to the one they continue."""
    start = _start_of(text, pos, _SENTENCE_END)
    while start > 0 and text.startswith(_CONTINUES, start):
        start = _start_of(text, start - 1, _SENTENCE_END)
    return start


def _frame_year(text: str, start: int, pos: int) -> int | None:
    """The year of the last time frame between ``start`` and ``pos``, if any."""
    frames = [m for m in _FRAME_RE.finditer(text, start, pos)]
    return int(frames[-1].group(1)) if frames else None


def spans_written(text: str) -> set[int]:
    """The lengths of the spans of years written in a stretch of text: `两年内` → {2}."""
    return {int(n) if n.isdigit() else _CN_COUNT[n] for n in _SPAN_RE.findall(text)}


def years_written(text: str) -> set[int]:
    """The years written as `2025年` in a stretch of text (whitespace already removed)."""
    return {int(y) for y in _YEAR_RE.findall(text)}


def year_stated(text: str, quote: str, year: int, period: tuple[int, int]) -> bool:
    """The item's ``text`` states ``year`` for the target quoted as ``quote`` (rules 1–5 above);
    False where the year is only the plan's end. A quote not found in the text (the validator
    reports it) falls back to whether the year is written anywhere in the text."""
    start, end = period
    if start == end:
        return True
    flat = _prepared(text)[0]
    q = squash(quote)
    if year in years_written(q):
        return True
    spots = _locate(text, q)
    if not spots:
        return year in years_written(flat)
    for pos in spots:
        clause = flat[_start_of(flat, pos, _CLAUSE_END) : pos]
        if year in years_written(clause):
            return True
        if _frame_year(flat, _sentence_start(flat, pos), pos) == year:
            return True
        if start <= year <= end and any(w in clause + q for w in PER_YEAR_WORDS):
            return True
        if year == end and end - start + 1 in spans_written(clause + q):
            return True
        if _head_year(flat, pos) == year:
            return True
    return False


#: What may come before a paragraph's opening frame: its number and a heading ending in `：`.
_HEAD_RE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?)?(?:[^，。；：]{0,8}[：:])?")


def _head_year(flat: str, pos: int) -> int | None:
    """The year of the frame that opens the paragraph (rule 6), if no other frame stands between
    it and ``pos``."""
    at = _HEAD_RE.match(flat).end()
    m = _FRAME_RE.match(flat, at)
    if not m or m.start() != at or m.end() > pos:
        return None
    if [f for f in _FRAME_RE.finditer(flat, m.end(), pos)]:
        return None
    return int(m.group(1))
