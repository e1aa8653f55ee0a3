"""`sdtargets import` on documents it has never seen: every clause form, several clauses in one
paragraph, numbering that restarts, goals, `每年`, damaged numbers, text / HTML / PDF input and
every bad input (one sentence, exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sdtargets.drafting.draft import draft, load_registry, summary
from sdtargets.drafting.quantities import draft_targets
from sdtargets.text.clauses import find_clauses, parse_clause, shared_duty

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
GREEN = ROOT / "data/sources/002_0cfda77acafe7ff7.txt"


@pytest.mark.parametrize(
    ("clause", "lead", "lead_word", "support", "support_word"),
    [
        (
            "（牵头单位：省科技厅、省发展改革委，责任单位：省财政厅）",
            ["省科技厅", "省发展改革委"],
            "牵头单位",
            ["省财政厅"],
            "责任单位",
        ),
        (
            "（牵头单位：省商务厅；责任单位：省财政厅、省税务局）",
            ["省商务厅"],
            "牵头单位",
            ["省财政厅", "省税务局"],
            "责任单位",
        ),
        ("（牵头部门：省商务厅、省发展改革委）", ["省商务厅", "省发展改革委"], "牵头部门", [], None),
        ("（省大数据局牵头）", ["省大数据局"], "牵头", [], None),
        ("（省科技厅牵头，省工业和信息化厅配合）", ["省科技厅"], "牵头", ["省工业和信息化厅"], "配合"),
        (
            "（省财政厅、省大数据局牵头，各有关部门配合）",
            ["省财政厅", "省大数据局"],
            "牵头",
            ["各有关部门"],
            "配合",
        ),
        (
            "（省科技厅、省商务厅牵头，各有关部门、各市政府配合）",
            ["省科技厅", "省商务厅"],
            "牵头",
            ["各有关部门", "各市政府"],
            "配合",
        ),
        (
            "（省发展改革委、省科技厅、省国资委按职责分工负责）",
            [],
            None,
            ["省发展改革委", "省科技厅", "省国资委"],
            "按职责分工负责",
        ),
        ("（省有关部门、单位按照职能分工负责）", [], None, ["省有关部门、单位"], "按照职能分工负责"),
        (
            "（省工业和信息化厅、省科技厅按分工负责）",
            [],
            None,
            ["省工业和信息化厅", "省科技厅"],
            "按分工负责",
        ),
        (
            "（省工业和信息化厅牵头，省有关部门按职责分工负责）",
            ["省工业和信息化厅"],
            "牵头",
            ["省有关部门"],
            "按职责分工负责",
        ),
        ("（省发展改革委负责）", ["省发展改革委"], "负责", [], None),
        (  # the shared-duty tail after a lead and its partners: every named body supports
            "（省工业和信息化厅牵头，省科技厅配合，各有关部门、各市政府分工负责）",
            ["省工业和信息化厅"],
            "牵头",
            ["省科技厅", "各有关部门", "各市政府"],
            "配合",
        ),
        (
            "（牵头单位：省工业和信息化厅（省国防科工办）；配合单位：省财政厅）",
            ["省工业和信息化厅（省国防科工办）"],
            "牵头单位",
            ["省财政厅"],
            "配合单位",
        ),
        (
            "(省发展改革委、省“十强产业”协调推进机制牵头部门负责)",
            ["省发展改革委", "省“十强产业”协调推进机制牵头部门"],
            "负责",
            [],
            None,
        ),
    ],
)
def test_every_clause_form(clause, lead, lead_word, support, support_word):
    (c,) = find_clauses("推进某项工作。" + clause)
    assert (c.lead, c.lead_word, c.support, c.support_word) == (lead, lead_word, support, support_word)
    assert shared_duty(c) == (not lead)


@pytest.mark.parametrize(
    "text", ["首台（套）", "（2024—2025年）", "（企业牵头）", "（市、区）", "（含省级）"]
)
def test_brackets_that_are_not_clauses(text):
    assert find_clauses(text) == []
    assert parse_clause(text.strip("（）")) is None


MULTI = """二、重点任务
3.推进数据开放。建设数据专区20个。（省大数据局牵头）完善财政保障，设立引导资金。（省财政厅、省大数据局牵头，各有关部门配合）
强化技术攻关，布局项目30项。（省科技厅牵头，省工业和信息化厅配合）
4.加强组织领导。（省委组织部负责）
"""


def test_several_clauses_in_one_paragraph_give_one_item_each():
    d = draft(MULTI.splitlines(), "x", period=(2025, 2027))
    got = [(i["id"], i["line"], i["text"], i["lead"], i.get("support")) for i in d.items]
    assert got == [
        ("x.3", 2, "3.推进数据开放。建设数据专区20个。（省大数据局牵头）", ["省大数据局"], None),
        (
            "x.3b",
            2,
            "完善财政保障，设立引导资金。（省财政厅、省大数据局牵头，各有关部门配合）",
            ["省财政厅", "省大数据局"],
            ["各有关部门"],
        ),
        (
            "x.3c",
            3,
            "强化技术攻关，布局项目30项。（省科技厅牵头，省工业和信息化厅配合）",
            ["省科技厅"],
            ["省工业和信息化厅"],
        ),
        ("x.4", 4, "4.加强组织领导。（省委组织部负责）", ["省委组织部"], None),
    ]
    assert d.clauses == 4


RESTART = """二、主要任务
（一）强化创新
1.建设实验室。（省科技厅牵头）
2.培育企业。（省工业和信息化厅牵头）
3.引进人才。（省委组织部牵头）
（二）扩大开放
1.稳外贸。（省商务厅牵头）
2.引外资。（省商务厅牵头，省发展改革委配合）
三、保障措施
（一）加强领导。各地要落实责任。（省发展改革委负责）
"""


def test_numbering_that_restarts_gives_unique_section_qualified_ids():
    d = draft(RESTART.splitlines(), "x", period=(2025, 2027))
    assert [i["id"] for i in d.items] == ["x.1-1", "x.1-2", "x.1-3", "x.2-1", "x.2-2", "x.s1"]
    assert d.id_form == "section-N, sN"
    assert [i["id"] for i in draft(RESTART.splitlines(), "x").items] == [i["id"] for i in d.items]  # stable


GOAL = """科技创新示范行动计划（2025—2027年）
一、主要目标
力争到2027年，建成10项以上国家级创新平台；算力规模达到14EFlops，每年布局150项以上基础研究项目。
二、重点任务
1.完善体系。（省科技厅牵头）
"""


def test_goal_paragraph_targets_name_their_noun_and_every_year():
    d = draft(GOAL.splitlines(), "x")
    assert d.period == (2025, 2027)
    goal = d.items[0]
    assert (goal["id"], goal["kind"], goal["line"]) == ("x.goal", "goal", 3)
    got = [(t["metric"], t["value"], t["unit"], t["year"], t.get("cmp")) for t in goal["targets"]]
    assert got == [
        ("国家级创新平台", 10, "项", 2027, ["以上"]),
        ("算力规模", 14, "EFlops", 2027, ["达到"]),
        ("基础研究项目", 150, "项", 2025, ["以上"]),
        ("基础研究项目", 150, "项", 2026, ["以上"]),
        ("基础研究项目", 150, "项", 2027, ["以上"]),
    ]


def test_a_draft_never_carries_year_zero():
    targets, _ = draft_targets("建设10家省实验室", None)
    assert "year" not in targets[0] and "no year" in targets[0]["check"]
    d = draft((ROOT / "data/sources/sd2024_keji_biaozhixing_chanyelian.txt").read_text().splitlines(), "k")
    years = {t["year"] for i in d.items for t in i.get("targets", [])}
    assert years == {2024, 2025, 2026, 2027}


def test_damaged_numbers_are_flagged_never_fixed():
    text = "城镇化率达到618%，新建5—3家实验室，高新技术企业2024年突破3.8万家、2025年突破3.5万家，编号2O25"
    targets, unused = draft_targets(text, (2024, 2025))
    checks = {t["value"]: t.get("check", "") for t in targets}
    assert targets[0]["value"] == 618  # as written
    assert "decimal point" in checks[618]
    assert "backwards" in checks[5]
    assert "lower than 3.8 of 2024" in checks[3.5]
    assert any("letters inside a number" in u for u in unused)


def test_thresholds_are_not_targets_but_are_reported():
    text = (
        "营业收入5000万元以上的规上工业企业无研发活动实现清零、1亿元以上规上工业企业研发机构覆盖率达到70%左右"
    )
    targets, unused = draft_targets(text, (2027, 2027))
    assert [(t["metric"], t["value"]) for t in targets] == [("规上工业企业研发机构覆盖率", 70)]
    assert len(unused) == 2


def test_summary_names_unknown_agencies_with_nearest_names_and_a_registry_entry():
    from sdtargets.drafting.draft import registry_resolver

    # the registry as it is, less 各有关部门 should a later document have added it
    agencies = yaml.safe_load((ROOT / "data" / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    resolve = registry_resolver([a for a in agencies if a["name"] != "各有关部门"])
    d = draft(MULTI.splitlines(), "x", period=(2025, 2027), resolve=resolve)
    assert list(d.unknown) == ["各有关部门"]
    text = summary(d)
    ids = [i["id"] for i in d.items if "各有关部门" in [*i.get("lead", []), *i.get("support", [])]]
    assert ids and all(
        f"  {i}: agency 各有关部门 is not in the registry (nearest: 省有关部门、单位" in text for i in ids
    )
    assert "- name: 各有关部门" in text and "kind: 集体/泛指" in text


def _checkout(tmp_path):
    """A checkout's skeleton (what `checkout_root` looks for) with the real data files."""
    import shutil

    root = tmp_path / "co"
    (root / "scripts").mkdir(parents=True)
    (root / "scripts" / "assemble.py").write_text("", encoding="utf-8")
    (root / "curation" / "review").mkdir(parents=True)
    (root / "data" / "sources").mkdir(parents=True)
    for name in ("targets.yaml", "agencies.yaml", "metrics.yaml", "glossary.yaml"):
        shutil.copy(ROOT / "data" / name, root / "data" / name)
    src = root / "data" / "sources" / "scene.txt"
    shutil.copy(FIXTURES / "sd2024_shiqiang_changjing_chuangxin_2025_2027_ocr.txt", src)
    return root, src


