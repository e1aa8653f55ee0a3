"""What every list view shares: an input line (words and `key:value` filters), the filter bar
that shows each filter's value, a few head lines, the rows and a caption.

A view answers as you type: each change of the line runs the view's `load` (the library's
own query, in `data`) and redraws the rows. A bad filter (an unknown plan, year 20245) is
said under the box in the library's own sentence, and the last good rows stay.
"""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ...errors import SdError
from .. import data
from .rows import Col, RowsTable


class ListView(Vertical):
    """A list view. Subclasses say which filters they take, their placeholder, how to load
    and how a row looks (`cols`, `cells`)."""

    KEYS: tuple[str, ...] = ()
    PLACEHOLDER = ""

    class Open(Message):
        """A row was chosen (Enter or a click): the app decides what opening it means."""

        def __init__(self, view: ListView, row: dict) -> None:
            super().__init__()
            self.view, self.row = view, row

    def __init__(self, conn: sqlite3.Connection, text: str = "", **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.conn, self.initial = conn, text
        self.listing = data.Listing([], "")
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Input(value=self.initial, placeholder=self.PLACEHOLDER, classes="query")
        yield Static(classes="filters")
        yield Static(classes="head")
        yield RowsTable(classes="rows")
        yield Static(classes="caption")

    def on_mount(self) -> None:
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    def load(self, text: str) -> data.Listing:
        raise NotImplementedError

    def cols(self) -> list[Col]:
        raise NotImplementedError

    def cells(self, row: dict) -> list[str | Text]:
        raise NotImplementedError

    @property
    def text(self) -> str:
        return self.query_one(Input).value

    def set_text(self, text: str) -> None:
        """Put ``text`` in the box (and so reload) with the cursor at its end."""
        box = self.query_one(Input)
        box.value = text
        box.cursor_position = len(text)

    def reload(self) -> None:
        """Run the view's query for the current line and redraw (the one place that loads)."""
        text = self.text
        bar = self.query_one(".filters", Static)
        bar.update(data.filters_text(data.parse_line(text), self.KEYS) if self.KEYS else "")
        bar.display = bool(self.KEYS)
        try:
            self.listing, self.error = self.load(text), None
        except SdError as exc:
            self.error = exc.message  # the last good rows stay, the sentence replaces the caption
        self.draw()

    def draw(self) -> None:
        """Redraw the head, rows and caption of the current listing at the current width."""
        listing = self.listing
        head = self.query_one(".head", Static)
        head.update("\n".join(listing.head))
        head.display = bool(listing.head)
        shown = listing.rows[: data.MAX_ROWS]
        badges = data.badges(self.conn, [self.item_id(r) for r in shown if self.item_id(r)])
        self._badges = badges
        table = self.query_one(RowsTable)
        table.show(self.cols(), [self.cells(r) for r in shown], max(self.app.size.width, 40))
        more = f" (first {len(shown)} shown; e exports all)" if len(shown) < len(listing.rows) else ""
        notes = "".join(f"  {n}" for n in listing.notes)
        caption = self.query_one(".caption", Static)
        caption.set_class(self.error is not None, "error")
        caption.update(Text(self.error, style="bold") if self.error else listing.caption + more + notes)

    def id_width(self, key: str = "id") -> int:
        """The id column's width: the longest id listed (12 to 22 cells)."""
        longest = max((len(r.get(key) or "") for r in self.listing.rows[: data.MAX_ROWS]), default=0)
        return min(max(longest, 12), 22)

    def badge(self, row: dict) -> str:
        """The row's item's targets by verdict (`✓2 ·3`)."""
        return self._badges.get(self.item_id(row) or "", "")

    @staticmethod
    def item_id(row: dict) -> str | None:
        """The item a row is (an item) or belongs to (a target: its ``item``)."""
        return row.get("id") if "kind" in row and "id" in row else row.get("item")

    def current(self) -> dict | None:
        """The row under the cursor, if any."""
        table = self.query_one(RowsTable)
        if not table.row_count:
            return None
        return self.listing.rows[table.cursor_row]

    # -- events --------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the box opens the row under the cursor (the first, after typing)."""
        event.stop()
        row = self.current()
        if row is not None:
            self.post_message(self.Open(self, row))

    def on_data_table_row_selected(self, event: RowsTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Open(self, self.listing.rows[event.cursor_row]))

    def on_key(self, event) -> None:  # noqa: ANN001 - events.Key
        """Down from the box goes to the rows; up from the first row comes back."""
        table = self.query_one(RowsTable)
        box = self.query_one(Input)
        if event.key == "down" and box.has_focus and table.row_count:
            table.focus()
            event.stop()
        elif event.key in ("up", "k") and table.has_focus and table.cursor_row == 0:
            box.focus()
            event.stop()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.draw()

    def focus_box(self) -> None:
        self.query_one(Input).focus()
