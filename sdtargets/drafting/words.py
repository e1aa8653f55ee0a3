"""How a report words its figures: numbers in words, not digits (`旅游收入破万亿`, `超千亿元`,
`连续四年优秀`, `实现翻番`), which a reader cites as figures (CURATING: a number written in words is
no damage: `value` is the number, the words stay in the quote) and the rules for numbers in digits
miss; and the short forms of the statistics' indicator names (`规上工业增加值`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..kb.checks import UNIT_NOT_WRITTEN
from ..text.numbers import QTY_RE

#: `破万亿`, `首次突破万亿元`, `超千亿元`: a round amount in 亿元.
_ROUND_RE = re.compile(
    r"(?P<cmp>首次突破|突破|超过|超|破|过)(?P<n>万亿|千亿|百亿)元?(?![\u4e00-\u9fff]*级|[县市])"
)
_ROUND = {"万亿": 10000, "千亿": 1000, "百亿": 100}
#: `耕地面积连续四年净增加`, `考核连续四年优秀`: how many years running.
_RUN_RE = re.compile(r"连续(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})年(?P<what>[^，,。；;、\d]{1,8})")
#: `“十一连冠”`, `“五连冠”`: a title won so many times running.
_STREAK_RE = re.compile(r"“?(?P<n>[一二两三四五六七八九十]{1,3})连冠”?")
#: `实现翻番`, `翻一番`: twice the base.
_DOUBLE_RE = re.compile(r"(?:实现)?(?:翻一番|翻番)")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


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
    for m in _STREAK_RE.finditer(text):  # `命名实现“十一连冠”`, `勇夺全运会“五连冠”`
        name = re.sub(r"勇夺|夺得|获得|实现|“|”", "", text[_clause_start(text, m.start()) : m.start()])
        if (n := _cn(m.group("n"))) and (name := clean(name)):
            add(m.start(), m.end(), f"{name}连冠次数", n, "连冠", [])
    for m in _DOUBLE_RE.finditer(text):
        at = _clause_start(text, m.start(), "，,。；;：:！？、")
        add(m.start(), m.end(), clean(text[at : m.start()]), 2, "倍", [], "为基期倍数")
    return out


#: `接续推出四批政策清单`, `提速五大清洁能源基地建设`, `济宁4大机器人产业基地`: a count of batches
#: or of named parts, in words or digits (`一批`, `一大批` mean "some"; `二十大` is a congress;
#: `“十大工程”`, `全国十大…` name a title; `三大球` is a game).
_COUNTED_IN_WORDS_RE = re.compile(
    r"(?<![第“\d一二两三四五六七八九十])(?P<n>[二两三四五六七八九十]|[2-9]|10)(?P<cls>批|大)"
    r"(?P<noun>[^，,。；;：:、“”（）()\d]{2,16})"
)
#: Where a counted noun ends: a conjunction or the verb after it (`…基地建设`, `…引领区示范带动`).
_NOUN_END_RE = re.compile(r"和|及|等|与|以|为|的|对接|建设|示范|带动|加快|壮大|发展|提质|提升|落地|成效|中")
_CLASSIFIER_UNIT = {"批": "批", "大": "个"}
#: `建成济南、青岛两个国家级互联网骨干直联点`, `养老、医疗、失业、工伤、生育五项社会保险`: a count in
#: words right after the names it counts (never an ordinal: `第二个`).
_ENUMERATED_RE = re.compile(
    r"(?P<names>[^，,。；;：:、“”（）()\d]{1,12}(?:、[^，,。；;：:、“”（）()\d]{1,12})+)"
    r"(?<!第)(?P<n>[两二三四五六七八九十])(?P<cls>个|家|项|所|座|条)"
    r"(?P<noun>[^，,。；;：:、“”（）()\d]{2,16})"
)
#: `勇夺8金9银6铜`, `获得4金2银好成绩`: medals, each colour a figure.
_MEDALS_RE = re.compile(r"(?P<金>\d+)金(?P<银>\d+)银(?:(?P<铜>\d+)铜)?")


def counted_in_words(text: str, year_at: Callable[[int], int | None]) -> list[dict]:
    """Counts a report writes with a classifier and no unit of measure: `四批政策清单` (4 批),
    `五大清洁能源基地` (5 个, the unit noted as unwritten), a count in words of the names before it
    (`济南、青岛两个国家级互联网骨干直联点`: 2 个, as many as are named), and medals `8金9银6铜`
    (金牌 8 金, 银牌 9 银, 铜牌 6 铜, named by the event the clause names: `在巴黎奥运会、残奥会上勇夺…`);
    ``year_at`` gives the year of a figure written at a place."""
    out: list[dict] = []

    def add(metric: str, value: int, unit: str, at: int, end: int) -> None:
        t: dict = {"metric": metric, "value": value, "unit": unit}
        if (year := year_at(at)) is not None:
            t["year"] = year
        t["quote"] = text[_clause_start(text, at) : end]
        if unit not in t["quote"]:
            t["note"] = f"{UNIT_NOT_WRITTEN}：“{text[at:end]}”即{value}{unit}"
        out.append(t)

    for m in _COUNTED_IN_WORDS_RE.finditer(text):
        noun = m.group("noun")
        if cut := _NOUN_END_RE.search(noun, 1):
            noun = noun[: cut.start()]
        if m.group("cls") == "大" and (
            noun.startswith("球") or text[max(0, m.start() - 2) : m.start()] == "全国"
        ):
            continue
        if len(noun) >= 2 and (n := _cn(m.group("n"))):
            add(noun, n, _CLASSIFIER_UNIT[m.group("cls")], m.start(), m.end("cls") + len(noun))
    for m in _ENUMERATED_RE.finditer(text):
        # as many names listed as the count says: the count is of them (3 names and `八项` is not)
        listed = re.split(r"、|和|及", m.group("names"))
        noun = m.group("noun")
        if cut := _NOUN_END_RE.search(noun, 1):
            noun = noun[: cut.start()]
        if len(noun) >= 2 and len(listed) == _cn(m.group("n")):
            add(noun, _cn(m.group("n")), m.group("cls"), m.start("n"), m.end("cls") + len(noun))
    for m in _MEDALS_RE.finditer(text):
        clause = text[_clause_start(text, m.start()) : m.start()]
        event = re.search(r"在(?P<e>.{2,24}?)(?:上|中)", clause)
        name = event.group("e") if event else ""
        for colour, medal in (("金", "金牌"), ("银", "银牌"), ("铜", "铜牌")):
            if m.group(colour):
                add(name + medal, int(m.group(colour)), colour, m.start(colour), m.end())
    return out


def statistics_name(metric: str, unit: str = "") -> str:
    """A report's figure named as the statistics name it (`规上工业增加值增长` → 规模以上工业增加值增长,
    `高铁里程` → 高速铁路通车里程): a report cites the statistical communiqué's indicators in short
    forms; a task list names its own indicators, and other nouns (`规上服务业企业`) stay as written."""
    metric = _STAT_NAME_RE.sub(lambda m: _STAT_NAMES[m.group(0)], metric)
    # a concentration's `改善` is its fall (`PM2.5浓度改善5.1%`)
    metric = re.sub(r"浓度改善$", "浓度下降", metric)
    # a change the report writes `提升` is named `提高`, as the vocabulary names changes; a count of
    # works (`11条骨干河道防洪提升`) is no change
    if unit and unit not in ("%", "％", "个百分点", "百分点"):
        return metric
    return re.sub(r"提升$", "提高", metric)


#: Short forms reports use for the statistics' names of indicators (the quote keeps the short form).
_STAT_NAMES = {
    "规上工业增加值": "规模以上工业增加值",
    "高铁通车里程": "高速铁路通车里程",
    "高铁里程": "高速铁路通车里程",
    "高速公路里程": "高速公路通车里程",
    "高铁运营里程": "高速铁路通车里程",  # a road's or railway's 运营里程 is the statistics' 通车里程
    "高速公路运营里程": "高速公路通车里程",
    "研发投入": "研发经费投入",
    "实际使用外资": "实际利用外资",
    "粮食总产量": "粮食产量",
    "粮食总产": "粮食产量",
}
_STAT_NAME_RE = re.compile("|".join(sorted(_STAT_NAMES, key=len, reverse=True)))


#: A clause naming the measure a run of figures shares, without a figure of its own:
#: `高新技术产品产量大幅增长，集成电路圆片增长19.2%，锂电池增长103.1%`.
_CARRIED_RE = re.compile(
    r"(产量|产值|销量|营业收入|营收|出口额|出口)(?:大幅|较快|快速|稳步|持续|明显)?增长[，,]"
)
#: Names that say their measure already (`…产量增长`, `…增加值增长`, `…率`).
_MEASURED_RE = re.compile(r"(?:量|值|额|收入|营收|投资|规模|率|比重|占比|人数|数)增长$")


def carried_measure(text: str, spots: list[tuple[int, dict]]) -> None:
    """`高新技术产品产量大幅增长，集成电路圆片增长19.2%`: a sentence that names the measure first
    (产量) and then lists products growing gives each growth that measure (集成电路圆片产量增长)."""
    for at, t in spots:
        metric = t["metric"]
        if not metric.endswith("增长") or t["unit"] != "%" or _MEASURED_RE.search(metric):
            continue
        s0 = _clause_start(text, at, "。；;！？")
        named = list(_CARRIED_RE.finditer(text, s0, at))
        if (
            named
            and (m := named[-1])
            and not re.search(r"\d", text[_clause_start(text, m.start()) : m.end()])
        ):
            t["metric"] = metric.removesuffix("增长") + m.group(1) + "增长"


#: `…专项整治惠及140万户群众`, `…改造惠及群众106万户`: a figure of those a measure reached.
_REACHED_RE = re.compile(r"惠及(?:群众|居民)?$")


def beneficiaries(text: str, spots: list[tuple[int, dict]], clean: Callable[[str], str]) -> None:
    """A figure after `惠及` counts those the measure before it reached: named by the measure and
    what is counted, households (户数), people (人数) or the noun after it (`惠及700多家企业` →
    …惠及企业), not by `群众`: `“非直供电小区”改造惠及群众106万户` → “非直供电小区”改造惠及户数."""
    for at, t in spots:
        before = text[_clause_start(text, at) : at]
        if not (m := _REACHED_RE.search(before)) or len(measure := clean(before[: m.start()])) < 2:
            continue
        unit = t["unit"]
        counted = "户数" if unit.endswith("户") else "人数" if unit.endswith(("人", "人次")) else t["metric"]
        t["metric"] = measure + "惠及" + counted.removeprefix(measure + "惠及")


#: `全网用电负荷129天超1亿千瓦`: on so many days the subject passed a mark (the mark's figure, if
#: any, is the subject's own).
_DAYS_OVER_RE = re.compile(r"(?P<over>(?:超过|突破|超|破|高于|低于)[^，,。；;、！？]*)")


def days_over(text: str, spots: list[tuple[int, dict]], clean: Callable[[str], str]) -> None:
    """A count of days followed by a mark passed (`全网用电负荷129天超1亿千瓦`) counts the days the
    subject before it passed that mark: 全网用电负荷超1亿千瓦天数 (129 天); the mark's own figure is
    the subject's (全网用电负荷 1 亿千瓦), not the days'."""
    for at, t in spots:
        if t["unit"] != "天":
            continue
        number = QTY_RE.match(text, at)
        s0 = _clause_start(text, at, "，,。；;！？、")
        subject = clean(text[s0:at])
        if not number or len(subject) < 2 or not (m := _DAYS_OVER_RE.match(text, number.end())):
            continue
        over = m.group("over")
        if mark := QTY_RE.search(over):  # `超1亿千瓦考验`: up to the mark's figure
            over = over[: mark.end()]
            for at2, t2 in spots:
                if at2 == m.start() + mark.start():
                    t2["metric"] = subject
        t["metric"] = subject + over + "天数"
