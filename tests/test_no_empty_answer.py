"""Search that never comes back empty where the base has an answer (issue 20): English typos
corrected against the English vocabulary, a query of asking words only refused in one
sentence, and near spellings of short names (agencies, plans) taken the way `find` takes a
typo. Real queries against the real base; exact exit codes and stderr sentences."""

from __future__ import annotations

import pytest

from sdtargets.store.search import search


def ids(result) -> list[str]:  # noqa: ANN001 - conftest.Result
    return [i["id"] for i in result.json]


# ---- English words outside the vocabulary


def test_a_misspelt_word_of_an_english_phrase_is_corrected_and_the_phrase_read(cli):
    """`gazele enterprises`: `gazele` is in no glossary entry, metric description or item; the
    nearest vocabulary word is `gazelle`, and `gazelle enterprises` is the glossary's 瞪羚企业.
    mfg2023.goal5 (培育瞪羚企业) and gxt2024.r8 are what a reader wants; the hits are typo hits."""
    result = cli("find", "gazele enterprises", "--json", "--fields", "id,match")
    assert result.code == 0, result
    assert result.err.startswith(
        "no English word 'gazele'; read it as 'gazelle'\nsearched 'gazelle enterprises' as 瞪羚企业 or 瞪羚\n"
    )
    assert {"mfg2023.goal5", "gxt2024.r8"} <= set(ids(result)[:3])
    assert {i["match"] for i in result.json} == {"typo"}


def test_a_misspelt_word_inside_a_metric_description_is_corrected(conn):
    """`nuclear powr capacity`: `powr` → power; the three words describe 核电装机, which
    act2024-newenergy.1 sets (570万千瓦)."""
    assert [h.item_id for h in search(conn, "nuclear powr capacity")][:1] == ["act2024-newenergy.1"]


def test_a_misspelt_word_alone_finds_the_terms_its_correction_is_part_of(cli):
    """`gazele` alone: `gazelle` is no term by itself, only part of `gazelle enterprises` (and of
    the description of 新增瞪羚企业, `new gazelle enterprises recognised in the period`); its items
    are found, said on stderr."""
    result = cli("find", "gazele", "--json", "--fields", "id")
    assert result.code == 0, result
    said = "no English term 'gazele'; searched 'gazelle' as 瞪羚企业 or 瞪羚 or 新增瞪羚企业\n"
    assert result.err.startswith(said)
    assert "mfg2023.goal5" in ids(result)[:3]


def test_an_english_word_of_the_vocabulary_is_never_corrected(cli):
    """`fuel` is a word of the glossary (`fuel cell`), not a typo: it stands for the terms it is
    part of (`spent fuel` too, as the glossary grows), and nothing says it was corrected."""
    result = cli("find", "hydrogen fuel", "--json", "--fields", "id")
    assert result.code == 0, result
    assert "no English" not in result.err
    note = next(line for line in result.err.splitlines() if line.startswith("searched 'fuel' as "))
    assert note.endswith(" (terms whose English holds it)")
    alts = note.removeprefix("searched 'fuel' as ").removesuffix(" (terms whose English holds it)")
    assert {"氢燃料电池", "燃料电池"} <= set(alts.split(" or "))


def test_an_english_word_near_nothing_is_still_no_answer(cli):
    """`quasar` is near no vocabulary word: alone it finds nothing (exit 1, the one sentence,
    naming the word it could not read)."""
    result = cli("find", "quasar")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "sdtargets: No items match: 'quasar' is not an English word the base knows"
        " (sdtargets find --help lists how English is read).\n"
    )


# ---- a query that only asks


NO_TOPIC = (
    "sdtargets: The query has no topic words: every word of {!r} asks; name what it is about"
    ' (find "2025年光伏装机目标是多少").\n'
)


@pytest.mark.parametrize("query", ["what is the target", "目标是多少", "目标是什么呢", "how many?", "多少"])
def test_a_query_of_asking_words_only_is_refused_in_one_sentence_with_exit_1(cli, query):
    """English or Chinese, spaced or run together, a question with nothing to ask about has no
    answer in the base: exit 1 (a valid query, no results) and one sentence saying why."""
    result = cli("find", query)
    assert (result.code, result.out, result.err) == (1, "", NO_TOPIC.format(query))


def test_one_asking_word_the_base_holds_is_searched_as_the_word(cli):
    """`目标` alone, or `target` (the glossary's 目标), is a word items hold (fyp14.goal,
    the 14th plan's main targets): searched, as any word, the same items either way."""
    chinese = cli("find", "目标", "--json", "--fields", "id")
    english = cli("find", "target", "--json", "--fields", "id")
    assert chinese.code == english.code == 0
    assert ids(chinese) == ids(english)
    assert "fyp14.goal" in ids(chinese)[:3]


def test_asking_words_beside_a_topic_are_left_out(cli):
    """`光伏装机 目标是多少`: the second word only asks; act2024-newenergy.3 sets 光伏装机."""
    result = cli("find", "光伏装机 目标是多少", "--json", "--fields", "id")
    assert result.code == 0, result
    assert "left out 目标是多少" in result.err
    assert ids(result)[0] == "act2024-newenergy.3"


# ---- near spellings of short names


def test_agency_with_one_wrong_character_resolves_and_says_so(cli):
    """`省科技斤` (斤 for 厅) is one character from 省科技厅 and from no other name: its duties,
    as `agency 省科技厅` lists them, with a note on stderr."""
    typo = cli("agency", "省科技斤", "--json", "--fields", "id")
    right = cli("agency", "省科技厅", "--json", "--fields", "id")
    assert typo.code == 0, typo
    assert typo.err == "sdtargets: 省科技斤 matched 省科技厅 (one character off).\n"
    assert typo.out == right.out


