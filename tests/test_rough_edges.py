"""Rough edges a fresh user found in the installed tool (issues #17–#21 follow-ups): each is
one sentence on stderr and the documented exit code, or the answer a script expects."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
from conftest import write_kb

from sdtargets.store import db as dbm


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The per-user cache in a temporary folder, with no `SDTARGETS_DB` to bypass it."""
    monkeypatch.delenv("SDTARGETS_DB", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "sdtargets"


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# ---------------------------------------------------------------------------------------------
# The cache's lock is let go of, and its file removed, on every way out


def test_a_missing_data_folder_leaves_no_lock_in_the_cache(cli, cache, monkeypatch, tmp_path):
    monkeypatch.setenv("SDTARGETS_DATA", str(tmp_path / "nonexistent"))
    result = cli("stats")
    assert result.code == 2, result
    missing = tmp_path / "nonexistent"
    assert result.err == f"sdtargets: No knowledge base at {missing}: targets.yaml is missing.\n"
    assert not [n for n in leftovers(cache) if n.endswith(".lock")]


def test_malformed_yaml_leaves_no_lock_in_the_cache(cli, cache, monkeypatch, tmp_path):
    folder = write_kb(tmp_path / "kb", "plans: [1, 2\n")
    monkeypatch.setenv("SDTARGETS_DATA", str(folder))
    for args in (["find", "5G"], ["find", "5G", "--limit", "1"], ["stats"]):  # fast path and Typer
        result = cli(*args)
        assert result.code == 2, result
        where = f"{folder / 'targets.yaml'}:2:1"
        assert result.err == f"sdtargets: {where}: invalid YAML: did not find expected ',' or ']'.\n"
    assert leftovers(cache) == []


def test_a_waiting_builder_takes_the_lock_its_holder_removed(tmp_path):
    """The holder removes the lock file as it lets go; whoever waited on that file locks the
    file now at that name, so two builders never hold two different locks at once."""
    path = tmp_path / "kb.sqlite"
    inside: list[str] = []

    def second() -> None:
        with dbm._lock(path):
            inside.append("second")
            assert (tmp_path / "kb.sqlite.lock").exists()

    with dbm._lock(path):
        waiter = threading.Thread(target=second)
        waiter.start()
        time.sleep(0.2)
        assert inside == []  # still waiting
        inside.append("first")
    waiter.join(5)
    assert inside == ["first", "second"]
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------------------------------------
# --db: a file in a folder that exists


def test_db_in_a_missing_folder_is_refused_and_the_folder_not_made(cli, tmp_path):
    missing = tmp_path / "nonexist"
    for args in (["find", "5G"], ["stats"]):  # the fast path and the Typer app
        result = cli("--db", str(missing / "x.db"), *args)
        assert result.code == 2, result
        assert result.err == (
            f"sdtargets: The folder {missing} does not exist:"
            " --db and SDTARGETS_DB name a file in a folder that exists.\n"
        )
    assert not missing.exists()


def test_sdtargets_db_in_a_missing_folder_is_refused(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SDTARGETS_DB", str(tmp_path / "nonexist" / "x.db"))
    result = cli("stats")
    assert (result.code, result.err) == (
        2,
        f"sdtargets: The folder {tmp_path / 'nonexist'} does not exist:"
        " --db and SDTARGETS_DB name a file in a folder that exists.\n",
    )
    assert not (tmp_path / "nonexist").exists()


def test_db_under_a_file_is_refused(cli, tmp_path):
    (tmp_path / "plain").write_text("x")
    result = cli("--db", str(tmp_path / "plain" / "x.db"), "stats")
    assert (result.code, result.err) == (
        2,
        f"sdtargets: {tmp_path / 'plain'} is not a folder:"
        " --db and SDTARGETS_DB name a file in a folder that exists.\n",
    )


@pytest.mark.parametrize("args", [["find", "5G"], ["find", "5G", "--limit", "1"], ["stats"]])
def test_an_empty_db_says_it_needs_a_file_path(cli, args):
    """`--db ""` once said `. is a folder` (Typer made it Path("."); the fast path ignored it)."""
    result = cli("--db", "", *args)
    assert (result.code, result.err) == (2, "sdtargets: --db needs a file path, e.g. --db kb.sqlite.\n")


# ---------------------------------------------------------------------------------------------
# Output a script reads


@pytest.mark.parametrize("args", [["stats", "--json"], ["show", "act2024-rd.goal", "--json"]])
def test_one_object_of_json_is_one_compact_line_when_piped(cli, args):
    """Piped, every `--json` is compact, one object as one line (`jq -c`), a list one object a
    line; indented only for a person at a terminal. `stats --json | cat` was indented."""
    result = cli(*args)
    assert result.code == 0, result
    assert result.out.count("\n") == 1 and result.out.startswith("{")
    assert isinstance(result.json, dict)


def test_json_is_indented_for_a_person_at_a_terminal():
    from sdtargets.cli.render import dumps

    assert dumps({"totals": {"items": 2}}, pretty=True) == '{\n  "totals": {\n    "items": 2\n  }\n}'
    assert dumps({"totals": {"items": 2}}, pretty=False) == '{"totals": {"items": 2}}'


def test_progress_summary_says_limit_does_not_apply(cli):
    every = cli("progress", "--summary", "--json")
    limited = cli("progress", "--summary", "--limit", "3", "--json")
    assert limited.code == 0, limited
    assert limited.err == "sdtargets: --limit does not apply to --summary: the counts cover every target.\n"
    assert limited.json == every.json and every.err == ""
    assert len(every.json) > 3


def test_progress_summary_help_says_limit_does_not_apply(cli):
    result = cli("progress", "--help")
    assert "of every target; --limit does not apply." in " ".join(result.out.replace("│", " ").split())


def test_a_span_in_csv_is_first_year_dash_last_year(cli):
    """`timeline --format csv` wrote the span [2024, 2025] as `2024、2025`; docs/json.md's span is
    the first and last year, written `2024-2025` as the table writes it."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(cli("timeline", "全社会研发经费投入增长", "--format", "csv").out)))
    spans = {r["item"]: r["span"] for r in rows}
    assert spans["act2024-rd.goal"] == "2024-2025"
    assert spans["gwr2025.r8"] == ""  # one year: no span
    tsv = cli("timeline", "全社会研发经费投入增长", "--format", "tsv").out
    assert "\t2024-2025\t" in tsv


def test_a_span_chosen_with_fields_is_first_year_dash_last_year(cli):
    import csv
    import io

    out = cli("progress", "研发经费", "--format", "csv", "--fields", "item,span").out
    spans = {r["item"]: r["span"] for r in csv.DictReader(io.StringIO(out))}
    assert spans["act2024-rd.goal"] == "2024-2025"
    records = cli("progress", "研发经费", "--json", "--fields", "item,span").json
    json_spans = {r["item"]: r["span"] for r in records}
    assert json_spans["act2024-rd.goal"] == [2024, 2025]  # JSON keeps the list


# ---------------------------------------------------------------------------------------------
# Hostile input: one sentence and exit 2, never a traceback


@pytest.mark.parametrize(("year", "said"), [("-1", "-1"), ("-2025", "-2025")])
def test_due_a_negative_year_is_an_impossible_year(cli, year, said):
    """Click read `-1` as an option: `due has no option -1` (and `-2025` as the option `-2`)."""
    result = cli("due", year)
    assert (result.code, result.err) == (
        2,
        f"sdtargets: {said} is not a plausible year: give a year between 1949 and 2100.\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["find", "{big}"],
        ["progress", "--status", "{big}"],
        ["find", "5G", "--fields", "{big}"],
        ["show", "{big}"],
    ],
)
def test_a_megabyte_argument_is_one_short_sentence(cli, args):
    """A 1 MB argument was echoed whole by the errors that quote a value (`Unknown status '…'`)."""
    big = "氢能" * 500_000
    result = cli(*[a.replace("{big}", big) for a in args])
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "sdtargets: An argument is too long (1,000,000 characters; at most 10,000):"
        " the one that begins '氢能氢能氢能氢能氢能氢能'.\n"
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["progress", "--status", "{long}"], "Unknown status {cut}: use one of met, not_met,"),
        (["find", "5G", "--format", "{long}"], "Unknown format {cut}: use one of table, json,"),
        (["stats", "--table", "{long}"], "Unknown table {cut}: use one of plans, kinds, years, agencies."),
    ],
)
def test_an_error_quotes_a_long_value_by_its_start_and_length(cli, args, said):
    """Up to the longest argument taken, the error that names the value says it, cut: 5,000
    characters of it on stderr were no use to anyone."""
    result = cli(*[a.replace("{long}", "氢能" * 2500) for a in args])
    assert result.code == 2, result
    assert result.err.startswith(
        "sdtargets: " + said.replace("{cut}", "'氢能氢能氢能氢能氢能氢能…' (5,000 characters)")
    )
    assert len(result.err) < 200


def test_a_megabyte_line_piped_into_the_shell_is_refused_at_once(capsys):
    """`shlex` takes time in the square of a word's length: a 1 MB line took over two minutes."""
    from sdtargets.cli.shell import run_line

    assert run_line("find " + "氢能" * 500_000, ["x.1"]) == ["x.1"]
    assert (
        capsys.readouterr().err == "sdtargets: the line is too long (1,000,005 characters; at most 20,000).\n"
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["stats"], ["find", "5G", "--json"], ["export", "--json"]])
def test_a_full_disk_is_one_sentence(args):
    """`> /dev/full`: OSError's traceback, from the fast path and the Typer app alike."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sdtargets", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "sdtargets: cannot write the answer: No space left on device."
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["targets.yaml", "agencies.yaml"])
def test_a_folder_where_a_base_file_should_be_is_one_sentence(cli, cache, tmp_path, monkeypatch, name):
    """`validate` ended in IsADirectoryError's traceback; the queries said only the folder."""
    folder = write_kb(tmp_path / "kb", "plans: []\nitems: []\n")
    (folder / name).unlink()
    (folder / name).mkdir()
    monkeypatch.setenv("SDTARGETS_DATA", str(folder))
    for args in (["validate"], ["stats"], ["find", "5G"]):
        result = cli(*args)
        assert result.code == 2, result
        assert f"Cannot read {folder / name}: Is a directory.\n" in result.err
        assert "Traceback" not in result.err


@pytest.mark.parametrize(("args", "shown"), [(["plans", ""], "''"), (["stats", "", ""], "'', ''")])
def test_an_empty_extra_argument_is_shown_as_one(cli, args, shown):
    """`plans ""` said `Got unexpected extra argument(s) ()`: the empty argument was invisible."""
    result = cli(*args)
    assert (result.code, result.err) == (
        2,
        f"sdtargets: Got unexpected extra argument(s) ({shown}): see 'sdtargets {args[0]} --help'.\n",
    )
