"""Issue #14, a newcomer's first hour: each test is one thing a careful first-time user tripped on."""

from __future__ import annotations

import csv
import io
import re

import pytest

# ---------------------------------------------------------------------------------------------
# 1. --fields takes any column a command shows; an unknown one is exit 2 naming the valid ones


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["find", "5G", "--fields", "id,match"], ["id", "match"]),
        (["agency", "省工信厅", "--fields", "id,role"], ["id", "role"]),
        (["due", "2024", "--fields", "id,due"], ["id", "due"]),
        (["plans", "--fields", "id,title"], ["id", "title"]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_fields_with_a_table_column_works_in_every_format(cli, args, header):
    table = cli(*args)
    assert table.code == 0, table
    assert any(line.split() == header for line in table.out.splitlines())
    rows = list(csv.reader(io.StringIO(cli(*args, "--format", "csv").out)))
    assert rows[0] == header
    assert all(len(r) == 2 and r[0] for r in rows[1:])
    data = cli(*args, "--json").json
    assert all(list(o) == header for o in data)


def test_fields_due_csv_gives_each_items_due_targets_on_one_line(cli):
    rows = list(csv.reader(io.StringIO(cli("due", "2024", "--fields", "id,due", "--format", "csv").out)))
    due = dict(rows[1:])
    assert due["act2024-newenergy.1"] == "核电装机 415万千瓦 (达到) 2024"


def test_unknown_field_names_the_valid_fields(cli):
    result = cli("find", "5G", "--fields", "id,nonsense")
    assert result.code == 2
    assert result.err.startswith(
        "sdtargets: Unknown field 'nonsense': this command's fields are id, score, match,"
    )
    assert "text" in result.err and "lead / support" in result.err


def test_show_with_fields_prints_those_fields(cli):
    result = cli("show", "fyp14.ind2", "--fields", "id,text")
    assert result.code == 0, result
    assert "fyp14.ind2" in result.out and "常住人口城镇化率" in result.out and "source:" not in result.out


# ---------------------------------------------------------------------------------------------
# 3. --limit says "2 of 20"; --count prints the total; the JSON stays a plain array


def test_limit_caption_says_how_many_of_how_many(cli):
    """The caption's M is every item the query matches (the JSON's length), not the 2 shown;
    the base grows, so M is read from the JSON, never written here."""
    total = len(cli("find", "5G", "--json").json)
    assert total > 2  # else --limit 2 would cut nothing and the caption would not be tested
    result = cli("find", "5G", "--limit", "2")
    assert result.out.rstrip().splitlines()[-1].strip() == f"2 of {total} items match '5G'"


def test_count_prints_the_total_whatever_the_limit(cli):
    total = len(cli("find", "5G", "--json").json)
    assert total > 2
    assert cli("find", "5G", "--count", "--limit", "2").out == f"{total}\n"
    assert cli("agency", "省工信厅", "--count").out == f"{len(cli('agency', '省工信厅', '--json').json)}\n"
    assert cli("due", "2024", "--count").out == f"{len(cli('due', '2024', '--json').json)}\n"
    none = cli("find", "火星殖民", "--count")
    assert (none.code, none.out) == (1, "0\n")


def test_due_caption_counts_targets_of_how_many_and_fits_the_terminal(cli, monkeypatch):
    """`5 of 72 items, 10 targets` read as if 10 targets were due in all; a caption wider than
    the terminal is filled, not left to the terminal to break."""
    from sdtargets.cli.termtable import text_width

    monkeypatch.setenv("COLUMNS", "100")
    out = cli("due", "2026", "--plan", "gwr2026", "--limit", "5").out.rstrip().splitlines()
    every = cli("due", "2026", "--plan", "gwr2026", "--json").json
    assert (len(every), sum(len(i["due"]) for i in every)) == (72, 83)
    assert " ".join(line.strip() for line in out[-2:]) == (
        "5 of 72 items, 10 of 83 targets due 2026"
        " (* = year implied; --implied adds what is due only by its plan's end)"
    )
    assert max(map(text_width, out)) <= 100


def test_limited_json_is_a_plain_array_and_the_total_goes_to_stderr(cli):
    total = len(cli("find", "5G", "--json").json)
    result = cli("find", "5G", "--limit", "2", "--json")
    assert len(result.json) == 2 < total
    assert result.err == f"sdtargets: 2 of {total} items (--limit 2; --count prints the total).\n"


def test_progress_counts_and_limits_targets(cli):
    """progress lists targets, not items; its --limit note names the --count it has."""
    assert cli("progress", "--plan", "act2024-rd", "--count").out == "28\n"
    result = cli("progress", "--plan", "act2024-rd", "--limit", "2", "--json")
    assert [r["item"] for r in result.json] == ["act2024-rd.goal", "act2024-rd.goal"]
    assert result.err == "sdtargets: 2 of 28 targets (--limit 2; --count prints the total).\n"
    none = cli("progress", "--plan", "act2024-rd", "--status", "behind", "--count")
    assert (none.code, none.out, none.err) == (1, "0\n", "sdtargets: No targets match.\n")


# ---------------------------------------------------------------------------------------------
# 4. Root options anywhere on the line (the fast path too)


@pytest.mark.parametrize(
    "args",
    [
        ["find", "5G", "--no-pager"],
        ["find", "5G", "--no-color"],
        ["find", "5G", "--no-pager", "--json"],
        ["find", "5G", "--plan", "green2023", "--no-color"],
        ["due", "2024", "--no-pager", "--limit", "1"],
        ["plans", "--no-color"],
    ],
    ids=" ".join,
)
def test_root_options_are_accepted_after_the_command(cli, args):
    result = cli(*args)
    assert result.code == 0, result


def test_db_after_the_command_uses_that_database(cli, tmp_path):
    db = tmp_path / "other.sqlite"
    assert cli("find", "5G", "--json", "--db", str(db)).code == 0  # the fast path
    assert db.exists()
    db2 = tmp_path / "third.sqlite"
    assert cli("find", "5G", "--db", str(db2), "--limit", "1").code == 0  # the Typer app
    assert db2.exists()


def test_root_options_after_a_bare_query_keep_it_on_the_fast_path():
    from sdtargets.cli import fast
    from sdtargets.cli.argv import hoist

    assert fast.serve(hoist(["find", "5G", "--no-pager", "--no-color", "--json"])) == 0
    assert fast.serve(hoist(["find", "5G", "--no-color", "--limit", "2"])) == 0  # a first screen too
    assert fast.serve(hoist(["find", "5G", "--plan", "green2023"])) is None  # any other option: Typer


def test_hoist_moves_root_options_but_never_an_options_value():
    from sdtargets.cli.argv import hoist

    assert hoist(["find", "5G", "--no-pager", "--db", "x.db"]) == ["--no-pager", "--db", "x.db", "find", "5G"]
    assert hoist(["find", "--fields", "--no-pager"]) == ["find", "--fields", "--no-pager"]
    assert hoist(["find", "--", "--no-color"]) == ["find", "--", "--no-color"]


def test_value_options_are_exactly_the_apps_options_that_take_a_value():
    import typer.main

    from sdtargets.cli.app import app
    from sdtargets.cli.argv import ROOT_VALUE, VALUE_OPTIONS

    group = typer.main.get_command(app)
    taking = {
        o
        for command in [group, *group.commands.values()]
        for p in command.params
        if p.param_type_name == "option" and not p.is_flag
        for o in p.opts
    }
    assert taking - {ROOT_VALUE} == set(VALUE_OPTIONS)


# ---------------------------------------------------------------------------------------------
# 5. One error style: one sentence with the fix, exit 2; `due 2024-2025` is a range


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["find", "5G", "--limit", "abc"],
            "--limit takes a whole number of at least 1, not 'abc': see 'sdtargets find --help'.",
        ),
        (["find", "5G", "--year", "abc"], "--year takes a year, not 'abc': see 'sdtargets find --help'."),
        (["find"], "find needs QUERY…, as in 'sdtargets find 5G': see 'sdtargets find --help'."),
        (["fnd", "5G"], "sdtargets has no command 'fnd' (did you mean 'find'?): see 'sdtargets --help'."),
        (["find", "5G", "--limit"], "--limit needs a value: see 'sdtargets find --help'."),
        (["due", "20x4"], "due takes a year or a range of years, such as 2024 or 2024-2025, not '20x4'."),
        (["find", "5G", "--kind", "foo"], "Unknown kind 'foo': use one of goal, measure, indicator, result."),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_usage_errors_are_one_sentence_with_the_fix(cli, args, message):
    result = cli(*args)
    assert result.code == 2
    assert result.err == f"sdtargets: {message}\n"


