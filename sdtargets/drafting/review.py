"""A work report's review (`一、2024年工作回顾`): the year it reviews and the topics it reports under.

A report reviews one year (or a five-year plan's years) and then plans the next. The results it
reports belong to the year its review heading states, not to the report's own year named in its
title line, front matter and opening; and a reviewer cites them under the review's topic
sentences (`（一）产业升级成效显著。`, `一是扎实抓好….`, `——经济综合实力实现新跃升。`).
"""

from __future__ import annotations

import re

from ..text.numbers import squash

_CN_NUM = "零一二三四五六七八九十"

#: A review's topic sentence opening a paragraph: `（一）产业升级成效显著。`, `一是扎实抓好….`.
REVIEW_TOPIC_RE = re.compile(rf"^(?:\*\*)?(?:[（(][{_CN_NUM}]+[）)]|[{_CN_NUM}]+是|——)[^。！？]{{2,40}}。")
#: A review paragraph that starts its account over, under no topic: `过去一年，…`, `五年来，…`.
REVIEW_RESTART_RE = re.compile(r"^(?:\*\*)?(?:一年来|过去一年|过去五年|五年来)")
#: A review's heading: `一、2024年工作回顾`, `2025年及“十四五”时期工作回顾`; its year is the year reviewed.
_REVIEW_HEADING_RE = re.compile(rf"^(?:[{_CN_NUM}]+[、.．]\s*)?(20\d\d)年(?:及[^，。]{{0,12}}时期)?工作回顾")


def review_heading_year(section: list[str]) -> int | None:
    """The year a review's heading states (`一、2024年工作回顾` → 2024): the year of the results
    under it, unless a paragraph's opening names another year or a five-year plan. Only a heading
    that *is* a review's counts, not one that mentions it (a file's title line `…含“2024年工作回顾”`)."""
    for title in section:
        if m := _REVIEW_HEADING_RE.match(squash(title)):
            return int(m.group(1))
    return None


#: Five-year plans a review may turn to, with their years.
_PLANS = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
#: A review paragraph turning to several years: `五年来，`, `过去五年`, `“十四五”时期，`.
_MULTI_YEAR_RE = re.compile(r"(五|三|两)年来|过去(五|三|两)年|这(五|三|两)年|(十[三四五])五”?(?:时期|以来)")
_COUNT = {"五": 5, "三": 3, "两": 2}


def review_span(text: str, year: int | None) -> tuple[int, int] | None:
    """The years a review paragraph turns to in its opening (its first two sentences): a five-year
    plan's (`“十四五”时期` → 2021–2025) or the years up to the one reviewed (`五年来，` in a review
    of 2025 → 2021–2025). The figures under it report those years, not the year reviewed alone."""
    address = re.sub(r"^(?:\*\*)?各位代表[！!]", "", squash(text))  # `各位代表！` opens, says nothing
    opening = "".join(re.split(r"(?<=[。！？])", address)[:2])
    if not (m := _MULTI_YEAR_RE.search(opening)):
        return None
    if m.group(4):
        return _PLANS.get(m.group(4) + "五")
    n = _COUNT[next(g for g in m.groups() if g)]
    return (year - n + 1, year) if year else None


#: A judgement of progress closing a sentence's opening clause (`加快发展`, `持续提升`, `明显改善`).
_PROGRESS = (
    r"(?:持续|加快|明显|显著|稳步|不断|深入|全面|大幅|繁荣|突破|顺利|基本|进一步)[^，。；\d]{0,4}"
    r"|驶入快车道|撑起[^，。]{0,8}|成效(?:显著|明显)|优势彰显"
)
#: A sentence opening a review's topic: a short clause without figures that judges a field's
#: progress before the figures that show it (`现代服务业加快发展，净增…`, `外经外贸持续提升，…`).
_TOPIC_CLAUSE_RE = re.compile(rf"(?<=。)(?:\*\*)?[^，,。；;：:\d（）()\s*]{{4,14}}?(?:{_PROGRESS})(?=[，,])")


def topic_clause_starts(text: str) -> list[int]:
    """Where a review paragraph turns to a new field: each sentence opening with a clause that
    judges a field's progress, but not the one right after the paragraph's own topic sentence
    (`（三）绿色转型实现突破。能源绿色低碳转型示范区加快建设，…` is one topic)."""
    head = REVIEW_TOPIC_RE.match(text)
    return [m.start() for m in _TOPIC_CLAUSE_RE.finditer(text) if not (head and head.end() == m.start())]


#: A web page's buttons saved with its text (`下载`, `打印`, `【字号：`, `加大`…): no words of the report.
_PAGE_CHROME = frozenset(
    "下载 打印 全屏 收藏 分享 【字号： 【字号: 加大 还原 减小 】 关闭窗口 打印本页 关闭".split()
)


def front_matter(lines: list[str]) -> list[int]:
    """The lines (1-based) before a report's words that are no part of them: the sources'
    provenance line (`# 标题：… | 发文机关：… | 日期：…`), a front matter between `---` lines, and a
    saved page's buttons. None of them is an item or a heading of one."""
    out: list[int] = []
    fence = False
    for no, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# 标题：") and " | " in line:
            out.append(no)
        elif line == "---" and (fence or not _content_before(lines, no, out)):
            fence = not fence
            out.append(no)
        elif fence or line in _PAGE_CHROME:
            out.append(no)
        else:
            break
    return out


def _content_before(lines: list[str], no: int, skipped: list[int]) -> bool:
    return any(lines[k - 1].strip() and k not in skipped for k in range(1, no))
