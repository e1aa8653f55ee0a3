"""Tables for a person at a terminal, laid out by hand: CJK-aware widths, wrapping, highlights.

Why not Rich, which the project used at first (README, "Why our own table layout, not Rich"):
Rich wraps Chinese as it wraps English, breaking between any two characters, so lines start
with `，。”》` and agency names split in two; and it is slow for our budget (issue #7: table
output within 3× the floor, ~26 ms): importing it took ~35 ms and laying out `find 5G`'s 19 rows
another ~30 ms. This module does the job with the standard library in a few milliseconds. It
knows only what our tables need: display width (a Chinese character takes two columns), line
breaking by the rules of Chinese typesetting (no closing mark first on a line, no opening mark
last, lists broken between names, Latin words and short groups whole), column widths fitted to
what each column holds, bold-yellow highlights, and colour only on a terminal that wants it.
"""

from __future__ import annotations

import os
import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from unicodedata import east_asian_width

#: SGR codes used: header and title bold, caption dim, highlights bold yellow.
BOLD, DIM, HIGHLIGHT, RESET = "\x1b[1m", "\x1b[2m", "\x1b[1;33m", "\x1b[0m"
GAP = "  "  # between columns
PIPED_WIDTH = 160  # no terminal and no COLUMNS: wide enough for Chinese text not to wrap every few characters


#: Never first on a line (the line-breaking rules of GB/T 15834 and JIS X 4051, as Chinese
#: typesetting applies them): closing brackets and quotes, stops, commas, marks that follow a
#: number (%, ‰, ℃), the middle dot, iteration marks.
NO_START = "，。、；：？！）》」』】〕〉〗〙〛”’｝］＞%％‰‱℃℉°′″,.;:?!)]}>·・～〜〃々〆ゝゞヽヾ…‥"
#: Never last on a line: opening brackets and quotes, currency signs that precede a number.
NO_END = "（《「『【〔〈〖〘〚“‘｛［＜([{<$＄£￡¥￥€#＃"
#: Never split between two of these: ——, ……, ‥‥.
NO_SPLIT = "—…‥"
#: A parenthesised group this short or shorter is kept on one line: `(达到/左右)`.
SHORT_GROUP = 12
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def char_width(ch: str) -> int:
    """Columns one character takes on a terminal: 2 for wide (CJK) characters, 0 for combining."""
    if ch < "\u0300":
        return 1
    if east_asian_width(ch) in "WF":
        return 2
    if "\u0300" <= ch <= "\u036f" or "\u200b" <= ch <= "\u200f" or "\ufe00" <= ch <= "\ufe0f":
        return 0
    return 1


class _Widths(dict):
    """`char_width` remembered per character: a 1,900-row table measures ~300,000 characters,
    drawn from a few thousand distinct ones."""

    def __missing__(self, ch: str) -> int:
        self[ch] = w = char_width(ch)
        return w


_WIDTHS = _Widths()


def text_width(text: str) -> int:
    """Columns a one-line string takes on a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))


def clean(text: str) -> str:
    """Control characters shown as visible symbols (␛ for ESC), so a query echoed in a caption
    cannot move the cursor or recolour the terminal; tabs become spaces."""
    if text.isprintable() or not _CONTROL.search(text):  # (a newline is not printable, but kept)
        return text
    return _CONTROL.sub(
        lambda m: " " if m[0] == "\t" else chr(0x2400 + ord(m[0])) if m[0] < " " else "\ufffd", text
    )


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Cut ``text`` into lines of at most ``width`` columns; return each line's (start, end) offsets.

    Explicit newlines always break. Latin words move whole to the next line unless longer than a
    line; Chinese text breaks between any two characters, except that closing punctuation (，。”)
    does not start a line nor opening punctuation (“（) end one: the character before moves down
    with it. Spaces at a break are dropped.
    """
    return [(a, b) for a, b, _ in _lines(text, width)]


