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

from .syntax import is_english_stop

#: An English word is corrected to a vocabulary word at least this close (rapidfuzz ratio:
#: `gazele` → gazelle 92, `hydrogn` → hydrogen 93, `stoarge` → storage 86).
ENGLISH_TYPO_MIN = 85
#: Shortest English word that is corrected (shorter words have too many neighbours).
ENGLISH_TYPO_LEN = 4


def vocabulary(conn: sqlite3.Connection) -> set[str]:
    """Every English word the tool reads (`glossary.en_words` folded: lower case, no plural
    `s`): the glossary's English, provincial and national, and the metrics' descriptions."""
    from ..kb.glossary import en_words

    words: set[str] = set()
    for (en,) in conn.execute("select distinct en from glossary"):
        words.update(en_words(en))
    try:
        for (about,) in conn.execute("select about from metrics where about is not null"):
            words.update(en_words(about))
    except sqlite3.OperationalError:  # a store without the vocabulary
        pass
    return {w for w in words if not w.isdigit()}


def unknown(word: str, known: set[str]) -> bool:
    """Whether ``word`` (as typed) is an English word the vocabulary lacks and may be a typo:
    letters only, long enough, not an asking word."""
    from ..kb.glossary import en_words

    if not (word.isascii() and word.isalpha() and len(word) >= ENGLISH_TYPO_LEN) or is_english_stop(word):
        return False
    folded = en_words(word)
    return bool(folded) and not all(w in known for w in folded)


def nearest(word: str, known: set[str]) -> str | None:
    """The vocabulary word nearest ``word`` (`gazele` → gazelle), if one is close enough; of
    equally close words, the first in alphabetical order (the answer does not depend on the
    order the store returns rows)."""
    from rapidfuzz import fuzz, process

    from ..kb.glossary import en_words

    folded = " ".join(en_words(word))
    candidates = sorted(w for w in known if abs(len(w) - len(folded)) <= 3 and len(w) >= ENGLISH_TYPO_LEN)
    best = process.extractOne(folded, candidates, scorer=fuzz.ratio, score_cutoff=ENGLISH_TYPO_MIN)
    return best[0] if best else None


def corrected(conn: sqlite3.Connection, text: str) -> str | None:
    """``text`` with each English word the vocabulary lacks (and no item holds) replaced by the
    nearest vocabulary word (`department of sceince` → department of science); None when no
    word was replaced. For names typed in English (`agency`, `--agency`, `--plan`), tried when
    the name as typed names nothing."""
    from .typos import occurs

    words = text.split()
    if not any(unknown(w, set()) for w in words):
        return None
    known = vocabulary(conn)
    out = []
    for w in words:
        fixed = nearest(w, known) if unknown(w, known) and not occurs(conn, w.lower()) else None
        out.append(fixed or w)
    return " ".join(out) if out != words else None
