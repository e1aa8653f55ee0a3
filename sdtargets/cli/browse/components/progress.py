"""The progress view: the scorecard per target year on top, then every target with its verdict,
gap and the reported figure that settled it; `status:` and `year:` filter the targets."""

from __future__ import annotations

import sqlite3

from rich.text import Text

from .. import data
from .listview import ListView
from .rows import Col


class ProgressView(ListView):
    KEYS = ("status", "year", "plan", "agency", "kind")
    PLACEHOLDER = "filters: status:met,behind year: plan: agency: kind: (words narrow the items)"

    def load(self, conn: sqlite3.Connection, text: str) -> data.Listing:
        return data.progress(conn, text)

    def cols(self) -> list[Col]:
        return [
            Col("item", self.id_width("item")),
            Col("metric", ratio=2),
            Col("target", ratio=2, minimum=10),
            Col("status", 16),
            Col("result", ratio=2),
        ]

    def cells(self, row: dict) -> list[str | Text]:
        target = f"{data.year_text(row)} {data.value_text(row)}"
        status = data.marks()[row["status"]] + (f" {row['gap']}" if row.get("gap") else "")
        result = row.get("result")
        figure = f"{data.value_text(result)} {result['year']} {result['item']}" if result else "—"
        return [row["item"], row["metric"], target, status, figure]
