"""Real answers from the 14th Five-Year Plan (003), whose PDF conversion lost every decimal point."""

from __future__ import annotations


def test_due_2025_lists_every_indicator_of_the_table(cli):
    result = cli("due", "2025", "--plan", "十四五", "--kind", "indicator", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == [f"fyp14.ind{n}" for n in range(1, 22)]
    assert [i["title"] for i in result.json[:3]] == [
        "地区生产总值增速",
        "常住人口城镇化率",
        "全员劳动生产率增速",
    ]
    # the table's 2025 column states the year, so these are not "implied by the plan's end"
    assert all(not t["year_implied"] for i in result.json for t in i["due"])


def test_due_2025_of_the_plan_includes_the_indicator_targets(cli):
    result = cli("due", "2025", "--plan", "十四五", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    assert {f"fyp14.ind{n}" for n in range(1, 22)} <= set(ids)


def test_show_urbanisation_restores_the_lost_decimal_point(cli):
    item = cli("show", "fyp14.ind2", "--json").json
    assert item["kind"] == "indicator"
    assert item["category"] == "经济发展"
    assert item["attribute"] == "预期性"
    level, change = item["targets"]
    assert (level["metric"], level["value"], level["unit"], level["cmp"]) == (
        "常住人口城镇化率",
        65,
        "%",
        ["左右"],
    )
    assert (level["baseline"]["value"], level["baseline"]["year"], level["baseline"]["raw"]) == (
        61.8,
        2020,
        "618",
    )
    assert (change["value"], change["raw"]) == (3.2, "32")
    assert change["correction"]


def test_show_table_prints_the_restoration_beside_the_printed_string(cli):
    result = cli("show", "fyp14.ind2")
    assert result.code == 0, result
    out = result.out
    assert "65% (左右)" in out
    assert "baseline 61.8 in 2020, raw 618" in out
    assert "(2)常住人口城镇化率 (%) 618 65左右 [32左右] 预期性" in out


def test_values_that_cannot_be_restored_are_left_empty_with_the_reason(cli):
    forest = cli("show", "fyp14.ind19", "--json").json
    (target,) = forest["targets"]
    assert target["value"] is None
    assert target["note"]


def test_every_restored_number_keeps_its_printed_string_and_reason(kb):
    restored = [(i["id"], t) for i in kb.items if i["plan"] == "fyp14" for t in i["targets"] if "raw" in t]
    assert len(restored) >= 40
    assert all(t["correction"] for _, t in restored)


def test_thirteenth_plan_achievements_are_results_of_2020(cli):
    result = cli("export", "--plan", "十四五", "--kind", "result", "--json")
    assert result.code == 0, result
    assert len(result.json) == 8
    r1 = next(i for i in result.json if i["id"] == "fyp14.r1")
    shares = [
        (t["metric"], t["value"], t["raw"]) for t in r1["targets"] if t["metric"].endswith("产业增加值占比")
    ]
    assert shares == [
        ("第一产业增加值占比", 7.3, "73"),
        ("第二产业增加值占比", 39.1, "391"),
        ("第三产业增加值占比", 53.6, "536"),
    ]


def test_the_plan_names_no_agencies(cli):
    items = cli("export", "--plan", "十四五", "--json").json
    assert len(items) == 94
    assert [i["id"] for i in items if i["lead"] or i["support"]] == []


def test_the_2035_vision_is_due_in_2035(cli):
    result = cli("due", "2035", "--plan", "十四五", "--json")
    assert result.code == 0, result
    assert "fyp14.vision" in [i["id"] for i in result.json]


def test_thirteenth_plan_results_carry_2020_not_the_plan_end(cli):
    # 第一章 reports the “十三五” results (to 2020), not 2025 commitments
    result = cli("due", "2020", "--plan", "fyp14", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == [f"fyp14.r{n}" for n in range(1, 9)]
    r2 = next(i for i in result.json if i["id"] == "fyp14.r2")
    assert (r2["years"], r2["years_implied"]) == ([2020], False)
    hte = next(t for t in r2["due"] if t["metric"] == "高新技术企业")
    assert (hte["value"], hte["unit"], hte["year"], hte["year_implied"]) == (1.4, "万家", 2020, False)
