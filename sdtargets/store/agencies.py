"""Agency resolution: from whatever name a user types to the registry's canonical agency.

Order: an exact canonical name, official full name or alias (after folding width, case and
spaces); then a fuzzy match (rapidfuzz) above a threshold. Abbreviations such as `省工信厅`
cannot be found fuzzily (they share too little with `省工业和信息化厅` and tie with every other
厅), which is why the registry carries explicit aliases and fuzzy matching is only the last
resort. Collectives (`省有关部门、单位`) are matched only by their exact name.
"""

from __future__ import annotations

import json
import sqlite3
from collections import namedtuple

from ..errors import SdError
from ..text.fold import normalise_text
from .encoded import Encoded

#: A fuzzy match must score at least this (0–100) to be taken.
ACCEPT = 80
#: An English name typed with a slip: the whole name `ACCEPT` close (rapidfuzz ratio), and
#: every word typed this close to a word of it (`_word_by_word`): `department of tourism` is
#: the Department of Culture and Tourism; `department of industri`, 81 from `department of
#: justice` as a string, is not the Department of Justice.
ENGLISH_WORD = 80
#: Candidates scoring within this of the best are too close to choose between.
TIE = 4
#: How a provincial name starts, left off when people type it (`科技厅` for 省科技厅).
_PROVINCE = ("山东省", "省")
#: Longest name worth matching (longer input is refused, not fuzzed).
MAX_NAME = 100


class Agency(namedtuple("Agency", "name full kind parent aliases renamed_to rename_note linked")):
    """An agency of the registry, with the names linked to it by renames (``linked``)."""

    __slots__ = ()

    @property
    def names(self) -> list[str]:
        """This agency and every agency it was renamed from or to: whose duties it answers for."""
        return [self.name, *self.linked]


def _row_to_agency(conn: sqlite3.Connection, row: sqlite3.Row) -> Agency:
    return Agency(
        name=row["name"],
        full=row["full"],
        kind=row["kind"],
        parent=row["parent"],
        aliases=json.loads(row["aliases"]),
        renamed_to=row["renamed_to"],
        rename_note=row["rename_note"],
        linked=linked_names(conn, row["name"]),
    )


def linked_names(conn: sqlite3.Connection, name: str) -> list[str]:
    """Agencies joined to ``name`` by `renamed_to`, in either direction, transitively."""
    edges = conn.execute("select name, renamed_to from agencies where renamed_to is not null").fetchall()
    group, frontier = {name}, [name]
    while frontier:
        cur = frontier.pop()
        for a, b in edges:
            for x, y in ((a, b), (b, a)):
                if x == cur and y not in group:
                    group.add(y)
                    frontier.append(y)
    group.discard(name)
    return sorted(group)


def get(conn: sqlite3.Connection, name: str) -> Agency:
    """The agency with canonical ``name`` (which must exist)."""
    row = conn.execute("select * from agencies where name = ?", (name,)).fetchone()
    return _row_to_agency(conn, row)


