"""Draft extraction of items from Chinese government plan texts.

The knowledge base is curated by hand, but nobody should type 300 measures from scratch: this
module turns a plan text into *draft* YAML (headings, item boundaries, agency clauses, years and
candidate quantities) that a curator then reviews against the source. It is deliberately
rule-based and conservative: every item it emits quotes the source verbatim, and anything it is
unsure about (a target's metric, a comparison word) is left for the reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Agency clauses

#: Words that introduce the lead agencies of a clause.
LEAD_WORDS = ("牵头单位", "牵头部门")
#: Words that introduce supporting agencies; the source's word is kept on every relation.
SUPPORT_WORDS = ("配合单位", "参与单位", "责任单位")

_CLAUSE_RE = re.compile(r"[（(]\s*(牵头单位|牵头部门)\s*[：:](?P<body>[^）)]*)[）)]")
_SUPPORT_SPLIT_RE = re.compile(r"[；;，,]\s*(配合单位|参与单位|责任单位)\s*[：:]")


@dataclass
class AgencyClause:
    """One `（牵头单位：…；配合单位：…）` clause, split into its parts as the source wrote them."""

    lead_word: str
    lead: list[str]
    support_word: str | None = None
    support: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0


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
        if not name:
            continue
        if name in ("单位", "单位等") and names:
            names[-1] = names[-1] + "、单位"
            continue
        names.append(name)
    return names


def find_clauses(text: str) -> list[AgencyClause]:
    """Every agency clause in ``text`` (whitespace already removed), in order."""
    out = []
    for m in _CLAUSE_RE.finditer(text):
        body = m.group("body")
        parts = _SUPPORT_SPLIT_RE.split(body, maxsplit=1)
        lead = split_agencies(parts[0])
        clause = AgencyClause(lead_word=m.group(1), lead=lead, start=m.start(), end=m.end())
        if len(parts) == 3:
            clause.support_word = parts[1]
            clause.support = split_agencies(parts[2])
        out.append(clause)
    return out


# ---------------------------------------------------------------------------------------------
# Headings and items

_CN_NUM = "一二三四五六七八九十"
_HEADING_MARK_RE = re.compile(r"^[#\s*]+|[*\s]+$")
_TOP_RE = re.compile(rf"^[{_CN_NUM}]+、")
_SUB_RE = re.compile(rf"^[（(]\s*[{_CN_NUM}]+\s*[）)]")
_NUM_RE = re.compile(r"^(\d+)\s*[.．、]\s*")
#: Lines that end the body of a document (distribution lists after the last task).
STOP_WORDS = ("抄送：", "抄送:")
_PLAN_TITLE_RE = re.compile(r"(行动计划|重点工作任务|规划|纲要)\s*[（(]?.*[）)]?$")


def clean_line(line: str) -> str:
    """A source line without markdown marks (`#`, `**`) and surrounding whitespace."""
    return _HEADING_MARK_RE.sub("", line.strip()).strip()


def squash(text: str) -> str:
    """Remove every whitespace character (spaces, U+3000, line breaks): the quoting rule."""
    return re.sub(r"\s+", "", text)


def is_heading(text: str) -> bool:
    """A short marker line such as `（一）实施…行动。` or `二、主要任务`, carrying no clause."""
    if "牵头单位" in text or "牵头部门" in text:
        return False
    if not (_TOP_RE.match(text) or _SUB_RE.match(text)):
        return False
    body = text.rstrip("。")
    return "。" not in body and len(body) <= 40


@dataclass
class DraftItem:
    """An item as the rules see it, before review."""

    line: int
    section: list[str]
    text: str
    kind: str = "measure"
    number: str | None = None
    clause: AgencyClause | None = None


def extract(lines: list[str], start: int = 1, end: int | None = None) -> list[DraftItem]:
    """Cut lines ``start``..``end`` (1-based, inclusive) of a plan text into draft items.

    An item ends with its agency clause; a heading line closes whatever was open. Goal
    sections (`总体目标`) yield one goal item per paragraph. Lines are joined without a separator
    because the conversion broke paragraphs mid-word.
    """
    end = end or len(lines)
    items: list[DraftItem] = []
    section: list[str] = []
    buf: list[str] = []
    buf_line = 0

    def flush(kind: str) -> None:
        nonlocal buf
        text = "".join(buf)
        if kind == "text" and _NUM_RE.match(text):
            kind = "measure"  # a numbered task with no agency clause
        if text:
            items.append(_make_item(buf_line, list(section), text, kind))
        buf = []

    in_goal = False
    for no in range(start, end + 1):
        raw = lines[no - 1]
        text = clean_line(raw)
        if not text:
            continue
        if is_heading(text):
            flush("goal" if in_goal else "text")
            level = 0 if _TOP_RE.match(text) else 1
            section[:] = section[:level] + [text]
            in_goal = "总体目标" in text
            continue
        if _PLAN_TITLE_RE.search(text) and len(text) < 40 and not buf:
            section[:] = []
            continue
        if text.startswith(STOP_WORDS):
            break
        if buf and _NUM_RE.match(text):
            flush("measure")
        if not buf:
            buf_line = no
        buf.append(squash(text))
        if in_goal:
            flush("goal")
        elif find_clauses("".join(buf)):
            flush("measure")
    flush("text")
    return [it for it in items if it.kind != "text" or it.clause]


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
    for no in range(start, end + 1):
        raw = lines[no - 1]
        text = squash(raw)  # verbatim: a `**` left mid-sentence by the conversion stays
        if raw.lstrip().startswith("#"):  # a markdown heading of the conversion
            section, blank = [clean_line(raw)], True
            paragraphs.append(([(0, no)], "", section))
            continue
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
                kind = "goal" if _FUTURE_RE.search(piece) else "result"
                items.append(DraftItem(line=line, section=section, text=piece, kind=kind))
    return items


def cn_number(s: str) -> int:
    """`三` → 3, `十二` → 12, `二十一` → 21 (the numerals headings use)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in s:
        return digits.get(s, 0)
    tens, _, ones = s.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _make_item(line: int, section: list[str], text: str, kind: str) -> DraftItem:
    number = None
    if m := _NUM_RE.match(text):
        number = m.group(1)
    elif m := _SUB_RE.match(text):
        number = str(cn_number(re.sub(r"[（()）\s]", "", m.group(0))))
        if any("推进措施" in s or "保障措施" in s for s in section):
            number = "s" + number
    clauses = find_clauses(text)
    return DraftItem(
        line=line,
        section=section,
        text=text,
        kind=kind,
        number=number,
        clause=clauses[-1] if clauses else None,
    )


