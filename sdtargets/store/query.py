"""Queries over the built database: filters, item objects, plans, due dates.

Plain functions over a `sqlite3.Connection`, so that tests and the CLI call the same code. SQL
is always parameterised: user input never becomes SQL text.
"""

from __future__ import annotations

import json
import sqlite3
from collections import namedtuple

from ..errors import SdError
from ..text.fold import normalise_text
from .encoded import Encoded
from .rows import tuples

MIN_YEAR, MAX_YEAR = 1949, 2100
#: Longest plan name or item id looked up: longer input is refused, not echoed whole in an error.
MAX_NAME = 100


class Filters:
    """The filters every list command takes; ``None`` means "not filtered". ``kind`` and
    ``year`` take one value or a list (a repeated option): within one filter the values are a
    union (`--agency A --agency B`: either leads or supports), across filters an intersection."""

    def __init__(
        self,
        plans: list[str] | None = None,
        agencies: list[str] | None = None,
        role: str | None = None,
        kind: str | list[str] | None = None,
        year: int | list[int] | None = None,
        extra_sql: list[str] | None = None,
        extra_params: list[object] | None = None,
    ) -> None:
        self.plans, self.agencies, self.role, self.kind = plans, agencies, role, kind
        self.year = year
        self.extra_sql: list[str] = extra_sql or []
        self.extra_params: list[object] = extra_params or []


def check_year(year: int | None, what: str = "year") -> int | None:
    """Refuse a year no plan could be about (e.g. a typo like 20245)."""
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise SdError(f"{year} is not a plausible {what}: give a year between {MIN_YEAR} and {MAX_YEAR}.")
    return year


KINDS = ("goal", "measure", "indicator", "result")


def check_kind(kind: str | None) -> str | None:
    """Refuse an unknown item kind, naming the known ones."""
    if kind is not None and kind not in KINDS:
        raise SdError(f"Unknown kind {kind!r}: use one of {', '.join(KINDS)}.")
    return kind


# ---------------------------------------------------------------------------------------------
# Plans


def plans(conn: sqlite3.Connection, targets: bool = True) -> list[dict]:
    """Every plan with its item and target counts, in knowledge-base order. Without
    ``targets``, no target count: counting every plan's targets reads every item's targets
    (~75 ms at 100x), which `agency`'s header, wanting only the items, need not wait for."""
    counted = (
        ", (select count(*) from targets t join items i on i.id = t.item_id where i.plan = p.id) as targets"
        if targets
        else ""
    )
    items = "select p.*, (select count(*) from items i where i.plan = p.id) as items"
    rows = conn.execute(items + counted + " from plans p order by p.seq").fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["aliases"] = json.loads(d["aliases"])
        d["period"] = [d.pop("period_start"), d.pop("period_end")]
        d.pop("seq")
        out.append(d)
    return out


class PlanMatch(namedtuple("PlanMatch", "ids named by_title others")):
    """What `--plan TEXT` selected: ``ids`` (with sub-plans), the plans ``named`` (before adding
    sub-plans), whether they were found ``by_title`` (part of a title, not an id or alias), and
    ``others``: plans whose titles also contain the text but were not taken, because an id or
    alias matched exactly (`新能源` is act2024-newenergy's alias; news2024-nev's title has it)."""

    __slots__ = ()


def match_plan(conn: sqlite3.Connection, text: str) -> PlanMatch:
    """The plans ``text`` names: an id or an alias exactly, else every plan with it in its title;
    a document includes its sub-plans. Unknown → `SdError` suggesting the nearest plans."""
    from .names import fold_name

    wanted = fold_name(conn, text)  # 十四五規劃 is 十四五规划
    if not wanted:
        raise SdError("The --plan value is empty: give a plan id or alias (see 'sdtargets plans').")
    if len(wanted) > MAX_NAME:
        raise SdError(f"The --plan value is too long ({len(wanted)} characters; at most {MAX_NAME}).")
    rows = conn.execute("select id, title, short, aliases, parent from plans order by seq").fetchall()
    exact = [
        r["id"]
        for r in rows
        if wanted in {normalise_text(r["id"]), *(normalise_text(a) for a in json.loads(r["aliases"]))}
    ]
    titled = [
        r["id"]
        for r in rows
        if wanted in normalise_text(r["title"]) or wanted in normalise_text(r["short"] or "")
    ]
    found = exact or titled
    if not found and wanted.isascii() and any(c.isalpha() for c in wanted):
        found = _plans_in_english(conn, text, [r["id"] for r in rows])
        if not found:  # a misspelt English word (`new enrgy`): the nearest vocabulary word
            from .english import corrected

            fixed = corrected(conn, text)
            found = _plans_in_english(conn, fixed, [r["id"] for r in rows]) if fixed else []
    if not found:
        found = _plan_typo(rows, wanted)
    if not found:
        near = _nearest_plans(rows, wanted)
        hint = f" (did you mean {near}?)" if near else ""
        raise SdError(f"Unknown plan {text!r}{hint}: 'sdtargets plans' lists every plan.")
    parent = {r["id"]: r["parent"] for r in rows}
    ids = list(found)
    for pid, par in parent.items():
        if par in ids and pid not in ids:
            ids.append(pid)
    others = [i for i in titled if i not in ids and parent.get(i) not in ids] if exact else []
    return PlanMatch(ids, found, not exact, others)


