"""The draft extractor on short excerpts of real plan texts."""

from __future__ import annotations

from sdtargets.clauses import find_clauses
from sdtargets.extract import cn_number, extract, extract_paragraphs
from sdtargets.quantities import draft_targets, years_in


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
    assert items[2].text == "**二是全力**帮扶中小企业，力争全年新增专精特新企业1000家。"  # verbatim, ** kept
    assert items[3].text.endswith("产业规模达到5000亿元。")


def test_import_drafts_a_report_that_has_no_task_list():
    from sdtargets.drafting import draft

    d = draft(REPORT.splitlines(), "rep", period=(2024, 2024))
    assert [i["id"] for i in d.items] == ["rep.r1", "rep.1", "rep.2", "rep.goal"]
