"""Accuracy checks of items against their source texts.

These are the rules that make the knowledge base trustworthy, written once and used by
`sdtargets validate`, by the test suite and by curators checking a fragment: an item's text is
the source's own words, its agencies are exactly its clause's, and every target's number is
written in the text (or its correction says why not).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..text.clauses import find_clauses
from ..text.numbers import CMP_WORDS, NUMBER_WORDS, squash, written

#: Comparison words a target may record (one vocabulary, shared with the drafter).
CMP_VOCAB = frozenset(CMP_WORDS) | frozenset(NUMBER_WORDS)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one item: where, and a sentence saying what."""

    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}"


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10**4, "亿": 10**8}
_CN_RUN_RE = re.compile("[〇零一二两三四五六七八九十百千万亿]+")
#: Words that state a number without a numeral: a rank (`居全国首位`), a doubling (`实现倍增`,
#: `实现翻番`, `翻一番`: 2 倍).
NUMBER_WORDS = {"首位": 1, "倍增": 2, "翻番": 2, "翻一番": 2}
#: Digits times 万 or 亿 (`6万余人次`: 60 000 人次).
_DIGITS_TIMES_RE = re.compile(r"(\d+(?:\.\d+)?)([万亿])")
#: A rank written as an ordinal (`第二位`, `居全国第一`, `首位`, `前十`): its unit is 位 even where
#: the text leaves the word out.
_RANK_RE = re.compile(r"第|首位|前[〇零一二两三四五六七八九十百\d]")
#: What a target's note says where the text prints no unit at all (`双破千`, `两大…基地`): the unit
#: is then the one the quantity is counted in (家, 个), and the note says the text leaves it out.
UNIT_NOT_WRITTEN = "原文未写单位"
#: A structure written as a ratio of shares (`73∶391∶536`): its unit is % though no % is printed.
_RATIO_RE = re.compile(r"\d\s*[∶:]\s*\d")


def cn_value(numeral: str) -> int:
    """`两` → 2, `十` → 10, `二十三` → 23, `百` → 100, `千万` → 10 000 000, `千亿` → 10¹¹."""
    total = section = digit = 0
    for ch in numeral:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (digit or 1) * _CN_SMALL[ch]
            digit = 0
        else:  # 万, 亿: multiply all that comes before (千万 = 1000 × 万; 万亿 = 万 × 亿)
            amount = section + digit
            total = (total + amount) * _CN_LARGE[ch] if amount or total else _CN_LARGE[ch]
            section = digit = 0
    return total + section + digit


def chinese_numeral_values(quote: str, unit: str = "") -> set[float]:
    """The numbers a quote writes otherwise than in plain digits: each run of Chinese numerals and
    its leading parts (`千万千瓦级` → 1000, 10 000 000, …), the words of `NUMBER_WORDS`, and
    digits times a 万/亿 that something other than ``unit`` follows (`6万余人次` with unit 人次 →
    60 000; but `3.5万家` is 3.5 of the unit 万家, never 35 000 家). A number written so is not
    damage: its target keeps `value` as a number, the words stay in `quote`, and no
    `raw`/`correction` is recorded."""
    found: set[float] = {v for word, v in NUMBER_WORDS.items() if word in quote}
    for run in _CN_RUN_RE.findall(quote):
        found.update(cn_value(run[:n]) for n in range(1, len(run) + 1))
    for m in _DIGITS_TIMES_RE.finditer(quote):
        if not unit or not quote.startswith(squash(unit), m.end()):
            found.add(round(float(m.group(1)) * _CN_LARGE[m.group(2)], 6))
    return found


def written_in(value: float | int, quote: str, unit: str = "") -> bool:
    """``value`` is written in ``quote`` (whitespace and thousands separators removed): in
    Arabic digits, or in the forms `chinese_numeral_values` reads."""
    if written(value) in quote or str(value) in quote:
        return True
    return round(float(value), 6) in chinese_numeral_values(quote, unit)


