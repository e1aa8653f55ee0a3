"""The first screen of a large answer is chosen in SQL (`store/toprank.py`) without ranking
every hit in Python, and it is the page the full ranking gives: the same items, in the same
order, with the same scores, `match` and `match_field`, and the same total. Real queries on the
real base, with the SQL path forced (`SQL_RANK_MIN = 0`) so that even small answers take it."""

from __future__ import annotations

import pytest

import sdtargets.store.search as search_module
from sdtargets.store.pages import find_page
from sdtargets.store.query import Filters
from sdtargets.store.search import search, search_page

QUERIES = [
    "发展",  # 562 hits: past SQL_RANK_MIN on the real base itself
    "新能源",  # a plan's alias: the plan boost
    "5G",  # a two-character word, through the trigrams it begins
    "人工智能",
    "高质量 发展",  # two words: the phrase bonus
    "5G OR 氢能",  # alternatives of one group
    "氢能 -燃料电池",  # a word left out
    "新能原汽车",  # a typo: the typo band
    "5G基站",  # a metric: the direct answer's items lead
    "energy storage",  # English: several Chinese alternatives
    "數字經濟",  # traditional characters
    "2025年光伏装机目标是多少",  # a question
]


@pytest.fixture
def sql_always(monkeypatch):
    """Every page with more hits than its limit is chosen in SQL; the calls are counted."""
    from sdtargets.store import toprank

    calls = []
    real = toprank.top_ids

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(search_module, "SQL_RANK_MIN", 0)
    monkeypatch.setattr(toprank, "top_ids", counted)
    return calls


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 5, 20])
def test_the_page_chosen_in_sql_is_the_full_rankings_first_page(conn, sql_always, query, limit):
    every = search(conn, query)
    page, total = search_page(conn, query, limit)
    assert page == every[:limit]  # ids, scores to the last bit, match, field
    assert total == len(every)


def test_the_sql_path_is_taken_when_there_are_more_hits_than_the_limit(conn, sql_always):
    """发展 has hundreds of hits: the page of 20 is chosen in SQL; 碳达峰 with a limit above
    its hits is ranked whole in Python."""
    search_page(conn, "发展", 20)
    assert len(sql_always) == 1
    n = len(search(conn, "碳达峰"))
    search_page(conn, "碳达峰", n + 5)
    assert len(sql_always) == 1


def test_the_direct_answers_items_lead_the_page_chosen_in_sql(conn, sql_always):
    """`5G基站`: act2024-digital.goal and act2024-ict.15 set 27万个 by 2025; they lead whatever
    their score, as they do in the full ranking."""
    page, _ = search_page(conn, "5G基站", 3)
    assert {h.item_id for h in page[:2]} == {"act2024-digital.goal", "act2024-ict.15"}


def test_find_page_with_a_limit_gives_the_unlimited_answers_first_items(conn, sql_always):
    """What `find 发展 -n 20 --json` prints: the first 20 of `find 发展 --json`, and the total
    the caption gives."""
    every, n = find_page(conn, "发展", Filters(), encoded=True)
    first, total = find_page(conn, "发展", Filters(), encoded=True, limit=20)
    assert [str(e) for e in first] == [str(e) for e in every[:20]]
    assert total == n == len(every)


def _filters(plans=None, year=None, kind=None):  # noqa: ANN001, ANN202
    f = Filters(kind=kind, year=year)
    f.plans = plans
    return f


@pytest.mark.parametrize(
    "filters",
    [
        _filters(year=[2025]),
        _filters(plans=["act2024", "act2024-newenergy", "act2024-ict"]),
        _filters(kind=["measure"]),
    ],
    ids=["year 2025", "plans", "kind measure"],
)
@pytest.mark.parametrize("query", ["发展", "5G基站", "新能源", "人工智能 -机器人"])
def test_a_filtered_page_chosen_in_sql_is_the_filtered_answers_first_page(conn, sql_always, query, filters):
    """`find 发展 --year 2025 -n 5`: the first five of `find 发展 --year 2025`, and its total."""
    every, n = find_page(conn, query, filters, encoded=True)
    first, total = find_page(conn, query, filters, encoded=True, limit=5)
    assert n > 0
    assert [str(e) for e in first] == [str(e) for e in every[:5]]
    assert total == n
