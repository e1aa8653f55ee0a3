"""Ranked search over item text, section headings and target metrics.

Chinese has no spaces between words, so the index is SQLite FTS5 with the `trigram` tokenizer.
Trigrams cannot find a 1- or 2-character term (`5G`, `氢能`): those are matched with GLOB
on the folded text instead, which is a few milliseconds over the whole base. Every term of the
query must occur (`储能 2025`).

A query is read into term groups first (`prepare`): each word, folded (width, case,
traditional characters to simplified), or an English phrase of the glossary standing for its
Chinese terms (`hydrogen` → 氢能 or 氢). Items with every group are ranked by a BM25F score
computed over their fields apart (`item_fields`: title, metrics, body, headings), the same way
for short and long terms (FTS5's own bm25() cannot rank the GLOB-matched short terms). A group
with no hit at all is then tried as a typo of a word the base does contain (one character
changed, missing, extra or swapped: `新能原汽车` → 新能源汽车); a one-word query of three or more
characters also gets rapidfuzz near misses. Every result's `score` (0–100) is its relevance
placed in its tier's band: all words found 60–100, after a typo correction 30–60, fuzzy 5–30.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import unicodedata
from collections import namedtuple
from collections.abc import Iterable
from functools import lru_cache

from ..errors import SdError
from ..text.fold import normalise_text
from .encoded import Encoded

#: Longest query accepted, in characters (after folding).
MAX_QUERY = 200
#: A fuzzy hit must score at least this (rapidfuzz partial_ratio, 0–100).
FUZZY_MIN = 75
#: Fuzzy scoring looks at no more than this many trigram candidates.
FUZZY_CANDIDATES = 2000
#: The score bands of the tiers (low, high): every word found; found after a typo correction;
#: a fuzzy near miss. Within a band a hit's place is its relevance (0–1), the same measure in
#: every tier.
EXACT_BAND, TYPO_BAND, FUZZY_BAND = (60.0, 100.0), (30.0, 60.0), (5.0, 30.0)
#: BM25F: field weights and length normalisation (how much a long field dilutes a mention).
#: A term in an item's own title or its metrics says the item is about it; a heading says the
#: item sits in a part about it; a mention in the body is the base case. Names of agencies
#: inside the text (`（牵头单位：山东黄河河务局）`) are not the item's subject and count nothing.
FIELD_WEIGHT = {"title": 3.0, "metric": 2.0, "section": 2.0, "body": 1.0}
FIELD_B = {"title": 0.3, "metric": 0.3, "section": 0.3, "body": 0.75}
K1 = 1.2
#: Added to the weighted frequency when the item's plan is named by the term (its title or
#: alias: `新能源` and the New Energy plan).
PLAN_BOOST = 0.6
#: Relevance = S / (S + HALF · groups): S, the BM25F sum over term groups, at which an item is
#: half way up its band.
HALF = 2.5
#: A multi-word query whose words stand together, in order, somewhere in the item.
PHRASE_BONUS = 1.25
#: Shortest query word that may be corrected as a typo (shorter ones have too many neighbours).
TYPO_MIN = 3


#: One search result: the item, its score (0–100), how it matched ("phrase", "terms", "typo",
#: "fuzzy") and the field where the query's words weigh most ("title", "metric", "text",
#: "section", "agency").
Hit = namedtuple("Hit", "item_id score how field", defaults=("text",))
#: A term group: the folded alternatives any of which satisfies it, and what the user typed.
Group = namedtuple("Group", "alts label english")


class Query:
    """A query read into term groups, with what a person should be told about how it was read
    (``notes``: English searched as Chinese, a typo corrected) and the terms to highlight."""

    def __init__(self, text: str, groups: list[Group]) -> None:
        self.text, self.groups = text, groups
        self.notes: list[str] = []
        self.corrected: dict[int, str] = {}

    @property
    def highlight(self) -> list[str]:
        """Every folded term searched for, longest first (for snippets)."""
        alts = {a for g in self.groups for a in g.alts}
        return sorted(alts, key=len, reverse=True)


def terms_of(query: str) -> list[str]:
    """Query → folded terms: split on whitespace, NFKC, lower case, control characters dropped."""
    clean = "".join(c for c in query if unicodedata.category(c)[0] != "C" or c in " \t\n")
    terms = [normalise_text(t) for t in clean.split()]
    terms = [t for t in terms if t]
    if not terms:
        raise SdError("The query is empty: give a word to search for, e.g. sdtargets find 氢能.")
    if sum(map(len, terms)) > MAX_QUERY:
        raise SdError(f"The query is too long ({sum(map(len, terms))} characters; at most {MAX_QUERY}).")
    return terms


def _t2s(conn: sqlite3.Connection, terms: list[str]) -> dict[int, str]:
    """The traditional → simplified folds for the CJK characters of ``terms`` (read from the
    table made at build: no converter is imported at query time)."""
    chars = sorted({c for t in terms for c in t if c >= "\u3400"})
    if not chars:
        return {}
    rows = conn.execute(
        "select t, s from fold_chars where t in (select value from json_each(?))", (json.dumps(chars),)
    )
    return {ord(t): s for t, s in rows}


_LETTERS = re.compile(r"[a-z]{2,}")


def prepare(conn: sqlite3.Connection, text: str) -> Query:
    """Read a query into term groups: English phrases of the glossary (longest first) stand
    for their Chinese terms; every other word is itself, folded to simplified characters."""
    terms = terms_of(text)
    t2s = _t2s(conn, terms)
    english: dict[str, list[str]] = {}
    if any(_LETTERS.search(t) for t in terms):
        from ..kb.glossary import en_key

        keys = {en_key(" ".join(terms[i:j])) for i in range(len(terms)) for j in range(i + 1, len(terms) + 1)}
        sql = (
            "select en, zh from glossary where type != 'national' and en in (select value from json_each(?))"
        )
        for en, zh in conn.execute(sql, (json.dumps(sorted(keys)),)):
            english.setdefault(en, [])
            if zh not in english[en]:
                english[en].append(zh)
    groups: list[Group] = []
    i = 0
    while i < len(terms):
        end, alts = _english_phrase(terms, i, english)
        if end:
            groups.append(Group(alts, " ".join(terms[i:end]), True))
            i = end
        else:
            groups.append(Group((terms[i].translate(t2s),), terms[i], False))
            i += 1
    q = Query(text, groups)
    for g in groups:
        if g.english and g.alts != (normalise_text(g.label),):
            q.notes.append(f"searched {g.label!r} as {' or '.join(g.alts)}")
    return q


def _english_phrase(terms: list[str], i: int, english: dict[str, list[str]]) -> tuple[int, tuple[str, ...]]:
    """The longest run of ASCII words from ``terms[i]`` that the glossary has (``english``: its
    rows for this query) and the Chinese terms it stands for; (0, ()) if none."""
    if not english:
        return 0, ()
    from ..kb.glossary import en_key

    run = i
    while run < len(terms) and terms[run].isascii():
        run += 1
    for j in range(run, i, -1):
        key = en_key(" ".join(terms[i:j]))
        if key in english:
            return j, tuple(english[key])
    return 0, ()


def _fts_phrase(term: str) -> str:
    """An FTS5 phrase literal: the term quoted, so `NEAR`, `OR`, `*` are plain text."""
    return '"' + term.replace('"', '""') + '"'


def _glob_escape(term: str) -> str:
    return term.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


def _items_with(conn: sqlite3.Connection, term: str) -> set[str]:
    if len(term) >= 3:
        sql = (
            "select s.id from item_search_fts f join item_search s on s.rowid = f.rowid"
            " where item_search_fts match ?"
        )
        return {r[0] for r in conn.execute(sql, (_fts_phrase(term),))}
    # GLOB, not instr: the same test on the folded text (both are case-sensitive), at twice the
    # speed over a large base (19 ms against 45 ms for `5g` at 100× the real one)
    pattern = "*" + _glob_escape(term) + "*"
    return {r[0] for r in conn.execute("select id from item_search where search glob ?", (pattern,))}


def _group_items(conn: sqlite3.Connection, group: Group) -> set[str]:
    found: set[str] = set()
    for alt in group.alts:
        found |= _items_with(conn, alt)
    return found


def search(conn: sqlite3.Connection, query: str | Query, fuzzy: bool = True) -> list[Hit]:
    """All items matching ``query``, best first; ties keep source order."""
    q = query if isinstance(query, Query) else prepare(conn, query)
    found = [_group_items(conn, g) for g in q.groups]
    how = "terms"
    if not all(found):
        # a word found nowhere: perhaps a typo of a word the base has
        for n, g in enumerate(q.groups):
            if found[n] or g.english or len(g.alts[0]) < TYPO_MIN or not g.alts[0].isalnum():
                continue
            fixed = correct(conn, g.alts[0])
            if fixed:
                q.groups[n] = Group((fixed,), g.label, False)
                q.corrected[n] = fixed
                found[n] = _items_with(conn, fixed)
                q.notes.append(f"no exact match for {g.label}; showing {fixed}")
                how = "typo"
        for n, g in enumerate(q.groups):
            if not found[n] and not g.english and _LETTERS.search(g.label):
                q.notes.append(f"{g.label!r} is not in the English glossary (data/glossary.yaml)")
    exact = set.intersection(*found) if all(found) else set()
    phrase = None
    if len(q.groups) > 1 and all(len(g.alts) == 1 for g in q.groups):
        phrase = "".join(g.alts[0] for g in q.groups)
    hits = _ranked(conn, q, exact, how, phrase, [len(f) for f in found])
    if fuzzy and len(q.groups) == 1 and not q.groups[0].english and len(q.groups[0].alts[0]) >= 3:
        hits += _fuzzy(conn, q.groups[0].alts[0], exclude=exact)
    seq = _source_order(conn, [h.item_id for h in hits])
    hits.sort(key=lambda h: (-h.score, seq.get(h.item_id, 0)))
    return hits


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
    named = _best_word(
        term, patterns, conn.execute("select word, items from typo_words where length(word) >= ?", (n - 1,))
    )
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
            found[run] = _items_with(conn, run)
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


def _source_order(conn: sqlite3.Connection, ids: list[str]) -> dict[str, int]:
    """Each hit's position in the sources (ties in score keep source order): the hits only,
    not the whole base."""
    sql = "select id, seq from items where id in (select value from json_each(?))"
    return dict(conn.execute(sql, (json.dumps(ids, ensure_ascii=False),)).fetchall())


def _stats(conn: sqlite3.Connection) -> dict:
    row = conn.execute("select value from meta where key = 'stats'").fetchone()
    stats = json.loads(row[0])
    n = max(stats["items"], 1)
    return {"items": n, **{k: max(stats[k] / n, 1.0) for k in FIELD_WEIGHT}}


def _ranked(
    conn: sqlite3.Connection, q: Query, ids: set[str], how: str, phrase: str | None, dfs: list[int]
) -> list[Hit]:
    """BM25F over the hits' fields: per term group, the weighted, length-normalised frequency
    of its best alternative in title, metrics, headings and body (agency names inside the body
    subtracted), plus a boost when the item's plan is named; saturated with K1 and weighted by
    how rare the group is (idf). Placed in the tier's band by `relevance`."""
    if not ids:
        return []
    stats = _stats(conn)
    n_items = stats["items"]
    idf = [math.log(1 + (n_items - df + 0.5) / (df + 0.5)) for df in dfs]
    band = TYPO_BAND if how == "typo" else EXACT_BAND
    sql = (
        "select id, title, metric, body, section, agency, plan from item_fields"
        " where id in (select value from json_each(?))"
    )
    hits = []
    for iid, title, metric, body, section, agency, plan in conn.execute(sql, (json.dumps(sorted(ids)),)):
        fields = {"title": title, "metric": metric, "section": section, "body": body}
        total = 0.0
        weight_by_field = dict.fromkeys(fields, 0.0)
        for g, g_idf in zip(q.groups, idf, strict=True):
            best, best_fields = 0.0, None
            for alt in g.alts:
                tf_sum, parts = 0.0, {}
                for name, text in fields.items():
                    tf = text.count(alt)
                    if name == "body" and tf:
                        tf = max(tf - agency.count(alt), 0)
                    if tf:
                        norm = 1 - FIELD_B[name] + FIELD_B[name] * len(text) / stats[name]
                        parts[name] = FIELD_WEIGHT[name] * tf / norm
                        tf_sum += parts[name]
                if alt in plan:
                    tf_sum += PLAN_BOOST
                if tf_sum > best:
                    best, best_fields = tf_sum, parts
            total += g_idf * best / (K1 + best)
            for name, w in (best_fields or {}).items():
                weight_by_field[name] += w
        if phrase and phrase in body + "|" + title:
            total *= PHRASE_BONUS
        r = total / (total + HALF * len(q.groups))
        # not rounded: the order is the relevance's, so a typo's hits keep the corrected word's
        # order (output rounds `score` to a whole number)
        score = band[0] + (band[1] - band[0]) * r
        field = _field_name(weight_by_field, title, agency, q)
        whole = len(q.groups) == 1 or (phrase is not None and phrase in body)
        kind = "phrase" if how == "terms" and whole else how
        hits.append(Hit(iid, min(score, band[1] - 0.1), kind, field))
    return hits


