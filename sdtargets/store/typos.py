"""Typo correction and the primitive lookups of search: which items hold a folded term.

A word found nowhere is tried as a typo of a word the base does contain (one character
changed, missing, extra or swapped: `新能原汽车` → 新能源汽车). The base's names are tried first
(the `typo_words` table), then the whole folded text. `items_with` is the one lookup every
search step uses: FTS5 trigrams for three characters or more, GLOB on the folded text for one
or two.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from .rows import tuples

#: Shortest query word that may be corrected as a typo (shorter ones have too many neighbours).
TYPO_MIN = 3
#: The end of every item's folded search text (`item_search.search`, written at build): two
#: characters no folded query holds (folding removes whitespace), after which even the last
#: character of the text begins a trigram of the index.
SEARCH_END = "\n\n"
#: A one- or two-character word is looked up through the trigrams it begins when there are at
#: most this many (`5g`: 14, `经费`: 6, `占比`: 19); a word beginning more (`发展`: 169, in
#: half the items) is matched by GLOB over the folded text, which is then as fast or faster
#: (real base: 1.4 ms against 8 ms for the index's 169 lists).
SHORT_TRIGRAMS = 64


def fts_phrase(term: str) -> str:
    """An FTS5 phrase literal: the term quoted, so `NEAR`, `OR`, `*` are plain text."""
    return '"' + term.replace('"', '""') + '"'


def _glob_escape(term: str) -> str:
    return term.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


def items_with(conn: sqlite3.Connection, term: str) -> set[str]:
    """The items whose folded search text holds ``term`` (folded): the trigram index for three
    characters or more; for one or two, the index too, through the trigrams the term begins
    (`starting`), or GLOB over the folded text when it begins too many or the store is older."""
    sql = (
        "select s.id from item_search_fts f join item_search s on s.rowid = f.rowid"
        " where item_search_fts match ?"
    )
    if len(term) >= 3:
        return {r[0] for r in tuples(conn, sql, (fts_phrase(term),))}
    grams = starting(conn, term)
    if grams is not None:
        if not grams:
            return set()
        return {r[0] for r in tuples(conn, sql, (" OR ".join(map(fts_phrase, grams)),))}
    # GLOB, not instr: the same test on the folded text (both are case-sensitive), at twice the
    # speed over a large base (19 ms against 45 ms for `5g` at 100× the real one)
    pattern = "*" + _glob_escape(term) + "*"
    return {r[0] for r in tuples(conn, "select id from item_search where search glob ?", (pattern,))}


def starting(conn: sqlite3.Connection, term: str) -> list[str] | None:
    """The trigrams of the index that begin with ``term`` (one or two characters): an item holds
    the term exactly when it holds one of them, since every text ends with `SEARCH_END`. A
    range read of the index's vocabulary (`fts5vocab`, a table of this connection's own, made
    once), ~1 ms at any scale. None when they are more than `SHORT_TRIGRAMS`, or the store
    predates `SEARCH_END`: the caller then scans the text."""
    if not _ended(conn):
        return None
    try:
        conn.execute(
            "create virtual table if not exists temp.item_search_grams"
            " using fts5vocab(main, 'item_search_fts', 'row')"
        )
        rows = conn.execute(
            "select term from temp.item_search_grams where term >= ? and term < ? limit ?",
            (term, term[:-1] + chr(ord(term[-1]) + 1), SHORT_TRIGRAMS + 1),
        ).fetchall()
    except sqlite3.Error:  # no FTS5 vocabulary module: scan
        return None
    grams = [r[0] for r in rows]
    return grams if len(grams) <= SHORT_TRIGRAMS else None


def _ended(conn: sqlite3.Connection) -> bool:
    """Whether the store's search texts end with `SEARCH_END` (one row read: ~50 µs)."""
    row = conn.execute("select search from item_search limit 1").fetchone()
    return row is not None and row[0].endswith(SEARCH_END)