@pytest.mark.parametrize("span", ["2024-2025", "2024..2025", "2024–2025"])
def test_due_takes_a_range_as_its_year(cli, span):
    assert cli("due", span, "--json").json == cli("due", "2024", "--until", "2025", "--json").json
    assert (
        cli("due", span)
        .out.rstrip()
        .endswith("due 2024–2025 (* = year implied; --implied adds what is due only by its plan's end)")
    )


def test_agencies_with_an_unknown_kind_lists_the_kinds(cli):
    result = cli("agencies", "--kind", "foo")
    assert result.code == 2
    assert result.err.startswith("sdtargets: Unknown agency kind 'foo': use one of 省人民政府, 省委部门, ")
    assert "省政府组成部门" in result.err


# ---------------------------------------------------------------------------------------------
# 7. --plan says what it matched, takes several plans, suggests instead of listing every id


def test_plan_by_part_of_a_title_says_what_it_matched(cli):
    result = cli("find", "数字", "--plan", "数字", "--json")
    assert result.err == (
        "sdtargets: --plan 数字 matched act2024-digital (数字变革创新行动计划),"
        " news2024-digital (数字经济“四化”协同创新).\n"
    ) or result.err.startswith("sdtargets: --plan 数字 matched act2024-digital (")
    assert {i["plan"] for i in result.json} == {"act2024-digital", "news2024-digital"}