def test_write_drafts_every_file_a_new_document_needs_and_never_overwrites_one(cli, tmp_path, monkeypatch):
    import yaml

    root, src = _checkout(tmp_path)
    monkeypatch.chdir(root)
    result = cli("import", str(src), "--plan", "trial2025", "--write")
    assert result.code == 0, result
    assert result.out == ""
    written = [line.strip() for line in result.err.splitlines() if line.startswith("  curation/")]
    # the items, the plan and the glossary always; registry and vocabulary drafts when the base lacks names
    assert written[:2] == ["curation/review/trial2025.yaml", "curation/plans-trial2025.yaml"]
    assert "curation/glossary-trial2025.yaml" in written
    assert all((root / w).is_file() for w in written)
    plan = yaml.safe_load((root / "curation" / "plans-trial2025.yaml").read_text(encoding="utf-8"))[0]
    assert plan["period"] == [2025, 2027] and plan["issued"] == "2024-10-28"
    assert plan["issuer"] == "山东省发展和改革委员会"
    before = (root / "curation" / "review" / "trial2025.yaml").read_text(encoding="utf-8")
    again = cli("import", str(src), "--plan", "trial2025", "--write")
    assert again.code == 2
    assert again.err.count("\n") == 1 and "exists and may hold a reviewed draft" in again.err
    assert (root / "curation" / "review" / "trial2025.yaml").read_text(encoding="utf-8") == before


