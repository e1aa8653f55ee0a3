"""The output contract of SPEC.md: JSON shapes, exit codes, errors on stderr."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ITEM_KEYS = {"id", "plan", "section", "kind", "text", "lead", "support", "years", "targets", "source"}
TARGET_KEYS = {"metric", "value", "unit", "value_base", "year"}


def test_find_json_is_an_array_of_item_objects_with_score(cli):
    result = cli("find", "5G", "--json")
    assert result.code == 0, result
    assert result.err == ""
    items = result.json
    assert isinstance(items, list) and items
    for item in items:
        assert ITEM_KEYS | {"score"} <= item.keys()
        assert isinstance(item["lead"], list) and isinstance(item["years"], list)
        assert all(isinstance(y, int) for y in item["years"])
        assert {"file", "line"} <= item["source"].keys()
        for t in item["targets"]:
            assert TARGET_KEYS <= t.keys()


def test_json_is_utf8_not_escaped(cli):
    result = cli("show", "green2023.1", "--json")
    assert "省科技厅" in result.out
    assert "\\u" not in result.out


def test_export_prints_every_item(cli, kb):
    result = cli("export", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == [i["id"] for i in kb.items]


@pytest.mark.parametrize("command", [["find", "5G"], ["agency", "省科技厅"], ["due", "2023"], ["export"]])
def test_list_commands_print_arrays(cli, command):
    result = cli(*command, "--json")
    assert result.code == 0, result
    assert isinstance(result.json, list)


def test_show_prints_one_object(cli):
    assert isinstance(cli("show", "green2023.1", "--json").json, dict)


def test_no_results_exits_1_with_a_sentence(cli):
    result = cli("find", "没有这样的词语组合", "--exact", "--json")
    assert result.code == 1, result
    assert result.json == []
    assert result.err.strip() == "sdtargets: No items match."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["find", "   "], "The query is empty"),
        (["find", "x" * 500], "The query is too long"),
        (["due", "20245"], "20245 is not a plausible year"),
        (["due", "2025", "--until", "2024"], "--until 2024 is before 2025"),
        (
            ["due", "2025-2024"],
            "due 2025-2024 runs backwards: give the first year, then the last (2024-2025).",
        ),
        (["due", "2024", "--limit", "0"], "--limit takes a whole number of at least 1, not '0'."),
        (["progress", "--year", "3000"], "3000 is not a plausible year"),
        (["progress", "--kind", "result"], "progress --kind takes goal, measure or indicator"),
        (["timeline", "氢" * 10_000], "sdtargets: The metric is too long (10000 characters; at most 100).\n"),
        (
            ["show", "氢" * 10_000],
            "sdtargets: The item id is too long (10000 characters; ids look like green2023.2).\n",
        ),
        (
            ["find", "5G", "--plan", "氢" * 10_000],
            "sdtargets: The --plan value is too long (10000 characters;",
        ),
        (["find", "5G", "--db"], "sdtargets: --db needs a value: see 'sdtargets --help'.\n"),
        (["agency", "完全不存在的机构名称"], "No agency is called"),
        (["show", "nope.1"], "No item has the id 'nope.1'"),
        (["find", "5G", "--plan", "不存在的计划"], "Unknown plan"),
        (["find", "5G", "--format", "xml"], "Unknown format 'xml'"),
        (["find", "5G", "--kind", "wish"], "Unknown kind 'wish'"),
    ],
)
def test_bad_input_exits_2_with_one_sentence_and_no_traceback(cli, args, message):
    result = cli(*args)
    assert result.code == 2, result
    assert result.out == ""
    assert message in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_unknown_option_is_a_usage_error(cli):
    result = cli("find", "5G", "--colour")
    assert result.code == 2
    assert result.err == (
        "sdtargets: find has no option --colour (did you mean --no-color or --count?):"
        " see 'sdtargets find --help'.\n"
    )


def test_csv_has_a_header_and_one_row_per_item(cli):
    import csv
    import io

    result = cli("find", "5G", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0][:2] == ["id", "score"]
    assert len(rows) - 1 == len(cli("find", "5G", "--json").json)


def test_piping_into_head_prints_no_traceback():
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    proc = subprocess.run(
        f"{sys.executable} -m sdtargets export --format jsonl | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr
    assert "BrokenPipe" not in proc.stderr


@pytest.mark.parametrize(
    "args",
    [["export", "--format", "csv"], ["export", "--format", "jsonl"], ["due", "2025", "--format", "markdown"]],
)
def test_a_reader_that_stops_early_leaves_exit_0_and_silence(args):
    """`| head -1` under `set -o pipefail`: a closed pipe is not "no results" (exit 1)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sdtargets", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert (proc.wait(), err) == (0, b"")