def _plan_typo(rows: list[sqlite3.Row], wanted: str) -> list[str]:
    """The one plan whose id, short title or alias is one edit from ``wanted`` (a character
    changed, missing, extra, or two swapped: `fyp41`, `十四無规划`, `新能原`); none when none is,
    or when two plans are."""
    from .names import one_edit

    forms = (
        (normalise_text(name), r["id"])
        for r in rows
        for name in [r["id"], r["short"] or r["title"], *json.loads(r["aliases"])]
    )
    found = one_edit(wanted, forms)
    return [found] if found else []


def _nearest_plans(rows: list[sqlite3.Row], wanted: str) -> str:
    """`a, b or c`: plans whose id starts with or contains the text, else the closest by spelling
    of id, short title and aliases; a document stands for its sub-plans; at most five."""
    by_id = [r["id"] for r in rows if normalise_text(r["id"]).startswith(wanted)]
    by_id += [r["id"] for r in rows if wanted in normalise_text(r["id"]) and r["id"] not in by_id]
    near = by_id
    if not near:
        from rapidfuzz import fuzz

        scored = []
        for r in rows:
            names = [r["id"], r["short"] or r["title"], *json.loads(r["aliases"])]
            scored.append((max(fuzz.ratio(wanted, normalise_text(n)) for n in names), r["id"]))
        near = [pid for score, pid in sorted(scored, key=lambda x: -x[0]) if score >= 40]
    parent = {r["id"]: r["parent"] for r in rows}
    near = [pid for pid in near if parent.get(pid) not in near][:5]
    return ", ".join(near[:-1]) + f" or {near[-1]}" if len(near) > 1 else "".join(near)


def resolve_plan(conn: sqlite3.Connection, text: str) -> list[str]:
    """Plan ids that ``text`` names (see `match_plan`)."""
    return match_plan(conn, text).ids


def _plans_in_english(conn: sqlite3.Connection, text: str, order: list[str]) -> list[str]:
    """Plans whose English title (`data/glossary.yaml`) contains ``text``'s words in order
    (`--plan "new energy"`)."""
    from ..kb.glossary import en_key

    key = f" {en_key(text)} "
    rows = conn.execute("select en, zh from glossary where type = 'plan'").fetchall()
    hits = {pid for en, pid in rows if key in f" {en} "}
    return [pid for pid in order if pid in hits]


# ---------------------------------------------------------------------------------------------
# Items


def filtered_ids(conn: sqlite3.Connection, f: Filters, candidates: list[str] | None = None) -> list[str]:
    """Item ids passing the filters, in source order (or in ``candidates``' order)."""
    sql, params = filtered_sql(f, candidates)
    ids = [r[0] for r in conn.execute(sql + " order by i.seq", params)]
    if candidates is not None:
        keep = set(ids)
        ids = [c for c in candidates if c in keep]
    return ids


def filtered_sql(f: Filters, candidates: list[str] | None = None) -> tuple[str, list[object]]:
    """`select i.id from items i where …` for the filters, and its parameters: a subquery a
    paged query embeds, so that the ids of the whole base never pass through Python."""
    where: list[str] = []
    params: list[object] = []
    if candidates is not None:
        where.append("i.id in (select value from json_each(?))")
        params.append(json.dumps(candidates))
    if f.plans is not None:
        where.append("i.plan in (select value from json_each(?))")
        params.append(json.dumps(f.plans))
    kinds = _listed(f.kind)
    if kinds:
        where.append("i.kind in (select value from json_each(?))")
        params.append(json.dumps(kinds))
    if f.agencies is not None:
        clause = "select item_id from item_agencies where agency in (select value from json_each(?))"
        params.append(json.dumps(f.agencies, ensure_ascii=False))
        if f.role:
            clause += " and role = ?"
            params.append(f.role)
        where.append(f"i.id in ({clause})")
    years = _listed(f.year)
    if years:
        where.append(
            "(i.id in (select item_id from item_years where year in (select value from json_each(?)))"
            " or i.id in (select item_id from targets where year in (select value from json_each(?))))"
        )
        params += [json.dumps(years), json.dumps(years)]
    where += f.extra_sql
    params += f.extra_params
    sql = "select i.id from items i"
    if where:
        sql += " where " + " and ".join(where)
    return sql, params