def resolve(conn: sqlite3.Connection, text: str, notes: list[str] | None = None) -> Agency:
    """The one agency ``text`` names; `SdError` (exit 2) when none or several fit. A name taken
    for a near spelling (one character off, `省科技斤` → 省科技厅, or the nearest name) is said
    in ``notes`` (`省科技斤 matched 省科技厅 (one character off)`), for the caller to print."""
    from .names import fold_name, one_edit

    wanted = fold_name(conn, text)  # 省科技廳 is 省科技厅
    if not wanted:
        raise SdError("The agency name is empty.")
    if len(wanted) > MAX_NAME:
        raise SdError(f"The agency name is too long ({len(wanted)} characters; at most {MAX_NAME}).")
    exact = {r[0] for r in conn.execute("select agency from agency_names where norm = ?", (wanted,))}
    said = notes if notes is not None else []
    if not exact and wanted.isascii() and any(c.isalpha() for c in wanted):
        return _resolve_english(conn, text, said)
    if len(exact) == 1:
        return get(conn, exact.pop())
    if len(exact) > 1:
        raise SdError(f"{text!r} names several agencies: {', '.join(sorted(exact))}.")
    forms = conn.execute(
        """select n.norm, n.agency from agency_names n join agencies a on a.name = n.agency
           where a.collective = 0 and n.norm not like 'en:%'"""
    ).fetchall()
    # a name is also typed without the province (`科技厅` for 省科技厅)
    bare = [(norm.removeprefix(p), agency) for norm, agency in forms for p in _PROVINCE if norm.startswith(p)]
    plain = {agency for norm, agency in bare if norm == wanted}
    if len(plain) == 1:  # the name without 省: the name, not a typo
        return get(conn, plain.pop())
    typo = one_edit(wanted, forms + bare)
    if typo:
        said.append(f"{text.strip()} matched {typo} (one character off)")
        return get(conn, typo)
    ranked = fuzzy(conn, wanted)
    if ranked and ranked[0][1] >= ACCEPT:
        best = ranked[0][1]
        close = [name for name, score in ranked if score >= best - TIE]
        if len(close) == 1:
            said.append(f"{text.strip()} matched {close[0]} (the nearest name)")
            return get(conn, close[0])
        raise SdError(f"{text!r} is ambiguous: it could be {', '.join(close)}. Give one of these names.")
    near = ", ".join(name for name, _ in ranked[:5])
    hint = f" Nearest names: {near}." if near else ""
    raise SdError(f"No agency is called {text!r}.{hint} See 'sdtargets agencies' for the list.")


def _resolve_english(conn: sqlite3.Connection, text: str, notes: list[str], near: bool = True) -> Agency:
    """An agency named in English (`data/glossary.yaml`): its official English name, with or
    without `Shandong Provincial`, or an abbreviation of it. A national body's abbreviation
    (MIIT, NDRC) is not the provincial department: it is refused, naming the counterpart. A
    misspelt English word is read as the nearest word of the English vocabulary when the name
    as typed names nothing (`department of sceince` → 省科技厅), said in ``notes``; ``near``
    False: no name by spelling alone (the nearest by rapidfuzz)."""
    from ..kb.glossary import agency_key

    key = agency_key(text)
    found = {r[0] for r in conn.execute("select agency from agency_names where norm = ?", ("en:" + key,))}
    if len(found) == 1:
        return get(conn, found.pop())
    if len(found) > 1:
        raise SdError(f"{text!r} names several agencies: {', '.join(sorted(found))}.")
    national = conn.execute(
        "select label, zh from glossary where type = 'national' and en = ?", (key,)
    ).fetchone()
    if national:
        label, counterpart = national
        abbr, _, name = label.partition(": ")
        english = conn.execute(
            "select form from agency_names where agency = ? and type = 'english'", (counterpart,)
        ).fetchone()
        also = f" ({english[0]})" if english else ""
        raise SdError(
            f"{abbr} is the national {name}, not a Shandong agency; its provincial counterpart is"
            f" {counterpart}{also}: sdtargets agency {counterpart}."
        )
    from .names import english_agencies

    within = english_agencies(conn, key)  # part of an English name: `department of industry`
    if len(within) == 1:
        return get(conn, within[0])
    if 1 < len(within) <= 6:
        raise SdError(
            f"{text!r} is part of the English names of {', '.join(within)}. Give one of these names."
        )
    from .english import corrections

    readings: dict[str, str] = {}  # agency → the reading that named it
    for fixed in corrections(conn, text) if near and not within else []:
        try:  # read as corrected: by the name or part of it, never by spelling alone
            readings.setdefault(_resolve_english(conn, fixed, [], near=False).name, fixed)
        except SdError:
            pass
    if len(readings) == 1:
        ((name, fixed),) = readings.items()
        notes.append(f"{text.strip()} matched {name} (read as {fixed!r})")
        return get(conn, name)
    if len(readings) > 1:
        raise SdError(f"{text!r} is ambiguous: it could be {', '.join(readings)}. Give one of these names.")
    if not near:
        raise SdError(f"No agency is called {text!r}.")
    from rapidfuzz import fuzz

    rows = conn.execute("select form, norm, agency from agency_names where norm like 'en:%'").fetchall()
    scored = sorted(((fuzz.ratio(key, norm[3:]), agency, form) for form, norm, agency in rows), reverse=True)
    if scored and scored[0][0] >= ACCEPT:
        best = scored[0][0]
        close = sorted({agency for score, agency, _ in scored if score >= best - TIE})
        if len(close) == 1 and _word_by_word(key, _english_key(conn, close[0])):
            notes.append(f"{text.strip()} matched {close[0]} (the nearest name)")
            return get(conn, close[0])
        if len(close) > 1:
            raise SdError(f"{text!r} is ambiguous: it could be {', '.join(close)}. Give one of these names.")
    near = list(dict.fromkeys(f"{form} ({agency})" for score, agency, form in scored[:3] if score >= 50))
    hint = f" Nearest names: {'; '.join(near)}." if near else ""
    raise SdError(f"No agency is called {text!r}.{hint} See 'sdtargets agencies' for the list.")


