"""The draft extractor on short excerpts of real plan texts."""

from __future__ import annotations

from sdtargets.drafting.extract import cn_number, extract, extract_paragraphs
from sdtargets.drafting.quantities import draft_targets
from sdtargets.text.clauses import find_clauses
from sdtargets.text.numbers import years_in


def test_clause_with_support_after_a_comma():
    (c,) = find_clauses("…（牵头单位：省科技厅、省工业和信息化厅，参与单位：省生态环境厅）")
    assert (c.lead, c.support_word, c.support) == (
        ["省科技厅", "省工业和信息化厅"],
        "参与单位",
        ["省生态环境厅"],
    )


def test_collective_and_trailing_deng():
    (c,) = find_clauses("（牵头单位：省科技厅；配合单位：省有关部门、单位，各市党委人才工作领导小组等）")
    assert c.support == ["省有关部门、单位", "各市党委人才工作领导小组"]


def test_lead_word_bumen():
    (c,) = find_clauses("（牵头部门：省商务厅、省发展改革委）")
    assert c.lead_word == "牵头部门"


EXCERPT = """科技研发创新行动计划（2024—2025年）

## 一、总体目标

全社会研发经费投入年均增长 10%左右，高新技术企业 2024 年突破 3.5 万家。

## 二、主要任务

### （一）实施关键核心技术“攻坚行动”。

1.强化新兴产业“卡脖子”技术攻关。聚焦战略性新兴产业创新发展需求，提速新技术。（牵头单位：省科技厅、省发展改革委）

2.强化未来产业前沿技术创新。每年组织实施 20 项左右前沿技术攻关项目，从创新

源头加快布局。（牵头单位：省科技厅）

### **三、推进措施**

（一）强化组织领导。省科技厅牵头负责。（牵头单位：省科技厅；配合单位：省有关部门、单位）
"""


def test_headings_items_and_broken_lines():
    items = extract(EXCERPT.splitlines())
    assert [(i.kind, i.number, i.line) for i in items] == [
        ("goal", None, 5),
        ("measure", "1", 11),
        ("measure", "2", 13),
        ("measure", "s1", 19),
    ]
    assert items[1].section == ["二、主要任务", "（一）实施关键核心技术“攻坚行动”。"]
    assert items[2].text.endswith("从创新源头加快布局。（牵头单位：省科技厅）")
    assert items[3].clause.support == ["省有关部门、单位"]


def test_numbered_task_without_clause_is_still_an_item():
    lines = ["一、组织实施", "114. 加强组织领导。各市发挥主体作用。", "", "115. 完善工作机制。建立台账。"]
    assert [i.number for i in extract(lines)] == ["114", "115"]


def test_years_and_numerals():
    assert years_in("力争2023年达到、2025 年突破") == [2023, 2025]
    assert [cn_number(s) for s in ("三", "十", "十二", "二十一")] == [3, 10, 12, 21]


def test_drafted_targets_split_years_and_keep_clean_comparisons():
    text = "全社会研发经费投入年均增长10%左右，高新技术企业2024年突破3.5万家、2025年突破3.8万家，力争全省"
    targets, unused = draft_targets(text, (2024, 2025))
    drafted = [(t["metric"], t["value"], t["unit"], t["year"], t.get("cmp"), t["quote"]) for t in targets]
    assert drafted == [
        (
            "全社会研发经费投入增长",
            10,
            "%",
            2025,
            ["年均", "增长", "左右"],
            "全社会研发经费投入年均增长10%左右",
        ),
        ("高新技术企业", 3.5, "万家", 2024, ["突破"], "高新技术企业2024年突破3.5万家"),
        ("高新技术企业", 3.8, "万家", 2025, ["突破"], "2025年突破3.8万家"),
    ]
    assert unused == []
    reached = draft_targets("力争全省高新技术企业达到2.8万家，国家", 2023)[0][0]
    assert reached["cmp"] == ["力争", "达到"]  # never 达 as well


REPORT = """会议指出，2023年全省规模以上工业增加值增长6.9%，5G基站20.2万个。

会议强调，要做到“八个加力提效”。一是巩固工业回升态势，确保技改投资增长6.5%以上。**二是全力**

帮扶中小企业，力争全年新增专精特新企业1000家。
  本报济南1月8日讯 省政府新闻办今天召开吹风会，力争到2025 年产
业规模达到5000
亿元。
"""


def test_a_report_without_tasks_is_drafted_paragraph_by_paragraph():
    items = extract_paragraphs(REPORT.splitlines())
    assert [(i.kind, i.number, i.line) for i in items] == [
        ("result", None, 1),  # a reported figure, nothing forward-looking
        ("measure", "1", 3),  # 一是… starts mid-paragraph, after a full stop
        ("measure", "2", 3),  # **二是全力** / blank / 帮扶…: one sentence across the page break
        ("goal", None, 6),  # an indented line opens a newspaper paragraph; 力争到2025年
    ]
    # verbatim: the `**` inside kept, the one before the numeral left to no item (as curated)
    assert items[2].text == "二是全力**帮扶中小企业，力争全年新增专精特新企业1000家。"
    assert items[1].text == "一是巩固工业回升态势，确保技改投资增长6.5%以上。"
    assert items[3].text.endswith("产业规模达到5000亿元。")


