"""Real answers from the 2024 newspaper pages (000): one plan entry per article."""

from __future__ import annotations


def test_find_xueer_study_rooms_finds_the_cppcc_figure(cli):
    result = cli("find", "学而书房", "--json")
    assert result.code == 0, result
    (item,) = result.json
    assert (item["id"], item["kind"], item["lead"]) == ("news2024-cppcc.r4", "result", [])
    rooms = next(t for t in item["targets"] if t["metric"] == "学而书房")
    assert (rooms["value"], rooms["unit"], rooms["year"]) == (300, "个", 2023)


def test_the_cppcc_article_names_no_agency_its_issuer_is_the_plan_s(cli):
    """A newspaper article has no clause: its items have no agencies, and 省政协, whose own work it
    reports, is the issuer of its plan entry (CURATING: one rule for items without a clause)."""
    items = cli("export", "--plan", "news2024-cppcc", "--json").json
    assert len(items) == 7
    assert all(i["lead"] == [] and i["support"] == [] for i in items)
    plan = next(p for p in cli("plans", "--json").json if p["id"] == "news2024-cppcc")
    assert plan["issuer"] == "省政协"


def test_the_nev_plan_2025_sector_targets_add_up_to_5000_yi(cli):
    result = cli("due", "2025", "--plan", "新能源汽车", "--json")
    assert result.code == 0, result
    scale = {
        t["metric"]: t["value"]
        for i in result.json
        for t in i["due"]
        if t["metric"].endswith("产业规模") and t["metric"] != "新能源汽车全产业规模"
    }
    assert scale == {
        "新能源汽车整车产业规模": 1500,
        "新能源汽车核心部件产业规模": 800,
        "新能源汽车配套部件产业规模": 2000,
        "新能源汽车及动力电池回收利用产业规模": 100,
        "新能源汽车配套服务产业规模": 600,
    }
    assert sum(scale.values()) == 5000
    total = {t["value_base"] for i in result.json for t in i["due"] if t["metric"] == "新能源汽车全产业规模"}
    assert total == {5000 * 10**8}


def test_nev_output_target_appears_beside_the_other_plans(cli):
    rows = cli("timeline", "新能源汽车产量", "--json").json
    plans = {r["plan"] for r in rows if r["year"] == 2025}
    assert {"news2024-nev", "act2024-ecosystem"} <= plans


def test_every_article_is_its_own_plan_under_the_page(cli):
    plans = cli("plans", "--json").json
    articles = [p["id"] for p in plans if p["parent"] == "news2024"]
    assert {"news2024-cppcc", "news2024-nev", "news2024-digital", "news2024-childcare"} <= set(articles)
    assert all(p["source"] == "000_244ac400bdc265e2.txt" for p in plans if p["id"] in articles)
    page = cli("export", "--plan", "news2024", "--json").json
    assert {i["plan"] for i in page} <= set(articles)
