"""The interactive shell, driven through prompt_toolkit's pipe input (a real key stream)."""

from __future__ import annotations

import json

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from sdtargets.cli.shell import completer_for, shell


def run_shell(conn, keys: str, capsys) -> str:
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        assert shell(conn, input=pipe, output=DummyOutput()) == 0
    return capsys.readouterr().out


def test_query_show_row_and_quit(cli, conn, capsys):
    """`show 2` opens the second row of the last answer, whatever the ranking puts there."""
    first, second = cli("find", "5G", "--limit", "2", "--json").json
    total = len(cli("find", "5G", "--json").json)
    out = run_shell(conn, "find 5G --limit 2\nshow 2\nquit\n", capsys)
    assert first["id"] in out and second["id"] in out
    shown = out.split(f"2 of {total} items match '5G'\n")[1]
    assert shown.startswith(f"{second['id']}  ")
    assert f"source: data/sources/{second['source']['file']}, line {second['source']['line']}" in shown


def test_tab_completes_an_agency_alias(conn, capsys):
    out = run_shell(conn, "agency 省工信\t --plan green2023 --limit 1\n\x04", capsys)
    assert "省工业和信息化厅" in out


def test_errors_return_to_the_prompt(conn, capsys):
    out = run_shell(conn, "due 99999\nshow 7\nplans --limit\nplans --json\n\x04", capsys)
    assert '"id": "green2023"' in out


@pytest.mark.parametrize(
    ("line", "expected"),
    [("ag", "agency"), ("agency 省工信", "省工信厅"), ("find x --pl", "--plan"), ("due 202", "2023")],
)
def test_completer(conn, line, expected):
    from prompt_toolkit.document import Document

    got = [c.text for c in completer_for(conn).get_completions(Document(line), None)]
    assert expected in got


def test_lines_piped_in_run_one_by_one_without_prompt_or_banner(cli, conn, capsys, monkeypatch):
    """`sdtargets shell < calls.txt`: no prompt_toolkit (it warned and drew prompts into the
    output); `show N` takes options too."""
    import io

    first = cli("find", "5G", "--limit", "1", "--json").json[0]
    total = len(cli("find", "5G", "--json").json)
    monkeypatch.setattr("sys.stdin", io.StringIO("find 5G --limit 1 --json\nshow 1 --json\nquit\nplans\n"))
    assert shell(conn) == 0
    out, err = capsys.readouterr()
    listed, shown = out.split("\n]\n")[0] + "\n]", out.split("\n]\n")[1]
    assert [i["id"] for i in json.loads(listed)] == [first["id"]]
    assert json.loads(shown)["id"] == first["id"]
    assert "sdtargets>" not in out and "green2023" not in out  # no prompt; nothing after quit
    assert err == f"sdtargets: 1 of {total} items (--limit 1; --count prints the total).\n"
