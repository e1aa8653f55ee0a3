"""Search behaviour a user relies on: short, full-width, near-miss and multi-word queries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdtargets.errors import SdError
from sdtargets.store.search import search, terms_of
from sdtargets.store.snippets import locate, snippet


def ids(hits):
    return [h.item_id for h in hits]


def test_two_character_query_finds_5g_tasks(conn):
    """The first four are about 5G: the three tasks building 5G networks (in any order: how they
    rank among themselves is the length of their texts) and the 2025 report whose first claim is
    5G基站增长4.3倍; the items that list 5G among other infrastructure (加大5G基站、数据中心、工业
    互联网…, the 14th plan's review, the digital goal) come after them."""
    hits = ids(search(conn, "5G"))
    about = {"gwr2026.r47", "fyp14.c16p1", "green2023.38", "act2024-ict.15"}
    # the 2024 report's 2024 count (gwr2025.r18: 5G基站达到24.2万个) and the 2023 one (gwr2024.r24:
    # 累计开通5G基站超过20万个) are as much about 5G and may rank among them
    assert about <= set(hits[:6]) <= about | {"gwr2025.r18", "gwr2024.r24"}
    assert min(hits.index(i) for i in ("fyp14.c16p0", "fyp14.r6", "act2024-digital.goal")) > max(
        map(hits.index, about)
    )


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("大力发展人工智能技术", "大力发展人工智能技术"),  # a task's label: all of it
        ("养老方面，两证齐全医养结合养老机构增至1125家、全国最多", "养老方面"),
        ("省制造业创新中心：鼓励战略新兴产业中具备条件的企业", "省制造业创新中心"),
        ("加大5G基站、数据中心、工业互联网", "加大5G基站、数据中心、工业互联网"),  # 、 lists one subject
    ],
)
def test_only_the_first_clause_of_a_title_weighs_as_a_title(title, heading):
    from sdtargets.store.fields import heading_of

    assert heading_of(title) == heading


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
    assert all(h.score < 30 for h in hits if h.how == "fuzzy")


@pytest.mark.parametrize("query", ["'", "*", "NEAR", "OR", "%", "_", "🚀"])
def test_syntax_characters_are_plain_text(conn, query):
    """Full-text, LIKE and GLOB syntax means nothing: the hits are exactly the items whose folded
    text holds every word as written (`*` and `%` are in some items' texts), and no database
    operator (`NEAR`, `*`, `%`, `_`) widens or narrows them. The tool's own syntax (`"phrase"`,
    `OR`, `-word`: find --help) is below and in test_ask.py."""
    words = terms_of(query)
    rows = dict(conn.execute("select id, search from item_search"))
    wanted = {i for i, text in rows.items() if all(w in text for w in words)}
    if query == "OR" and not wanted:  # `or` alone only asks, and no item holds it: exit 1
        with pytest.raises(SdError, match="no topic words") as e:
            search(conn, query, fuzzy=False)
        assert e.value.code == 1
        return
    hits = {h.item_id for h in search(conn, query, fuzzy=False)}
    assert hits == wanted


def test_an_unclosed_quote_is_a_phrase_to_the_end_and_or_takes_either_word(conn):
    """`"5G` is the phrase 5G (a quote left open runs to the end of the query), as `5G` is one
    word; `a OR b` holds the items of either word, never the items holding the letters `or`."""
    assert {h.item_id for h in search(conn, '"5G', fuzzy=False)} == {
        h.item_id for h in search(conn, "5G", fuzzy=False)
    }
    either = {h.item_id for h in search(conn, "储能 OR 氢能", fuzzy=False)}
    assert either == {h.item_id for h in search(conn, "储能", fuzzy=False)} | {
        h.item_id for h in search(conn, "氢能", fuzzy=False)
    }


@pytest.mark.parametrize("query", ['"', '""', '" "'])
def test_a_query_of_syntax_only_is_the_empty_query_error(conn, query):
    from sdtargets.errors import SdError

    with pytest.raises(SdError) as err:
        search(conn, query)
    assert err.value.code == 2
    assert err.value.message.startswith("The query is empty")


def test_a_query_of_control_characters_only_is_the_empty_query_error(conn):
    from sdtargets.errors import SdError

    with pytest.raises(SdError) as err:
        search(conn, "\x00\x07")
    assert err.value.code == 2
    assert err.value.message.startswith("The query is empty")


def test_percent_and_underscore_are_literal_characters(conn):
    """`%` and `_` are LIKE wildcards; here they must match only text that contains them."""
    hits = ids(search(conn, "%", fuzzy=False))
    rows = dict(conn.execute("select id, search from item_search"))
    assert hits and all("%" in rows[i] for i in hits)
    assert len(hits) == sum("%" in s for s in rows.values())
    assert search(conn, "_") == []


@pytest.mark.parametrize("term", ["*", "?", "[", "]", "[*", "a]", "%", "_", "5g", "(", "氢"])
def test_glob_characters_in_a_short_term_are_literal(conn, term):
    """Short terms are matched with GLOB, whose `*`, `?` and `[` must be escaped: the hits are
    exactly the items whose folded text contains the term."""
    hits = set(ids(search(conn, term, fuzzy=False)))
    rows = dict(conn.execute("select id, search from item_search"))
    assert hits == {i for i, text in rows.items() if term in text}


