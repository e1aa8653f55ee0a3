"""Real answers from the forward-looking part of the 2025 government work report (gwr2025, lines
58–174): the 2025 main expected targets, the 2025 tasks under （一）…（十） and the closing
paragraphs. The report is a one-year plan, so every figure is stated for 2025."""

from __future__ import annotations


def _target(item: dict, metric: str) -> dict:
    return next(t for t in item["targets"] if t["metric"] == metric)


def test_the_2025_gdp_growth_target_and_its_companions(cli):
    item = cli("show", "gwr2025.goal2", "--json").json
    assert (item["kind"], item["source"]["line"]) == ("goal", 62)
    assert item["section"] == ["二、2025年工作总体要求和主要目标"]
    assert (item["years"], item["years_implied"]) == ([2025], False)
    got = [
        (t["metric"], t["value"], t["unit"], t["year"], t["year_implied"], t["cmp"]) for t in item["targets"]
    ]
    assert got == [
        ("地区生产总值增长", 5, "%", 2025, False, ["增长", "以上"]),
        ("一般公共预算收入增长", 3, "%", 2025, False, ["增长"]),
        ("城镇调查失业率", 5.5, "%", 2025, False, ["左右"]),
        ("新增城镇就业", 110, "万人", 2025, False, ["以上"]),
    ]
    # a government work report names no agency for its targets (CURATING: no clause, no agencies)
    assert (item["lead"], item["support"]) == ([], [])


