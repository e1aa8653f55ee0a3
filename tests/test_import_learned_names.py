"""The base teaches the drafter its names (issue #19, third pass): a wording → name table learned
from the curated targets of other documents, never from the document being drafted. The sentences
are the 2025 and 2026 work reports' own; tuning material."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.import_eval import learned_names
from sdtargets.drafting.draft import draft
from sdtargets.drafting.names import LearnedNames

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def base() -> dict:
    return yaml.safe_load((ROOT / "data/targets.yaml").read_text(encoding="utf-8"))


def names(text: str, learned: LearnedNames, result: bool = True) -> list[tuple]:
    """A report's one paragraph drafted with the table: (metric, value, unit) of each figure."""
    head = "一、2024年工作回顾" if result else "三、2025年重点工作"
    d = draft([head, "", text], "x", learned=learned)
    return [(t["metric"], t["value"], t["unit"]) for it in d.items for t in it.get("targets") or []]


def test_a_wording_another_report_curated_takes_the_curators_name(base):
    """2025: `新改建“四好农村路”7570公里`. The 2024 report words it the same way and its curators named
    it 新改建农村公路; the 2025 report's own curation is left out, as `import_eval` leaves it out."""
    table = learned_names(base, {"gwr2025"})
    text = "乡村人居环境明显改善，新改建“四好农村路”7570公里，农村规模化供水率达到95%。"
    assert ("新改建农村公路", 7570, "公里") in names(text, table)
    assert ("新改建“四好农村路”", 7570, "公里") in names(text, LearnedNames())  # nothing learned: as written
    # 2025's `实施120项重大科技攻关`: 2026's and the task lists' curators named it 重大技术攻关项目
    assert names("让科技供给更精准，实施120项重大科技攻关。", table, result=False) == [
        ("重大技术攻关项目", 120, "项")
    ]


def test_the_scored_documents_own_curation_teaches_nothing(base, cli, tmp_path):
    """`开展“好运山东”群众赛事活动8万余场` is a wording only the 2025 report's curation names
    (群众性体育赛事活动). Drafted as a new plan it takes that name; drafted as gwr2025 itself (the
    scorer's case, and `import --plan gwr2025`) the report's own curation is left out."""
    text = "开展“好运山东”群众赛事活动8万余场。"
    everything = LearnedNames.learn(base["items"])
    assert names(text, everything) == [("群众性体育赛事活动", 80000, "场")]
    scored = learned_names(base, {"gwr2025"})
    assert names(text, scored) == [("“好运山东”群众赛事活动", 80000, "场")]
    assert all("gwr2025" not in plans for plans in scored.taught_by.values())
    family = {p["id"] for p in base["plans"] if p["id"] == "act2024" or p.get("parent") == "act2024"}
    assert len(family) > 1  # act2024's sub-plans are its own curation too
    assert not any(plans & family for plans in learned_names(base, family).taught_by.values())

    source = tmp_path / "r.txt"
    source.write_text("一、2024年工作回顾\n\n" + text + "\n", encoding="utf-8")
    new = cli("import", str(source), "--plan", "x")
    assert new.code == 0, new.err
    assert "{metric: 群众性体育赛事活动, value: 80000, unit: 场" in new.out
    again = cli("import", str(source), "--plan", "gwr2025")
    assert again.code == 0, again.err
    assert "{metric: “好运山东”群众赛事活动, value: 80000, unit: 场" in again.out


def test_a_learned_name_the_sentence_contradicts_or_leaves_unsaid_is_not_taken(base):
    """2026: `投资2000万元以上的技改项目3000个` is no `投资500万元以上技术改造项目` (the figure in the
    name is not the sentence's); `培育120家左右领军企业` (生产性服务业's) is no 农业领军企业, the name
    2024's curators took from their sentence's field, which this one does not say."""
    table = learned_names(base, {"gwr2026"})
    got = names(
        "实施补链强链重点项目1900个、投资2000万元以上的技改项目3000个。"
        "实施生产性服务业扩容强基行动，培育120家左右领军企业。",
        table,
        result=False,
    )
    assert not any("500万元" in m or m == "农业领军企业" for m, _, _ in got), got
    # 2024's own words carry the figure, so 2024's sentence does take the name the others use
    got = names("实施投资500万元以上技改项目1.2万个左右。", learned_names(base, {"gwr2024"}), result=False)
    assert ("投资500万元以上技术改造项目", 1.2, "万个") in got


def test_a_wording_named_two_ways_or_itself_a_name_is_left_as_written():
    """A wording whose curators disagree (no strict majority) or which is a curated name itself
    (粮食产量) keeps the draft's name: the table teaches only what the base says one way."""

    def item(plan: str, text: str, metric: str, value: int, unit: str, quote: str) -> dict:
        target = {"metric": metric, "value": value, "unit": unit, "quote": quote}
        return {"plan": plan, "kind": "result", "text": text, "targets": [target]}

    two_ways = [
        item("a", "绿色工厂10家。", "新增绿色工厂", 10, "家", "绿色工厂10家"),
        item("b", "绿色工厂20家。", "国家级绿色工厂", 20, "家", "绿色工厂20家"),
    ]
    assert LearnedNames.learn(two_ways).name("绿色工厂", "家", "新建绿色工厂30家") is None
    assert LearnedNames.learn(two_ways[:1]).name("绿色工厂", "家", "新建绿色工厂30家") == "新增绿色工厂"
    other_name = [
        item("c", "粮食产量1100亿斤。", "粮食总产量", 1100, "亿斤", "粮食产量1100亿斤"),
        item("e", "粮食产量1150亿斤。", "粮食总产量", 1150, "亿斤", "粮食产量1150亿斤"),
    ]
    assert LearnedNames.learn(other_name).name("粮食产量", "亿斤", "粮食产量1200亿斤") == "粮食总产量"
    itself = item("d", "全省粮食产量1100亿斤。", "粮食产量", 1100, "亿斤", "全省粮食产量1100亿斤")
    assert LearnedNames.learn([*other_name, itself]).name("粮食产量", "亿斤", "粮食产量1200亿斤") is None


def test_a_wording_is_looked_up_without_quotation_marks_or_de(base):
    """act2024's `企业牵头的比例达到90%以上` is the 2026 report's `企业牵头比例超过85%` with a 的: the
    table keys a wording without 的 and quotation marks, so act2024 (its own curation left out)
    takes the name the report's curators gave (重大攻关项目企业牵头比例)."""
    family = {p["id"] for p in base["plans"] if p["id"] == "act2024" or p.get("parent") == "act2024"}
    table = learned_names(base, family)
    assert table.name("企业牵头的比例", "%", "企业牵头的比例达到90%以上") == "重大攻关项目企业牵头比例"
    items = [
        {
            "plan": "a",
            "kind": "result",
            "text": "“两证齐全”机构突破1000家。",
            "targets": [
                {
                    "metric": "两证齐全医养结合机构",
                    "value": 1000,
                    "unit": "家",
                    "quote": "“两证齐全”机构突破1000家",
                }
            ],
        }
    ]
    assert (
        LearnedNames.learn(items).name("两证齐全机构", "家", "两证齐全机构1100家") == "两证齐全医养结合机构"
    )
