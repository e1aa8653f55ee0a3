"""Draft extraction of items from Chinese government plan texts.

The knowledge base is curated by hand, but nobody should type 300 measures from scratch: this
module cuts a plan text into *draft* items (headings, item boundaries, goals) that a curator
then reviews against the source; agency clauses are `clauses`' business, targets `quantities'`.
It is rule-based and conservative: every item quotes the source verbatim.

The rules are written for the forms Shandong documents use (SPEC, "Drafting a new document"):
several clauses in one paragraph, each ending an item; numbering that restarts in every section;
goal paragraphs; reports and speeches without numbered tasks (`extract_paragraphs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.clauses import AgencyClause, find_clauses
from ..text.numbers import has_quantity, squash, years_in
from .ordinals import states_count
from .review import (
    REVIEW_RESTART_RE,
    REVIEW_TOPIC_RE,
    front_matter,
    review_heading_year,
    review_span,
    topic_clause_starts,
)

# ---------------------------------------------------------------------------------------------
# Headings and items

_CN_NUM = "零一二三四五六七八九十"
_HEADING_MARK_RE = re.compile(r"^[#\s*]+|[*\s]+$")
_TOP_RE = re.compile(rf"^(?:[{_CN_NUM}]+[、.．]|第[{_CN_NUM}百]+(?:章|部分|篇)\s*)")
#: `第三节` sits under a chapter, like `（三）` under `三、`.
_SECTION_RE = re.compile(rf"^第([{_CN_NUM}百]+)节\s*")
_SUB_RE = re.compile(rf"^[（(]\s*([{_CN_NUM}]+)\s*[）)]")
_NUM_RE = re.compile(r"^(\d+)\s*[.．、](?!\d)\s*")
#: Lines that end the body of a document (distribution lists after the last task).
STOP_WORDS = ("抄送：", "抄送:")
_PLAN_TITLE_RE = re.compile(r"行动计划|重点工作任务|实施方案|规划|纲要")
#: Headings of the sections whose paragraphs are goals.
_GOAL_HEADING_RE = re.compile(r"(总体|主要|发展|工作|行动)目标|目标任务")
#: Headings of the sections whose `（一）` paragraphs are 推进措施 (ids s1, s2…).
_SUPPORT_SECTION_RE = re.compile(r"推进措施|保障措施|组织实施|组织保障|保障机制")
#: How a sentence (and so a paragraph) can end.
_TERMINAL = ("。", "！", "？", "；", "”", "）", ")", "：", ":")
#: Words that make a paragraph a commitment rather than a report of what was done.
_FUTURE_RE = re.compile(r"力争|确保|到\s*20\d\d\s*年|目标")


def clean_line(line: str) -> str:
    """A source line without markdown marks (`#`, `**`) and surrounding whitespace."""
    return _HEADING_MARK_RE.sub("", line.strip()).strip()


def is_heading(text: str) -> bool:
    """A short marker line such as `（一）实施…行动。` or `二、主要任务`, carrying no clause."""
    if find_clauses(text):
        return False
    if not (_TOP_RE.match(text) or _SUB_RE.match(text) or _SECTION_RE.match(text)):
        return False
    body = text.rstrip("。")
    return "。" not in body and len(body) <= 60


#: Titles of numbered paragraphs that state principles, not tasks (`（一）指导思想。…`).
_PREAMBLE_RE = re.compile(r"(指导思想|基本原则|工作原则|总体思路|总体要求)$")


def _title(text: str) -> str:
    """The title of a numbered paragraph: `（二）主要目标。到2025年…` → `主要目标`."""
    body = _NUM_RE.sub("", _SUB_RE.sub("", text, count=1), count=1)
    return re.split(r"[。：:；;，,]", body, maxsplit=1)[0].strip()


def cn_number(s: str) -> int:
    """`三` → 3, `十二` → 12, `二十一` → 21 (the numerals headings use)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in s:
        return digits.get(s, 0)
    tens, _, ones = s.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def heading_number(text: str) -> int | None:
    """The number a heading starts with: `（三）…` → 3, `二、…` → 2."""
    if m := _SUB_RE.match(text):
        return cn_number(m.group(1))
    if m := _SECTION_RE.match(text):
        return cn_number(m.group(1))
    if m := _TOP_RE.match(text):
        return cn_number(re.sub(rf"[^{_CN_NUM}百]", "", m.group(0)))
    return None


