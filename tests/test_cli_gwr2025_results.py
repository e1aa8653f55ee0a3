"""Real answers from the results part of the 2025 government work report (lines 20–52: the 2024
review, 一、2024年工作回顾), curated by hand as `gwr2025.r1` … `gwr2025.r51`. The report is held
out from the drafter's tuning: these items are the answer list it is scored against."""

from __future__ import annotations

RESULTS = [f"gwr2025.r{n}" for n in range(1, 52)]


def _target(item: dict, metric: str) -> dict:
    return next(t for t in item["targets"] if t["metric"] == metric)


def test_the_2024_gdp_is_reported_for_2024_not_the_plan_year(cli):
    item = cli("show", "gwr2025.r2", "--json").json
    assert (item["kind"], item["source"]["line"], item["section"]) == ("result", 22, ["一、2024年工作回顾"])
    gdp = _target(item, "地区生产总值")
    assert (gdp["value"], gdp["unit"], gdp["value_base"], gdp["year"], gdp["year_implied"]) == (
        9.86,
        "万亿元",
        9.86e12,
        2024,
        False,
    )
    growth = _target(item, "地区生产总值增长")
    assert (growth["value"], growth["unit"], growth["cmp"]) == (5.7, "%", ["增长"])
    assert _target(item, "地区生产总值增速高于全国")["value"] == 0.7
    # the report names no agency for any result (CURATING: items without a clause)
    assert (item["lead"], item["support"]) == ([], [])


