"""Issue #17, "the contract holds": one name, one meaning in every format; YAML that the tool's
own reader reads back as the JSON; titles whole in the data and cut only in tables, at a
boundary and with `…`; `due --agency` saying the agency's role; a cache that is not exactly what
this version builds is rebuilt. All on real items of the real base."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3

import pytest

from sdtargets.kb.yamlread import parse as read_yaml_text


def rows_of(out: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out), delimiter=delimiter))


# ---------------------------------------------------------------------------------------------
# match and snippet: how an item matched, and the text around the hit, in every format


def test_find_match_is_how_and_snippet_is_the_text_in_every_format(cli):
    args = ("find", "氢能", "--limit", "3")
    objects = cli(*args, "--json").json
    assert objects[0]["id"] == "act2024-newenergy.5"
    assert {o["match"] for o in objects} <= {"phrase", "terms", "typo", "fuzzy"}
    assert objects[0]["match"] == "phrase" and objects[0]["match_field"] == "title"
    assert "氢能" in objects[0]["snippet"] and objects[0]["snippet"].startswith("5.创新示范发展氢能")
    lines = [json.loads(line) for line in cli(*args, "--format", "jsonl").out.splitlines()]
    assert lines == objects
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        rows = rows_of(cli(*args, "--format", fmt).out, delimiter)
        assert [(r["id"], r["match"], r["match_field"], r["snippet"]) for r in rows] == [
            (o["id"], o["match"], o["match_field"], o["snippet"]) for o in objects
        ]
    assert cli(*args, "--format", "markdown").out.startswith(
        "| id | score | match | match_field | snippet | lead |"
    )
    table = cli(*args).out.splitlines()
    assert table[0].split()[:3] == ["id", "score", "snippet"]  # a person sees the snippet, as `snippet`


def test_fields_match_is_how_it_matched_in_table_csv_and_json(cli):
    args = ("find", "5G", "--limit", "3", "--fields", "id,match")
    words = [o["match"] for o in cli(*args, "--json").json]
    assert set(words) <= {"phrase", "terms"} and words
    assert [r["match"] for r in rows_of(cli(*args, "--format", "csv").out)] == words
    table = cli(*args).out.splitlines()
    assert [line.split()[1] for line in table[2 : 2 + len(words)]] == words
    snippets = cli("find", "5G", "--limit", "3", "--fields", "id,snippet", "--json").json
    assert all("5G" in o["snippet"].upper() and list(o) == ["id", "snippet"] for o in snippets)


def test_agency_role_is_lead_or_support_in_the_data_formats(cli):
    """`role` in JSON is lead/support; CSV used to give the source's word (牵头单位) under it."""
    objects = cli("agency", "省科技厅", "--plan", "act2024-digital", "--json").json
    rows = rows_of(cli("agency", "省科技厅", "--plan", "act2024-digital", "--format", "csv").out)
    assert [r["role"] for r in rows] == [o["role"] for o in objects]
    assert {r["role"] for r in rows} == {"lead", "support"}


def test_plans_and_agencies_csv_columns_mean_what_their_json_keys_mean(cli):
    """`plans`' CSV `title` was the short title (JSON: the document's title, `short` apart);
    `agencies`' CSV said `full name` for JSON's `full`."""
    plans = {p["id"]: p for p in cli("plans", "--json").json}
    for row in rows_of(cli("plans", "--format", "csv").out):
        assert (row["title"], row["short"]) == (plans[row["id"]]["title"], plans[row["id"]]["short"])
    assert plans["fyp14"]["short"] == "山东省“十四五”规划纲要"
    assert "山东省“十四五”规划纲要" in cli("plans").out  # a person still reads the short title
    agencies = {a["name"]: a for a in cli("agencies", "--json").json}
    for row in rows_of(cli("agencies", "--format", "csv").out):
        assert row["full"] == (agencies[row["name"]]["full"] or "")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("find", "氢能", "--limit", "1", "--fields", "id,years_implied"), ["act2024-newenergy.5", "true"]),
        (("timeline", "新增省实验室", "--fields", "item,value,value_max"), ["act2024-rd.4", "3–4家", "4"]),
        (("show", "fyp14.ind2", "--fields", "id,years_implied"), ["fyp14.ind2", "false"]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v[0], str) and len(v) > 2 else "",
)
def test_a_table_shows_a_data_field_as_text(cli, args, line):
    """A column may carry a number, `null` or true/false (the value a data format writes);
    a table writes it as text. It was a traceback (`'bool' object is not subscriptable`)."""
    result = cli(*args)
    assert result.code == 0, result
    assert line in [x.split() for x in result.out.splitlines()]


