"""Figures a report writes in words, not digits: `旅游收入破万亿`, `超千亿元`, `连续四年优秀`,
`实现翻番`. A reader cites each as a figure (CURATING: a number written in words is no damage:
`value` is the number, the words stay in the quote); the rules for numbers in digits miss them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..kb.checks import UNIT_NOT_WRITTEN

#: `破万亿`, `首次突破万亿元`, `超千亿元`: a round amount in 亿元.
_ROUND_RE = re.compile(
    r"(?P<cmp>首次突破|突破|超过|超|破|过)(?P<n>万亿|千亿|百亿)元?(?![\u4e00-\u9fff]*级|[县市])"
)
_ROUND = {"万亿": 10000, "千亿": 1000, "百亿": 100}
#: `耕地面积连续四年净增加`, `考核连续四年优秀`: how many years running.
_RUN_RE = re.compile(r"连续(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})年(?P<what>[^，,。；;、\d]{1,8})")
#: `实现翻番`, `翻一番`: twice the base.
_DOUBLE_RE = re.compile(r"(?:实现)?(?:翻一番|翻番)")
_CN = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _cn(n: str) -> int:
    if n.isdigit():
        return int(n)
    if len(n) == 2 and n[0] == "十":
        return 10 + _CN[n[1]]
    if len(n) == 2 and n[1] == "十":
        return _CN[n[0]] * 10
    return _CN.get(n, 0)


def _clause_start(text: str, at: int, stops: str = "，,。；;：:！？") -> int:
    return max(text.rfind(c, 0, at) for c in stops) + 1


def word_figures(
    text: str, spots: list[tuple[int, dict]], year: int | None, clean: Callable[[str], str]
) -> list[dict]:
    """A result's figures written in words, as targets. The name is the words before them in
    their clause (cleaned by ``clean``), else the figure just before them in the sentence
    (`发明专利授权量累计26.2万件、实现翻番`); a figure whose name cannot be found is left out."""
    out: list[dict] = []

    def add(at: int, end: int, name: str, value: int, unit: str, cmp: list[str], suffix: str = "") -> None:
        s0 = _clause_start(text, at, "。；;！？")
        if not name or re.search(r"\d", name):
            prior = [t for pos, t in spots if s0 <= pos < at]
            name = prior[-1]["metric"] if prior else ""
        if not name:
            return
        t: dict = {"metric": name + suffix, "value": value, "unit": unit}
        if year is not None:
            t["year"] = year
        if cmp:
            t["cmp"] = cmp
        t["quote"] = text[_clause_start(text, at) : end]
        if unit not in t["quote"]:  # `旅游收入破万亿`, `实现翻番`: validate asks for the words
            t["note"] = f"{UNIT_NOT_WRITTEN}：“{text[at:end]}”即{value}{unit}"
        out.append(t)

    for m in _ROUND_RE.finditer(text):
        name = clean(text[_clause_start(text, m.start()) : m.start()])
        cmp = [w for w in ("突破", "超过", "超") if m.group("cmp").endswith(w)][:1]
        add(m.start(), m.end(), name, _ROUND[m.group("n")], "亿元", cmp)
    for m in _RUN_RE.finditer(text):
        if not (n := _cn(m.group("n"))):
            continue
        name = clean(text[_clause_start(text, m.start()) : m.start()])
        what = re.sub(r"^(?:保持|实现|获得|获)", "", m.group("what"))
        add(m.start(), m.end(), name and f"{name}连续{what}年数", n, "年", [])
    for m in _DOUBLE_RE.finditer(text):
        at = _clause_start(text, m.start(), "，,。；;：:！？、")
        add(m.start(), m.end(), clean(text[at : m.start()]), 2, "倍", [], "为基期倍数")
    return out