def test_an_existing_plan_id_is_warned_of(cli, tmp_path, monkeypatch):
    root, src = _checkout(tmp_path)
    monkeypatch.chdir(root)
    result = cli("import", str(src), "--plan", "green2023")
    assert result.code == 0
    assert "Warning: plan green2023 is already in" in result.err


def test_drafted_ids_with_qualified_numbers_pass_the_id_pattern():
    import json
    import re

    schema = json.loads((ROOT / "sdtargets" / "kb" / "schema" / "targets.schema.json").read_text())
    pattern = re.compile(schema["$defs"]["item"]["properties"]["id"]["pattern"])
    for ident in ("ai2024.2-1-1", "act2024-rd.3b", "gwr2026.2.3", "x.part3-s2"):
        assert pattern.search(ident), ident
    for bad in ("ai2024", "ai2024.", "ai2024.-1", "AI.1"):
        assert not pattern.search(bad), bad


def test_registry_gives_canonical_names():
    resolve = load_registry(ROOT / "data")
    assert resolve("省工信厅") == ("省工业和信息化厅", [])
    assert resolve("省大数据局") == ("省大数据局", [])


def test_ocr_text_with_clauses_written_x_fuze():
    lines = (FIXTURES / "sd2024_shiqiang_changjing_chuangxin_2025_2027_ocr.txt").read_text().splitlines()
    d = draft(lines, "scene")
    assert d.period == (2025, 2027)
    measures = [i for i in d.items if i["kind"] == "measure"]
    assert [i["id"] for i in measures] == [f"scene.{n}" for n in range(1, 28)]
    assert all(i["lead_word"] == "负责" for i in measures)
    assert measures[16]["lead"] == [
        "济南市绿色低碳高质量发展先行区建设办公室"
    ]  # clause broken over two lines
    assert measures[25]["lead"] == ["省发展改革委", "省财政厅", "省新动能基金管理公司", "人民银行山东省分行"]
    seven = [(t["metric"], t["value"], t["year"]) for t in measures[6]["targets"]]
    assert seven[:3] == [("场景对接活动", 3, 2025), ("场景对接活动", 3, 2026), ("场景对接活动", 3, 2027)]
    assert [i["id"] for i in d.items if i["kind"] == "goal"] == ["scene.goal", "scene.goal2", "scene.goal3"]


