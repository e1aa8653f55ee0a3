"""Real answers from 山东省制造业创新能力提升三年行动计划（2023—2025年） (mfg2023)."""

from __future__ import annotations

import pytest

# the safeguards 三、保障措施（一）—（四）: their numbering restarts, so the ids name the section
SAFEGUARDS = [f"mfg2023.3.{n}" for n in range(1, 5)]


def _target(item: dict, metric: str, year: int = 2025) -> dict:
    return next(t for t in item["targets"] if t["metric"] == metric and t["year"] == year)


def test_the_2025_targets_of_the_goal_paragraphs(cli):
    goal4 = cli("show", "mfg2023.goal4", "--json").json
    rd = _target(goal4, "省“一企一技术”研发中心")
    assert (rd["value"], rd["unit"], rd["cmp"]) == (2150, "家", ["达到", "左右"])
    # the year is stated once, in the goal paragraph above (line 8), and governs this one
    assert rd["year_implied"] is False

    goal5 = cli("show", "mfg2023.goal5", "--json").json
    hte = _target(goal5, "高新技术企业")
    assert (hte["value"], hte["unit"], hte["value_base"], hte["cmp"]) == (3.3, "万家", 33000, ["达到"])
    champions = _target(goal5, "省级以上制造业单项冠军企业")
    assert (champions["value"], champions["unit"]) == (1000, "家")
    assert "1500" in champions["note"]  # the doubt against act2024's figure is recorded


def test_every_year_is_one_target_per_plan_year(cli):
    item = cli("show", "mfg2023.22", "--json").json
    assert [(t["metric"], t["value"], t["year"]) for t in item["targets"]] == [
        ("新增“山东制造·齐鲁精品”", 100, 2023),
        ("新增“山东制造·齐鲁精品”", 100, 2024),
        ("新增“山东制造·齐鲁精品”", 100, 2025),
    ]


@pytest.mark.parametrize(
    ("item_id", "lead"),
    [
        ("mfg2023.14", ["省发展改革委", "省科技厅", "省工业和信息化厅"]),
        ("mfg2023.17", ["省教育厅", "省科技厅", "省工业和信息化厅"]),
        ("mfg2023.19", ["省科技厅"]),
        ("mfg2023.27", ["省市场监管局", "省工业和信息化厅"]),
        ("mfg2023.s2", ["省工业和信息化厅", "各市工业和信息化局"]),
    ],
)
def test_lead_agencies_exactly_as_the_clause_lists_them(cli, item_id, lead):
    item = cli("show", item_id, "--json").json
    assert item["lead"] == lead
    assert item["support"] == []


def test_safeguards_have_no_clause_and_no_agencies(cli):
    for item_id in SAFEGUARDS:
        item = cli("show", item_id, "--json").json
        assert item["section"] == ["三、保障措施"]
        assert (item["lead"], item["support"]) == ([], []), item_id


def test_the_industry_department_leads_all_but_one_task(cli):
    result = cli("agency", "省工业和信息化厅", "--plan", "mfg2023", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    assert len(ids) == 29  # tasks 1–28 except 19, and the two clause paragraphs under 15
    assert {i["role"] for i in result.json} == {"lead"}
    assert "mfg2023.19" not in ids
    assert {"mfg2023.15", "mfg2023.s1", "mfg2023.s2"} <= set(ids)


def test_the_city_bureaus_resolve_through_their_short_name(cli):
    result = cli("agency", "各市工信局", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == ["mfg2023.s2"]


def test_due_2025(cli):
    result = cli("due", "2025", "--plan", "mfg2023", "--json")
    assert result.code == 0, result
    # the 每年 commitments (goal2, goal3, 2, 4, 6, 17, 22, 26 …) state every plan year, 2025 too
    assert [i["id"] for i in result.json] == [
        "mfg2023.goal",
        "mfg2023.goal2",
        "mfg2023.goal3",
        "mfg2023.goal4",
        "mfg2023.goal5",
        "mfg2023.goal6",
        "mfg2023.goal8",
        "mfg2023.2",
        "mfg2023.4",
        "mfg2023.6",
        "mfg2023.11",
        "mfg2023.17",
        "mfg2023.20",
        "mfg2023.22",
        "mfg2023.26",
    ]
    due = {(t["metric"], t["value"], t["unit"]) for i in result.json for t in i["due"]}
    assert len(due) == 33
    assert ("泰山产业领军人才工程创新领军人才项目", 1, "期") in due
    assert ("制造业创新中心攻克产业共性技术", 10, "项") in due
    assert ("高新技术企业", 3.3, "万家") in due
    assert ("省制造业创新中心", 50, "家") in due
    assert ("未来产业集群", 10, "个") in due


def test_the_plan_is_found_by_what_users_type(cli):
    result = cli("find", "齐鲁精品", "--plan", "制造业创新三年行动", "--json")
    assert result.code == 0, result
    # the task titled 推介“山东制造·齐鲁精品” ranks above the goal that names it in a metric
    assert [i["id"] for i in result.json] == ["mfg2023.22", "mfg2023.goal8"]


def test_high_tech_enterprises_line_up_across_documents(cli):
    result = cli("timeline", "高新技术企业", "--json")
    rows = {(r["item"], r["year"], r["value"]) for r in result.json}
    assert ("mfg2023.goal5", 2025, 3.3) in rows
    assert ("act2024-rd.goal", 2025, 3.8) in rows


def test_a_number_in_chinese_numerals_is_a_value_not_damage(cli):
    # 10.: “支持千家企业产学研协同创新” — 千家 is 1000家, written in words, not a damaged figure
    item = cli("show", "mfg2023.10", "--json").json
    (t,) = item["targets"]
    assert t["metric"] == "支持产学研协同创新的科技型中小企业"
    assert (t["value"], t["unit"], t["value_base"]) == (1000, "家", 1000)
    assert "raw" not in t and "correction" not in t
    # goal3: “每年实施一期…项目” is one round a year, a target per plan year
    goal3 = cli("show", "mfg2023.goal3", "--json").json
    metric = "泰山产业领军人才工程创新领军人才项目"
    rounds = [(t["value"], t["unit"], t["year"]) for t in goal3["targets"] if t["metric"] == metric]
    assert rounds == [(1, "期", 2023), (1, "期", 2024), (1, "期", 2025)]


def test_the_every_year_targets_of_goal5_state_every_plan_year(cli):
    goal5 = cli("show", "mfg2023.goal5", "--json").json
    gazelles = [(t["year"], t["year_implied"]) for t in goal5["targets"] if t["metric"] == "新增瞪羚企业"]
    # 每年 states each year of the plan (CURATING, year_implied), so `due 2024` lists them unasked
    assert gazelles == [(2023, False), (2024, False), (2025, False)]
    # the 2025 stocks are stated by the item's own “到2025年”
    assert _target(goal5, "专精特新中小企业")["year_implied"] is False