def _field_name(weights: dict[str, float], title: str, agency: str, q: Query) -> str:
    """Where the query's words weigh most: the title if they are in it, else the field with
    the greatest weight; "agency" when they occur only in the names of agencies."""
    if any(w > 0 for w in weights.values()):
        if weights["title"] > 0:
            return "title"
        best = max(("metric", "body", "section"), key=lambda k: weights[k])
        return "text" if best == "body" else best
    return "agency" if any(a in agency for g in q.groups for a in g.alts) else "text"


def find_items(
    conn: sqlite3.Connection,
    query: str | Query,
    filters,  # noqa: ANN001 - query.Filters
    fuzzy: bool = True,
    encoded: bool = False,
) -> list[dict] | list[Encoded]:
    """`find`: the matching items, best first, each with its ``score``, ``match`` (how it
    matched) and ``match_field`` (where): objects, or with ``encoded`` still as JSON
    (`render.Encoded`, for JSON output)."""
    from .query import filtered_ids, items_by_id, items_encoded

    hits = {h.item_id: h for h in search(conn, query, fuzzy=fuzzy)}
    ids = filtered_ids(conn, filters, list(hits))
    if encoded:
        return [
            e.adding(score=round(hits[e.id].score), match=hits[e.id].how, match_field=hits[e.id].field)
            for e in items_encoded(conn, ids)
        ]
    items = items_by_id(conn, ids)
    for it in items:
        h = hits[it["id"]]
        it["score"], it["match"], it["match_field"] = round(h.score), h.how, h.field
    return items


