"""Reading what a person types into `find`: the query syntax and the words that ask, not name.

Query syntax, as SQLite FTS, ripgrep and search engines have taught people to write it:

- `"exact phrase"` (straight or Chinese quotes, `“…”`, `「…」`): the words together, in order,
  as one term (`"人工智能"` is the term 人工智能, not a text with quotation marks in it);
- `A OR B` (also `A or B`, `A | B`): either word satisfies the group;
- `-word`: items holding the word are left out (`氢能 -燃料电池`); a bare number (`-5`) is a word.

Questions are written in whole sentences with no spaces (`2025年光伏装机目标是多少`). The words
that ask (`目标`, `是多少`, `要达到`, `what`, `how many`…) name nothing an item is about: they
are cut out of the query, and what remains is searched. A year written with 年 (`2025年`) is
kept as the year alone, so that it is a word of its own (`2025` + `光伏装机`).
"""

from __future__ import annotations

import re
from collections import namedtuple

#: One piece of a query: its text (not folded yet), whether it was quoted (a phrase), whether it
#: is excluded (`-word`), and whether an `OR` joins it to the piece before.
Piece = namedtuple("Piece", "text quoted excluded joined")

#: The words that ask a question in Chinese, longest first, so that `是多少` is cut whole before
#: `多少`, and the province's own name (every item is Shandong's: `山东省2024年粮食产量`). They
#: are removed from an unquoted word the base does not hold as typed, and a whole word that is
#: one of them is left out, when something else is left.
QUESTION_WORDS = tuple(
    sorted(
        """
        目标是多少 目标是什么 目标值 是多少 有多少 要达到多少 要达到 达到多少 达到什么 多少个 多少家
        多少 是什么 什么时候 什么 哪些 哪个 哪一年 哪年 怎么样 怎样 如何 几个 几家 吗 呢 么 吧
        请问 请 告诉我 我想知道 想知道 目标 计划 多大 多高 为多少 是否 有没有 有哪些 情况 进展 的
        有多大 有多高 有多长 多长 多久 山东省 山东 全省 我省
        """.split(),
        key=len,
        reverse=True,
    )
)
#: English words that ask or join, never the subject of an item.
ENGLISH_STOP = frozenset(
    """
    a an the of in on at by for to from with and or is are was were be been what which who whom
    when where why how many much does do did will would should can could shall there their its it
    this that these those target targets goal goals planned plan aim aims set expected please tell
    me about i we you want know number figure value level amount whats what's s shandong province
    provincial say says said mention mentions give list show shows have has had get any all some
    """.split()
)
#: Punctuation that ends or opens a word as typed (`Yellow River?`), never part of it; a dot
#: inside a word stays (`PM2.5`).
_EDGE_PUNCT = "?？!！,，.。;；:：、()（）"
_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
_YEAR_WORD = re.compile(r"(?:到|至|在|于)?((?:19|20)\d\d)年(?:底|末|前|时)?")
_PUNCT = re.compile(r"[？?！!，,。；;：:、（）()《》]+")


def pieces(text: str) -> list[Piece]:
    """Split a query into pieces: quoted phrases whole, `OR`/`|` joining two pieces, `-word`
    excluded; every other run of non-space characters is one piece."""
    out: list[Piece] = []
    i, n = 0, len(text)
    joined = excluded = False
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c == "-" and i + 1 < n and not text[i + 1].isspace() and not text[i + 1].isdigit():
            excluded = True
            i += 1
            continue
        if c in _QUOTES:
            end = text.find(_QUOTES[c], i + 1)
            if end < 0:  # an unclosed quote: the rest is the phrase
                end = n
            phrase = text[i + 1 : end].strip()
            if phrase:
                out.append(Piece(phrase, True, excluded, joined))
            joined = excluded = False
            i = end + 1
            continue
        j = i
        while j < n and not text[j].isspace() and not (j > i and text[j] in _QUOTES):
            j += 1
        # `River?`, `氢能，`: the word, not its punctuation (punctuation alone is what was asked)
        word = text[i:j].strip(_EDGE_PUNCT) or text[i:j]
        i = j
        if word in ("OR", "or", "|") and out and not excluded:  # `wind or solar` means either too
            joined = True
            continue
        out.append(Piece(word, False, excluded, joined))
        joined = excluded = False
    return out


def split_question(word: str) -> list[str]:
    """An unquoted word with the question words cut out, cut also at punctuation and after a
    year (`2025年光伏装机目标是多少` → [2025, 光伏装机]); the word itself, alone, when cutting
    would leave nothing (`目标` searched alone is the word 目标)."""
    parts = [p for p in _PUNCT.split(word) if p]
    out: list[str] = []
    for part in parts:
        part = _YEAR_WORD.sub(lambda m: f" {m.group(1)} ", part)
        for q in QUESTION_WORDS:
            if q in part:
                part = part.replace(q, " ")
        # a character left alone between asking words (`…要达到多少家`: 家) names nothing
        out += [p for p in part.split() if len(p) > 1 or p.isascii()]
    return out or [word]


def only_asks(word: str) -> bool:
    """A word made wholly of words that ask (`目标`, `目标是多少`, `是什么呢`, `what`): cutting
    them out (`split_question`) leaves nothing."""
    if is_question_word(word):
        return True
    if word.isascii():
        return False
    return any(q in word for q in QUESTION_WORDS) and not _topic(word)


def _topic(word: str) -> bool:
    """Whether something is left of ``word`` once its asking words are cut (`split_question`,
    which gives the word back whole when nothing is)."""
    for part in (p for p in _PUNCT.split(word) if p):
        part = _YEAR_WORD.sub(lambda m: f" {m.group(1)} ", part)
        for q in QUESTION_WORDS:
            part = part.replace(q, " ")
        if any(len(p) > 1 or p.isascii() for p in part.split()):
            return True
    return False


def is_question_word(word: str) -> bool:
    """A whole word that only asks (`目标`, `多少`) or joins (`what`, `the`, `plans`)."""
    return word in QUESTION_WORDS or is_english_stop(word)


def is_english_stop(word: str) -> bool:
    """An English word that asks or joins, as typed or without its plural (`plans`, `targets`)."""
    low = word.lower()
    return low in ENGLISH_STOP or (low.endswith("s") and low[:-1] in ENGLISH_STOP)


def is_year(word: str) -> bool:
    """A year a plan could be about, written as digits (`2025`)."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", word))
