"""The search view: `find` as you type, each row with its id, title, years, lead and verdicts."""

from __future__ import annotations

import sqlite3

from rich.text import Text

from .. import data
from .listview import ListView
from .rows import Col


class SearchView(ListView):
    KEYS = ("plan", "agency", "year", "kind")
    PLACEHOLDER = "words (中文, English, typos, 繁體) and filters: plan: agency: year: kind:"

    def load(self, conn: sqlite3.Connection, text: str) -> data.Listing:
        return data.search(conn, text)

    def cols(self) -> list[Col]:
        return [
            Col("id", self.id_width()),
            Col("title", ratio=3, minimum=12),
            Col("years", 9),
            Col("lead", ratio=1),
            Col("verdicts", 10),
        ]

    def cells(self, row: dict) -> list[str | Text]:
        title = Text(row["title"])
        for a, b in data.spans(row["title"], self.listing.terms):
            title.stylize("bold reverse", a, b)
        return [row["id"], title, data.years_text(row), "、".join(row["lead"]), self.badge(row)]
