"""Building the SQLite store: a loaded knowledge base in, the tables' rows out, one writer.

Building uses sqlite-utils to declare the tables, indexes and full-text index (convenient, ~100
ms to import) and plain `executemany` for the rows (`insert_rows`); querying (the modules beside
this one) uses the standard `sqlite3` module only, so that a warm `find` pays for neither. Every
table is written here, the verdicts too: `progress` makes their rows as data, this module
inserts them. Opening, caching and rebuilding on demand are `db`'s.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from pathlib import Path

from ..text.fold import normalise_text, search_fold, t2s_table
from .fields import ranked_title
from .objects import lead_word
from .tables import LAYOUTS, insert_rows, new_file_pragmas

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kb.load import KnowledgeBase
    from .derived import Folded

#: Bumped whenever the table layout changes, so that old caches are rebuilt.
SCHEMA_VERSION = "19"


#: A base of this many items or more makes its items' JSON, verdicts and broad pages in a second
#: process (`derived.py`) where two cores are free. At 100× the real base (105,200 items) that
#: took the build from 61 to 39 s (docs/performance.md). The real base (1,052) would gain a few
#: tenths of a second (~0.7 s against ~1.1 s), but its users get the shipped store and a
#: curator's rebuild is a second either way: it is built by one process.
PARALLEL_ITEMS = 10_000


def build(kb: KnowledgeBase, path: Path | str, parallel: bool | None = None) -> None:
    """Write ``kb`` into a new SQLite file at ``path`` (which must not exist yet).

    ``parallel``: make the items' JSON, verdicts and broad pages in a second process, into a
    file beside ``path`` that is copied in and deleted (`derived.py`); None decides by the
    base's size (`PARALLEL_ITEMS`) and the cores free. The store is the same either way.

    No VACUUM after: in a new file that only ever grew, nothing is free to reclaim (at 100x the
    base, 0 free pages of 270,606), and the VACUUM that rewrote it took 11.5 s of the build."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    # no journal, no fsync: a build that fails leaves a file that is deleted, never one that is
    # opened (the terms of the shipped copy, `db._bundled`)
    new_file_pragmas(db.conn)
    if parallel is None:
        from .fork import cores

        parallel = len(kb.items) >= PARALLEL_ITEMS and cores() >= 2
    _fill(db, kb, Path(f"{path}.side") if parallel else None)
    db.conn.commit()
    db.conn.close()


def build_memory(kb: KnowledgeBase) -> sqlite3.Connection:
    """The same database, in memory: the fallback when no file can be written."""
    import sqlite_utils

    conn = sqlite3.connect(":memory:")
    _fill(sqlite_utils.Database(conn), kb, None)
    conn.commit()
    return conn


def _fill(db, kb: KnowledgeBase, side: Path | None) -> None:  # noqa: ANN001 - sqlite_utils.Database, imported lazily
    """Every table of the store. With a ``side`` file, half the items' JSON, the verdicts and the
    broad pages are made in a second process while this one writes the rest, and copied in
    after; without one (or if that process fails), this process makes them after the rest."""
    from . import derived
    from .fork import Child

    for name, (columns, pk) in LAYOUTS.items():
        db[name].create(columns, pk=pk)
    # every item's folded strings, made once, before the second process starts: it ranks by
    # them (`broad_rows`) and this one stores them (`item_fields`, `item_search`)
    t2s = t2s_table()
    # headings, metrics and agency names recur across items (every item of a section carries its
    # headings): each is folded once, not once per item and table (~800,000 folds at 100x)
    fold_name = functools.cache(functools.partial(search_fold, t2s=t2s))
    folded = derived.fold_items(kb, t2s, fold_name)
    child = None
    half = len(kb.items) // 2 if side is not None else 0  # the items whose JSON this process makes
    if side is not None:
        side.unlink(missing_ok=True)
        child = Child.start(functools.partial(derived.write_side, kb, folded, side, half))
    try:
        _fill_base(db, kb, folded, t2s, fold_name)
        insert_rows(db, "item_json", derived.json_rows(kb, 0, half))
        if child is not None and child.join():
            derived.copy_side(db.conn, side)
        else:
            derived.write(db, kb, folded, half)
    finally:
        if child is not None:
            child.stop()
        if side is not None:
            side.unlink(missing_ok=True)
    db["broad_pages"].create_index(["term"])
    _fill_verdicts(db, kb)
    insert_rows(db, "meta", manifest_rows(db.conn))


