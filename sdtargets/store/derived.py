"""The tables made from the whole base in Python alone: a broad search's first pages
(`broad_pages`, `broad.py`) and the verdicts (`progress`, `progress.py`).

They are a third of a large base's build (at 100× the real one ~23 s of ~61) and need nothing
the build writes. So a large base makes them in a second process (`fork.py`), into a side file
that the build copies in at its end (`copy_side`), while the first process writes every other
table; a small base, or a system without `fork`, makes them in the store itself (`write`), from
the strings the build stored. Either way the rows are the same: the second process folds each
item by the build's own code (`fields.py`), and a test compares the two stores table by table.
"""

from __future__ import annotations

import functools
import sqlite3

from ..text.fold import search_fold, t2s_table
from . import progress
from .bm25f import stats_of
from .broad import broad_rows
from .fields import add_lengths, field_row, new_sums, plan_names, search_tail
from .tables import TABLES, VERDICT_TABLES, insert_rows

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from ..kb.load import KnowledgeBase

#: The tables written here.
DERIVED = ("broad_pages", "progress")


def write(db, kb: KnowledgeBase, fields: Iterable[tuple], stats: dict) -> None:  # noqa: ANN001 - sqlite_utils.Database
    """Insert ``kb``'s broad pages and verdicts into ``db``, whose tables exist: ``fields`` the
    items' folded strings as `broad.broad_rows` reads them, ``stats`` their statistics."""
    rows = broad_rows(fields, stats, [item["_seq"] for item in kb.items])
    insert_rows(db, "broad_pages", ({"term": t, "item_id": i, "best": b, "df": n} for t, i, b, n in rows))
    seq = {item["id"]: item["_seq"] for item in kb.items}
    insert_rows(db, "progress", ({**row, "seq": seq[row["item_id"]]} for row in progress.progress_rows(kb)))


def write_side(kb: KnowledgeBase, path: Path) -> None:
    """The same rows into a new SQLite file at ``path`` (the second process's work), from
    strings folded here as the build folds them."""
    import sqlite_utils

    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode = OFF")
    conn.execute("pragma synchronous = OFF")
    db = sqlite_utils.Database(conn)
    layouts = {**TABLES, **VERDICT_TABLES}
    for name in DERIVED:
        columns, pk = layouts[name]
        db[name].create(columns, pk=pk)
    fields, stats = folded_fields(kb)
    write(db, kb, fields, stats)
    conn.commit()
    conn.close()


def folded_fields(kb: KnowledgeBase) -> tuple[list[tuple], dict]:
    """Each item's folded strings, as `broad.stored_fields` reads them from a built store, and
    their statistics, as `bm25f.field_stats` does: the same strings, by the same functions."""
    t2s = t2s_table()
    fold_name = functools.cache(functools.partial(search_fold, t2s=t2s))
    names = plan_names(kb.plans, t2s)
    sums = new_sums()
    out = []
    for item in kb.items:
        row = field_row(item, t2s, names, fold_name)
        add_lengths(sums, row)
        body = row["body"]
        out.append(
            (row["id"], row["title"], row["metric"], row["section"], body, row["agency"], row["plan"])
            + (body + search_tail(item, t2s),)
        )
    return out, stats_of(sums)


def copy_side(conn: sqlite3.Connection, path: Path) -> None:
    """Copy the side file's tables (`write_side`) into the store being built (``conn``): SQLite
    copies the rows, in their order, without a Python object for any of them."""
    conn.commit()  # no ATTACH inside a transaction
    conn.execute("attach database ? as side", (str(path),))
    try:
        layouts = {**TABLES, **VERDICT_TABLES}
        for name in DERIVED:
            cols = ", ".join(f"[{c}]" for c in layouts[name][0])
            sql = f"insert into main.[{name}] ({cols}) select {cols} from side.[{name}] order by rowid"  # noqa: S608 - the build's own names
            conn.execute(sql)
        conn.commit()
    finally:
        conn.execute("detach database side")