def _english_key(conn: sqlite3.Connection, agency: str) -> list[str]:
    """Every English key (`agency_key`) of ``agency``: its official name and abbreviations."""
    rows = conn.execute("select norm from agency_names where agency = ? and norm like 'en:%'", (agency,))
    return [norm[3:] for (norm,) in rows]


def _word_by_word(typed: str, names: list[str]) -> bool:
    """Whether some English name of the agency has, for each word typed, that word or a near
    spelling of it (`ENGLISH_WORD`): `department of justce` is the Department of Justice;
    `department of industri` is not, though as a whole string it scores 81 against it."""
    from rapidfuzz import fuzz

    words = typed.split()
    return any(
        all(any(fuzz.ratio(w, n) >= ENGLISH_WORD for n in name.split()) for w in words) for name in names
    )


def fuzzy(conn: sqlite3.Connection, wanted: str) -> list[tuple[str, float]]:
    """(canonical name, best score) for non-collective agencies, best first."""
    from rapidfuzz import fuzz

    best: dict[str, float] = {}
    rows = conn.execute(
        """select n.norm, n.agency from agency_names n join agencies a on a.name = n.agency
           where a.collective = 0"""
    ).fetchall()
    for norm, agency in rows:
        score = fuzz.ratio(wanted, norm)
        if len(wanted) >= 3:
            score = max(score, 0.9 * fuzz.partial_ratio(wanted, norm))
        if score > best.get(agency, -1):
            best[agency] = score
    return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))


def duties(
    conn: sqlite3.Connection,
    agency: Agency,
    filters,  # noqa: ANN001 - query.Filters
    role: str | None = None,
    encoded: bool = False,
) -> list[dict] | list[Encoded]:
    """`agency`: the items ``agency`` (or a name it was renamed from/to) leads or supports,
    in source order, each with its ``role``: objects, or with ``encoded`` still as JSON."""
    from .query import Filters, filtered_ids, items_by_id, items_encoded

    if role not in (None, "lead", "support"):
        raise SdError(f"Unknown role {role!r}: use lead or support.")
    # a copy: the caller's filters stay as given
    mine = Filters(**{**filters.__dict__, "agencies": agency.names, "role": role})
    ids = filtered_ids(conn, mine)
    if encoded:
        sql = (
            "select item_id from item_agencies"
            " where role = 'lead' and agency in (select value from json_each(?))"
        )
        led = {r[0] for r in conn.execute(sql, (json.dumps(agency.names, ensure_ascii=False),))}
        return [e.adding(role="lead" if e.id in led else "support") for e in items_encoded(conn, ids)]
    items = items_by_id(conn, ids)
    names = set(agency.names)
    for it in items:
        it["role"] = "lead" if names & set(it["lead"]) else "support"
    return items


def english_name(conn: sqlite3.Connection, name: str) -> str | None:
    """The agency's official English name (`data/glossary.yaml`), if the glossary gives one."""
    row = conn.execute(
        "select form from agency_names where agency = ? and type = 'english'", (name,)
    ).fetchone()
    return row[0] if row else None