def test_agency_typed_without_the_province_and_one_character_off_resolves(cli):
    """`科技斤`: 科技厅 is 省科技厅 without 省, and 斤 one character off."""
    result = cli("agency", "科技斤", "--count")
    assert result.code == 0, result
    assert result.err == "sdtargets: 科技斤 matched 省科技厅 (one character off).\n"
    assert result.out == cli("agency", "省科技厅", "--count").out


def test_agency_filter_takes_a_near_spelling_the_same_way(cli):
    """`--agency 省科技斤` filters as `--agency 省科技厅` does, said on stderr like `--plan`."""
    typo = cli("due", "2025", "--agency", "省科技斤", "--json", "--fields", "id")
    right = cli("due", "2025", "--agency", "省科技厅", "--json", "--fields", "id")
    assert typo.code == right.code == 0
    assert typo.err == "sdtargets: --agency 省科技斤 matched 省科技厅 (one character off).\n"
    assert typo.out == right.out


def test_plan_filter_takes_a_near_spelling_the_same_way(cli):
    """`--plan fyp41` (two characters swapped) is fyp14, said on stderr."""
    typo = cli("due", "2025", "--plan", "fyp41", "--json", "--fields", "id")
    right = cli("due", "2025", "--plan", "fyp14", "--json", "--fields", "id")
    assert typo.code == right.code == 0
    assert typo.err == "sdtargets: --plan fyp41 matched fyp14 (山东省“十四五”规划纲要).\n"
    assert typo.out == right.out


def test_part_of_several_names_is_no_typo(cli):
    """`金融监管总局` is part of two agencies' names (山东 and 青岛), one character from
    省金融监管局 without 省: not taken as a typo of it; the two are named (exit 2)."""
    result = cli("agency", "金融监管总局")
    assert result.code == 2
    assert "金融监管总局山东监管局" in result.err and "金融监管总局青岛监管局" in result.err
    assert "省地方金融监管局" not in result.err


def test_a_three_character_name_is_corrected_but_never_a_two_character_one(cli):
    """`省科斤` is one character from 省科协 and from nothing else: taken; but a two-character
    name is never corrected (too many neighbours): `科斤` exits 2 naming the nearest."""
    assert cli("agency", "省科斤", "--count").err == "sdtargets: 省科斤 matched 省科协 (one character off).\n"
    result = cli("agency", "科斤")
    assert result.code == 2 and "No agency is called '科斤'" in result.err


# ---- one- and two-character words through the trigram index


def test_short_words_find_exactly_the_items_whose_text_holds_them(conn):
    """A one- or two-character word is looked up through the index's trigrams it begins (every
    search text ends with `SEARCH_END`, so even a word at the very end begins one): the same
    items as a scan of every folded text, for words in the middle of a text, at its start and
    at its end (a heading or a metric's year), and for punctuation (`%`, `*`)."""
    from sdtargets.store.typos import items_with, starting

    texts = dict(conn.execute("select id, search from item_search"))
    ends = {t.rstrip("\n")[-2:] for t in texts.values()} | {t.rstrip("\n")[-1] for t in texts.values()}
    starts = {t[:2] for t in texts.values()}
    words = {"5g", "氢能", "黄河", "经费", "占比", "氢", "%", "*", "ai", "zz", "战略"}
    words |= set(sorted(ends)[:60]) | set(sorted(starts)[:60])
    assert starting(conn, "经费") is not None  # the index is used, not the scan
    wrong = {w for w in words if items_with(conn, w) != {i for i, t in texts.items() if w in t}}
    assert wrong == set()


# ---- names typed in English, misspelt


def test_an_agency_named_in_english_with_a_typo_resolves_and_says_so(cli):
    """`department of sceince`: `sceince` is no English word of the base; read as `science`,
    the words are part of one official English name, 省科技厅's (Shandong Provincial Department
    of Science and Technology). Before, the spelling alone tied three departments."""
    result = cli("agency", "department of sceince", "--count")
    assert result.code == 0, result
    assert result.err == (
        "sdtargets: department of sceince matched 省科技厅 (read as 'department of science').\n"
    )
    assert result.out == cli("agency", "省科技厅", "--count").out


def test_a_plan_named_in_english_with_a_typo_resolves_and_says_so(cli):
    """`--plan "new enrgy"`: read as `new energy`, the words of two plans' English titles (the
    new-energy action plan and the new-energy-vehicle plan), both taken, as `--plan "new
    energy"` takes them."""
    typo = cli("due", "2025", "--plan", "new enrgy", "--json", "--fields", "id")
    right = cli("due", "2025", "--plan", "new energy", "--json", "--fields", "id")
    assert typo.code == right.code == 0
    assert typo.out == right.out
    assert typo.err.startswith("sdtargets: --plan new enrgy matched act2024-newenergy")


def test_a_metric_named_in_english_with_a_typo_has_its_timeline(cli):
    """`timeline "nuclear powr capacity"`: `powr` read as `power`, the words describe 核电装机
    (installed nuclear power capacity); act2024-newenergy.1 sets it, as for the words spelt right."""
    typo = cli("timeline", "nuclear powr capacity", "--json")
    right = cli("timeline", "nuclear power capacity", "--json")
    assert typo.code == right.code == 0, typo
    assert typo.out == right.out
    assert "act2024-newenergy.1" in typo.out


def test_an_asking_word_joined_by_or_is_asked_for(cli):
    """`目标 OR 多少`: either word, as `OR` says, not 多少 alone after 目标 was left out as a
    word that asks: the items holding 目标 (fyp14.goal, the 14th plan's main targets)."""
    result = cli("find", "目标 OR 多少", "--json", "--fields", "id")
    assert result.code == 0, result
    assert "fyp14.goal" in ids(result)[:3]
