"""Real answers from 科技创新引领标志性产业链高质量发展实施方案（2024—2027年） (chain2024).

The expected values were read off the source (`sd2024_keji_biaozhixing_chanyelian.txt`), not off
the data.
"""

from __future__ import annotations

# 四、推进措施: (id, lead, support) of every clause, in source order (lines 99–113)
CLAUSES = [
    ("chain2024.4.1", ["省科技厅"], ["省发展改革委", "省工业和信息化厅"]),
    ("chain2024.4.2", ["省科技厅"], ["省发展改革委", "省工业和信息化厅"]),
    ("chain2024.4.3", [], ["省发展改革委", "省科技厅", "省工业和信息化厅", "省国资委"]),
    ("chain2024.4.4", [], ["省委组织部", "省教育厅", "省科技厅", "省工业和信息化厅", "省人力资源社会保障厅"]),
    ("chain2024.4.5", ["省科技厅"], ["省委组织部", "省市场监管局"]),
    (
        "chain2024.4.6",
        ["省科技厅", "人民银行山东省分行"],
        ["省委金融办", "省财政厅", "金融监管总局山东监管局"],
    ),
    ("chain2024.4.7", ["省科技厅", "省商务厅"], ["省委组织部"]),
    ("chain2024.4.8", ["省科技厅"], ["省发展改革委", "省财政厅", "省自然资源厅", "省能源局"]),
]


def test_a_joint_lead_clause_keeps_both_leads_and_its_words(cli):
    # （省科技厅、人民银行山东省分行牵头，省委金融办、省财政厅、金融监管总局山东监管局配合）
    item = cli("show", "chain2024.4.6", "--json").json
    assert item["lead"] == ["省科技厅", "人民银行山东省分行"]
    assert item["support"] == ["省委金融办", "省财政厅", "金融监管总局山东监管局"]
    assert (item["lead_word"], item["support_word"]) == ("牵头", "配合")
    assert (item["source"]["file"], item["source"]["line"]) == ("sd2024_keji_biaozhixing_chanyelian.txt", 109)


def test_every_clause_of_the_measures_is_recorded_exactly(cli):
    result = cli("export", "--plan", "chain2024", "--json")
    assert result.code == 0, result
    got = [(i["id"], i["lead"], i["support"]) for i in result.json if i["id"].startswith("chain2024.4.")]
    assert got == CLAUSES


def test_shared_duty_clause_names_no_lead(cli):
    # （省发展改革委、省科技厅、省工业和信息化厅、省国资委按职责分工负责）
    item = cli("show", "chain2024.4.3", "--json").json
    assert item["lead"] == []
    assert item["support_word"] == "按职责分工负责"
    assert "未指定牵头" in item["agency_note"]


def test_every_year_target_is_one_target_per_plan_year(cli):
    item = cli("show", "chain2024.4.3", "--json").json
    giants = [
        (t["value"], t["unit"], t["year"], t["year_implied"], t["note"][:2])
        for t in item["targets"]
        if t["metric"] == "培育科技小巨人企业"
    ]
    # 每年 states every plan year, 2027 included (CURATING, year_implied)
    assert giants == [(600, "家", y, False, "每年") for y in (2024, 2025, 2026, 2027)]
    leaders = [(t["year"], t["year_implied"]) for t in item["targets"] if t["metric"] == "培育科技领军企业"]
    assert leaders == [(y, False) for y in (2024, 2025, 2026, 2027)]
    coverage = next(t for t in item["targets"] if t["metric"] == "1亿元以上规上工业企业研发机构覆盖率")
    assert (coverage["value"], coverage["year"], coverage["year_implied"]) == (70, 2027, False)


def test_the_2027_goals(cli):
    result = cli("due", "2027", "--plan", "标志性产业链", "--json")
    assert result.code == 0, result
    goal = next(i for i in result.json if i["id"] == "chain2024.goal")
    due = {t["metric"]: (t["value"], t["unit"], t["value_base"], t["cmp"]) for t in goal["due"]}
    assert due["全社会研发经费投入强度"] == (2.8, "%", 2.8, ["达到", "左右"])
    assert due["高新技术企业"] == (5, "万家", 50000, ["达到"])
    assert due["新增国家、省级高层次人才"] == (2400, "人", 2400, [])
    assert len(goal["targets"]) == 6


def test_high_tech_enterprises_2027_line_up_with_the_earlier_plans(cli):
    result = cli("timeline", "高新技术企业", "--json")
    assert result.code == 0, result
    rows = {(r["plan"], r["year"], r["value"]) for r in result.json}
    assert ("chain2024", 2027, 5) in rows
    assert ("act2024-rd", 2025, 3.8) in rows


def test_agency_science_department_in_this_plan(cli):
    result = cli("agency", "省科技厅", "--plan", "chain2024", "--json")
    assert result.code == 0, result
    roles = [(i["id"], i["role"]) for i in result.json]
    assert roles == [
        ("chain2024.4.1", "lead"),
        ("chain2024.4.2", "lead"),
        ("chain2024.4.3", "support"),
        ("chain2024.4.4", "support"),
        ("chain2024.4.5", "lead"),
        ("chain2024.4.6", "lead"),
        ("chain2024.4.7", "lead"),
        ("chain2024.4.8", "lead"),
    ]


def test_technology_directions_have_no_agencies(cli):
    # 三、产业链科技攻关方向 1.–29.: numbered tasks without a clause
    result = cli("export", "--plan", "chain2024", "--json")
    directions = [i for i in result.json if i["id"].startswith("chain2024.3.")]
    assert [i["id"] for i in directions] == [f"chain2024.3.{n}" for n in range(1, 30)]
    assert all(i["lead"] == [] and i["support"] == [] for i in directions)
    assert directions[8]["title"] == "无人机"
    assert directions[8]["section"] == ["三、产业链科技攻关方向", "（二）高端装备产业链。"]
