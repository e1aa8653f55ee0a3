"""Accuracy checks of items against their source texts.

These are the rules that make the knowledge base trustworthy, written once and used by
`sdtargets validate`, by the test suite and by curators checking a fragment: an item's text is
the source's own words, its agencies are exactly its clause's, and every target's number is
written in the text (or its correction says why not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .clauses import find_clauses
from .extract import squash
from .quantities import CMP_WORDS
from .render import written

#: Comparison words a target may record (one vocabulary, shared with the drafter).
CMP_VOCAB = frozenset(CMP_WORDS)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one item: where, and a sentence saying what."""

    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}"


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


def check_agencies(item: dict) -> Iterator[str]:
    """Lead and support are exactly what the item's own agency clause names."""
    clauses = find_clauses(squash(item.get("text") or ""))
    if not clauses:
        return
    clause = clauses[-1]
    if item.get("agency_note"):
        return
    if list(item.get("lead") or []) != clause.lead:
        yield f"lead {item.get('lead')} differs from its clause {clause.lead}"
    if list(item.get("support") or []) != clause.support:
        yield f"support {item.get('support')} differs from its clause {clause.support}"
    if clause.support_word and item.get("support_word") != clause.support_word:
        yield f"support_word should be {clause.support_word}"
    if clause.lead and clause.lead_word != (item.get("lead_word") or "牵头单位"):
        yield f"lead_word should be {clause.lead_word}"


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
            shown = t.get("raw") if t.get("raw") is not None else value
            if t.get("raw") is not None and not t.get("correction"):
                yield f"{where}: raw {t.get('raw')!r} needs a correction saying why"
            if written(shown) not in quote and str(shown) not in quote:
                yield f"{where}: value {shown} is not written in its quote"
        if t.get("value_max") is not None and written(t["value_max"]) not in quote:
            yield f"{where}: value_max {t['value_max']} is not written in its quote"
        unit = str(t.get("unit") or "")
        if unit and squash(unit) not in quote:
            yield f"{where}: unit {unit!r} is not written in its quote"
        for word in t.get("cmp") or []:
            if word not in CMP_VOCAB:
                yield f"{where}: comparison {word!r} is not one of the known words"
            elif word not in quote:
                yield f"{where}: comparison {word!r} is not in its quote"
        year = t.get("year")
        if not isinstance(year, int) or not 1949 <= year <= 2100:
            yield f"{where}: year {year!r} is not a year"


def check_item(item: dict, source_text: str, source_lines: list[str]) -> list[str]:
    """All source checks of one item, as sentences."""
    return [
        *check_text(item, source_text),
        *check_line(item, source_lines),
        *check_agencies(item),
        *check_targets(item),
    ]


def check_items(items: Iterable[dict], sources: dict[str, list[str]]) -> list[Problem]:
    """Check items against ``sources`` (file name → lines); items carry ``_file``."""
    squashed = {name: squash("".join(lines)) for name, lines in sources.items()}
    problems = []
    for item in items:
        name = item.get("_file")
        if name not in sources:
            problems.append(Problem(item.get("id", "?"), f"source file {name!r} is not known"))
            continue
        for msg in check_item(item, squashed[name], sources[name]):
            problems.append(Problem(item.get("id", "?"), msg))
    return problems
