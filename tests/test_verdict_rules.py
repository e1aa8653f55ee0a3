"""Issue #18's verdict rules on real items: relative targets against their baseline, levels
reached before the deadline, figures derived from two reported ones, yearly averages over a span,
this year's targets with last year's figure as context; and what `progress` answers first (the
counts), in what order (worst first), on a topic, with citations a reader can follow."""

from __future__ import annotations

import copy

import pytest
from conftest import progress_record

from sdtargets.store import relative
from sdtargets.store.progress import assess, figures, horizon

one = progress_record


# ---------------------------------------------------------------------------------------------
# The rules


def test_a_doubling_is_judged_against_twice_its_baseline(cli):
    """高速铁路通车里程实现翻番 (fyp14, 2025): 2 × 2110 km (2020, fyp14.r6) = 4220 km, against the
    2026 report's 3055 km: not met, with the arithmetic and both figures cited."""
    r = one(cli, "fyp14.goal11", "高速铁路通车里程")
    assert (r["status"], r["result"]["item"], r["result"]["value"]) == ("not_met", "gwr2026.r44", 3055)
    d = r["derived"]
    assert d["arithmetic"] == "2 × 2110公里 (2020, fyp14.r6) = 4220公里"
    assert d["required"] == {"value": 4220, "unit": "公里", "metric": "高速铁路通车里程"}
    assert (d["baseline"]["item"], d["baseline"]["value"], d["baseline"]["year"]) == ("fyp14.r6", 2110, 2020)
    assert d["baseline"]["source"]["title"].startswith("山东省国民经济和社会发展第十四个五年规划")
    assert r["rule"].startswith("at least 4220公里")
    assert (r["gap"], r["gap_text"]) == (-1165, "72 % of target")
    table = cli("progress", "--plan", "fyp14", "--status", "not_met")
    assert "2 × 2110公里 (2020, fyp14.r6) = 4220公里" in table.out


def test_points_are_added_to_the_baseline_share(cli):
    """两年提高3个百分点以上 (2024-2025) from 2023's 47 % (gwr2024.r12) asks 50 %: the 2026
    report's 超过50% meets it."""
    r = one(cli, "act2024-digital.goal", "数字经济总量占GDP比重提高", 2025)
    assert (r["status"], r["result"]["item"]) == ("met", "gwr2026.r38")
    assert r["derived"]["arithmetic"] == "47% (2023, gwr2024.r12) + 3个百分点 = 50%"


def test_an_increase_counts_from_the_plans_own_baseline_column(cli):
    """fyp14's table: 人均预期寿命 79左右 (2020) → 提高1岁左右: 79 + 1 (左右: 5 % of the increase)
    = 79.95, against the 2026 report's 80.5; 受教育年限 10.8 + 0.5 = 11.3 has no 2025 figure yet."""
    r = one(cli, "fyp14.ind14", "人均预期寿命提高")
    assert (r["status"], r["result"]["item"], r["result"]["value"]) == ("met", "gwr2026.r51", 80.5)
    assert r["derived"]["arithmetic"] == "79岁 (2020, fyp14.ind14) + 1岁 左右 (within 5 %) = 79.95岁"
    assert r["derived"]["baseline"]["item"] == "fyp14.ind14"
    r = one(cli, "fyp14.ind10", "劳动年龄人口平均受教育年限提高")
    assert (r["status"], r["derived"]["arithmetic"]) == (
        "no_report",
        "10.8年 (2020, fyp14.ind10) + 0.5年 = 11.3年",
    )


def test_a_relative_target_without_a_baseline_says_why(cli):
    """数字化领域高新技术企业数量实现倍增: no figure of the level for the year before its period."""
    r = one(cli, "act2024-digital.goal", "数字化领域高新技术企业数量", 2025)
    assert (r["status"], r["result"], r["gap"]) == ("not_comparable", None, None)
    assert r["why"] == (
        "a relative target (翻番) needs 数字化领域高新技术企业数量 in 2023 as its baseline;"
        " the base holds none"
    )


def test_a_level_reached_before_its_deadline_is_met_with_the_year(cli):
    r = one(cli, "fyp14.c10p1", "高新技术企业")
    assert (r["status"], r["result"]["item"], r["result"]["year"], r["reached"]) == (
        "met",
        "gwr2025.r10",
        2024,
        2024,
    )
    assert r["why"] == "reached in 2024, before its 2025 deadline: a level, once reached, is met"
    show = cli("show", "fyp14.c10p1", "--json").json
    verdict = next(t["verdict"] for t in show["targets"] if t["metric"] == "高新技术企业")
    assert (verdict["status"], verdict["reached"], verdict["result"]["item"]) == ("met", 2024, "gwr2025.r10")


