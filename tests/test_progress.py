"""`sdtargets progress`: every status on real items, the not-comparable kinds, the JSON shape,
filters and exit codes; the rules (`sdtargets.progress`) called directly; the vocabulary."""

from __future__ import annotations

import copy
from collections import Counter

import pytest

from sdtargets.metrics import Vocabulary, check_links, derive_quantity, derive_scope
from sdtargets.progress import assess, assess_all, figures, horizon, rule_of


def one(cli, item: str, metric: str, year: int | None = None) -> dict:
    """The progress record of one target of a real item, through the CLI's JSON."""
    plan = item.split(".")[0]
    res = cli("progress", "--plan", plan, "--json")
    assert res.code == 0, res
    found = [r for r in res.json if r["item"] == item and r["metric"] == metric and year in (None, r["year"])]
    assert len(found) == 1, found
    return found[0]


def target(kb, item_id: str, metric: str, year: int) -> tuple[dict, dict]:
    item = next(i for i in kb.items if i["id"] == item_id)
    return item, next(t for t in item["targets"] if t["metric"] == metric and t["year"] == year)


# ---------------------------------------------------------------------------------------------
# Every status, on real items


def test_met_a_2023_task_against_the_january_2024_conference(cli):
    r = one(cli, "green2023.3", "新增省“一企一技术”研发中心")
    assert r["status"] == "met"
    assert r["rule"] == "at least 95家 (100家 左右: within 5 %)"
    assert r["result"]["item"] == "gxt2024.r4"
    assert (r["result"]["value"], r["result"]["unit"], r["result"]["year"]) == (288, "个", 2023)
    assert r["result"]["quote"] == "288个“一企一技术”研发中心"
    assert r["gap"] == "288 % of target"


def test_not_met_seven_centres_about_and_six_built(cli):
    r = one(cli, "green2023.3", "新增省制造业创新中心")
    assert r["status"] == "not_met"
    assert r["rule"] == "at least 6.65家 (7家 左右: within 5 %)"
    assert (r["result"]["item"], r["result"]["value"]) == ("gxt2024.r4", 6)
    assert r["gap"] == "86 % of target"
    assert r["source"] == {"file": "002_0cfda77acafe7ff7.txt", "line": 30}
    assert r["result"]["source"] == {"file": "004_6d61acde4f9332b7.txt", "line": 11}


def test_met_by_part_of_the_year_only_for_an_amount_that_already_reaches_it(cli):
    r = one(cli, "green2023.12", "投资500万元以上技术改造项目")
    assert r["status"] == "met"
    assert r["result"]["value"] == 12113 and r["result"]["partial"] == "前11个月"
    assert r["why"] == "the figure for 前11个月 alone reaches the target"
    assert r["gap"] == "121 % of target"


def test_on_track_by_the_linear_pace_of_a_stock(cli):
    r = one(cli, "act2024-digital.goal", "5G基站")
    assert r["status"] == "on_track"
    assert r["pace"]["from"] == {"year": 2020, "value_base": 51000, "source": "fyp14.r6"}
    assert r["pace"]["to"] == {"year": 2023, "value_base": 202000, "source": "gxt2024.r6"}
    assert r["pace"]["projected"] == pytest.approx(302666.6667)
    assert r["gap"] == "projected 30.27万个: 112 % of target"
    assert [(e["item"], e["use"]) for e in r["evidence"]] == [("fyp14.r6", "pace")]


def test_on_track_a_yearly_flow_at_its_latest_years_pace(cli):
    r = one(cli, "act2024-ecosystem.8", "新增专精特新中小企业", 2024)
    assert r["status"] == "on_track"
    assert r["pace"]["method"] == "the latest year's figure as the yearly pace"
    assert r["result"]["item"] == "gxt2024.r8" and r["gap"] == "projected 4589家: 459 % of target"


