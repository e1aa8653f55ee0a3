"""A title as a table shows it: whole when it is short, else cut where a reader expects a cut.

An item's `title` is its first clause, whole, in every data format (`kb.load.title_of`). A table
has no room for a goal's first sentence of 150 characters, so there, and only there, a long
title is cut: after a clause mark (`，`, `；`, `、`, `：`) when one falls in the second half of the
room, else between two characters that are not both part of a number or a Latin word, and the
cut is marked with `…`. The old cut at 60 characters left `…科技型中小企业20` and `力争到20` with no
mark, and programs read it as the title.
"""

from __future__ import annotations

#: The room a title has in a table, in terminal columns: 60 Chinese characters, where titles
#: used to be cut, or 120 Latin ones.
TITLE_COLUMNS = 120

ELLIPSIS = "…"
#: Marks after which a clause ends: a cut there reads as a pause, not a broken word.
_CLAUSE_MARKS = "，；、：,;:"
#: Characters of a number or a Latin word, never cut apart (`2024`, `3.5`, `52%`, `5G`).
_WORD = set("0123456789０１２３４５６７８９.．%％‰+-–/") | set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
#: Marks that may not end a shortened title (the cut moves before them).
_OPENERS = "（(“‘《〈【["


def display_title(title: str, columns: int = TITLE_COLUMNS) -> str:
    """``title`` in at most ``columns`` terminal columns (CJK characters count two), cut at a
    clause mark or a word boundary and ending in `…` when it had to be cut."""
    from .termtable import char_width, text_width

    if text_width(title) <= columns:
        return title
    room, used, end = columns - text_width(ELLIPSIS), 0, 0
    for end, ch in enumerate(title):  # noqa: B007 - `end` is the first character that does not fit
        used += char_width(ch)
        if used > room:
            break
    clause = max(title.rfind(m, 0, end) for m in _CLAUSE_MARKS)
    if clause >= end // 2:
        return title[:clause] + ELLIPSIS
    cut = end
    while cut > 1 and (title[cut - 1] in _WORD and title[cut] in _WORD or title[cut - 1] in _OPENERS):
        cut -= 1
    if cut <= 1:  # one word longer than the room: cut where it must be
        cut = end
    return title[:cut].rstrip(_CLAUSE_MARKS + "。 ") + ELLIPSIS
