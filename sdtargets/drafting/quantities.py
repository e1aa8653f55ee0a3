"""Quantities in a plan's text, drafted as targets: the number, its unit, the noun it counts,
its year, its comparison words; and the numbers that look damaged or that no rule used.

A draft is for review: a number the rules cannot place is reported, never guessed, and a number
that looks damaged (a decimal point lost, digits scrambled) gets a `check` line, never a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.numbers import CMP_WORDS, QTY_RE, YEAR_RE
from .ordinals import ordinal_counts
from .ranks import GENERIC
from .ranks import ranks as _ranks
from .words import beneficiaries, carried_measure, counted_in_words, days_over, word_figures

#: Comparison words that follow the number they qualify (3.5万家以上).
_TRAILING = ("以上", "以下", "以内", "左右")
#: A year that is a baseline, not a deadline: `比2020年提高`, `较2022年下降`.
_BASELINE_BEFORE = ("比", "较", "与", "从", "由", "同比")
#: Words at the head of the phrase before a number that are not part of what it counts.
_LEAD_IN_WORDS = (
    "其中 今年 预计 力争 确保 争取 共计 到 全省 全市 全年 年底 年末 每年 "
    "两年内 三年内 两年 三年 五年 年内 累计 共 再 "
    "新培育认定 培育认定 培育建设 组织实施 吸引集聚 新集聚 汇聚 稳妥推进 推进 启动 成功应对 应对 "
    "新组建 提供 建设 建成 新建成 培育 打造 新打造 "
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
    r"增长到|降低到|下降到|提升至|提高至|下降至|降低至|增长至|降至|增至|降到|增加到|增加至|缩小至|缩小到|减少到|减少至|"
    r"保持在|累计|年均|总数|分别|各|为|至|到)+$"
)
_DELIMS = "，,。；;：:、！？（）()"
#: Metrics that only point back at the quantity just named (`…比重提高3个百分点，占比超过50%`).
_GENERIC = GENERIC


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
    for m in QTY_RE.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "第":
            continue  # an ordinal
        unit = m.group("unit")
        value = _num(m.group("value"))
        if unit in ("余家", "多家"):
            unit = "家"
        elif more := re.match(r"(万|千)(?:余|多)", unit):
            # `1.8万余个`, `2万多家`: the count in its counting unit (CURATING: `6万余人次` → 60000 人次)
            value, unit = _tidy_value(value * (10000 if more.group(1) == "万" else 1000)), unit[more.end() :]
        elif re.match(r"[亿千百万]+(?:余|多)", unit):
            unit = re.sub(r"余|多", "", unit)
        trailing = next((w for w in _TRAILING if text.startswith(w, m.end())), "")
        q = Quantity(m.start(), m.end() + len(trailing), value, unit, trailing=trailing)
        if m.group("max"):
            q.value_max = _num(m.group("max"))
        out.append(q)
    return out


def _tidy_value(x: float) -> int | float:
    return int(round(x)) if abs(x - round(x)) < 1e-9 else round(x, 6)


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
    for m in YEAR_RE.finditer(text, lo, hi):
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
    # `扩建老岚水库等水源型水库`: the names before `等` are examples of what is counted
    if (m := _EXAMPLES_RE.search(phrase)) and len(phrase) - m.end() >= 3:
        phrase = phrase[m.end() :]
    # `出口首次突破`, `中欧班列累计开行超`: when and how it was counted, not what (累计 is in cmp)
    return re.sub(r"(?<=.{2})(?:首次|累计|预计)", "", phrase)


#: A list's `等` (`老岚水库等`), not the 等 of a word (`高等`, `同等`, `一等奖`, `等级`).
_EXAMPLES_RE = re.compile(r"(?<![高同平中初对均优上下一二三四五六七八九十])等(?![级于同待候])")


def _noun_after(text: str, q: Quantity) -> tuple[str, int]:
    """The noun phrase a number counts when it comes first (`布局150项以上基础研究项目`), and
    where in ``text`` the words it was taken from end (0 when there is none)."""
    rest = text[q.end :]
    if lead := QTY_RE.match(rest):  # `383台35蒸吨/小时及以下燃煤锅炉`: skip the qualifying number
        rest = re.sub(
            r"^(?:/[^\d，。；及以的]{1,3})?(?:及|以)?(?:以上|以下|以内)?的?", "", rest[lead.end() :]
        )
    m = re.match(rf"[^{_DELIMS}]{{1,30}}", rest)
    if not m:
        return "", 0
    phrase = m.group(0)
    clause = re.match(r"[^，,。；;！？]{1,40}", rest)
    if clause and "的" in clause.group(0)[1:] and not QTY_RE.search(clause.group(0)):
        # `打造20个以上面广量大、社会获得感强的无证明应用场景`: the noun follows the last 的
        tail = clause.group(0).rsplit("的", 1)[1]
        phrase = re.match(rf"[^{_DELIMS}]*", tail).group(0) or phrase
    if phrase.startswith("的") and q.unit in ("%", "％"):  # `80%以上的设区市`: a share of them
        phrase = phrase[1:]
    phrase = re.split(r"(?:和|及|与|以及|、)(?=\d)", phrase)[0]
    phrase = re.split(r"达到|突破(?!性)|实现|超过|，|的比重|占比", phrase)[0]  # not `突破性新品种`
    at = text.find(phrase, q.end)
    end = at + len(phrase) if at >= 0 else q.end
    phrase = re.sub(r"^(.{2,}?)(?:提供|进行|开展)(?=.{2,})", r"\1", phrase)  # `残疾儿童提供康复救助服务`
    phrase = re.sub(r"(?<=.{2})建设$", "", phrase)  # `6条续建高铁建设`: the lines counted, not the work
    if phrase[:1] in ("的", "年", "月", "日", "级", "量", "等"):
        return "", 0
    if (v := _COUNTED_DID_RE.search(phrase, 2)) and not _COUNTED_DID_RE.match(phrase):
        # `148个行业大模型规模化应用`, `35家村镇银行完成改革任务`: the number counts the noun
        # before the verb; a noun too general to stand alone (`3家单位获中国质量奖`) keeps it
        noun, did = phrase[: v.start()], phrase[v.start() :]
        # winners and entrants are one name, as the base writes them: 获中国质量奖单位 (获 for 获得,
        # 荣获), 参加境内外展会企业; other relative names keep 的 (纳入…清单的成果)
        did = re.sub(r"^(?:获得|荣获)", "获", did)
        phrase = noun if len(noun) > 2 else did + ("" if _ENTRANTS_RE.match(did) else "的") + noun
    if m := re.match(r"(县|村|行政村|乡镇|领域)([^的]{2,}(?:行动|工作|治理|试点))$", phrase):
        phrase = m.group(2) + m.group(1)  # `30个县高效特色设施农业提升行动`: the counties of that work
    if not re.match(r"[\u4e00-\u9fff“\"《A-Za-z]", phrase):
        return "", 0
    return phrase, end


#: Projects named by how far they are, not by what they build (`34个续建项目`).
_GENERIC_PROJECTS_RE = re.compile(r"(在建|续建|新开工|开工)?项目")
#: A sentence opening with its field (`高速公路，…`, `公路方面，…`).
_FIELD_RE = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:方面)?，")
#: Units of a count of things (a count of what did something, never a threshold).
_COUNT_UNITS = ("个", "家", "项", "座", "条", "所", "户")
#: What a counted noun did, when the verb follows it (`行业大模型规模化应用`, `成果在全国推广`).
_COUNTED_DID_RE = re.compile(
    r"完成|荣获|获得|获|入选|入围|参加|参与|参照|纳入|落地|在全国|建成|投产|加快|扎实|规模化|投入|实现|增加"
)

#: What winners and entrants did (`获…奖`, `入选`, `入围`, `参加`, `参与`): their name takes no 的.
_ENTRANTS_RE = re.compile(r"获|入选|入围|参加|参与")


def _qualifier(text: str, q: Quantity) -> bool:
    """A number that qualifies what another number counts (`营业收入5000万元以上的企业`,
    `1亿元以上规上工业企业研发机构覆盖率达到70%`, `投资500万元以上技术改造项目1万个`): not a
    target of its own. A share (`80%以上的设区市…达到…`) is a target."""
    rest = text[q.end :]
    if q.unit in ("%", "％", "分钟", "小时", "毫秒"):  # a share, or a `15分钟…圈`
        return False
    if rest.startswith("的"):  # `5000万元以上的企业`, but not `不少于100亿元的基金`
        return not re.search(r"(不少于|不低于|达到|超过|突破|总规模|规模)$", text[: q.start])
    if rest.startswith("/"):  # a rate: `35蒸吨/小时及以下`
        return True
    m = re.match(rf"[^{_DELIMS}]{{1,40}}", rest)
    if not m:
        return False
    nxt = QTY_RE.search(m.group(0))
    if nxt and q.unit in _COUNT_UNITS and re.search(r"完成|增加|实现|带动", m.group(0)[: nxt.start()]):
        return False  # `211个涉海重点项目完成投资超800亿元`: a count of its own, then what they did
    # a number that another follows with words between (`500万元以上技术改造项目1万个`); one
    # followed at once by another (`383台35蒸吨/小时…锅炉`) is the count, the other qualifies it
    return bool(nxt and nxt.start() >= 2 and not re.search(r"和|及|与|以及|、", m.group(0)[: nxt.start()]))


def draft_targets(
    text: str,
    period: tuple[int, int] | int | None,
    default_year: int | None = None,
    result: bool = False,
    span: tuple[int, int] | None = None,
) -> tuple[list[dict], list[str]]:
    """Candidate targets of an item text, and the numbers it saw but did not make targets of.

    ``default_year`` (the year its headings name) comes before the plan's last year; a
    ``result`` takes the year its text names anywhere before the number. A result of a review's
    account of several years (``span``, `五年来，…`) reports those years: a change or a total over
    them carries the span, `每年…` gives a figure for each of them.

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
    spots: list[tuple[int, dict]] = []  # (where its number stands, target)
    baseline: dict | None = None  # `由X增至Y`: X, for Y
    from_metric = ""
    for i, q in enumerate(qs):
        s0 = _sentence_start(text, q.start)
        phrase_start = max(text.rfind(c, 0, q.start) for c in "，,。；;：:！？") + 1
        if i and consumed > phrase_start:  # `…3.5万家、2025年突破3.8万家`, `600家A和200家B`
            phrase_start = min(consumed, q.start)
        before = text[phrase_start : q.start].lstrip("、和及与")
        quote = text[phrase_start : q.end].lstrip("、和及与")
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        start_at = re.search(r"(?:由|从)(?:(20\d\d)年(?:底|末)?的?)?$", text[phrase_start : q.start])
        if nxt and start_at and _FROM_TO_RE.fullmatch(text[q.end : nxt.start]) and nxt.unit == q.unit:
            # `由(2020年的)2110公里增至3055公里`: the first number is where the second started from
            base_year = start_at.group(1)
            baseline = {"value": q.value, **({"year": int(base_year)} if base_year else {})}
            from_metric = _clean_metric(text[phrase_start : phrase_start + start_at.start()])
            continue  # its words belong to the second number's quote
        if _qualifier(text, q):
            unused.append(text[phrase_start : q.end + 12])
            consumed = q.end
            continue
        members: list[str] = []
        if m := re.search(rf"(?:各|均)(?:达到|为|不低于|不少于|超过|突破|保持在|{_GROWTH})?$", before):
            # `省工程研究中心、省企业技术中心各100家`, `A占比和B占比均达到60%`: one target each
            members = [_clean_metric(x) for x in _list_members(before[: m.start()])]
            members = _share_tail([x for x in members if x], m.group(0))
            if len(members) < 2:
                members = []
        metric = _clean_metric(before) if not members else ""
        m = re.search(rf"分别(?:达到|为|稳定在|保持在|突破|超过|不低于|不少于|{_GROWTH})?$", before)
        if m or (m := _RESPECTIVE_OBJECT_RE.search(before)):
            # `A、B分别达到100万辆和150GWh`: the numbers pair with the names in order;
            # `A、B、C限上零售额分别增长8.7%、31.5%和32.3%`: they share the last one's noun;
            # `交通、能源、水利分别完成投资3252亿元、…`: and the noun the verb takes (交通投资)
            names = [_clean_metric(x) for x in _list_members(before[: m.start()])]
            names = _share_tail(_town_and_country([x for x in names if x], text, q), m.group(0))
            if m.lastgroup == "added":  # `A、B、C分别增加2个`: each added
                names = ["新增" + x.removeprefix("新增") for x in names]
            elif m.lastgroup == "object":
                names = [x + m.group("object") for x in names]
            respectively = names
            if len(names) > 1 and not _more_numbers_follow(text, q):
                # one number for every name (`分别增加2个`): as `各`, a target each
                members, respectively = names, []
            else:
                metric = respectively.pop(0) if len(respectively) > 1 else metric
        elif respectively and qs[i - 1].end >= phrase_start and not before.strip("、和及与"):
            metric = respectively.pop(0)
        if baseline is not None:
            metric, before = from_metric, text[phrase_start : q.start]
            quote = text[phrase_start : q.end]
        after, after_end = _noun_after(text, q)
        if baseline is not None:
            after = ""
        ends_with_cmp = bool(
            re.search(r"(达到|突破|超过|不低于|不少于|不超过|控制在|稳定在|提高到|达)$", before)
        )
        if metric in CMP_WORDS:  # `每年新增50人以上`: the word says how, not what
            metric = ""
        if after and not (len(metric) > 3 and ends_with_cmp):  # `制修订不少于30项地方标准`
            metric = after
            quote = text[phrase_start:after_end].lstrip("、和及与")
        metric = metric.strip("、，")
        if (g := _GENERIC_PROJECTS_RE.fullmatch(metric)) and (field := _FIELD_RE.match(text, s0)):
            # `内河航道，提速新万福河复航二期等6个在建项目`: the sentence's field names the projects
            metric = (g.group(1) or "") + field.group(1) + "项目"
        years_span = 0
        if (g := _YEARS_GROWTH_RE.fullmatch(metric)) and prev_metric and prev_end_in_sentence > s0:
            # `一般公共预算收入累计完成3.7万亿元，5年增长18.7%`: the subject carried from the
            # figure before, the change over the years written (a span ending in the year)
            years_span = int(g.group(1)) if g.group(1).isdigit() else _CN_COUNT_YEARS[g.group(1)]
            subject = re.sub(r"(?:累计完成|累计|完成|实现|达到|增长|提高|提升|下降|降低)+$", "", prev_metric)
            metric = subject + _VERB_NAME[g.group(2)]
        elif (g := _YEARS_GROWTH_RE.search(metric)) and g.start() >= 2 and g.end() == len(metric):
            # `内河港口吞吐量5年增长1.6倍`: the subject written, the change over the years written
            years_span = int(g.group(1)) if g.group(1).isdigit() else _CN_COUNT_YEARS[g.group(1)]
            metric = metric[: g.start()] + _VERB_NAME[g.group(2)]
        if metric in _GENERIC and not members and prev_metric and prev_end_in_sentence > s0:
            share, metric = metric in ("占比", "比重", "比例"), prev_metric  # the same quantity, another year
            if share and q.unit in ("%", "％") and re.search(rf"(?:{_GROWTH})$", metric):
                # `“四新”经济投资增长11.1%、占比超过57%`: the share of what grew, not its growth
                metric = re.sub(rf"(?:{_GROWTH})$", "", metric) + "占比"
            elif (v := re.search(rf"({_GROWTH})$", before)) and q.unit in ("个百分点", "百分点", "%", "％"):
                # `数字经济占比超过50%、提升9个百分点`: the change of the figure before
                metric = re.sub(rf"(?:{_GROWTH})$", "", metric) + _VERB_NAME[v.group(1)]
        gap = re.match(r"(?:分别)?(高于|低于|快于|慢于)", before)
        if gap and q.unit in ("个百分点", "百分点") and prev_metric and prev_end_in_sentence > s0:
            # `增加值增长6.9%，高于全国2.6个百分点`: the growth rate's lead over another's
            grown = re.sub(r"(增长|增速)$", "", prev_metric)
            metric = grown + "增速" + before[gap.start(1) :].strip("，、")
        if metric in ("同比增长", "同比下降", "增长", "下降") and prev_metric and prev_end_in_sentence > s0:
            metric = prev_metric + metric.removeprefix("同比")  # `达到54.1万台，同比增长152%`
        if q.unit in ("%", "％") and re.search(r"(增长|下降|提高|降低)$", before) and metric:
            metric = re.sub(r"年均", "", metric)
            if not metric.endswith(("增长", "下降", "提高", "降低")):
                metric += re.search(r"(增长|下降|提高|降低)$", before).group(1)
        # comparison words before the number, and 以上/左右… only after it (not 规模以上…)
        cmp = [w for w in _cmp_words(text[max(phrase_start, q.start - 14) : q.start]) if w not in _TRAILING]
        cmp += _cmp_words(text[q.start : q.end])
        checks = _damage(q, metric)
        # a result may report a year before the plan's (`截至2023年底…` in a 2024 report)
        explicit = _year_before(text, s0, q.start, None if result else first)
        years_at = [m.end() for m in YEAR_RE.finditer(text, s0, q.start)]
        # 每年 makes one target per plan year, but not for an average over the years (年均)
        per_year = text.rfind("每年", s0, q.start) > max(years_at, default=-1) and "年均" not in cmp
        if result:  # a reported `每年实施20项…，…增长34.3%`: 每年 is its own phrase's, not the sentence's
            per_year = (
                per_year and "每年" in text[max(text.rfind(c, 0, q.start) for c in "，,；;") + 1 : q.start]
            )
        if per_year:
            explicit = None
        listed = [int(y) for y in re.findall(r"(20\d\d)年(?=[、和及与]20\d\d年)", before)]
        if per_year and result and span:  # `五年来…每年实施20项重点民生实事`: each of those years
            years: list[int | None] = list(range(span[0], span[1] + 1))
        elif per_year and period:
            years = list(range(period[0], period[1] + 1))
        elif listed and explicit:  # `2024年、2025年分别突破2.2万亿元`
            years = [*listed, explicit]
        else:
            # a deadline set earlier in the text (`到2027年，…。…`); for a reported result, the
            # year it reports, wherever the text names it
            earlier = _year_before(text, 0, s0, None if result else first, not result)
            if not result and default_year and "今年" in text[s0 : q.start]:
                earlier = default_year  # `今年力争…`: the year the text is written for, not a deadline before
            y = explicit or earlier or default_year or (period[1] if period else None)
            years = [y]
        for name in members or [metric or "?"]:
            for y in years:
                t: dict = {"metric": name, "value": q.value, "unit": "%" if q.unit == "％" else q.unit}
                if y is not None:
                    t["year"] = y
                if "年均" in cmp:  # an average over years: the plan's, unless the text says otherwise
                    years_of = _review_span(text[: q.start], y) if result else None
                    if years_of is None and result and span and y == span[1]:
                        years_of = list(span)  # the review's account of several years (`五年来，…`)
                    if years_of is None and period and y is not None and period[0] < y:
                        years_of = [period[0], y]
                    if years_of:
                        t["span"] = years_of
                    else:  # a 年均 without its years would not validate: the reviewer gives them
                        t["check"] = "an average (年均): give the years it covers as span, and 年均 in cmp"
                        cmp = [w for w in cmp if w != "年均"]
                if q.value_max is not None:
                    t["value_max"] = q.value_max
                if cmp:
                    t["cmp"] = cmp
                if years_span and y is not None and "span" not in t:
                    t["span"] = [y - years_span + 1, y]
                elif result and span and y == span[1] and "span" not in t and not explicit and not per_year:
                    if "累计" in cmp or re.search(r"(?:增长|下降|提高|提升|降低|增加|减少)了?$", before):
                        t["span"] = list(span)  # a change or a total over the account's years
                if per_year:
                    t["note"] = "每年"
                if y is None:
                    checks = [*checks, "no year in the text and no plan period: give --period"]
                if checks:
                    t["check"] = "; ".join([*checks, *([t["check"]] if "check" in t else [])])
                if baseline is not None:
                    t["baseline"] = baseline
                t["quote"] = quote.strip()
                out.append(t)
                spots.append((q.start, t))
        baseline = None
        prev_metric = metric or (members[-1] if members else None)
        prev_end_in_sentence = q.end
        consumed = after_end if after and metric == after else q.end
    if result:
        out += _ranks(text, spots, default_year or (period[0] if period else None))
        out += word_figures(text, spots, default_year or (period[0] if period else None), _clean_metric)
        carried_measure(text, spots)
        beneficiaries(text, spots, _clean_metric)
        days_over(text, spots, _clean_metric)
    fallback = default_year or ((period[0] if result else period[1]) if period else None)

    def year_at(at: int) -> int | None:  # as a figure in digits there: its sentence's, the text's, else
        s0, since = _sentence_start(text, at), None if result else first
        return _year_before(text, s0, at, since) or _year_before(text, 0, s0, since, not result) or fallback

    out += counted_in_words(text, year_at)  # `四批政策清单`, `五大清洁能源基地`, `8金9银6铜`
    out += ordinal_counts(text, year_at, _clean_metric)  # `第四次刷新世界纪录`, `再延长30年`
    _shared_noun(out)
    _series_check(out)
    unused += stray_numbers(text, qs)
    for m in YEAR_RE.finditer(text):
        if not 1949 <= int(m.group(1)) <= 2060:
            unused.append(f"year {m.group(1)} looks damaged: {text[max(0, m.start() - 8) : m.end() + 8]}")
    return out, unused


