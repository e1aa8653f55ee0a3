"""A broad one-character search's first page comes from the candidates chosen at build
(`store/broad.py`), and it is the page the full ranking gives: the same hits, scores to the
last bit, `match` and `match_field`, and the same total. The English vocabulary is read once
per store file, not once per query (`english.vocabulary`)."""

from __future__ import annotations

import json
import sqlite3

import pytest

import sdtargets.store.search as search_module
from sdtargets.errors import SdError
from sdtargets.store import broad, english
from sdtargets.store.pages import find_page
from sdtargets.store.query import Filters
from sdtargets.store.search import prepare, search, search_page

#: First keys a person types: Chinese, a digit, traditional (數 → 数), a Latin letter.
FIRST_KEYS = ["新", "高", "5", "發", "数", "能", "e", "的"]


@pytest.fixture
def ranked_in_full(monkeypatch):
    """Calls of the slow ways (`toprank.top_ids` and `search._all_hits`), counted."""
    from sdtargets.store import toprank

    calls = []
    for module, name in ((toprank, "top_ids"), (search_module, "_all_hits")):
        real = getattr(module, name)

        def counted(*args, _real=real, _name=name, **kwargs):  # noqa: ANN002, ANN003, ANN202
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    return calls


def kept_terms(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("select distinct term from broad_pages order by term")]


def test_the_broad_characters_of_the_real_base_are_kept(conn):
    """The characters of a first key are among those kept (each in 5% of the items or more)."""
    kept = set(kept_terms(conn))
    assert {"新", "高", "5", "发", "数", "能"} <= kept
    assert "氢" not in kept  # in a few items: ranked fast enough as it is


@pytest.mark.parametrize("key", FIRST_KEYS)
@pytest.mark.parametrize("limit", [1, 20, 60])
def test_a_first_keys_page_is_the_full_rankings_first_page(conn, ranked_in_full, key, limit):
    every = search(conn, key)
    ranked_in_full.clear()
    page, total = search_page(conn, key, limit)
    if key == "e":  # in few items of the real base (not kept): ranked as before
        assert page == every[:limit] and total == len(every)
        return
    assert ranked_in_full == []  # the candidates only
    assert page == every[:limit]  # ids, scores to the last bit, match, field
    assert total == len(every)


def test_every_kept_characters_page_is_the_full_rankings(conn):
    """Every tenth character kept (47 of them), at browse's page (60) and `find -n 20`."""
    for term in kept_terms(conn)[::10]:
        try:
            prepare(conn, term)
        except SdError:  # a character that is no query (punctuation, an asking word)
            continue
        every = search(conn, term)
        for limit in (20, 60):
            page = search_module._broad_page(conn, prepare(conn, term), limit)
            assert page is not None, term
            assert page == (every[:limit], len(every)), term


def test_find_page_gives_the_same_objects(conn):
    """`find -n 20` and browse's page: the same item objects as the whole answer's first 20."""
    from sdtargets.store.search import find_items

    page, total = find_page(conn, "新", Filters(), limit=20)
    every = find_items(conn, "新", Filters())
    assert page == every[:20]
    assert total == len(every)


def test_a_page_not_shown_to_be_exact_is_ranked_as_before(conn, monkeypatch, ranked_in_full):
    """When the page's last score is not above the floor's (here a floor made too high), the
    candidates cannot prove the page: the search ranks as before, with the same answer."""
    real = broad.candidates

    def high_floor(c, term):  # noqa: ANN001, ANN202
        ids, _, df = real(c, term)
        return ids, 1e9, df

    monkeypatch.setattr(broad, "candidates", high_floor)
    assert search_module._broad_page(conn, prepare(conn, "新"), 20) is None
    page, total = search_page(conn, "新", 20)
    assert ranked_in_full  # the full way
    assert page == search(conn, "新")[:20]


def test_filters_and_more_than_one_word_are_ranked_as_before(conn, ranked_in_full):
    page, _ = search_page(conn, "新", 5, filters=Filters(year=2025))
    assert ranked_in_full
    ranked_in_full.clear()
    assert search_module._broad_page(conn, prepare(conn, "新 高"), 5) is None
    assert search_module._broad_page(conn, prepare(conn, "新"), 61) is None  # past the page kept


def test_the_candidates_hold_the_character_and_the_floor_is_below_them(conn):
    """Every candidate holds its character, and every kept character has a floor below each of
    its candidates' weighted frequencies (or none, when every hit is a candidate)."""
    for term in ("新", "5", "高"):
        rows = conn.execute("select item_id, best from broad_pages where term = ?", (term,)).fetchall()
        bests = [b for i, b in rows if i is not None]
        floor = [b for i, b in rows if i is None][0]
        assert len(bests) >= broad.BROAD_PAGE
        assert floor is None or floor < min(bests)
        ids = [i for i, _ in rows if i is not None]
        sql = "select count(*) from item_search where id in (select value from json_each(?))"
        sql += " and instr(search, ?)"
        held = conn.execute(sql, (json.dumps(ids), term)).fetchone()[0]
        assert held == len(ids)


def test_the_english_vocabulary_is_read_once_per_store_file(conn, monkeypatch, tmp_path):
    """Each key of a half-typed English word (`energy sto`) reads it from the cache; a database
    in memory (or another file) reads its own."""
    reads = []
    real = english._read_vocabulary

    def counted(c):  # noqa: ANN001, ANN202
        reads.append(c)
        return real(c)

    monkeypatch.setattr(english, "_read_vocabulary", counted)
    monkeypatch.setattr(english, "_VOCABULARIES", {})
    first = english.vocabulary(conn)
    path = next(f for _, name, f in conn.execute("pragma database_list") if name == "main")
    other = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # a new connection, as each browse key
    assert english.vocabulary(other) is first
    assert len(reads) == 1
    assert "storage" in first
    memory = sqlite3.connect(":memory:")
    conn.backup(memory)
    assert english.vocabulary(memory) == first
    assert len(reads) == 2
    english.vocabulary(memory)
    assert len(reads) == 3  # never cached: two stores in memory may share a digest and differ