def test_curated_documents_drafted_with_exact_agencies_and_unique_ids():
    """The two documents curated by hand are exact ground truth for the drafter."""
    from benchmarks.import_eval import compare
    from sdtargets.drafting.sources import read_source

    kb = yaml.safe_load((ROOT / "data/targets.yaml").read_text(encoding="utf-8"))
    for plan, source in (("green2023", "002_0cfda77acafe7ff7.txt"), ("act2024", "001_eaa1b40229515837.txt")):
        lines = read_source(ROOT / "data/sources" / source)
        d = draft(lines, plan, resolve=load_registry(ROOT / "data"))
        curated = [i for i in kb["items"] if i["plan"] == plan or i["plan"].startswith(plan + "-")]
        r = compare(plan, curated, d.items, lines)
        assert r["dup_ids"] == 0
        assert r["paired"] == r["items"] == r["drafted"]
        assert r["agencies_exact"] == r["clause_items"]
        assert r["targets_number"] >= 0.95 * r["targets"]


@pytest.mark.parametrize(
    "source",
    [
        ROOT / "data/sources/002_0cfda77acafe7ff7.txt",
        ROOT / "data/sources/001_eaa1b40229515837.txt",
        ROOT / "data/sources/sd2024_keji_biaozhixing_chanyelian.txt",
        FIXTURES / "sd2024_shiqiang_changjing_chuangxin_2025_2027_ocr.txt",
        ROOT / "data/sources/004_6d61acde4f9332b7.txt",  # reports: a conference's news report,
        ROOT / "data/sources/000_244ac400bdc265e2.txt",  # a newspaper's pages
        ROOT / "data/sources/sd2026_zhengfu_gongzuo_baogao.txt",  # a government work report
    ],
)
def test_drafts_meet_the_quoting_rules(source):
    """Every drafted text is the source's own words at its line; every quote is in its text and
    states its number: what `validate` demands of reviewed items."""
    from sdtargets.kb.checks import check_items

    lines = source.read_text(encoding="utf-8").splitlines()
    items = draft(lines, "x").items
    for it in items:
        it["_file"] = source.name
    assert check_items(items, {source.name: lines}) == []


# ---------------------------------------------------------------------------------------------
# Input formats and bad input, through the CLI