def test_behind_when_the_pace_falls_short(kb):
    """No real figure is behind yet: the real 2024 target of act2024-rd.goal against its real
    2020 figure and a 2023 figure of 49 % (the real one is 超过五成, a floor: see next test)."""
    item, t = target(kb, "act2024-rd.goal", "高新技术产业产值占规模以上工业总产值比重", 2024)
    figs = figures(kb.items, kb.vocabulary)
    name = "高新技术产业产值占规模以上工业总产值比重"
    fake = copy.deepcopy(next(f for f in figs[name] if f["item"] == "gxt2024.r5"))
    fake.update(value=49, value_base=49, unit="%", base_unit="%", cmp=[], bound=None)
    r = assess(
        item, t, {name: [f for f in figs[name] if f["item"] == "fyp14.r2"] + [fake]}, kb.vocabulary, 2023
    )
    assert r["status"] == "behind"
    assert r["pace"]["projected"] == pytest.approx(50.3)
    assert r["gap"] == "projected 50.3%: -1.7 个百分点"


def test_a_later_figure_counts_only_to_show_a_running_total_missed(kb):
    """国家级智能工厂 only grows (累计培育): a 2026 figure below the 2025 target shows it was missed;
    one above it says nothing about 2025."""
    item, t = target(kb, "act2024-ecosystem.1", "国家级智能工厂", 2025)
    later = copy.deepcopy(next(f for f in figures(kb.items, kb.vocabulary)["国家级智能工厂"]))
    later.update(year=2026, value=45, value_base=45)
    r = assess(item, t, {"国家级智能工厂": [later]}, kb.vocabulary, 2026)
    assert (r["status"], r["why"]) == (
        "not_met",
        "2026's figure is below the target, and the quantity only grows",
    )
    later.update(value=55, value_base=55)
    r = assess(item, t, {"国家级智能工厂": [later]}, kb.vocabulary, 2026)
    assert (r["status"], [e["use"] for e in r["evidence"]]) == ("no_report", ["later"])


def test_a_floor_that_projects_below_the_target_gives_no_verdict(cli):
    """超过五成 is more than 50 %: its pace is a floor, which reaches 53 % in 2025 (on track) but
    says nothing about 52 % in 2024."""
    assert (
        one(cli, "act2024-rd.goal", "高新技术产业产值占规模以上工业总产值比重", 2025)["status"] == "on_track"
    )
    r = one(cli, "act2024-rd.goal", "高新技术产业产值占规模以上工业总产值比重", 2024)
    assert r["status"] == "no_report"
    assert r["links"] == [
        "gxt2024.r5 writes the share as 五成 (five tenths), recorded as 50 without a unit: 50 %"
    ]


def test_no_report_the_five_year_plan_before_its_last_year_is_reported(cli):
    r = one(cli, "fyp14.ind2", "常住人口城镇化率")
    assert r["status"] == "no_report" and r["result"] is None and r["gap"] is None
    assert [(e["item"], e["year"], e["value"], e["use"]) for e in r["evidence"]] == [
        ("fyp14.r5", 2020, 61.8, "earlier")
    ]


# ---------------------------------------------------------------------------------------------
# Not comparable: each kind of mismatch


@pytest.mark.parametrize(
    ("item", "metric", "year", "reason"),
    [
        # a five-year total against a yearly figure (十三五累计 647万人 vs 110万人 a year)
        (
            "act2024-livelihood.1",
            "新增城镇就业",
            2024,
            "a total over several years against one year's figure",
        ),
        # a yearly rate against an average annual one
        (
            "act2024-digital.6",
            "软件业务收入增长",
            2025,
            "one year's figure against an average over several years",
        ),
        # national against provincial, by a curated link
        ("green2023.50", "新增绿色工厂", 2023, "national against provincial"),
        # part of a year against a whole year's rate
        ("green2023.19", "软件业务收入增长", 2023, "a figure for 1-11月 only against a whole year's target"),
    ],
)
def test_not_comparable_kinds(cli, item, metric, year, reason):
    r = one(cli, item, metric, year)
    assert r["status"] == "not_comparable"
    assert r["result"] is None and r["gap"] is None
    assert [e["reason"] for e in r["evidence"]] == [reason]