@dataclass
class DraftItem:
    """An item as the rules see it, before review.

    ``number`` is the source's own number (`3` for `3.…`, `s2` for a 推进措施 `（二）…`), or the
    number of the heading an unnumbered paragraph sits under; ``piece`` counts the clauses of a
    paragraph that carries several (0 for the first). ``heads`` are the numbers of the headings
    above (top, sub) and ``part`` counts the plan titles seen (a document may hold several plans):
    the draft qualifies ids with them when numbering restarts.
    """

    line: int
    section: list[str]
    text: str
    kind: str = "measure"
    number: str | None = None
    clause: AgencyClause | None = None
    piece: int = 0
    heads: tuple[int | None, int | None] = (None, None)
    part: int = 0
    own_number: bool = False
    by_heading: bool = False  # numbered after the heading above it, not by its own number
    year: int | None = None  # the year a report's review names (`2023年…`, `“十三五”时期`)
    span: tuple[int, int] | None = None  # the years a review's account covers (`五年来，…`)


@dataclass
class _Block:
    """A numbered task (or an unnumbered paragraph) being read: its pieces end at clauses."""

    number: str | None
    own_number: bool
    kind: str
    section: list[str]
    heads: tuple[int | None, int | None]
    part: int
    pieces: list[DraftItem] = field(default_factory=list)
    text: str = ""
    line: int = 0
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, line)


#: A clause may be followed by the next paragraph on the same line (OCR and PDF text):
#: `…（A负责）四、实施…行动`, `…（A负责）（十四）中国智港…`.
_AFTER_CLAUSE_RE = re.compile(rf"^(?:[{_CN_NUM}]+、|[（(][{_CN_NUM}]+[）)]|\d+[.．、](?!\d))")


def _after_clause(text: str, clause: AgencyClause) -> int:
    """Where the text after ``clause`` resumes: past the stops that close it (`）。`, `）；`)."""
    end = clause.end
    while end < len(text) and text[end] in "。；;，,":
        end += 1
    return end


def _segments(text: str) -> list[str]:
    """A line cut after each clause that another heading or numbered task follows directly."""
    out, last = [], 0
    for c in find_clauses(text):
        end = _after_clause(text, c)
        if end < len(text) and _AFTER_CLAUSE_RE.match(text[end:]):
            out.append(text[last:end])
            last = end
    out.append(text[last:])
    return [s for s in out if s]