def fill(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` columns, as lines (an empty text is one empty line)."""
    return [text[a:b] for a, b in wrap(text, width)]


def _lines(text: str, width: int, joiner: str | None = None) -> list[tuple[int, int, int]]:
    """`wrap`, with each line's width: (start, end, columns). With a ``joiner`` (`、` in a list
    of agencies) lines break after one, so that no name is split unless it fills a line."""
    if text.isascii() and len(text) <= width and "\n" not in text:
        return [(0, len(text), len(text))]
    lines: list[tuple[int, int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        n = len(paragraph)
        # reach[i]: the width of paragraph[:i]; the longest line from `start` ends where it passes `width`
        reach = [0, *accumulate(map(_WIDTHS.__getitem__, paragraph))]
        start = 0
        while True:
            end = bisect_right(reach, reach[start] + width) - 1
            if end >= n:
                lines.append((offset + start, offset + n, reach[n] - reach[start]))
                break
            cut = _break(paragraph, start, max(end, start + 1), joiner)
            stop = cut
            while stop > start and paragraph[stop - 1] == " ":
                stop -= 1
            lines.append((offset + start, offset + stop, reach[stop] - reach[start]))
            start = cut
            while start < n and paragraph[start] == " ":
                start += 1
            if start >= n:
                break
        offset += n + 1
    return lines


def _latin(ch: str) -> bool:
    """Part of a Latin word: a printable ASCII character other than space."""
    return "!" <= ch <= "~"


def _break(p: str, start: int, end: int, joiner: str | None = None) -> int:
    """Where to break a line that could run from ``start`` to ``end``: after the last ``joiner``
    if any; before a Latin word that would be cut (unless it fills the line; a word longer than
    a line folds after its last `_`, `/` or `-` that fits, as a file name does); outside a short
    parenthesised group; then back past any character that may not start a line, or that may
    not end one, between no two dashes or ellipses and inside no Latin word (up to eight
    characters back: a line full of such marks is broken where it must be)."""
    if joiner and (k := p.rfind(joiner, start, end)) >= start:
        return k + len(joiner)
    if p[end] == " ":
        return end
    cut = end
    if _latin(p[end]) and _latin(p[end - 1]):
        word = end - 1
        while word > start and _latin(p[word - 1]):
            word -= 1
        stop = end
        while stop < len(p) and _latin(p[stop]):
            stop += 1
        line = sum(map(_WIDTHS.__getitem__, p[start:end]))
        if word == start or stop - word > line:  # longer than a line: folded anyway,
            k = max(p.rfind(c, word + 1, end) for c in "_/-")  # so here, after a _ / - if any
            if k > word:
                return k + 1
            if word == start:
                return end
        cut = word
    for open_, close in ("()", "（）"):
        k = p.rfind(open_, start + 1, cut)
        if k > start and close not in p[k:cut] and close in p[cut : k + SHORT_GROUP]:
            cut = k
    k = cut
    while k > start + 1 and k > cut - 8 and _bad_break(p, k):
        k -= 1
    return k if not _bad_break(p, k) else cut


def _bad_break(p: str, k: int) -> bool:
    """Whether a line may not break before ``p[k]``: it would start a line with a closing mark,
    end one with an opening mark, split a dash or an ellipsis, or split a Latin word or number
    (`52%。` moves down whole)."""
    return (
        p[k] in NO_START
        or p[k - 1] in NO_END
        or (p[k] in NO_SPLIT and p[k - 1] == p[k])
        or (_latin(p[k]) and _latin(p[k - 1]))
    )


#: A list column (agencies joined by `、`) is at least as wide as its longest name and the joiner
#: after it, up to this: `国网山东省电力公司、` fits; a longer name wraps rather than
#: starve the other columns.
JOINED_MIN = 20

#: A wrapping column is at least as wide as its longest Latin word (an item id such as
#: `gxt2024.r4` in `progress`'s result column, a file name), up to this: ids never break.
WORD_MIN = 24
_WORD = re.compile(r"[!-~]+")

#: What a wrapped line loses to the line-breaking rules, on average, in `fit_widths`' count.
WRAP_LOSS = 1

#: The most width `fit_widths` moves from one column to another in one step.
MOVE_MAX = 16

#: Rows the width fitting looks at: a sample of a long table is as good as all of it.
FIT_ROWS = 120


def fit_sample(rows: int) -> Sequence[int]:
    """The rows (of ``rows``) whose lines `fit_widths` counts: all, or `FIT_ROWS` of them evenly
    spread (each once: from 121 rows on, the steps are at least one row). A sample of the
    sample is itself: `table_widths` measures only these rows' lines."""
    if rows <= FIT_ROWS:
        return range(rows)
    return sorted({k * (rows - 1) // (FIT_ROWS - 1) for k in range(FIT_ROWS)})


def _packed(paragraph: int | tuple[int, ...], width: int) -> int:
    """The lines a paragraph takes at ``width``: its width over the line's for text; for a list
    (a tuple of its names' widths, each with its joiner) names packed whole, as `_lines` breaks
    them, a name wider than the line folded."""
    if not isinstance(paragraph, tuple):
        if paragraph <= width:
            return 1
        # a wrapped line ends short of the width where the rules move a mark, a number or a
        # short group down: counting a column less per line keeps narrow columns honest
        return -(-paragraph // max(1, width - WRAP_LOSS))
    lines, used = 1, 0
    for name in paragraph:
        if used and used + name > width:
            lines, used = lines + 1, 0
        if name > width:
            lines += (name - 1) // width
            used = name - (name - 1) // width * width
        else:
            used += name
    return lines


def fit_widths(
    paragraphs: list[list[list[int]]],
    natural: list[int],
    minimum: list[int],
    ratios: list[int | None],
    total: int,
    wide: list[bool] | None = None,
) -> list[int]:
    """Widths that follow what each column holds: the ones that make the table shortest.

    ``paragraphs[i][r]`` are the widths of the lines of column i's cell in row r (for a list,
    each a tuple of its names' widths: see `_packed`). Fixed columns
    (ratio None: ids, years, counts) keep their natural width. The others start at their
    minimum, and the spare width is handed out a few columns at a time to whichever column
    shortens the table most (a row is as tall as its tallest cell), ties going to the column
    whose cells then take fewest lines in all, then to the higher ratio. Ratio-only sharing
    gave `plans`' titles 5 characters beside a half-empty aliases column; this gives width to
    the text that needs it. Every width stays between its minimum and its natural width, and
    the widths fill ``total`` exactly when they can. ``wide[i]``: column i holds Chinese text,
    so an odd width leaves a column unused on every line."""
    n = len(natural)
    free = [i for i, r in enumerate(ratios) if r is not None]
    widths = list(natural)
    budget = total - len(GAP) * (n - 1) - sum(natural[i] for i in range(n) if ratios[i] is None)
    if sum(natural[i] for i in free) <= budget:
        return widths
    for i in free:
        widths[i] = minimum[i]
    spare = budget - sum(widths[i] for i in free)
    if spare <= 0:
        return widths
    sample = fit_sample(len(paragraphs[0]) if paragraphs else 0)
    wide = wide or [False] * n

    memo: dict[tuple[int, int], list[int]] = {}

    def lines(i: int, w: int) -> list[int]:
        w = max(1, w - (w % 2 if wide[i] else 0))
        if (i, w) not in memo:
            memo[i, w] = [sum(_packed(p, w) for p in paragraphs[i][r]) or 1 for r in sample]
        return memo[i, w]

    base = [max([len(paragraphs[j][r]) for j in range(n) if ratios[j] is None] or [1]) for r in sample]
    cur = {i: lines(i, widths[i]) for i in free}

    def cost(counts: dict[int, list[int]]) -> tuple[int, int]:
        """(the table's height, the lines of all its cells) for these line counts."""
        height = sum(max(base[k], *(c[k] for c in counts.values())) for k in range(len(base)))
        return height, sum(map(sum, counts.values()))

    step = max(2, spare // 24)
    while spare > 0:
        best: tuple | None = None
        for i in free:
            grow = min(step, spare, natural[i] - widths[i])
            if grow <= 0:
                continue
            new = lines(i, widths[i] + grow)
            key = (*cost({**cur, i: new}), -(ratios[i] or 0))
            if best is None or key < best[0]:
                best = (key, i, grow, new)
        if best is None:
            break
        _, i, grow, new = best
        widths[i] += grow
        cur[i] = new
        spare -= grow
    # then move width between columns while that makes the table shorter: greedy steps leave
    # width with a column that needed it only before another one grew, and a column whose
    # rows all shorten only a few columns further on (`plans`' titles: ten rows of 动计划 at
    # 20 columns, none at 16) gains nothing from any one step. Moves of up to MOVE_MAX columns,
    # the best first.
    for _ in range(4 * len(free)):
        now = cost(cur)
        best = None
        for i in free:
            for j in free:
                most = min(MOVE_MAX, widths[j] - minimum[j], natural[i] - widths[i])
                if i == j or most <= 0:
                    continue
                for give in range(1 if most == 1 else 2, most + 1, 2 if most > 1 else 1):
                    trial = {**cur, i: lines(i, widths[i] + give), j: lines(j, widths[j] - give)}
                    key = (*cost(trial), give)
                    if key[:2] < now and (best is None or key < best[0]):
                        best = (key, i, j, give, trial)
        if best is None:
            break
        _, i, j, give, cur = best
        widths[i] += give
        widths[j] -= give
    return widths


class Terminal:
    """Where a table is going: its width, its height and whether it takes colour.

    Colour follows the usual conventions: NO_COLOR or `--no-color` turn it off; FORCE_COLOR turns
    it on for a pipe; otherwise only a terminal (not TERM=dumb) gets it.
    """

    def __init__(self, color: bool = True, stream=None) -> None:  # noqa: ANN001 - a text stream
        self.stream = stream or sys.stdout
        try:
            self.is_tty = self.stream.isatty()
        except (AttributeError, ValueError):
            self.is_tty = False
        env = os.environ
        forced = bool(env.get("FORCE_COLOR"))
        self.color = (
            color and not env.get("NO_COLOR") and (forced or self.is_tty) and env.get("TERM") != "dumb"
        )
        size = _terminal_size(self.stream) if not _env_int("COLUMNS") or not _env_int("LINES") else None
        # COLUMNS and LINES first (as shutil.get_terminal_size, whose import costs more than this)
        self.width = _env_int("COLUMNS") or (size.columns if size else PIPED_WIDTH)
        self.height = _env_int("LINES") or (size.lines if size else 24)

    def style(self, text: str, sgr: str) -> str:
        """``text`` in the SGR style ``sgr`` (BOLD, DIM, HIGHLIGHT), or as it is without colour."""
        return f"{sgr}{text}{RESET}" if self.color and text else text


def _terminal_size(stream) -> os.terminal_size | None:  # noqa: ANN001 - a text stream
    """The size of the terminal the user is looking at: standard output's, or when that is a
    pipe (`sdtargets find 5G | grep 省`) standard error's or standard input's, which are usually
    still the terminal; None when there is no terminal at all."""
    fds = []
    try:
        fds.append(stream.fileno())
    except (AttributeError, ValueError, OSError):
        pass
    for fd in (*fds, 2, 0):
        try:
            return os.get_terminal_size(fd)
        except (ValueError, OSError):
            continue
    return None


def _env_int(name: str) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else 0


#: A cell: plain text, or text with (start, end) spans to highlight.
Cell = str | tuple[str, list[tuple[int, int]]]


def _paint(term: Terminal, text: str, spans: list[tuple[int, int]], a: int, b: int) -> str:
    """Line ``text[a:b]`` with the parts inside ``spans`` highlighted."""
    if not term.color or not spans:
        return text[a:b]
    out, at = [], a
    for s, e in sorted(spans):
        s, e = max(s, at), min(e, b)
        if s < e:
            out += [text[at:s], term.style(text[s:e], HIGHLIGHT)]
            at = e
    out.append(text[at:b])
    return "".join(out)


def _names(paragraph: str, joiner: str) -> tuple[int, ...]:
    """A list's names' widths, each but the last with its joiner (see `_packed`)."""
    names = paragraph.split(joiner)
    return tuple(text_width(n) + (k < len(names) - 1) * text_width(joiner) for k, n in enumerate(names))


def table_widths(
    total: int,
    headers: Sequence[str],
    texts: Sequence[Sequence[str]],
    ratios: Sequence[int | None],
    minimums: Sequence[int],
    joiners: Sequence[str | None],
) -> list[int]:
    """The width of each column of a table ``total`` columns wide (see `fit_widths`): no column
    narrower than its header, nor a list column than its longest name (up to `JOINED_MIN`)."""
    natural = [
        max([text_width(h)] + [max(map(text_width, row[i].split("\n"))) for row in texts])
        for i, h in enumerate(headers)
    ]
    minimum = [max(m, text_width(h), 2) for m, h in zip(minimums, headers, strict=True)]
    for i, joiner in enumerate(joiners):
        if joiner:  # a list: wide enough for its longest name, if that leaves room for the rest
            names = (n for row in texts for n in row[i].replace("\n", joiner).split(joiner))
            longest = max(map(text_width, names), default=0)
            minimum[i] = max(minimum[i], min(longest + text_width(joiner), JOINED_MIN, total // 5))
        elif ratios[i] is not None:  # wide enough for its longest Latin word (ids), within reason
            longest = max((len(w) for row in texts for w in _WORD.findall(row[i])), default=0)
            minimum[i] = max(minimum[i], min(longest, WORD_MIN, total // 5))
    minimum = [min(n, m) for n, m in zip(natural, minimum, strict=True)]
    # the lines of the rows the fitting looks at, not of every row (at 100× the base, `find 5G`'s
    # 2,300 rows: half the layout's time measured the rows the fitting never reads)
    sampled = [texts[r] for r in fit_sample(len(texts))]
    paragraphs: list[list[list]] = [
        [list(map(text_width, row[i].split("\n"))) for row in sampled] for i in range(len(headers))
    ]
    for i, joiner in enumerate(joiners):
        if joiner:  # a list packs whole names: counted as `_lines` will break it
            paragraphs[i] = [[_names(p, joiner) for p in row[i].split("\n")] for row in sampled]
    wide = [not all(row[i].isascii() for row in texts) for i in range(len(headers))]
    return fit_widths(paragraphs, natural, minimum, list(ratios), total, wide)


def layout(
    term: Terminal,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    ratios: Sequence[int | None],
    minimums: Sequence[int],
    title: str | None = None,
    caption: str | None = None,
    joiners: Sequence[str | None] | None = None,
) -> list[str]:
    """The table as lines: title, header, a rule, the rows (a blank line between rows when some
    row takes three lines or more, so a reader can tell where one ends), caption."""
    cells = [[(clean(c), []) if isinstance(c, str) else (clean(c[0]), c[1]) for c in row] for row in rows]
    joiners = joiners or [None] * len(headers)
    texts = [[text for text, _ in row] for row in cells]
    widths = table_widths(term.width, headers, texts, ratios, minimums, joiners)

    def line(parts: list[tuple[str, int]]) -> str:
        padded = [p + " " * (w - vis) for (p, vis), w in zip(parts, widths, strict=True)]
        return GAP.join(padded).rstrip()

    body: list[list[str]] = []
    blank = ("", 0)
    for row in cells:
        columns = [
            [(_paint(term, text, spans, a, b), w) for a, b, w in _lines(text, widths[i], joiners[i])]
            for i, (text, spans) in enumerate(row)
        ]
        height = max(map(len, columns))
        body.append([line([c[k] if k < len(c) else blank for c in columns]) for k in range(height)])
    spaced = any(len(b) > 2 for b in body)  # rows of three or more lines are hard to tell apart
    out = []
    table_width = sum(widths) + len(GAP) * (len(widths) - 1)
    if title:
        out.append(
            term.style(clean(title).center(table_width - text_width(title) + len(title)).rstrip(), BOLD)
        )
    out.append(line([(term.style(h, BOLD), text_width(h)) for h in headers]))
    out.append(GAP.join("─" * w for w in widths))
    for n, block in enumerate(body):
        if spaced and n:
            out.append("")
        out.extend(block)
    if caption:  # centred under the table; a caption wider than the terminal is filled first
        caption = clean(caption)
        for part in fill(caption, term.width) if text_width(caption) > term.width else [caption]:
            out.append(term.style(part.center(table_width - text_width(part) + len(part)).rstrip(), DIM))
    return out


def page(term: Terminal, text: str, prompt: str | None = None) -> None:
    """Show ``text`` through the user's pager ($PAGER, else `less`), as git does: with LESS=FRX
    unless set, so colours pass through and a short text leaves no blank screen behind. A
    ``prompt`` is shown at the foot of each screen when the pager is `less`."""
    import shlex
    import subprocess

    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    command = shlex.split(os.environ.get("PAGER") or "less")
    if prompt and command and os.path.basename(command[0]) == "less":
        # less's prompt language gives ?:.%\ a meaning: escape them
        command.append("-Ps" + "".join("\\" + c if c in "?:.%\\" else c for c in prompt) + "$")
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, env=env, encoding="utf-8", errors="replace")
    except OSError:  # no pager installed: print it all
        term.stream.write(text)
        return
    try:
        proc.stdin.write(text)
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit before the end
        pass
    except KeyboardInterrupt:  # Ctrl-C is the pager's to handle (less uses it to stop a search)
        pass
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:  # as pydoc does: leaving the pager running would break the terminal
            pass
