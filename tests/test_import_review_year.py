"""A work report's review gives its figures the year it reviews, as its heading states it
(`一、2024年工作回顾`), not the report's own year, whatever comes before the heading (a title
line, a front matter naming the report's date); and the ranks it reports are named by what ranks,
not by the verb (`跃居全国首位`); a long paragraph listing parallel topics (`铁路，…高速公路，…`) is
cut at each."""

from __future__ import annotations

from sdtargets.drafting.draft import draft
from sdtargets.drafting.quantities import draft_targets
from sdtargets.drafting.review import review_heading_year

#: The layout of the 2025 report as the archive gives it: a title line that mentions the review,
#: a front matter and an opening naming the report's year, then the review, whose first paragraph
#: names no year.
REPORT = """# 标题：山东省2025年政府工作报告（2025年1月20日；含“2024年工作回顾”）

---
title: 政府工作报告（2025年）
---

**政府工作报告**

**——2025年1月20日在省人民代表大会上**

现在，我代表省人民政府向大会报告工作，请予审议，并请各位列席人员提出意见。

**一、2024年工作回顾**

过去一年，是极不平凡的一年，全省上下团结奋斗，经济社会发展取得新的成效。

一年来，全省经济运行稳健向好，实现地区生产总值9.86万亿元、增长5.7%。

（一）产业升级成效显著。规上工业增加值增长8.3%。新增国家先进制造业集群3个。

**二、2025年工作总体要求和主要目标**

今年主要预期目标是：地区生产总值增长5%以上，城镇新增就业110万人以上。
"""


def _years(d) -> list[tuple[str, list[int]]]:
    return [(i["kind"], sorted({t["year"] for t in i["targets"]})) for i in d.items if i.get("targets")]


def test_the_review_heading_states_the_year_of_the_results_under_it():
    d = draft(REPORT.splitlines(), "gwr")
    assert _years(d) == [("result", [2024]), ("result", [2024]), ("goal", [2025])]


def test_a_paragraph_that_names_another_year_keeps_its_own():
    text = REPORT.replace("一年来，全省经济运行", "2023年以来，全省经济运行")
    d = draft(text.splitlines(), "gwr")
    assert _years(d)[0] == ("result", [2023])
    assert _years(d)[1] == ("result", [2024])  # the next paragraph: the heading's year again


def test_a_five_year_review_heading_states_its_last_year():
    text = REPORT.replace("一、2024年工作回顾", "一、2025年及“十四五”时期工作回顾").replace(
        "二、2025年工作总体要求", "二、2026年工作总体要求"
    )
    d = draft(text.splitlines(), "gwr")
    assert [y for _, y in _years(d)] == [[2025], [2025], [2026]]


def test_only_a_heading_that_is_a_review_states_a_year():
    assert review_heading_year(["一、2024年工作回顾"]) == 2024
    assert review_heading_year(["2025年及“十四五”时期工作回顾", "（一）产业升级"]) == 2025
    assert review_heading_year(["标题：山东省2025年政府工作报告（含“2024年工作回顾”）"]) is None
    assert review_heading_year(["二、2025年工作总体要求和主要目标"]) is None


def test_a_ranks_verb_is_not_part_of_the_name_that_ranks():
    def ranks(text):
        return [
            (t["metric"], t["value"]) for t in draft_targets(text, 2024, result=True)[0] if t["unit"] == "位"
        ]

    assert ranks("关键软件产业规模跃居全国首位。") == [("关键软件产业规模全国位次", 1)]
    assert ranks("光伏装机稳居全国第二位。") == [("光伏装机全国位次", 2)]
    # `持续位居`: no name before the verb, so the rank is the figure's before it
    assert ranks("农林牧渔业总产值1.28万亿元，持续位居全国首位。") == [("农林牧渔业总产值全国位次", 1)]


def test_a_run_of_parallel_openings_cuts_a_long_paragraph_into_its_topics():
    from sdtargets.drafting.extract import topic_starts

    text = (
        "**着力加强基础设施建设。**围绕高铁、公路、机场，谋划实施一批重大项目。今年力争完成投资2500亿元。"
        "铁路，加快建设6条高铁。高速公路，建成15个项目。机场，加快济南机场二期改扩建。"
    )
    cuts = topic_starts(text)
    assert [text[c : c + 4] for c in cuts] == ["铁路，加", "高速公路", "机场，加"]
    # two such openings may be chance: a paragraph is cut only at a run of three or more
    assert topic_starts("推进项目建设。同时，加快审批。今年，新开工10个。") == []


def test_a_reviews_enumerated_members_are_results_of_the_reviewed_year_cut_by_topic():
    review = (
        "**一、2024年工作回顾**\n\n一年来，着重抓了以下工作：\n\n"
        "一是扎实抓好重大政策举措落实。争取新增专项债资金3903亿元。"
        "优化项目投资服务，重点项目完成投资2.9万亿元以上。"
        "激发居民消费活力，汽车更新申请76.3万辆。"
        "推动文旅深度融合，五星级酒店新增7家。\n\n"
        "**二、2025年重点工作**\n\n一是扩大内需。力争社会消费品零售总额增长5%。\n"
    )
    d = draft(review.splitlines(), "gwr")
    got = [(i["kind"], i["text"][:6], sorted({t["year"] for t in i["targets"]})) for i in d.items]
    assert got == [
        ("result", "一是扎实抓好", [2024]),
        ("result", "优化项目投资", [2024]),
        ("result", "激发居民消费", [2024]),
        ("result", "推动文旅深度", [2024]),
        ("measure", "一是扩大内需", [2025]),  # the coming year's members stay measures
    ]


def test_a_reviews_topic_sentences_head_the_pieces_under_them():
    review = (
        "**一、2024年工作回顾**\n\n"
        "（一）产业升级成效显著。规上工业增加值增长8.3%。\n\n"
        "数字经济撑起“半壁江山”，规模占比超过49%。\n\n"
        "一年来，着重抓了以下工作：\n"
        "一是扎实抓好重大政策举措落实。争取新增专项债资金3903亿元。\n\n"
        "——经济综合实力实现新跃升。一般公共预算收入累计4.6万亿元。\n\n"
        "过去一年，国防动员等工作扎实有力，新建退役军人服务站120个。\n\n"
        "**二、2025年重点工作**\n\n（一）扩大内需。力争社会消费品零售总额增长5%。\n"
    )
    d = draft(review.splitlines(), "gwr")
    got = [(i["text"][:4], i["section"]) for i in d.items]
    top = "一、2024年工作回顾"
    assert got == [
        ("（一）产", [top, "（一）产业升级成效显著。"]),
        ("数字经济", [top, "（一）产业升级成效显著。"]),  # the next paragraph stays under its topic
        ("一是扎实", [top, "一是扎实抓好重大政策举措落实。"]),  # a member after `一年来，…：`
        ("——经济", [top, "——经济综合实力实现新跃升。"]),
        ("过去一年", [top]),  # the account starts over: under no topic
        ("（一）扩", ["二、2025年重点工作"]),  # outside a review, the section is the headings'
    ]
