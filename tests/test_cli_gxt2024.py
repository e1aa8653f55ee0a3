"""Real answers from the January 2024 industry and IT work conference (004)."""

from __future__ import annotations

TASKS = [f"gxt2024.{n}" for n in range(1, 9)]  # the “八个加力提效”, 一是 … 八是


def test_the_conference_names_no_agency_for_its_items(cli):
    """No clause, no agencies (CURATING): the department that held the conference is the plan's
    issuer, not the lead of its tasks."""
    items = cli("export", "--plan", "gxt2024", "--json").json
    assert len(items) == 19
    assert all(i["lead"] == [] and i["support"] == [] and i["lead_word"] is None for i in items)
    assert not any("lead_implied" in i for i in items)
    plan = next(p for p in cli("plans", "--json").json if p["id"] == "gxt2024")
    assert plan["issuer"] == "山东省工业和信息化厅"


def test_agency_industry_department_in_2024_lists_only_clauses_that_name_it(cli):
    result = cli("agency", "省工业和信息化厅", "--year", "2024", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    assert not set(TASKS) & set(ids)
    # the 2024–2025 action plans' measures it leads, by their clauses
    assert any(i.startswith("act2024-") for i in ids)


def test_the_2024_targets_of_the_conference(cli):
    result = cli("due", "2024", "--plan", "gxt2024", "--json")
    assert result.code == 0, result
    due = {(t["metric"], t["value"], t["unit"]) for i in result.json for t in i["due"]}
    assert ("技改投资增长", 6.5, "%") in due
    assert ("新能源汽车产量", 60, "万辆") in due


def test_2023_results_sit_beside_the_2023_targets(cli):
    result = cli("timeline", "5G基站", "--json")
    assert result.code == 0, result
    rows = {(r["plan"], r["year"], r["kind"], r["value"]) for r in result.json}
    assert ("gxt2024", 2023, "result", 20.2) in rows
    assert any(plan.startswith("act2024") and kind == "target" for plan, _, kind, _ in rows)


def test_reported_growth_of_industrial_value_added(cli):
    item = cli("show", "gxt2024.r3", "--json").json
    assert item["kind"] == "result"
    growth = next(t for t in item["targets"] if t["metric"] == "规模以上工业增加值增长")
    assert (growth["value"], growth["unit"], growth["year"]) == (6.9, "%", 2023)


def test_the_2023_summary_is_found_under_2023(cli):
    result = cli("due", "2023", "--plan", "gxt2024", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == [f"gxt2024.r{n}" for n in range(1, 9)]
    assert result.json[0]["years"] == [2023]
