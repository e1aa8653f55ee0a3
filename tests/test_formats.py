"""Every output format carries the same rows; `stats` and `timeline` report the real base."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

LIST_COMMANDS = [
    ["find", "5G"],
    ["agency", "省科技厅", "--plan", "green2023"],
    ["due", "2023", "--agency", "省工信厅"],
    ["export", "--plan", "green2023"],
    ["plans"],
    ["agencies"],
    ["progress", "--plan", "green2023"],
]


@pytest.mark.parametrize("command", LIST_COMMANDS, ids=" ".join)
def test_every_format_round_trips_with_the_same_rows(cli, command):
    reference = cli(*command, "--json")
    assert reference.code == 0, reference
    rows = reference.json
    n = len(rows)
    assert n > 0

    jsonl = cli(*command, "--format", "jsonl")
    assert [json.loads(line) for line in jsonl.out.splitlines()] == rows

    assert yaml.safe_load(cli(*command, "--format", "yaml").out) == rows

    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        out = cli(*command, "--format", fmt).out
        table = list(csv.reader(io.StringIO(out), delimiter=delimiter))
        assert len(table) == n + 1, fmt  # a header, then one row per object
        assert len({len(r) for r in table}) == 1, fmt
    assert len(cli(*command, "--format", "tsv").out.splitlines()) == n + 1  # no line breaks in cells

    md = cli(*command, "--format", "markdown").out.splitlines()
    assert md[1].startswith("|---") and len(md) == n + 2


def test_fields_keeps_only_the_keys_asked_for_in_order(cli):
    rows = cli("find", "5G", "--json", "--fields", "id,lead").json
    assert rows and all(list(r) == ["id", "lead"] for r in rows)


def test_unknown_format_is_a_usage_error(cli):
    result = cli("find", "5G", "--format", "xml")
    assert result.code == 2
    assert result.err.strip().startswith("sdtargets: Unknown format 'xml'")


def test_stats_counts_equal_the_knowledge_base(cli, kb):
    data = cli("stats", "--json").json
    assert data["totals"] == {
        "plans": len(kb.plans),
        "items": len(kb.items),
        "targets": sum(len(i["targets"]) for i in kb.items),
        "agencies": len(kb.agencies),
    }
    per_plan = {p["plan"]: p["items"] for p in data["plans"]}
    for plan in kb.plans:
        family = {plan["id"]} | {p["id"] for p in kb.plans if p.get("parent") == plan["id"]}
        assert per_plan[plan["id"]] == sum(i["plan"] in family for i in kb.items), plan["id"]
    kinds = {k["kind"]: k["items"] for k in data["kinds"]}
    assert kinds == {k: sum(i["kind"] == k for i in kb.items) for k in {i["kind"] for i in kb.items}}


def test_timeline_follows_one_metric_across_documents(cli, kb):
    rows = cli("timeline", "高新技术企业", "--json").json
    plans = {p["id"]: p for p in kb.plans}
    documents = {plans[r["plan"]].get("parent") or r["plan"] for r in rows}
    assert {"green2023", "act2024"} <= documents
    assert {(r["year"], r["value"], r["unit"]) for r in rows} >= {(2023, 2.8, "万家"), (2024, 3.5, "万家")}
    assert [r["year"] for r in rows] == sorted(r["year"] for r in rows)


def test_no_color_option_and_environment_give_plain_tables(cli, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal: the highlights would be coloured
    coloured = cli("find", "碳达峰", "--plan", "green2023")
    assert coloured.code == 0, coloured
    assert "\x1b[" in coloured.out
    plain = cli("--no-color", "find", "碳达峰", "--plan", "green2023")
    assert plain.code == 0, plain
    assert "\x1b[" not in plain.out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in cli("find", "碳达峰", "--plan", "green2023").out
