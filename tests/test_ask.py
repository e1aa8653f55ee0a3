"""Ask in your own words (issue 20): questions, partial matches, query syntax, the direct answer,
one resolver for every name, repeated filters. Real questions against the real base; each test
says why the item it expects is the one a reader wants."""

from __future__ import annotations

import pytest

from sdtargets.store.search import prepare, search


def top(conn, query: str, n: int = 3) -> list[str]:
    return [h.item_id for h in search(conn, query)][:n]


# ---- questions: the asking words are left out, the rest is searched


def test_a_question_about_the_2025_solar_target_finds_it_first(cli):
    """act2024-newenergy.3 says `2025年达到7000万千瓦左右` of 光伏装机: the answer itself. The
    question words (目标是多少) are cut out and the year stands alone; stderr says how the
    sentence was read."""
    result = cli("find", "2025年光伏装机目标是多少", "--json", "--fields", "id,answer")
    assert result.code == 0, result
    assert result.json[0]["id"] == "act2024-newenergy.3"
    assert result.json[0]["answer"][0]["text"] == "光伏装机: 7000万千瓦 by 2025 (act2024-newenergy.3)"
    assert "read 2025年光伏装机目标是多少 as 2025 光伏装机" in result.err


def test_a_question_about_the_2026_growth_target_finds_the_2026_goals(conn):
    """gwr2026.goal3 is the 2026 report's list of expected targets (地区生产总值增长5%以上 …
    居民收入增长和经济增长同步)."""
    assert top(conn, "2026年经济增长目标是多少")[0] == "gwr2026.goal3"


def test_english_asking_words_are_left_out_and_said(cli):
    """`how many … by 2025`: only `high-tech enterprises` names something; act2024-rd.goal sets
    the 2025 count of 高新技术企业 (its target leads, as the answer)."""
    result = cli("find", "how many high-tech enterprises by 2025", "--json", "--fields", "id")
    assert result.code == 0, result
    assert "left out how, many, by" in result.err
    assert "act2024-rd.goal" in [i["id"] for i in result.json[:3]]


def test_english_words_describing_a_metric_find_its_target(conn):
    """`capacity` is in no glossary entry, but every word is in the English description of
    核电装机 (`installed nuclear power capacity`): act2024-newenergy.1 sets it (核电装机 570万千瓦)."""
    assert top(conn, "nuclear power capacity", 1) == ["act2024-newenergy.1"]
    assert top(conn, "what is the 2025 target for nuclear power capacity", 1) == ["act2024-newenergy.1"]


def test_r_and_d_is_kept_whole_and_read_as_english(cli):
    """`R&D` has no two letters together, yet it is English: the glossary's 研发. fyp14.ind5 is
    the indicator 研发经费投入增长."""
    result = cli("find", "R&D", "--json", "--fields", "id")
    assert result.code == 0, result
    assert "searched 'R&D' as 研发" in result.err
    assert result.json[0]["id"] == "fyp14.ind5"


def test_a_word_no_item_holds_is_cut_into_pieces_and_partial_hits_name_the_missing(cli):
    """No item holds `经费占比`; cut, it is 经费 + 占比, and no item holds all three words: the
    items with two of them follow, led by green2023.5, whose text is the answer (基础研究经费投入
    占研发经费投入比重达到5.8%), each naming the word it lacks. The typo step does not offer
    经济占比, which would find nothing with 基础研究."""
    result = cli("find", "基础研究 经费占比", "--json", "--fields", "id,match,missing")
    assert result.code == 0, result
    assert result.json[0] == {"id": "green2023.5", "match": "partial", "missing": ["占比"]}
    assert "经济占比" not in result.err
    assert "no item holds every word" in result.err


def test_the_vehicle_stock_target_comes_before_the_charging_points(conn):
    """news2024-nev.4 sets 新能源汽车保有量 240万辆; news2024-nev.r1 is about 充电基础设施保有量.
    The two words together are the metric's name."""
    hits = top(conn, "新能源汽车 保有量", 5)
    assert hits[0] == "news2024-nev.4"
    assert hits.index("news2024-nev.4") < hits.index("news2024-nev.r1")


def test_an_english_typo_is_corrected_when_it_finds_something(cli):
    """`hydrogn` → hydrogen (氢能 or 氢): act2024-newenergy.5 is 创新示范发展氢能."""
    result = cli("find", "hydrogn", "--json", "--fields", "id")
    assert result.code == 0, result
    assert "searched 'hydrogen'" in result.err
    assert "act2024-newenergy.5" in [i["id"] for i in result.json[:3]]