def test_about_is_not_reached_early_by_its_tolerance(cli):
    """国家企业技术中心达到220家左右 (2025): 210 in 2023 is within 5 % but not yet 220, so the
    target is not reached early; its year has no report."""
    r = one(cli, "mfg2023.goal4", "国家企业技术中心", 2025)
    assert r["status"] == "no_report" and "reached" not in r
    assert (r["last"]["item"], r["last"]["value"]) == ("gwr2024.r6", 210)


def test_an_increment_derived_from_two_years_levels_cites_both(cli):
    """新开通5G基站4万个 (2024): 24.2万个 (2024, gwr2025.r18) - 20.2万个 (2023, gxt2024.r6)."""
    r = one(cli, "gwr2024.3.3", "新增5G基站", 2024)
    assert (r["status"], r["result"]["value"], r["result"]["unit"]) == ("met", 4, "万个")
    d = r["result"]["derived"]
    assert d["arithmetic"] == "24.2万个 (2024, gwr2025.r18) - 20.2万个 (2023, gxt2024.r6) = 4万个"
    assert [(f["item"], f["quote"]) for f in d["from"]] == [
        ("gwr2025.r18", "5G基站达到24.2万个"),
        ("gxt2024.r6", "开通 5G 基站 20.2 万个"),
    ]
    assert all(f["source"]["title"] for f in d["from"])


def test_a_yearly_average_is_compounded_from_every_year_of_its_span(kb):
    """十四五年均 居民人均可支配收入增长 >5.5 % (fyp14.ind8): with a one-year figure for each of
    2021-2025 the rules compute the compound average and judge it; with one year missing, not."""
    item = next(i for i in kb.items if i["id"] == "fyp14.ind8")
    t = item["targets"][0]
    figs = figures(kb.items, kb.vocabulary)
    one_year = next(f for f in figs["居民人均可支配收入增长"] if f["span"] == "year" and not f["partial"])
    made = []
    for year, value in zip(range(2021, 2026), (8.6, 5.4, 6.2, 5.2, 5.1), strict=True):
        f = copy.deepcopy(one_year)
        f.update(year=year, value=value, value_base=value, bound=None)
        made.append(f)
    avg = relative.average_figure(t, made)
    assert avg["value"] == pytest.approx(6.09, abs=0.01) and avg["years"] == (2021, 2025)
    assert avg["derived"]["arithmetic"].startswith("compound yearly average of 8.6% (2021")
    r = assess(item, t, {"居民人均可支配收入增长": made}, kb.vocabulary, 2025)
    assert (r["status"], r["result"]["value"]) == ("met", avg["value"])
    assert relative.average_figure(t, made[1:]) is None  # 2021 missing: no average


def test_a_target_set_this_january_is_no_report_with_last_years_figure(cli):
    """2026's targets of the January 2026 report: 2025's figures are context, not pace."""
    res = cli("progress", "--plan", "gwr2026", "--year", "2026", "--json")
    assert {r["status"] for r in res.json} <= {"no_report", "not_comparable"}
    r = next(r for r in res.json if r["metric"] == "新增城镇就业")
    assert (r["last"]["value"], r["last"]["unit"], r["last"]["year"]) == (124.9, "万人", 2025)
    assert "last: 124.9万人 (2025)" in cli("show", "gwr2026.goal3").out


def test_pace_without_a_period_is_unchanged(kb):
    """The period rule needs the plan: called without it, the rules pace as before."""
    item = next(i for i in kb.items if i["id"] == "gwr2026.goal3")
    t = next(t for t in item["targets"] if t["metric"] == "新增城镇就业")
    figs = figures(kb.items, kb.vocabulary)
    plan = next(p for p in kb.plans if p["id"] == "gwr2026")
    assert assess(item, t, figs, kb.vocabulary, horizon(kb.plans, kb.items), plan)["status"] == "no_report"
    assert assess(item, t, figs, kb.vocabulary, horizon(kb.plans, kb.items))["status"] == "on_track"


# ---------------------------------------------------------------------------------------------
# The command: counts first, worst first, a topic, citations