def test_the_tasks_fall_due_in_the_report_s_only_year(cli):
    result = cli("due", "2025", "--plan", "gwr2025", "--kind", "measure", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    assert {"gwr2025.1.1", "gwr2025.5.4", "gwr2025.10.4", "gwr2025.s8"} <= set(ids)
    due = {
        (i["id"], t["metric"], t["value"], t["unit"], tuple(t["cmp"])) for i in result.json for t in i["due"]
    }
    assert ("gwr2025.1.6", "高速公路通车里程", 9300, "公里", ("突破",)) in due
    # 新增 is in the metric's name, so it is not repeated as a comparison word (as everywhere in the base)
    assert ("gwr2025.7.3", "新增新能源和可再生能源发电装机", 2000, "万千瓦", ("力争",)) in due
    assert ("gwr2025.9.5", "新增家庭养老床位", 1, "万张", ()) in due
    # a one-year plan has nothing for another year, stated or implied
    assert cli("due", "2026", "--plan", "gwr2025", "--implied", "--json").code == 1


def test_the_infrastructure_paragraph_is_cut_at_its_topics(cli):
    """Line 78 runs from `着力加强基础设施建设` through 铁路，… 新基建，…: one item per topic, each
    under the paragraph's bold topic sentence, all on line 78."""
    head = cli("show", "gwr2025.1.4", "--json").json
    assert head["text"].startswith("**着力加强基础设施建设。**")
    assert [(t["metric"], t["value"], t["unit"], t["cmp"]) for t in head["targets"]] == [
        ("交通投资", 2500, "亿元", ["力争"]),
        ("水利投资", 800, "亿元", ["力争"]),
    ]
    roads = cli("show", "gwr2025.1.6", "--json").json
    assert roads["source"]["line"] == 78
    assert roads["text"].startswith("高速公路，开工长深高速改扩建等2个项目")
    assert roads["section"] == [
        "三、2025年重点工作",
        "（一）在全方位扩大内需上下功夫、求实效。",
        "着力加强基础设施建设。",
    ]
    opened = _target(roads, "建成通车高速公路")
    assert (opened["value"], opened["unit"], opened["quote"]) == (15, "个", "建成临沂至滕州等15个项目")


def test_find_the_old_residential_estates_task(cli):
    result = cli("find", "老旧小区", "--plan", "gwr2025", "--json")
    assert result.code == 0, result
    item = next(i for i in result.json if i["id"] == "gwr2025.1.12")
    estates = _target(item, "改造城镇老旧小区")
    assert (estates["value"], estates["unit"], estates["value_base"], estates["quote"]) == (
        13.7,
        "万户",
        137000,
        "开工老旧小区改造13.7万户",
    )


def test_a_count_written_in_words_and_a_threshold_that_is_no_comparison(cli):
    """`六大引领区` is 6 (unit 个, 原文未写单位, no raw); in `实施500万元以上技改项目1.2万个左右` the
    以上 belongs to the 500万元 threshold, so the target's only comparison word is 左右."""
    grain = cli("show", "gwr2025.5.2", "--json").json
    zones = _target(grain, "粮食生产引领区")
    assert (zones["value"], zones["unit"], zones.get("raw")) == (6, "个", None)
    assert "原文未写单位" in zones["note"]
    output = _target(grain, "粮食产量")
    # 斤 is converted to 吨 (2 000 斤 a 吨): 1100亿斤 is 5500万吨
    assert (output["value"], output["unit"], output["value_base"], output["base_unit"], output["cmp"]) == (
        1100,
        "亿斤",
        55_000_000,
        "吨",
        ["稳定在", "以上"],
    )
    upgrades = cli("show", "gwr2025.2.8", "--json").json["targets"]
    assert [(t["metric"], t["value"], t["unit"], t["cmp"]) for t in upgrades] == [
        ("投资500万元以上技术改造项目", 1.2, "万个", ["左右"])
    ]


def test_2025_targets_line_up_with_the_2025_results_of_the_next_report(cli):
    """Metric names shared with gwr2026's review of 2025, so that a timeline pairs them."""
    for metric, target, result in [
        ("新投产项目", ("gwr2025.1.3", 3900, "个"), ("gwr2026.r5", 3920, "个")),
        ("完成生活污水治理的村", ("gwr2025.5.4", 2443, "个"), ("gwr2026.r22", 2443, "个")),
        ("新开辟外贸航线", ("gwr2025.6.4", 10, "条"), ("gwr2026.r23", 20, "条")),
    ]:
        out = cli("timeline", metric, "--json")
        assert out.code == 0, out
        rows = {(r["item"], r["value"], r["unit"], r["kind"]) for r in out.json if r["year"] == 2025}
        assert (*target, "target") in rows
        assert (*result, "result") in rows


def test_progress_judges_the_2025_targets_by_the_2025_results(cli):
    result = cli("progress", "--plan", "gwr2025", "--json")
    assert result.code == 0, result
    rows = {(r["item"], r["metric"]): r for r in result.json}
    jobs = rows[("gwr2025.goal2", "新增城镇就业")]
    assert (jobs["status"], jobs["result"]["item"], jobs["result"]["value"]) == ("met", "gwr2026.r27", 124.9)
    # 培育10个左右海洋特色产业集聚区 against the 7 reported: not met
    marine = rows[("gwr2025.6.3", "新增省级现代海洋特色产业集聚区")]
    assert (marine["status"], marine["result"]["item"], marine["result"]["value"]) == (
        "not_met",
        "gwr2026.r23",
        7,
    )


def test_the_closing_paragraphs_are_tasks_without_the_address_to_the_deputies(cli):
    item = cli("show", "gwr2025.s8", "--json").json
    assert (item["kind"], item["source"]["line"], item["section"]) == ("measure", 172, ["三、2025年重点工作"])
    assert item["text"].startswith("始终遵规守纪、廉洁履职。")
    assert item["targets"] == []
    first = cli("show", "gwr2025.s2", "--json").json
    assert not first["text"].startswith("各位代表")


def test_the_key_projects_count_shares_the_2024_report_s_name(cli):
    """`继续实施15000个省市县重点项目` counts what gwr2024.2.2's `1.5万个省市县三级重点项目` counts:
    one name (the 2025 wording is its alias), so the timeline shows both years side by side."""
    out = cli("timeline", "省市县三级重点项目", "--json")
    assert out.code == 0, out
    rows = {(r["item"], r["year"], r["value"], r["unit"], r["value_base"]) for r in out.json}
    assert ("gwr2024.2.2", 2024, 1.5, "万个", 15000) in rows
    assert ("gwr2025.1.3", 2025, 15000, "个", 15000) in rows
    item = cli("show", "gwr2025.1.3", "--json").json
    assert _target(item, "省市县三级重点项目")["quote"] == "继续实施15000个省市县重点项目"
