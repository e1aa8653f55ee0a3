"""Real answers from the forward-looking part of the 2026 government work report (gwr2026):
the 十五五 goals, the 2026 main expected targets and the 2026 tasks under （一）…（十）."""

from __future__ import annotations


def test_the_2026_gdp_growth_target_and_its_companions(cli):
    item = cli("show", "gwr2026.goal3", "--json").json
    assert item["kind"] == "goal"
    assert (item["years"], item["years_implied"]) == ([2026], False)
    got = [
        (t["metric"], t["value"], t["unit"], t["year"], t["year_implied"], t["cmp"]) for t in item["targets"]
    ]
    assert got == [
        ("地区生产总值增长", 5, "%", 2026, False, ["增长", "以上"]),
        ("一般公共预算收入增长", 2, "%", 2026, False, ["增长"]),
        ("城镇调查失业率", 5.5, "%", 2026, False, ["控制在", "左右"]),
        ("新增城镇就业", 110, "万人", 2026, False, ["以上"]),
    ]
    # a government work report names no agency for its targets (CURATING: no clause, no agencies)
    assert (item["lead"], item["support"]) == ([], [])


def test_the_15th_five_year_goals_fall_due_in_2030_as_implied(cli):
    item = cli("show", "gwr2026.goal1", "--json").json
    assert item["section"] == ["二、“十五五”时期经济社会发展目标任务"]
    assert item["source"]["line"] == 42
    assert (item["years"], item["years_implied"]) == ([2030], True)
    result = cli("due", "2030", "--plan", "gwr2026", "--implied", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == [
        "gwr2026.goal1",
        "gwr2026.p1",
        "gwr2026.p2",
        "gwr2026.p3",
        "gwr2026.p4",
    ]


def test_the_2026_tasks_are_due_in_2026_not_in_the_plan_s_last_year(cli):
    assert cli("due", "2030", "--plan", "gwr2026", "--json").code == 1  # nothing is stated for 2030
    result = cli("due", "2026", "--plan", "gwr2026", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    assert len(ids) == 72
    assert ids[:3] == ["gwr2026.goal2", "gwr2026.goal3", "gwr2026.1.1"]
    assert ids[-1] == "gwr2026.s7"
    due = {(i["id"], t["metric"], t["value"], t["unit"]) for i in result.json for t in i["due"]}
    assert ("gwr2026.1.5", "高速铁路通车里程", 3400, "公里") in due
    assert ("gwr2026.7.3", "非化石能源发电装机", 1.5, "亿千瓦") in due
    assert ("gwr2026.9.7", "新增认知障碍照护床位", 3000, "张") in due


def test_the_railway_task_states_its_later_years(cli):
    result = cli("due", "2028", "--plan", "gwr2026", "--json")
    assert result.code == 0, result
    assert [(i["id"], i["due"]) for i in result.json] == [("gwr2026.1.5", [])]


def test_find_the_robot_industry_task(cli):
    result = cli("find", "机器人和智能装备", "--plan", "政府工作报告", "--json")
    assert result.code == 0, result
    assert result.json[0]["id"] == "gwr2026.2.8"
    item = result.json[0]
    assert item["section"] == [
        "三、2026年重点工作",
        "（二）奋力推进因地制宜发展新质生产力。",
        "做强现代化产业体系重要载体。",
    ]
    robots = next(t for t in item["targets"] if t["metric"] == "机器人和智能装备产业规模")
    assert (robots["value"], robots["unit"], robots["value_base"], robots["cmp"]) == (
        2000,
        "亿元",
        200000000000,
        ["力争", "突破"],
    )


def test_counts_without_a_printed_unit_get_their_counting_unit_and_names_are_no_targets(cli):
    """`打造十大专精特新外贸优品集群` and `4大机器人产业基地` are counts (unit 个, note 原文未写单位,
    no raw: Chinese numerals are not damage); `…等六大行动` names a programme and is no target."""
    clusters = cli("show", "gwr2026.4.2", "--json").json["targets"][0]
    assert (clusters["metric"], clusters["value"], clusters["unit"], clusters.get("raw")) == (
        "专精特新外贸优品集群",
        10,
        "个",
        None,
    )
    assert "原文未写单位" in clusters["note"]
    robots = cli("show", "gwr2026.2.8", "--json").json["targets"]
    bases = next(t for t in robots if t["metric"] == "机器人产业基地")
    assert (bases["value"], bases["unit"]) == (4, "个")
    soe = cli("show", "gwr2026.3.3", "--json").json
    assert soe["targets"] == []
    assert "六大行动" in soe["note"]


def test_the_investment_targets_all_carry_the_striving_word(cli):
    """`力争全年完成交通投资2300亿元、能源投资2100亿元、水利投资900亿元`: 力争 governs all three."""
    item = cli("show", "gwr2026.1.4", "--json").json
    assert [(t["metric"], t["value"], t["cmp"]) for t in item["targets"]] == [
        ("交通投资", 2300, ["力争"]),
        ("能源投资", 2100, ["力争"]),
        ("水利投资", 900, ["力争"]),
    ]


def test_2026_targets_line_up_with_the_2025_results_of_the_same_report(cli):
    """Metric names shared with the report's 2025 results, so that a timeline pairs them."""
    for metric, expected in [
        ("新增省级现代海洋特色产业集聚区", [(2025, "gwr2026.r23", 7, "个"), (2026, "gwr2026.6.5", 5, "个")]),
        ("新改造提升村卫生室", [(2025, "gwr2026.r22", 2.1, "万个"), (2026, "gwr2026.5.5", 1.7, "万家")]),
        ("地区生产总值增长", None),
    ]:
        result = cli("timeline", metric, "--json")
        assert result.code == 0, result
        rows = [(r["year"], r["item"], r["value"], r["unit"]) for r in result.json if r["metric"] == metric]
        if expected is None:
            assert (2025, "gwr2026.r2", 5.5, "%") in rows and (2026, "gwr2026.goal3", 5, "%") in rows
        else:
            # the report's own 2025 result, then its 2026 target, in that order; other reports'
            # rows of the same metric (gwr2025.6.3's 2025 target of 10 左右) may stand between
            assert [r for r in rows if r in expected] == expected