def test_the_table_opens_with_the_counts_and_lists_the_worst_first(cli):
    out = cli("progress", "--plan", "fyp14").out
    lines = out.splitlines()
    assert (
        lines[0].strip()
        == f"{len(cli('progress', '--plan', 'fyp14', '--json').json)} targets by status, per plan"
    )
    assert lines[1].split()[:4] == ["plan", "met", "not", "met"]
    assert out.index("✗ not met") < out.index("✓ met") < out.index("· no report")
    assert (
        "documents cited" in out
        and "http://www.shandong.gov.cn/art/2025/1/25/art_305164_10353397.html" in out
    )
    statuses = [r["status"] for r in cli("progress", "--json").json]
    order = ["not_met", "behind", "on_track", "met", "not_comparable", "no_report"]
    assert statuses == sorted(statuses, key=order.index)


def test_summary_alone(cli):
    every = cli("progress", "--json").json
    rows = cli("progress", "--summary", "--json").json
    total = rows[-1]
    assert total["plan"] == "all" and total["total"] == len(every)
    for status in ("met", "not_met", "no_report"):
        assert total[status] == sum(r["status"] == status for r in every)
    assert total["decided"] == sum(r["status"] in ("met", "not_met", "on_track", "behind") for r in every)
    assert {r["plan"] for r in rows[:-1]} == {r["plan"] for r in every}
    table = cli("progress", "--summary").out
    assert "targets by status" not in table and "documents cited" not in table and "fyp14" in table
    csv = cli("progress", "--summary", "--format", "csv").out.splitlines()
    assert csv[0] == "plan,met,not_met,on_track,behind,no_report,not_comparable,decided,total"
    assert csv[-1] == "all," + ",".join(str(total[k]) for k in csv[0].split(",")[1:])
    by_agency = cli("progress", "--summary", "--by", "agency", "--json").json
    assert "省科技厅" in {r["agency"] for r in by_agency}
    bad = cli("progress", "--by", "year")
    assert (bad.code, bad.err.strip()) == (2, "sdtargets: Unknown --by 'year': use plan or agency.")


def test_a_topic_as_find_reads_it(cli):
    found = {i["id"] for i in cli("find", "5G", "--json").json}
    res = cli("progress", "5G", "--year", "2025", "--json")
    assert res.code == 0 and res.json
    assert {r["item"] for r in res.json} <= found
    assert {r["year"] for r in res.json} == {2025}
    assert "5G基站" in {r["metric"] for r in res.json}
    assert cli("progress", "火星殖民").code == 1


def test_gap_is_a_number_in_data_and_text_in_tables(cli):
    csv = cli("progress", "--plan", "fyp14", "--status", "not_met", "--format", "csv").out.splitlines()
    head = csv[0].split(",")
    row = next(line.split(",") for line in csv[1:] if line.startswith("fyp14.goal11,"))
    assert row[head.index("gap")] == "-1165"
    assert "72 % of target" in cli("progress", "--plan", "fyp14", "--status", "not_met").out


def test_citations_carry_the_documents_title_and_address(cli):
    item = cli("show", "gwr2025.goal2", "--json").json
    assert item["source"]["title"] == "2025年山东省政府工作报告"
    assert item["source"]["url"] == "http://www.shandong.gov.cn/art/2025/1/25/art_305164_10353397.html"
    page = cli("show", "gwr2025.goal2").out
    assert "document: 2025年山东省政府工作报告" in page
    assert "address: http://www.shandong.gov.cn/art/2025/1/25/art_305164_10353397.html" in page
    # a document the sources give no address for has its title alone
    assert "url" not in cli("show", "fyp14.goal11", "--json").json["source"]
    r = one(cli, "gwr2024.goal2", "新增城镇就业", 2024)
    assert r["result"]["source"]["url"].startswith("http://www.shandong.gov.cn/art/2025/")


def test_fields_pick_the_targets_columns_even_numbers(cli):
    """`--fields` with a table shows the targets' columns alone (no counts table), numbers as text."""
    res = cli("progress", "--plan", "fyp14", "--fields", "item,status,gap,result_value")
    assert res.code == 0, res
    row = next(line.split() for line in res.out.splitlines() if line.startswith("fyp14.goal11"))
    assert row == ["fyp14.goal11", "not_met", "-1165", "3055"]
    assert "targets by status" not in res.out
