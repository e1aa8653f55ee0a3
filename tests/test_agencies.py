"""Agency resolution: every name a user might type lands on the right agency."""

from __future__ import annotations

import pytest
from test_progress import header_lines_from_progress

from sdtargets.errors import SdError
from sdtargets.store.agencies import resolve

EVERYDAY = {
    "省工信厅": "省工业和信息化厅",
    "省发改委": "省发展改革委",
    "省人社厅": "省人力资源社会保障厅",
    "省住建厅": "省住房城乡建设厅",
    "省卫健委": "省卫生健康委",
    "山东省工业和信息化厅": "省工业和信息化厅",
    "山东省发展和改革委员会": "省发展改革委",
    "省科技厅": "省科技厅",
    "省文旅厅": "省文化和旅游厅",
    "省应急管理厅": "省应急厅",
    "省市场监督管理局": "省市场监管局",
    "省医疗保障局": "省医保局",
    "省卫生健康委员会": "省卫生健康委",
    "省网信办": "省委网信办",
    "省编办": "省委编办",
    "国网山东电力": "国网山东省电力公司",
    "国家税务总局山东省税务局": "省税务局",
    "中国人民银行山东省分行": "人民银行山东省分行",
    "人行济南分行": "人民银行济南分行",
    "山东省畜牧兽医局": "省畜牧兽医局",
    "共青团山东省委": "团省委",
    "省工业和信息化听": "省工业和信息化厅",  # a near miss
    "省人力资源和社保厅": "省人力资源社会保障厅",  # a near miss of the full name
    "  省科技厅 ": "省科技厅",
}


@pytest.mark.parametrize(("typed", "canonical"), EVERYDAY.items())
def test_everyday_names_resolve(conn, typed, canonical):
    assert resolve(conn, typed).name == canonical


def test_every_name_in_the_registry_resolves_to_its_agency(conn, kb):
    wrong = []
    for ag in kb.agencies:
        for form in [ag["name"], ag.get("full"), *(ag.get("aliases") or [])]:
            if form and resolve(conn, form).name != ag["name"]:
                wrong.append((form, ag["name"]))
    assert wrong == []


def test_every_agency_named_in_a_clause_of_the_sources_is_in_the_registry(kb):
    """Read from the source texts themselves, not from the items: a missed item cannot hide a name."""
    from test_coverage import clauses

    registry = {a["name"] for a in kb.agencies}
    named = set()
    for file in ("001_eaa1b40229515837.txt", "002_0cfda77acafe7ff7.txt"):
        for *_, lead, _word, support in clauses(file):
            named.update(lead + support)
    assert len(named) == 86
    assert named - registry == set()


def test_every_agency_named_in_an_item_is_in_the_registry(kb):
    registry = {a["name"] for a in kb.agencies}
    named = {n for i in kb.items for n in i["lead"] + i["support"]}
    assert named - registry == set()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("人民银行济南分行", "人民银行山东省分行"),
        ("省地方金融监管局", "省委金融办"),
        ("省畜牧兽医局", "省畜牧局"),
    ],
)
def test_a_renamed_agency_answers_for_both_names(cli, old, new):
    """Asking for either name lists the duties of both, each under the name its document used."""
    by_old = cli("agency", old, "--json")
    by_new = cli("agency", new, "--json")
    assert by_old.code == 0 and by_new.code == 0, (by_old, by_new)
    assert [i["id"] for i in by_old.json] == [i["id"] for i in by_new.json]
    named = {n for i in by_old.json for n in i["lead"] + i["support"]}
    assert {old, new} <= named


def test_ambiguous_name_lists_the_candidates(conn):
    with pytest.raises(SdError) as err:
        resolve(conn, "金融监管总局")
    assert err.value.code == 2
    assert "金融监管总局山东监管局" in err.value.message
    assert "金融监管总局青岛监管局" in err.value.message


def test_unknown_name_suggests_nearest(conn):
    with pytest.raises(SdError) as err:
        resolve(conn, "火星发展局")
    assert "No agency is called" in err.value.message


def test_collectives_only_by_exact_name(conn):
    assert resolve(conn, "省有关部门、单位").name == "省有关部门、单位"
    with pytest.raises(SdError):
        resolve(conn, "有关部门")


def test_agency_header_names_the_agency_its_documents_and_counts_all_its_duties_on_stdout(cli):
    """Issue #14.2: the header is part of the answer (`agency 省工信厅 > duties.txt` names the
    agency). In order: its names, the documents it issued (gxt2024's issuer is
    山东省工业和信息化厅, the full name of 省工业和信息化厅; mfg2023 it issued with four other
    agencies, named under it), its counts, its English name, then per target year the verdicts
    of its targets (`progress`)."""
    every = cli("agency", "省工信厅", "--json").json
    led = sum(i["role"] == "lead" for i in every)
    result = cli("agency", "省工信厅", "--limit", "1")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[:7] == [
        "省工业和信息化厅（山东省工业和信息化厅）  [省政府组成部门]",
        "  also: 省工信厅、山东省工信厅",
        "  issued: gxt2024 2024年全省工业和信息化工作会议 (19 items)",
        "  issued: mfg2023 制造业创新能力提升三年行动计划（2023—2025年） (43 items)",
        "          with 省发展改革委、省教育厅、省科技厅、省市场监管局",
        f"  {led} led, {len(every) - led} supported (first 1 shown)",
        "  in English: Shandong Provincial Department of Industry and Information Technology",
    ]
    assert lines[7] == "  its targets by year (sdtargets progress --agency 省工业和信息化厅):"
    years = lines[8 : lines.index("")]
    assert [line.split(":")[0] for line in years] == ["  2023", "  2024", "  2025", "  2026", "  2027"]
    # each year's line counts what `progress --agency` gives that year (derived: the base grows)
    assert years == header_lines_from_progress(cli, "省工信厅")
    assert result.err == ""
    assert every[0]["id"] in result.out and every[1]["id"] not in result.out
    # JSON is unchanged: a plain array of items
    assert isinstance(every, list) and {"id", "role", "lead"} <= set(every[0])


