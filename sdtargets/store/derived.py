"""The tables made from the whole base in Python alone: a broad search's first pages
(`broad_pages`, `broad.py`), the verdicts (`progress`, `progress.py`) and each item's JSON
(`item_json`, `objects.py`).

They are half of a large base's build (at 100× the real one ~30 s of ~61) and need nothing
the build writes but every item's folded strings (`fold_items`, made once before). So a large
base makes them in a second process (`fork.py`), into a side file that the build copies in at
its end (`copy_side`), while the first process writes every other table; a small base, or a
system without `fork`, makes them in the store itself (`write`). The rows are the same either
way: a test compares the two stores table by table.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from . import progress
from .bm25f import stats_of
from .broad import broad_rows
from .fields import add_lengths, field_row, folded_plan_names, new_sums, search_tail
from .objects import json_row
from .tables import LAYOUTS, insert_rows, new_file_pragmas

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from ..kb.load import KnowledgeBase

#: The tables written here.
DERIVED = ("item_json", "broad_pages", "progress")


class Folded(NamedTuple):
    """Every item's folded strings, in the base's order: its `item_fields` row, its search text
    (`item_search`: the folded text, then `fields.search_tail`), and the fields' length sums
    (`meta.stats`)."""

    fields: list[dict]
    searches: list[str]
    sums: dict[str, int]

    def for_broad(self) -> Iterator[tuple]:
        """As `broad.broad_rows` reads them."""
        for row, search in zip(self.fields, self.searches, strict=True):
            yield (
                row["id"],
                row["title"],
                row["metric"],
                row["section"],
                row["body"],
                row["agency"],
                row["plan"],
                search,
            )


def fold_items(kb: KnowledgeBase, t2s: dict[int, str], fold_name: Callable[[str], str]) -> Folded:
    """Fold every item of ``kb`` once (``fold_name`` folds the names items share)."""
    names = folded_plan_names(kb.plans, t2s)
    sums = new_sums()
    fields, searches = [], []
    for item in kb.items:
        row = field_row(item, t2s, names, fold_name)
        add_lengths(sums, row)
        fields.append(row)
        searches.append(row["body"] + search_tail(item, t2s))
    return Folded(fields, searches, sums)


def write(db, kb: KnowledgeBase, folded: Folded, first: int = 0) -> None:  # noqa: ANN001 - sqlite_utils.Database
    """Insert ``kb``'s items as JSON from the ``first``-th item on (the first process writes
    those before it: `json_rows`), its broad pages and verdicts into ``db``, whose tables exist."""
    insert_rows(db, "item_json", json_rows(kb, first, len(kb.items)))
    rows = broad_rows(folded.for_broad(), stats_of(folded.sums), [item["_seq"] for item in kb.items])
    insert_rows(db, "broad_pages", ({"term": t, "item_id": i, "best": b, "df": n} for t, i, b, n in rows))
    seq = {item["id"]: item["_seq"] for item in kb.items}
    insert_rows(db, "progress", ({**row, "seq": seq[row["item_id"]]} for row in progress.progress_rows(kb)))


def json_rows(kb: KnowledgeBase, start: int, stop: int) -> Iterator[dict]:
    """`item_json`'s rows of ``kb``'s items from ``start`` to ``stop``. The two processes each
    make half (`build.py`): without them, the rest of their work is about equal (at 100× the base
    28.8 and 28.6 s), and the first's half goes in first, so the rows keep the base's order."""
    plans = {p["id"]: p for p in kb.plans}
    for item in kb.items[start:stop]:
        yield json_row(item, plans[item["plan"]])


def write_side(kb: KnowledgeBase, folded: Folded, path: Path, first: int) -> None:
    """The same rows into a new SQLite file at ``path``: the second process's work."""
    import sqlite_utils

    conn = sqlite3.connect(path)
    new_file_pragmas(conn)
    db = sqlite_utils.Database(conn)
    for name in DERIVED:
        columns, pk = LAYOUTS[name]
        db[name].create(columns, pk=pk)
    write(db, kb, folded, first)
    conn.commit()
    conn.close()


def copy_side(conn: sqlite3.Connection, path: Path) -> None:
    """Copy the side file's tables (`write_side`) into the store being built (``conn``): SQLite
    copies the rows, in their order, without a Python object for any of them."""
    conn.commit()  # no ATTACH inside a transaction
    conn.execute("attach database ? as side", (str(path),))
    try:
        for name in DERIVED:
            cols = ", ".join(f"[{c}]" for c in LAYOUTS[name][0])
            sql = f"insert into main.[{name}] ({cols}) select {cols} from side.[{name}] order by rowid"  # noqa: S608 - the build's own names
            conn.execute(sql)
        conn.commit()
    finally:
        conn.execute("detach database side")