def unit_written_in(unit: str, quote: str) -> bool:
    """``unit`` is written in ``quote``, or is the unit the quote's form implies: 位 for a rank
    written as an ordinal (`居全国第一`), % for a structure written as a ratio of shares
    (`73∶391∶536`)."""
    if not unit or squash(unit) in quote:
        return True
    return (unit == "位" and bool(_RANK_RE.search(quote))) or (unit == "%" and bool(_RATIO_RE.search(quote)))


def _digits_only(text: str) -> str:
    return squash(text).replace(",", "").replace("，", "")


def check_text(item: dict, source_text: str) -> Iterator[str]:
    """The item's text stands in its source once all whitespace is removed from both."""
    text = item.get("text") or ""
    if not text.strip():
        yield "has no text"
    elif squash(text) not in source_text:
        yield "text is not found verbatim in its source (whitespace aside)"


def check_line(item: dict, source_lines: list[str]) -> Iterator[str]:
    """The recorded line is where the item's text begins. The beginning may run on into the next
    lines (a narrow newspaper column ends `…四是应用推` and goes on `广实现扩面增量`), so the
    text's first characters are looked for in the line joined with the few after it, and must
    start within the recorded line itself."""
    line = item.get("line")
    if not isinstance(line, int) or not 1 <= line <= len(source_lines):
        yield f"line {line!r} is not a line of its source"
        return
    head = squash(item.get("text") or "")[:8]
    own = squash(source_lines[line - 1])
    joined = own + squash("".join(source_lines[line : line + 4]))
    starts = [m.start() for m in re.finditer(re.escape(head), joined)] if head else [0]
    if not any(start < len(own) for start in starts):
        yield f"the text does not begin on line {line} of its source"


def check_agencies(item: dict, canonical: Callable[[str], str] | None = None) -> Iterator[str]:
    """Lead and support are exactly what the item's own agency clause names: each name as the
    clause writes it, or the registry's canonical name of what it writes (``canonical``: a name
    as written → its canonical name), so that the drafter's canonical 人民银行山东省分行 for a
    clause's 中国人民银行山东省分行 passes.

    A note (`agency_note`) explains; it never switches the check off. The only items spared are
    the accepted exceptions, each listed with its reason in `agency_exception`; an exception the
    item no longer needs (its agencies are its clause's, or it has no clause) is reported, so the
    list holds only what the check would otherwise refuse."""
    clauses = find_clauses(squash(item.get("text") or ""))
    exception = item.get("agency_exception")
    if not clauses:
        if exception:
            yield "agency_exception is set, but the item has no agency clause to differ from"
        return
    clause = clauses[-1]
    found = []

    def same(given: list, written: list[str]) -> bool:
        return len(given) == len(written) and all(
            g == w or (canonical is not None and g == canonical(w))
            for g, w in zip(given, written, strict=True)
        )

    if not same(list(item.get("lead") or []), clause.lead):
        found.append(f"lead {item.get('lead')} differs from its clause {clause.lead}")
    if not same(list(item.get("support") or []), clause.support):
        found.append(f"support {item.get('support')} differs from its clause {clause.support}")
    if clause.support_word and item.get("support_word") != clause.support_word:
        found.append(f"support_word should be {clause.support_word}")
    if clause.lead and clause.lead_word != (item.get("lead_word") or "牵头单位"):
        found.append(f"lead_word should be {clause.lead_word}")
    if exception is not None and not str(exception).strip():
        yield "agency_exception needs its reason"
    elif exception and not found:
        yield "agency_exception is set, but the agencies are exactly its clause's: remove the exception"
    elif not exception:
        yield from found


