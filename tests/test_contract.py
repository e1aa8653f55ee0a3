"""The output contract of SPEC.md: JSON shapes, exit codes, errors on stderr."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from unicodedata import normalize

import pytest

ITEM_KEYS = {"id", "plan", "section", "kind", "text", "lead", "support", "years", "targets", "source"}
TARGET_KEYS = {"metric", "value", "unit", "value_base", "year"}


def metrics(item: dict) -> str:
    return "".join(t["metric"] for t in item["targets"])


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
        # an exact hit scores in the exact band, a whole number (SPEC: find)
        assert type(item["score"]) is int and 60 <= item["score"] < 100, item["id"]
    # the values are the item's own: the 2024 task that builds 27万 5G base stations by 2025,
    # led by the three bodies its clause names (牵头单位：省工业和信息化厅、省大数据局、省通信管理局)
    ict = next(i for i in items if i["id"] == "act2024-ict.15")
    assert (ict["plan"], ict["kind"], ict["section"][-1]) == (
        "act2024-ict",
        "measure",
        "（五）聚力拓宽市场应用空间。",
    )
    assert ict["text"].startswith("15.完善数字基础设施。") and "累计建成开通5G基站27万个" in ict["text"]
    assert (ict["lead"], ict["support"]) == (
        ["省工业和信息化厅", "省大数据局", "省通信管理局"],
        ["省发展改革委", "省财政厅"],
    )
    assert ict["years"] == [2025]
    assert [{k: t[k] for k in TARGET_KEYS} for t in ict["targets"]] == [
        {"metric": "5G基站", "value": 27, "unit": "万个", "value_base": 270000, "year": 2025}
    ]
    assert {k: ict["source"][k] for k in ("file", "line")} == {
        "file": "001_eaa1b40229515837.txt",
        "line": 896,
    }


def test_json_is_utf8_not_escaped(cli):
    result = cli("show", "green2023.1", "--json")
    assert "省科技厅" in result.out
    assert "\\u" not in result.out


def test_export_prints_every_item(cli, kb):
    result = cli("export", "--json")
    assert result.code == 0, result
    assert [i["id"] for i in result.json] == [i["id"] for i in kb.items]


@pytest.mark.parametrize(
    ("command", "belongs"),
    [
        # every hit names 5G (in its text, a heading or a metric: the search's own fields)
        (
            ["find", "5G"],
            lambda i: "5G" in normalize("NFKC", i["text"] + "".join(i["section"]) + metrics(i)).upper(),
        ),
        # every item names the agency as lead or support, and says which
        (
            ["agency", "省科技厅"],
            lambda i: (
                i["role"] == ("lead" if "省科技厅" in i["lead"] else "support")
                and "省科技厅" in i["lead"] + i["support"]
            ),
        ),
        (["due", "2023"], lambda i: 2023 in i["years"]),  # every item is due in 2023
        (["export"], lambda i: i["id"].startswith(i["plan"] + ".")),  # every item of its plan
    ],
)
def test_list_commands_print_arrays_of_the_items_they_ask_for(cli, command, belongs):
    result = cli(*command, "--json")
    assert result.code == 0, result
    assert isinstance(result.json, list) and result.json
    assert [i["id"] for i in result.json if not belongs(i)] == []
    # green2023.1 (高质量建设崂山实验室, 2023, 省科技厅) answers all but the 5G search
    assert ("green2023.1" in [i["id"] for i in result.json]) is (command[0] != "find")


def test_show_prints_one_object(cli):
    item = cli("show", "green2023.1", "--json").json
    assert isinstance(item, dict)
    assert (item["id"], item["plan"], item["kind"]) == ("green2023.1", "green2023", "measure")
    assert item["section"] == ["一、深入实施创新驱动发展战略"]
    assert item["text"].startswith("1.高质量建设崂山实验室。") and item["text"].endswith(
        "（牵头单位：省科技厅）"
    )
    assert (item["lead"], item["support"], item["years"], item["targets"]) == (["省科技厅"], [], [2023], [])
    assert {k: item["source"][k] for k in ("file", "line")} == {
        "file": "002_0cfda77acafe7ff7.txt",
        "line": 28,
    }


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
        [
            "bash",
            "-c",
            f"set -o pipefail; {shlex.quote(sys.executable)} -m sdtargets export --format jsonl | head -1",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr  # pipefail: sdtargets' own exit, not head's
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