# ---------------------------------------------------------------------------------------------
# YAML: no anchors, read back by the tool's own reader as the JSON


@pytest.mark.parametrize(
    "args",
    [
        ("find", "5G", "--limit", "5"),
        ("find", "hydrogen"),
        ("agency", "省科技厅", "--limit", "10"),
        ("agencies",),
        ("due", "2025"),
        ("due", "2024", "--until", "2025", "--implied", "--agency", "省科技厅"),
        ("show", "act2024-rd.goal"),
        ("show", "fyp14.ind2"),
        ("plans",),
        ("export", "--plan", "gwr2025"),
        ("stats",),
        ("timeline", "新增省实验室"),
        ("progress", "--plan", "fyp14"),
    ],
    ids=" ".join,
)
def test_yaml_has_no_anchors_and_reads_back_as_the_json(cli, args):
    yaml_out = cli(*args, "--format", "yaml")
    assert yaml_out.code == 0, yaml_out
    assert not re.search(r"[&*]id\d", yaml_out.out)
    assert read_yaml_text(yaml_out.out) == cli(*args, "--json").json


# ---------------------------------------------------------------------------------------------
# titles: whole in the data, cut in a table at a boundary with `…`, never with `**`


def test_every_title_is_its_items_whole_first_clause_without_emphasis_marks(cli):
    from sdtargets.text.numbers import squash

    items = cli("export", "--json").json
    for it in items:
        assert "**" not in it["title"], it["id"]
        if it["kind"] == "indicator":
            continue
        body = squash(it["text"]).replace("**", "")
        at = body.find(it["title"])
        assert at >= 0, it["id"]
        after = body[at + len(it["title"]) : at + len(it["title"]) + 1]
        assert after in ("", "。", "；", "！"), (it["id"], it["title"], after)  # never cut short


def test_a_long_goal_keeps_its_title_in_json_and_is_cut_at_a_clause_in_a_table(cli):
    item = cli("show", "act2024-rd.goal", "--json").json
    assert item["title"].startswith("全社会研发经费投入年均增长10%左右，")
    assert "科技型中小企业2024年突破5万家、2025年突破5.5万家，规模以上高新技术产业产值" in item["title"]
    rows = rows_of(cli("due", "2025", "--plan", "act2024-rd", "--format", "csv").out)
    assert next(r for r in rows if r["id"] == "act2024-rd.goal")["title"] == item["title"]
    table = cli("due", "2025", "--plan", "act2024-rd", "--fields", "id,title").out
    line = next(x for x in table.splitlines() if x.startswith("act2024-rd.goal"))
    shown = line.split(maxsplit=1)[1].rstrip()
    assert shown.endswith("…")
    assert item["title"].startswith(shown[:-1])
    assert item["title"][len(shown) - 1] in "，；、：,;:"  # cut where a clause ends


def test_display_titles_are_never_cut_inside_a_number_or_a_latin_word(cli):
    from sdtargets.cli.termtable import text_width
    from sdtargets.cli.titles import TITLE_COLUMNS, display_title

    cut = 0
    for it in cli("export", "--json").json:
        title, shown = it["title"], display_title(it["title"])
        if shown == title:
            continue
        cut += 1
        assert shown.endswith("…") and text_width(shown) <= TITLE_COLUMNS, it["id"]
        kept = shown[:-1]
        assert title.startswith(kept)
        nxt = title[len(kept)]
        word = re.compile(r"[0-9A-Za-z.%]")
        assert not (word.match(kept[-1]) and word.match(nxt)), (it["id"], shown)
    assert cut  # the base has first clauses longer than a table's room (act2024-rd.goal)


def test_work_report_titles_drop_the_conversions_bold_marks_and_the_text_keeps_them(cli):
    item = cli("show", "gwr2025.1.2", "--json").json
    assert item["title"] == "着力实施提振消费行动"
    assert "**着力实施提振消费行动" in item["text"]
    assert cli("show", "gwr2025.1.2").out.splitlines()[0] == "gwr2025.1.2  着力实施提振消费行动"
    assert cli("show", "gxt2024.7", "--json").json["title"].count("*") == 0