#: Words of a change, as a list's shared verb (`分别增长`, `均增长`).
_GROWTH = "增长|下降|提高|提升|降低"
#: How a metric names a change (`提升` is written, the vocabulary says `提高`).
_VERB_NAME = {"增长": "增长", "下降": "下降", "降低": "下降", "提高": "提高", "提升": "提高"}
#: A change over a number of years with no subject of its own (`5年增长`, `五年提升`).
_YEARS_GROWTH_RE = re.compile(r"(\d{1,2}|[两二三四五六七八九十])年(增长|下降|降低|提高|提升)")
_CN_COUNT_YEARS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
#: Nouns a list of subjects shares, written once after its last member (`…智能手机限上零售额`).
_SHARED_TAILS = (
    "限上零售额",
    "零售额",
    "营业收入",
    "增加值",
    "产量",
    "产值",
    "出口额",
    "进口额",
    "出口",
    "进口",
    "投资",
    "占比",
    "比重",
    "收入",
    "人数",
    "销量",
    "规模",
    "数量",
)


#: `分别完成投资`, `分别增加`: a list's shared verb that takes its noun (投资) or adds (增加, 新增).
_RESPECTIVE_OBJECT_RE = re.compile(
    r"分别(?:完成|实现)(?P<object>[\u4e00-\u9fff]{1,4})$|分别(?P<added>增加|新增)$"
)