def _listed(value: object) -> list | None:
    """A filter's value as a list: one value, several (a repeated option), or None."""
    if value is None or isinstance(value, list):
        return value or None
    return [value]


def items_by_id(conn: sqlite3.Connection, ids: list[str]) -> list[dict]:
    """Full item objects (the JSON contract of SPEC.md) for ``ids``, in that order; unknown ids
    are skipped. Each is decoded afresh from the JSON stored at build (`objects.item_object`), so
    callers may add keys (``score``, ``role``, ``due``) to their copy."""
    return [json.loads(text) for text in items_encoded(conn, ids)]


def items_encoded(conn: sqlite3.Connection, ids: list[str]) -> list[Encoded]:
    """The same items still encoded, as stored: for JSON output, which need not decode them."""
    if not ids:
        return []
    sql = "select id, json from item_json where id in (select value from json_each(?))"
    stored = dict(tuples(conn, sql, (json.dumps(ids, ensure_ascii=False),)).fetchall())
    return [Encoded(stored[i], i) for i in ids if i in stored]


def json_rows(conn: sqlite3.Connection, ids: list[str]) -> list[tuple[str, str, str, int, str]]:
    """The items' stored rows (id, JSON, and what the `snippet` is made from: `item_json`'s
    fold, aligned, context), in ``ids``' order: for `find`'s data formats, which splice every
    added key into the JSON at once."""
    if not ids:
        return []
    sql = (
        "select id, json, fold, aligned, context from item_json where id in (select value from json_each(?))"
    )
    rows = {r[0]: r for r in tuples(conn, sql, (json.dumps(ids, ensure_ascii=False),))}
    return [rows[i] for i in ids if i in rows]


def get_item(conn: sqlite3.Connection, item_id: str) -> dict:
    """One item by id (case and surrounding space forgiven); unknown → `SdError` with hints."""
    wanted = item_id.strip()
    if len(wanted) > MAX_NAME:
        raise SdError(f"The item id is too long ({len(wanted)} characters; ids look like green2023.2).")
    found = items_by_id(conn, [wanted]) or items_by_id(conn, [wanted.lower()])
    if found:
        return found[0]
    near = [
        r[0]
        for r in conn.execute(
            "select id from items where id like ? escape '\\' order by seq limit 5",
            (_like_prefix(wanted.split(".")[0]) + "%",),
        )
    ]
    hint = f" Ids look like: {', '.join(near)}." if near else " See 'sdtargets export' for all ids."
    raise SdError(f"No item has the id {item_id!r}.{hint}")


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---------------------------------------------------------------------------------------------
# Due dates


def due(conn: sqlite3.Connection, year: int, until: int | None, implied: bool, f: Filters) -> list[dict]:
    """Items with a target or deadline in ``year``..``until``; each gains a ``due`` list of the
    targets in range. Implied years (the plan's end, not stated) count only with ``implied``."""
    last = until if until is not None else year
    items = items_by_id(conn, filtered_ids(conn, due_filters(year, until, implied, f)))
    for it in items:
        it["due"] = [
            t for t in it["targets"] if year <= t["year"] <= last and (implied or not t["year_implied"])
        ]
    return items


def due_filters(year: int, until: int | None, implied: bool, f: Filters) -> Filters:
    """``f`` with `due`'s condition: a target or deadline in ``year``..``until`` (implied years
    only with ``implied``); ``f``'s own year is `due`'s, not a filter."""
    last = until if until is not None else year
    if last < year:
        raise SdError(f"--until {last} is before {year}.")
    imp = 1 if implied else 0
    g = Filters(**{**f.__dict__, "year": None})
    g.extra_sql = [
        "(i.id in (select item_id from targets where year between ? and ? and year_implied <= ?)"
        " or i.id in (select item_id from item_years where year between ? and ? and implied <= ?))"
    ]
    g.extra_params = [year, last, imp, year, last, imp]
    return g