# ---------------------------------------------------------------------------------------------
# due --agency: the agency's role on every row


def test_due_agency_gives_the_role_on_every_row_and_the_supporting_rows_name_it(cli):
    args = ("due", "2025", "--agency", "省科技厅")
    objects = cli(*args, "--json").json
    by_id = {o["id"]: o for o in objects}
    assert {o["role"] for o in objects} == {"lead", "support"}
    for o in objects:
        assert ("省科技厅" in o["lead"]) == (o["role"] == "lead"), o["id"]
        assert o["role"] == "lead" or "省科技厅" in o["support"], o["id"]
    rows = {r["id"]: r for r in rows_of(cli(*args, "--format", "csv").out)}
    assert rows["act2024-digital.6"]["role"] == "support"
    assert rows["act2024-digital.6"]["lead"] == "省工业和信息化厅"
    assert "省科技厅" in rows["act2024-digital.6"]["support"].split("、")
    table = cli(*args).out
    assert table.splitlines()[0].split()[:4] == ["id", "role", "title", "lead"]
    at = table.index("act2024-digital.6")
    row = table[at : table.index("\n\n", at)]
    assert "+ 省发展改革委、省科技厅" in row  # the agency itself, where it supports
    assert row.split()[1] == (by_id["act2024-digital.6"]["support_word"] or "support")


def test_due_without_agency_keeps_its_columns(cli):
    assert cli("due", "2025", "--limit", "1", "--format", "csv").out.splitlines()[0] == (
        "id,title,lead,due,years_implied"
    )


# ---------------------------------------------------------------------------------------------
# the cache: anything but exactly what this version builds is rebuilt


@pytest.fixture
def cache_copy(tmp_path, conn):  # noqa: ARG001 - `conn` builds the session's database first
    """A copy of the real base's built database, for one test to damage."""
    import os

    copy = tmp_path / "kb.sqlite"
    shutil.copyfile(os.environ["SDTARGETS_DB"], copy)
    return copy


def _damage(path, *sql: str) -> None:
    db = sqlite3.connect(path)
    for statement in sql:
        db.execute(statement)
    db.commit()
    db.close()


def _tables(path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    finally:
        db.close()


SHOW = (("show", "fyp14.ind2", "--json"), "fyp14.ind2")
HYDROGEN = (("find", "hydrogen", "--json"), "act2024-newenergy.5")


@pytest.mark.parametrize(
    ("damage", "ask"),
    [
        (["drop table glossary"], HYDROGEN),  # was: no such table: glossary, a traceback
        (["drop table items"], SHOW),
        (["delete from items"], SHOW),  # was: No item has the id 'fyp14.ind2'
        (["delete from item_json"], (("export", "--plan", "fyp14", "--json"), "fyp14.ind2")),
        (["update meta set value = '0.0.1' where key = 'version'"], SHOW),  # another version's
        (["update meta set value = '1' where key = 'schema'"], SHOW),
        (["delete from meta where key = 'tables'"], SHOW),  # built before tables were recorded
        (["create table stray (x)"], SHOW),
    ],
    ids=lambda v: v[0] if isinstance(v, list) else "",
)
def test_a_cache_not_exactly_this_versions_is_rebuilt(cli, cache_copy, damage, ask):
    (args, expect), before = ask, _tables(cache_copy)
    _damage(cache_copy, *damage)
    result = cli("--db", str(cache_copy), *args)
    assert result.code == 0, result
    assert "Traceback" not in result.err
    assert expect in [o["id"] for o in (result.json if isinstance(result.json, list) else [result.json])]
    assert _tables(cache_copy) == before  # rebuilt whole: the dropped table is back, the stray gone
    db = sqlite3.connect(cache_copy)
    from sdtargets import __version__
    from sdtargets.store.build import SCHEMA_VERSION

    meta = dict(db.execute("select key, value from meta"))
    db.close()
    assert (meta["version"], meta["schema"]) == (__version__, SCHEMA_VERSION)


def test_an_intact_cache_is_not_rebuilt(cli, cache_copy):
    built = cache_copy.stat().st_mtime_ns
    assert cli("--db", str(cache_copy), "show", "fyp14.ind2", "--json").code == 0
    assert cache_copy.stat().st_mtime_ns == built
