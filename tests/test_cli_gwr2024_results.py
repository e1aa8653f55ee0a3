"""Real answers from the results part of the 2024 government work report (lines 18–49: the 2023
review), curated as `gwr2024.r1` … `gwr2024.r33`: the year reported is 2023, stated by the part's
heading and its first paragraphs, never by the paragraphs themselves."""

from __future__ import annotations

RESULTS = [f"gwr2024.r{n}" for n in range(1, 34)]


def _target(item: dict, metric: str) -> dict:
    return next(t for t in item["targets"] if t["metric"] == metric)


def test_the_2023_gdp_is_a_result_of_2023_with_no_agency(cli):
    result = cli("show", "gwr2024.r3", "--json")
    assert result.code == 0, result
    item = result.json
    assert (item["kind"], item["source"]["line"]) == ("result", 24)
    assert item["section"] == ["一、2023年工作回顾", "（一）经济发展实现新跃升。"]
    gdp = _target(item, "地区生产总值")
    assert (gdp["value"], gdp["unit"], gdp["value_base"]) == (9.2, "万亿元", 9.2e12)
    assert (gdp["year"], gdp["year_implied"], gdp["cmp"]) == (2023, False, ["达到"])
    assert gdp["quote"] == "地区生产总值达到9.2万亿元"
    # the report names no agency for any result (CURATING: items without a clause)
    assert (item["lead"], item["support"]) == ([], [])


def test_one_sentence_of_four_growth_rates_gives_four_metrics(cli):
    """规上工业增加值、固定资产投资、社会消费品零售总额、进出口分别增长7.1%、5.2%、8.7%和1.7%."""
    item = cli("show", "gwr2024.r3", "--json").json
    got = {t["metric"]: (t["value"], t["unit"], t["cmp"]) for t in item["targets"]}
    assert got["规模以上工业增加值增长"] == (7.1, "%", ["增长"])
    assert got["固定资产投资增长"] == (5.2, "%", ["增长"])
    assert got["社会消费品零售总额增长"] == (8.7, "%", ["增长"])
    assert got["进出口增长"] == (1.7, "%", ["增长"])