def test_pdf_with_a_text_layer(cli, tmp_path):
    saved = tmp_path / "plan.txt"
    r = cli("import", str(FIXTURES / "plan_text_layer.pdf"), "--plan", "demo", "--save-text", str(saved))
    assert r.code == 0, r
    items = yaml.safe_load(r.out)
    assert [(i["id"], i["line"], i.get("lead")) for i in items] == [
        ("demo.goal", 3, None),
        ("demo.1", 6, ["省科技厅"]),
        ("demo.2", 8, ["省大数据局"]),
        ("demo.2b", 8, ["省财政厅", "省大数据局"]),
    ]
    assert items[1]["support"] == ["省财政厅", "省教育厅"]  # the clause runs over a line break
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[5].startswith("1.完善实验室体系") and "- 2 -" not in lines  # page numbers dropped
    assert "Drafted 4 items (1 goal, 3 measure) with 3 agency clauses and 6 targets" in r.err


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某计划</title>
<style>p { margin: 0 }</style><script>var nav = "首页";</script></head><body>
<div class="nav-bar"><a href="/">首页</a> &gt; <a href="/zc">政策文件</a></div>
<div class="article"><h1>山东省数据开放实施方案（2025—2027年）</h1>
<p>一、主要目标</p><p>到2027年，建成数据专区&nbsp;20个。</p>
<p>二、重点任务</p>
<p>1.推进数据开放。（省大数据局牵头）</p><p>2.强化保障。<br>（省财政厅负责）</p></div>
<div id="footer">主办：山东省人民政府办公厅</div></body></html>
"""


def test_html_page_saved_from_a_government_site(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    saved = tmp_path / "page.txt"
    r = cli("import", str(page), "--plan", "open", "--save-text", str(saved))
    assert r.code == 0, r
    items = yaml.safe_load(r.out)
    assert [(i["id"], i["text"], i.get("lead")) for i in items] == [
        ("open.goal", "到2027年，建成数据专区20个。", None),
        ("open.1", "1.推进数据开放。（省大数据局牵头）", ["省大数据局"]),
        ("open.2", "2.强化保障。（省财政厅负责）", ["省财政厅"]),
    ]
    text = saved.read_text(encoding="utf-8")
    assert "首页" not in text and "主办" not in text and "var" not in text


def _binary(tmp_path):
    f = tmp_path / "x.bin"
    f.write_bytes(bytes(range(256)) * 4)
    return f


def _gbk_page_without_charset(tmp_path):
    f = tmp_path / "page.html"
    page = '<html><head><link rel="stylesheet" href="/css/main.css"></head>'
    page += "<body><p>推进数据开放</p></body></html>"
    f.write_bytes(page.encode("gbk"))
    return f


def _empty(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("\n \n", encoding="utf-8")
    return f


@pytest.mark.parametrize(
    ("make", "extra", "sentence"),
    [
        (lambda t: GREEN, ["--lines", "10-5"], "--lines 10-5 runs backwards"),
        (lambda t: GREEN, ["--lines", "ten"], "is not a range like 20-75"),
        (lambda t: GREEN, ["--period", "2027-2024"], "not a span of years"),
        (_empty, [], "is empty"),
        (_binary, [], "is a binary file"),
        (_gbk_page_without_charset, [], "is an HTML page whose bytes are neither UTF-8 nor in a charset"),
        (lambda t: FIXTURES / "plan_scanned.pdf", [], "has no text layer"),
        (lambda t: t / "missing.txt", [], "is not a file"),
        (lambda t: t, [], "is not a file"),  # a directory
        # a folder that cannot exist: its parent is a file
        (lambda t: GREEN, ["--save-text", str(GREEN / "dir" / "x.txt")], "Cannot write --save-text"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(cli, tmp_path, make, extra, sentence):
    r = cli("import", str(make(tmp_path)), "--plan", "x", *extra)
    assert r.code == 2, r
    assert r.out == ""
    assert r.err.count("\n") == 1 and r.err.startswith("sdtargets: ") and sentence in r.err


def test_a_decimal_point_lost_between_two_mentions_is_flagged():
    text = (
        "一、主要目标\n到2025年，研发经费投入强度达到2.8%。\n"
        "二、重点任务\n1.加大投入。研发经费投入强度达到28%。（省科技厅负责）\n"
    )
    d = draft(text.splitlines(), "x", period=(2024, 2025))
    flagged = {(ident, why.split(":")[0]) for ident, why in d.checks}
    assert flagged == {("x.goal", "研发经费投入强度达到2.8%"), ("x.1", "研发经费投入强度达到28%")}
    assert d.items[1]["targets"][0]["value"] == 28  # as written, for the reviewer to settle


def test_comparison_words_after_a_number_only_after_it():
    (t,), _ = draft_targets("全省规模以上工业增加值增长6.9%", 2023)
    assert (t["metric"], t["cmp"]) == ("规模以上工业增加值增长", ["增长"])


REPORT_LINES = """2026年山东省政府工作报告
各位代表：
一、2025年工作回顾
（一）经济增长迈出坚实步伐。全省生产总值增长5.5%，城镇新增就业112万人。
（二）改革开放迈出坚实步伐。进出口增长6%。
二、2026年重点工作
建议主要预期目标为：地区生产总值增长5%以上，城镇新增就业110万人以上。
（一）扩大内需。力争社会消费品零售总额增长5%。
做强科技创新。新培育高新技术企业3000家。
（二）深化改革。推进国企改革。
（三）扩大开放。稳住外贸基本盘。
"""


def test_a_report_without_blank_lines_has_a_paragraph_per_line_and_years_from_its_headings():
    d = draft(REPORT_LINES.splitlines(), "gwr")
    assert d.period == (2026, 2026)
    got = [(i["id"], i["line"], sorted({t["year"] for t in i["targets"]})) for i in d.items]
    assert got == [
        ("gwr.r1", 4, [2025]),
        ("gwr.r2", 5, [2025]),
        ("gwr.goal", 7, [2026]),
        ("gwr.goal2", 8, [2026]),
        ("gwr.p1", 9, [2026]),  # 新培育高新技术企业3000家 in 重点工作: a measure, not a goal
    ]


PLAN_WITH_NUMBERED_GOAL = """山东省某产业能力提升三年行动计划（2023—2025年）
一、总体要求
（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。
（二）主要目标。到2025年，全省高新技术企业达到3.3万家，培育单项冠军企业1000家以上。
二、重点任务
1.壮大专精特新。到2024年达到8000家。（责任单位：省工业和信息化厅）
"""


def test_a_numbered_goal_paragraph_is_a_goal_and_principles_are_no_item():
    d = draft(PLAN_WITH_NUMBERED_GOAL.splitlines(), "m")
    got = [(i["id"], i["kind"], i["line"]) for i in d.items]
    assert got == [("m.goal", "goal", 4), ("m.1", "measure", 6)]
    goal = [(t["metric"], t["value"], t["unit"], t["year"]) for t in d.items[0]["targets"]]
    assert goal == [("高新技术企业", 3.3, "万家", 2025), ("单项冠军企业", 1000, "家", 2025)]
    task = d.items[1]
    assert (task["lead"], task["support"], task["support_word"]) == ([], ["省工业和信息化厅"], "责任单位")
    assert "未写牵头单位" in task["agency_note"]
    assert task["targets"][0]["metric"] == "?"  # the count has no noun in its sentence: for the reviewer


def test_summary_reports_counts_in_words_and_numbers_of_paragraphs_that_became_no_item():
    text = (
        "一、总体要求\n近年来全省新增企业3000家，成效明显。\n二、重点任务\n"
        "1.培育企业。科技领军企业和科技小巨人企业数量双破千。（省科技厅牵头）\n"
    )
    d = draft(text.splitlines(), "x", period=(2024, 2025))
    assert [i["id"] for i in d.items] == ["x.1"]
    assert ("line 2", "近年来全省新增企业3000家，成效明") in d.unused
    assert any(where == "x.1" and "双破千" in snippet for where, snippet in d.unused)


def test_gbk_html_page_is_read_by_its_declared_charset(cli, tmp_path):
    page = tmp_path / "gbk.htm"
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
    html += "<p>1.推进数据开放。（省大数据局牵头）</p></body></html>"
    page.write_bytes(html.encode("gb2312"))
    r = cli("import", str(page), "--plan", "g", "--year", "2025")
    assert r.code == 0, r
    assert yaml.safe_load(r.out)[0]["lead"] == ["省大数据局"]


def test_year_zero_is_refused(cli):
    r = cli("import", str(GREEN), "--plan", "x", "--year", "0")
    sentence = "sdtargets: 0 is not a plausible plan year: give a year between 1949 and 2100.\n"
    assert (r.code, r.err) == (2, sentence)


def test_chapter_and_long_sub_headings_are_sections():
    text = (
        "第二章 重点任务\n第一节 强化创新\n"
        "（一）实施关键核心技术攻关行动加快突破一批制约产业发展的卡脖子技术难题和瓶颈\n"
        "1.建设实验室。（省科技厅牵头）\n"
    )
    d = draft(text.splitlines(), "x", period=(2025, 2025))
    assert [(i["id"], i["section"]) for i in d.items] == [
        (
            "x.1",
            [
                "第二章 重点任务",
                "第一节 强化创新",
                "（一）实施关键核心技术攻关行动加快突破一批制约产业发展的卡脖子技术难题和瓶颈",
            ],
        )
    ]


def test_the_same_digits_in_another_order_are_flagged():
    text = (
        "一、主要目标\n到2025年，一企一技术研发中心达到2150家。\n"
        "二、重点任务\n1.培育研发中心。一企一技术研发中心达到2510家。（省工业和信息化厅负责）\n"
    )
    d = draft(text.splitlines(), "x", period=(2023, 2025))
    assert [ident for ident, why in d.checks if "scrambled" in why] == ["x.goal", "x.1"]


def test_a_clause_on_a_line_of_its_own_closes_the_paragraph_above():
    text = "二、重点任务\n（一）推进开放\n建设数据专区。\n（省大数据局牵头）\n完善保障。\n（省财政厅负责）\n"
    d = draft(text.splitlines(), "x", period=(2025, 2025))
    assert [(i["id"], i["line"], i["text"], i["lead"]) for i in d.items] == [
        ("x.1", 3, "建设数据专区。（省大数据局牵头）", ["省大数据局"]),
        ("x.1b", 5, "完善保障。（省财政厅负责）", ["省财政厅"]),
    ]


def test_second_clauses_are_qualified_like_their_task():
    text = RESTART.replace(
        "2.培育企业。（省工业和信息化厅牵头）",
        "2.培育企业。（省工业和信息化厅牵头）引进人才。（省委组织部牵头）",
    )
    ids = [i["id"] for i in draft(text.splitlines(), "x", period=(2025, 2025)).items]
    assert ids == ["x.1-1", "x.1-2", "x.1-2b", "x.1-3", "x.2-1", "x.2-2", "x.s1"]


def test_an_average_is_one_target_over_the_plan_span_even_after_every_year():
    """`每年孵化…500个以上，…年均增长8%左右` (the OCR plan): the 每年 count is one target a year; the
    average is one target for the plan's end, covering the plan's years (`span`), as validate asks."""
    text = "每年孵化省级重点项目500个以上，带动集群营收规模年均增长8%左右。"
    targets, _ = draft_targets(text, (2025, 2027))
    avg = [t for t in targets if "年均" in t.get("cmp", [])]
    assert [(t["year"], t["span"], t["value"]) for t in avg] == [(2027, [2025, 2027], 8)]
    assert [t["year"] for t in targets if t["value"] == 500] == [2025, 2026, 2027]


def test_the_summary_counts_in_the_singular_where_there_is_one(cli, tmp_path):
    plan = tmp_path / "one.txt"
    plan.write_text(
        "二、重点任务\n1.培育研发中心。研发中心达到2150家。（省工业和信息化厅负责）\n", encoding="utf-8"
    )
    r = cli("import", str(plan), "--plan", "x", "--period", "2024-2025")
    assert r.code == 0, r
    assert "Drafted 1 item (1 measure) with 1 agency clause and 1 target;" in r.err


def test_a_reports_figures_name_growth_gaps_ranks_and_where_a_figure_started():
    text = (
        "全省规模以上工业增加值增长6.9%，高于全国2.6个百分点；全省利润增速达到15.7%，居全国第二位。"
        "新增国家级工业设计中心12家、国家技术创新示范企业4家，总数均居全国首位。"
        "高速铁路通车里程由2020年的2110公里增至3055公里，区域创新能力居全国第6位。"
    )
    targets, _ = draft_targets(text, (2023, 2024), 2023, result=True)
    got = [(t["metric"], t["value"], t["unit"], t["year"], t.get("baseline")) for t in targets]
    assert got == [
        ("规模以上工业增加值增长", 6.9, "%", 2023, None),
        ("规模以上工业增加值增速高于全国", 2.6, "个百分点", 2023, None),
        ("利润增速", 15.7, "%", 2023, None),
        ("新增国家级工业设计中心", 12, "家", 2023, None),
        ("国家技术创新示范企业", 4, "家", 2023, None),
        ("高速铁路通车里程", 3055, "公里", 2023, {"value": 2110, "year": 2020}),
        ("利润增速全国位次", 2, "位", 2023, None),
        ("国家级工业设计中心全国位次", 1, "位", 2023, None),
        ("国家技术创新示范企业全国位次", 1, "位", 2023, None),
        ("区域创新能力全国位次", 6, "位", 2023, None),
    ]
    assert all(t["quote"] in text for t in targets)
    # a plan's `居全国第一` is no result of the year: ranks are drafted for results only
    assert not [t for t in draft_targets(text, (2023, 2024))[0] if t["unit"] == "位"]


def test_a_result_keeps_a_year_before_the_plans_and_a_bare_growth_names_what_grew():
    text = "截至2023年底，充电基础设施保有量达到54.1万台，同比增长152%；共计建成充电站354座。"
    targets, _ = draft_targets(text, (2024, 2025), None, result=True)
    assert [(t["metric"], t["value"], t["year"]) for t in targets] == [
        ("充电基础设施保有量", 54.1, 2023),
        ("充电基础设施保有量增长", 152, 2023),
        ("充电站", 354, 2023),
    ]


def test_a_reported_average_covers_the_years_its_review_names_or_asks_for_them():
    def first(text):
        return draft_targets(text, (2026, 2026), 2025, result=True)[0][0]

    assert first("“十四五”时期，全省生产总值年均增长5.8%。")["span"] == [2021, 2025]
    assert first("五年来，居民收入年均增长6%。")["span"] == [2021, 2025]
    t = first("居民收入年均增长6%。")  # no years written: valid, with a check for the reviewer
    assert "span" not in t and "年均" not in t["cmp"] and "年均" in t["check"]


def test_levels_of_a_shared_noun_are_qualifiers_not_metrics():
    targets, _ = draft_targets("培育90名国家级、150名省级科技人才，建成100个应用场景。", (2025, 2027))
    assert [(t["metric"], t["value"]) for t in targets] == [
        ("科技人才", 90),
        ("科技人才", 150),
        ("应用场景", 100),
    ]


def test_an_agency_list_ending_in_deng_is_noted_and_on_the_to_do_list():
    text = "1.强化人才支撑。引进高层次人才500人以上。（牵头单位：省科技厅、省人力资源社会保障厅等）"
    d = draft(["二、重点任务", text], "x", period=(2025, 2027), resolve=load_registry(ROOT / "data"))
    item = d.items[0]
    assert item["lead"] == ["省科技厅", "省人力资源社会保障厅"]
    assert "等" in item["note"]
    assert f"  {item['id']}: " in summary(d) and "ends with 等" in summary(d)


NEW_PLAN = """# 标题：人工智能行动方案（2025—2027年） | 发文机关：山东省人民政府办公厅 | 日期：2025-03-01