def test_plan_alias_names_other_plans_with_the_words_in_their_titles(cli):
    result = cli("due", "2024", "--plan", "新能源", "--json")
    assert "news2024-nev" in result.err and "--plan news2024-nev" in result.err
    assert {i["plan"] for i in result.json} == {"act2024-newenergy"}


def test_plan_repeated_takes_every_plan(cli):
    both = cli("find", "新能源", "--plan", "act2024-newenergy", "--plan", "news2024-nev", "--json").json
    assert {i["plan"] for i in both} == {"act2024-newenergy", "news2024-nev"}


def test_unknown_plan_suggests_instead_of_listing_every_id(cli):
    result = cli("find", "5G", "--plan", "act")
    assert result.code == 2
    assert (
        result.err
        == "sdtargets: Unknown plan 'act' (did you mean act2024?): 'sdtargets plans' lists every plan.\n"
    )


# ---------------------------------------------------------------------------------------------
# 8. Data formats hold data


def test_stats_csv_is_one_table_without_bars(cli):
    out = cli("stats", "--format", "csv").out
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["plan", "title", "items", "targets"]
    assert "█" not in out and len({len(r) for r in rows}) == 1
    agencies = list(csv.reader(io.StringIO(cli("stats", "--format", "csv", "--table", "agencies").out)))
    assert agencies[0] == ["agency", "led", "supported", "total"]


def test_timeline_csv_has_years_as_numbers_and_implied_as_a_boolean(cli):
    """fyp14.r2's 2020 is stated (the chapter's `“十三五”时期` governs its figures: the item's
    note); act2024-rd.4's 2025 (3—4 new 省实验室, no year in its words) is implied."""
    rows = list(csv.DictReader(io.StringIO(cli("timeline", "高新技术企业", "--format", "csv").out)))
    first = rows[0]
    assert (first["year"], first["year_implied"], first["value"], first["unit"]) == (
        "2020",
        "false",
        "1.4",
        "万家",
    )
    assert all("*" not in r["year"] for r in rows)
    assert {r["year_implied"] for r in rows} <= {"true", "false"}
    labs = list(csv.DictReader(io.StringIO(cli("timeline", "新增省实验室", "--format", "csv").out)))
    # found by its id, not its place: the 2024 report's 2 new labs of 2024 (gwr2024.1.1b) come first
    assert next(
        (r["year"], r["year_implied"], r["value"], r["value_max"])
        for r in labs
        if r["item"] == "act2024-rd.4"
    ) == ("2025", "true", "3", "4")


def test_csv_cells_are_one_line_each(cli):
    out = cli("find", "5G", "--format", "csv").out
    rows = list(csv.reader(io.StringIO(out)))
    items = len(cli("find", "5G", "--json").json)
    assert len(out.splitlines()) == len(rows) == 1 + items  # the header and one line per item
    assert rows[0] == [
        *("id", "score", "match", "match_field", "snippet"),
        *("lead", "support", "years", "years_implied", "targets"),
    ]


