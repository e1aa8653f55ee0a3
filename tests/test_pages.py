"""The first screen is read alone (`store/pages.py`), yet says the same as the whole answer.

`find`, `agency`, `due` and `progress` with `--limit` read and decode only the rows shown and
count the rest in SQL. A user relies on two things: the rows are the first rows of the whole
answer, and the caption's or header's totals are those of the whole answer. Both are checked
against the unlimited answer of the real base (the totals are read from it, never written here).
"""

from __future__ import annotations

import json

import pytest

from sdtargets.store.query import Filters

QUERIES = [
    ["find", "新能源"],
    ["find", "氢能", "--kind", "measure"],
    ["agency", "省工业和信息化厅"],
    ["agency", "省工业和信息化厅", "--role", "support"],
    ["due", "2024"],
    ["due", "2025", "--until", "2027", "--implied"],
    ["progress"],
    ["progress", "--status", "met,not_met"],
    ["progress", "--plan", "act2024-newenergy", "--year", "2025"],
]


@pytest.mark.parametrize("args", QUERIES, ids=" ".join)
def test_a_limited_answer_is_the_first_rows_of_the_whole_and_says_its_total(cli, args):
    every = cli(*args, "--json").json
    assert len(every) > 3  # else --limit 3 would cut nothing and this would test nothing
    result = cli(*args, "--limit", "3", "--json")
    assert result.json == every[:3]
    noun = "targets" if args[0] == "progress" else "items"
    assert result.err.endswith(f"3 of {len(every)} {noun} (--limit 3; --count prints the total).\n")
    assert cli(*args, "--count", "--limit", "3").out == f"{len(every)}\n"


def test_due_caption_counts_every_target_due_not_only_those_shown(cli):
    every = cli("due", "2024", "--json").json
    targets = sum(len(i["due"]) for i in every)
    shown = sum(len(i["due"]) for i in every[:20])
    caption = cli("due", "2024", "--limit", "20").out.rstrip().splitlines()[-1].strip()  # one line at 200
    assert caption.startswith(f"20 of {len(every)} items, {shown} of {targets} targets due 2024 ")


def test_agency_header_counts_all_its_items_with_a_limit(cli):
    every = cli("agency", "省工业和信息化厅", "--json").json
    led = sum(i["role"] == "lead" for i in every)
    out = cli("agency", "省工业和信息化厅", "--limit", "5").out
    assert f"  {led} led, {len(every) - led} supported (first 5 shown)\n" in out
    # the per-year verdict lines are of all its items too: the same with and without a limit
    years = [line for line in cli("agency", "省工业和信息化厅").out.splitlines() if line.startswith("  20")]
    assert years
    assert [line for line in out.splitlines() if line.startswith("  20")] == years


def test_progress_counts_by_status_are_of_every_target_with_a_limit(cli):
    """The first table (counts per plan) and the caption's counts do not shrink with --limit."""
    full = cli("progress").out.split("\n\n")[0]
    assert cli("progress", "--limit", "3").out.split("\n\n")[0] == full
    summary = cli("progress", "--summary", "--json").json
    assert summary[-1]["plan"] == "all"
    assert summary[-1]["total"] == len(cli("progress", "--json").json)


def test_pages_without_a_limit_are_the_unpaged_answers(conn):
    """The store's paged functions, unlimited, give exactly what the whole-answer functions give."""
    from sdtargets.store import pages
    from sdtargets.store.agencies import duties, resolve
    from sdtargets.store.query import due, filtered_ids
    from sdtargets.store.search import find_items, prepare
    from sdtargets.store.verdicts import records, summary, worst_first

    q = prepare(conn, "新能源")
    assert pages.find_page(conn, q, Filters())[0] == find_items(conn, q, Filters())
    ag = resolve(conn, "省工信厅")
    items, ids, led = pages.duties_page(conn, ag, Filters(), None, encoded=True)
    assert items == duties(conn, ag, Filters(), None, encoded=True)
    assert (ids, led) == (
        [i["id"] for i in duties(conn, ag, Filters())],
        sum(i.endswith('"role": "lead"}') for i in items),
    )
    whole = due(conn, 2024, 2026, False, Filters())
    counted = sum(len(i["due"]) for i in whole)
    assert pages.due_page(conn, 2024, 2026, False, Filters()) == (whole, len(whole), counted, counted)
    encoded, n, total, shown = pages.due_page(conn, 2024, 2026, False, Filters(), encoded=True)
    assert [json.loads(e) for e in encoded] == whole and (n, total, shown) == (len(whole), counted, counted)
    assert [str(e) for e in encoded] == [json.dumps(i, ensure_ascii=False) for i in whole]
    recs = records(conn, filtered_ids(conn, Filters()), None, None)
    assert pages.progress_page(conn, Filters(), None, None) == (worst_first(recs), summary(recs), len(recs))
