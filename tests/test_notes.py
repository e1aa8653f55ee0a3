"""Notes that carry weight show their evidence, and a note never switches a check off (issue #22).

`validate` reports a hand-set `year_implied` without a note saying where its year is stated, a
correction or a note of doubt that cites nothing a reader can look up, and an agency clause that
differs from the item's agencies unless the item is an accepted exception with its reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import DATA
from test_load import AGENCIES, kb_at

from sdtargets.kb.notes import check_notes, hand_set_year
from sdtargets.kb.validate import read_sources, validate_folder


def base_copy(tmp_path: Path, change) -> Path:
    """A copy of the real base in which ``change(items_by_id)`` has edited targets.yaml."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    fast = {"Loader": getattr(yaml, "CSafeLoader", yaml.SafeLoader)}
    doc = yaml.load((folder / "targets.yaml").read_text(encoding="utf-8"), **fast)
    change({i["id"]: i for i in doc["items"]})
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False)
    (folder / "targets.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_base_has_hand_set_flags_corrections_and_doubts_and_every_one_cites_its_evidence(kb):
    """The checks have something to check (the Five-Year Plan's indicator table states its year
    in a column heading the rule cannot see; its lost decimal points are corrected), and the base
    passes them."""
    periods = {p["id"]: tuple(p["period"]) for p in kb.plans}
    sources, missing = read_sources(DATA, {p["source"] for p in kb.plans})
    assert missing == []
    ind20 = next(i for i in kb.items if i["id"] == "fyp14.ind20")
    # (20)粮食综合生产能力 (万吨) 5447 5500: no year in the row, 2025 heads the column (line 91)
    assert hand_set_year(ind20, ind20["targets"][0], periods["fyp14"]) is True
    assert "第91行" in ind20["targets"][0]["note"]
    r1 = next(i for i in kb.items if i["id"] == "fyp14.r1")
    assert any(t.get("raw") == "73" for t in r1["targets"])
    assert check_notes(kb.items, periods, {n: len(lines) for n, lines in sources.items()}) == []


def test_validate_names_a_hand_set_flag_whose_note_is_removed(tmp_path, cli):
    def drop_note(items):
        del items["fyp14.ind20"]["targets"][0]["note"]

    result = cli("validate", "--data", str(base_copy(tmp_path, drop_note)))
    assert result.code == 2, result
    assert result.err.splitlines() == [
        f"Checking {tmp_path / 'data'}",
        "fyp14.ind20: target 1: year_implied false is set by hand (the rule gives true) without a note"
        " saying where its year is stated (年份 and the source line, 第N行)",
        f"sdtargets: 1 problem in {tmp_path / 'data'}.",
    ]


def test_a_year_note_that_names_no_source_line_is_not_enough(tmp_path):
    def vague(items):
        items["fyp14.ind20"]["targets"][0]["note"] = "年份：表头“2025年”栏"

    problems, _ = validate_folder(base_copy(tmp_path, vague))
    assert [p.split(":")[0] for p in problems] == ["fyp14.ind20"]


def test_validate_names_a_correction_without_evidence(tmp_path):
    """fyp14.r1's 73∶391∶536 is 7.3∶39.1∶53.6 because the three shares add up to 100 on line 13:
    without that line the correction is the curator's word only."""

    def unsupported(items):
        items["fyp14.r1"]["targets"][0]["correction"] = "PDF转换丢失小数点"

    problems, _ = validate_folder(base_copy(tmp_path, unsupported))
    assert problems == [
        "fyp14.r1: target 1: correction cites no evidence (a source line 第N行, an item id, or a"
        " publication 《…》)"
    ]


# ---- what counts as evidence, on a one-item base

TARGET = "  targets:\n  - {metric: 5G基站, value: 2, unit: 万个, year: 2025, quote: 建设5G基站2万个%s}\n"


@pytest.mark.parametrize(
    ("note", "ok"),
    [
        ("疑为3万个之误", False),  # a doubt resting on nothing
        ("疑为3万个之误（第1行）", True),  # a line of the item's own source
        ("疑为3万个之误（第2行）", False),  # the source has one line
        ("疑为3万个之误（s.txt第1行）", True),  # a named source of the base
        ("疑为3万个之误（other.txt第1行）", False),  # not a source of the base
        ("疑为3万个之误（见p.1）", True),  # an item of the base
        ("疑为3万个之误（见p.9）", False),  # no such item
        ("疑为3万个之误（国家统计局《2024年国民经济和社会发展统计公报》）", True),  # a publication
        ("待核：是否应为3万个？", True),  # openly a question
        ("疑为3万个之误，待核", False),  # 待核 but asserting, not asking
        ("原文如此", True),  # no doubt, nothing to support
    ],
)
def test_a_note_of_doubt_cites_a_line_an_item_or_a_publication_or_asks(tmp_path, note, ok):
    folder = kb_at(tmp_path, _item(note=note))
    problems, _ = validate_folder(folder)
    assert (problems == []) is ok, problems


def test_a_line_reference_must_name_a_line_of_the_source_even_in_a_plain_note(tmp_path):
    problems, _ = validate_folder(kb_at(tmp_path, _item(note="年份：第9行")))
    assert problems == ["p.1: target 1: note: 第9行 is not a line of s.txt (1 lines)"]


def _item(note: str = "", lead: str = "[省工业和信息化厅]", extra: str = "") -> str:
    target = TARGET % (f", note: '{note}'" if note else "")
    return (
        "- id: p.1\n  plan: p\n  kind: measure\n  line: 1\n  text: |-\n"
        "    1.建设5G基站2万个。（牵头单位：省工业和信息化厅）\n"
        f"  lead: {lead}\n{extra}{target}"
    )


# ---- a note never switches a check off


def test_an_agency_note_does_not_spare_an_item_from_the_agency_check(tmp_path):
    folder = kb_at(tmp_path, _item(lead="[]", extra="  agency_note: 原文如此\n"), AGENCIES)
    problems, _ = validate_folder(folder)
    assert problems == ["p.1: lead [] differs from its clause ['省工业和信息化厅']"]


def test_an_accepted_exception_with_its_reason_is_spared_and_only_it(tmp_path):
    exception = "  agency_exception: 牵头单位另见第1行之外的文件（示例）\n"
    problems, _ = validate_folder(kb_at(tmp_path, _item(lead="[]", extra=exception), AGENCIES))
    assert problems == []
    # an exception the item does not need is itself a problem: the list holds only real exceptions
    problems, _ = validate_folder(kb_at(tmp_path, _item(extra=exception), AGENCIES))
    assert problems == [
        "p.1: agency_exception is set, but the agencies are exactly its clause's: remove the exception"
    ]
    problems, _ = validate_folder(kb_at(tmp_path, _item(lead="[]", extra="  agency_exception: ' '\n")))
    assert problems == ["p.1: agency_exception needs its reason"]