def test_json_scores_are_whole_numbers(cli):
    assert {type(i["score"]) for i in cli("find", "人型机器人", "--json").json} == {int}


def test_excel_format_is_csv_with_a_byte_order_mark_and_crlf(cli):
    result = cli("find", "5G", "--format", "excel")
    assert result.out.startswith("\ufeffid,score,match,match_field,snippet,")
    assert result.out.count("\r\n") == 1 + len(cli("find", "5G", "--json").json)  # header + items


# ---------------------------------------------------------------------------------------------
# 6. Column widths follow what each column holds; ids never wrap


def rows_per_entry(out: list[str], entries: int) -> float:
    """A spaced table's lines per row: all lines but the header, its rule and the blank line
    between rows, over the rows."""
    return (len(out) - 2 - (entries - 1)) / entries


def test_plans_at_100_columns_give_titles_room(cli, monkeypatch):
    """Ratio-only widths gave titles 5 characters beside a half-empty aliases column (102 lines
    for the 26 plans of the time); fitted widths give 29 plans 2.4 lines each (100 lines and the
    caption). 2.7 a plan (108 lines) was the first fitting, which moved width 2 columns at a
    time and so never gave the act2024 titles the 5 columns that put each on one line."""
    monkeypatch.setenv("COLUMNS", "100")
    out = cli("plans").out.splitlines()
    plans = len(cli("plans", "--json").json)
    assert plans >= 29  # every plan of the base is listed (the base grows)
    assert out[-1].strip() == "(324): in act2024's sub-plans, listed under it; --plan act2024 takes them all"
    assert rows_per_entry(out[:-1], plans) <= 2.5, len(out)
    row = next(line for line in out if line.startswith("act2024-rd "))
    assert "科技研发创新行动计划" in row  # the whole short title on one line
    document = next(line for line in out if line.startswith("act2024 "))
    assert document.split()[-2:] == ["(324)", "(297)"]  # its items are its sub-plans'
    assert [(p["id"], p["items"]) for p in cli("plans", "--json").json[1:3]] == [
        ("act2024", 0),
        ("act2024-rd", 16),
    ]


def test_agencies_at_100_columns_give_full_names_room(cli, kb, monkeypatch):
    """ "full name" once had 4 characters (349 lines); ratio-only
    widths give the agencies 2 lines each (270 lines), fitted widths 1.6 (232 lines)."""
    monkeypatch.setenv("COLUMNS", "100")
    out = cli("agencies").out.splitlines()
    agencies = len(cli("agencies", "--json").json)
    assert agencies == len(kb.agencies)  # every agency of the registry, however many
    assert rows_per_entry(out, agencies) <= 1.7, len(out)
    assert any(line.startswith("省委办公厅") and "中共山东省委办公厅" in line for line in out)


def test_due_has_no_plan_column_and_a_title_that_holds_a_title(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    out = cli("due", "2024", "--plan", "act2024-newenergy").out.splitlines()
    assert out[0].split() == ["id", "title", "lead", "due"]
    assert any(line.startswith("act2024-newenergy.2") and "海陆并进发展风电" in line for line in out)


def test_export_never_wraps_an_id(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("export", "--plan", "green2023", "--limit", "3").out.splitlines()
    assert [line.split()[0] for line in out if line.startswith("green2023.")] == [
        "green2023.1",
        "green2023.2",
        "green2023.3",
    ]


def test_fit_widths_gives_the_width_to_the_text_that_needs_it():
    from sdtargets.cli.termtable import fit_widths

    # two text columns sharing 40: one holds long text in every row, the other short words
    long, short = [[60]] * 10, [[6]] * 10
    widths = fit_widths([long, short], [60, 6], [8, 6], [1, 3], 40 + 2)
    assert widths == [34, 6]


# ---------------------------------------------------------------------------------------------
# 10. Line breaks: the full set of no-line-start / no-line-end characters; short groups whole


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("他说：“好。”。然后", 12, ["他说：", "“好。”。然后"]),  # ”。 never starts a line
        ("比重达到52%。然后", 12, ["比重达到", "52%。然后"]),  # %。 neither, nor is 52 split
        ("《规划》，下一句", 8, ["《规", "划》，下", "一句"]),  # 》， neither
        ("风电装机 2700万千瓦 (达到/左右) 2024", 24, ["风电装机 2700万千瓦", "(达到/左右) 2024"]),
        ("鲁政发〔2024〕5号", 10, ["鲁政发", "〔2024〕5", "号"]),  # 〔 never ends a line
        ("等等——然后", 5, ["等等", "——然", "后"]),  # —— is never split
    ],
)
def test_line_breaks_follow_chinese_typesetting_rules(text, width, expected):
    from sdtargets.cli.termtable import fill

    assert fill(text, width) == expected


