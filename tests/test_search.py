"""Search behaviour a user relies on: short, full-width, near-miss and multi-word queries."""

from __future__ import annotations

import pytest

from sdtargets.search import locate, search, snippet, terms_of


def ids(hits):
    return [h.item_id for h in hits]


def test_two_character_query_finds_5g_tasks(conn):
    assert ids(search(conn, "5G"))[:3] == ["green2023.16", "green2023.38", "green2023.96"]


def test_full_width_input_is_folded(conn):
    assert ids(search(conn, "５Ｇ")) == ids(search(conn, "5G"))


def test_case_is_folded(conn):
    assert ids(search(conn, "5g")) == ids(search(conn, "5G"))


def test_one_character_query_works(conn):
    assert search(conn, "氢")


def test_several_words_must_all_occur(conn):
    both = set(ids(search(conn, "储能 2025")))
    assert both
    assert both <= set(ids(search(conn, "储能"))) & set(ids(search(conn, "2025")))


def test_exact_hits_rank_above_fuzzy_ones(conn):
    hits = search(conn, "碳达峰")
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert hits[0].how == "phrase"
    assert all(h.score < 95 for h in hits if h.how == "fuzzy")


@pytest.mark.parametrize(
    "query", ["'", '"', "*", "NEAR", "OR", "%", "_", "a OR b", '"5G', "NOT 5G", "🚀", "\x00\x07"]
)
def test_syntax_characters_are_plain_text(conn, query):
    try:
        search(conn, query)
    except Exception as exc:  # only the package's own error (empty query) is acceptable
        from sdtargets.errors import SdError

        assert isinstance(exc, SdError)


def test_percent_and_underscore_are_literal_characters(conn):
    """`%` and `_` are LIKE wildcards; here they must match only text that contains them."""
    hits = ids(search(conn, "%", fuzzy=False))
    rows = dict(conn.execute("select id, search from item_search"))
    assert hits and all("%" in rows[i] for i in hits)
    assert len(hits) == sum("%" in s for s in rows.values())
    assert search(conn, "_") == []


def test_terms_fold_width_case_and_control_characters():
    assert terms_of("  ５Ｇ\x00  储能 ") == ["5g", "储能"]


def test_highlight_maps_back_to_original_characters():
    text = "加快５Ｇ、千兆光网建设"
    assert locate(text, "5g") == (2, 4)
    window, spans = snippet(text, ["5g"])
    assert window[spans[0][0] : spans[0][1]] == "５Ｇ"