def test_not_comparable_by_a_curated_link_with_its_note(cli):
    r = one(cli, "green2023.13", "产业链融链固链对接交流活动")
    assert r["status"] == "not_comparable"
    assert r["evidence"][0]["value"] == 27
    assert r["evidence"][0]["reason"].startswith("curated: the task's 50 场以上 names no level")


def test_a_growth_multiple_is_evidence_never_a_verdict(cli):
    r = one(cli, "fyp14.c10p1", "高新技术企业")
    assert r["status"] == "no_report"
    assert [(e["item"], e["value"], e["use"], e.get("reason")) for e in r["evidence"]] == [
        ("fyp14.r2", 3.5, "not_comparable", "a growth multiple against a level"),
        ("fyp14.r2", 1.4, "earlier", None),
    ]


# ---------------------------------------------------------------------------------------------
# The rules, called directly


@pytest.mark.parametrize(
    ("item", "position", "low", "high"),
    [
        ("green2023.48", 2, None, 241.1e8),  # 控制在…以内 → at most
        ("green2023.59", 0, 8560e4, None),  # 稳定在…以上 → at least
        ("green2023.50", 3, 9.5, None),  # 下降 10% 左右 → a fall of at least 9.5
        ("act2024-bizenv.19", 4, 40, None),  # 降低 40% → a fall of at least 40
        ("green2023.3", 0, 1, 2),  # 1-2家 → a range
        ("green2023.3", 1, 6.65, None),  # 7家左右 → at least, 5 % tolerance
        ("act2024-livelihood.goal", None, 76, 84),  # 稳定在 80% 左右 → within 5 % both ways
    ],
)
def test_the_comparison_follows_the_targets_words(kb, item, position, low, high):
    it = next(i for i in kb.items if i["id"] == item)
    t = (
        it["targets"][position]
        if position is not None
        else next(x for x in it["targets"] if "稳定在" in x["cmp"])
    )
    rule = rule_of(t, kb.vocabulary.entry(t["metric"])["quantity"])
    assert rule.low == pytest.approx(low) if low is not None else rule.low is None
    assert rule.high == pytest.approx(high) if high is not None else rule.high is None


def test_a_rank_is_a_place_no_lower():
    rule = rule_of(
        {"metric": "区域创新能力全国位次", "value": 5, "value_base": 5, "unit": "位", "cmp": []}, "rank"
    )
    assert (rule.low, rule.high, rule.judge(3), rule.judge(6)) == (None, 5, True, False)


def test_down_to_a_level_is_at_most_and_a_fall_is_at_least():
    level = {"metric": "城镇调查失业率", "value": 5.5, "value_base": 5.5, "unit": "%", "cmp": ["下降"]}
    fall = {
        "metric": "单位地区生产总值能源消耗降低",
        "value": 14.5,
        "value_base": 14.5,
        "unit": "%",
        "cmp": ["降低"],
    }
    assert (rule_of(level, "share").low, rule_of(level, "share").high) == (None, 5.5)
    assert (rule_of(fall, "rate").low, rule_of(fall, "rate").high) == (14.5, None)


def test_an_increase_of_a_share_in_percent_is_in_points(kb):
    """fyp14's table writes 常住人口城镇化率提高 in %, meaning percentage points (its note says so);
    a report in 个百分点 over the same five years is the same quantity."""
    item, t = target(kb, "fyp14.ind2", "常住人口城镇化率提高", 2025)
    fig = {
        "item": "x2026.r1", "plan": "x2026", "metric": "常住人口城镇化率提高", "value": 5.7,
        "unit": "个百分点",
        "value_base": 5.7, "base_unit": "个百分点", "year": 2025, "cmp": ["累计", "提高"], "quote": "x",
        "source": {"file": "x", "line": 1}, "span": "period", "partial": None, "bound": None,
    }  # fmt: skip
    r = assess(item, t, {"常住人口城镇化率提高": [fig]}, kb.vocabulary, 2025)
    assert (r["status"], r["gap"]) == ("met", "+2.5 个百分点")