def test_a_query_with_no_answer_still_exits_1(cli):
    result = cli("find", "没有这样的词语组合")
    assert (result.code, result.err) == (1, "sdtargets: No items match.\n")
    result = cli("find", "quasar blazar")  # English it cannot read is named (test_english_coverage)
    assert (result.code, result.err[:27]) == (1, "sdtargets: No items match: ")


# ---- query syntax


def test_a_quoted_phrase_is_the_phrase_not_quotation_marks(cli):
    """`"人工智能"` finds every item with 人工智能, as the bare word does (it once found the one
    item that quotes it)."""
    quoted = cli("find", '"人工智能"', "--json", "--fields", "id").json
    assert quoted == cli("find", "人工智能", "--json", "--fields", "id").json
    assert len(quoted) > 10


def test_or_takes_either_word(cli, conn):
    """`5G OR 氢能`: the 5G items and the hydrogen items (act2024-newenergy.5), no note about an
    English word `or`."""
    result = cli("find", "5G OR 氢能", "--json", "--fields", "id")
    assert result.code == 0 and "glossary" not in result.err and "or" not in result.err
    got = {i["id"] for i in result.json}
    assert {"act2024-newenergy.5", "act2024-ict.15"} <= got
    assert got == {h.item_id for h in search(conn, "5G")} | {h.item_id for h in search(conn, "氢能")}


def test_minus_leaves_out_the_items_holding_a_word(conn):
    """`氢能 -燃料电池`: chain2024.3.13 (氢燃料电池 …) and act2024-newenergy.5 name fuel cells and
    are left out; fyp14.c7p3 mentions 氢能 without them."""
    every = set(top(conn, "氢能", 100))
    kept = set(top(conn, "氢能 -燃料电池", 100))
    assert "fyp14.c7p3" in kept and "act2024-newenergy.5" not in kept
    assert kept < every


def test_find_help_documents_the_syntax(cli):
    out = cli("find", "--help").out
    assert '"exact phrase"' in out and "OR" in out and "-word" in out


# ---- the direct answer


def test_the_answer_to_a_metric_cites_targets_and_the_latest_report(cli):
    """5G基站: 27万个 by 2025 is set by act2024-digital.goal and act2024-ict.15; the 2025 report
    (gwr2025.r18) gives 24.2万个 for 2024. The table leads with the line; in JSON the items
    holding the target come first, each with an `answer` key, and the array stays items."""
    line = (
        "5G基站: 27万个 by 2025 (act2024-digital.goal, act2024-ict.15);"
        " reported 24.2万个 in 2024 (gwr2025.r18)"
    )
    table = cli("find", "5G基站")
    assert table.out.startswith(f"Answer:\n  {line}\n\n")
    items = cli("find", "5G基站", "--json").json
    assert [i["id"] for i in items[:2]] == ["act2024-digital.goal", "act2024-ict.15"]
    assert items[0]["answer"][0]["text"] == line
    assert all("text" in i and "id" in i for i in items)
    assert "answer" not in items[-1]


def test_no_answer_when_the_query_names_no_metric(cli):
    table = cli("find", "氢能")
    assert not table.out.startswith("Answer:")
    assert all("answer" not in i for i in cli("find", "氢能", "--json").json)


def test_an_english_question_names_a_metric_by_its_description_plural_and_all(cli):
    """`cities` folds to `city`, which the description spells `cities`: the question is read as
    沿黄九市粮食产量 (grain output of the nine cities along the Yellow River), set by
    green2023.59 (760亿斤). The plural once stopped the reading at `nine`."""
    query = "grain output of the nine cities along the Yellow River"
    result = cli("find", query)
    assert result.code == 0, result
    assert f"searched '{query}' as 沿黄九市粮食产量" in result.err
    assert "cities" not in result.err.replace("nine cities along", "")
    assert result.out.startswith("Answer:\n  沿黄九市粮食产量: 760亿斤 by 2023 (green2023.59)\n")


# ---- one resolver for every name


def test_timeline_takes_an_alias_of_the_vocabulary(cli):
    """城镇新增就业 is an alias of 新增城镇就业 (data/metrics.yaml)."""
    result = cli("timeline", "城镇新增就业", "--json")
    assert result.code == 0, result
    assert {r["metric"] for r in result.json} == {"新增城镇就业"}
    assert {"act2024-livelihood.1", "gwr2026.goal3"} <= {r["item"] for r in result.json}


@pytest.mark.parametrize(
    ("name", "metric"),
    [
        ("5G base stations", "5G基站"),
        ("高新技術企業", "高新技术企业"),
        ("nuclear power capacity", "核电装机"),
    ],
)
def test_timeline_takes_english_and_traditional_names(cli, name, metric):
    result = cli("timeline", name, "--json")
    assert result.code == 0, result
    assert metric in {r["metric"] for r in result.json}


