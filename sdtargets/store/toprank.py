"""The first screen of a large answer: its best hits chosen in SQL, without ranking every hit
in Python.

`find --limit 20` on a base 100× the real one has thousands of hits (6,900 for `新能源`); ranking
them all in Python (`search._ranked`: each hit's fields read into Python and counted) took
most of the answer, to print twenty. Here SQLite computes the same BM25F score for every hit
(the term counts as the field's stored length less `length(replace(f, term, ''))`, the same
arithmetic in the same order, on the same IEEE doubles) and keeps the best ``limit`` with
`order by score desc, seq limit n`; only those are read into Python and ranked there as before,
so that each carries its `match` and `match_field`. The scores are equal to the last bit, so
the page is the one the full ranking gives (tests compare the two on real queries).
"""

from __future__ import annotations

import json
import math
import sqlite3

from .bm25f import FIELD_B, FIELD_WEIGHT, HALF, K1, PHRASE_BONUS, PLAN_BOOST, by_id_index, field_stats

#: Fields as `search._ranked` weighs them, in its order (the order of the sums matters to the
#: last bit): the column of `item_fields` and the key of the weights.
FIELDS = (("title", "title"), ("metric", "metric"), ("section", "section"), ("body", "body"))


def top_ids(
    conn: sqlite3.Connection,
    groups: list[tuple[str, ...]],
    ids: set[str],
    band: tuple[float, float],
    phrase: str | None,
    dfs: list[int],
    limit: int,
) -> list[str]:
    """The ``limit`` best of ``ids`` for the term ``groups`` (each a tuple of alternatives) by
    `search._ranked`'s score in ``band``, best first, ties in source order."""

    stats = field_stats(conn)
    n_items = stats["items"]
    params: dict[str, object] = {
        "ids": json.dumps(sorted(ids), ensure_ascii=False),
        "k1": K1,
        "boost": PLAN_BOOST,
        "half": HALF * len(groups),
        "low": band[0],
        "span": band[1] - band[0],
        "top": band[1] - 0.1,
        "limit": limit,
    }
    for name, _ in FIELDS:
        params[f"w_{name}"] = FIELD_WEIGHT[name]
        params[f"b_{name}"] = FIELD_B[name]
        params[f"avg_{name}"] = stats[name]
    counts, sums, bests, terms = [], [], [], []
    k = 0
    for g, (alts, df) in enumerate(zip(groups, dfs, strict=True)):
        params[f"idf{g}"] = math.log(1 + (n_items - df + 0.5) / (df + 0.5))
        alt_sums = []
        for alt in alts:
            params[f"a{k}"], params[f"n{k}"] = alt, len(alt)
            for name, col in FIELDS:
                counts.append(f"{_count(col, k)} as c{k}_{name}")
            counts.append(f"{_count('agency', k)} as c{k}_agency")
            counts.append(f"instr(f.plan, :a{k}) > 0 as c{k}_plan")
            parts = []
            for name, _ in FIELDS:
                tf = f"max(c{k}_body - c{k}_agency, 0)" if name == "body" else f"c{k}_{name}"
                norm = f"(1 - :b_{name} + :b_{name} * l_{name} / :avg_{name})"
                parts.append(f"(case when {tf} > 0 then :w_{name} * {tf} / {norm} else 0.0 end)")
            alt_sums.append(f"(0.0 + {' + '.join(parts)} + (case when c{k}_plan then :boost else 0.0 end))")
            k += 1
        sums += [f"{s} as s{k - len(alts) + i}" for i, s in enumerate(alt_sums)]
        bests.append(f"max(0.0, {', '.join(f's{j}' for j in range(k - len(alts), k))}) as best{g}")
        terms.append(f":idf{g} * best{g} / (:k1 + best{g})")
    total = f"(0.0 + {' + '.join(terms)})"
    counts += [f"f.l_{col} as l_{name}" for name, col in FIELDS]
    if phrase:
        params["phrase"], params["bonus"] = phrase, PHRASE_BONUS
        counts.append("instr(f.body || '|' || f.title || '|' || f.metric, :phrase) > 0 as held")
        total = f"({total} * (case when held then :bonus else 1.0 end))"
    else:
        counts.append("0 as held")
    # each step is numbers only: the texts are read once, where they are counted
    sql = f"""
        with c as materialized (
            select f.id, i.seq, {", ".join(counts)}
            from item_fields f join items i{by_id_index(conn)} on i.id = f.id
            where f.id in (select value from json_each(:ids))
        ),
        s as materialized (select id, seq, held, {", ".join(sums)} from c),
        b as materialized (select id, seq, held, {", ".join(bests)} from s),
        t as (select id, seq, {total} as total from b)
        select id from t
        order by min(:low + :span * (total / (total + :half)), :top) desc, seq
        limit :limit
    """  # noqa: S608 - the text is column names and placeholders: every value is bound
    return [r[0] for r in conn.execute(sql, params)]


def _count(col: str, k: int) -> str:
    """How many times alternative ``k`` occurs in column ``col`` (not overlapping, as
    `str.count` counts): the characters it takes up, over its length. The column's length is
    stored (`l_…`, measured at build); a short field is first searched, and only one that holds
    the term is copied without it (at 100× the base, 16,000 hits of `数字`: 175 → ~115 ms)."""
    count = f"(f.l_{col} - length(replace(f.{col}, :a{k}, ''))) / :n{k}"
    return count if col == "body" else f"(case when instr(f.{col}, :a{k}) then {count} else 0 end)"