def _fuzzy(conn: sqlite3.Connection, phrase: str, exclude: set[str]) -> list[Hit]:
    grams = {phrase[i : i + 3] for i in range(len(phrase) - 2)}
    match = " OR ".join(_fts_phrase(g) for g in sorted(grams))
    rows = conn.execute(
        "select s.id, s.search from item_search_fts f join item_search s on s.rowid = f.rowid "
        "where item_search_fts match ? limit ?",
        (match, FUZZY_CANDIDATES),
    ).fetchall()
    if not rows:
        return []
    from rapidfuzz import fuzz

    low, high = FUZZY_BAND
    out = []
    for iid, text in rows:
        if iid in exclude:
            continue
        similarity = fuzz.partial_ratio(phrase, text)
        if similarity >= FUZZY_MIN:
            r = (similarity - FUZZY_MIN) / (100 - FUZZY_MIN)
            out.append(Hit(iid, round(min(low + (high - low) * r, high - 0.1), 1), "fuzzy", "text"))
    return out


def with_snippets(conn: sqlite3.Connection, items: list, terms: list[str]) -> list:
    """``items`` (`find`'s, decoded or `Encoded`) each with its `snippet` (`match_snippet`'s
    text, plain), the key the data formats carry. Encoded items keep their JSON: their text,
    headings and metrics are read from the store, for these items only."""
    if not items or not isinstance(items[0], Encoded):
        for it in items:
            it["snippet"] = match_snippet(it, terms)[0]
        return items
    ids = json.dumps([e.id for e in items], ensure_ascii=False)
    parts: dict[str, dict] = {
        iid: {"text": text, "section": json.loads(section), "targets": []}
        for iid, text, section in conn.execute(
            "select id, text, section from items where id in (select value from json_each(?))", (ids,)
        )
    }
    for iid, metric in conn.execute(
        "select item_id, metric from targets where item_id in (select value from json_each(?))"
        " order by item_id, position",
        (ids,),
    ):
        parts[iid]["targets"].append({"metric": metric})
    return [e.adding(snippet=match_snippet(parts[e.id], terms)[0]) for e in items]


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
    parts = list(map(_fold_char, text))
    at = "".join(parts).find(term)
    if at < 0:  # the common way here (`find`'s snippets of items matched by a heading or a metric)
        return None
    index = [pos for pos, part in enumerate(parts) for _ in part]  # folded offset → text offset
    return index[at], index[at + len(term) - 1] + 1


def snippet(text: str, terms: list[str], width: int = 36) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first matched term, and the spans to highlight in it."""
    spans = [s for s in (locate(text, t) for t in terms) if s]
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