def test_terms_fold_width_case_and_control_characters():
    assert terms_of("  ５Ｇ\x00  储能 ") == ["5g", "储能"]


def test_highlight_maps_back_to_original_characters():
    text = "加快５Ｇ、千兆光网建设"
    assert locate(text, "5g") == (2, 4)
    window, spans = snippet(text, ["5g"])
    assert window[spans[0][0] : spans[0][1]] == "５Ｇ"
    # characters that fold to nothing (spaces) or to two (㎡ → m2) shift the offsets
    assert locate("建设 5 G 基站", "5g") == (3, 6)
    assert locate("面积100㎡5g", "5g") == (6, 8)
    assert locate("面积100㎡5g", "m2") == (5, 6)
    assert locate("建设5G", "6g") is None


@pytest.mark.parametrize("query", ["5G", "人型机器人", "储能 2025", "黄河 5G", "光伏装机 目标"])
def test_json_items_written_as_stored_are_exactly_the_encoded_objects(conn, cli, query):
    """`find --json` splices score and match into each item's stored JSON instead of decoding
    and re-encoding it; the bytes must be those `json.dumps` writes for the object."""
    import json

    from sdtargets.cli.render import settings
    from sdtargets.store.query import Filters
    from sdtargets.store.search import find_items, prepare
    from sdtargets.store.snippets import with_snippets

    objects = find_items(conn, query, Filters())
    encoded = find_items(conn, query, Filters(), encoded=True)
    assert objects and [str(e) for e in encoded] == [json.dumps(o, ensure_ascii=False) for o in objects]
    assert any(o["match"] in ("typo", "fuzzy") for o in objects) == (query == "人型机器人")
    # the answer adds each item's `snippet` (`match` is how it matched): read from the store for
    # the encoded items, the same text as the decoded objects give
    read = prepare(conn, query)
    find_items(conn, read, Filters())  # a typo's correction joins the words highlighted
    shown = with_snippets(conn, [dict(o) for o in objects], read.highlight)
    for o in shown:  # the keys `find` adds, in this order, after the item's own
        added = ["score", "match", "match_field", *(k for k in ("missing", "answer") if k in o), "snippet"]
        assert list(o)[-len(added) :] == added
    assert any("missing" in o for o in shown) == (query == "黄河 5G")
    assert any("answer" in o for o in shown) == (query == "光伏装机 目标")
    spliced = find_items(conn, query, Filters(), encoded=True, snippets=True)  # `find`'s one splice
    assert [str(e) for e in spliced] == [json.dumps(o, ensure_ascii=False) for o in shown]
    assert find_items(conn, query, Filters(), snippets=True) == shown
    out = cli("find", *query.split(), "--json").out
    assert out == "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in shown) + "\n]\n"
    assert settings.last_ids == [o["id"] for o in objects]  # the shell's `show N` after JSON output


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("加快５Ｇ5gG、建设 ㎡m2e\u0301é\t"), max_size=30),
    st.sampled_from(["5g", "m2", "é", "g建"]),
)
def test_a_highlight_always_covers_characters_that_fold_to_the_term(text, term):
    from sdtargets.store.snippets import _fold_char

    span = locate(text, term)
    folded = "".join(map(_fold_char, text))
    assert (span is None) == (term not in folded)
    if span:
        assert "".join(map(_fold_char, text[span[0] : span[1]])) == term


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("加快５Ｇ5gG、，建设 ㎡m2e\u0301éΣσςﬁ\t"), max_size=30),
    st.sampled_from(["5g", "m2", "é", "g建", "σ", "fi", ","]),
)
def test_a_stored_fold_finds_words_at_the_offsets_locate_gives(text, term):
    """`stored_snippet` looks for words in the fold stored with a text (`fold_of`): a word not
    in the fold is not in the text, and in an aligned fold (each character folding to one;
    whitespace folds to none, `ﬁ` and `㎡` to two) `str.find`'s offsets are `locate`'s."""
    from sdtargets.store.snippets import fold_of

    fold, aligned = fold_of(text)
    at = fold.find(term)
    span = locate(text, term)
    assert (span is None) == (at < 0)
    if aligned:
        assert span == (None if at < 0 else (at, at + len(term)))
    else:
        assert any(ch.isspace() or ch in "ﬁ㎡" for ch in text)


@pytest.mark.parametrize(
    ("terms", "in_context"),
    [
        (["黄河"], True),
        (["5g"], False),
        (["新能源汽车"], True),
        (["人工智能", "2025"], True),
        (["研发经费"], True),
    ],
)
def test_a_snippet_from_the_stored_strings_is_the_one_the_object_gives(conn, terms, in_context):
    """`find --json` draws each snippet from the text and context stored beside the item's JSON
    (read in one pass, the context decoded only when the words are not in the text): for every
    item of the base, the same snippet as the decoded object gives, headings and metrics too."""
    import json

    from sdtargets.store.snippets import match_snippet, stored_snippet, text_of

    rows = conn.execute("select json, fold, aligned, context from item_json").fetchall()
    labelled = 0
    for obj, fold, aligned, context in rows:
        item = json.loads(obj)
        assert text_of(obj) == item["text"]
        expected = match_snippet(item, terms)[0]
        assert stored_snippet(text_of(obj), fold, aligned, context, terms) == expected, obj[:40]
        labelled += expected.startswith(("section: ", "metric: "))
    assert labelled or not in_context  # items holding the words only in a heading or a metric
