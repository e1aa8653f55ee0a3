"""The first page of a one-character search, chosen at build: a broad first keystroke answers
from a short list instead of ranking most of the base.

`browse` answers as you type, so its first key is a one-character search (`新`, `高`, `5`). On
a base 100× the real one such a character is in half the items or more (`新`: 74,300 of
105,200), and even choosing the first page in SQL (`toprank`) reads and counts every one of
them: 0.4–0.8 s a key. The ranking of a one-word search is the order of each hit's weighted
term frequency (`search._ranked`'s BM25F sum, ``best``): the idf, the saturation and the band
are the same increasing function of it for every hit. So the build computes, for every
character held by at least `BROAD_SHARE` of the items, ``best`` for each item holding it,
with `_ranked`'s own arithmetic, and keeps:

- the candidates: every item whose ``best`` is at least the `BROAD_PAGE`-th largest (ties at
  that value included), and
- ``floor``: the largest ``best`` of the hits left out (each is below every candidate's).

A search then ranks only the candidates, exactly as before (`search._ranked`), and the page is
the full ranking's when its last hit's score is above the score ``floor`` would have: every
hit left out scores at most that (`search._broad_page` checks this and otherwise ranks as
before). `tests/test_broad.py` compares the pages with the full ranking on the real base.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator

from .bm25f import FIELD_B, FIELD_WEIGHT, PLAN_BOOST

#: A character is kept when at least this share of the items hold it (at 100× the base: 470
#: characters, each in 5,260 items or more; fewer are ranked fast enough as they are).
BROAD_SHARE = 0.05
#: The longest page answered from the candidates (`browse`'s page, `find --limit` up to it).
BROAD_PAGE = 60
#: A character whose candidates (with their ties) would be more is not kept.
BROAD_MAX = 2000


def broad_rows(
    fields: Iterable[tuple[str, str, str, str, str, str, str, str]], stats: dict, seqs: list[int]
) -> Iterator[tuple[str, str | None, float | None, int]]:
    """For a base's items, in ``seqs``' order, each as (id, and its folded title, metric,
    section, body, agency, plan and search text: `item_fields`' and `item_search`'s strings,
    `derived.Folded.for_broad`), ``stats`` the field statistics (`bm25f.stats_of`): rows
    (character, item id, best, df) of each candidate, and one (character, None, floor, df) row
    per character kept (floor None when every hit is a candidate). No connection: the build's
    second process computes them while the first writes the store (`derived.py`)."""
    n_items = stats["items"]
    wt, wm, ws, wb = (FIELD_WEIGHT[k] for k in ("title", "metric", "section", "body"))
    bt, bm, bs, bb = (FIELD_B[k] for k in ("title", "metric", "section", "body"))
    at, am, as_, ab = (stats[k] for k in ("title", "metric", "section", "body"))
    df: Counter[str] = Counter()
    tops: dict[str, list[float]] = {}  # character → min-heap of the BROAD_PAGE largest bests
    cands: dict[str, list[tuple[float, int, str]]] = {}  # character → (best, seq, id) kept so far
    floor: dict[str, float] = {}  # character → the largest best left out so far
    for (iid, title, metric, section, body, agency, plan, search), seq in zip(fields, seqs, strict=True):
        held = set(search)
        held.discard("\n")
        df.update(held)
        # as `search._ranked` computes them, operand for operand: the same doubles
        nt = 1 - bt + bt * len(title) / at
        nm = 1 - bm + bm * len(metric) / am
        ns = 1 - bs + bs * len(section) / as_
        nb = 1 - bb + bb * len(body) / ab
        xt = {c: wt * tf / nt for c, tf in Counter(title).items()}
        xm = {c: wm * tf / nm for c, tf in Counter(metric).items()}
        xs = {c: ws * tf / ns for c, tf in Counter(section).items()}
        # the body's counts less the agency names' (as `_ranked` subtracts them), then weighed in
        # one comprehension: the same doubles, 12–15% of this pass less than a loop over every
        # character (at 20× the base 2.9–3.6 s against 3.4–4.2 s, the rows identical)
        tfs = Counter(body)
        for c, n in Counter(agency).items():
            if c in tfs:
                tfs[c] = max(tfs[c] - n, 0)
        xb = {c: wb * tf / nb for c, tf in tfs.items() if tf}
        for c in held:
            best = xt.get(c, 0.0) + xm.get(c, 0.0) + xs.get(c, 0.0) + xb.get(c, 0.0)
            if c in plan:
                best += PLAN_BOOST
            top = tops.get(c)
            if top is None:
                tops[c], cands[c] = [best], [(best, seq, iid)]
            elif len(top) < BROAD_PAGE:
                heapq.heappush(top, best)
                cands[c].append((best, seq, iid))
            elif best >= top[0]:
                if best > top[0]:
                    heapq.heapreplace(top, best)
                kept = cands[c]
                kept.append((best, seq, iid))
                if len(kept) > 4 * BROAD_MAX:  # keep the list short: drop those now below
                    _prune(c, kept, top[0], floor)
            elif best > floor.get(c, -1.0):
                floor[c] = best
    least = BROAD_SHARE * n_items
    for c in sorted(tops):
        if df[c] < least or c.isspace():
            continue
        top = tops[c]
        kept = cands[c]
        if len(top) >= BROAD_PAGE:
            _prune(c, kept, top[0], floor)
        if len(kept) > BROAD_MAX:
            continue
        for best, _, iid in kept:
            yield c, iid, best, df[c]
        yield c, None, floor.get(c), df[c]


def _prune(c: str, kept: list[tuple[float, int, str]], least: float, floor: dict[str, float]) -> None:
    """Drop from ``kept`` (in place) the candidates below ``least``; the best of them raises
    ``floor[c]``."""
    out = [k for k in kept if k[0] < least]
    if out:
        floor[c] = max(floor.get(c, -1.0), max(k[0] for k in out))
        kept[:] = [k for k in kept if k[0] >= least]


def candidates(conn: sqlite3.Connection, term: str) -> tuple[list[str], float | None, int] | None:
    """The candidates kept for the one-character ``term``, the floor of the hits left out (None:
    none is) and how many items hold it; None when the term is not kept (or the store predates
    this table)."""
    try:
        rows = conn.execute("select item_id, best, df from broad_pages where term = ?", (term,)).fetchall()
    except sqlite3.OperationalError:  # an older store
        return None
    if not rows:
        return None
    ids = [r[0] for r in rows if r[0] is not None]
    floors = [r[1] for r in rows if r[0] is None]
    return ids, floors[0] if floors else None, rows[0][2]
