"""The BM25F ranking's constants and the base's statistics it reads: one place for the two
implementations of the same score, `search._ranked` (Python, every hit, with how each matched)
and `toprank.top_ids` (SQL, the best of many hits), which must agree to the last bit.
"""

from __future__ import annotations

import json
import sqlite3

#: The score bands of the tiers (low, high): every word found; found after a typo correction
#: (a fuzzy near miss: `search.FUZZY_BAND`). Within a band a hit's place is its relevance
#: (0–1), the same measure in every tier.
EXACT_BAND, TYPO_BAND = (60.0, 100.0), (30.0, 60.0)
#: BM25F: field weights and length normalisation (how much a long field dilutes a mention).
#: A term in an item's own title or its metrics says the item is about it; a heading says the
#: item sits in a part about it; a mention in the body is the base case. Names of agencies
#: inside the text (`（牵头单位：山东黄河河务局）`) are not the item's subject and count nothing.
FIELD_WEIGHT = {"title": 3.0, "metric": 2.0, "section": 2.0, "body": 1.0}
FIELD_B = {"title": 0.3, "metric": 0.3, "section": 0.3, "body": 0.75}
K1 = 1.2
#: Added to the weighted frequency when the item's plan is named by the term (its title or
#: alias: `新能源` and the New Energy plan).
PLAN_BOOST = 0.6
#: Relevance = S / (S + HALF · groups): S, the BM25F sum over term groups, at which an item is
#: half way up its band.
HALF = 2.5
#: A multi-word query whose words stand together, in order, somewhere in the item.
PHRASE_BONUS = 1.25


def field_stats(conn: sqlite3.Connection) -> dict:
    """The base's item count and each field's average length (at least 1), stored at build."""
    row = conn.execute("select value from meta where key = 'stats'").fetchone()
    return stats_of(json.loads(row[0]))


def stats_of(stats: dict) -> dict:
    """The field statistics from the build's sums (items, and each field's total length)."""
    n = max(stats["items"], 1)
    return {"items": n, **{k: max(stats[k] / n, 1.0) for k in FIELD_WEIGHT}}


#: The covering index of items' ids and places (`store/build.py`): read through it, an item's
#: place costs no read of its wide row (at 100× the base: 29 ms against 70 for 6,900 hits).
ID_INDEX = "idx_items_id_seq_plan_kind"


def by_id_index(conn: sqlite3.Connection) -> str:
    """` indexed by …`: `items` read through `ID_INDEX` when the store has it (SQLite's planner
    takes the primary key's index, which is not covering); nothing when it has not."""
    sql = "select 1 from sqlite_master where type = 'index' and name = ?"
    return f" indexed by {ID_INDEX}" if conn.execute(sql, (ID_INDEX,)).fetchone() else ""