def test_the_horizon_is_the_newest_report_issued_after_its_year(kb):
    assert horizon(kb.plans, kb.items) == 2023


def test_the_five_year_plan_lights_up_when_a_2026_report_states_2025(kb):
    """What gwr2026 will do once merged: a result item of a plan issued in 2026 reporting the
    urbanisation rate for 2025 settles fyp14.ind2 (65 % 左右 → 67.5 %, met)."""
    plans = [
        *kb.plans,
        {"id": "x2026", "title": "x", "period": [2026, 2026], "published": "2026-01-20", "source": "x"},
    ]
    result = {
        "id": "x2026.r1",
        "plan": "x2026",
        "kind": "result",
        "line": 1,
        "_file": "x.txt",
        "title": "x",
        "lead": [],
        "support": [],
        "targets": [
            {
                "metric": "常住人口城镇化率",
                "value": 67.5,
                "unit": "%",
                "value_base": 67.5,
                "base_unit": "%",
                "year": 2025,
                "cmp": ["达到"],
                "quote": "常住人口城镇化率达到67.5%",
            }
        ],
    }
    recs = {(i, p): r for i, p, r in assess_all([*kb.items, result], plans, kb.vocabulary)}
    r = recs[("fyp14.ind2", 0)]
    assert (r["status"], r["result"]["item"], r["gap"]) == ("met", "x2026.r1", "+2.5 个百分点")
    assert recs[("fyp14.ind4", 0)]["status"] == "no_report"  # not stated: no report


def test_counts_by_status_over_the_whole_base(kb):
    counts = Counter(r["status"] for _, _, r in assess_all(kb.items, kb.plans, kb.vocabulary))
    assert counts == {"no_report": 533, "on_track": 11, "not_comparable": 10, "met": 7, "not_met": 1}


# ---------------------------------------------------------------------------------------------
# The command: shape, filters, formats, exit codes


RECORD_KEYS = [
    "item", "plan", "kind", "title", "metric", "year", "year_implied", "value", "unit", "value_base",
    "base_unit", "cmp", "quote", "source", "lead", "support", "rule", "status", "result", "gap", "evidence",
]  # fmt: skip
FIGURE_KEYS = [
    "item",
    "plan",
    "metric",
    "value",
    "unit",
    "value_base",
    "base_unit",
    "year",
    "cmp",
    "quote",
    "source",
]


def test_json_shape(cli):
    r = one(cli, "green2023.3", "新增省制造业创新中心")
    assert list(r) == RECORD_KEYS
    assert list(r["result"])[: len(FIGURE_KEYS)] == FIGURE_KEYS
    e = one(cli, "fyp14.ind2", "常住人口城镇化率")["evidence"][0]
    assert list(e) == [*FIGURE_KEYS, "use"]


def test_green2023_scorecard(cli):
    res = cli("progress", "--plan", "green2023", "--status", "met,not_met,not_comparable", "--json")
    assert res.code == 0
    assert Counter(r["status"] for r in res.json) == {"met": 7, "not_met": 1, "not_comparable": 5}
    table = cli("progress", "--plan", "green2023", "--status", "met,not_met")
    assert "✗ not met" in table.out and "86 % of target" in table.out
    assert "8 targets: 7 met, 1 not met" in table.out


def test_fyp14_scorecard_every_indicator_target(cli):
    res = cli("progress", "--plan", "fyp14", "--kind", "indicator", "--json")
    assert res.code == 0
    assert len(res.json) == 30 and {r["status"] for r in res.json} == {"no_report"}


def test_filters_agency_year_and_status(cli):
    res = cli("progress", "--agency", "省工信厅", "--year", "2024", "--status", "on_track", "--json")
    assert res.code == 0
    assert [(r["item"], r["metric"]) for r in res.json] == [
        ("act2024-ecosystem.1", "投资500万元以上技术改造项目"),
        ("act2024-ecosystem.1", "新增国家级绿色工厂"),
        ("act2024-ecosystem.1", "新增国家级绿色工业园区"),
        ("act2024-ecosystem.5", "企业技术创新项目"),
        ("act2024-ecosystem.8", "新增专精特新中小企业"),
    ]