def _more_numbers_follow(text: str, q: Quantity) -> bool:
    """Does another number of the list follow ``q`` at once (`3252亿元、2140亿元`, `8.7%和9%`)?"""
    return bool(re.match(r"[、和及与]\d", text[q.end : q.end + 2]))


def _list_members(names: str) -> list[str]:
    """The members of a list of names: cut at `、`, and at `和`/`及` only in its last member; a
    `及` or `和` before the last `、` joins words inside one member (`蔬菜及食用菌、水产品产量`)."""
    *first, last = names.split("、")
    return [*first, *re.split(r"和|及", last)]


def _town_and_country(names: list[str], text: str, q: Quantity) -> list[str]:
    """`城乡低保平均标准分别提高5%、6.7%`: one name and two figures, the town's and the country's:
    城镇 for residents (`城乡居民…`, the statistics' word), 城市 otherwise (低保, as the law names it)."""
    if len(names) != 1 or not names[0].startswith("城乡") or not _more_numbers_follow(text, q):
        return names
    rest = names[0].removeprefix("城乡")
    return [("城镇" if rest.startswith("居民") else "城市") + rest, "农村" + rest]


#: Qualifiers reports pair in a list before the noun they share (`城镇、农村居民…`).
_PAIRED = (
    *("城镇", "农村", "城市", "城乡", "国内", "国外", "境内", "境外"),
    *("省级", "市级", "县级", "国有", "民营"),
)


