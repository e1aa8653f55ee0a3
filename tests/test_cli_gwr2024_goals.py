"""Real answers from the forward-looking part of the 2024 government work report (gwr2024):
the 2024 main expected targets (part 二) and the 2024 tasks under （一）…（十二） of part 三."""

from __future__ import annotations


def test_the_2024_main_expected_targets(cli):
    item = cli("show", "gwr2024.goal2", "--json").json
    assert item["kind"] == "goal"
    assert item["section"] == ["二、2024年工作总体要求和主要目标"]
    assert item["source"]["line"] == 54
    # a one-year plan states its year: nothing here is implied
    assert (item["years"], item["years_implied"]) == ([2024], False)
    got = [
        (t["metric"], t["value"], t["unit"], t["year"], t["year_implied"], t["cmp"]) for t in item["targets"]
    ]
    assert got == [
        ("地区生产总值增长", 5, "%", 2024, False, ["增长", "以上"]),
        ("一般公共预算收入增长", 4, "%", 2024, False, ["增长"]),
        ("居民人均可支配收入增长", 5.5, "%", 2024, False, ["增长", "左右"]),
        ("新增城镇就业", 110, "万人", 2024, False, ["以上"]),
        ("居民消费价格涨幅", 3, "%", 2024, False, ["控制在", "左右"]),
        ("粮食综合生产能力", 1100, "亿斤", 2024, False, ["稳定在", "以上"]),
    ]
    # a government work report names no agency for its targets (CURATING: no clause, no agencies)
    assert (item["lead"], item["support"]) == ([], [])


def test_grain_capacity_in_jin_is_compared_in_tonnes(cli):
    """1100 亿斤 is 5500 万吨 (2,000 斤 a 吨), so it lines up with grain figures written in 吨."""
    grain = cli("show", "gwr2024.goal2", "--json").json["targets"][-1]
    assert (grain["metric"], grain["value_base"], grain["base_unit"]) == ("粮食综合生产能力", 55000000, "吨")


