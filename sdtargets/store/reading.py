"""Reading a query into term groups, and settling the words the base does not hold.

`prepare` reads the query's syntax (`syntax.pieces`: phrases, `OR`, `-word`) into term groups:
each word folded (width, case, traditional characters to simplified), or an English phrase of
the glossary standing for its Chinese terms (`hydrogen` → 氢能 or 氢), or English words that
describe a metric (`nuclear power capacity` → 核电装机: every word in the metric's English
`about`). Words that only ask (`目标`, `what`) are left out when other words remain.

`settle` runs once the groups' items are known, for the groups found nowhere, in this order:
a sentence is cut at its question words (`2025年光伏装机目标是多少` → 2025, 光伏装机); a word
is corrected as a typo, only if the corrected query finds something; a word is cut into the
longest pieces the base holds, if they make up two thirds of it (`经费占比` → 经费, 占比); an
English word is corrected against the glossary (`hydrogn` → hydrogen). What is still found
nowhere is left out, and the notes say so (unless nothing is left: then the answer is simply
that no item matches).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections import namedtuple

from ..errors import ExitCode, SdError
from ..text.fold import normalise_text
from .syntax import ENGLISH_STOP, is_english_stop, only_asks, pieces, split_question
from .typos import TYPO_MIN, correct, items_with, occurs

#: Longest query accepted, in characters (after folding).
MAX_QUERY = 200
#: English words describe a metric when its `about` holds every one; more metrics than this
#: and the words name no one quantity.
ABOUT_MAX = 8

#: A term group: the folded alternatives any of which satisfies it, what the user typed, and
#: whether it was read as English.
Group = namedtuple("Group", "alts label english")


class Query:
    """A query read into term groups, with what a person should be told about how it was read
    (``notes``: English searched as Chinese, a typo corrected, words left out), the groups whose
    items are left out (``excluded``, `-word`) and the terms to highlight."""

    def __init__(self, text: str, groups: list[Group], excluded: list[Group] | None = None) -> None:
        self.text, self.groups = text, groups
        self.excluded: list[Group] = excluded or []
        self.notes: list[str] = []
        self.corrected: dict[int, str] = {}
        self.dropped: list[str] = []
        #: Whether an English typo was corrected as the query was read (its hits are typo hits).
        self.typo = False
        #: The direct answer (`answer.answers`), set by `search.search`.
        self.answers: list[dict] = []
        #: Items of each term looked up while reworking words (`group_items`).
        self.memo: dict[str, set[str]] = {}

    @property
    def highlight(self) -> list[str]:
        """Every folded term searched for, longest first (for snippets)."""
        alts = {a for g in self.groups for a in g.alts}
        return sorted(alts, key=len, reverse=True)


def _clean(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c)[0] != "C" or c in " \t\n")


def terms_of(query: str) -> list[str]:
    """Query → folded terms: split on whitespace, NFKC, lower case, control characters dropped."""
    terms = [normalise_text(t) for t in _clean(query).split()]
    terms = [t for t in terms if t]
    if not terms:
        raise SdError("The query is empty: give a word to search for, e.g. sdtargets find 氢能.")
    if sum(map(len, terms)) > MAX_QUERY:
        raise SdError(f"The query is too long ({sum(map(len, terms))} characters; at most {MAX_QUERY}).")
    return terms


def t2s_of(conn: sqlite3.Connection, text: str) -> dict[int, str]:
    """The traditional → simplified folds for the CJK characters of ``text`` (read from the
    table made at build: no converter is imported at query time)."""
    chars = sorted({c for c in text if c >= "\u3400"})
    if not chars:
        return {}
    rows = conn.execute(
        "select t, s from fold_chars where t in (select value from json_each(?))", (json.dumps(chars),)
    )
    return {ord(t): s for t, s in rows}


def fold(conn: sqlite3.Connection, text: str) -> str:
    """``text`` folded as the index folds it: width, case, no spaces, simplified characters."""
    return normalise_text(text).translate(t2s_of(conn, text))


_LETTER = re.compile(r"[a-z]")


def _english_rows(conn: sqlite3.Connection, words: list[str]) -> dict[str, list[str]]:
    """The glossary's rows for every run of ``words`` (English key → Chinese terms)."""
    from ..kb.glossary import en_key

    keys = {en_key(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    sql = "select en, zh from glossary where type != 'national' and en in (select value from json_each(?))"
    english: dict[str, list[str]] = {}
    for en, zh in conn.execute(sql, (json.dumps(sorted(keys)),)):
        english.setdefault(en, [])
        if zh not in english[en]:
            english[en].append(zh)
    return english


def prepare(conn: sqlite3.Connection, text: str) -> Query:
    """Read a query into term groups (see the module's docstring)."""
    terms_of(text)  # refuses an empty or overlong query, in one sentence
    parts = [p for p in pieces(_clean(text)) if normalise_text(p.text)]
    t2s = t2s_of(conn, text)
    ascii_words = [w for p in parts for w in p.text.split() if w.isascii() and _LETTER.search(w.lower())]
    english = _english_rows(conn, [p.text.lower() for p in parts] + ascii_words) if ascii_words else {}
    fixes = _english_fixes(conn, parts) if ascii_words else {}
    if fixes:  # the glossary's rows for the words as corrected too
        english.update(_english_rows(conn, [fixes.get(k, p.text).lower() for k, p in enumerate(parts)]))
    notes: list[str] = []
    groups: list[Group] = []
    excluded: list[Group] = []
    dropped: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        step = 1
        if p.quoted:
            key_alts = _english_whole(conn, p.text, english)
            g = Group(key_alts or (normalise_text(p.text).translate(t2s),), p.text, bool(key_alts))
        elif p.text.isascii() and _LETTER.search(p.text.lower()) and not p.excluded:
            run = i + 1
            while run < len(parts) and _plain_ascii(parts[run]):
                run += 1
            words = [x.text for x in parts[i:run]]
            end, alts = _english_phrase(words, english)
            if end <= 1 and is_english_stop(p.text) and not (p.joined or _or_next(parts, i)):  # `target` asks
                dropped.append(p.text)
                i += 1
                continue
            end, alts = _read_english(conn, words, english, end, alts)
            if any(k in fixes for k in range(i, run)):  # a typo: read as corrected if that reads
                fixed = [fixes.get(k, w) for k, w in enumerate(words, start=i)]
                f_end, f_alts = _read_english(conn, fixed, english, *_english_phrase(fixed, english))
                typos = [k for k in range(i, i + f_end) if k in fixes]
                if typos and _content(fixed[:f_end]) >= _content(words[:end]) and _in_base(conn, f_alts):
                    words, end, alts = fixed, f_end, f_alts
                    notes += [f"no English word {parts[k].text!r}; read it as {fixes[k]!r}" for k in typos]
            if end:
                g, step = Group(alts, " ".join(words[:end]), True), end
            else:
                g = Group((normalise_text(p.text),), p.text, False)
        elif only_asks(p.text) and not (p.excluded or p.joined or _or_next(parts, i)):
            dropped.append(p.text)
            i += 1
            continue
        else:
            g = Group((normalise_text(p.text).translate(t2s),), p.text, False)
        if p.excluded:
            excluded.append(g)
        elif p.joined and groups:
            prev = groups[-1]
            alts = prev.alts + tuple(a for a in g.alts if a not in prev.alts)
            groups[-1] = Group(alts, f"{prev.label} OR {g.label}", prev.english or g.english)
        else:
            groups.append(g)
        i += step
    if not groups and dropped:  # only asking words
        groups = _alone(conn, dropped, english, t2s)
        dropped = [] if groups else dropped
        if not groups and not excluded:
            raise SdError(
                f"The query has no topic words: every word of {text.strip()!r} asks; name what it is"
                ' about (find "2025年光伏装机目标是多少").',
                ExitCode.NO_RESULTS,
            )
    if not groups and not excluded:  # quotes or operators alone (`"`, `OR`)
        raise SdError("The query is empty: give a word to search for (find 氢能).")
    if not groups:
        raise SdError("The query only excludes words: give a word to search for as well (氢能 -燃料电池).")
    q = Query(text, groups, excluded)
    q.dropped = dropped
    q.notes += notes
    q.typo = bool(notes)
    if dropped:
        q.notes.append(
            f"left out {', '.join(dropped)} (they ask, or name Shandong itself: not what an item is about)"
        )
    for g in groups:
        if g.english and g.alts != (normalise_text(g.label),):
            q.notes.append(f"searched {g.label!r} as {' or '.join(g.alts)}")
    return q


def _or_next(parts: list, i: int) -> bool:
    """Whether the piece after ``parts[i]`` is joined to it by `OR` (`目标 OR 多少`: either
    word is asked for, not left out)."""
    return i + 1 < len(parts) and parts[i + 1].joined


def _alone(
    conn: sqlite3.Connection, dropped: list[str], english: dict[str, list[str]], t2s: dict[int, str]
) -> list[Group]:
    """A query of one asking word alone is that word, searched, when the base holds it (`目标`,
    `target` → 目标); a question of asking words only (`目标是多少`, `what is the target`)
    names no topic: no groups."""
    from ..kb.glossary import en_key

    if len(dropped) != 1:
        return []
    w = dropped[0]
    key = en_key(w)
    g = (
        Group(tuple(english[key]), w, True)
        if key in english
        else Group((normalise_text(w).translate(t2s),), w, False)
    )
    return [g] if _in_base(conn, g.alts) else []


def _read_english(
    conn: sqlite3.Connection, words: list[str], english: dict[str, list[str]], end: int, alts: tuple[str, ...]
) -> tuple[int, tuple[str, ...]]:
    """How many of ``words`` (from the first) read as one English term, and its Chinese: the
    glossary's longest run (``end``, ``alts``: `_english_phrase`), or words that describe a
    metric (`about_phrase`) when these name more; (0, ()) if none."""
    if end < len(words):  # words the glossary does not join may describe a metric
        about_end, about_alts = about_phrase(conn, words)
        if _content(words[:about_end]) > _content(words[:end]):
            end, alts = about_end, about_alts
    return end, alts


def _english_fixes(conn: sqlite3.Connection, parts: list) -> dict[int, str]:
    """English words of the query that neither the vocabulary (`english.vocabulary`) nor any
    item holds, each with the nearest vocabulary word (`gazele` → gazelle), by the piece's
    index; words with no near word are not listed. The vocabulary is read only when some word
    could be a typo."""
    from .english import nearest, unknown, vocabulary

    candidates = [
        k
        for k, p in enumerate(parts)
        if not (p.quoted or p.excluded) and p.text.isascii() and p.text.isalpha()
    ]
    candidates = [k for k in candidates if unknown(parts[k].text, set())]  # long, not asking
    if not candidates:
        return {}
    known = vocabulary(conn)
    fixes = {}
    for k in candidates:
        word = parts[k].text
        if not unknown(word, known) or occurs(conn, word.lower()):
            continue
        fixed = nearest(word, known)
        if fixed:
            fixes[k] = fixed
    return fixes


def _in_base(conn: sqlite3.Connection, alts: tuple[str, ...]) -> bool:
    """Whether some item holds one of ``alts`` (a corrected word is kept only if it finds)."""
    return any(occurs(conn, a) for a in alts)


def _plain_ascii(p) -> bool:  # noqa: ANN001 - syntax.Piece
    """A piece that may continue an English phrase: plain ASCII words, not quoted or excluded."""
    return p.text.isascii() and not (p.quoted or p.excluded or p.joined)


def _english_whole(conn: sqlite3.Connection, text: str, english: dict[str, list[str]]) -> tuple[str, ...]:
    """A quoted English phrase as the glossary (or a metric's description) gives it, whole."""
    if not (text.isascii() and _LETTER.search(text.lower())):
        return ()
    from ..kb.glossary import en_key

    key = en_key(text)
    if key in english:
        return tuple(english[key])
    end, alts = about_phrase(conn, text.split())
    return alts if end == len(text.split()) else ()


def _english_phrase(words: list[str], english: dict[str, list[str]]) -> tuple[int, tuple[str, ...]]:
    """The longest run of ``words`` from the first that the glossary has (``english``: its rows
    for this query) and the Chinese terms it stands for; (0, ()) if none."""
    from ..kb.glossary import en_key

    for j in range(len(words), 0, -1):
        key = en_key(" ".join(words[:j]))
        if key in english:
            return j, tuple(english[key])
    return 0, ()


def about_phrase(conn: sqlite3.Connection, words: list[str]) -> tuple[int, tuple[str, ...]]:
    """The longest run of ``words`` (two or more that are not asking words) whose every word is
    in the English description of a metric (`data/metrics.yaml`, `about`), and those metrics'
    names: `nuclear power capacity` → 核电装机 ("installed nuclear power capacity")."""
    from ..kb.glossary import en_words

    for j in range(len(words), 1, -1):
        wanted = {w for w in en_words(" ".join(words[:j])) if w not in ENGLISH_STOP}
        if len(wanted) < 2:
            continue
        names = [name for name, about in metric_abouts(conn, wanted) if wanted <= set(en_words(about))]
        if 0 < len(names) <= ABOUT_MAX:
            while is_english_stop(words[j - 1]):  # `… enterprises by`: `by` is not the name's
                j -= 1
            return j, tuple(normalise_text(n) for n in names)
    return 0, ()


def _content(words: list[str]) -> int:
    """How many of ``words`` are not asking or joining words."""
    return sum(not is_english_stop(w) for w in words)


def metric_abouts(conn: sqlite3.Connection, words: set[str]) -> list[tuple[str, str]]:
    """(metric name, English description) of the vocabulary's metrics that some target uses and
    whose description holds each of ``words`` (as text: the caller checks whole words). SQLite
    narrows by LIKE first, so that only a few descriptions are split into words (splitting all
    of them cost ~20 ms, a query's whole budget). A word folded from `-ies` (`city`, `factory`)
    is looked for by its stem, as the description may spell the plural (`cities`)."""
    if not words:
        return []
    sql = "select name, about from metrics where about is not null and name in (select metric from targets)"
    sql += "".join(" and about like ?" for _ in words)
    stems = [w[:-1] if len(w) > 2 and w.endswith("y") else w for w in sorted(words)]
    try:
        return conn.execute(sql, [f"%{w}%" for w in stems]).fetchall()
    except sqlite3.OperationalError:  # a store without the vocabulary
        return []


def group_items(conn: sqlite3.Connection, group: Group, memo: dict[str, set[str]] | None = None) -> set[str]:
    """Every item holding one of the group's alternatives (``memo``: lookups already made for
    this query, which reworking a word asks again; at 100× the base one costs tens of ms)."""
    found: set[str] = set()
    for alt in group.alts:
        found |= _items(conn, alt, memo)
    return found


def _items(conn: sqlite3.Connection, term: str, memo: dict[str, set[str]] | None) -> set[str]:
    if memo is None:
        return items_with(conn, term)
    if term not in memo:
        memo[term] = items_with(conn, term)
    return memo[term]


def settle(conn: sqlite3.Connection, q: Query, found: list[set[str]]) -> tuple[list[set[str]], bool]:
    """Rework the groups found nowhere (see the module's docstring), in place; return the
    groups' items and whether a typo was corrected."""
    typo = False
    out_groups: list[Group] = []
    out_found: list[set[str]] = []
    others = [f for f in found if f]
    for g, items in zip(list(q.groups), found, strict=True):
        if items:
            out_groups.append(g)
            out_found.append(items)
            continue
        new = _rework(conn, q, g, others)
        if new is None:
            q.dropped.append(g.label)
            what = "in English or Chinese" if g.label.isascii() else "in any item"
            q.notes.append(f"left out {g.label!r}: it is not a word the base holds ({what})")
            continue
        groups, typo_here = new
        typo = typo or typo_here
        for ng in groups:
            out_groups.append(ng)
            out_found.append(group_items(conn, ng, q.memo))
    q.groups = out_groups
    if not out_groups:  # nothing left to search: "No items match" says it all
        q.notes = []
    return out_found, typo


def _rework(
    conn: sqlite3.Connection, q: Query, g: Group, others: list[set[str]]
) -> tuple[list[Group], bool] | None:
    """What a group found nowhere becomes: other groups (and whether by a typo), or None."""
    word = g.alts[0]
    if not g.english and len(g.alts) == 1 and not word.isascii():
        parts = split_question(g.label)
        if parts != [g.label]:  # a sentence: each part is a word, reworked alone if need be
            q.notes.append(f"read {g.label} as {' '.join(parts)}")
            groups, typo = [], False
            for part in parts:
                pg = Group((normalise_text(part).translate(t2s_of(conn, part)),), part, False)
                if occurs(conn, pg.alts[0]):
                    groups.append(pg)
                    continue
                new = _rework(conn, q, pg, others)
                if new is not None:
                    groups += new[0]
                    typo = typo or new[1]
            return (groups, typo) if groups else None
        pieces_ = [p for p in split_question(g.label) if p]
        cut = [c for p in pieces_ for c in segment(conn, normalise_text(p).translate(t2s_of(conn, p)))]
        typed = sum(map(len, pieces_))
        # words the base holds, all of what was typed, standing together in some item: two words
        # written as one (`高速铁路里程`), not a typo of another name (高速公路里程)
        whole = len(cut) > 1 and sum(map(len, cut)) == typed
        if whole and set.intersection(*(_items(conn, c, q.memo) for c in cut)):
            q.notes.append(f"no item holds {g.label} as written; searched {' '.join(cut)}")
            return [Group((c,), c, False) for c in cut], False
        if len(word) >= TYPO_MIN and word.isalnum():
            fixed = correct(conn, word)
            if fixed and _finds(_items(conn, fixed, q.memo), others):
                q.corrected[len(q.corrected)] = fixed
                q.notes.append(f"no exact match for {g.label}; showing {fixed}")
                return [Group((fixed,), g.label, False)], True
        # the pieces must be most of what was typed: two characters of a long word are not it
        if cut and 3 * sum(map(len, cut)) >= 2 * typed:
            q.notes.append(f"no item holds {g.label} as written; searched {' '.join(cut)}")
            return [Group((c,), c, False) for c in cut], False
        return None
    if word.isascii() and word.isalpha() and len(word) >= 4:
        fixed_en = _english_typo(conn, word)
        if fixed_en:
            en, alts = fixed_en
            group = Group(alts, g.label, True)
            if _finds(group_items(conn, group, q.memo), others):
                q.notes.append(f"no English term {g.label!r}; searched {en!r} as {' or '.join(alts)}")
                return [group], True
    if word.isascii() and word.isalpha() and len(word) >= 3:
        alts = _english_part(conn, word)
        group = Group(alts, g.label, True)
        if alts and _finds(group_items(conn, group, q.memo), others):
            q.notes.append(f"searched {g.label!r} as {' or '.join(alts)} (terms whose English holds it)")
            return [group], False
    return None


def _english_part(conn: sqlite3.Connection, word: str) -> tuple[str, ...]:
    """The Chinese of the glossary terms, and the metrics, whose English holds ``word`` as one
    of its words (`semiconductor` in `semiconductor industry`); none when more than
    `ABOUT_MAX` do (the word then names nothing in particular)."""
    from ..kb.glossary import en_key, en_words

    key = en_key(word)
    if not key or key in ENGLISH_STOP:
        return ()
    sql = "select distinct zh from glossary where type = 'term' and (' ' || en || ' ') like ?"
    zh = [r[0] for r in conn.execute(sql, (f"% {key} %",))]
    zh += [normalise_text(name) for name, about in metric_abouts(conn, {key}) if key in en_words(about)]
    found = tuple(dict.fromkeys(zh))
    return found if 0 < len(found) <= ABOUT_MAX else ()


def _finds(items: set[str], others: list[set[str]]) -> bool:
    """Whether a corrected word's items meet the other words' (the corrected query finds
    something)."""
    if not items:
        return False
    return any(items & o for o in others) if others else True


def segment(conn: sqlite3.Connection, word: str) -> list[str]:
    """``word`` cut into pieces (two characters or more) the base holds (`_holds`), covering as
    much of it as can be, in as few pieces as can be; characters no piece covers are skipped.
    `经费占比` → [经费, 占比]; `核电在建规模` → [核电, 在建, 规模] (not 核电在 + 规模, which a
    greedy cut from the left would take)."""
    n = len(word)
    holds: dict[tuple[int, int], bool] = {}

    def held(i: int, j: int) -> bool:
        if (i, j) not in holds:
            holds[(i, j)] = _holds(conn, word[i:j])
        return holds[(i, j)]

    # best[i] for word[i:]: (characters covered, -pieces, sum of squared lengths, pieces); the
    # squares prefer one long word to two halves (高速铁路 + 里程, not 高速铁 + 路里程), and
    # among equals the longer first piece wins (tried first)
    best: list[tuple[int, int, int, list[str]]] = [(0, 0, 0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(n, i + 1, -1):
            if held(i, j):
                cov, neg, sq, rest = best[j]
                options.append((cov + j - i, neg - 1, sq + (j - i) ** 2, [word[i:j], *rest]))
        options.append(best[i + 1])  # skip word[i]
        best[i] = max(options, key=lambda o: o[:3])
    return best[0][3]


def _holds(conn: sqlite3.Connection, piece: str) -> bool:
    """Whether ``piece`` is a word the base holds: three characters or more anywhere in an item
    (the trigram index); two only within the base's names (titles, headings, metrics, the
    glossary: `typo_words`, a small table), since a two-character piece absent from the text
    would cost a scan of every item, and two characters found only inside some sentence are
    seldom a word."""
    if len(piece) >= 3:
        return occurs(conn, piece)
    sql = "select 1 from typo_words where instr(word, ?) limit 1"
    return conn.execute(sql, (piece,)).fetchone() is not None


def _english_typo(conn: sqlite3.Connection, word: str) -> tuple[str, tuple[str, ...]] | None:
    """The English vocabulary's word nearest ``word`` (`hydrogn` → hydrogen, `gazele` →
    gazelle) and the Chinese it stands for: the glossary's one-word term, else the terms and
    metrics whose English holds it (`_english_part`); None if none is close or it stands for
    nothing."""
    from ..kb.glossary import en_key
    from .english import nearest, vocabulary

    fixed = nearest(word, vocabulary(conn))
    if not fixed or en_key(fixed) == en_key(word):  # a word of the vocabulary is no typo
        return None
    zh = [
        r[0] for r in conn.execute("select zh from glossary where type = 'term' and en = ?", (en_key(fixed),))
    ]
    alts = tuple(dict.fromkeys(zh)) or _english_part(conn, fixed)
    return (fixed, alts) if alts else None
