"""A figure covering several years never stands for one year's: in `find`'s direct answer and in
`timeline`. The work reports give both a year's growth (`增长5.5%`, gwr2026.r2) and a five-year
average or total (`年均增长5.9%`, gwr2026.r35; `5年增长18.7%`, gwr2026.r36), under one metric."""

from __future__ import annotations


def _lines(cli, query: str) -> dict[str, dict]:
    result = cli("find", query, "--json", "--fields", "id,answer")
    assert result.code == 0, result
    return {item: line for row in result.json for line in row.get("answer") or [] for item in line["items"]}


def test_a_years_growth_target_is_answered_by_that_years_growth_not_the_five_year_average(cli):
    """gwr2025.goal2 sets 地区生产总值增长5%以上 for 2025: the 2026 report's 2025 figure is 5.5 %
    (r2), not the 2021–2025 average of 5.9 % (r35); the Five-Year Plan's 年均 target (fyp14.ind1)
    is the one the average answers."""
    lines = _lines(cli, "地区生产总值增长")
    assert lines["gwr2025.goal2"]["reported"]["item"] == "gwr2026.r2"
    assert lines["gwr2025.goal2"]["reported"]["value"] == 5.5
    assert lines["fyp14.ind1"]["reported"]["item"] == "gwr2026.r35"
    assert lines["fyp14.ind1"]["reported"]["span"] == [2021, 2025]
    assert "reported 5.9% in 2021–2025 (gwr2026.r35)" in lines["fyp14.ind1"]["text"]


def test_a_five_year_total_never_answers_a_yearly_revenue_target(cli):
    """`5年增长18.7%` (gwr2026.r36) is five years of revenue growth: no yearly target's answer."""
    for line in _lines(cli, "一般公共预算收入增长").values():
        assert (line["reported"] or {}).get("item") != "gwr2026.r36", line


def test_timeline_gives_a_multi_year_figure_its_span_and_no_bar(cli, monkeypatch):
    """fyp14.r1's 城镇新增就业 647万人 is the 2016–2020 total: the JSON carries its span and the
    table says 2016-2020 with no bar beside the yearly figures."""
    result = cli("timeline", "新增城镇就业", "--json")
    assert result.code == 0, result
    row = next(r for r in result.json if r["item"] == "fyp14.r1")
    assert row["span"] == [2016, 2020]
    assert all(r["span"] is None for r in result.json if r["item"] == "gwr2025.r22")
    monkeypatch.setenv("COLUMNS", "120")
    table = cli("timeline", "新增城镇就业", "--no-color").out
    line = next(x for x in table.splitlines() if x.rstrip().endswith("fyp14.r1"))
    assert line.startswith("2016-2020")
    assert "█" not in line


def test_a_value_in_base_units_carries_no_binary_noise(cli):
    """`设备更新项目完成投资4763.4亿元` (gwr2025.r28) is 476340000000 元, not 476339999999.99994."""
    item = cli("show", "gwr2025.r28", "--json").json
    (target,) = [t for t in item["targets"] if t["value"] == 4763.4]
    assert target["value_base"] == 476340000000


def test_economic_growth_is_read_as_the_gdp_growth_metric(cli):
    """The reports write the target `地区生产总值增长5%以上`; a reader asks for 经济增长 (an alias in
    data/metrics.yaml): the answer line names the 2026 target and the 2025 figure."""
    result = cli("find", "2026年经济增长目标是多少", "--json", "--fields", "id,answer")
    assert result.code == 0, result
    texts = [line["text"] for row in result.json for line in row.get("answer") or []]
    assert "地区生产总值增长: 5% by 2026 (gwr2026.goal3); reported 5.5% in 2025 (gwr2026.r2)" in texts


def test_a_progress_citation_has_the_keys_of_an_items(cli):
    """docs/json.md: every `source` carries the same keys. green2023.2's target in `progress` and
    the item in `show` cite the same document the same way."""
    shown = cli("show", "green2023.2", "--json").json["source"]
    record = next(
        r for r in cli("progress", "--plan", "green2023", "--json").json if r["item"] == "green2023.2"
    )
    assert record["source"] == {**shown, "line": record["source"]["line"]}
    assert list(record["result"]["source"])[:4] == ["file", "line", "document", "title"]
