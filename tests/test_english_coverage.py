"""English questions that find the base's topics (issue 20): the glossary covers the topic
words of the titles, headings and metrics; an English query that finds nothing names the words
the tool could not read; an agency named in English with a slip resolves only when it can mean
one agency. Real queries against the real base; exact exit codes and stderr sentences."""

from __future__ import annotations

import pytest

from sdtargets.store.search import search


def top(conn, query: str, n: int = 3) -> list[str]:  # noqa: ANN001 - sqlite3.Connection
    return [h.item_id for h in search(conn, query)][:n]


# ---- topic words an analyst types in English


@pytest.mark.parametrize(
    ("query", "item"),
    [
        ("trade secrets", "act2024-bizenv.57"),  # 强化商业秘密司法保护
        ("geothermal energy", "green2023.47"),  # 地热清洁能源调查
        ("e-invoice", "act2024-bizenv.11"),  # 扩大全面数字化电子发票试点范围
        ("commercial mediation", "act2024-bizenv.55"),  # 深入推进商事调解工作
        ("Taishan Scholars", "act2024-talent.3"),  # 泰山学者
        ("UHV", "gwr2026.1.10"),  # 特高压
    ],
)
def test_an_english_topic_word_finds_its_items_among_the_first_three(conn, query, item):
    assert item in top(conn, query), top(conn, query, 10)


def test_a_question_in_english_about_a_topic_finds_its_item(conn):
    """The words that only ask (`which department is in charge of`) are left out; `e-invoice`
    is the glossary's 电子发票, which one item of the business-environment plan holds."""
    question = "which department is in charge of the digital e-invoice pilot"
    assert top(conn, question, 1) == ["act2024-bizenv.11"]


def test_two_swapped_letters_are_read_as_the_word(cli):
    """`secerts`: a swap scores 83 by rapidfuzz ratio, under the bar; one edit from one
    vocabulary word only (`secret`), it is read as that word and `trade secret` as 商业秘密."""
    result = cli("find", "trade secerts", "--json", "--fields", "id")
    assert result.code == 0, result
    assert result.err.startswith(
        "no English word 'secerts'; read it as 'secret'\nsearched 'trade secret' as 商业秘密\n"
    )
    assert {"act2024-bizenv.57", "act2024-bizenv.42"} == {i["id"] for i in result.json}


# ---- an English query that finds nothing says which words it could not read


def test_an_english_query_that_finds_nothing_names_the_words_it_did_not_understand(cli):
    result = cli("find", "flibbert quxxle")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "sdtargets: No items match: 'flibbert', 'quxxle' are not English words the base knows"
        " (sdtargets find --help lists how English is read).\n"
    )


def test_asking_words_and_known_words_are_not_named(cli):
    """`what` asks and `hydrogen` is a term: only `flibbert` is named; with `--count` the 0 is
    printed and the same sentence said."""
    result = cli("find", "what flibbert", "--count")
    assert (result.code, result.out) == (1, "0\n")
    assert result.err == (
        "sdtargets: No items match: 'flibbert' is not an English word the base knows"
        " (sdtargets find --help lists how English is read).\n"
    )


def test_a_known_word_too_broad_to_search_alone_is_named_with_terms_to_give(cli):
    """`water` is English the base knows, but part of many terms and none alone (water saving,
    water supply, …): left out, the query finds nothing, and stderr names it with examples of
    the whole terms to type instead of a silent `No items match.`"""
    result = cli("find", "water")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("sdtargets: No items match: 'water' is part of ")
    assert result.err.endswith(", …); give the whole term.\n"), result.err
    # the examples are whole terms holding the word (the shortest first), each one searchable
    examples = result.err.split(" English terms (", 1)[1].split(", …)")[0].split(", ")
    assert len(examples) == 3 and all("water" in e.split() for e in examples), examples
    assert all(cli("find", e, "--count").code == 0 for e in examples)
    assert cli("find", "water saving", "--count").code == 0


def test_find_help_says_how_english_is_read(cli):
    result = cli("find", "--help")
    assert result.code == 0
    assert "glossary's terms" in result.out and "metrics' English" in result.out


# ---- agencies named in English with a slip


def test_a_misspelt_agency_word_resolves_to_the_one_agency_its_readings_name(cli):
    """`department of industri`: `industri` is as near `industrial` as `industry`; read either
    way, only `department of industry` names an agency (省工业和信息化厅). Before, the whole
    string's spelling chose 省司法厅 (`department of justice`, ratio 81)."""
    result = cli("agency", "department of industri", "--count")
    assert result.code == 0, result
    assert result.err == (
        "sdtargets: department of industri matched 省工业和信息化厅 (read as 'department of industry').\n"
    )
    assert result.out == cli("agency", "省工业和信息化厅", "--count").out


def test_an_english_agency_name_with_a_word_left_out_resolves_by_its_words(cli):
    """`department of tourism`: every word typed is a word of one name, the Department of
    Culture and Tourism (省文化和旅游厅), close as a whole: taken, and said."""
    result = cli("agency", "department of tourism", "--count")
    assert result.code == 0, result
    assert result.err == "sdtargets: department of tourism matched 省文化和旅游厅 (the nearest name).\n"


def test_an_english_agency_name_is_not_taken_by_spelling_alone_when_a_word_differs(cli):
    """`department of industrial`: `industrial` is an English word of the base (no typo to
    read otherwise) and no department's name has it: refused, exit 2, never the nearest
    string."""
    result = cli("agency", "department of industrial")
    assert result.code == 2
    assert result.err.startswith("sdtargets: No agency is called 'department of industrial'.")


def test_plural_ies_folds_to_the_singular(conn):
    """`industries` and `industry` are one English key (`traditional industries` →
    传统产业 whichever number is typed)."""
    from sdtargets.kb.glossary import en_key

    assert en_key("traditional industries") == en_key("traditional industry") == "traditional industry"
    assert top(conn, "traditional industry") == top(conn, "traditional industries")


# ---- the curator's list of topic words without English


def test_glossary_gaps_lists_a_recurring_topic_word_no_term_covers():
    """`scripts/glossary_gaps.py`: a word that recurs between varied neighbours and that no
    term's Chinese covers is listed with its count; a covered word, pieces of a longer word and
    the generic words of plan prose are not."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "glossary_gaps.py"
    spec = importlib.util.spec_from_file_location("glossary_gaps", path)
    gaps = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gaps)
    texts = ["强化商业秘密保护", "商业秘密司法", "加强对商业秘密的", "氢能产业", "发展氢能。", "推进氢能示范"]
    found = dict(gaps.candidates(texts, covered=["氢能"], min_count=2))
    assert found == {"商业秘密": 3}