def test_issued_by_splits_a_list_of_issuers_and_matches_any_name_form(conn):
    """mfg2023's issuer string lists 山东省工业和信息化厅 first, then 省发展改革委、省教育厅、
    省科技厅、省市场监管局 by their short names: each is an issuer, and the others are `with`."""
    from sdtargets.store.agencies import issued_by, resolve

    miit = issued_by(conn, resolve(conn, "省工信厅"))
    assert [(p["id"], p["with"]) for p in miit] == [
        ("gxt2024", []),
        ("mfg2023", ["省发展改革委", "省教育厅", "省科技厅", "省市场监管局"]),
    ]
    assert [(p["id"], p["with"]) for p in issued_by(conn, resolve(conn, "省科技厅"))] == [
        ("mfg2023", ["省工业和信息化厅", "省发展改革委", "省教育厅", "省市场监管局"])
    ]
    assert [p["id"] for p in issued_by(conn, resolve(conn, "省财政厅"))] == []


def test_issued_by_lists_each_agency_of_a_joint_issuer(conn, monkeypatch):
    """A document issued jointly (`山东省工业和信息化厅、省发展改革委、省科技厅`) is listed for each
    issuer, whatever name form the issuer string uses; a document stands for its sub-plans."""
    from sdtargets.store import query
    from sdtargets.store.agencies import issued_by, resolve

    joint = {
        "id": "joint2025",
        "parent": None,
        "items": 3,
        "short": "联合印发的方案",
        "title": "联合印发的方案",
        "issuer": "山东省工业和信息化厅、省发展改革委、省科技厅",
    }
    child = {**joint, "id": "joint2025-a", "parent": "joint2025", "items": 2}
    monkeypatch.setattr(query, "plans", lambda conn: [joint, child])
    for name in ("省工信厅", "省发改委", "省科技厅"):
        assert [(p["id"], p["items"]) for p in issued_by(conn, resolve(conn, name))] == [("joint2025", 5)], (
            name
        )
    assert issued_by(conn, resolve(conn, "省财政厅")) == []


def test_agencies_lists_every_agency_with_counts(cli, kb):
    rows = cli("agencies", "--json").json
    assert len(rows) == len(kb.agencies)
    miit = next(r for r in rows if r["name"] == "省工业和信息化厅")
    assert miit["led"] > 20


def test_agency_table_names_each_role_by_the_sources_word(cli):
    out = cli("agency", "省发改委", "--plan", "green2023").out
    rows = {
        line.split()[0]: line.split()[1] for line in out.splitlines() if line.strip().startswith("green2023.")
    }
    assert (rows["green2023.11"], rows["green2023.15"], rows["green2023.73"]) == (
        "牵头单位",
        "参与单位",
        "按职责分工负责",
    )
    assert rows["green2023.81"] == "牵头部门"


@pytest.mark.parametrize("name", ["省工信厅", "人民银行济南分行", "省畜牧局"])
def test_agency_json_written_as_stored_is_exactly_the_encoded_objects(conn, cli, name):
    """`agency --json` splices each item's role into its stored JSON; the bytes must be those
    `json.dumps` writes for the objects, roles included (renamed agencies count both names)."""
    import json

    from sdtargets.store.agencies import duties, resolve
    from sdtargets.store.query import Filters

    ag = resolve(conn, name)
    objects = duties(conn, ag, Filters())
    encoded = duties(conn, ag, Filters(), encoded=True)
    assert objects and [str(e) for e in encoded] == [json.dumps(o, ensure_ascii=False) for o in objects]
    assert {o["role"] for o in objects} <= {"lead", "support"}
    out = cli("agency", name, "--json").out
    assert out == "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n]\n"


def test_an_agency_no_clause_names_says_so_and_where_its_documents_items_are(cli):
    """省政协 issued the news2024-cppcc report, whose items name no agency clause (the issuer is
    not the items' lead): exit 1, and the sentence says why and where its items are."""
    result = cli("agency", "省政协")
    assert result.code == 1
    assert result.out.splitlines()[2:4] == [
        "  issued: news2024-cppcc 省政协“五大平台” (7 items)",
        "  0 led, 0 supported",
    ]
    assert result.err == (
        "sdtargets: No item names 省政协 as lead or support; the items of the documents it issued:"
        " sdtargets export --plan news2024-cppcc.\n"
    )
    assert cli("agency", "省工信厅", "--year", "2031").err == "sdtargets: No items match.\n"


def test_the_provincial_government_is_named_and_lists_the_documents_it_issued(cli):
    """山东省人民政府 issues the Five-Year Plan, the 2024 action plans and the work report; no clause
    names it (it leads nothing), but `agency 省政府` names its documents instead of calling the
    name ambiguous."""
    res = cli("agency", "山东省人民政府", "--no-pager")
    assert res.code == 1, res
    issued = [line.split()[1] for line in res.out.splitlines() if line.startswith("  issued: ")]
    # the documents it issued, in the base's order; a later document of its own is added to the list
    assert issued[:4] == ["act2024", "fyp14", "news2024-nev", "gwr2026"]
    assert "sdtargets export " + " ".join(f"--plan {p}" for p in issued) in res.err
