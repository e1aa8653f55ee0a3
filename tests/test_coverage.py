"""Completeness and accuracy of the knowledge base against the source texts.

These tests re-read `data/sources/` with their own, deliberately simple parsing (not the
package's extractor), so that a bug in the extractor cannot hide a gap in the data.
"""

from __future__ import annotations

import re

import pytest
from conftest import DATA, ROOT

from sdtargets.kb.validate import validate_folder

CLAUSE = re.compile(r"[（(](牵头单位|牵头部门)[：:]([^）)]*)[）)]")
SUPPORT = re.compile(r"[；;，,](配合单位|参与单位|责任单位)[：:]")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def names(body: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"[、，；]", body):
        if part == "单位" and out:
            out[-1] += "、单位"
        elif part:
            out.append(part[:-1] if part.endswith("等") else part)
    return out


def clauses(file: str) -> list[tuple[int, str, str, list[str], str | None, list[str]]]:
    """(offset, clause text, lead word, lead, support word, support) for every clause of a source,
    the offset counted in the source with all whitespace removed."""
    text = squash((DATA / "sources" / file).read_text(encoding="utf-8"))
    out = []
    for m in CLAUSE.finditer(text):
        lead_part, *rest = SUPPORT.split(m.group(2), maxsplit=1)
        word, support = (rest[0], names(rest[1])) if rest else (None, [])
        out.append((m.start(), m.group(0), m.group(1), names(lead_part), word, support))
    return out


def spans(file: str, items: list[dict]) -> list[tuple[int, int, dict]]:
    """Where each item's text stands in its source (whitespace removed), searching onwards from
    the previous item so that repeated wording lands on the right occurrence."""
    text = squash((DATA / "sources" / file).read_text(encoding="utf-8"))
    out, pos = [], 0
    for item in items:
        body = squash(item["text"])
        start = text.find(body, pos)
        if start < 0:
            start = text.find(body)
        if start >= 0:
            out.append((start, start + len(body), item))
            pos = start + 1
    return out


@pytest.mark.parametrize(
    ("file", "plan", "expected"),
    [
        ("002_0cfda77acafe7ff7.txt", "green2023", 112),  # 111 牵头单位 + task 81's 牵头部门
        ("001_eaa1b40229515837.txt", "act2024", 303),  # 297 牵头单位 + 6 牵头部门
        ("sd2023_zhizaoye_chuangxinnengli_sannian.txt", "mfg2023", 30),  # 30 牵头单位
    ],
)
def test_every_agency_clause_is_an_item_with_exactly_its_agencies(kb, file, plan, expected):
    found = clauses(file)
    assert len(found) == expected
    items = [i for i in kb.items if i["plan"] == plan or i["plan"].startswith(plan + "-")]
    located = spans(file, items)
    wrong = []
    for offset, clause, lead_word, lead, support_word, support in found:
        holders = [i for start, end, i in located if start <= offset and offset + len(clause) <= end]
        if len(holders) != 1:
            wrong.append(f"{clause} at {offset}: in {len(holders)} items")
            continue
        item = holders[0]
        if item.get("agency_exception"):
            continue  # an accepted exception, listed with its reason (a note alone spares nothing)
        got = (item.get("lead_word") or "牵头单位", item["lead"], item.get("support_word"), item["support"])
        if got != (lead_word, lead, support_word, support):
            wrong.append(f"{item['id']}: {got} != {(lead_word, lead, support_word, support)}")
    assert wrong == []


def test_the_2023_task_list_has_all_116_tasks_in_order(kb):
    ids = [i["id"] for i in kb.items if i["plan"] == "green2023"]
    assert ids == [f"green2023.{n}" for n in range(1, 117)]


def test_every_item_checks_against_its_source():
    """Verbatim text, recorded line, agencies equal to the clause, every number in its quote."""
    problems, summary = validate_folder(DATA)
    assert problems == []
    assert summary.startswith("OK:")


def test_every_target_value_is_written_in_its_items_text(kb):
    """The numbers test, stated directly: value (or raw string) appears in the item's text, in
    digits or in Chinese numerals (`两个`, `首位`: not damage, so no raw)."""
    from sdtargets.kb.checks import written_in

    missing = []
    for item in kb.items:
        text = squash(item["text"]).replace(",", "")
        for t in item["targets"]:
            if t.get("value") is None:
                assert t.get("note") or t.get("correction"), item["id"]
                continue
            if t.get("raw"):
                assert t.get("correction"), f"{item['id']}: raw {t['raw']} without a correction"
                if t["raw"] not in text:
                    missing.append((item["id"], t["metric"], t["raw"]))
            elif not written_in(t["value"], text, t["unit"]):
                missing.append((item["id"], t["metric"], t["value"]))
    assert missing == []


def test_raw_is_kept_only_for_damaged_numbers(kb):
    """A raw string is what the source printed where it is damaged (the Five-Year Plan's lost
    decimal points: digits only); a number in Chinese numerals is not damage."""
    raws = {(i["id"], t["raw"]) for i in kb.items for t in i["targets"] if t.get("raw")}
    assert raws and all(item.startswith("fyp14.") for item, _ in raws)
    assert all(raw.lstrip(">").isdigit() for _, raw in raws)