def extract(
    lines: list[str], start: int = 1, end: int | None = None, dropped: list[DraftItem] | None = None
) -> list[DraftItem]:
    """Cut lines ``start``..``end`` (1-based, inclusive) of a plan text into draft items.

    Paragraphs that are no item (a preamble, principles) go to ``dropped`` when it is given, so
    that their numbers can be reported.

    A numbered task (`3.…`, `（三）…`) runs to the next number or heading; inside it, every
    agency clause ends one item, so a paragraph with three clauses gives three items, each
    covering the sentences before its clause. An unnumbered paragraph with a clause is an item
    numbered after the heading above it. Paragraphs of a goal section (`主要目标`), and
    paragraphs without a clause that look forward (`到2027年`) with figures, are goal items.
    Lines are joined without a separator: conversions break paragraphs mid-word.
    """
    end = end or len(lines)
    items: list[DraftItem] = []
    section: list[str] = []
    heads: list[int | None] = [None, None]
    path: list[tuple[int, str, int | None]] = []  # (kind of heading, title, number) above
    part, part_from = 1, 0  # plan titles seen with items after them; where the part's items begin
    in_goal = False
    block: _Block | None = None
    last_goal = False  # the previous paragraph was a goal: a `--` list continues it

    def close() -> None:
        nonlocal block, last_goal
        if block is None:
            return
        _cut(block)
        for it in block.pieces:
            keep = it.clause or it.own_number or it.kind == "goal"
            if keep and not it.clause and it.kind != "goal" and _PREAMBLE_RE.match(_title(it.text)):
                keep = has_quantity(it.text)  # `（一）指导思想。…`: no commitment of its own
            if not keep and has_quantity(it.text) and (last_goal or _FUTURE_RE.search(it.text)):
                it.kind, keep = "goal", True
            if keep:
                items.append(it)
            elif it.text.strip("。；;，,"):
                items.append(DraftItem(it.line, it.section, it.text, kind="text", part=it.part))
            last_goal = it.kind == "goal" and keep
        block = None

    def open_block(text: str, no: int) -> None:
        nonlocal block
        number, own = None, False
        kind = "goal" if in_goal or _GOAL_HEADING_RE.search(_title(text)) else "measure"
        if m := _NUM_RE.match(text):
            number, own = m.group(1), True
        elif m := _SUB_RE.match(text):
            number, own = str(cn_number(m.group(1))), True
            if any(_SUPPORT_SECTION_RE.search(s) for s in section):
                number = "s" + number
        elif heads[1] is not None and section and _SUB_RE.match(section[-1]):
            number = str(heads[1])  # the paragraph under `（三）…`
        block = _Block(number, own, kind, list(section), (heads[0], heads[1]), part, line=no)

    def feed(seg: str, no: int) -> None:
        nonlocal in_goal, last_goal, part, part_from
        text = clean_line(seg)
        if not text:
            return
        if is_heading(text):
            close()
            last_goal = False
            # three kinds of heading, outermost first: `二、`/`第二章`, `第二节`, `（二）`
            level = 0 if _TOP_RE.match(text) else 1 if _SECTION_RE.match(text) else 2
            path[:] = [(k, t, n) for k, t, n in path if k < level] + [(level, text, heading_number(text))]
            section[:] = [t for _, t, _ in path]
            numbers = {k: n for k, _, n in path}
            heads[:] = [numbers.get(0), numbers.get(2, numbers.get(1))]
            in_goal = bool(_GOAL_HEADING_RE.search(text))
            return
        if _PLAN_TITLE_RE.search(text) and len(text) < 40 and not find_clauses(text):
            close()
            section[:], heads[:], path[:] = [], [None, None], []
            kept = sum(it.kind != "text" for it in items)
            if kept > part_from:  # a title with no item since the last (a notice's) opens no part
                part, part_from = part + 1, kept
            in_goal = False
            return
        numbered = bool(_NUM_RE.match(text) or _SUB_RE.match(text))
        continues = block is not None and block.text and not block.text.endswith(_TERMINAL)
        clauses = find_clauses(squash(text))
        if clauses and clauses[0].start == 0 and block is not None and block.text:
            continues = True  # a clause on a line of its own closes the paragraph above it
        if block is None or (numbered and not continues):
            close()
            open_block(text, no)
        elif not continues and (in_goal or not block.own_number):
            close()  # a new paragraph: in a goal section, or outside a numbered task
            open_block(text, no)
        assert block is not None
        if not block.text:
            block.line = no
        block.offsets.append((len(block.text), no))
        block.text += squash(text)
        _cut(block, final=False)
        if block.pieces and block.text and _AFTER_CLAUSE_RE.match(block.text):
            # a clause broken over two lines, and the next task right after it
            rest, rest_line = block.text, _line_at(block, 0)
            block.text = ""
            close()
            feed(rest, rest_line)

    for no in range(start, end + 1):
        raw = lines[no - 1]
        line_text = clean_line(raw)
        if not line_text:
            continue
        if line_text.startswith(STOP_WORDS):
            break
        for seg in _segments(line_text):
            feed(seg, no)
    close()
    if dropped is not None:
        dropped.extend(it for it in items if it.kind == "text")
    return [it for it in items if it.kind != "text"]


def _line_at(block: _Block, offset: int) -> int:
    return max((no for off, no in block.offsets if off <= offset), default=block.line)