def _share_tail(names: list[str], how: str) -> list[str]:
    """The members of a list that shares its noun and its verb: `新能源汽车、智能家电、智能手机
    限上零售额分别增长` → 新能源汽车限上零售额增长, 智能家电限上零售额增长, …; a member that
    names its own noun keeps it (`游客人数、旅游收入均增长` → 游客人数增长, 旅游收入增长)."""
    verb = next((_VERB_NAME[v] for v in _VERB_NAME if how.endswith(v)), "")
    head = next((p for p in _PAIRED if names and names[-1].startswith(p)), "")
    if len(names) > 1 and head and len(names[-1]) > len(head) + 1 and set(names[:-1]) <= set(_PAIRED):
        # `城镇、农村居民人均可支配收入`: the paired qualifiers share the noun after the last one's
        names = [n + names[-1][len(head) :] for n in names[:-1]] + [names[-1]]
    elif len(names) > 1:
        tail = next((t for t in _SHARED_TAILS if names[-1].endswith(t) and len(names[-1]) > len(t)), "")
        if tail and not any(n.endswith(_SHARED_TAILS) for n in names[:-1]):
            names = [n + tail for n in names[:-1]] + [names[-1]]
    return [n if not verb or n.endswith(verb) else n + verb for n in names]


#: A level that qualifies a noun (`国家级`, `省级`): alone, it is no metric.
_LEVEL_RE = re.compile(r"^(?:国家|省|市|县|世界|国际|全国)级")