def _fill_base(
    db, kb: KnowledgeBase, folded: Folded, t2s: dict[int, str], fold_name: Callable[[str], str]
) -> None:  # noqa: ANN001 - sqlite_utils.Database
    """The tables other than `derived.DERIVED`'s and the verdicts' vocabulary; ``folded`` the
    items' folded strings (`derived.fold_items`)."""
    from ..kb.load import COLLECTIVE_KIND as collective

    insert_rows(
        db,
        "meta",
        [
            {"key": "digest", "value": kb.digest},
            {"key": "stamp", "value": kb.stamp},
            {"key": "schema", "value": SCHEMA_VERSION},
        ],
    )
    insert_rows(
        db,
        "plans",
        (
            {
                "id": p["id"],
                "seq": i,
                "title": p["title"],
                "short": p.get("short") or p["title"],
                "aliases": json.dumps(p.get("aliases") or [], ensure_ascii=False),
                "number": p.get("number"),
                "issuer": p.get("issuer"),
                "publisher": p.get("publisher"),
                "issued": _s(p.get("issued")),
                "published": _s(p.get("published")),
                "period_start": p["period"][0],
                "period_end": p["period"][1],
                "source": p["source"],
                "url": p.get("url"),
                "parent": p.get("parent"),
                "note": p.get("note"),
            }
            for i, p in enumerate(kb.plans)
        ),
    )
    insert_rows(
        db,
        "agencies",
        (
            {
                "name": a["name"],
                "seq": i,
                "full": a.get("full"),
                "kind": a["kind"],
                "parent": a.get("parent"),
                "renamed_to": a.get("renamed_to"),
                "rename_note": a.get("rename_note"),
                "note": a.get("note"),
                "aliases": json.dumps(a.get("aliases") or [], ensure_ascii=False),
                "collective": int(a["kind"] == collective),
            }
            for i, a in enumerate(kb.agencies)
        ),
    )
    forms = []
    for a in kb.agencies:
        seen = set()
        for form, kind in [(a["name"], "name"), (a.get("full"), "full")] + [
            (x, "alias") for x in a.get("aliases") or []
        ]:
            if form and form not in seen:
                seen.add(form)
                forms.append({"form": form, "norm": normalise_text(form), "agency": a["name"], "type": kind})
    from ..kb.glossary import agency_forms

    forms += agency_forms(kb.glossary, {a["name"] for a in kb.agencies})
    insert_rows(db, "agency_names", forms)
    db["agency_names"].create_index(["norm"])

    # rows are generated, not collected (`insert_rows` streams them), so a large base never
    # holds a second copy of itself as row dicts
    insert_rows(db, "items", (_item_row(item) for item in kb.items))
    insert_rows(db, "fold_chars", ({"t": chr(k), "s": v} for k, v in t2s.items()))
    insert_rows(db, "item_fields", folded.fields)
    db.conn.executemany(
        "insert into item_search (rowid, id, search) values (?, ?, ?)",
        (
            (n, row["id"], search)
            for n, (row, search) in enumerate(zip(folded.fields, folded.searches, strict=True), 1)
        ),
    )
    insert_rows(
        db, "typo_words", ({"word": w, "items": n} for w, n in _typo_words(kb, t2s, fold_name).items())
    )
    insert_rows(db, "meta", [{"key": "stats", "value": json.dumps(folded.sums)}])
    from ..kb.glossary import glossary_rows

    insert_rows(db, "glossary", glossary_rows(kb.glossary, t2s))
    db["glossary"].create_index(["en"])
    insert_rows(
        db,
        "item_agencies",
        (
            {"item_id": item["id"], "agency": name, "role": role, "word": word, "position": pos}
            for item in kb.items
            for role, word in (("lead", lead_word(item)), ("support", item.get("support_word")))
            for pos, name in enumerate(item[role])
        ),
    )
    insert_rows(
        db,
        "targets",
        (_target_row(item["id"], pos, t) for item in kb.items for pos, t in enumerate(item["targets"])),
    )
    insert_rows(
        db,
        "item_years",
        (
            {"item_id": item["id"], "year": y, "implied": int(item["years_implied"])}
            for item in kb.items
            for y in item["years"]
        ),
    )
    for table, cols in (
        # the indexes carry the columns their queries read, so that at 100x no query on the
        # path of a first screen reads the wide rows (items' text, progress's JSON) to filter
        ("items", ["plan", "id"]),
        # in base order, with what the filters test: `select id … order by seq` from the index
        # alone, not from the wide rows (at 100x, 100 MB of them)
        ("items", ["seq", "id", "plan", "kind"]),
        ("items", ["id", "seq", "plan", "kind"]),
        ("item_agencies", ["agency", "role", "item_id"]),
        ("item_agencies", ["item_id"]),
        ("targets", ["item_id"]),
        # `due`'s years answered from the indexes alone (covering), not the rows
        ("targets", ["year", "year_implied", "item_id"]),
        ("targets", ["metric"]),
        ("item_years", ["year", "implied", "item_id"]),
    ):
        db[table].create_index(cols)
    _full_text_index(db.conn)


def _full_text_index(conn: sqlite3.Connection) -> None:
    """The trigram index of `item_search` (the table sqlite-utils' `enable_fts` makes, external
    content), filled with FTS5's incremental merging off and merged once at the end: the same
    index in one segment, in ~75% of the time (at 100× the base 15.2 and 17.0 s against 19.3 and
    23.2 s, queries as fast). The store is never written again, so merging is set back after.

    Case-sensitive: the text is folded already (`search_fold`: lower case) and so is every query,
    so the tokenizer's own case folding changed nothing but cost ~10% of the index's time; and
    a match is then exactly what GLOB over the folded text finds (`typos.items_with`'s other way).
    """
    conn.execute(
        "create virtual table item_search_fts using fts5(search, tokenize='trigram case_sensitive 1',"
        " content='item_search')"
    )
    conn.execute("insert into item_search_fts (item_search_fts, rank) values ('automerge', 0)")
    conn.execute("insert into item_search_fts (rowid, search) select rowid, search from item_search")
    conn.execute("insert into item_search_fts (item_search_fts) values ('optimize')")
    conn.execute("insert into item_search_fts (item_search_fts, rank) values ('automerge', 4)")