def _cut(block: _Block, final: bool = True) -> None:
    """Move the finished pieces of ``block.text`` (each ending with a clause) into its pieces;
    with ``final``, the rest too."""
    for c in find_clauses(block.text):
        end = _after_clause(block.text, c)
        if end == len(block.text) and not final and not block.text.endswith(_TERMINAL):
            continue
        _add_piece(block, block.text[: c.end], c)  # through the clause; a full stop after it is no one's
        rest_line = _line_at(block, end)
        block.text = block.text[end:]
        block.offsets = [(0, rest_line)] + [(off - end, no) for off, no in block.offsets if off > end]
        return _cut(block, final)
    if final and block.text:
        if re.search(r"[^\W\d_]", block.text):  # more than punctuation
            _add_piece(block, block.text, None)
        block.text = ""


def _add_piece(block: _Block, text: str, clause: AgencyClause | None) -> None:
    line = _line_at(block, 0)
    kind = "measure" if clause is not None else block.kind
    block.pieces.append(
        DraftItem(
            line=line,
            section=block.section,
            text=text,
            kind=kind,
            number=block.number,
            clause=clause,
            piece=len(block.pieces),
            heads=block.heads,
            part=block.part,
            own_number=block.own_number and not block.pieces,
            by_heading=not block.own_number and block.number is not None,
        )
    )


#: `一是…；二是…`: the enumeration reports and speeches use in place of numbered tasks; a member
#: starts a paragraph or follows a full stop, colon or semicolon (`…加力提效。**二是持续推进…`,
#: `具体分为6个方面：一是…`).
_ENUM_RE = re.compile(rf"(?:(?<=[。：:；;])|^)(?:\*\*)?([{_CN_NUM}]+)是")