def check_targets(item: dict) -> Iterator[str]:
    """Every target's number, unit and comparison words are written in its quote and text."""
    text = _digits_only(item.get("text") or "")
    for n, t in enumerate(item.get("targets") or [], 1):
        where = f"target {n}"
        if not isinstance(t, dict):
            yield f"{where} is not a mapping"
            continue
        quote = _digits_only(str(t.get("quote") or ""))
        if not quote:
            yield f"{where} has no quote"
            continue
        if quote not in text:
            yield f"{where}: quote {t.get('quote')!r} is not in the item's text"
        value = t.get("value")
        if value is not None:
            raw = t.get("raw")
            if raw is not None and not t.get("correction"):
                yield f"{where}: raw {raw!r} needs a correction saying why"
            if raw is not None and str(raw) not in quote:
                yield f"{where}: value {raw} is not written in its quote"
            elif raw is None and not written_in(value, quote, str(t.get("unit") or "")):
                yield f"{where}: value {value} is not written in its quote"
        if t.get("value_max") is not None and not written_in(t["value_max"], quote):
            yield f"{where}: value_max {t['value_max']} is not written in its quote"
        unit = str(t.get("unit") or "")
        if not unit_written_in(unit, quote) and UNIT_NOT_WRITTEN not in str(t.get("note") or ""):
            yield f"{where}: unit {unit!r} is not written in its quote"
        for word in t.get("cmp") or []:
            if word not in CMP_VOCAB:
                yield f"{where}: comparison {word!r} is not one of the known words"
            elif word not in quote:
                yield f"{where}: comparison {word!r} is not in its quote"
        year = t.get("year")
        if not isinstance(year, int) or not 1949 <= year <= 2100:
            yield f"{where}: year {year!r} is not a year"
        yield from (f"{where}: {msg}" for msg in _span_problems(t, year, text))


def _span_problems(t: dict, year: object, text: str) -> Iterator[str]:
    """`span`, `average` and `part` say what stretch of time a figure covers (README, "Did they
    deliver?"): a span is several years ending in the target's year; an average needs the span
    it averages over; 年均 always has one; a part of a year is written in the item's text."""
    span = t.get("span")
    if span is not None:
        if not (isinstance(span, list) and len(span) == 2 and span[0] < span[1]):
            yield f"span {span!r} should be [first year, last year], first before last"
        elif span[1] != year:
            yield f"span {span!r} should end in the target's year {year}"
    if (t.get("average") or "年均" in (t.get("cmp") or [])) and span is None:
        yield "an average (年均) needs the span it averages over (span: [first, last])"
    if t.get("average") and "年均" in (t.get("cmp") or []):
        yield "average: true is for an average the quote does not write; here 年均 is in cmp"
    part = t.get("part")
    if part is not None:
        if span is not None:
            yield "a figure cannot cover part of a year and several years (part and span)"
        if _digits_only(str(part)) not in text:
            yield f"part {part!r} is not written in the item's text"


def check_item(
    item: dict, source_text: str, source_lines: list[str], canonical: Callable[[str], str] | None = None
) -> list[str]:
    """All source checks of one item, as sentences."""
    return [
        *check_text(item, source_text),
        *check_line(item, source_lines),
        *check_agencies(item, canonical),
        *check_targets(item),
    ]


def check_items(
    items: Iterable[dict], sources: dict[str, list[str]], agencies: list[dict] | None = None
) -> list[Problem]:
    """Check items against ``sources`` (file name → lines); items carry ``_file``. With the
    registry's ``agencies``, a clause's name may be given in its canonical form."""
    canonical = canonical_names(agencies) if agencies else None
    squashed = {name: squash("".join(lines)) for name, lines in sources.items()}
    problems = []
    for item in items:
        name = item.get("_file")
        if name not in sources:
            problems.append(Problem(item.get("id", "?"), f"source file {name!r} is not known"))
            continue
        for msg in check_item(item, squashed[name], sources[name], canonical):
            problems.append(Problem(item.get("id", "?"), msg))
    return problems


def canonical_names(agencies: list[dict]) -> Callable[[str], str]:
    """A name as a document writes it → the registry's canonical name (its official full name
    or an alias, width and spaces folded); a name the registry lacks stays as it is. The
    drafter resolves names the same way (`drafting.draft.registry_resolver`)."""
    from ..text.fold import normalise_text

    forms: dict[str, str] = {}
    for a in agencies:
        for form in [a["name"], a.get("full"), *(a.get("aliases") or [])]:
            if form:
                forms.setdefault(normalise_text(form), a["name"])
    return lambda name: forms.get(normalise_text(name), name)