def test_the_review_is_due_in_2023(cli):
    result = cli("due", "2023", "--plan", "gwr2024", "--kind", "result", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    assert {"gwr2024.r1", "gwr2024.r3", "gwr2024.r22", "gwr2024.r33"} <= set(ids)
    due = {(t["metric"], t["value"], t["unit"], tuple(t["cmp"])) for i in result.json for t in i["due"]}
    assert ("地区生产总值增长", 6, "%", ("增长",)) in due
    assert ("高速铁路通车里程", 2810, "公里", ("达到",)) in due
    assert ("5G基站", 20, "万个", ("累计", "超过")) in due
    # every result of the part reports 2023 and none is implied
    mine = [i for i in result.json if i["id"] in RESULTS]
    assert mine and all(i["years"] == [2023] and not i["years_implied"] for i in mine)


def test_find_the_high_speed_rail_result(cli):
    result = cli("find", "高铁运营里程", "--plan", "gwr2024", "--kind", "result", "--json")
    assert result.code == 0, result
    assert "gwr2024.r22" in [i["id"] for i in result.json]
    rail = _target(cli("show", "gwr2024.r22", "--json").json, "高速铁路通车里程全国位次")
    assert (rail["value"], rail["unit"], rail["quote"]) == (1, "位", "高铁运营里程达到2810公里、居全国第一位")


def test_the_timeline_sets_the_2023_result_beside_the_2023_target(cli):
    result = cli("timeline", "全国重点实验室", "--json")
    assert result.code == 0, result
    rows = {(r["item"], r["year"], r["kind"], r["value"]) for r in result.json}
    assert ("green2023.2", 2023, "target", 25) in rows
    assert ("gwr2024.r6", 2023, "result", 21) in rows


def test_the_2023_tasks_are_judged_by_the_report(cli):
    """green2023 set 2023 targets; the report's 2023 figures settle them (metric names shared)."""
    result = cli("progress", "--plan", "green2023", "--year", "2023", "--json")
    assert result.code == 0, result
    got = {
        (r["item"], r["metric"]): (r["status"], r["result"]["item"], r["result"]["value"])
        for r in result.json
        if r.get("result")
    }
    assert got[("green2023.2", "全国重点实验室")] == ("not_met", "gwr2024.r6", 21)
    assert got[("green2023.29", "煤电机组“三改联动”")] == ("met", "gwr2024.r15", 1774)
    assert got[("green2023.106", "新增护理型床位")] == ("met", "gwr2024.r28", 3.3)


def test_numbers_in_words_and_with_many_are_values_without_raw(cli):
    """两个, 全国第一, 第五位, 翻一番 and 8.4万多套 are not damage (CURATING): a value, no raw."""
    got = {}
    for n in (16, 24, 27, 28, 29):
        rid = f"gwr2024.r{n}"
        for t in cli("show", rid, "--json").json["targets"]:
            assert "raw" not in t and "correction" not in t, (rid, t["metric"])
            got[t["metric"]] = (t["value"], t["unit"])
    assert got["国家级互联网骨干直联点"] == (2, "个")  # 两个
    assert got["沿海港口货物吞吐量全国位次"] == (1, "位")  # 保持全国第一
    assert got["实际利用外资全国位次"] == (5, "位")  # 第五位
    assert got["城市书房数量为基期倍数"] == (2, "倍")  # 翻一番
    assert got["筹集保障性租赁住房"] == (84000, "套")  # 8.4万多套
    assert got["各类体育赛事"] == (50000, "场")  # 5万多场


def test_a_starting_point_without_a_year_and_an_estimate_kept_in_the_note(cli):
    approvals = _target(cli("show", "gwr2024.r25", "--json").json, "工程建设项目审批事项")
    assert (approvals["value"], approvals["baseline"]) == (46, {"value": 73})
    digital = _target(cli("show", "gwr2024.r12", "--json").json, "数字经济总量占GDP比重")
    assert (digital["value"], digital["year"], digital["cmp"]) == (47, 2023, ["提高"])
    assert "预计" in digital["note"] and "预计" in digital["quote"]


def test_a_doubling_written_with_one_is_read_as_two():
    from sdtargets.kb.checks import written_in

    assert written_in(2, "城市书房数量翻一番")
    assert not written_in(3, "城市书房数量翻一番")


def test_one_name_joins_the_processing_enterprises_of_two_reports(cli):
    """规模以上 (2024 report) and 规上 (2025 report) name one quantity: one timeline, both years."""
    result = cli("timeline", "规模以上农产品加工企业", "--json")
    assert result.code == 0, result
    rows = {(r["item"], r["year"], r["kind"], r["value"], r["unit"]) for r in result.json}
    assert ("gwr2024.r19", 2023, "result", 1, "万家") in rows
    assert ("gwr2025.r20", 2024, "result", 1.1, "万家") in rows


def test_a_cumulative_count_governing_two_figures_says_so_in_both(cli):
    """累计获批国家级优势特色产业集群7个、现代农业产业园15个: 累计 is in both quotes and cmps."""
    item = cli("show", "gwr2024.r19", "--json").json
    for metric in ("国家优势特色产业集群", "国家现代农业产业园"):
        t = _target(item, metric)
        assert t["cmp"] == ["累计"] and "累计" in t["quote"], metric


def test_a_wider_or_differently_counted_figure_is_evidence_not_a_verdict(cli):
    """green2023's 可再生能源装机 and its one hospital per city meet the report's 新能源和可再生能源
    装机 and its 16 cities covered only as evidence (links with comparable: false)."""
    result = cli("progress", "--plan", "green2023", "--year", "2023", "--json")
    assert result.code == 0, result
    rows = {(r["item"], r["metric"]): r for r in result.json}
    for key, evidence in (
        (("green2023.27", "可再生能源装机规模"), ("gwr2024.r4", 9300)),
        (("green2023.107", "每市三级传染病医院建设标准医疗机构"), ("gwr2024.r28", 16)),
    ):
        r = rows[key]
        assert (r["status"], r["result"]) == ("not_comparable", None), key
        assert evidence in [(e["item"], e["value"]) for e in r["evidence"]], key