def test_agencies_in_items_are_canonical_names(kb):
    canonical = {a["name"] for a in kb.agencies}
    unknown = {n for i in kb.items for n in i["lead"] + i["support"] if n not in canonical}
    assert unknown == set()


def test_the_committed_knowledge_base_is_the_assembly_of_the_reviewed_fragments():
    """Curators edit curation/review/*.yaml; data/targets.yaml must be exactly their assembly."""
    import subprocess
    import sys

    if DATA != ROOT / "data":
        pytest.skip("developing against another knowledge base")
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "assemble.py"), "--check"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_every_metric_is_in_the_metric_vocabulary(kb):
    """A new metric name must be added to data/metrics.yaml on purpose, after looking there for
    the name the same quantity already has (the vocabulary is what keeps timelines joined up and
    what `progress` pairs targets and results by)."""
    from sdtargets.kb.metrics import unlisted

    assert unlisted(kb.vocabulary, kb.items) == []


def test_every_number_has_a_unit(kb):
    """A count, amount, share, rank or multiple is never unit-less; only a pure ratio (PUE, energy
    over IT energy) has no unit. A target without a value (a fraction such as 1/5) needs none."""
    unitless = {
        (i["id"], t["metric"])
        for i in kb.items
        for t in i["targets"]
        if t["value"] is not None and not t["unit"]
    }
    assert unitless == {("news2024-digital.14", "新建大型以上数据中心PUE")}


def test_every_lead_and_support_clause_of_chain2024_is_an_item_with_exactly_its_agencies(kb):
    """The 2024 chain plan writes its clauses `（A、B牵头，C、D配合）` and `（A、B按职责分工负责）`:
    read here by a pattern of this test's own (not the package's), each must be exactly one item's
    agencies: the shared-duty ones with an empty lead and the agencies as support."""
    file = "sd2024_keji_biaozhixing_chanyelian.txt"
    text = squash((DATA / "sources" / file).read_text(encoding="utf-8"))
    pattern = re.compile(r"（([^（）]*?)牵头，([^（）]*?)配合）|（([^（）]*?)按职责分工负责）")
    items = [i for i in kb.items if i["plan"] == "chain2024"]
    located = spans(file, items)
    found = list(pattern.finditer(text))
    assert len(found) == 8
    wrong = []
    for m in found:
        holders = [i for start, end, i in located if start <= m.start() and m.end() <= end]
        if len(holders) != 1:
            wrong.append(f"{m.group(0)}: in {len(holders)} items")
            continue
        item = holders[0]
        if m.group(3) is not None:
            want = ([], None, m.group(3).split("、"), "按职责分工负责")
        else:
            want = (m.group(1).split("、"), "牵头", m.group(2).split("、"), "配合")
        got = (
            item["lead"],
            item.get("lead_word") if item["lead"] else None,
            item["support"],
            item.get("support_word"),
        )
        if got != want:
            wrong.append(f"{item['id']}: {got} != {want}")
    assert wrong == []


#: Numbers in the new documents' texts that are names, not quantities (checked by hand): item
#: numbers are left out by the pattern below.
NAMES_WITH_DIGITS = {
    ("gwr2026.r8", "1"),  # “齐鲁1号”, “半岛1号” (tourism brands)
    ("gwr2026.r19", "96178"),  # the governor's hotline
    ("gwr2026.r19", "2115"),  # a road's number
    ("gwr2026.r40", "1313"),  # the “1313” laboratory system
    ("gwr2026.1.2", "1"),  # 山东交旅1号工程
    ("gwr2026.1.10", "2"),  # 半岛北N2 (a wind-farm site)
    ("gwr2026.2.7", "1"),  # the “1+9” action
    ("gwr2026.2.7", "9"),
    ("gwr2026.8.5", "26"),  # the 26th provincial games (an ordinal)
    ("mfg2023.17", "11"),  # 围绕11条标志性产业链: the task's scope (gwr2026.r37 reports 19 chains)
    ("mfg2023.20", "6"),  # 6G
    ("chain2024.4.4", "811"),  # the “811” project
}


def test_every_figure_of_the_new_documents_is_a_target(kb):
    """Each number written in digits in an item of gwr2026, mfg2023 or chain2024 stands in one of
    that item's target quotes, unless it is a year, the item's own number, or a name above."""
    missing = []
    for item in kb.items:
        if item["plan"] not in ("gwr2026", "mfg2023", "chain2024"):
            continue
        quotes = " ".join(t.get("quote") or "" for t in item["targets"])
        body = re.sub(r"^\d+\.", "", item["text"])  # `3.开发应用…`: the item's number
        for m in re.finditer(r"\d+(?:\.\d+)?", body):
            number = m.group()
            if re.fullmatch(r"(19|20)\d\d", number) or (item["id"], number) in NAMES_WITH_DIGITS:
                continue
            if not re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", quotes):
                missing.append((item["id"], number, body[max(0, m.start() - 6) : m.end() + 6]))
    assert missing == []
