"""Real answers from the 2024–2025 action plans (鲁政发〔2024〕5号), through the command line.

The expected lists were read off the source (`001_eaa1b40229515837.txt`), not off the data.
"""

from __future__ import annotations

import pytest

# every clause of 001 that names 国网山东省电力公司 (three of them under 牵头部门, one with a
# half-width parenthesis), in source order
STATE_GRID_LEADS = [
    "act2024-bizenv.10",
    "act2024-bizenv.30",
    "act2024-bizenv.31",
    "act2024-bizenv.32",
    "act2024-newenergy.1",
    "act2024-newenergy.2",
    "act2024-newenergy.3",
    "act2024-newenergy.4",
    "act2024-newenergy.5",
]


def test_agency_state_grid_lists_exactly_the_measures_it_leads(cli):
    result = cli("agency", "国网山东省电力公司", "--json")
    assert result.code == 0, result
    assert [(i["id"], i["role"]) for i in result.json] == [(i, "lead") for i in STATE_GRID_LEADS]
    nuclear = next(i for i in result.json if i["id"] == "act2024-newenergy.1")
    assert nuclear["lead"] == [
        "省发展改革委",
        "省工业和信息化厅",
        "省生态环境厅",
        "省能源局",
        "省海洋局",
        "国网山东省电力公司",
    ]


def test_agency_science_department_includes_its_named_measures(cli):
    result = cli("agency", "省科技厅", "--plan", "科技研发", "--role", "lead", "--json")
    assert result.code == 0, result
    titles = {i["id"]: i["title"] for i in result.json}
    assert titles["act2024-rd.1"] == "强化新兴产业“卡脖子”技术攻关"
    assert titles["act2024-rd.2"] == "强化未来产业前沿技术创新"
    assert all("省科技厅" in i["lead"] for i in result.json)


def test_due_2025_includes_the_high_tech_enterprise_target(cli):
    result = cli("due", "2025", "--plan", "科技研发", "--json")
    assert result.code == 0, result
    goal = next(i for i in result.json if i["id"] == "act2024-rd.goal")
    due = [t for t in goal["due"] if t["metric"] == "高新技术企业"]
    assert [(t["value"], t["unit"], t["value_base"], t["cmp"], t["quote"]) for t in due] == [
        (3.8, "万家", 38000, ["突破"], "2025年突破3.8万家")
    ]


def test_the_2024_figure_of_the_same_metric_is_due_in_2024(cli):
    goal = cli("show", "act2024-rd.goal", "--json").json
    hte = [(t["year"], t["value"]) for t in goal["targets"] if t["metric"] == "高新技术企业"]
    assert hte == [(2024, 3.5), (2025, 3.8)]


def test_find_humanoid_robots_finds_the_future_industry_measures(cli):
    result = cli("find", "人形机器人", "--json")
    assert result.code == 0, result
    exact = [i["id"] for i in result.json if i["score"] >= 60 and i["plan"].startswith("act2024")]
    assert exact == ["act2024-ecosystem.3", "act2024-rd.2"]


def test_find_low_altitude_economy(cli):
    result = cli("find", "低空经济", "--json")
    assert result.code == 0, result
    exact = [i["id"] for i in result.json if i["score"] >= 60 and i["plan"].startswith("act2024")]
    assert exact == ["act2024-rd.1"]


def test_due_2024_for_the_new_energy_plan(cli):
    result = cli("due", "2024", "--plan", "新能源", "--json")
    assert result.code == 0, result
    got = [(i["id"], [(t["metric"], t["value"], t["unit"]) for t in i["due"]]) for i in result.json]
    assert got == [
        (
            "act2024-newenergy.goal",
            [("新能源和可再生能源发电装机", 1, "亿千瓦"), ("新能源新材料产业营业收入", 1.45, "万亿元")],
        ),
        ("act2024-newenergy.1", [("核电装机", 415, "万千瓦")]),
        ("act2024-newenergy.2", [("风电装机", 2700, "万千瓦")]),
        ("act2024-newenergy.3", [("光伏装机", 6400, "万千瓦")]),
        ("act2024-newenergy.4", [("新型储能规模", 500, "万千瓦")]),
    ]


@pytest.mark.parametrize(
    ("plan", "count"),
    [
        ("act2024-rd", 16),
        ("科技研发", 16),
        ("营商环境", 64),
        ("新能源", 8),
    ],
)
def test_a_sub_plan_is_a_filter_by_id_or_alias(cli, plan, count):
    result = cli("export", "--plan", plan, "--json")
    assert result.code == 0, result
    assert len(result.json) == count
    assert all(i["plan"].startswith("act2024-") for i in result.json)


def test_the_document_includes_all_its_sub_plans(cli):
    result = cli("export", "--plan", "act2024", "--json")
    assert result.code == 0, result
    assert len(result.json) == 324
    assert len({i["plan"] for i in result.json}) == 13


def test_support_words_are_kept_as_the_source_writes_them(cli):
    # 001 writes 配合单位 134 times and 责任单位 once (参与单位 is the 2023 list's word); seven
    # clauses name no lead, only bodies 按职能/职责分工负责, kept as support under those words
    items = cli("export", "--plan", "act2024", "--json").json
    words = [i["support_word"] for i in items if i["support_word"]]
    assert (words.count("配合单位"), words.count("责任单位")) == (134, 1)
    no_lead = sorted(i["id"] for i in items if i["support_word"] and "分工负责" in i["support_word"])
    assert no_lead == sorted(f"act2024-bizenv.{n}" for n in (18, 34, 41, 53, 56, 57, 58))
    assert all(i["lead"] == [] for i in items if i["id"] in no_lead)
    assert len(words) == 142


def test_a_figure_without_its_own_year_is_implied_even_beside_a_dated_one(cli):
    # 18.建强算力“中枢”: “打造主城区1毫秒算力时延圈。到2025年，…12.5EFLOPS…”
    item = cli("show", "act2024-digital.18", "--json").json
    implied = {t["metric"]: t["year_implied"] for t in item["targets"]}
    assert implied == {
        "主城区算力时延": True,
        "数据中心总算力": False,
        "智能算力占比": False,
        "低时延数据中心核心区": False,
    }
    due = cli("due", "2025", "--plan", "数字变革", "--json").json
    metrics = {t["metric"] for i in due for t in i["due"]}
    assert "数据中心总算力" in metrics and "主城区算力时延" not in metrics and "社会治理新场景" not in metrics
