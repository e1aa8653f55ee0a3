"""The English vocabulary of the base, and English words corrected against it.

A person typing English may misspell a word (`gazele enterprises`, `hydrogn`). The words the
tool can read are those of the glossary's English (terms, plans, agencies) and of the metrics'
English descriptions (`about` in `data/metrics.yaml`): together, the English vocabulary. A word
outside it, that no item holds either, is taken as a typo of the nearest vocabulary word, when
one is close (rapidfuzz ratio, `ENGLISH_TYPO_MIN`); `reading.prepare` then reads the corrected
words through the glossary as it reads any, and keeps the correction only when what it reads
is in the base. The vocabulary is read when a query has such a word, never otherwise (a few
thousand words, ~2 ms).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Set as AbstractSet

from .syntax import is_english_stop

#: An English word is corrected to a vocabulary word at least this close (rapidfuzz ratio:
#: `gazele` → gazelle 92, `hydrogn` → hydrogen 93, `stoarge` → storage 86).
ENGLISH_TYPO_MIN = 85
#: Shortest English word that is corrected (shorter words have too many neighbours).
ENGLISH_TYPO_LEN = 4
#: Vocabulary words this close to the nearest are as likely a meaning of the typo.
ENGLISH_TIE = 3
#: Shortest word corrected by a single edit when the ratio is below `ENGLISH_TYPO_MIN`.
ENGLISH_SWAP_LEN = 5


#: The vocabularies read, by the store they were read from (`_store_key`): folding every
#: glossary name and metric description costs ~50–100 ms, and `browse` asks for it at each key
#: of a half-typed English word (`ener`, `energy sto`), each on a new connection.
_VOCABULARIES: dict[tuple, frozenset[str]] = {}
#: Stores whose vocabulary is kept at once (a process opens one or two).
_KEPT = 4


def _store_key(conn: sqlite3.Connection) -> tuple | None:
    """What names the store ``conn`` reads, for the vocabulary cache: its file, the file's
    identity (a rebuilt store is a new file, renamed into place) and the base's content digest;
    None for a database in memory (never cached: two can share a digest and differ)."""
    import os

    try:
        file = next((f for _, name, f in conn.execute("pragma database_list") if name == "main"), "")
        if not file:
            return None
        digest = conn.execute("select value from meta where key = 'digest'").fetchone()
        st = os.stat(file)
    except (sqlite3.Error, OSError):
        return None
    return (file, st.st_ino, st.st_mtime_ns, st.st_size, digest[0] if digest else None)


def vocabulary(conn: sqlite3.Connection) -> frozenset[str]:
    """Every English word the tool reads (`glossary.en_words` folded: lower case, no plural
    `s`): the glossary's English, provincial and national, and the metrics' descriptions.
    Read once per store file (`_store_key`), not once per query."""
    key = _store_key(conn)
    if key is not None and key in _VOCABULARIES:
        return _VOCABULARIES[key]
    words = _read_vocabulary(conn)
    if key is not None:
        if len(_VOCABULARIES) >= _KEPT:
            _VOCABULARIES.clear()
        _VOCABULARIES[key] = words
    return words


def _read_vocabulary(conn: sqlite3.Connection) -> frozenset[str]:
    from ..kb.glossary import en_words

    words: set[str] = set()
    for (en,) in conn.execute("select distinct en from glossary"):
        words.update(en_words(en))
    try:
        for (about,) in conn.execute("select about from metrics where about is not null"):
            words.update(en_words(about))
    except sqlite3.OperationalError:  # a store without the vocabulary
        pass
    return frozenset(w for w in words if not w.isdigit())


def unknown(word: str, known: AbstractSet[str]) -> bool:
    """Whether ``word`` (as typed) is an English word the vocabulary lacks and may be a typo:
    letters only, long enough, not an asking word."""
    from ..kb.glossary import en_words

    if not (word.isascii() and word.isalpha() and len(word) >= ENGLISH_TYPO_LEN) or is_english_stop(word):
        return False
    folded = en_words(word)
    return bool(folded) and not all(w in known for w in folded)


def nearest(word: str, known: AbstractSet[str]) -> str | None:
    """The vocabulary word nearest ``word`` (`gazele` → gazelle), if one is close enough; of
    equally close words, the first in alphabetical order (the answer does not depend on the
    order the store returns rows)."""
    near = near_words(word, known)
    return near[0] if near else None


def near_words(word: str, known: AbstractSet[str]) -> list[str]:
    """The vocabulary words ``word`` may be a typo of, nearest first: those at least
    `ENGLISH_TYPO_MIN` close (rapidfuzz ratio) and within `ENGLISH_TIE` of the nearest
    (`industri` is as near industrial, 89, as industry, 88: both are listed, and a caller that
    needs one meaning tries each); else the one word a single edit away (a letter changed or two
    swapped: `secert` → secret scores only 83, but a swap is the commonest slip), if only one is."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    from ..kb.glossary import en_words

    folded = " ".join(en_words(word))
    candidates = sorted(w for w in known if abs(len(w) - len(folded)) <= 3 and len(w) >= ENGLISH_TYPO_LEN)
    scored = process.extract(folded, candidates, scorer=fuzz.ratio, score_cutoff=ENGLISH_TYPO_MIN, limit=None)
    if scored:
        top = max(score for _, score, _ in scored)
        ranked = sorted(scored, key=lambda m: (-m[1], m[0]))
        return [w for w, score, _ in ranked if score >= top - ENGLISH_TIE]
    if len(folded) < ENGLISH_SWAP_LEN:
        return []
    one = [w for w in candidates if len(w) == len(folded) and OSA.distance(folded, w) == 1]
    return one if len(one) == 1 else []