@pytest.mark.parametrize("name", ["省科技廳", "department of science and technology", "省科技厅"])
def test_agency_takes_traditional_and_english_names(cli, name):
    result = cli("agency", name, "--json", "--fields", "id")
    assert result.code == 0, result
    assert result.json == cli("agency", "省科技厅", "--json", "--fields", "id").json


def test_part_of_an_english_agency_name_finds_the_one_agency(cli):
    """`department of industry` is part of one official name only: Shandong Provincial
    Department of Industry and Information Technology (省工业和信息化厅)."""
    result = cli("agency", "department of industry", "--count")
    assert result.code == 0
    assert result.out == cli("agency", "省工业和信息化厅", "--count").out


@pytest.mark.parametrize("name", ["十四五規劃", "fyp41", "十四無规划"])
def test_plan_takes_traditional_characters_and_typos(cli, name):
    """十四五规划 is an alias of fyp14; a typo one edit away from one plan's name is that plan,
    said on stderr."""
    result = cli("export", "--plan", name, "--count")
    assert result.code == 0
    assert result.out == cli("export", "--plan", "十四五规划", "--count").out


def test_completion_reads_traditional_characters(conn):
    from prompt_toolkit.document import Document

    from sdtargets.cli.shell import completer_for

    comp = completer_for(conn)
    got = [c.text for c in comp.get_completions(Document("agency 省科技廳"), None)]
    assert got == ["省科技厅"]


def test_every_metric_of_the_vocabulary_has_an_english_name(kb):
    """The English side grows with the base: a metric's `about` is its English description,
    the words `find` and `timeline` read English by. A placeholder (`first used by ITEM-ID`)
    is not English for the metric: its words `first` and `used` were read as if it were."""
    import re

    lacking = [
        name
        for name, m in kb.vocabulary.entries.items()
        if not re.search(r"[A-Za-z]{3}", m.get("about") or "")
        or re.search(r"\bfirst used by\b", m.get("about") or "", re.IGNORECASE)
    ]
    assert lacking == []


# ---- repeated filters


def test_repeated_agencies_are_a_union(cli):
    """`due 2025 --agency 省科技厅 --agency 省工信厅` counts the items of either (it once counted
    省工信厅's alone)."""

    def ids(*extra: str) -> set[str]:
        return {i["id"] for i in cli("due", "2025", *extra, "--json", "--fields", "id").json}

    kj, gx = ids("--agency", "省科技厅"), ids("--agency", "省工信厅")
    both = ids("--agency", "省科技厅", "--agency", "省工信厅")
    assert both == kj | gx and kj - gx and gx - kj


def test_repeated_years_and_kinds_are_unions_and_options_intersect(cli):
    def ids(*args: str) -> set[str]:
        return {i["id"] for i in cli("export", *args, "--json", "--fields", "id").json}

    y24, y25 = ids("--year", "2024"), ids("--year", "2025")
    assert ids("--year", "2024", "--year", "2025") == y24 | y25
    goals, indicators = ids("--kind", "goal"), ids("--kind", "indicator")
    assert ids("--kind", "goal", "--kind", "indicator") == goals | indicators
    assert ids("--kind", "goal", "--year", "2025") == goals & y25


def test_the_help_says_how_filters_combine(cli):
    assert "alternatives" in cli("due", "--help").out


def test_prepare_keeps_asking_words_when_nothing_else_is_typed(conn):
    """`目标` alone is what was asked for: it is searched, not left out."""
    q = prepare(conn, "目标")
    assert [g.alts for g in q.groups] == [("目标",)]


def test_an_unquoted_minus_word_says_to_quote_the_query(cli):
    """The shell passes `-燃料电池` as an option: the one sentence says how to write it (exit 2)."""
    result = cli("find", "氢能", "-燃料电池")
    assert result.code == 2
    assert 'quote the whole query with a word to search first (sdtargets find "氢能 -燃料电池")' in result.err


def test_a_quoted_query_that_opens_with_a_minus_word_is_told_about_the_double_dash(cli):
    """Quoted, `-燃料电池 氢能` still opens with `-`, so the shell's parser takes it for an option:
    the sentence names both ways out, and `--` works."""
    result = cli("find", "-燃料电池 氢能")
    assert result.code == 2
    assert "or put -- before it (sdtargets find -- -燃料电池 氢能)" in result.err
    assert cli("find", "--", "-燃料电池 氢能", "--json").code == 0
