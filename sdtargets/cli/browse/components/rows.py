"""The rows of every list view: a `DataTable` whose columns share the terminal's width.

Cells are cut to their column by display width (a CJK character takes two cells), with an
ellipsis, so a row is one line at 80 columns as at 200. j/k move like the arrows.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable


@dataclass(frozen=True)
class Col:
    """A column: its header, a fixed width, or a share (``ratio``) of what is left."""

    label: str
    width: int | None = None
    ratio: int = 1
    minimum: int = 6


def widths(total: int, cols: list[Col], padding: int = 1) -> list[int]:
    """Each column's width so that the row fills ``total`` cells (fixed ones first)."""
    free = total - sum(c.width or 0 for c in cols) - 2 * padding * len(cols) - 1  # 1: the scrollbar's
    flex = [c for c in cols if c.width is None]
    shares = sum(c.ratio for c in flex) or 1
    out = []
    for c in cols:
        out.append(c.width if c.width is not None else max(c.minimum, free * c.ratio // shares))
    return out


def fit(text: str | Text, width: int) -> Text:
    """``text`` on one line, cut to ``width`` cells with an ellipsis."""
    t = text.copy() if isinstance(text, Text) else Text(str(text).replace("\n", " "))
    t.truncate(width, overflow="ellipsis")
    return t


class RowsTable(DataTable):
    """A list view's rows: whole-row cursor, zebra stripes, vim keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "down", show=False),
        Binding("k", "cursor_up", "up", show=False),
        Binding("g", "scroll_top", "first", show=False),
        Binding("G", "scroll_bottom", "last", show=False),
    ]

    def __init__(self, **kwargs) -> None:  # noqa: ANN003 - DataTable's own
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._layout: list[tuple[str, int]] = []

    def show(self, cols: list[Col], rows: list[list[str | Text]], total: int) -> None:
        """Replace the rows: ``rows`` are cells in ``cols`` order, fitted to ``total`` cells.
        The columns are kept when they are unchanged (most keystrokes)."""
        ws = widths(total, cols)
        layout = [(c.label, w) for c, w in zip(cols, ws, strict=True)]
        if layout != self._layout:
            self.clear(columns=True)
            for label, w in layout:
                self.add_column(fit(label, w), width=w)
            self._layout = layout
        else:
            self.clear()
        self.append(rows)

    def append(self, rows: list[list[str | Text]]) -> None:
        """Add rows after the last, fitted to the columns."""
        ws = [w for _, w in self._layout]
        n = self.row_count
        for k, cells in enumerate(rows):
            self.add_row(*(fit(cell, w) for cell, w in zip(cells, ws, strict=True)), key=str(n + k))
