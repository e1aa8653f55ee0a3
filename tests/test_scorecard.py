"""`sdtargets scorecard`: the work reports' headline annual targets, one row each, a column a
year with the target, the figure reported for it and the verdict."""

from __future__ import annotations


def row(rows: list[dict], metric: str) -> dict:
    found = [r for r in rows if r["metric"] == metric]
    assert len(found) == 1, [r["metric"] for r in rows]
    return found[0]


def test_rows_are_the_reports_goal_targets_with_each_years_figure(cli, kb):
    res = cli("scorecard", "--json")
    assert res.code == 0, res
    gdp = row(res.json, "地区生产总值增长")
    assert list(gdp["years"]) == ["2023", "2024", "2025", "2026"]
    y2023, y2024, y2025, y2026 = (gdp["years"][y] for y in ("2023", "2024", "2025", "2026"))
    # 2023: no report of its own in the base, the 2024 report's figure
    assert (y2023["target"], y2023["result"]["item"], y2023["result"]["value"]) == (None, "gwr2024.r3", 6)
    assert (y2024["target"]["item"], y2024["target"]["value"], y2024["status"]) == ("gwr2024.goal2", 5, "met")
    assert (y2024["result"]["item"], y2024["result"]["value"]) == ("gwr2025.r2", 5.7)
    assert (y2025["result"]["item"], y2025["status"]) == ("gwr2026.r2", "met")
    assert (y2026["target"]["item"], y2026["status"], y2026["result"]) == ("gwr2026.goal3", "no_report", None)
    assert y2024["target"]["source"]["url"].startswith("http://www.shandong.gov.cn/")
    # every row is a target of a work report's goal item, for that report's year
    goals = {
        (t["metric"], t["year"])
        for i in kb.items
        if i["kind"] == "goal" and i["plan"] in {"gwr2024", "gwr2025", "gwr2026"}
        for t in i["targets"]
    }
    for r in res.json:
        for year, cell in r["years"].items():
            if cell["target"]:
                assert (cell["target"]["metric"], int(year)) in goals
    jobs = row(res.json, "新增城镇就业")["years"]["2025"]
    assert (jobs["result"]["value"], jobs["status"]) == (124.9, "met")


def test_the_table_fits_80_columns(cli, monkeypatch):
    from sdtargets.cli.termtable import text_width

    monkeypatch.setenv("COLUMNS", "80")
    out = cli("scorecard").out.rstrip().splitlines()
    assert max(map(text_width, out)) <= 80
    text = "\n".join(out)
    assert "地区生产总值增长" in text and "≥5%" in text and "5.7% ✓" in text
    assert out[1].split() == ["metric", "2023", "2024", "2025", "2026"]


def test_csv_has_flat_columns(cli):
    lines = cli("scorecard", "--format", "csv").out.splitlines()
    head = lines[0].split(",")
    assert head[:7] == [
        "metric",
        "2023_target",
        "2023_unit",
        "2023_cmp",
        "2023_result",
        "2023_result_unit",
        "2023_status",
    ]
    gdp = next(line.split(",") for line in lines if line.startswith("地区生产总值增长,"))
    assert (gdp[head.index("2024_target")], gdp[head.index("2024_result")]) == ("5", "5.7")
    assert gdp[head.index("2024_status")] == "met"


def test_a_base_without_a_work_report_says_so(tmp_path, monkeypatch, cli):
    from conftest import write_kb

    folder = write_kb(
        tmp_path,
        "plans:\n- {id: p1, title: 测试计划, period: [2024, 2025], source: x.txt}\nitems: []\n",
    )
    monkeypatch.setenv("SDTARGETS_DATA", str(folder))
    res = cli("scorecard")
    assert (res.code, res.err) == (
        1,
        "sdtargets: The base holds no government work report with targets for its year.\n",
    )


def test_a_target_reads_as_the_document_words_it(cli):
    """居民消费价格涨幅控制在3%左右 (2024) reads `≤3%左右`, not `≤3%`: 左右 is the document's word and
    changes the verdict (5 % tolerance); 居民人均可支配收入增长5.5%左右 reads `5.5%左右`."""
    res = cli("scorecard", "--json")
    cpi = row(res.json, "居民消费价格涨幅")["years"]["2024"]["target"]
    assert {"控制在", "左右"} <= set(cpi["cmp"])
    table = cli("scorecard").out
    assert "≤3%左右" in table and "5.5%左右" in table
    assert "≤3% " not in table and "≈" not in table


def test_more_than_and_within_the_first_are_comparison_words(cli, kb):
    """`3900多个` is at least 3900 (多 in `cmp`), `5100多亿元` a floor, `全国前三` a place no lower
    than third (前, a cap on the place): the words written with the number are in `cmp`."""
    from sdtargets.store.progress import bound_of, rule_of

    def target_of(item_id: str, metric: str) -> dict:
        item = next(i for i in kb.items if i["id"] == item_id)
        return next(t for t in item["targets"] if t["metric"] == metric)

    projects = target_of("gwr2025.1.3", "新投产项目")
    assert "多" in projects["cmp"]
    assert rule_of(projects, "flow").text == "at least 3900个"
    output = target_of("gwr2026.r5", "新投产项目增加产值")
    assert "多" in output["cmp"] and bound_of(output) == "lower"
    rank = target_of("gwr2025.r13", "近岸海域水体优良率全国位次")
    assert "前" in rank["cmp"] and bound_of(rank) == "upper"
    r = next(r for r in cli("progress", "--plan", "gwr2025", "--json").json if r["item"] == "gwr2025.1.3")
    assert "多" in r["cmp"]
