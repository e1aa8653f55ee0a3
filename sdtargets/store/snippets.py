"""Why each `find` result is there: the `snippet` (the text around the matched words) and where
the words are in a text, for highlighting.

A snippet is made for every item of an answer written as data (`find --json`, thousands of items
for a broad word on a large base), so both halves are written for that size: what a snippet is
made from is read with each item's JSON (its text from the JSON itself, `text_of`; its fold and
its headings and metrics stored beside it at build, `item_json.fold` and `context`: no second
query, no folding per query), and a word is found in the stored fold by `str.find` alone, the
slow way (`locate`, character by character) only for a word that is there in a text whose
characters do not fold one to one.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from functools import lru_cache
from json.decoder import scanstring

from .encoded import Encoded


def with_snippets(conn: sqlite3.Connection, items: list, terms: list[str]) -> list:
    """``items`` (`find`'s, decoded or `Encoded`) each with its `snippet` (`match_snippet`'s
    text, plain), the key the data formats carry. Encoded items keep their JSON, their snippets
    made from what is stored beside it (`stored_snippet`). (`find` itself makes them as it
    reads the JSON: `search.found_items`.)"""
    if not items or not isinstance(items[0], Encoded):
        for it in items:
            it["snippet"] = match_snippet(it, terms)[0]
        return items
    sql = "select id, fold, aligned, context from item_json where id in (select value from json_each(?))"
    arg = (json.dumps([e.id for e in items], ensure_ascii=False),)
    stored = {i: (f, a, c) for i, f, a, c in conn.execute(sql, arg)}
    return [e.adding(snippet=stored_snippet(text_of(e), *stored[e.id], terms)) for e in items]


#: Where an item's text begins in its JSON: the first top-level string key `text` (keys before it
#: hold strings and a list of strings, in which every quote is escaped, so this cannot occur).
_TEXT_KEY = '"text": "'


def text_of(encoded: str) -> str:
    """An item's text, read from its JSON without decoding the rest (by the JSON decoder's own
    string scanner): the JSON is read for output anyway, so the text need not be stored twice."""
    return scanstring(encoded, encoded.index(_TEXT_KEY) + len(_TEXT_KEY))[0]


def context_of(item: dict) -> str:
    """The strings a snippet falls back on when the words are not in an item's text, in the
    order `match_snippet` tries them (its headings, innermost first, then its targets'
    metrics), each with its label; stored at build as compact JSON (empty when there are none)."""
    pairs = [["section", s] for s in reversed(item["section"])]
    pairs += [["metric", t["metric"]] for t in item["targets"]]
    return json.dumps(pairs, ensure_ascii=False, separators=(",", ":")) if pairs else ""


def fold_of(text: str) -> tuple[str, int]:
    """``text`` folded as the index folds it (`locate`), and whether every character folds to
    exactly one (most of the base: full-width punctuation folds to one character, whitespace to
    none), when a word's offsets in the fold are its offsets in the text. Stored at build beside
    the item's JSON, so that `stored_snippet` finds the words with `str.find` alone."""
    fold = text.translate(_FOLD)  # meets every character of the text: ``uneven`` knows them
    return fold, int(_FOLD.uneven.isdisjoint(text))


def stored_snippet(
    text: str, fold: str, aligned: int, context: str, terms: list[str], width: int = 36
) -> str:
    """`match_snippet`'s text from the strings stored at build: the text, its fold (`fold_of`:
    a word not in it is not in the text; where the fold is ``aligned``, its offsets are the
    text's) and its `context_of`, decoded only when the words are not in the text. Headings and
    metrics recur across the items of a section: each one's snippet is made once."""
    spans = []
    for t in terms:
        at = fold.find(t) if t else -1
        if at >= 0:
            spans.append((at, at + len(t)) if aligned else locate(text, t))
    found, spans = window(text, spans, width)
    if spans or not context:
        return found
    terms = tuple(terms)
    for label, value in json.loads(context):
        labelled = _context_snippet(label, value, terms, width)
        if labelled is not None:
            return labelled
    return found


@lru_cache(maxsize=4096)
def _context_snippet(label: str, value: str, terms: tuple[str, ...], width: int) -> str | None:
    inside, spans = snippet(value, list(terms), width)
    return _labelled(label, inside, spans)[0] if spans else None


def match_snippet(item: dict, terms: list[str], width: int = 36) -> tuple[str, list[tuple[int, int]]]:
    """The `snippet`: the text around the hit; where the words are not in the text,
    the section heading or target metric that holds them, named (`section: 五、深入实施黄河重大
    国家战略`), so that every row shows why it is there."""
    text, spans = snippet(item["text"], terms, width)
    if spans or item.get("match") == "fuzzy":
        return text, spans
    for label, values in (
        ("section", reversed(item["section"])),
        ("metric", (t["metric"] for t in item["targets"])),
    ):
        for value in values:
            found, spans = snippet(value, terms, width)
            if spans:
                return _labelled(label, found, spans)
    return text, []


def _labelled(label: str, text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    shift = len(label) + 2
    return f"{label}: {text}", [(a + shift, b + shift) for a, b in spans]


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character folded as the index folds text (NFKC, lower case, no whitespace)."""
    return "" if ch.isspace() else unicodedata.normalize("NFKC", ch).lower()


class _FoldTable(dict):
    """`_fold_char` as a `str.translate` table, filled as characters are met: folds a whole
    text in C, character by character, exactly as `_fold_char` does (~10× a Python loop).
    ``uneven`` collects the characters met that do not fold to exactly one."""

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_char(chr(code))
        if len(out) != 1:
            self.uneven.add(chr(code))
        return out


_FOLD = _FoldTable()


def _nfkc_lower(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def locate(text: str, term: str) -> tuple[int, int] | None:
    """Where folded ``term`` occurs in ``text`` (original characters): for highlighting."""
    if not term:
        return None
    # Fast: fold the whole text at once, by lower case alone (most texts write the term as the
    # query folds it) or else by NFKC too. Offsets carry over when the length does and the
    # characters found there do fold to the term (checked, since a fold may shrink one
    # character and grow another); anything else takes the character-by-character way.
    for fold in (str.lower, _nfkc_lower):
        low = fold(text)
        at = low.find(term) if len(low) == len(text) else -1
        if at >= 0 and "".join(map(_fold_char, text[at : at + len(term)])) == term:
            return at, at + len(term)
    at = text.translate(_FOLD).find(term)
    if at < 0:  # the common way here (`find`'s snippets of items matched by a heading or a metric)
        return None
    parts = list(map(_fold_char, text))
    index = [pos for pos, part in enumerate(parts) for _ in part]  # folded offset → text offset
    return index[at], index[at + len(term) - 1] + 1


def snippet(text: str, terms: list[str], width: int = 36) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first matched term, and the spans to highlight in it."""
    return window(text, [s for s in (locate(text, t) for t in terms) if s], width)


def window(text: str, spans: list[tuple[int, int]], width: int = 36) -> tuple[str, list[tuple[int, int]]]:
    """The window of ``text`` around the first of ``spans`` (where the terms are), and the
    spans inside it, moved to its offsets."""
    if not spans:
        return text[:width], []
    first = min(s[0] for s in spans)
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    pre, post = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    window = pre + text[start:end] + post
    shift = len(pre) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return window, inside