#: `agencies --sort`: registry order, by name, or busiest first (led, supported, both).
SORTS = ("registry", "name", "led", "supported", "total")
_SORT_KEYS = {
    "name": lambda a: a["name"],
    "led": lambda a: -a["led"],
    "supported": lambda a: -a["supported"],
    "total": lambda a: -(a["led"] + a["supported"]),
}


def all_agencies(conn: sqlite3.Connection, kind: str | None = None, sort: str = "registry") -> list[dict]:
    """Every agency (of ``kind``) with its counts of led and supported items, in ``sort`` order
    (ties keep registry order); an unknown kind or order is refused, naming the known ones."""
    if kind is not None and kind not in (kinds := agency_kinds(conn)):
        raise SdError(f"Unknown agency kind {kind!r}: use one of {', '.join(kinds)}.")
    if sort not in SORTS:
        raise SdError(f"Unknown sort {sort!r}: use one of {', '.join(SORTS)}.")
    sql = """
        select a.name, a.full, a.kind, a.parent, a.aliases, a.renamed_to,
          (select count(*) from item_agencies x where x.agency = a.name and x.role = 'lead') as led,
          (select count(*) from item_agencies x where x.agency = a.name and x.role = 'support')
            as supported
        from agencies a
    """
    params: list[object] = []
    if kind:
        sql += " where a.kind = ?"
        params.append(kind)
    sql += " order by a.seq"
    out = []
    for r in conn.execute(sql, params):
        d = dict(r)
        d["aliases"] = json.loads(d["aliases"])
        out.append(d)
    if sort in _SORT_KEYS:
        out.sort(key=_SORT_KEYS[sort])
    return out


def agency_names(conn: sqlite3.Connection) -> list[str]:
    """Every name form (canonical, full, alias): for shell completion."""
    return [r[0] for r in conn.execute("select form from agency_names order by form")]


def issuers(conn: sqlite3.Connection, issuer: str | None) -> list[str]:
    """The agencies an `issuer` string names, by canonical name, in its order: a list of issuers
    (`山东省工业和信息化厅、省发展改革委`) names each; a name the registry does not know is kept
    as written (the string is the source's, not the registry's)."""
    out: list[str] = []
    for part in (issuer or "").replace("，", "、").split("、"):
        if not part.strip():
            continue
        norm = normalise_text(part)
        row = conn.execute("select agency from agency_names where norm = ?", (norm,)).fetchone()
        name = row[0] if row else part.strip()
        if name not in out:
            out.append(name)
    return out


def issued_by(conn: sqlite3.Connection, agency: Agency) -> list[dict]:
    """The documents ``agency`` issued: plans whose `issuer` names it (or a name it was renamed
    from or to), by any of its name forms; an issuer string listing several agencies
    (`山东省工业和信息化厅、省发展改革委`) counts for each, and the others are given as `with`
    (a joint document is not the agency's alone). Each plan is given with its items, counting
    its sub-plans' (a document's own items may all sit in its sub-plans)."""
    from .query import plans

    wanted = set(agency.names)
    rows = plans(conn, targets=False)
    family: dict[str, int] = {}
    for p in rows:
        family[p["id"]] = family.get(p["id"], 0) + p["items"]
        if p.get("parent"):
            family[p["parent"]] = family.get(p["parent"], 0) + p["items"]
    out = []
    for p in rows:
        named = issuers(conn, p.get("issuer"))
        if wanted & set(named):
            out.append({**p, "items": family[p["id"]], "with": [n for n in named if n not in wanted]})
    listed = {p["id"] for p in out}
    return [p for p in out if p.get("parent") not in listed]  # a document stands for its sub-plans


def agency_kinds(conn: sqlite3.Connection) -> list[str]:
    """The registry's kinds of agency (`省政府组成部门`, …), in registry order: for `--kind`."""
    return list(dict.fromkeys(r[0] for r in conn.execute("select kind from agencies order by seq")))