def extract_paragraphs(lines: list[str], start: int = 1, end: int | None = None) -> list[DraftItem]:
    """Draft items from a text without numbered tasks or agency clauses (a news report, a
    conference summary): each member of a `一是…二是…` enumeration is a measure; every other
    paragraph that states a quantity is a goal (if it looks forward: 力争, 确保, 到2025年, 目标)
    or a reported result. A paragraph starts after a blank line or at an indented line (newspaper
    columns break a paragraph into many short lines)."""
    end = end or len(lines)
    paragraphs: list[tuple[list[tuple[int, int]], str, list[str]]] = []  # (starts, text, section)
    section: list[str] = []
    blank = True
    widths = sorted(len(line.strip()) for line in lines[start - 1 : end] if line.strip())
    filled = len(widths)
    # a text that never leaves a blank line (a web page's report) has a paragraph per line; a
    # newspaper's narrow column lines (a line a few words long) do not
    line_paragraphs = filled > 10 and filled > 10 * (end - start + 1 - filled) and widths[filled // 2] >= 40
    chrome = set(front_matter(lines))  # the provenance line, a front matter, a page's buttons
    for no in range(start, end + 1):
        if no in chrome:
            continue
        raw = lines[no - 1]
        text = squash(raw)  # verbatim: a `**` left mid-sentence by the conversion stays
        heading = text and is_heading(clean_line(raw))
        if raw.lstrip().startswith("#") or heading:  # a heading (markdown of the conversion, or `一、…`)
            title = clean_line(raw)
            level = 1 if heading and _SUB_RE.match(title) else 0
            section, blank = [*section[:level], title], True
            paragraphs.append(([(0, no)], "", section))
            continue
        if line_paragraphs:
            blank = True
        if not text:
            blank = True
            continue
        # a blank line ends a paragraph only after a full stop: page and column breaks fall
        # mid-sentence (`七是全力` / blank / `帮扶中小企业…`)
        ended = (
            not paragraphs
            or not paragraphs[-1][1]
            or paragraphs[-1][1].rstrip("*").endswith(("。", "！", "？", "”", "）"))
        )
        if (blank and ended) or raw[:1].isspace():
            paragraphs.append(([(0, no)], text, section))
        else:
            starts, body, _ = paragraphs[-1]
            paragraphs[-1] = ([*starts, (len(body), no)], body + text, section)
        blank = False
    items: list[DraftItem] = []
    phase: str | None = None  # "result" after a review's opening, "goal" after a plan's
    reviewed: int | None = None  # the year the review names
    part: str | None = None  # the top heading the paragraph is under
    stated: int | None = None  # the year that heading states, if it is a review's
    sub: str | None = None  # the topic sentence a review's paragraph sits under (`（一）…。`)
    span: tuple[int, int] | None = None  # the years a review's account turned to (`五年来，…`)
    shown: list[str] = []  # the section path the items are given
    for starts, text, section in paragraphs:
        if (section[0] if section else None) != part:
            # a new part of the report: its heading states the year it reviews, or none (the
            # year of a part before it, or of a front matter, is not this part's)
            part = section[0] if section else None
            reviewed = stated = review_heading_year(section)
            span = None
        # offset → 一, 二…: a member begins at its numeral, the conversion's `**` before it is
        # the previous piece's and is left out of both (`…新需求。**二是…` → `二是…`)
        members = {m.start(1): m.group(1) for m in _ENUM_RE.finditer(text)}
        phase = paragraph_phase(text, phase)
        if phase == "result" or re.search(_REVIEW_SECTION, "".join(section)):
            # a paragraph's own year is its own; under a heading that states one, the next
            # paragraph goes back to the heading's year
            reviewed = reviewed_year(text) or stated or reviewed
        before_members = min(members, default=len(text))
        review = "工作回顾" in "".join(section)
        if not review or section != (shown[:-1] if sub else shown) or REVIEW_RESTART_RE.match(text):
            sub = None  # a new heading, or the review's account starting over (`过去一年，…`)
        if review:  # `五年来，…` turns the account to the years of a plan, `一年来，…` back to one
            span = review_span(text, reviewed) or (None if REVIEW_RESTART_RE.match(text) else span)
        # a review's `一是…` members report what was done, topic by topic: cut like its prose
        bounds = sorted({0, *members, *(t for t in topic_starts(text) if review or t < before_members)})
        if review:  # `…。现代服务业加快发展，净增…`: a field's progress opens a topic
            bounds = sorted({*bounds, *topic_clause_starts(text)})
        if review:
            # a work report's review: its long paragraphs (a five-year review's `——` members) cut by length
            cuts = [
                c
                for a, b in zip(bounds, [*bounds[1:], before_members], strict=True)
                for c in length_cuts(text, a, b)
            ]
            bounds = sorted({*bounds, *cuts})
        kept = -1  # where the last item drafted from this paragraph ends
        for a, b in zip(bounds, [*bounds[1:], len(text)], strict=True):
            piece = text[a:b]
            if review and (m := REVIEW_TOPIC_RE.match(piece)):
                # a review's topic sentence (`（一）产业升级成效显著。`, `一是扎实抓好….`,
                # `——经济综合实力实现新跃升。`): its piece and those after it sit under it
                sub = m.group(0).replace("*", "")
            shown = [*section, sub] if sub else section
            if b in members:
                piece = piece.removesuffix("**")
            line = max(no for off, no in starts if off <= a)  # the line the piece begins on
            if a in members and review:  # `一是扎实抓好…。…争取新增专项债资金3903亿元`: a result
                items.append(
                    DraftItem(line=line, section=shown, text=piece, kind="result", year=reviewed, span=span)
                )
                continue
            if a in members:
                number = str(cn_number(members[a]))
                # the members of `发展目标上，…分为6个方面：一是…` are goals
                kind = "goal" if re.search(r"目标", text[:before_members]) else "measure"
                items.append(DraftItem(line=line, section=section, text=piece, kind=kind, number=number))
                continue
            where = "".join(section)
            if re.search(_REVIEW_SECTION, where):
                kind = "result"  # a section that reports what was done
            elif re.search(r"目标", where):
                kind = "goal"
            elif re.search(r"任务|重点工作|打算|部署", where):
                # the coming year's work: a measure, unless it sets a goal (`力争…增长5%`)
                kind = "goal" if _FUTURE_RE.search(piece) else "measure"
            elif phase == "goal" and _SO_FAR_RE.search(piece) and not _GOAL_RE.search(piece):
                kind = "result"  # a plan's account of where things stand (`截至2023年底，…达到`)
            elif phase and not _GOAL_RE.search(piece):
                kind = phase
            else:
                kind = "goal" if _FUTURE_RE.search(piece) else "result"
            # a report's prose without figures is an item too once the text says which part of
            # the report it is in (a review's achievements, a plan's requirements)
            if has_quantity(piece) or states_count(piece) or ((phase or where) and _substantive(piece)):
                year = reviewed if kind == "result" else None
                items.append(
                    DraftItem(line, shown, piece, kind, year=year, span=span if kind == "result" else None)
                )
                kept = b
            elif review and kept == a and items[-1].kind == kind:
                # a review's short piece without a number of its own (`…竞价。A、B均居全国首位。`):
                # the tail of the piece before, not a sentence to lose
                items[-1].text += piece
                kept = b
    return items


def reviewed_year(text: str) -> int | None:
    """The year a review paragraph's first sentence reports on: the last year it names
    (`2023年全省工信系统…`), or the last year of the five-year plan it names (`“十三五”时期`)."""
    first = squash(re.split(r"[。！？]", text, maxsplit=1)[0])
    for name, year in _FIVE_YEAR.items():
        if name in first:
            return year
    first = re.sub(r"(?:比|较|与|从)20\d\d年", "", first)  # a baseline is not the year reported
    named = [y for y in years_in(first) if 2000 <= y <= 2060]
    return named[-1] if named else None


#: Headings of the sections that report what was done.
_REVIEW_SECTION = r"回顾|成绩|成效|成就|进展"
#: Words that make a piece of a review a commitment all the same (`力争到2025年…`).
_GOAL_RE = re.compile(r"力争|确保|到\s*20\d\d\s*年|预期目标|目标是")
#: Words of a figure reported as it stands, not as it is to be.
_SO_FAR_RE = re.compile(r"截至|截止|目前|已有|已经|同比")
#: The opening of a paragraph that reviews what was done: `一年来，`, `过去一年`, `会议指出，…2023年…`.
_REVIEW_OPEN_RE = re.compile(
    r"一年来|过去一年|过去五年|五年来|回顾|成绩单|取得(?:了)?[^。]{0,8}(?:成绩|成效|成就|进展)|极不平凡|总结"
)
#: The opening of a paragraph that sets out what is to be done: `会议强调，要…`, `今年`, `下一步`.
_PLAN_OPEN_RE = re.compile(
    r"^[^。]{0,12}(?:强调|要求|部署)[，,]?要|今年|下一步|今后|总的要求|重点工作|主要任务|(?:将|要)(?:持续|继续|进一步|坚持|重点|着力|加快|大力|深入|全面)"
)


def paragraph_phase(text: str, phase: str | None) -> str | None:
    """Whether a report's paragraph reviews the past (`result`) or sets out the coming year's
    work (`goal`), from the words of its first sentence; a paragraph whose opening says
    neither continues the part of the report it is in (``phase``)."""
    first = re.split(r"[。！？]", text, maxsplit=1)[0]
    if _PLAN_OPEN_RE.search(first):
        return "goal"
    if _REVIEW_OPEN_RE.search(first):
        return "result"
    return phase


def _substantive(piece: str) -> bool:
    """A piece that says something on its own: a few sentences' worth, not a caption or a
    line of attendance."""
    return len(piece) >= 40 and piece.rstrip("*").endswith(("。", "！", "”"))


#: A short sentence of its own that heads a topic (`工业运行势头持续向好。`), a `X方面，` or
#: `此外，` opening, a `——` member or a `（一）` heading inside a long paragraph.
_TOPIC_RE = re.compile(
    rf"(?<=。)(?:\*\*)?(?:[^，,。；;：:、\d“”（）()\s*]{{5,14}}。(?=.)|[^，,。；;\d]{{2,10}}方面[，,]|此外[，,]"
    rf"|——|[（(][{_CN_NUM}]+[）)])"
)


def topic_starts(text: str) -> list[int]:
    """Where a long report paragraph turns to a new topic: the units a reader cites. Each cut
    falls at a sentence end, so every piece is a contiguous verbatim stretch of the paragraph. A
    run of three or more sentences opening with a short phrase and a comma (`铁路，…高速公路，…
    机场，…`) is a list of parallel topics: each opening is a cut."""
    cuts = {m.start() for m in _TOPIC_RE.finditer(text) if m.start() > 0}
    parallel = [m.start() for m in _PARALLEL_RE.finditer(text)]
    if len(parallel) >= _PARALLEL_MIN:
        cuts |= set(parallel)
    return sorted(cuts)


#: A sentence opening with a short phrase of its own before a comma (`铁路，加快…`, `水网，…`,
#: `让人才支撑更有力，…`): one of a run of parallel topics when a paragraph has several.
_PARALLEL_RE = re.compile(r"(?<=。)(?:\*\*)?[^，,。；;：:\d（）()\s*]{2,8}[，,]")
#: How many parallel openings make a run (two may be chance).
_PARALLEL_MIN = 3


#: A review's piece longer than this is cut at sentence ends into pieces of at least `_PIECE`
#: characters, none shorter than `_TAIL` (the units a reader cites from a five-year review's
#: long `——` paragraphs, which have no topic sentences).
_LONG, _PIECE, _TAIL = 180, 90, 40


def length_cuts(text: str, a: int, b: int) -> list[int]:
    """Where to cut the review piece ``text[a:b]``: after the first sentence end that makes the
    piece `_PIECE` long, again and again, leaving no last piece under `_TAIL`."""
    if b - a <= _LONG:
        return []
    cuts, start = [], a
    for m in re.finditer(r"。(?!”)", text[a:b]):
        end = a + m.end()
        if end - start >= _PIECE and b - end >= _TAIL:
            cuts.append(end)
            start = end
    return cuts


# ---------------------------------------------------------------------------------------------
# The plan's years

_PERIOD_RE = re.compile(r"(20\d\d)年?(?:[—–\-－~～至到])+(20\d\d)年")
_TITLE_WORD_RE = re.compile(r"计划|任务|方案|规划|纲要|要点|报告")
_TITLE_YEAR_RE = re.compile(
    r"(20\d\d)年(?:度)?[^，。；、]{0,12}?(?:重点工作任务|工作要点|行动计划|实施方案|工作方案|重点任务|工作报告)"
)


def infer_period(lines: list[str]) -> tuple[int, int] | None:
    """The first and last year a plan covers, from its title (`（2024—2027年）`, `2023年重点
    工作任务`) in the first lines; failing that, the span of the `到2027年` deadlines it sets."""
    head = [squash(line) for line in lines[:40]]
    titles = [
        "".join(head[i : i + 2])
        for i, line in enumerate(head)
        if _TITLE_WORD_RE.search("".join(head[i : i + 2]))
    ]
    for text in [*titles, "".join(head)]:
        if m := _PERIOD_RE.search(text):
            a, b = int(m.group(1)), int(m.group(2))
            if a <= b <= a + 15:
                return a, b
        if m := _TITLE_YEAR_RE.search(text):
            return int(m.group(1)), int(m.group(1))
    deadlines = [int(y) for y in re.findall(r"到(20\d\d)年", squash("".join(lines)))]
    if deadlines:
        return min(deadlines), max(deadlines)
    # a report: the years its opening names (`总结2023年工作，部署2024年任务`)
    opening = [line for line in lines if line.strip()][:12]
    named = [y for y in years_in(squash("".join(opening))) if 2000 <= y <= 2060]
    if named:
        return min(named), max(named)
    return None


#: Five-year plans a heading may name instead of a year: their last year.
_FIVE_YEAR = {"十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}


def section_year(section: list[str]) -> int | None:
    """The year the headings above an item name (`一、2025年工作回顾`, `“十五五”时期目标任务`):
    the default year of its targets, before the plan's last year."""
    for title in reversed(section):
        if years := years_in(squash(title)):
            return years[-1]
        for name, year in _FIVE_YEAR.items():
            if name in title:
                return year
    return None
