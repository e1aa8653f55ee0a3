"""Real answers from the 2023 task list (鲁政办字〔2023〕5号), through the command line."""

from __future__ import annotations

# 73 names no lead: its six agencies are 按职责分工负责, recorded as support under that word
FDRC_LEADS = [f"green2023.{n}" for n in (11, 43, 54, 58, 75, 81, 82, 90, 91, 101, 108)]
FDRC_SUPPORTS = [
    f"green2023.{n}"
    for n in (15, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 34, 35, 36, 37, 39, 73, 79, 80, 84, 110)
]
MIIT_2023 = [
    f"green2023.{n}" for n in (3, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 38, 50, 51, 76, 77, 84)
]


def test_find_carbon_peak_finds_the_peaking_task(cli):
    result = cli("find", "碳达峰", "--plan", "green2023", "--json")
    assert result.code == 0, result
    ids = [i["id"] for i in result.json]
    assert ids[0] == "green2023.43"
    assert result.json[0]["match"] == "phrase" and 60 <= result.json[0]["score"] < 100
    # the clause is split over two lines of the source: （牵头单位：省发展改革委、省生\n态环境厅、…)
    assert result.json[0]["lead"] == ["省发展改革委", "省生态环境厅", "省住房城乡建设厅"]


def test_agency_alias_lists_exactly_the_tasks_it_leads_and_supports(cli):
    result = cli("agency", "省发改委", "--plan", "green2023", "--json")
    assert result.code == 0, result
    led = [i["id"] for i in result.json if i["role"] == "lead"]
    supported = [i["id"] for i in result.json if i["role"] == "support"]
    assert led == FDRC_LEADS
    assert supported == FDRC_SUPPORTS


def test_full_official_name_resolves_to_the_same_agency(cli):
    short = cli("agency", "省发展改革委", "--json").json
    full = cli("agency", "山东省发展和改革委员会", "--json").json
    assert [i["id"] for i in full] == [i["id"] for i in short]


def test_due_2023_for_the_industry_department(cli):
    result = cli("due", "2023", "--agency", "省工业和信息化厅", "--plan", "green2023", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == MIIT_2023
    task20 = next(i for i in result.json if i["id"] == "green2023.20")
    assert [(t["value"], t["unit"]) for t in task20["due"]] == [(2000, "家"), (150, "家"), (200, "家")]


def test_show_gives_the_whole_item_with_its_citation(cli):
    result = cli("show", "green2023.6", "--json")
    assert result.code == 0, result
    item = result.json
    assert item["lead"] == ["省科技厅", "省工业和信息化厅"]
    assert item["support"] == ["省生态环境厅"]
    assert item["support_word"] == "参与单位"
    assert item["section"] == ["一、深入实施创新驱动发展战略"]
    assert item["source"] == {
        "file": "002_0cfda77acafe7ff7.txt",
        "line": 37,
        "document": "鲁政办字〔2023〕5号",
        "title": "山东省建设绿色低碳高质量发展先行区2023年重点工作任务",
    }
    assert item["text"].startswith("6.推进关键核心技术攻关。")
    assert item["text"].endswith("（牵头单位：省科技厅、省工业和信息化厅，参与单位：省生态环境厅）")


def test_show_table_prints_text_agencies_and_source(cli):
    result = cli("show", "green2023.2")
    assert result.code == 0, result
    assert "力争2023年全国重点实验室达到25家以上" in result.out
    assert "牵头单位: 省科技厅" in result.out
    assert "002_0cfda77acafe7ff7.txt, line 29" in result.out


def test_target_values_units_and_base_units(cli):
    item = cli("show", "green2023.10", "--json").json
    youth = next(t for t in item["targets"] if t["unit"] == "万人")
    assert (youth["value"], youth["value_base"], youth["base_unit"], youth["year"]) == (
        70,
        700000,
        "人",
        2023,
    )
    assert "以上" in youth["cmp"]


def test_task_81_keeps_its_word_for_lead(cli):
    item = cli("show", "green2023.81", "--json").json
    assert item["lead"] == ["省商务厅", "省发展改革委"]
    assert item["lead_word"] == "牵头部门"


def test_task_73_has_no_lead_and_says_so(cli):
    item = cli("show", "green2023.73", "--json").json
    assert item["lead"] == []
    assert item["support"] == [
        "省政府办公厅",
        "省委编办",
        "省大数据局",
        "省发展改革委",
        "省司法厅",
        "省市场监管局",
    ]
    assert item["support_word"] == "按职责分工负责"
    assert "按职责分工负责" in item["agency_note"]


def test_tasks_without_a_clause_have_no_agencies(cli):
    for n in (114, 115, 116):
        item = cli("show", f"green2023.{n}", "--json").json
        assert (item["lead"], item["support"]) == ([], [])
