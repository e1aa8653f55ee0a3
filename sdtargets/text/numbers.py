"""Numbers as the documents write them: figures with their units, years, comparison words,
unit prefixes; and a number written back as a document would write it.

Shared by the knowledge base (checking that a target's number, unit and words are in its quote),
the drafter (finding them in a new text) and the verdicts (comparing figures in base units).
"""

from __future__ import annotations

import re

#: Units as the documents write them; counting units may carry a multiplier (`1万个`, `2.5万张`).
PLAIN_UNITS = (
    "%|％|‰|个百分点|百分点|千瓦时|千瓦|吉瓦|兆瓦|GW|MW|EFlops|EFLOPS|PFlops|PFLOPS|吨标准煤|蒸吨|标准箱|标箱|"
    "平方公里|平方千米|平方米|立方米|公顷|千米|公里|亩|吨|斤|美元|元|人次|人|户|家|个|辆|台套|台|套|件|项|场|条|"
    "所|座|次|批|名|倍|款|部|张|艘|架|颗|支|只|头|篇|册|本|门|类|处|片|位|床|对|市|种|分钟|毫秒|小时|GWh|MWh|TWh|"
    "微克/立方米|天|列|岁"
)
#: A multiplier may carry `余`/`多` before the unit (`1.8万余个`, `2万多家`: more than 18000 个).
UNITS = rf"(?:万亿|千亿|亿|千万|百万|万|千)?(?:余|多)?(?:{PLAIN_UNITS})|余家|多家"
QTY_RE = re.compile(
    r"(?<![\d.A-Za-z])(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*(?:[-—–~～]|至)\s*(?P<max>\d+(?:\.\d+)?))?"
    rf"\s*(?P<more>多|余)?\s*(?P<unit>{UNITS})"
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
YEAR_RE = re.compile(r"(?<![\d])(\d{4})\s*年(?!代)")


def has_quantity(text: str) -> bool:
    """Does ``text`` state a number with a unit (a figure a goal or result would carry)?"""
    return bool(QTY_RE.search(text))


def years_in(text: str) -> list[int]:
    """Four-digit years written as `2025年` (or `2025 年`) in the text, sorted, unique."""
    return sorted({int(y) for y in YEAR_RE.findall(text) if 1900 < int(y) < 2100})


def squash(text: str) -> str:
    """Remove every whitespace character (spaces, U+3000, line breaks): the quoting rule."""
    return re.sub(r"\s+", "", text)


def written(value: float | int) -> str:
    """A number as a document writes it: `25`, `3.5`, never `25.0` or `3.5e+00`."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


#: Unit prefixes that multiply the value, longest first: 3.5 万家 → 35000 家.
MULTIPLIERS = (
    ("万亿", 10**12),
    ("千亿", 10**11),
    ("百亿", 10**10),
    ("亿", 10**8),
    ("千万", 10**7),
    ("百万", 10**6),
    ("万", 10**4),
)

#: Units converted to the unit other documents count the same quantity in, so that a timeline
#: compares like with like: grain is counted in 亿斤 by some plans and 万吨 by others (1 斤 = 0.5 kg);
#: a share written in tenths (`超过五成`, value 5, unit 成) is 50 %.
CONVERSIONS = {"斤": ("吨", 0.0005), "成": ("%", 10)}


def base_value(value: float | None, unit: str) -> tuple[float | None, str]:
    """(value in base units, base unit): (3.5, 万家) → (35000, 家); (1100, 亿斤) → (5.5e7, 吨);
    % and plain units unchanged; no value → (None, the base unit)."""
    factor = 1.0
    for prefix, times in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            factor, unit = times, unit[len(prefix) :]
            break
    if unit in CONVERSIONS:
        unit, times = CONVERSIONS[unit]
        factor *= times
    return (None if value is None else _tidy(value * factor)), unit


def _tidy(x: float) -> float | int:
    """The product of a value and its unit's factor without binary noise: 4763.4 亿元 is
    476340000000 元, not 476339999999.99994 (12 significant digits, more than any source writes)."""
    x = round(float(f"{x:.12g}"), 6)
    return int(x) if float(x).is_integer() else x


#: Words written with a number itself rather than beside it: `3900多个`, `600余场` (more than the
#: number: at least it, and as a reported figure a floor) and `前三`, `前十` (a rank within the
#: first N: at most place N, and as a reported figure a cap on the place).
NUMBER_WORDS = ("多", "余", "前")
_MORE_AFTER_RE = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万亿|千亿|亿|千万|万|千)?\s*(多|余)\s*(万亿|千亿|亿|千万|万|千)?"
)
_FIRST_N_RE = re.compile(r"前\s*(?:\d+|[一二三四五六七八九十]+)(?!季|个月|月|年|批)")


def number_words(quote: str, value: float | None, unit: str) -> list[str]:
    """The `NUMBER_WORDS` a quote writes with a target's own number: 多/余 right after it
    (`5100多亿元`, `1.8万余个` and `50余万场` alike), 前 before a rank's place (`全国前三`, unit
    位)."""
    if value is None:
        return []
    out = []
    own = base_value(value, unit)[0]
    plain = unit
    for prefix, _ in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            plain = unit[len(prefix) :]
            break
    for m in _MORE_AFTER_RE.finditer(squash(quote)):
        said = base_value(float(m.group(1)), (m.group(2) or m.group(4) or "") + plain)[0]
        if said == own and m.group(3) not in out:
            out.append(m.group(3))
    if unit == "位" and _FIRST_N_RE.search(squash(quote)):
        out.append("前")
    return out