# ---------------------------------------------------------------------------------------------
# Years and quantities (draft only: a reviewer names the metric and checks each one)

_YEAR_RE = re.compile(r"(20\d\d)\s*年")
_QTY_RE = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)(?:\s*[-—–~～]\s*(?P<max>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>%|‰|万亿元|亿元|万元|元|万千瓦|千瓦|万吨|吨|万亩|亩|万平方米|平方米|万人次|万人|人次|人|"
    r"万户|户|万家|家|万个|个|万辆|辆|项|场|条|所|座|次|批|名|万台|台|公里|倍|款|部|张|件)"
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


def years_in(text: str) -> list[int]:
    """Four-digit years written as `2025年` (or `2025 年`) in the text, sorted, unique."""
    return sorted({int(y) for y in _YEAR_RE.findall(text)})


def draft_targets(text: str, default_year: int) -> list[dict]:
    """Candidate targets: every number with a unit, with the nearest year before it."""
    out = []
    for m in _QTY_RE.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 4]
        years = _YEAR_RE.findall(before)
        if text[m.end() : m.end() + 1] == "年":
            continue
        metric_src = re.split(r"[，。；、：]", before)[-1]
        trailing = next((w for w in _TRAILING if after.startswith(w)), "")
        cmp = _cmp_words(metric_src[-12:] + m.group(0) + trailing)
        metric = re.sub(r"(20\d\d年|力争|确保|达到|突破|超过|全省|新增|累计)", "", metric_src)
        if not metric and out and before.endswith(f"{out[-1]['quote'][-6:]}、" + metric_src):
            metric = out[-1]["metric"]  # 2024年突破3.5万家、2025年突破3.8万家: the same quantity
        t: dict = {
            "metric": metric or "?",
            "value": _num(m.group("value")),
            "unit": m.group("unit"),
            "year": int(years[-1]) if years else default_year,
        }
        if m.group("max"):
            t["value_max"] = _num(m.group("max"))
        if cmp:
            t["cmp"] = cmp
        t["quote"] = (metric_src + m.group(0) + trailing).strip()
        out.append(t)
    return out


def _cmp_words(window: str) -> list[str]:
    """The comparison words in ``window``, in text order, none inside a longer one (达 in 达到)."""
    found = [(window.find(w), w) for w in CMP_WORDS if w in window]
    found = [(i, w) for i, w in found if not any(w != v and w in v and j <= i < j + len(v) for j, v in found)]
    return [w for _, w in sorted(found)]


def _num(s: str) -> int | float:
    return float(s) if "." in s else int(s)


# ---------------------------------------------------------------------------------------------
# YAML drafting


def draft_yaml(path: Path, plan: str, start: int = 1, end: int | None = None, year: int = 0) -> str:
    """Draft YAML item blocks for lines ``start``..``end`` of ``path``, ids ``plan.N``."""
    from .yamlfmt import item_block

    lines = path.read_text(encoding="utf-8").splitlines()
    blocks = []
    counters: dict[str, int] = {}
    drafted = extract(lines, start, end)
    if not any(it.clause for it in drafted):  # no task list: a report, a speech, a plan's prose
        drafted = extract_paragraphs(lines, start, end)
    for it in drafted:
        if it.kind == "result":
            counters["r"] = counters.get("r", 0) + 1
            ident = f"{plan}.r{counters['r']}"
        elif it.kind == "goal":
            counters["goal"] = counters.get("goal", 0) + 1
            ident = f"{plan}.goal{counters['goal'] if counters['goal'] > 1 else ''}"
        else:
            counters["m"] = counters.get("m", 0) + 1
            ident = f"{plan}.{it.number or 'p' + str(counters['m'])}"
        item: dict = {"id": ident, "plan": plan, "kind": it.kind, "section": it.section}
        item["line"] = it.line
        item["text"] = it.text
        if it.clause:
            item["lead"] = it.clause.lead
            if it.clause.lead_word != "牵头单位":
                item["lead_word"] = it.clause.lead_word
            if it.clause.support:
                item["support"] = it.clause.support
                item["support_word"] = it.clause.support_word
        targets = draft_targets(it.text, year)
        if targets:
            item["targets"] = targets
        blocks.append(item_block(item))
    return "\n".join(blocks)
