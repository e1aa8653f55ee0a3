"""A target's year is stated only by the words that govern its figure (sdtargets/text/years.py).

`due YEAR` lists a target only when the document ties it to that year; these tests pin the rule on
real items: a figure governed by its sentence's `到2025年，` stays stated, a figure that only shares
its item with a dated sentence becomes implied, and `每年…` states every plan year.
"""

from __future__ import annotations

import pytest
from conftest import DATA

from sdtargets.kb.load import read_yaml
from sdtargets.text.years import year_stated


def _implied(cli, item_id: str) -> dict[tuple[str, int], bool]:
    item = cli("show", item_id, "--json").json
    return {(t["metric"], t["year"]): t["year_implied"] for t in item["targets"]}


def _due(cli, year: int, plan: str, *more: str) -> dict[str, list[tuple[str, int]]]:
    result = cli("due", str(year), "--plan", plan, "--json", *more)
    assert result.code == 0, result
    return {i["id"]: [(t["metric"], t["value"]) for t in i["due"]] for i in result.json}


# ----------------------------------------------------------------------------------------------
# 每年: one stated target for every year of the plan


def test_due_2025_lists_the_every_year_frontier_projects(cli):
    # 2.强化未来产业前沿技术创新。…每年组织实施20项左右前沿技术攻关项目… (no year written)
    assert _implied(cli, "act2024-rd.2") == {
        ("前沿技术攻关项目", 2024): False,
        ("前沿技术攻关项目", 2025): False,
    }
    for year in (2024, 2025):
        assert _due(cli, year, "科技研发")["act2024-rd.2"] == [("前沿技术攻关项目", 20)]


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
def test_chain2024_small_giants_and_leaders_are_due_every_plan_year(cli, year):
    # 每年培育600家科技小巨人企业和200家科技领军企业 (chain2024 runs 2024—2027)
    due = _due(cli, year, "chain2024")
    assert due["chain2024.4.3"][-2:] == [("培育科技小巨人企业", 600), ("培育科技领军企业", 200)]
    item = cli("show", "chain2024.4.3", "--json").json
    assert all(not t["year_implied"] for t in item["targets"] if t["year"] == year)


def test_a_clause_headed_by_every_year_states_all_its_figures(cli):
    # 每年组织实施100项左右重大科技攻关项目、60项左右重大产业攻关项目，企业牵头的比例达到90%以上
    implied = _implied(cli, "act2024-rd.8")
    assert implied[("重大产业攻关项目", 2024)] is False
    assert implied[("重大攻关项目企业牵头比例", 2024)] is False


def test_an_average_annual_growth_is_one_target_for_the_period_end(cli):
    # 全社会研发经费投入年均增长10%左右: 年均 is not 每年; the year is the plan's end, unwritten
    item = cli("show", "act2024-rd.goal", "--json").json
    growth = [
        (t["year"], t["year_implied"]) for t in item["targets"] if t["metric"] == "全社会研发经费投入增长"
    ]
    assert growth == [(2025, True)]
    # the Five-Year Plan's 确保省级财政教育投入年均增长10%左右 likewise
    assert _implied(cli, "fyp14.c8p4") == {("省级财政教育投入增长", 2025): True}


def test_every_year_in_an_article_whose_period_is_inferred_stays_implied(cli):
    # news2024-digital writes no year at all; its period 2024—2025 is the page's, inferred
    implied = _implied(cli, "news2024-digital.20")
    assert implied == {("重大数字产业项目", 2024): True, ("重大数字产业项目", 2025): True}


# ----------------------------------------------------------------------------------------------
# a year written in another sentence of the item does not state a figure's year


def test_a_figure_beside_a_dated_sentence_is_implied(cli):
    # 全力争创全国重点实验室，力争到2025年总数达到30家。完善省实验室布局，…新组建3—4家省实验室。
    implied = _implied(cli, "act2024-rd.4")
    assert implied[("全国重点实验室", 2025)] is False
    assert implied[("新增省实验室", 2025)] is True
    assert implied[("省重点实验室依托企业建设比重", 2025)] is True
    due = _due(cli, 2025, "科技研发")
    assert due["act2024-rd.4"] == [("全国重点实验室", 30)]
    assert ("新增省实验室", 3) in _due(cli, 2025, "科技研发", "--implied")["act2024-rd.4"]


