"""Issue #14, a newcomer's first hour: each test is one thing a careful first-time user tripped on."""

from __future__ import annotations

import csv
import io
import json

import pytest

# ---------------------------------------------------------------------------------------------
# 1. --fields takes any column a command shows; an unknown one is exit 2 naming the valid ones


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["find", "5G", "--fields", "id,match"], ["id", "match"]),
        (["agency", "省工信厅", "--fields", "id,role"], ["id", "role"]),
        (["due", "2024", "--fields", "id,due"], ["id", "due"]),
        (["export", "--plan", "green2023", "--fields", "id,lead / support"], None),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_fields_with_a_table_column_works_in_every_format(cli, args, header):
    if header is None:  # export shows lead and support apart: its own columns are the fields
        result = cli(*args)
        assert result.code == 2 and "'lead / support'" in result.err
        return
    table = cli(*args)
    assert table.code == 0, table
    assert table.out.split("\n")[0 if args[0] != "agency" else 6].split() == header or header[0] in table.out
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
# 3. --limit says "2 of 19"; --count prints the total; the JSON stays a plain array


def test_limit_caption_says_how_many_of_how_many(cli):
    total = len(cli("find", "5G", "--json").json)
    assert total == 19
    result = cli("find", "5G", "--limit", "2")
    assert result.out.rstrip().splitlines()[-1].strip() == "2 of 19 items match '5G'"


def test_count_prints_the_total_whatever_the_limit(cli):
    assert cli("find", "5G", "--count", "--limit", "2").out == "19\n"
    assert cli("agency", "省工信厅", "--count").out == f"{len(cli('agency', '省工信厅', '--json').json)}\n"
    assert cli("due", "2024", "--count").out == f"{len(cli('due', '2024', '--json').json)}\n"
    none = cli("find", "火星殖民", "--count")
    assert (none.code, none.out) == (1, "0\n")


def test_limited_json_is_a_plain_array_and_the_total_goes_to_stderr(cli):
    result = cli("find", "5G", "--limit", "2", "--json")
    assert len(result.json) == 2
    assert result.err == "sdtargets: 2 of 19 items (--limit 2; --count prints the total).\n"


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


def test_hoist_moves_root_options_but_never_an_options_value():
    from sdtargets.argv import hoist

    assert hoist(["find", "5G", "--no-pager", "--db", "x.db"]) == ["--no-pager", "--db", "x.db", "find", "5G"]
    assert hoist(["find", "--fields", "--no-pager"]) == ["find", "--fields", "--no-pager"]
    assert hoist(["find", "--", "--no-color"]) == ["find", "--", "--no-color"]


def test_value_options_are_exactly_the_apps_options_that_take_a_value():
    from sdtargets.argv import ROOT_VALUE, VALUE_OPTIONS
    from sdtargets.cli import app

    import typer.main

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
    assert result.err.startswith("sdtargets: Unknown agency kind 'foo': use one of 省委部门, ")
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
    rows = list(csv.DictReader(io.StringIO(cli("timeline", "高新技术企业", "--format", "csv").out)))
    first = rows[0]
    assert (first["year"], first["year_implied"], first["value"], first["unit"]) == (
        "2020",
        "true",
        "1.4",
        "万家",
    )
    assert all("*" not in r["year"] for r in rows)


def test_csv_cells_are_one_line_each(cli):
    out = cli("find", "5G", "--format", "csv").out
    rows = list(csv.reader(io.StringIO(out)))
    assert len(out.splitlines()) == len(rows) == 20
    assert rows[0] == ["id", "score", "match", "lead", "support", "years", "years_implied", "targets"]


def test_json_scores_are_whole_numbers(cli):
    assert {type(i["score"]) for i in cli("find", "人型机器人", "--json").json} == {int}


def test_excel_format_is_csv_with_a_byte_order_mark_and_crlf(cli):
    result = cli("find", "5G", "--format", "excel")
    assert result.out.startswith("\ufeffid,score,match,")
    assert result.out.count("\r\n") == 20