def manifest_rows(conn: sqlite3.Connection) -> list[dict]:
    """What this version built, recorded last so that the store can tell it from anything else:
    the program's version, every table, and the tables that hold rows. A cache whose tables
    differ (one dropped, one emptied, one added) or that another version wrote is rebuilt
    (`db.complete`), never trusted: a dropped `glossary` was a traceback, an emptied `items`
    a wrong answer (`show fyp14.ind2`: no such item)."""
    from .. import __version__

    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    sql = "select " + ", ".join(f"exists(select 1 from [{n}])" for n in names)  # noqa: S608 - SQLite's own names
    filled = [n for n, rows in zip(names, conn.execute(sql).fetchone(), strict=True) if rows]
    return [
        {"key": "version", "value": __version__},
        {"key": "tables", "value": json.dumps(names)},
        {"key": "filled", "value": json.dumps(filled)},
    ]


def _fill_verdicts(db, kb: KnowledgeBase) -> None:  # noqa: ANN001 - sqlite_utils.Database
    """What goes with the verdicts (`progress`, one row per assessed target, made once at build:
    `derived.py`; `show` and `agency` read them): their indexes, the horizon, and the metric
    vocabulary they were judged by."""
    from . import progress

    db["progress"].create_index(["item_id", "year", "status"])
    db["progress"].create_index(["status", "seq", "position", "plan", "year", "item_id"])
    insert_rows(db, "meta", [{"key": "horizon", "value": str(progress.horizon(kb.plans, kb.items))}])
    insert_rows(db, "metrics", progress.metric_rows(kb.vocabulary))
    insert_rows(db, "metric_links", progress.link_rows(kb.vocabulary))


def _typo_words(kb, t2s: dict[int, str], fold_name: Callable[[str], str]) -> dict[str, int]:  # noqa: ANN001 - load.KnowledgeBase
    """Every name of the base (titles, headings, metrics, agencies, glossary terms), folded, with
    the number of items that carry it (a glossary term counts once). ``fold_name`` folds the
    names items share; a title, its item's own, is folded without keeping it."""
    counts: dict[str, int] = {}
    for item in kb.items:
        title = ranked_title(item)
        names = {title, *item["section"], *(t["metric"] for t in item["targets"])}
        names.update(item["lead"] + item["support"])
        for name in names:
            w = search_fold(name, t2s) if name == title else fold_name(name)
            if w:
                counts[w] = counts.get(w, 0) + 1
    for zh in _glossary_chinese(kb.glossary):
        w = search_fold(zh, t2s)
        if w:
            counts.setdefault(w, 1)
    return counts


def _glossary_chinese(glossary: dict) -> set[str]:
    """The Chinese words of the glossary's terms."""
    out: set[str] = set()
    for words in (glossary or {}).get("terms", {}).values():
        out.update(words if isinstance(words, list) else [words])
    return out


def _item_row(item: dict) -> dict:
    return {
        "id": item["id"],
        "seq": item["_seq"],
        "plan": item["plan"],
        "kind": item["kind"],
        "section": json.dumps(item["section"], ensure_ascii=False),
        "title": item["title"],
        "text": item["text"],
        "file": item["_file"],
        "line": item["line"],
        "lead_word": lead_word(item),
        "support_word": item.get("support_word"),
        "lead_implied": item.get("lead_implied"),
        "agency_note": item.get("agency_note"),
        "category": item.get("category"),
        "attribute": item.get("attribute"),
        "years": json.dumps(item["years"]),
        "years_implied": int(item["years_implied"]),
        "note": item.get("note"),
    }


def _target_row(item_id: str, position: int, t: dict) -> dict:
    return {
        "item_id": item_id,
        "position": position,
        "metric": t["metric"],
        "value": t.get("value"),
        "value_max": t.get("value_max"),
        "unit": t["unit"],
        "value_base": t["value_base"],
        "base_unit": t["base_unit"],
        "year": t["year"],
        "year_implied": int(t["year_implied"]),
        "span": json.dumps(t["span"]) if t.get("span") else None,
        "average": int(bool(t.get("average"))),
        "part": t.get("part"),
        "cmp": json.dumps(t["cmp"], ensure_ascii=False),
        "baseline": json.dumps(t["baseline"], ensure_ascii=False) if t.get("baseline") else None,
        "raw": t.get("raw"),
        "correction": t.get("correction"),
        "note": t.get("note"),
        "quote": t["quote"],
    }


def _s(value: object) -> str | None:
    return None if value is None else str(value)