def test_import_drafts_a_report_that_has_no_task_list():
    from sdtargets.drafting.draft import draft

    d = draft(REPORT.splitlines(), "rep", period=(2024, 2024))
    assert [i["id"] for i in d.items] == ["rep.r1", "rep.1", "rep.2", "rep.goal"]


# A conference report: its review (2023) in long paragraphs of several topics, then the coming
# year's work. Lines break mid-sentence, as the newspaper's conversion does.
LONG_REPORT = "\n".join(
    [
        "会议指出，2023年全省工信系统圆满完成年度主要目标任务，交出了一份亮点突出的成"
        "绩单。大抓工业导向牢固确立。省委、省政府召开4次全省性大会。",
        "",
        "工业运行势头持续向好。全省规模以上工业增加值增长6.9%，高于全国2.6个百分点"
        "；全省利润增速达到15.7%，居全国第二位。产业创新能级加快跃升。新增国家级工业"
        "设计中心12家、国家技术创新示范企业4",
        "",
        "家，总数均居全国首位。",
        "",
        "会议强调，要坚持稳中求进、以进促稳、先立后破，做到“八个加力提效”，切实以推进新"
        "型工业化的务实成效提供支撑。",
        "",
        "一是巩固工业回升态势。确保技改投资增长6.5%以上。",
        "",
    ]
)


def test_a_long_report_paragraph_is_cut_where_a_new_topic_starts():
    items = extract_paragraphs(LONG_REPORT.splitlines())
    starts = [(i.kind, i.line, i.text[:11], i.year) for i in items]
    assert starts == [
        ("result", 1, "会议指出，2023年全", 2023),  # the review's opening names the year it reviews
        ("result", 1, "大抓工业导向牢固确立。", 2023),  # a headline sentence of its own opens a topic
        ("result", 3, "工业运行势头持续向好。", 2023),
        ("result", 3, "产业创新能级加快跃升。", 2023),  # its figures run over the page break
        ("goal", 7, "会议强调，要坚持稳中求", None),  # the coming year's requirements: no figure, kept
        ("measure", 9, "一是巩固工业回升态势。", None),
    ]
    # each item a contiguous verbatim stretch of its paragraph, and together the whole review
    assert "".join(i.text for i in items[:2]) == LONG_REPORT.splitlines()[0]
    assert items[3].text.endswith("国家技术创新示范企业4家，总数均居全国首位。")


def test_topics_open_at_x_fangmian_dashes_and_numbered_headings_but_never_mid_sentence():
    from sdtargets.drafting.extract import topic_starts

    text = "工业方面，增长6%。农业方面，粮食增产。——建设高铁100公里。（二）民生。此外，新增就业10万人。"
    cuts = topic_starts(text)
    assert [text[c : c + 4] for c in cuts] == ["农业方面", "——建设", "（二）民", "此外，新"]
    assert topic_starts("全省，稳中向好，增长6%，高于全国。") == []  # no short sentence of its own


def test_the_kind_of_a_report_paragraph_follows_the_part_of_the_report_it_is_in():
    from sdtargets.drafting.extract import paragraph_phase, reviewed_year

    assert paragraph_phase("一年来，省政协不断丰富深化平台内涵。", None) == "result"
    assert paragraph_phase("会议强调，要坚持稳中求进。", "result") == "goal"
    assert paragraph_phase("省政协将持续深化平台建设。", "result") == "goal"
    assert paragraph_phase("学而书房建成300多个。", "result") == "result"  # says neither: continues
    assert reviewed_year("“十三五”时期是山东发展极不平凡的五年。2020年…") == 2020
    assert reviewed_year("地区生产总值比2015年增长40%，2020年达到7万亿元。") == 2020  # not the baseline


def test_a_reports_results_take_the_year_reviewed_and_its_tasks_the_coming_year():
    from sdtargets.drafting.draft import draft

    d = draft(LONG_REPORT.splitlines(), "rep")
    assert d.period == (2023, 2023)  # the opening names only 2023
    by_kind = {(i["kind"], t["year"]) for i in d.items for t in i.get("targets", [])}
    assert by_kind == {("result", 2023), ("measure", 2023)}
    d = draft(("总结2023年工作，部署2024年任务。\n\n" + LONG_REPORT).splitlines(), "rep")
    assert d.period == (2023, 2024)
    years = [(i["kind"], t["metric"], t["year"]) for i in d.items for t in i.get("targets", [])]
    assert ("result", "规模以上工业增加值增长", 2023) in years
    assert ("measure", "技改投资增长", 2024) in years


def test_members_after_a_colon_of_a_goals_paragraph_are_goals_and_a_plans_status_is_a_result():
    text = "\n".join(
        [
            "  省政府新闻办召开吹风会。山东将加快实施新能源汽车提升工程，力争到2025年产业规模达到5000亿元。",
            "  发展目标上，《行动计划》分为2个方面：一是整车生产实现提升，到2025年产量达到100万辆。"
            "二是核心部件实现突破，产业规模达到800亿元。",
            "  截至2023年底，全省充电基础设施保有量达到54.1万台，同比增长152%。",
        ]
    )
    items = extract_paragraphs(text.splitlines())
    assert [(i.kind, i.number, i.text[:4]) for i in items] == [
        ("goal", None, "省政府新"),
        ("goal", None, "发展目标"),  # the intro, with its 2个方面
        ("goal", "1", "一是整车"),
        ("goal", "2", "二是核心"),
        ("result", None, "截至20"),  # where things stand, in a plan's part of the text
    ]
