"""Counts a report writes as an ordinal or a duration, which the rules for a number before its unit
miss (the ordinal's `第` marks a number that is no amount): `潍柴柴油机热效率第四次刷新世界纪录` (the
fourth time: 4 次), `烟台成为我省第3个万亿级城市` (the province now has 3), `再延长30年` (a term
extended by 30 years). A meeting's or a census's number (`第二次会议`, `第四次全国文物普查`) is a
name, not a count.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_N = r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})"
#: `X第四次刷新世界纪录`: the subject, the ordinal, what it did for the nth time.
_NTH_TIME_RE = re.compile(
    rf"(?P<subject>[^，,。；;：:、！？]{{2,16}}?)第{_N}次(?P<what>[^，,。；;：:、！？]{{2,12}})"
)
#: A name, not a count: `第二次会议`, `第八次月度协商会`, `第四次全国文物普查`, `第三次全会`.
_TITLE_RE = re.compile(r"会|普查|代表|论坛|峰会")
#: `成为我省第3个万亿级城市`: what the subject became the nth of; the count of them is n.
_BECAME_NTH_RE = re.compile(
    rf"成为[^，,。；;：:、！？第]{{0,4}}第{_N}(?P<cls>个|家|座)(?P<noun>[^，,。；;：:、！？]{{2,12}})"
)
#: `到期后再延长30年`: a term extended by so many years.
_EXTENDED_RE = re.compile(rf"(?P<what>[^，,。；;：:、！？]{{2,30}}?延长){_N}年")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _number(n: str) -> int:
    """`4`, `四`, `十一`, `二十` as a number."""
    if n.isdigit():
        return int(n)
    if "十" in n:
        tens, _, ones = n.partition("十")
        return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)
    return _CN.get(n, 0)


def states_count(text: str) -> bool:
    """Does ``text`` write a count as an ordinal or a duration (a piece of a report to keep as an
    item, though it has no number before a unit: `启动…到期后再延长30年试点。`)?"""
    return bool(
        _EXTENDED_RE.search(text)
        or _BECAME_NTH_RE.search(text)
        or any(not _TITLE_RE.search(m.group("what")) for m in _NTH_TIME_RE.finditer(text))
    )


def ordinal_counts(
    text: str, year_at: Callable[[int], int | None], clean: Callable[[str], str]
) -> list[dict]:
    """The counts ``text`` writes as ordinals or durations, as targets; ``year_at`` gives the year
    of a figure written at a place, ``clean`` takes the lead-in words off a name (`稳妥推进…`)."""
    out: list[dict] = []

    def add(metric: str, value: int, unit: str, at: int, end: int) -> None:
        if len(metric) < 2 or not value:
            return
        t: dict = {"metric": metric, "value": value, "unit": unit}
        if (year := year_at(at)) is not None:
            t["year"] = year
        t["quote"] = text[max(text.rfind(c, 0, at) for c in "，,。；;：:！？、") + 1 : end]
        out.append(t)

    for m in _NTH_TIME_RE.finditer(text):  # `潍柴柴油机热效率第四次刷新世界纪录`: 4 次
        if not _TITLE_RE.search(m.group("what")):
            add(
                clean(m.group("subject")) + m.group("what") + "次数",
                _number(m.group("n")),
                "次",
                m.start("n"),
                m.end(),
            )
    for m in _BECAME_NTH_RE.finditer(text):  # `烟台成为我省第3个万亿级城市`: 3 个 now
        add(clean(m.group("noun")), _number(m.group("n")), m.group("cls"), m.start("n"), m.end())
    for m in _EXTENDED_RE.finditer(text):  # `第二轮土地承包到期后再延长30年`
        add(clean(m.group("what")) + "年限", _number(m.group("n")), "年", m.start("what"), m.end())
    return out
