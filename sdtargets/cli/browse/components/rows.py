"""The rows of every list view: a line-API widget whose columns share the terminal's width.

Cells are cut to their column by display width (a CJK character takes two cells), with an
ellipsis, so a row is one line at 80 columns as at 200. j/k move like the arrows.

Why not Textual's `DataTable`: it renders every cell through Rich (a `Padding` per cell, every
cache dropped by `clear`), so redrawing the rows after a keystroke took ~100 ms of the ~150 ms
the real base's keystroke took (docs/performance.md, "Browse keystrokes"). Here a row is made
into segments once, when it is first drawn; drawing a line is the row's segments with its
stripe or cursor style, so a keystroke costs its query and one screenful of cheap lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


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


class RowsTable(ScrollView, can_focus=True):
    """A list view's rows under a header line: whole-row cursor, zebra stripes, vim keys.

    The interface the views use is `DataTable`'s, for what they use of it: `row_count`,
    `cursor_row`, `get_cell_at`, `move_cursor`, the cursor actions, and the messages
    `RowHighlighted` (the cursor moved) and `RowSelected` (Enter or a click on the cursor's row)."""

    COMPONENT_CLASSES = {"rows--header", "rows--cursor", "rows--even-row"}
    DEFAULT_CSS = """
    RowsTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .rows--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .rows--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .rows--even-row {
            background: $surface-darken-1 40%;
        }
        & > .rows--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .rows--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .rows--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("enter", "select_cursor", "select", show=False),
        Binding("up,k", "cursor_up", "up", show=False),
        Binding("down,j", "cursor_down", "down", show=False),
        Binding("pageup", "page_up", "page up", show=False),
        Binding("pagedown", "page_down", "page down", show=False),
        Binding("home,g", "scroll_top", "first", show=False),
        Binding("end,G", "scroll_bottom", "last", show=False),
    ]

    class _RowMessage(Message):
        """A message about row ``cursor_row`` of ``rows_table`` (its `control`)."""

        def __init__(self, rows_table: RowsTable, cursor_row: int) -> None:
            super().__init__()
            self.rows_table, self.cursor_row = rows_table, cursor_row

        @property
        def control(self) -> RowsTable:
            return self.rows_table

    class RowHighlighted(_RowMessage):
        """The cursor moved to ``cursor_row``."""

    class RowSelected(_RowMessage):
        """Enter, or a click on the row under the cursor: ``cursor_row`` is chosen."""

    def __init__(self, **kwargs) -> None:  # noqa: ANN003 - Widget's own
        super().__init__(**kwargs)
        self._layout: list[tuple[str, int]] = []
        self._header: list[Segment] = []
        self._cells: list[list[Text]] = []
        self._lines: list[list[Segment] | None] = []  # each row's segments, made when first drawn
        self.cursor_row = 0

    # -- contents ------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._lines)

    def get_cell_at(self, coordinate: tuple[int, int]) -> Text:
        """The cell at (row, column), as fitted to its column."""
        row, column = coordinate
        return self._cells[row][column]

    def show(self, cols: list[Col], rows: list[list[str | Text]], total: int) -> None:
        """Replace the rows: ``rows`` are cells in ``cols`` order, fitted to ``total`` cells.
        The cursor goes back to the first row, the view to the top."""
        ws = widths(total, cols)
        self._layout = [(c.label, w) for c, w in zip(cols, ws, strict=True)]
        self._header = self._segments([fit(c.label, w) for c, w in zip(cols, ws, strict=True)])
        self._cells, self._lines = [], []
        self.cursor_row = 0
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.append(rows)

    def append(self, rows: list[list[str | Text]]) -> None:
        """Add rows after the last, fitted to the columns."""
        ws = [w for _, w in self._layout]
        for cells in rows:
            self._cells.append([fit(cell, w) for cell, w in zip(cells, ws, strict=True)])
            self._lines.append(None)
        size = Size(sum(ws) + 2 * len(ws), len(self._lines) + 1)  # + 1: the header line
        if size != self.virtual_size:
            self.virtual_size = size
        self.refresh()

    def _segments(self, cells: list[Text]) -> list[Segment]:
        """One line's segments: each cell padded to its column's width, one space each side,
        marked with its column (so that a screenshot keeps the cells apart, as a terminal does)."""
        console = self.app.console
        out: list[Segment] = []
        for k, (cell, (_, w)) in enumerate(zip(cells, self._layout, strict=True)):
            mark = Style.from_meta({"column": k})
            out.append(Segment(" ", mark))
            out.extend(Segment.apply_style(cell.render(console, end=""), mark))
            out.append(Segment(" " * (w - cell.cell_len + 1), mark))
        return out

    # -- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the widget: the header, then the rows from the scroll position."""
        width = self.size.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("rows--header")
            return Strip(self._header).apply_style(style).adjust_cell_length(width, style)
        row = int(self.scroll_offset.y) + y - 1
        if row >= len(self._lines):
            return Strip.blank(width, base)
        if row == self.cursor_row:
            style = base + self.get_component_rich_style("rows--cursor")
        elif row % 2 == 0:
            style = base + self.get_component_rich_style("rows--even-row")
        else:
            style = base
        style += Style.from_meta({"row": row})
        line = self._lines[row]
        if line is None:
            line = self._lines[row] = self._segments(self._cells[row])
        return Strip(line).apply_style(style).adjust_cell_length(width, style)

    # -- the cursor ----------------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Put the cursor on ``row`` (kept inside the rows), in view, and say so."""
        row = max(0, min(row, len(self._lines) - 1))
        if row == self.cursor_row or not self._lines:
            return
        self.cursor_row = row
        visible = max(1, self.scrollable_content_region.height - 1)  # less the header
        top = int(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.RowHighlighted(self, row))

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - max(1, self.scrollable_content_region.height - 1))

    def action_scroll_top(self) -> None:
        self.move_cursor(0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(len(self._lines) - 1)

    def action_select_cursor(self) -> None:
        if self._lines:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def _on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row; a click on the cursor's row chooses it."""
        row = event.style.meta.get("row")
        if row is None:
            return
        event.stop()
        if row == self.cursor_row:
            self.post_message(self.RowSelected(self, row))
        else:
            self.move_cursor(row)
