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
    # 219 targets in all: four are the years 2021–2024 of 每年实施20项重点民生实事 (r50)
    assert sum(len(i["due"]) for i in result.json) == 215


def test_a_2025_figure_in_base_units(cli):
    item = cli("show", "gwr2026.r2", "--json").json
    gdp = _target(item, "地区生产总值")
    assert (gdp["value"], gdp["value_base"], gdp["year"]) == (10.3, 1.03e13, 2025)
    third = _target(item, "地区生产总值过10万亿元省份序次")
    # 第三个 is written in Chinese numerals, not damage: a value, no raw
    assert (third["value"], third.get("raw"), third["unit"]) == (3, None, "个")


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


def test_the_one_year_and_the_five_year_growth_are_told_apart(cli, kb):
    """fyp14.ind1 (the “十四五” average) pairs with r35's 5.9 % 年均, never with 2025's own 5.5 %:
    the same metric name as the plan's indicator, and only the average says 年均."""
    plan = next(i for i in kb.items if i["id"] == "fyp14.ind1")["targets"][0]
    year = _target(cli("show", "gwr2026.r2", "--json").json, "地区生产总值增长")
    average = _target(cli("show", "gwr2026.r35", "--json").json, "地区生产总值增长")
    assert plan["metric"] == year["metric"] == average["metric"] == "地区生产总值增长"
    assert (average["value"], average["year"], average["cmp"]) == (5.9, 2025, ["年均", "增长"])
    assert (year["value"], year["year"], year["cmp"]) == (5.5, 2025, ["增长"])
    assert "年均" not in year["note"] and "“十四五”" not in year["note"]


def test_numbers_in_words_are_values_without_raw(cli):
    """Chinese numerals and 余/多 figures are not damage (CURATING): value in the counting unit."""
    got = {}
    for n in (21, 31, 40, 44, 45, 48, 50):
        rid = f"gwr2026.r{n}"
        for t in cli("show", rid, "--json").json["targets"]:
            assert "raw" not in t and "correction" not in t, (rid, t["metric"])
            got[t["metric"]] = (t["value"], t["unit"])
    assert got["乡村振兴片区覆盖行政村"] == (18000, "个")  # 1.8万余个
    assert got["第四次全国文物普查新发现文物"] == (14000, "处")  # 1.4万余处
    assert got["双拥模范城（县）命名连冠次数"] == (11, "连冠")  # 十一连冠
    assert got["新增高新技术企业"] == (20000, "家")  # 2万多家
    assert got["发明专利授权量为基期倍数"] == (2, "倍")  # 翻番
    assert got["铁路水路货运周转量为基期倍数"] == (2, "倍")
    assert got["城乡居民收入比"] == (2.12, "倍")
    assert got["高速公路八车道里程全国位次"] == (1, "位")  # 全国第一
    assert got["财政民生支出"] == (10000, "亿元")  # 突破万亿元
    assert got["常住人口城镇化率"] == (67.5, "%")
    assert got["常住人口城镇化率提高"] == (4.5, "个百分点")


def test_classes_and_tiers_are_not_quantities(cli):
    """Ⅱ类水质, 二级标准, 二级航道 and 第一梯队 name a class, not a number to compare: notes only."""
    for n, word in ((20, "Ⅱ类"), (26, "二级"), (37, "第一梯队"), (45, "二级")):
        rid = f"gwr2026.r{n}"
        item = cli("show", rid, "--json").json
        assert word in item["note"], rid
        assert not any(word in t["quote"] and t["unit"] in ("类", "级", "梯队") for t in item["targets"]), rid
    assert [t["metric"] for t in cli("show", "gwr2026.r20", "--json").json["targets"]] == [
        "国家最严格水资源管理制度考核全国位次",
        "落地合作事项",
    ]


def test_every_year_of_the_yearly_livelihood_projects(cli):
    item = cli("show", "gwr2026.r50", "--json").json
    years = [t["year"] for t in item["targets"] if t["metric"] == "重点民生实事"]
    assert years == [2021, 2022, 2023, 2024, 2025]


def test_a_doubling_is_read_as_two():
    from sdtargets.kb.checks import written_in

    assert written_in(2, "铁路水路货运周转量实现翻番")
    assert not written_in(3, "铁路水路货运周转量实现翻番")