一、总体要求
力争到2027年，全省人工智能产业规模突破3000亿元。培育90名国家级、150名省级科技人才，建成100个应用场景。
二、重点任务
1.强化人才支撑。引进高层次人才500人以上。（牵头单位：省科技厅、中国人民银行山东省分行、省人力资源社会保障厅等）
2.建设创新平台。新建省级创新平台30家左右。（牵头单位：省工业和信息化厅；配合单位：省虚构试验局、省发展改革委）
3.加强要素保障。力争全年增长12%以上。（牵头单位：省市场监管局）
"""


def test_the_loop_from_a_new_text_to_validate_names_only_the_items_the_summary_named(
    cli, tmp_path, monkeypatch
):
    """CURATING's recipe in a copy of the checkout: import --write, assemble with no code edit,
    validate. The only problems are on items the summary's to-do list names."""
    import re
    import shutil
    import subprocess
    import sys

    from sdtargets.kb.validate import validate_folder

    root = tmp_path / "co"
    for part in ("data", "curation", "scripts", "sdtargets"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "data" / "sources" / "trialx.txt").write_text(NEW_PLAN, encoding="utf-8")
    monkeypatch.chdir(root)
    result = cli("import", "data/sources/trialx.txt", "--plan", "trialx", "--write")
    assert result.code == 0, result
    todo = set(re.findall(r"^  (trialx\.\S+): ", result.err, re.M))
    # a second document drafted before assembling: its names already drafted are not drafted again
    (root / "data" / "sources" / "trialy.txt").write_text(NEW_PLAN.replace("2027", "2028"), encoding="utf-8")
    second = cli("import", "data/sources/trialy.txt", "--plan", "trialy", "--write")
    assert second.code == 0, second
    assert "省虚构试验局" not in second.err and "科技人才" not in second.err
    assert not (root / "curation" / "agencies-trialy.yaml").exists()
    todo |= set(re.findall(r"^  (trialy\.\S+): ", second.err, re.M))
    assert "trialx.3" in todo  # its figure has no noun: metric ?
    done = subprocess.run([sys.executable, "scripts/assemble.py"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "# >>> curation/agencies-trialx.yaml" in (root / "data" / "agencies.yaml").read_text(
        encoding="utf-8"
    )
    problems, _ = validate_folder(root / "data")
    assert problems, "the metric ? is a problem until a person names it"
    assert all(p.split(":")[0] in todo for p in problems), problems
    check = subprocess.run([sys.executable, "scripts/assemble.py", "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr  # assembling twice gives the same files


def test_a_list_sharing_its_noun_and_verb_gives_one_figure_and_metric_each():
    text = "新能源汽车、智能家电、智能手机限上零售额分别增长8.7%、31.5%和32.3%。"
    got = [(t["metric"], t["value"]) for t in draft_targets(text, (2025, 2025), 2025, True)[0]]
    assert got == [
        ("新能源汽车限上零售额增长", 8.7),
        ("智能家电限上零售额增长", 31.5),
        ("智能手机限上零售额增长", 32.3),
    ]
    got = [
        t["metric"] for t in draft_targets("游客人数、旅游收入均增长10%以上。", (2025, 2025), 2025, True)[0]
    ]
    assert got == ["游客人数增长", "旅游收入增长"]


def test_a_change_over_years_carries_the_subject_before_it_and_its_span():
    text = "一般公共预算收入累计完成3.7万亿元，5年增长18.7%。"
    growth = draft_targets(text, (2026, 2030), 2025, True)[0][1]
    assert (growth["metric"], growth["year"], growth["span"]) == ("一般公共预算收入增长", 2025, [2021, 2025])


def test_a_work_reports_long_review_paragraph_is_cut_into_citable_pieces():
    """A five-year review's `——` paragraph has few topic sentences: it is cut at sentence ends
    into pieces of 90 characters or more, the last never shorter than 40, each verbatim."""
    para = (
        "——经济综合实力实现新跃升。全省地区生产总值年均增长5.9%、高于全国0.5个百分点；经济总量连续跨过3个万亿元"
        "大关，占全国比重由2020年的7.2%提升至7.4%，在北方地区占比由20.5%提升至21.1%；人均生产总值由7.34万元提升至"
        "10.26万元。一般公共预算收入累计完成"
        "3.7万亿元，5年增长18.7%。工业、消费、进出口等年均增速高于全国，粮食总产稳定在1100亿斤以上。海洋生产总值"
        "持续位居全国前列。民营经济增加值增长31.6%。"
    )
    lines = ["一、2025年及“十四五”时期工作回顾", "", "2025年是“十四五”收官之年。五年来成绩显著。", "", para]
    d = draft(lines, "r", period=(2026, 2026))
    pieces = [i["text"] for i in d.items if i["line"] == 5]
    assert "".join(pieces) == para and len(pieces) >= 2
    assert pieces[0].endswith("10.26万元。") and pieces[1].startswith("一般公共预算收入累计完成")
    growth = next(t for i in d.items for t in i.get("targets", []) if t["value"] == 18.7)
    assert (growth["metric"], growth["year"], growth["span"]) == ("一般公共预算收入增长", 2025, [2021, 2025])


def test_a_change_after_a_figure_is_the_change_of_that_figure():
    targets = draft_targets("数字经济占比超过50%、提升9个百分点。", (2025, 2025), 2025, True)[0]
    assert [(t["metric"], t["value"], t["unit"]) for t in targets] == [
        ("数字经济占比", 50, "%"),
        ("数字经济占比提高", 9, "个百分点"),
    ]


def test_validate_in_a_checkout_checks_its_data_and_says_so(cli, tmp_path, monkeypatch):
    """Whatever way the package was installed, `validate` inside a checkout checks the
    checkout's data/ (what the curator just assembled), and names the folder first."""
    root, _ = _checkout(tmp_path)
    monkeypatch.delenv("SDTARGETS_DATA")
    monkeypatch.chdir(root / "curation")  # anywhere inside the checkout
    result = cli("validate")
    assert result.err.splitlines()[0] == f"Checking {(root / 'data').resolve()}"
    assert f"in {(root / 'data').resolve()}." in result.err  # its sources are not there: problems