# ---------------------------------------------------------------------------------------------
# 11. Piped tables take the terminal's width when there is one


def test_piped_tables_use_the_terminal_on_stderr_or_stdin(monkeypatch):
    import io
    import os

    from sdtargets.cli import termtable

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)

    def size(fd):  # stdout is a pipe; stderr is the terminal, 132 columns wide
        if fd == 2:
            return os.terminal_size((132, 40))
        raise OSError

    monkeypatch.setattr(termtable.os, "get_terminal_size", size)
    assert termtable.Terminal(stream=io.StringIO()).width == 132
    monkeypatch.setattr(termtable.os, "get_terminal_size", lambda fd: (_ for _ in ()).throw(OSError()))
    assert termtable.Terminal(stream=io.StringIO()).width == termtable.PIPED_WIDTH


# ---------------------------------------------------------------------------------------------
# 13. The first paging says how to leave the pager and how to turn it off, once


def test_the_first_paged_answer_explains_the_pager_once(tmp_path, monkeypatch, capsys):
    import sys

    from sdtargets.cli import render
    from sdtargets.cli.termtable import Terminal

    got = tmp_path / "paged"
    script = "import sys; open(sys.argv[1], 'a').write(' '.join(sys.argv[2:]) + '|' + sys.stdin.read())"
    monkeypatch.setenv("PAGER", f'{sys.executable} -c "{script}" {got}')
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(render.settings, "pager", True)
    term = Terminal(color=False)
    term.is_tty, term.height = True, 3
    lines = [f"row {n}" for n in range(10)]
    render.put(lines, term)
    first = capsys.readouterr().err
    assert first == render.PAGER_NOTE + "\n"
    assert "--no-pager" in first and "q leaves" in first
    render.put(lines, term)
    assert capsys.readouterr().err == ""  # once
    assert got.read_text(encoding="utf-8").count("row 9") == 2


def test_less_gets_a_prompt_that_says_how_to_leave_the_first_time(tmp_path, monkeypatch):
    from sdtargets.cli import termtable

    calls = []

    class Fake:
        def __init__(self, command, **kwargs):
            calls.append(command)
            self.stdin = io_sink()

        def wait(self):
            return 0

    class io_sink:
        def write(self, text):
            pass

        def close(self):
            pass

    monkeypatch.setenv("PAGER", "less")
    import subprocess

    monkeypatch.setattr(subprocess, "Popen", Fake)
    termtable.page(termtable.Terminal(color=False), "x\n", prompt="q leaves: a.b")
    assert calls == [["less", "-Psq leaves\\: a\\.b$"]]


def test_docs_document_no_pager(cli):
    from pathlib import Path

    commands = Path(__file__).resolve().parent.parent / "docs" / "commands.md"
    text = commands.read_text(encoding="utf-8")
    assert "`--no-pager` (or `PAGER=cat`) turns paging off" in text and "`q` leaves it" in text


# ---------------------------------------------------------------------------------------------
# 9. Help: examples, choices, plain placeholders, the terminal's whole width


