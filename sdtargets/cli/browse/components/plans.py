"""The plans view: the documents and sub-plans; Enter lists a plan's items in the search view."""

from __future__ import annotations

import sqlite3

from rich.text import Text

from .. import data
from .listview import ListView
from .rows import Col


class PlansView(ListView):
    PLACEHOLDER = "words of a plan's id, alias or title (2024, 绿色, gwr)"

    def load(self, conn: sqlite3.Connection, text: str) -> data.Listing:
        return data.plans(conn, text)

    def cols(self) -> list[Col]:
        return [Col("id", 16), Col("title", ratio=3), Col("period", 9), Col("items", 6), Col("targets", 7)]

    def cells(self, row: dict) -> list[str | Text]:
        period = "–".join(dict.fromkeys(map(str, row["period"])))
        return [
            row["id"],
            ("  " if row.get("parent") else "") + (row["short"] or row["title"]),
            period,
            str(row["items"]),
            str(row["targets"]),
        ]