def test_formats(cli):
    res = cli("progress", "--plan", "green2023", "--status", "not_met", "--format", "csv")
    assert res.out.splitlines()[0] == "item,target,status / gap,result,cited (target → figure)"
    assert res.out.splitlines()[1].startswith("green2023.3,")
    assert cli("progress", "--status", "behind", "--format", "markdown").code == 1


def test_exit_codes(cli):
    assert cli("progress", "--plan", "fyp14", "--status", "met").code == 1
    bad = cli("progress", "--status", "done")
    assert bad.code == 2
    assert bad.err.strip() == (
        "sdtargets: Unknown status 'done': use one of met, not_met, on_track, behind, no_report, not_comparable."  # noqa: E501
    )


def test_show_gains_each_targets_status(cli):
    res = cli("show", "green2023.3", "--json")
    assert [t["status"] for t in res.json["targets"]] == ["no_report", "not_met", "met"]
    assert "✗ not met" in cli("show", "green2023.3").out


def test_agency_header_counts_by_year(cli):
    res = cli("agency", "省工信厅", "--limit", "1")
    assert "  2023: 7 met, 1 not met, 38 no report, 5 not comparable\n" in res.err


# ---------------------------------------------------------------------------------------------
# The vocabulary


def test_aliases_name_one_quantity(kb):
    assert kb.vocabulary.name("城镇新增就业") == "新增城镇就业"
    assert kb.vocabulary.entry("城镇新增就业")["quantity"] == "flow"


@pytest.mark.parametrize(
    ("name", "unit", "quantity"),
    [
        ("规模以上工业增加值增长", "%", "rate"),
        ("常住人口城镇化率", "%", "share"),
        ("新增专精特新中小企业", "家", "flow"),
        ("充电桩保有量", "万台", "stock"),
        ("高新技术企业为2015年倍数", "倍", "multiple"),
        ("区域创新能力全国位次", "位", "rank"),
    ],
)
def test_the_quantity_rule(name, unit, quantity):
    assert derive_quantity(name, unit) == quantity


def test_scope_from_the_name():
    assert [
        derive_scope(n) for n in ("新增国家级绿色工厂", "省级以上绿色工厂", "省重点实验室", "5G基站全国位次")
    ] == [
        "national",
        "province_or_higher",
        "province",
        None,
    ]


def test_a_link_to_nothing_is_a_validation_problem(kb):
    vocab = Vocabulary(
        [], [{"target": {"metric": "5G基站"}, "result": {"item": "nope.r1", "metric": "5G基站"}, "note": "x"}]
    )
    assert check_links(vocab, kb.items) == ["metrics.yaml: links[0].result names unknown item nope.r1"]


def test_the_migration_script_turns_old_lines_into_entries():
    import subprocess
    import sys

    from conftest import ROOT

    line = "新增城镇就业\t万人\tnew urban jobs\n城镇新增就业X\t万人\tnew urban jobs in the year\n"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "metrics_migrate.py"), "-"],
        input=line,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == (
        "- {name: 城镇新增就业X, unit: 万人, family: count, quantity: flow, about: new urban jobs in the year}"  # noqa: E501
        "  # review: derived\n"
    )