def corrected(conn: sqlite3.Connection, text: str) -> str | None:
    """``text`` with each English word the vocabulary lacks (and no item holds) replaced by the
    nearest vocabulary word (`department of sceince` → department of science); None when no
    word was replaced. For names typed in English (`agency`, `--agency`, `--plan`), tried when
    the name as typed names nothing."""
    readings = corrections(conn, text)
    return readings[0] if readings else None


#: Most readings of a misspelt name tried (each word's near words, combined).
MAX_READINGS = 8


def corrections(conn: sqlite3.Connection, text: str) -> list[str]:
    """Every reading of ``text`` with its misspelt words replaced by their near vocabulary words
    (`near_words`), the nearest first: `department of industri` → department of industrial,
    department of industry. A caller that needs one name tries each and takes a name only when
    the readings agree on it."""
    from itertools import product

    from .typos import occurs

    words = text.split()
    if not any(unknown(w, set()) for w in words):
        return []
    known = vocabulary(conn)
    options = []
    for w in words:
        near = near_words(w, known) if unknown(w, known) and not occurs(conn, w.lower()) else []
        options.append(near or [w])
    readings = [" ".join(r) for r in product(*options)][:MAX_READINGS]
    return [r for r in readings if r.split() != words]


def not_understood(conn: sqlite3.Connection, text: str) -> list[str]:
    """The English words of ``text`` (as typed) that the tool cannot read: not asking words, not
    in the vocabulary, no near spelling of a vocabulary word, and held by no item
    (`trade secerts` before `trade secret` was a term: 'secerts'). Said when an English query
    finds nothing, so that the answer is not a silent `No items match`."""
    from ..kb.glossary import en_words
    from .syntax import pieces
    from .typos import occurs

    known: AbstractSet[str] | None = None
    out = []
    for piece in pieces(text):
        for typed in piece.text.split():
            if not (typed.isascii() and any(c.isalpha() for c in typed)) or is_english_stop(typed):
                continue
            known = vocabulary(conn) if known is None else known
            lost = [
                w
                for w in en_words(typed)
                if not w.isdigit() and w not in known and not near_words(w, known) and not occurs(conn, w)
            ]
            if lost and typed not in out:
                out.append(typed)
    return out


#: Examples named when a word stands for too many terms to search.
BROAD_EXAMPLES = 3


def too_broad(conn: sqlite3.Connection, words: list[str]) -> dict[str, tuple[int, list[str]]]:
    """Of ``words`` (left out of a query as it was read), the English words of the vocabulary
    that are part of many glossary terms and stand for none alone (`water`: water quality,
    water saving, …): word → (how many terms, the first few). Said when the query finds
    nothing, so that a known word left out is not a silent empty answer."""
    from ..kb.glossary import en_key

    out = {}
    for word in words:
        key = en_key(word)
        if not key or " " in key or not word.isascii() or is_english_stop(word):
            continue
        sql = """select label from glossary where type = 'term' and (' ' || en || ' ') like ?
                 group by label order by length(label), label"""
        labels = [r[0] for r in conn.execute(sql, (f"% {key} %",))]
        if len(labels) > 1:
            out[word] = (len(labels), labels[:BROAD_EXAMPLES])
    return out