@pytest.mark.parametrize(
    ("item_id", "implied", "stated"),
    [
        # …全省软件业务收入年均增长10%以上。实施先进计算“固链”工程，到2025年，…
        ("act2024-digital.6", "软件业务收入增长", "先进计算产业规模"),
        # 全省联动打造20个以上…无证明应用场景，到2025年，“鲁通码”…: the year comes after
        ("act2024-bizenv.44", "无证明应用场景", None),
        # 建设15所国家“双高计划”高职院校、100所省高水平中职学校。…2025年达到90%以上
        ("act2024-livelihood.7", "国家“双高计划”高职院校", "职业院校“双师型”教师占专业课教师的比例"),
        # 确保年粮食收购量3800万吨以上…。2024年，…；2025年再完成10.7万吨以上省级储备粮轮换
        ("act2024-risk.5", "年粮食收购量", "省级储备粮轮换"),
        ("act2024-risk.7", "煤炭年产量", "政府可调度煤炭储备能力"),
        ("act2024-risk.8", "原油产量", "天然气管道里程"),
        ("act2024-risk.13", "开展消防安全评估的市", "现场查获的违法超限超载车辆处理率"),
        ("act2024-risk.19", "食品安全满意度", "食品评价性抽检合格率"),
        # 争取国家重点实验室达到30家…。…到2025年,基础研究经费投入占…比重提高到8%左右
        ("fyp14.c7p1", "全国重点实验室", "基础研究经费投入占研发经费投入比重"),
        # 做大5家乘用车龙头企业、…，力争到2025 年，新能源汽车产业规模达到5000亿元
        ("news2024-nev.goal2", "新能源汽车乘用车龙头企业", "新能源汽车全产业规模"),
    ],
)
def test_a_year_borrowed_from_another_sentence_or_a_later_clause_is_implied(cli, item_id, implied, stated):
    item = cli("show", item_id, "--json").json
    flags = {t["metric"]: t["year_implied"] for t in item["targets"]}
    assert flags[implied] is True
    if stated:
        assert flags[stated] is False


# ----------------------------------------------------------------------------------------------
# a year that heads the sentence governs what follows it


def test_as_of_end_2023_governs_the_breakdown_that_follows(cli):
    # 截至2023年底，…保有量达到54.1万台，同比增长152%。其中，公共充电桩12.3万台，…；居民充电桩41.8万台…
    item = cli("show", "news2024-nev.r1", "--json").json
    assert [(t["metric"], t["year"], t["year_implied"]) for t in item["targets"][2:5]] == [
        ("公共充电桩保有量", 2023, False),
        ("公共充电桩保有量增长", 2023, False),
        ("居民充电桩保有量", 2023, False),
    ]


def test_a_heading_frame_governs_across_semicolons(cli):
    # 到2027年，…达到2.8%左右；…新增国家、省级高层次人才2400人；全省高新技术企业达到5万家，…；…55%左右
    due = _due(cli, 2027, "chain2024")
    assert ("高新技术企业", 5) in due["chain2024.goal"]
    assert ("高新技术产业产值占规模以上工业总产值比重", 55) in due["chain2024.goal"]
    # 2024年，全面完成…208万吨…，…确保地方储备粮规模600万吨以上；2025年再完成…
    assert _implied(cli, "act2024-risk.5")[("地方储备粮规模", 2024)] is False


# ----------------------------------------------------------------------------------------------
# a span as long as the plan states its last year


def test_two_years_states_the_plans_end(cli):
    # 力争用2年时间，新增国家级、省级领军人才2300人左右，吸引集聚青年人才140万人以上
    implied = _implied(cli, "act2024-talent.goal")
    assert implied[("新增领军人才", 2025)] is False
    assert implied[("吸引青年人才", 2025)] is False
    # 两年内制修订不少于30项地方标准，部署建设20个以上标准化试点项目 (no year written)
    due = _due(cli, 2025, "民生改善")
    assert due["act2024-livelihood.19"] == [("制修订民生保障地方标准", 30), ("民生保障标准化试点项目", 20)]


# ----------------------------------------------------------------------------------------------
# hand-set flags, each with its note, where the rule cannot see the year