def test_the_cache_is_rebuilt_when_the_vocabulary_changes(tmp_path):
    import shutil

    from conftest import DATA

    from sdtargets.db import digest_of

    for name in ("targets.yaml", "agencies.yaml", "metrics.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    before = digest_of(tmp_path)
    with open(tmp_path / "metrics.yaml", "a", encoding="utf-8") as fh:
        fh.write("# a comment is a change too\n")
    assert digest_of(tmp_path) != before


#: Every verdict the base gives, reviewed pairing by pairing: (target item, metric, year) →
#: (status, figure's item, figure's value). A new verdict fails this test until someone has read
#: both quotes and added it here: no verdict stands on a pairing nobody checked.
REVIEWED_VERDICTS = {
    ("green2023.3", "新增省制造业创新中心", 2023): ("not_met", "gxt2024.r4", 6),
    ("green2023.3", "新增省“一企一技术”研发中心", 2023): ("met", "gxt2024.r4", 288),
    ("green2023.6", "企业技术创新项目", 2023): ("met", "gxt2024.r4", 3202),
    ("green2023.6", "新增国家技术创新示范企业", 2023): ("met", "gxt2024.r4", 4),
    ("green2023.6", "新增国家级“质量标杆”", 2023): ("met", "gxt2024.r4", 7),
    ("green2023.12", "投资500万元以上技术改造项目", 2023): ("met", "gxt2024.r5", 12113),
    ("green2023.20", "新增专精特新中小企业", 2023): ("met", "gxt2024.r8", 4589),
    ("green2023.20", "新增省级以上制造业单项冠军企业", 2023): ("met", "gxt2024.r8", 352),
    ("act2024-rd.goal", "高新技术产业产值占规模以上工业总产值比重", 2025): ("on_track", "gxt2024.r5", 50),
    ("act2024-digital.goal", "5G基站", 2025): ("on_track", "gxt2024.r6", 20.2),
    ("act2024-ecosystem.1", "投资500万元以上技术改造项目", 2024): ("on_track", "gxt2024.r5", 12113),
    ("act2024-ecosystem.1", "新增国家级绿色工厂", 2024): ("on_track", "gxt2024.r5", 98),
    ("act2024-ecosystem.1", "新增国家级绿色工业园区", 2024): ("on_track", "gxt2024.r5", 12),
    ("act2024-ecosystem.5", "企业技术创新项目", 2024): ("on_track", "gxt2024.r4", 3202),
    ("act2024-ecosystem.5", "企业技术创新项目", 2025): ("on_track", "gxt2024.r4", 3202),
    ("act2024-ecosystem.8", "新增专精特新中小企业", 2024): ("on_track", "gxt2024.r8", 4589),
    ("act2024-ecosystem.8", "新增专精特新中小企业", 2025): ("on_track", "gxt2024.r8", 4589),
    ("act2024-ict.15", "5G基站", 2025): ("on_track", "gxt2024.r6", 20.2),
    ("fyp14.c10p1", "高新技术产业产值占规模以上工业总产值比重", 2025): ("on_track", "gxt2024.r5", 50),
}


def test_every_verdict_in_the_base_is_a_reviewed_pairing(kb):
    verdicts = {
        (r["item"], r["metric"], r["year"]): (r["status"], r["result"]["item"], r["result"]["value"])
        for _, _, r in assess_all(kb.items, kb.plans, kb.vocabulary)
        if r["status"] in ("met", "not_met", "on_track", "behind")
    }
    assert verdicts == REVIEWED_VERDICTS


def test_the_vocabulary_file_is_checked(tmp_path):
    from sdtargets.metrics import read_vocabulary

    (tmp_path / "metrics.yaml").write_text(
        "metrics:\n"
        "- {name: 5G基站, unit: 万个, family: count, quantity: stock, about: a}\n"
        "- {name: 5G基站, unit: 万个, family: count, quantity: stock, about: b}\n"
        "- {name: 新增5G基站, aliases: [5G基站], unit: 万个, family: count, quantity: flow, about: c}\n"
        "- {name: 充电桩, unit: 万台, family: count, quantity: level, about: d}\n",
        encoding="utf-8",
    )
    assert read_vocabulary(tmp_path)[1] == [
        "metrics.yaml: metrics.3.quantity 'level' is not one of stock, flow, rate, share, multiple, rank"
    ]
    text = (
        (tmp_path / "metrics.yaml").read_text(encoding="utf-8").replace("quantity: level", "quantity: stock")
    )
    (tmp_path / "metrics.yaml").write_text(text, encoding="utf-8")
    assert read_vocabulary(tmp_path)[1] == [
        "metrics.yaml: 5G基站 is listed twice",
        "metrics.yaml: 5G基站 is a name of both 5G基站 and 新增5G基站",
    ]