def occurs(conn: sqlite3.Connection, term: str) -> bool:
    """Whether any item holds ``term``: the first hit ends the lookup (for cutting a sentence
    into words the base has, which asks many times)."""
    if len(term) >= 3:
        sql = (
            "select 1 from item_search_fts f join item_search s on s.rowid = f.rowid"
            " where item_search_fts match ? limit 1"
        )
        return conn.execute(sql, (fts_phrase(term),)).fetchone() is not None
    grams = starting(conn, term)
    if grams is not None:
        return bool(grams)
    pattern = "*" + _glob_escape(term) + "*"
    return (
        conn.execute("select 1 from item_search where search glob ? limit 1", (pattern,)).fetchone()
        is not None
    )


def correct(conn: sqlite3.Connection, term: str) -> str | None:
    """The word of the base one edit from ``term`` (a character changed, missing, extra, or
    two swapped) that the most items contain; None if there is none. The base's names (titles,
    headings, metrics, agencies, glossary terms: the `typo_words` table) are tried first, since
    a typo is most often of a name and that table is small; only when none is one edit away is
    the whole folded text searched, through the items holding each shape's literal runs."""
    n = len(term)
    shapes = {term[:i] + "\0" + term[i + 1 :] for i in range(n)}  # \0: any one character
    shapes |= {term[:i] + "\0" + term[i:] for i in range(1, n)}
    shapes |= {term[:i] + term[i + 1] + term[i] + term[i + 2 :] for i in range(n - 1)}
    if n > TYPO_MIN:
        shapes |= {term[:i] + term[i + 1 :] for i in range(n)}
    shapes.discard(term)
    patterns = [re.compile("".join("." if c == "\0" else re.escape(c) for c in sh)) for sh in shapes]
    # a name can match a shape only if it holds the shape's longest literal run: SQLite keeps
    # those names (instr, in C), and only they are matched in Python (~6,000 names, ~100,000
    # regex searches before: most of a typo's time)
    runs = sorted({max(sh.split("\0"), key=len) for sh in shapes})
    held = " or ".join("instr(word, ?) > 0" for _ in runs)
    sql = f"select word, items from typo_words where length(word) >= ? and ({held})"  # noqa: S608
    named = _best_word(term, patterns, conn.execute(sql, (n - 1, *runs)))
    if named:  # a word among the base's names (titles, headings, metrics): no scan of the text
        return named
    # candidates: the items holding each shape's longest literal run (an index lookup for three
    # characters or more, a GLOB scan for two), or, where no run is two characters long
    # (`碳?峰`), the shape itself by GLOB; then the shapes are matched in Python
    # Each literal run is looked up once (shapes share them), and an item is a candidate only if
    # it holds every run of the shape: `新能?汽车` needs both 新能 and 汽车 (at 100× the base this
    # took the typo path from ~330 ms to a fraction of it)
    found: dict[str, set[str]] = {}

    def holding(run: str) -> set[str]:
        if run not in found:
            found[run] = items_with(conn, run)
        return found[run]

    ids: set[str] = set()
    for sh in shapes:
        runs = sorted({r for r in sh.split("\0") if len(r) >= 2}, key=len, reverse=True)
        if runs:
            cand = holding(runs[0])
            for r in runs[1:]:
                if not cand:
                    break
                cand = cand & holding(r)
            ids |= cand
        else:
            pattern = "*" + _glob_escape(sh).replace("\0", "?") + "*"
            ids |= {r[0] for r in conn.execute("select id from item_search where search glob ?", (pattern,))}
    sql = "select search, 1 from item_search where id in (select value from json_each(?))"
    return _best_word(term, patterns, conn.execute(sql, (json.dumps(sorted(ids), ensure_ascii=False),)))


def _best_word(term: str, patterns: list[re.Pattern], rows: Iterable[tuple[str, int]]) -> str | None:
    """The word one edit from ``term`` that the texts in ``rows`` (text, items it stands for)
    hold for the most items; None if none does.

    A changed or swapped character first (the commonest typo), then a missing one, then an
    extra one: dropping a character leaves a piece of the query itself (`数字经剂` → 数字经),
    always more frequent than the word meant; among equals, the word most items contain."""
    counts: dict[str, int] = {}
    for text, items in rows:
        words = {m.group() for p in patterns for m in p.finditer(text) if m.group().isalnum()}
        for w in words - {term}:
            counts[w] = counts.get(w, 0) + items
    if not counts:
        return None
    n = len(term)
    order = {n: 0, n + 1: 1, n - 1: 2}
    return min(counts, key=lambda w: (order[len(w)], -counts[w], w))