def test_thirteenth_plan_paragraph_is_dated_by_its_first_sentence(cli):
    item = cli("show", "fyp14.r1", "--json").json
    assert all((t["year"], t["year_implied"]) == (2020, False) for t in item["targets"])


def test_every_hand_set_implied_flag_is_one_the_rule_would_not_derive(kb):
    """`year_implied: true` hides a target from `due`: it is set only where the rule would
    wrongly take the year as stated, and then says why."""
    raw = {i["id"]: i for i in read_yaml(DATA / "targets.yaml")["items"]}
    periods = {p["id"]: tuple(p["period"]) for p in kb.plans}
    hand_set = [
        (item["id"], t)
        for item in raw.values()
        for t in item.get("targets") or []
        if t.get("year_implied") is True
    ]
    assert len(hand_set) == 6
    for item_id, t in hand_set:
        item = raw[item_id]
        assert year_stated(item["text"], t["quote"], t["year"], periods[item["plan"]]), item_id
        assert t.get("note"), item_id


# ----------------------------------------------------------------------------------------------
# the rule itself


@pytest.mark.parametrize(
    ("text", "quote", "year", "stated"),
    [
        ("1.甲。2024年达到85%以上，2025年达到90%以上。", "2025年达到90%以上", 2025, True),  # in the quote
        ("1.甲。2024年全省占比达到85%以上，乙达到3个。", "乙达到3个", 2024, True),  # earlier in the clause
        ("1.甲。乙达到3个，到2025年丙达到5个。", "乙达到3个", 2025, False),  # after the quote
        ("1.甲。到2025年丙达到5个。乙达到3个。", "乙达到3个", 2025, False),  # another sentence
        ("1.甲。到2025年，丙达到5个；乙达到3个。", "乙达到3个", 2025, True),  # a frame across ；
        ("1.甲。到2025年丙达到5个；乙达到3个。", "乙达到3个", 2025, False),  # not a frame: clause only
        ("截至2023年底，甲5万台。其中，乙3万台。", "乙3万台", 2023, True),  # 其中 continues
        ("一是到2025年，甲5个；二是乙3个。", "乙3个", 2025, True),  # an enumeration's first member
        ("1.甲。每年新增乙3个。", "每年新增乙3个", 2024, True),  # 每年, a plan year
        ("1.甲。每年新增乙3个。", "每年新增乙3个", 2030, False),  # 每年, outside the plan
        ("1.甲。乙年均增长3%。到2025年丙5个。", "乙年均增长3%", 2025, False),  # 年均 is not 每年
        ("1.甲。乙1,200个。", "乙1200个", 2025, False),  # found despite the thousands separator
        ("1.甲。两年内制修订不少于30项标准，建设乙20个。", "建设乙20个", 2025, True),  # the plan's span
        ("1.甲。两年内制修订不少于30项标准。", "两年内制修订不少于30项标准", 2024, False),  # end only
        ("1.甲。实施三年行动，建设乙20个。", "建设乙20个", 2025, False),  # a programme's name
        ("1.甲。连续3年建设乙20个。", "建设乙20个", 2025, False),  # a span of another length
    ],
)
def test_the_rule(text, quote, year, stated):
    assert year_stated(text, quote, year, (2024, 2025)) is stated


def test_a_one_year_plan_states_its_year():
    assert year_stated("1.甲。乙3个。", "乙3个", 2023, (2023, 2023)) is True


def test_a_frame_opening_a_goal_paragraph_states_the_year_of_every_sentence_after_it():
    """`力争到2027年，` heads the paragraph: its later sentences' targets are due in 2027 as stated,
    so `due 2027` lists them; another frame in between takes over."""
    text = "力争到2027年，全省人工智能产业规模突破3000亿元。建成100个应用场景。"
    assert year_stated(text, "建成100个应用场景", 2027, (2025, 2027))
    assert year_stated("（一）主要目标：到2027年，A达到5家。B达到6家。", "B达到6家", 2027, (2025, 2027))
    assert not year_stated("A达到5家。到2027年，B达到6家。C达到7家。", "C达到7家", 2027, (2025, 2027))
    assert not year_stated(
        "到2026年，A达到5家。到2025年，B达到6家。C达到7家。", "C达到7家", 2026, (2025, 2027)
    )
