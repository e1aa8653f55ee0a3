"""Folding text for matching: the one place that says when two spellings are the same.

`normalise_text` is what a query and a name are compared by (NFKC, lower case, no whitespace);
`search_fold` adds traditional → simplified characters with a table made from OpenCC at build
time only (`t2s_table`), stored in the database so that a query folds without OpenCC.
"""

from __future__ import annotations

import unicodedata


def normalise_text(text: str) -> str:
    """Fold for matching: NFKC (full-width `５Ｇ` → `5G`), lower case, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def t2s_table() -> dict[int, str]:
    """Traditional → simplified, character by character (OpenCC's t2s applied to each CJK
    character alone; `str.translate` table). Made at build only: OpenCC is never imported by a
    query. Character by character, not phrase by phrase, so that a folded text keeps its length
    and a highlight maps back to the original characters."""
    import opencc

    convert = opencc.OpenCC("t2s.json").convert
    table: dict[int, str] = {}
    for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)):
        for cp in range(lo, hi):
            out = convert(chr(cp))
            if len(out) == 1 and out != chr(cp):
                table[cp] = out
    return table


def search_fold(text: str, t2s: dict[int, str]) -> str:
    """Fold for search: `normalise_text`, then traditional characters to simplified."""
    return normalise_text(text).translate(t2s)
