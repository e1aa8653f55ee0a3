"""Real answers from the results part of the 2026 government work report (lines 17–39: the 2025
and “十四五” review), curated as `gwr2026.r1` … `gwr2026.r53`."""

from __future__ import annotations

RESULTS = [f"gwr2026.r{n}" for n in range(1, 54)]


def _target(item: dict, metric: str) -> dict:
    return next(t for t in item["targets"] if t["metric"] == metric)


def test_the_high_speed_rail_result_carries_its_2020_starting_point(cli):
    item = cli("show", "gwr2026.r44", "--json").json
    assert (item["kind"], item["source"]["line"]) == ("result", 32)
    rail = _target(item, "高速铁路通车里程")
    assert (rail["value"], rail["unit"], rail["year"], rail["year_implied"]) == (3055, "公里", 2025, False)
    assert rail["baseline"] == {"value": 2110, "year": 2020}
    assert rail["quote"] == "高铁里程由2110公里增至3055公里"
    # the report names no agency for any result (CURATING: items without a clause)
    assert (item["lead"], item["support"]) == ([], [])


def test_every_result_is_reported_for_2025(cli):
    result = cli("due", "2025", "--plan", "gwr2026", "--kind", "result", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == RESULTS
    due = {(t["metric"], t["value"], t["unit"], tuple(t["cmp"])) for i in result.json for t in i["due"]}
    assert ("地区生产总值", 10.3, "万亿元", ("达到",)) in due
    assert ("地区生产总值增长", 5.5, "%", ("增长",)) in due  # the year 2025
    assert ("地区生产总值增长", 5.9, "%", ("年均", "增长")) in due  # the “十四五” average
    assert sum(len(i["due"]) for i in result.json) == 219


def test_a_2025_figure_in_base_units(cli):
    item = cli("show", "gwr2026.r2", "--json").json
    gdp = _target(item, "地区生产总值")
    assert (gdp["value"], gdp["value_base"], gdp["year"]) == (10.3, 1.03e13, 2025)
    third = _target(item, "地区生产总值过10万亿元省份序次")
    assert (third["value"], third["raw"], third["unit"]) == (3, "三", "个")


def test_find_answers_from_the_report(cli):
    result = cli("find", "高铁里程", "--plan", "gwr2026", "--kind", "result", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == ["gwr2026.r44"]


def test_the_report_lines_up_with_the_five_year_plan(cli):
    result = cli("timeline", "高速铁路通车里程", "--json")
    assert result.code == 0, result
    rows = {(r["item"], r["year"], r["kind"], r["value"]) for r in result.json}
    assert ("fyp14.r6", 2020, "result", 2110) in rows
    assert ("gwr2026.r44", 2025, "result", 3055) in rows