def _shared_noun(targets: list[dict]) -> None:
    """`90名国家级、150名省级科技人才`: the figures of a list share the noun its last member names
    after its level; the levels (国家级, 省级) are qualifiers, written in each quote, not metrics.
    Each figure of the run takes the shared noun (科技人才)."""
    run: list[dict] = []
    for t in targets:
        m = _LEVEL_RE.match(t["metric"])
        if m and m.end() == len(t["metric"]):
            run.append(t)
            continue
        if run and m and t["unit"] == run[-1]["unit"] and len(t["metric"]) > m.end() + 1:
            for r in [*run, t]:
                r["metric"] = t["metric"][m.end() :]
        run = []


#: Five-year plans a review may name, with their years.
_FIVE_YEAR_PLANS = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_YEARS_WORD = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "十": 10}


def _review_span(before: str, year: int | None) -> list[int] | None:
    """The years a reported average (`年均增长6%`) covers: the five-year plan the review names
    (`“十四五”时期`), or `五年来`/`三年间` ending in the year it reports; None if the text says
    neither."""
    for name, (a, b) in _FIVE_YEAR_PLANS.items():
        if name in before and (year is None or year == b):
            return [a, b]
    if year is not None and (m := re.search(r"(两|二|三|四|五|十)年(?:来|间|中|内)", before)):
        return [year - _YEARS_WORD[m.group(1)] + 1, year]
    return None


#: `由2110公里增至3055公里`: the words between a starting figure and the one it became.
_FROM_TO_RE = re.compile(r"(?:增|提高|提升|增长|扩大|增加|下降|降|降低|减少|压减|减|缩小|缩减|压缩)(?:至|到)")
#: `居全国第二位`, `均居全国首位`, `数量居全国第一`: a rank a report gives with its figures; the
#: verb may be `跃居`, `位居`, `稳居`, `持续位居`, `进入`, `名列` or none (`…3000公里、全国第一`,
#: `全国前三`, `在全国…评价中名列第一`): none of it is the name of what ranks. `第一方阵`, `第三个`
#: (a word goes on after the number) are no ranks.
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


def stray_numbers(text: str, qs: list[Quantity]) -> list[str]:
    """Numbers in ``text`` that are neither its quantities ``qs`` nor years, dates, ordinals or
    names (`5G`, `“2+N”`, `〔2023〕5号`): reported so the reviewer can look at each."""
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