def test_every_result_falls_due_in_2024(cli):
    result = cli("due", "2024", "--plan", "gwr2025", "--kind", "result", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == RESULTS
    due = {
        (i["id"], t["metric"], t["value"], t["unit"], tuple(t["cmp"])) for i in result.json for t in i["due"]
    }
    assert ("gwr2025.r6", "社会消费品零售总额", 3.79, "万亿元", ("达",)) in due
    assert ("gwr2025.r22", "新增城镇就业", 124.5, "万人", ()) in due
    assert ("gwr2025.r18", "5G基站", 24.2, "万个", ("达到",)) in due
    # nothing of the review is due in the plan's own year
    later = cli("due", "2025", "--plan", "gwr2025", "--kind", "result", "--json")
    assert not any(i["id"] in RESULTS for i in (later.json or []))


def test_an_estimate_keeps_its_word(cli):
    """预计 is not a comparison word: the figure keeps it in its note (as gxt2024 and fyp14 do)."""
    ocean = _target(cli("show", "gwr2025.r5", "--json").json, "海洋生产总值")
    assert (ocean["value"], ocean["unit"], ocean["cmp"]) == (1.8, "万亿元", ["左右"])
    assert "预计" in ocean["note"] and "预计" in ocean["quote"]
    share = _target(cli("show", "gwr2025.r10", "--json").json, "高新技术产业产值占规模以上工业总产值比重提高")
    assert (share["value"], share["unit"], share["cmp"]) == (1.5, "个百分点", ["提高", "左右"])
    assert "预计" in share["note"]


def test_numbers_in_words_are_values_without_raw(cli):
    got = {}
    for n in (6, 13, 16, 19, 20, 22, 27):
        rid = f"gwr2025.r{n}"
        for t in cli("show", rid, "--json").json["targets"]:
            assert "raw" not in t and "correction" not in t, (rid, t["metric"])
            got[t["metric"]] = (t["value"], t["unit"], t["value_base"])
    assert got["旅游收入"] == (10000, "亿元", 1e12)  # 破万亿: the text leaves out 元
    assert got["财政民生支出"] == (10000, "亿元", 1e12)  # 首次突破万亿元
    assert got["高速铁路通车里程全国位次"][:2] == (1, "位")  # 全国第一
    assert got["近岸海域水体优良率全国位次"][:2] == (3, "位")  # 全国前三
    assert got["中央污染防治攻坚战考核连续优秀年数"][:2] == (4, "年")  # 连续四年
    assert got["耕地面积连续净增加年数"][:2] == (4, "年")
    assert got["农产品出口全国第一连续年数"][:2] == (26, "年")
    assert got["群众性体育赛事活动"][:2] == (80000, "场")  # 8万余场


def test_each_of_a_respectively_list_is_its_own_target(cli):
    item = cli("show", "gwr2025.r15", "--json").json
    got = [(t["metric"], t["value"], t["unit"]) for t in item["targets"]]
    assert got == [("交通投资", 3252, "亿元"), ("能源投资", 2140, "亿元"), ("水利投资", 748, "亿元")]
    sports = cli("show", "gwr2025.r27", "--json").json
    medals = {t["metric"]: t["value"] for t in sports["targets"] if "巴黎" in t["metric"]}
    assert medals == {"巴黎奥运会、残奥会金牌": 8, "巴黎奥运会、残奥会银牌": 9, "巴黎奥运会、残奥会铜牌": 6}


def test_find_answers_from_the_review(cli):
    result = cli("find", "高铁", "--plan", "gwr2025", "--kind", "result", "--json")
    assert result.code == 0, result
    assert "gwr2025.r16" in [i["id"] for i in result.json]
    rail = _target(next(i for i in result.json if i["id"] == "gwr2025.r16"), "高速铁路通车里程")
    assert (rail["value"], rail["unit"], rail["year"], rail["cmp"]) == (3000, "公里", 2024, ["突破"])


def test_the_2024_figures_line_up_with_the_other_reports(cli):
    """The same metric names as fyp14, gxt2024 and gwr2026, so one timeline runs 2020 → 2024 → 2025."""
    result = cli("timeline", "高速铁路通车里程", "--json")
    assert result.code == 0, result
    rows = {(r["item"], r["year"], r["kind"], r["value"]) for r in result.json}
    assert ("fyp14.r6", 2020, "result", 2110) in rows
    assert ("gwr2025.r16", 2024, "result", 3000) in rows
    assert ("gwr2026.r44", 2025, "result", 3055) in rows
    result = cli("timeline", "5G基站", "--json")
    rows = {(r["item"], r["year"], r["value"], r["unit"]) for r in result.json}
    assert ("gxt2024.r6", 2023, 20.2, "万个") in rows
    assert ("gwr2025.r18", 2024, 24.2, "万个") in rows


def test_a_running_total_and_a_yearly_count_are_told_apart(cli):
    """自贸试验区 reforms adopted nationwide: gwr2025.r36 reports a running total (累计15项),
    gwr2026.r17 the year's 3: two names, so neither is read as the other."""
    total = _target(cli("show", "gwr2025.r36", "--json").json, "自贸试验区累计在全国推广的改革成果")
    assert (total["value"], total["unit"], total["cmp"]) == (15, "项", ["累计"])
    year = cli("show", "gwr2026.r17", "--json").json
    assert "自贸试验区累计在全国推广的改革成果" not in [t["metric"] for t in year["targets"]]
    assert _target(year, "自贸试验区在全国推广的创新成果")["value"] == 3


def test_items_without_figures_still_report_their_year(cli):
    item = cli("show", "gwr2025.r14", "--json").json
    assert (item["targets"], item["years"], item["years_implied"]) == ([], [2024], False)
    assert item["text"].startswith("黄河口国家公园创建任务基本完成")


def _progress(cli, plan: str, item: str, metric: str) -> dict:
    result = cli("progress", "--plan", plan, "--year", "2024", "--json")
    assert result.code == 0, result
    return next(r for r in result.json if r["item"] == item and r["metric"] == metric)


def test_a_2024_result_settles_the_2024_goal_of_the_same_quantity(cli):
    """Second review: 入选国家临床重点专科建设项目17个 is named as the goal it answers
    (gwr2024.11.4 新培育12个国家临床重点专科; gwr2025.9.4 names the same words so), and
    规上农产品加工企业 as gwr2024.r19's 规模以上农产品加工企业."""
    clinics = _progress(cli, "gwr2024", "gwr2024.11.4", "新增国家临床重点专科")
    assert clinics["status"] == "met"
    assert (clinics["result"]["item"], clinics["result"]["value"]) == ("gwr2025.r24", 17)
    timeline = cli("timeline", "规模以上农产品加工企业", "--json").json
    rows = {(r["item"], r["year"], r["value"]) for r in timeline}
    assert {("gwr2024.r19", 2023, 1), ("gwr2025.r20", 2024, 1.1)} <= rows


def test_a_figure_that_only_looks_like_the_goal_is_evidence_not_a_verdict(cli):
    """The 2024 review's 重大科技项目90%以上由企业牵头 leaves out the 重大产业攻关项目 that
    act2024-rd.8 counts, and its 6 high-speed railway projects still under way are not a
    shortfall against the 7 the year set out to advance: both are shown, neither judged."""
    share = _progress(cli, "act2024", "act2024-rd.8", "重大攻关项目企业牵头比例")
    assert share["status"] == "not_comparable"
    assert ("gwr2025.r32", "not_comparable") in {(e["item"], e["use"]) for e in share["evidence"]}
    rail = _progress(cli, "gwr2024", "gwr2024.2.3", "在建高铁项目")
    assert rail["status"] == "not_comparable"
    assert ("gwr2025.r16", 6) in {(e["item"], e["value"]) for e in rail["evidence"]}
