"""The agencies view: every agency with its counts; with a name typed (any of its names, or a
near spelling), its duties by plan under the `agency` head, with a verdict line per year."""

from __future__ import annotations

import sqlite3

from rich.text import Text

from .. import data
from .listview import ListView
from .rows import Col


class AgenciesView(ListView):
    KEYS = ("plan", "year", "kind", "role")
    PLACEHOLDER = "an agency (省科技厅, 科技厅, science) and filters: plan: year: kind: role:"

    def load(self, conn: sqlite3.Connection, text: str) -> data.Listing:
        return data.agencies(conn, text)

    def _duties(self) -> bool:
        return bool(self.listing.rows) and "role" in data.row(self.listing, 0)

    def cols(self) -> list[Col]:
        if self._duties():
            return [
                Col("id", self.id_width()),
                Col("role", 7),
                Col("title", ratio=3),
                Col("years", 9),
                Col("verdicts", 10),
            ]
        return [Col("agency", ratio=2), Col("kind", ratio=2), Col("led", 5), Col("supported", 9)]

    def cells(self, row: dict) -> list[str | Text]:
        if "role" in row:
            role = row.get("lead_word") if row["role"] == "lead" else row.get("support_word")
            return [row["id"], role or row["role"], row["title"], data.years_text(row), self.badge(row)]
        return [row["name"], row["kind"], str(row["led"]), str(row["supported"])]
