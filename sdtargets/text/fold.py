"""Folding text for matching: the one place that says when two spellings are the same.

`normalise_text` is what a query and a name are compared by (NFKC, lower case, no whitespace);
`search_fold` adds traditional → simplified characters with a table made from OpenCC at build
time only (`t2s_table`), stored in the database so that a query folds without OpenCC.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: What NFKC may change: everything but runs of CJK ideographs. An ideograph (U+3400–U+4DBF,
#: U+4E00–U+9FFF) is its own normal form in every context: a starter that nothing composes with
#: and that no mark reorders across. So a text's NFKC is its other runs' NFKC, each alone, and
#: the ideographs as they are (`nfkc`); a test checks it against `unicodedata` on every text
#: of the base and on random mixtures with combining marks.
_NOT_IDEOGRAPHS = "[^\u3400-\u4dbf\u4e00-\u9fff]+"


@functools.cache
def _not_ideographs() -> re.Pattern:
    # compiled at the first text that needs it, not at import: a query's words are mostly
    # normalised already, and compiling costs every command ~1 ms
    return re.compile(_NOT_IDEOGRAPHS)


def _run_nfkc(match: re.Match) -> str:
    return unicodedata.normalize("NFKC", match.group())


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, 3–4× faster on Chinese text: CPython normalises
    at ~200 ns a character and most of a plan's characters are ideographs, which NFKC keeps."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return _not_ideographs().sub(_run_nfkc, text)


def normalise_text(text: str) -> str:
    """Fold for matching: NFKC (full-width `５Ｇ` → `5G`), lower case, no whitespace."""
    return "".join(nfkc(text).lower().split())


class FoldTable(dict):
    """A traditional → simplified table (code point → character) that can tell whether a text
    holds any character it maps (``holds``, a regular expression's search): a text with none,
    most of a simplified-Chinese base, is then not translated character by character, which
    `str.translate` does at ~100 ns a character."""

    def __init__(self, table: dict[int, str]) -> None:
        super().__init__(table)
        self.holds = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(table)) + "]").search


def t2s_table() -> FoldTable:
    """Traditional → simplified, character by character (OpenCC's t2s applied to each CJK
    character alone; `str.translate` table). Made at build only: OpenCC is never imported by a
    query. Character by character, not phrase by phrase, so that a folded text keeps its length
    and a highlight maps back to the original characters."""
    convert = _opencc().OpenCC("t2s.json").convert
    table: dict[int, str] = {}
    for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)):
        for cp in range(lo, hi):
            out = convert(chr(cp))
            if len(out) == 1 and out != chr(cp):
                table[cp] = out
    return FoldTable(table)


def _opencc():  # noqa: ANN202 - the opencc module
    """``import opencc``, with a Ctrl-C that lands inside it kept for after. OpenCC's import
    tries other ways of loading its library when the first fails, so an interrupt inside it
    came out as `ImportError: opencc_clib not found` and a traceback (the build imports it
    first thing: `tests/test_reliability.py` sends its SIGINT then). Python runs signal
    handlers in the main thread only, so there the signal is noted while OpenCC loads and
    handed to the handler that was in place after; elsewhere it is imported as it is."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        import opencc

        return opencc
    caught: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(frame))
    failed = False
    try:
        import opencc
    except ImportError:
        if not caught:
            raise
        failed = True
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        if previous is signal.default_int_handler:
            raise KeyboardInterrupt
        if callable(previous):
            previous(signal.SIGINT, caught[0])
    if failed:  # the interrupt was ignored: load it again, undisturbed
        import opencc
    return opencc


def search_fold(text: str, t2s: dict[int, str]) -> str:
    """Fold for search: `normalise_text`, then traditional characters to simplified."""
    text = normalise_text(text)
    holds = getattr(t2s, "holds", None)  # a `FoldTable` (the build's); a query's is a plain dict
    if holds is not None and holds(text) is None:
        return text
    return text.translate(t2s)