def test_the_2024_tasks_are_due_in_2024(cli):
    result = cli("due", "2024", "--plan", "gwr2024", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    for wanted in ("gwr2024.goal2", "gwr2024.1.1", "gwr2024.2.3b", "gwr2024.12.3", "gwr2024.s7"):
        assert wanted in ids
    due = {(i["id"], t["metric"], t["value"], t["unit"]) for i in result.json for t in i["due"]}
    assert ("gwr2024.1.1", "高新技术企业", 3.5, "万家") in due
    assert ("gwr2024.3.3", "新增5G基站", 4, "万个") in due
    assert ("gwr2024.9.1", "新能源和可再生能源发电装机", 1, "亿千瓦") in due
    # the tasks are for 2024 only: nothing of this part falls due the year after
    assert cli("due", "2025", "--plan", "gwr2024", "--json").code == 1


def test_a_long_paragraph_is_cut_at_its_topic_sentences(cli):
    """`一是着力拉动消费升级。…积极促进大宗消费，…积极促进新型消费，…` gives one item per topic,
    each under the paragraph's own heading sentence."""
    result = cli("find", "充电桩", "--plan", "2024年政府工作报告", "--json")
    assert result.code == 0, result
    item = next(i for i in result.json if i["id"] == "gwr2024.2.1b")
    assert item["section"] == [
        "三、2024年重点工作",
        "（二）抓实抓好扩大有效需求。",
        "一是着力拉动消费升级。",
    ]
    assert item["source"]["line"] == 74
    assert item["text"].startswith("积极促进大宗消费，")
    piles = [(t["metric"], t["value"], t["unit"], t["cmp"]) for t in item["targets"][:2]]
    assert piles == [
        ("充电桩保有量", 70, "万台", ["达到", "以上"]),
        ("农村充电桩保有量", 14, "万台", ["超过"]),
    ]


def test_a_range_keeps_both_ends(cli):
    """`各类园区集中打造1-2个主导特色产业集群` → value 1, value_max 2."""
    target = cli("show", "gwr2024.5.3d", "--json").json["targets"][0]
    assert (target["metric"], target["value"], target["value_max"], target["unit"]) == (
        "园区主导特色产业集群",
        1,
        2,
        "个",
    )


def test_names_with_numbers_are_no_targets(cli):
    """`落实落细“八抓20条”` and `优化“2+N”人才集聚雁阵格局` name programmes: no target, a note says so."""
    safety = cli("show", "gwr2024.12.1", "--json").json
    assert safety["targets"] == []
    assert "八抓20条" in safety["note"]
    talent = cli("show", "gwr2024.1.1c", "--json").json
    assert talent["targets"] == []
    assert "2+N" in talent["note"]


def test_2024_investment_targets_line_up_with_the_2026_ones(cli):
    """`力争完成投资3250亿元` (交通强国示范区) and `力争完成投资700亿元` (水网) are the year's transport
    and water investment, named as the 2026 report names them, so a timeline joins them."""
    for metric, expected in [
        ("交通投资", [(2024, "gwr2024.2.3", 3250, "亿元"), (2026, "gwr2026.1.4", 2300, "亿元")]),
        ("水利投资", [(2024, "gwr2024.2.3b", 700, "亿元"), (2026, "gwr2026.1.4", 900, "亿元")]),
    ]:
        result = cli("timeline", metric, "--json")
        assert result.code == 0, result
        rows = [(r["year"], r["item"], r["value"], r["unit"]) for r in result.json]
        for row in expected:
            assert row in rows
        invest = next(r for r in result.json if r["item"] == expected[0][1])
        assert invest["cmp"] == ["力争"]


def test_the_report_and_the_2024_action_plan_share_metric_names(cli):
    """The same 2024 commitment worded differently in two documents carries one metric name."""
    for metric, items in [
        ("新增省级战略性新兴产业集群", {"act2024-ecosystem.goal", "gwr2024.1.2c"}),
        ("开工配售型保障性住房", {"act2024-livelihood.21", "gwr2024.7.3"}),
    ]:
        result = cli("timeline", metric, "--json")
        assert result.code == 0, result
        rows = {r["item"]: (r["year"], r["value"]) for r in result.json}
        assert items <= set(rows)
        assert len({rows[i] for i in items}) == 1  # same year, same figure


def test_the_same_2024_count_carries_the_name_other_documents_gave_it(cli):
    """`推广首台套、首批次、首版次产品600项以上` is the act2024 plans' `“三首”产品`, `投资500万元以上技改项目`
    their `技术改造项目`, `1.5万个省市县三级重点项目` the 2025 report's `省市县重点项目` (both
    省市县三级重点项目): one name each, so a timeline shows the documents' figures side by side."""
    for metric, item, others in [
        ("培育推广“三首”产品", "gwr2024.1.1", {"act2024-ecosystem.12", "act2024-risk.10"}),
        ("投资500万元以上技术改造项目", "gwr2024.1.2b", {"act2024-ecosystem.1", "gwr2025.2.8"}),
        ("省市县三级重点项目", "gwr2024.2.2", {"gwr2025.1.3"}),
    ]:
        result = cli("timeline", metric, "--json")
        assert result.code == 0, result
        items = {r["item"] for r in result.json}
        assert {item} | others <= items
        mine = [(r["year"], r["value"]) for r in result.json if r["item"] == item]
        assert mine == [(2024, {"gwr2024.1.1": 600, "gwr2024.1.2b": 1.2, "gwr2024.2.2": 1.5}[item])]


def test_a_count_in_words_of_named_things_is_a_target(cli):
    """`济南青岛两大都市圈` and `五大清洁能源基地` count what they name, as `三大平台` does: value 2 and 5,
    unit 个 (the text prints none, so the note says 原文未写单位)."""
    for item, metric, value in [("gwr2024.8.3", "都市圈", 2), ("gwr2024.9.1", "清洁能源基地", 5)]:
        target = next(t for t in cli("show", item, "--json").json["targets"] if t["metric"] == metric)
        assert (target["value"], target["unit"], target["year"]) == (value, "个", 2024)
        assert "原文未写单位" in target["note"]