COMMANDS = [
    "find",
    "agency",
    "agencies",
    "due",
    "show",
    "plans",
    "export",
    "stats",
    "timeline",
    "validate",
    "import",
    "progress",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_shows_its_examples_and_no_odd_placeholders(cli, monkeypatch, command):
    from sdtargets.cli.usage import EXAMPLES

    monkeypatch.setenv("COLUMNS", "160")
    result = cli(command, "--help")
    assert result.code == 0, result
    assert "Examples" in result.out
    assert 2 <= len(EXAMPLES[command]) <= 3 or command == "shell"
    for example in EXAMPLES[command]:
        assert f"sdtargets {example}" in result.out
    for odd in ("<str>", "<int", "{", "x>=1", "<path>"):
        assert odd not in result.out, odd


def test_help_lists_the_choices_of_kind_and_format(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    out = cli("find", "--help").out
    assert "goal, measure, indicator or result" in out
    assert "table, json, jsonl, csv, excel, tsv, markdown or yaml" in out


def test_help_uses_a_wide_terminal(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    out = cli("find", "--help").out
    assert max(map(len, out.splitlines())) > 120  # not cut at 80 columns
    assert (
        "Plan id, alias or part of its title; repeat for several. A document includes its sub-plans." in out
    )


@pytest.mark.parametrize(
    "command", ["find", "agency", "due", "show", "plans", "stats", "timeline", "progress"]
)
def test_the_help_examples_run(cli, command):
    import shlex

    from sdtargets.cli.usage import EXAMPLES

    for example in EXAMPLES[command]:
        args = shlex.split(example.split(">")[0])
        assert cli(*args).code == 0, example


# ---------------------------------------------------------------------------------------------
# 12. The shell


def run_shell(conn, keys: str, capsys) -> str:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from sdtargets.cli.render import settings
    from sdtargets.cli.shell import shell

    try:
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            assert shell(conn, input=pipe, output=DummyOutput()) == 0
    finally:
        settings.in_shell = False
    return capsys.readouterr().out


def test_shell_help_command_shows_that_commands_help(conn, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    out = run_shell(conn, "help find\n\x04", capsys)
    assert "Usage: sdtargets find [OPTIONS] QUERY…" in out and "--exact" in out


def test_shell_question_mark_and_help_list_the_shells_commands_without_root_options(conn, capsys):
    out = run_shell(conn, "?\nhelp\n\x04", capsys)
    assert out.count("Commands (help COMMAND shows its options and examples):") == 2
    assert "show N" in out and "timeline" in out
    assert "--install-completion" not in out


def test_shell_forgives_a_pasted_sdtargets(conn, capsys):
    out = run_shell(conn, "sdtargets find 氢能 --limit 1\n\x04", capsys)
    assert re.search(r"1 of \d+ items match '氢能'", out), out


def test_shell_banner_lines_fit_80_columns(conn, capsys):
    from sdtargets.cli.shell import BANNER
    from sdtargets.cli.termtable import text_width

    assert all(text_width(line) <= 80 for line in BANNER.splitlines())


def test_shell_errors_point_to_the_shells_help(cli):
    from sdtargets.cli.render import settings

    settings.in_shell = True
    try:
        result = cli("due", "2024", "--limit", "x")
    finally:
        settings.in_shell = False
    assert result.err == "sdtargets: --limit takes a whole number of at least 1, not 'x': see 'help due'.\n"


# ---------------------------------------------------------------------------------------------
# Rich: a declared dependency, for help and progress bars only; never on the query path


def test_rich_is_a_declared_dependency():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    assert any(d.replace(" ", "").startswith("rich>=") for d in project["project"]["dependencies"])


def test_help_is_rendered_by_rich(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert "╭─ Options" in cli("find", "--help").out


def test_progress_bar_shows_on_a_terminal_for_slow_work_and_never_on_a_pipe(monkeypatch):
    import io
    import time

    from sdtargets.cli import busy

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(busy, "DELAY", 0.05)
    shown = Terminal()
    with busy.busy("Building the database", total=2, stream=shown) as step:
        time.sleep(0.3)
        step()
        time.sleep(0.2)
        step()
    assert "Building the database" in shown.getvalue()
    piped = io.StringIO()
    with busy.busy("Building the database", total=2, stream=piped) as step:
        time.sleep(0.2)
        step()
    assert piped.getvalue() == ""
    quick = Terminal()
    with busy.busy("Quick", stream=quick) as step:  # under DELAY: nothing at all
        monkeypatch.setattr(busy, "DELAY", 5)
    assert quick.getvalue() == ""


def test_a_build_on_a_pipe_prints_no_progress(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "SDTARGETS_DB": str(tmp_path / "fresh.sqlite")}
    done = subprocess.run(
        [sys.executable, "-m", "sdtargets", "find", "5G", "--json"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0 and done.stderr == ""


def test_timeline_numbers_are_written_as_the_items_write_them(cli):
    """SQLite gives 8000 back as 8000.0; the timeline writes 8000, as `show --json` does."""
    (row,) = cli("timeline", "技术经理人队伍规模", "--json").json
    assert (row["value"], row["value_base"]) == (8000, 8000) and isinstance(row["value"], int)
    assert (
        cli("timeline", "技术经理人队伍规模", "--format", "csv")
        .out.splitlines()[1]
        .startswith("2025,true,,target,8000,")  # year, year_implied, span (none), kind
    )
