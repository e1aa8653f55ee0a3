"""Draft extraction of items from Chinese government plan texts.

The knowledge base is curated by hand, but nobody should type 300 measures from scratch: this
module turns a plan text into *draft* items (headings, item boundaries, agency clauses, years
and quantities) that a curator then reviews against the source. It is rule-based and
conservative: every item quotes the source verbatim; a number it cannot place is reported, not
guessed; a number that looks damaged is flagged, never "fixed".

The rules are written for the forms Shandong documents use (SPEC, "Drafting a new document"):
labelled clauses `（牵头单位：A；配合单位：B）`, verb clauses `（A牵头，B配合）`, `（A负责）`,
`（A、B按职责分工负责）`; several clauses in one paragraph; numbering that restarts in every
section; goal paragraphs; `每年` targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------
# Agency clauses

#: Words that introduce the lead agencies of a labelled clause.
LEAD_WORDS = ("牵头单位", "牵头部门")
#: Words that introduce supporting agencies; the source's word is kept on every relation.
SUPPORT_WORDS = ("配合单位", "参与单位", "责任单位", "协同单位", "配合部门", "参与部门", "责任部门")

#: A parenthesised stretch that may be a clause (no nested brackets; clauses are short).
#: One level of brackets inside is allowed: `（牵头单位：省工业和信息化厅（省国防科工办））`.
_PAREN_RE = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]{1,30}[）)]){2,300})[）)]")
_LABEL_RE = re.compile(r"^(牵头单位|牵头部门|责任单位|责任部门)[：:]")
_SUPPORT_LABEL_RE = re.compile(r"[；;，,。]?(" + "|".join(SUPPORT_WORDS) + r")[：:]")
#: The verb that closes one part of an unlabelled clause, longest first.
_SHARED_DUTY_RE = re.compile(
    r"(?:按照?|根据|依)?(?:职[责能])?分工(?:负责|落实|推进|协同推进)|(?:按照?|根据|依)?职[责能](?:负责|落实)"
    r"|分别负责|共同负责"
)
_TAIL_RE = re.compile(rf"({_SHARED_DUTY_RE.pattern}|负责|牵头|协同配合|配合|参与|协同|协助)$")
#: How an agency's name ends: a clause naming anything else (`（企业牵头）`) is not a clause.
_AGENCY_END_RE = re.compile(
    r"(厅|局|委|办|部|院|会|行|司|中心|公司|集团|政府|单位|部门|小组|机构|室|处|所|队|团|社|联|馆|台|站|校|"
    r"大学|区|党委|署|关|组)$"
)
_COLLECTIVE_RE = re.compile(r"^各|有关")


@dataclass
class AgencyClause:
    """One agency clause, split into its parts as the source wrote them."""

    lead_word: str | None
    lead: list[str]
    support_word: str | None = None
    support: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    body: str = ""

    @property
    def names(self) -> list[str]:
        """Every agency the clause names, leads first."""
        return [*self.lead, *self.support]


def split_agencies(body: str) -> list[str]:
    """Split an agency list on `、`, `，` and `；`, dropping a trailing `等`.

    A collective such as `省有关部门、单位` is one entry: `单位` alone is never an agency, so it
    is glued back onto the entry before it.
    """
    names: list[str] = []
    for raw in re.split(r"[、，,；;]", body):
        name = re.sub(r"\s+", "", raw)
        if name.endswith("等") and len(name) > 2:
            name = name[:-1]
        if name.startswith("由") and len(name) > 2:
            name = name[1:]
        if not name:
            continue
        if name in ("单位", "单位等") and names:
            names[-1] = names[-1] + "、单位"
            continue
        names.append(name)
    return names


def _agency_like(name: str) -> bool:
    return 2 <= len(name) <= 40 and bool(_AGENCY_END_RE.search(name) or _COLLECTIVE_RE.search(name))


def parse_clause(body: str) -> AgencyClause | None:
    """The clause ``body`` (the text inside the brackets) states, or None if it is not one."""
    b = re.sub(r"\s+", "", body).rstrip("。；;")
    if m := _LABEL_RE.match(b):
        parts = _SUPPORT_LABEL_RE.split(b[m.end() :])
        first = split_agencies(parts[0])
        clause = AgencyClause(lead_word=m.group(1), lead=first, body=b)
        if m.group(1) in ("责任单位", "责任部门"):  # responsibility without a lead
            clause.lead_word, clause.lead = None, []
            clause.support_word, clause.support = m.group(1), first
        for word, names in zip(parts[1::2], parts[2::2], strict=False):
            clause.support_word = clause.support_word or word
            clause.support += split_agencies(names)
        return clause if clause.names else None
    lead_word: str | None = None
    lead: list[str] = []
    support_word: str | None = None
    support: list[str] = []
    pending: list[str] = []
    for part in re.split(r"[，,；;]", b):
        tail = _TAIL_RE.search(part)
        names = pending + split_agencies(part[: tail.start()] if tail else part)
        if not tail:
            pending = names
            continue
        pending = []
        if not names or not all(_agency_like(n) for n in names):
            return None
        word = tail.group(1)
        if word in ("牵头", "负责") and not lead:
            lead_word, lead = word, names
        else:
            support_word = support_word or word
            support += names
    if pending or not (lead or support):
        return None
    return AgencyClause(lead_word=lead_word, lead=lead, support_word=support_word, support=support, body=b)


def find_clauses(text: str) -> list[AgencyClause]:
    """Every agency clause in ``text`` (whitespace already removed), in order."""
    out = []
    for m in _PAREN_RE.finditer(text):
        clause = parse_clause(m.group(1))
        if clause:
            clause.start, clause.end = m.start(), m.end()
            out.append(clause)
    return out


def shared_duty(clause: AgencyClause) -> bool:
    """`（A、B按职责分工负责）`: agencies named without a lead."""
    return not clause.lead and bool(clause.support_word and _SHARED_DUTY_RE.fullmatch(clause.support_word))


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
_PLAN_TITLE_RE = re.compile(r"(行动计划|重点工作任务|实施方案|规划|纲要)\s*[（(]?.*[）)]?$")
#: Headings of the sections whose paragraphs are goals.
_GOAL_HEADING_RE = re.compile(r"(总体|主要|发展|工作|行动)目标|目标任务")
#: Headings of the sections whose `（一）` paragraphs are 推进措施 (ids s1, s2…).
_SUPPORT_SECTION_RE = re.compile(r"推进措施|保障措施|组织实施|组织保障|保障机制")
#: How a sentence (and so a paragraph) can end.
_TERMINAL = ("。", "！", "？", "；", "”", "）", ")", "：", ":")


def clean_line(line: str) -> str:
    """A source line without markdown marks (`#`, `**`) and surrounding whitespace."""
    return _HEADING_MARK_RE.sub("", line.strip()).strip()


def squash(text: str) -> str:
    """Remove every whitespace character (spaces, U+3000, line breaks): the quoting rule."""
    return re.sub(r"\s+", "", text)


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


def _segments(text: str) -> list[str]:
    """A line cut after each clause that another heading or numbered task follows directly."""
    out, last = [], 0
    for c in find_clauses(text):
        end = c.end
        while end < len(text) and text[end] in "。；;，,":
            end += 1
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
                keep = bool(_QTY_RE.search(it.text))  # `（一）指导思想。…`: no commitment of its own
            if not keep and _QTY_RE.search(it.text) and (last_goal or _FUTURE_RE.search(it.text)):
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
        end = c.end
        while end < len(block.text) and block.text[end] in "。；;，,":
            end += 1
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
        )
    )


#: `一是…；二是…`: the enumeration reports and speeches use in place of numbered tasks; a member
#: starts a paragraph or follows a full stop (`…加力提效。**二是持续推进…`).
_ENUM_RE = re.compile(rf"(?:(?<=。)|^)(?:\*\*)?([{_CN_NUM}]+)是")
#: Words that make a paragraph a commitment rather than a report of what was done.
_FUTURE_RE = re.compile(r"力争|确保|到\s*20\d\d\s*年|目标")


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
    body = [line for line in lines[start - 1 : end] if line.strip()]
    # a text that never leaves a blank line (a web page's report) has a paragraph per line
    line_paragraphs = len(body) > 10 and len(body) > 10 * (end - start + 1 - len(body))
    for no in range(start, end + 1):
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
    for starts, text, section in paragraphs:
        members = {m.start(): m.group(1) for m in _ENUM_RE.finditer(text)}  # offset → 一, 二…
        bounds = sorted({0, *members})
        for a, b in zip(bounds, [*bounds[1:], len(text)], strict=True):
            piece = text[a:b]
            line = max(no for off, no in starts if off <= a)  # the line the piece begins on
            if a in members:
                number = str(cn_number(members[a]))
                items.append(DraftItem(line=line, section=section, text=piece, kind="measure", number=number))
            elif _QTY_RE.search(piece):
                where = "".join(section)
                if re.search(r"回顾|成绩|成效|成就|进展", where):
                    kind = "result"  # a section that reports what was done
                elif re.search(r"目标|任务|重点工作|打算|部署", where):
                    kind = "goal"
                else:
                    kind = "goal" if _FUTURE_RE.search(piece) else "result"
                items.append(DraftItem(line=line, section=section, text=piece, kind=kind))
    return items


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


# ---------------------------------------------------------------------------------------------
# Quantities

#: Units as the documents write them; counting units may carry a multiplier (`1万个`, `2.5万张`).
_PLAIN_UNITS = (
    "%|％|‰|个百分点|百分点|千瓦时|千瓦|吉瓦|兆瓦|GW|MW|EFlops|EFLOPS|PFlops|PFLOPS|吨标准煤|蒸吨|标准箱|标箱|"
    "平方公里|平方千米|平方米|立方米|公顷|千米|公里|亩|吨|斤|美元|元|人次|人|户|家|个|辆|台套|台|套|件|项|场|条|"
    "所|座|次|批|名|倍|款|部|张|艘|架|颗|支|只|头|篇|册|本|门|类|处|片|位|床|市|种|分钟|毫秒|小时|GWh|MWh|TWh"
)
_UNITS = rf"(?:万亿|千亿|亿|千万|百万|万|千)?(?:{_PLAIN_UNITS})|余家|多家"
_QTY_RE = re.compile(
    r"(?<![\d.A-Za-z])(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*(?:[-—–~～]|至)\s*(?P<max>\d+(?:\.\d+)?))?"
    rf"\s*(?P<more>多|余)?\s*(?P<unit>{_UNITS})"
)
#: Every comparison word a target may record: 达到 2.8万家, 不低于 95%, 控制在 …以内.
CMP_WORDS = (
    "力争",
    "确保",
    "达到",
    "达",
    "突破",
    "超过",
    "超",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "控制在",
    "以内",
    "以下",
    "以上",
    "左右",
    "约",
    "近",
    "下降",
    "降低",
    "增长",
    "提高",
    "提升",
    "累计",
    "年均",
    "新增",
    "保持",
    "稳定在",
    "超出",
    "减少",
    ">",
    "<",
    "＞",
    "＜",
)
#: Comparison words that follow the number they qualify (3.5万家以上).
_TRAILING = ("以上", "以下", "以内", "左右")
_YEAR_RE = re.compile(r"(?<![\d])(\d{4})\s*年(?!代)")
#: A year that is a baseline, not a deadline: `比2020年提高`, `较2022年下降`.
_BASELINE_BEFORE = ("比", "较", "与", "从", "同比")
#: Words at the head of the phrase before a number that are not part of what it counts.
_LEAD_IN_WORDS = (
    "其中 力争 确保 争取 到 全省 全市 全年 年底 年末 每年 两年内 三年内 两年 三年 五年 年内 累计 共 再 "
    "新培育认定 培育认定 培育建设 组织实施 吸引集聚 新组建 提供 建设 建成 新建成 培育 打造 新打造 "
    "布局 新建 创建 争创 实施 举办 促进 推出 孵化 引进 引入 聚集 集聚 开放 认定 支持 推动 带动 吸引 "
    "形成 开展 组建 遴选 发布 完成 实现 新增备案 新备案 备案 达到 突破 超过 开工 开通"
).split()
_LEAD_IN_RE = re.compile(
    r"^(?:用\d+年时间|为[^，。；、]{1,8}?提供|"
    + "|".join(sorted(_LEAD_IN_WORDS, key=len, reverse=True))
    + ")+"
)
_CMP_TAIL_RE = re.compile(
    r"(?:力争|确保|达到|达|突破|超过|超|不低于|不少于|不超过|不高于|控制在|稳定在|保持|约|近|提高到|提升到|"
    r"增长到|降低到|下降到|提升至|提高至|下降至|降低至|增长至|降至|增至|保持在|累计|年均|总数|分别|各|为|至|到)+$"
)
_DELIMS = "，,。；;：:、！？（）()"
#: Metrics that only point back at the quantity just named (`…比重提高3个百分点，占比超过50%`).
_GENERIC = ("", "总量", "总数", "数量", "规模", "占比", "比重", "比例")


def years_in(text: str) -> list[int]:
    """Four-digit years written as `2025年` (or `2025 年`) in the text, sorted, unique."""
    return sorted({int(y) for y in _YEAR_RE.findall(text) if 1900 < int(y) < 2100})


def _num(s: str) -> int | float:
    s = s.replace(",", "")
    return float(s) if "." in s else int(s)


def _cmp_words(window: str) -> list[str]:
    """The comparison words in ``window``, in text order, none inside a longer one (达 in 达到)."""
    found = [(window.find(w), w) for w in CMP_WORDS if w in window]
    found = [(i, w) for i, w in found if not any(w != v and w in v and j <= i < j + len(v) for j, v in found)]
    return [w for _, w in sorted(found)]


@dataclass
class Quantity:
    """A number with a unit as the text writes it, before it becomes a target."""

    start: int
    end: int  # after the trailing comparison word
    value: int | float
    unit: str
    value_max: int | float | None = None
    trailing: str = ""


def quantities(text: str) -> list[Quantity]:
    """Every number with a unit in ``text``, with its trailing comparison word (`以上`)."""
    out = []
    for m in _QTY_RE.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "第":
            continue  # an ordinal
        unit = m.group("unit")
        if unit in ("余家", "多家"):
            unit = "家"
        trailing = next((w for w in _TRAILING if text.startswith(w, m.end())), "")
        q = Quantity(m.start(), m.end() + len(trailing), _num(m.group("value")), unit, trailing=trailing)
        if m.group("max"):
            q.value_max = _num(m.group("max"))
        out.append(q)
    return out


def _sentence_start(text: str, at: int, stops: str = "。！？") -> int:
    return max(text.rfind(c, 0, at) for c in stops) + 1


def _in_title(text: str, at: int) -> bool:
    """Is ``at`` inside a title `《…》` or a bracket `（2023—2025年）`? Its years name a document."""
    for open_, close in (("《", "》"), ("（", "）"), ("(", ")")):
        if text.rfind(open_, 0, at) > text.rfind(close, 0, at):
            return True
    return False


def _year_before(text: str, lo: int, hi: int, first: int | None, deadline_only: bool = False) -> int | None:
    """The last deadline year written in text[lo:hi]: not a baseline (`比2020年`), not a year in
    a title; with ``deadline_only``, only one written as a deadline (`到2025年`, `2025年底`)."""
    found = None
    for m in _YEAR_RE.finditer(text, lo, hi):
        y = int(m.group(1))
        before, after = text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 2]
        if (
            before.endswith(_BASELINE_BEFORE)
            or after in ("以来", "相比", "基础")
            or _in_title(text, m.start())
        ):
            continue
        if not 2000 <= y <= 2100 or (first is not None and y < first):
            continue
        if deadline_only and not (before.endswith(("到", "至", "力争")) or after[:1] in ("底", "末", "前")):
            continue
        found = y
    return found


def _clean_metric(phrase: str) -> str:
    phrase = re.sub(r"(?:到|在|较|比|与)?20\d\d年(?:底|末|前|内|起)?", "", phrase)
    phrase = re.sub(r"(两年|三年|五年|每年|年均)(?=(提高|增长|下降|降低|提升|达到|新增|累计))", "", phrase)
    for _ in range(3):
        phrase = _LEAD_IN_RE.sub("", phrase)
        phrase = _CMP_TAIL_RE.sub("", phrase)
    if "的" in phrase[:-1] and len(phrase.rsplit("的", 1)[1]) >= 4:
        phrase = phrase.rsplit("的", 1)[1]
    return phrase


def _noun_after(text: str, q: Quantity) -> tuple[str, int]:
    """The noun phrase a number counts when it comes first (`布局150项以上基础研究项目`), and
    where in ``text`` the words it was taken from end (0 when there is none)."""
    rest = text[q.end :]
    if lead := _QTY_RE.match(rest):  # `383台35蒸吨/小时及以下燃煤锅炉`: skip the qualifying number
        rest = re.sub(
            r"^(?:/[^\d，。；及以的]{1,3})?(?:及|以)?(?:以上|以下|以内)?的?", "", rest[lead.end() :]
        )
    m = re.match(rf"[^{_DELIMS}]{{1,30}}", rest)
    if not m:
        return "", 0
    phrase = m.group(0)
    clause = re.match(r"[^，,。；;！？]{1,40}", rest)
    if clause and "的" in clause.group(0)[1:] and not _QTY_RE.search(clause.group(0)):
        # `打造20个以上面广量大、社会获得感强的无证明应用场景`: the noun follows the last 的
        tail = clause.group(0).rsplit("的", 1)[1]
        phrase = re.match(rf"[^{_DELIMS}]*", tail).group(0) or phrase
    if phrase.startswith("的") and q.unit in ("%", "％"):  # `80%以上的设区市`: a share of them
        phrase = phrase[1:]
    phrase = re.split(r"(?:和|及|与|以及|、)(?=\d)", phrase)[0]
    phrase = re.split(r"达到|突破|实现|超过|，|的比重|占比", phrase)[0]
    at = text.find(phrase, q.end)
    end = at + len(phrase) if at >= 0 else q.end
    phrase = re.sub(r"^(.{2,}?)(?:提供|进行|开展)(?=.{2,})", r"\1", phrase)  # `残疾儿童提供康复救助服务`
    if phrase[:1] in ("的", "年", "月", "日", "级", "量", "等"):
        return "", 0
    if not re.match(r"[\u4e00-\u9fff“\"《A-Za-z]", phrase):
        return "", 0
    return phrase, end


def _qualifier(text: str, q: Quantity) -> bool:
    """A number that qualifies what another number counts (`营业收入5000万元以上的企业`,
    `1亿元以上规上工业企业研发机构覆盖率达到70%`, `投资500万元以上技术改造项目1万个`): not a
    target of its own. A share (`80%以上的设区市…达到…`) is a target."""
    rest = text[q.end :]
    if q.unit in ("%", "％", "分钟", "小时", "毫秒", "天"):  # a share, or a `15分钟…圈`
        return False
    if rest.startswith("的"):  # `5000万元以上的企业`, but not `不少于100亿元的基金`
        return not re.search(r"(不少于|不低于|达到|超过|突破|总规模|规模)$", text[: q.start])
    if rest.startswith("/"):  # a rate: `35蒸吨/小时及以下`
        return True
    m = re.match(rf"[^{_DELIMS}]{{1,40}}", rest)
    if not m:
        return False
    nxt = _QTY_RE.search(m.group(0))
    # a number that another follows with words between (`500万元以上技术改造项目1万个`); one
    # followed at once by another (`383台35蒸吨/小时…锅炉`) is the count, the other qualifies it
    return bool(nxt and nxt.start() >= 2 and not re.search(r"和|及|与|以及|、", m.group(0)[: nxt.start()]))


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


def draft_targets(
    text: str, period: tuple[int, int] | int | None, default_year: int | None = None, result: bool = False
) -> tuple[list[dict], list[str]]:
    """Candidate targets of an item text, and the numbers it saw but did not make targets of.

    ``default_year`` (the year its headings name) comes before the plan's last year; a
    ``result`` takes the year its text names anywhere before the number.

    Each target names the noun its number counts: the phrase before the number
    (`高新技术企业达到5万家`) or, where the number comes first, the phrase after it
    (`每年布局150项以上基础研究项目` → 基础研究项目). The year is the last deadline written
    before the number in its sentence, else in the text before it, else the plan's last year;
    `每年…` gives one target per plan year. Numbers that look damaged get a `check` line.
    """
    if isinstance(period, int):
        period = (period, period) if period else None
    first = period[0] if period else None
    out: list[dict] = []
    unused: list[str] = []
    qs = quantities(text)
    prev_end_in_sentence = -1
    prev_metric: str | None = None
    respectively: list[str] = []
    consumed = 0  # where the last target's words end (its number, or the noun after it)
    for i, q in enumerate(qs):
        s0 = _sentence_start(text, q.start)
        phrase_start = max(text.rfind(c, 0, q.start) for c in "，,。；;：:！？") + 1
        if i and consumed > phrase_start:  # `…3.5万家、2025年突破3.8万家`, `600家A和200家B`
            phrase_start = min(consumed, q.start)
        before = text[phrase_start : q.start].lstrip("、和及与")
        quote = text[phrase_start : q.end].lstrip("、和及与")
        if _qualifier(text, q):
            unused.append(text[phrase_start : q.end + 12])
            consumed = q.end
            continue
        members: list[str] = []
        if m := re.search(r"(?:各|均)(?:达到|为|不低于|不少于|超过|突破|保持在)?$", before):
            # `省工程研究中心、省企业技术中心各100家`, `A占比和B占比均达到60%`: one target each
            members = [_clean_metric(x) for x in re.split(r"、|和|及", before[: m.start()])]
            members = [x for x in members if x]
            if len(members) < 2:
                members = []
        metric = _clean_metric(before) if not members else ""
        if m := re.search(r"分别(?:达到|为|稳定在|保持在|突破|超过|不低于|不少于)?$", before):
            # `A、B分别达到100万辆和150GWh`: the numbers pair with the names in order
            names = [_clean_metric(x) for x in re.split(r"、|和|及", before[: m.start()])]
            respectively = [x for x in names if x]
            metric = respectively.pop(0) if len(respectively) > 1 else metric
            if len(respectively) < 1:
                respectively = []
        elif respectively and qs[i - 1].end >= phrase_start and not before.strip("、和及与"):
            metric = respectively.pop(0)
        after, after_end = _noun_after(text, q)
        ends_with_cmp = bool(
            re.search(r"(达到|突破|超过|不低于|不少于|不超过|控制在|稳定在|提高到|达)$", before)
        )
        if metric in CMP_WORDS:  # `每年新增50人以上`: the word says how, not what
            metric = ""
        if after and not (len(metric) > 3 and ends_with_cmp):  # `制修订不少于30项地方标准`
            metric = after
            quote = text[phrase_start:after_end].lstrip("、和及与")
        metric = metric.strip("、，")
        if metric in _GENERIC and not members and prev_metric and prev_end_in_sentence > s0:
            metric = prev_metric  # the same quantity for another year
        if q.unit in ("%", "％") and re.search(r"(增长|下降|提高|降低)$", before) and metric:
            metric = re.sub(r"年均", "", metric)
            if not metric.endswith(("增长", "下降", "提高", "降低")):
                metric += re.search(r"(增长|下降|提高|降低)$", before).group(1)
        # comparison words before the number, and 以上/左右… only after it (not 规模以上…)
        cmp = [w for w in _cmp_words(text[max(phrase_start, q.start - 14) : q.start]) if w not in _TRAILING]
        cmp += _cmp_words(text[q.start : q.end])
        checks = _damage(q, metric)
        explicit = _year_before(text, s0, q.start, first)
        years_at = [m.end() for m in _YEAR_RE.finditer(text, s0, q.start)]
        per_year = text.rfind("每年", s0, q.start) > max(years_at, default=-1)
        if per_year:
            explicit = None
        listed = [int(y) for y in re.findall(r"(20\d\d)年(?=[、和及与]20\d\d年)", before)]
        if per_year and period:
            years: list[int | None] = list(range(period[0], period[1] + 1))
        elif listed and explicit:  # `2024年、2025年分别突破2.2万亿元`
            years = [*listed, explicit]
        else:
            # a deadline set earlier in the text (`到2027年，…。…`); for a reported result, the
            # year it reports, wherever the text names it
            earlier = _year_before(text, 0, s0, None if result else first, not result)
            y = explicit or earlier or default_year or (period[1] if period else None)
            years = [y]
        for name in members or [metric or "?"]:
            for y in years:
                t: dict = {"metric": name, "value": q.value, "unit": q.unit}
                if y is not None:
                    t["year"] = y
                if q.value_max is not None:
                    t["value_max"] = q.value_max
                t["unit"] = q.unit if q.unit != "％" else "%"
                if cmp:
                    t["cmp"] = cmp
                if per_year:
                    t["note"] = "每年"
                if y is None:
                    checks = [*checks, "no year in the text and no plan period: give --period"]
                if checks:
                    t["check"] = "; ".join(checks)
                t["quote"] = quote.strip()
                out.append(t)
        prev_metric = metric or (members[-1] if members else None)
        prev_end_in_sentence = q.end
        consumed = after_end if after and metric == after else q.end
    _series_check(out)
    unused += stray_numbers(text, qs)
    for m in _YEAR_RE.finditer(text):
        if not 1949 <= int(m.group(1)) <= 2060:
            unused.append(f"year {m.group(1)} looks damaged: {text[max(0, m.start() - 8) : m.end() + 8]}")
    return out, unused


#: Shares and rates cannot pass 100%.
_SHARE_RE = re.compile(r"比重|比例|占比|率|份额|覆盖")


def _damage(q: Quantity, metric: str) -> list[str]:
    """Why a number looks damaged (a decimal point lost, digits scrambled), if it does."""
    out = []
    if q.unit in ("%", "％") and q.value > 100 and _SHARE_RE.search(metric):
        out.append(f"a share of {q.value}% is over 100%: a decimal point lost?")
    if q.value_max is not None and q.value_max <= q.value:
        out.append(f"range {q.value}–{q.value_max} runs backwards: digits scrambled?")
    return out


def _series_check(targets: list[dict]) -> None:
    """`突破3.5万家（2024）、突破3.2万家（2025）`: a level that falls while it should rise. Only
    levels (达到, 突破, 超过, 累计) are compared: a yearly amount (`再完成10.7万吨`) may fall."""
    levels = ("达到", "突破", "超过", "累计")
    by_metric: dict[str, list[dict]] = {}
    for t in targets:
        cmp = t.get("cmp") or []
        if "year" in t and t["metric"] != "?" and any(w in cmp for w in levels) and "新增" not in cmp:
            by_metric.setdefault(t["metric"], []).append(t)
    for series in by_metric.values():
        series.sort(key=lambda t: t["year"])
        for a, b in zip(series, series[1:], strict=False):
            if b["year"] > a["year"] and b["value"] < a["value"] and b["unit"] == a["unit"]:
                why = f"lower than {a['value']} of {a['year']}: digits scrambled?"
                b["check"] = f"{b['check']}; {why}" if b.get("check") else why


_WORD_NUMBER_RE = re.compile(
    r"(?:破|过|超)[百千万亿]+(?![\u4e00-\u9fff]*级)|倍增|翻一番|翻番|[百千万亿]+(?:千瓦)?级"
)
_STRAY_RE = re.compile(r"\d+(?:[.,]\d+)*")


def stray_numbers(text: str, qs: list[Quantity] | None = None) -> list[str]:
    """Numbers in ``text`` that are neither quantities nor years, dates, ordinals or names
    (`5G`, `“2+N”`, `〔2023〕5号`): reported so the reviewer can look at each."""
    qs = quantities(text) if qs is None else qs
    covered = [(q.start, q.end) for q in qs]
    out = []
    for m in _STRAY_RE.finditer(text):
        a, b = m.start(), m.end()
        if a == 0 and re.match(r"\d+\s*[.．、]", text):  # the item's own number
            continue
        if any(x <= a < y for x, y in covered):
            continue
        nxt, prv = text[b : b + 1], text[max(0, a - 1) : a]
        if nxt in ("年", "月", "日", "号", "时", "届", "期", "次") and not re.match(r"\d+次", text[a:]):
            continue
        if re.match(r"[A-Za-z+＋\-—〕\]]", nxt) or re.match(r"[A-Za-z+＋第〔\[“\"]", prv):
            continue
        if re.match(r"\d+[OoIl]|[OoIl]\d", text[max(0, a - 1) : b + 1]):
            out.append(f"letters inside a number: {text[max(0, a - 6) : b + 6]}")
            continue
        out.append(text[max(0, a - 10) : b + 6])
    for m in _WORD_NUMBER_RE.finditer(text):  # `双破千`, `过千亿`, `倍增`, `千万千瓦级`: numbers in words
        out.append(text[max(0, m.start() - 10) : m.end() + 4])
    for m in re.finditer(r"\d[OoIl]\d|(?<=\d)[OoIl](?=\d)", text):
        out.append(f"letters inside a number: {text[max(0, m.start() - 6) : m.end() + 6]}")
    return out
