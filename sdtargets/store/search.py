"""Ranked search over item text, section headings and target metrics.

Chinese has no spaces between words, so the index is SQLite FTS5 with the `trigram` tokenizer.
A 1- or 2-character term (`5G`, `氢能`) is no trigram: it is found through the trigrams of
the index it begins (`typos.starting`), or by GLOB on the folded text when it begins many.

A query is read into term groups first (`reading.prepare`): its syntax (`"phrase"`, `OR`,
`-word`), each word folded (width, case, traditional characters to simplified), English
phrases of the glossary standing for their Chinese terms (`hydrogen` → 氢能 or 氢), words that
only ask (`目标`, `what`) left out. Items with every group are ranked by a BM25F score computed
over their fields apart (`item_fields`: title, metrics, body, headings), the same way for short
and long terms (FTS5's own bm25() cannot rank the short terms). A group with no
hit at all is reworked (`reading.settle`: a question cut at its asking words, a typo corrected
when the corrected query finds something, a word cut into pieces the base holds) or left out;
when no item holds every remaining word, the items holding the most of them are the answer,
each naming the words it lacks. A one-word query of three or more characters also gets
rapidfuzz near misses. Every result's `score` (0–100) is its relevance placed in its tier's
band: all words found 60–100, after a typo correction or with words missing 30–60, fuzzy 5–30.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import namedtuple

from .bm25f import (
    EXACT_BAND,
    FIELD_B,
    FIELD_WEIGHT,
    HALF,
    K1,
    PHRASE_BONUS,
    PLAN_BOOST,
    TYPO_BAND,
    by_id_index,
    field_stats,
)
from .encoded import Encoded
from .reading import MAX_QUERY, Group, Query, group_items, prepare, settle, terms_of
from .rows import tuples
from .typos import correct, fts_phrase

#: Names other modules and the tests take from here, where they lived before `reading`.
__all__ = ["MAX_QUERY", "Group", "Hit", "Query", "correct", "find_items", "prepare", "search", "terms_of"]

#: A fuzzy near miss's score band (low, high), below the other tiers' (`bm25f`).
FUZZY_BAND = (5.0, 30.0)
#: A fuzzy hit must score at least this (rapidfuzz partial_ratio, 0–100).
FUZZY_MIN = 75
#: Fuzzy scoring looks at no more than this many trigram candidates.
FUZZY_CANDIDATES = 2000
#: One search result: the item, its score (0–100), how it matched ("phrase", "terms", "typo",
#: "partial", "fuzzy"), the field where the query's words weigh most ("title", "metric", "text",
#: "section", "agency") and, for a partial match, the query's words it lacks.
Hit = namedtuple("Hit", "item_id score how field missing", defaults=("text", ()))


def search(conn: sqlite3.Connection, query: str | Query, fuzzy: bool = True) -> list[Hit]:
    """All items matching ``query``, best first; ties keep source order. Words found nowhere
    are reworked or left out (`reading.settle`); when no item holds every remaining word, the
    items holding the most of them follow, each with the words it lacks (``missing``)."""
    q = query if isinstance(query, Query) else prepare(conn, query)
    m = _matches(conn, q)
    return _all_hits(conn, q, m, fuzzy) if m else []


#: What `_matches` finds: each group's items, how they matched ("terms" or "typo"), the items
#: holding every group, the groups' words as one phrase (or None), and each group's count.
Matches = namedtuple("Matches", "found how exact phrase dfs")


def _matches(conn: sqlite3.Connection, q: Query) -> Matches | None:
    """The items of each term group, once the words found nowhere are settled and `-word`s
    taken out; None when no group is left."""
    found = [group_items(conn, g) for g in q.groups]
    how = "typo" if q.typo else "terms"
    if not all(found):
        found, typo = settle(conn, q, found)
        how = "typo" if typo or q.typo else how
    if q.excluded:
        out = set().union(*(group_items(conn, g) for g in q.excluded))
        found = [f - out for f in found]
    if not q.groups:
        return None
    exact = set.intersection(*found) if all(found) else set()
    phrase = None
    if len(q.groups) > 1 and all(len(g.alts) == 1 for g in q.groups):
        phrase = "".join(g.alts[0] for g in q.groups)
    return Matches(found, how, exact, phrase, [len(f) for f in found])


def _near(conn: sqlite3.Connection, q: Query, m: Matches, fuzzy: bool) -> list[Hit]:
    """The fuzzy near misses of a one-word query of three characters or more."""
    if fuzzy and len(q.groups) == 1 and not q.groups[0].english and len(q.groups[0].alts[0]) >= 3:
        return _fuzzy(conn, q.groups[0].alts[0], exclude=m.exact | _excluded(conn, q))
    return []


def _all_hits(conn: sqlite3.Connection, q: Query, m: Matches, fuzzy: bool) -> list[Hit]:
    seq: dict[str, int] = {}  # each hit's place in the sources, read as it is ranked
    hits = _ranked(conn, q, m.exact, m.how, m.phrase, m.dfs, seq)
    if not m.exact and len(q.groups) > 1:
        hits = _partial(conn, q, m.found, m.dfs, seq)
    near = _near(conn, q, m, fuzzy)
    seq.update(_source_order(conn, [h.item_id for h in near]))
    hits += near
    hits.sort(key=lambda h: (-h.score, seq.get(h.item_id, 0)))
    return _answer_first(conn, q, hits)


#: From this many hits on, `search_page` chooses the page in SQL (`toprank`); below, ranking
#: them all in Python costs less.
SQL_RANK_MIN = 400


def search_page(
    conn: sqlite3.Connection,
    query: str | Query,
    limit: int,
    fuzzy: bool = True,
    filters=None,  # noqa: ANN001 - query.Filters
) -> tuple[list[Hit], int]:
    """`search`'s first ``limit`` hits (of those passing ``filters``), and how many pass in all,
    without ranking every hit in Python when there are many (`toprank.top_ids`): the same page,
    in the same order (the direct answer's items first, then by score, ties in source order)."""
    from .answer import answers
    from .query import filtered_ids
    from .toprank import top_ids

    def passing(ids: list[str]) -> list[str]:
        return ids if filters is None else filtered_ids(conn, filters, ids)

    q = query if isinstance(query, Query) else prepare(conn, query)
    if filters is None:
        broad = _broad_page(conn, q, limit)
        if broad is not None:
            return broad
    m = _matches(conn, q)
    if not m:
        return [], 0
    exact = m.exact if filters is None else set(passing(sorted(m.exact)))
    if len(exact) < max(SQL_RANK_MIN, limit + 1):  # few hits, or a partial answer
        hits = _all_hits(conn, q, m, fuzzy)
        keep = set(passing([h.item_id for h in hits]))
        hits = [h for h in hits if h.item_id in keep]
        return hits[:limit], len(hits)
    near = _near(conn, q, m, fuzzy)  # scored below every exact hit: only counted, or an answer's
    fuzzy_hits = {h.item_id: h for h in near if h.item_id in set(passing([h.item_id for h in near]))}
    q.answers = answers(conn, q.groups)
    first = list(dict.fromkeys(i for line in q.answers for i in line["items"]))
    lead_ids = [i for i in first if i in exact or i in fuzzy_hits][:limit]
    band = EXACT_BAND if m.how == "terms" else TYPO_BAND
    groups = [g.alts for g in q.groups]
    rest = top_ids(conn, groups, exact - set(lead_ids), band, m.phrase, m.dfs, limit - len(lead_ids))
    seq: dict[str, int] = {}
    ranked = {
        h.item_id: h for h in _ranked(conn, q, set(lead_ids + rest) & exact, m.how, m.phrase, m.dfs, seq)
    }
    lead = [ranked.get(i) or fuzzy_hits[i] for i in lead_ids]
    page = sorted((ranked[i] for i in rest), key=lambda h: (-h.score, seq[h.item_id]))
    return lead + page, len(exact) + len(fuzzy_hits)


def _broad_page(conn: sqlite3.Connection, q: Query, limit: int) -> tuple[list[Hit], int] | None:
    """A one-character search's page ranked from the candidates chosen at build (`broad`):
    the page of the full ranking, as every hit left out scores at most what the floor scores,
    checked here to be below the page's last; None when that cannot be shown (or the term is
    not kept, or the query is more than one plain character), and the search ranks as before."""
    from .answer import answers
    from .broad import BROAD_PAGE, candidates

    if limit > BROAD_PAGE or q.excluded or q.typo or len(q.groups) != 1 or len(q.groups[0].alts) != 1:
        return None
    term = q.groups[0].alts[0]
    kept = candidates(conn, term) if len(term) == 1 else None
    if kept is None:
        return None
    ids, floor, df = kept
    q.answers = answers(conn, q.groups)
    if q.answers:  # its items lead: ranked as before
        return None
    seq: dict[str, int] = {}
    hits = _ranked(conn, q, set(ids), "terms", None, [df], seq)
    hits.sort(key=lambda h: (-h.score, seq[h.item_id]))
    page = hits[:limit]
    if floor is not None and (len(page) < limit or not page[-1].score > _score_of(conn, floor, df)):
        return None
    return page, df


def _score_of(conn: sqlite3.Connection, best: float, df: int) -> float:
    """The score `_ranked` gives a hit of a one-word query whose weighted frequency is ``best``
    (the same operations in the same order)."""
    n_items = field_stats(conn)["items"]
    g_idf = math.log(1 + (n_items - df + 0.5) / (df + 0.5))
    total = 0.0
    total += g_idf * best / (K1 + best)
    r = total / (total + HALF * 1)
    low, high = EXACT_BAND
    return min(low + (high - low) * r, high - 0.1)


def _answer_first(conn: sqlite3.Connection, q: Query, hits: list[Hit]) -> list[Hit]:
    """When the query names a metric, the items holding its targets lead, in the answer's
    order; the others (the results it cites among them) follow in their own."""
    from .answer import answers

    q.answers = answers(conn, q.groups) if hits else []
    if not q.answers:
        return hits
    first = list(dict.fromkeys(i for line in q.answers for i in line["items"]))  # targets' items
    by_id = {h.item_id: h for h in hits}
    lead = [by_id[i] for i in first if i in by_id]
    return lead + [h for h in hits if h.item_id not in set(first)]


def _excluded(conn: sqlite3.Connection, q: Query) -> set[str]:
    return set().union(*(group_items(conn, g) for g in q.excluded)) if q.excluded else set()


def _partial(
    conn: sqlite3.Connection, q: Query, found: list[set[str]], dfs: list[int], seq: dict[str, int]
) -> list[Hit]:
    """No item holds every word: the items holding the most of them, ranked by the words they
    hold, in the partial band, each naming the words it lacks; the notes say so."""
    held: dict[str, int] = {}
    for f in found:
        for iid in f:
            held[iid] = held.get(iid, 0) + 1
    if not held:
        return []
    most = max(held.values())
    ids = {iid for iid, k in held.items() if k == most}
    hits = _ranked(conn, q, ids, "partial", None, dfs, seq)
    labels = [g.label for g in q.groups]
    out = []
    for h in hits:
        missing = tuple(label for label, f in zip(labels, found, strict=True) if h.item_id not in f)
        out.append(h._replace(missing=missing))
    q.notes.append(f"no item holds every word; showing the {len(out)} holding {most} of {len(labels)}")
    lacking: dict[tuple[str, ...], int] = {}
    for h in out:
        lacking[h.missing] = lacking.get(h.missing, 0) + 1
    for words, n in sorted(lacking.items(), key=lambda kv: -kv[1]):
        q.notes.append(f"  {n} without {' '.join(words)}")
    return out


def _source_order(conn: sqlite3.Connection, ids: list[str]) -> dict[str, int]:
    """Each hit's position in the sources (ties in score keep source order): the hits only,
    not the whole base."""
    sql = f"select id, seq from items{by_id_index(conn)} where id in (select value from json_each(?))"  # noqa: S608
    return dict(conn.execute(sql, (json.dumps(ids, ensure_ascii=False),)).fetchall())


def _ranked(
    conn: sqlite3.Connection,
    q: Query,
    ids: set[str],
    how: str,
    phrase: str | None,
    dfs: list[int],
    seq: dict[str, int] | None = None,
) -> list[Hit]:
    """BM25F over the hits' fields: per term group, the weighted, length-normalised frequency
    of its best alternative in title, metrics, headings and body (agency names inside the body
    subtracted), plus a boost when the item's plan is named; saturated with K1 and weighted by
    how rare the group is (idf). Placed in the tier's band by `relevance`. Each hit's place in
    the sources is read with its fields, into ``seq`` (ties in score keep source order).

    This is the cost of a large answer (every hit is scored before the first screen is known:
    6,900 hits for `新能源` at 100× the base), so the loop is written flat: one row read per
    hit, its place included, and no structure built per field; the arithmetic is the same,
    term for term and in the same order, so the scores are the same to the last bit."""
    if not ids:
        return []
    stats = field_stats(conn)
    n_items = stats["items"]
    idf = [math.log(1 + (n_items - df + 0.5) / (df + 0.5)) for df in dfs]
    band = EXACT_BAND if how == "terms" else TYPO_BAND
    low, span, top = band[0], band[1] - band[0], band[1] - 0.1
    groups = list(zip([g.alts for g in q.groups], idf, strict=True))
    half = HALF * len(q.groups)
    wt, wm, ws, wb = (FIELD_WEIGHT[k] for k in ("title", "metric", "section", "body"))
    bt, bm, bs, bb = (FIELD_B[k] for k in ("title", "metric", "section", "body"))
    at, am, as_, ab = (stats[k] for k in ("title", "metric", "section", "body"))
    single = len(q.groups) == 1
    items = f"items i{by_id_index(conn)}"  # an index's name, no value
    cols = "f.id, f.title, f.metric, f.body, f.section, f.agency, f.plan, i.seq"
    hit = "f.id in (select value from json_each(?))"
    sql = f"select {cols} from item_fields f join {items} on i.id = f.id where {hit}"  # noqa: S608
    hits = []
    rows = tuples(conn, sql, (json.dumps(sorted(ids)),))
    for iid, title, metric, body, section, agency, plan, place in rows:
        if seq is not None:
            seq[iid] = place
        total = 0.0
        f_title = f_metric = f_section = f_body = 0.0  # weight by field, summed over groups
        for alts, g_idf in groups:
            best = -1.0
            p_title = p_metric = p_section = p_body = 0.0
            for alt in alts:
                tf_sum = 0.0
                x_title = x_metric = x_section = x_body = 0.0
                tf = title.count(alt)
                if tf:
                    x_title = wt * tf / (1 - bt + bt * len(title) / at)
                    tf_sum += x_title
                tf = metric.count(alt)
                if tf:
                    x_metric = wm * tf / (1 - bm + bm * len(metric) / am)
                    tf_sum += x_metric
                tf = section.count(alt)
                if tf:
                    x_section = ws * tf / (1 - bs + bs * len(section) / as_)
                    tf_sum += x_section
                tf = body.count(alt)
                if tf:
                    tf = max(tf - agency.count(alt), 0)
                    if tf:
                        x_body = wb * tf / (1 - bb + bb * len(body) / ab)
                        tf_sum += x_body
                if alt in plan:
                    tf_sum += PLAN_BOOST
                if tf_sum > max(best, 0.0):
                    best = tf_sum
                    p_title, p_metric, p_section, p_body = x_title, x_metric, x_section, x_body
            best = max(best, 0.0)
            total += g_idf * best / (K1 + best)
            f_title += p_title
            f_metric += p_metric
            f_section += p_section
            f_body += p_body
        if phrase and phrase in body + "|" + title + "|" + metric:
            total *= PHRASE_BONUS
        r = total / (total + half)
        # not rounded: the order is the relevance's, so a typo's hits keep the corrected word's
        # order (output rounds `score` to a whole number)
        score = low + span * r
        field = _field_name(f_title, f_metric, f_section, f_body, agency, q)
        whole = single or (phrase is not None and phrase in body)
        kind = "phrase" if how == "terms" and whole else how
        hits.append(Hit(iid, min(score, top), kind, field))
    return hits


def _field_name(title: float, metric: float, section: float, body: float, agency: str, q: Query) -> str:
    """Where the query's words weigh most (the fields' weights): the title if they are in it,
    else the field with the greatest weight (the first of metric, body, section on a tie);
    "agency" when they occur only in the names of agencies. (Plain comparisons, not a dict and
    `max`: this runs once per hit, 6,300 times for a broad word at 100× the base.)"""
    if title > 0:
        return "title"
    if metric > 0 or section > 0 or body > 0:
        best, weight = "metric", metric
        if body > weight:
            best, weight = "text", body
        if section > weight:
            best = "section"
        return best
    return "agency" if any(a in agency for g in q.groups for a in g.alts) else "text"


def find_items(
    conn: sqlite3.Connection,
    query: str | Query,
    filters,  # noqa: ANN001 - query.Filters
    fuzzy: bool = True,
    encoded: bool = False,
    snippets: bool = False,
) -> list[dict] | list[Encoded]:
    """`find`: the matching items, best first, each with its ``score``, ``match`` (how it
    matched) and ``match_field`` (where), ``missing`` (the query's words a partial match lacks)
    and ``answer`` (the direct answer's lines citing it, which lead), and with ``snippets`` its
    ``snippet`` (the data formats' key): objects, or with ``encoded`` still as JSON
    (`render.Encoded`, for JSON output)."""
    from .query import filtered_ids

    q = query if isinstance(query, Query) else prepare(conn, query)
    hits = {h.item_id: h for h in search(conn, q, fuzzy=fuzzy)}
    ids = filtered_ids(conn, filters, list(hits))
    return found_items(conn, q, hits, ids, encoded, snippets)


def found_items(
    conn: sqlite3.Connection, q: Query, hits: dict[str, Hit], ids: list[str], encoded: bool, snippets: bool
) -> list[dict] | list[Encoded]:
    """The items ``ids`` as `find` gives them (`find_items`, `pages.find_page`): each object
    with its `hit_fields` and, with ``snippets``, its ``snippet`` after them. Encoded items get
    every key in one splice, their snippet from the strings read with their JSON."""
    from .answer import cited
    from .encoded import pairs, value
    from .query import items_by_id, items_encoded, json_rows
    from .snippets import match_snippet, stored_snippet, text_of

    answer = cited(q.answers)
    terms = q.highlight
    if encoded and not snippets:
        return [e.adding(**hit_fields(hits[e.id], answer)) for e in items_encoded(conn, ids)]
    if encoded:  # every key spliced in at once, the snippet from what is stored with the JSON
        made: dict[tuple, str] = {}  # the hit keys, alike for most hits
        out = []
        for iid, obj, fold, aligned, context in json_rows(conn, ids):
            h = hits[iid]
            if h.missing or iid in answer:
                keys = pairs(hit_fields(h, answer))
            else:
                key = (round(h.score), h.how, h.field)
                keys = made.get(key) or made.setdefault(key, pairs(hit_fields(h, answer)))
            shown = stored_snippet(text_of(obj), fold, aligned, context, terms)
            out.append(Encoded(f'{obj[:-1]}{keys}, "snippet": {value(shown)}}}', iid))
        return out
    items = items_by_id(conn, ids)
    for it in items:
        it.update(hit_fields(hits[it["id"]], answer))
        if snippets:
            it["snippet"] = match_snippet(it, terms)[0]
    return items


def hit_fields(h: Hit, answer: dict[str, list]) -> dict:
    """The keys `find` adds to an item object: ``score``, ``match``, ``match_field``, and where
    they apply ``missing`` and ``answer`` (``answer``: item id → the direct answer's lines citing
    it). One place, so that the paged first screen (`pages.find_page`) gives the same objects."""
    keys = {"score": round(h.score), "match": h.how, "match_field": h.field}
    if h.missing:
        keys["missing"] = list(h.missing)
    if h.item_id in answer:
        keys["answer"] = answer[h.item_id]
    return keys


def _fuzzy(conn: sqlite3.Connection, phrase: str, exclude: set[str]) -> list[Hit]:
    """Near misses of ``phrase``: items holding one of its trigrams, similar enough; none
    for a phrase of three characters, whose one trigram is itself (every candidate holds
    the phrase, so is a hit already or left out: ``exclude``)."""
    if len(phrase) == 3:
        return []
    grams = {phrase[i : i + 3] for i in range(len(phrase) - 2)}
    match = " OR ".join(fts_phrase(g) for g in sorted(grams))
    rows = conn.execute(
        "select s.id, s.search from item_search_fts f join item_search s on s.rowid = f.rowid "
        "where item_search_fts match ? limit ?",
        (match, FUZZY_CANDIDATES),
    ).fetchall()
    rows = [(iid, text) for iid, text in rows if iid not in exclude]
    if not rows:  # (a broad word's candidates are often all exact hits: no rapidfuzz import, 14 ms)
        return []
    from rapidfuzz import fuzz

    low, high = FUZZY_BAND
    out = []
    for iid, text in rows:
        similarity = fuzz.partial_ratio(phrase, text.rstrip("\n"))  # without `typos.SEARCH_END`
        if similarity >= FUZZY_MIN:
            r = (similarity - FUZZY_MIN) / (100 - FUZZY_MIN)
            out.append(Hit(iid, round(min(low + (high - low) * r, high - 0.1), 1), "fuzzy", "text"))
    return out
