"""The due view: every target and deadline in a year or range (`2025`, `2024-2026 implied`)."""

from __future__ import annotations

import datetime
import sqlite3

from rich.text import Text

from .. import data
from .listview import ListView
from .rows import Col


class DueView(ListView):
    KEYS = ("plan", "agency", "kind")
    PLACEHOLDER = "a year or range (2025, 2024-2026), `implied`, and filters: plan: agency: kind:"

    def load(self, conn: sqlite3.Connection, text: str) -> data.Listing:
        return data.due(conn, text, datetime.date.today().year)

    def cols(self) -> list[Col]:
        return [
            Col("id", self.id_width()),
            Col("title", ratio=2),
            Col("lead", ratio=1),
            Col("due", ratio=3),
            Col("verdicts", 10),
        ]

    def cells(self, row: dict) -> list[str | Text]:
        due = "; ".join(f"{t['metric']} {data.value_text(t)} {data.year_text(t)}" for t in row["due"])
        lead = "、".join(row["lead"])
        return [row["id"], row["title"], lead, due or f"deadline {data.years_text(row)}", self.badge(row)]
