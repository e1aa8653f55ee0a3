"""What every list view shares: an input line (words and `key:value` filters), the filter bar
that shows each filter's value, a few head lines, the rows and a caption.

A view answers as you type: each change of the line runs the view's `load` (the library's
own query, in `data`) in a worker thread, on a connection of its own, and redraws the rows
when it answers. The box never waits for a query: a key typed while one runs stops it
(`Connection.interrupt`) and starts its own, and an answer that is not the latest key's is
dropped, never drawn (`_show`). A bad filter (an unknown plan, year 20245) is said under the
box in the library's own sentence, and the last good rows stay.
"""

from __future__ import annotations

import contextlib
import sqlite3
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ....errors import SdError
from .. import data
from .querybox import QueryBox
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
        self._head, self._badges = "", {}
        self.loaded = False
        self._changes = 0  # the changes of the line so far; the last is the one to show
        self.shown = 0  # the change whose answer is drawn
        self._open_first = False  # Enter came before the answer: open its first row when drawn
        self._readers: dict[int, sqlite3.Connection] = {}  # change → its query's connection
        self._file: str | None = None  # the database's file, once asked

    def compose(self) -> ComposeResult:
        yield QueryBox(value=self.initial, placeholder=self.PLACEHOLDER, classes="query")
        yield Static(classes="filters")
        yield Static(classes="head")
        yield RowsTable(classes="rows")
        yield Static(classes="caption")

    def activate(self) -> None:
        """Load the view the first time it is shown: start-up pays for one view, not five."""
        if not self.loaded:
            self.loaded = True
            self.reload()

    # -- loading -------------------------------------------------------------------------------

    def load(self, conn: sqlite3.Connection, text: str) -> data.Listing:
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
        """Run the view's query for the current line here, in the app's thread, and redraw
        (the first load of a view, and every load of a database in memory)."""
        text = self.text
        self._filter_bar(text)
        try:
            listing, error = self.load(self.conn, text), None
        except SdError as exc:
            listing, error = None, exc.message
        self._show(self._changes, listing, error)

    @property
    def answered(self) -> bool:
        """Whether the rows drawn answer the line as it is (no query of it still running)."""
        return self.shown == self._changes

    def _filter_bar(self, text: str) -> None:
        bar = self.query_one(".filters", Static)
        bar.update(data.filters_text(data.parse_line(text), self.KEYS) if self.KEYS else "", layout=False)
        bar.display = bool(self.KEYS)

    def _load_in_thread(self, path: str, text: str, change: int) -> None:
        """A worker thread's query for change ``change`` of the line; its answer is shown only
        if no later change came meanwhile (a later one interrupts its SQL, `_start_load`)."""
        if change != self._changes:
            return  # a later key came before this query started
        conn = self._readers[change] = data.reader(path)
        if change != self._changes:  # a later key came while it opened: it was not interrupted
            self._readers.pop(change, None)
            return
        try:
            listing, error = self.load(conn, text), None
        except SdError as exc:
            listing, error = None, exc.message
        except sqlite3.Error as exc:
            if data.interrupted(exc) and change != self._changes:
                return  # stopped by a later key, whose query answers instead
            raise
        finally:
            self._readers.pop(change, None)
        if change == self._changes:
            with contextlib.suppress(RuntimeError):  # the app closed while it ran
                self.app.call_from_thread(self._show, change, listing, error)

    def _start_load(self, change: int) -> None:
        """Load change ``change`` of the line: in a worker thread (the queries before it are
        interrupted), or here when the database is in memory."""
        self._filter_bar(self.text)
        if self._file is None:
            self._file = data.database_file(self.conn) or ""
        if not self._file:
            self.call_later(self._reload_if_last, change)
            return
        for earlier, conn in list(self._readers.items()):
            if earlier < change:
                conn.interrupt()
        work = partial(self._load_in_thread, self._file, self.text, change)
        self.run_worker(work, thread=True, exclusive=True, group=f"load-{self.id}")

    def _show(self, change: int, listing: data.Listing | None, error: str | None) -> None:
        """Draw the answer to change ``change`` of the line, unless a later change was made:
        a stale answer never replaces a newer one (nor the rows while the newer is coming).
        ``listing`` None: the line was refused (``error``); the last good rows stay."""
        if change != self._changes:
            return
        if listing is not None:
            self.listing = listing
        self.error = error  # the sentence replaces the caption
        self.draw()
        self.shown = change
        if self._open_first:
            self._open_first = False
            self._open_current()

    def draw(self) -> None:
        """Redraw the head, rows and caption of the current listing at the current width. The
        rows are drawn a page at a time (`more` adds the next as the cursor nears the end):
        a keystroke that matches hundreds of items costs what one screenful costs."""
        listing = self.listing
        head = self.query_one(".head", Static)
        text = "\n".join(listing.head)
        if text != self._head:
            head.update(text)
            head.display, self._head = bool(text), text
        self._badges = {}
        self.query_one(RowsTable).show(self.cols(), self._page(0), max(self.app.size.width, 40))
        notes = "".join(f"  {n}" for n in listing.notes)
        caption = self.query_one(".caption", Static)
        caption.set_class(self.error is not None, "error")
        caption.update(
            Text(self.error, style="bold") if self.error else listing.caption + notes, layout=False
        )

    def _page(self, start: int) -> list[list[str | Text]]:
        """The cells of the rows from ``start``, one page of them, with their verdict badges."""
        end = min(start + data.PAGE, len(self.listing.rows))
        rows = [data.row(self.listing, i) for i in range(start, end)]
        self._badges.update(data.badges(self.conn, [i for i in map(self.item_id, rows) if i]))
        return [self.cells(r) for r in rows]

    def more(self) -> None:
        """Draw the next page of rows, if any are left."""
        table = self.query_one(RowsTable)
        if table.row_count < len(self.listing.rows):
            table.append(self._page(table.row_count))

    def id_width(self, key: str = "id") -> int:
        """The id column's width: the longest id listed, 12 to 22 cells (a fifth of the width
        at most: at 80 columns the title keeps its room)."""
        rows = self.listing.rows
        shown = rows.page if isinstance(rows, data.FirstPage) else rows  # never the rest, for a width
        longest = max((len(data.row_id(r, key) or "") for r in shown), default=0)
        return min(max(longest, 12), 22, max(12, self.app.size.width // 5))

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
        return data.row(self.listing, table.cursor_row)

    # -- events --------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        """Each change starts a load of its own and stops the ones before it: keys typed
        during a slow query (one character, on a large base) cost one query to the end, and
        the box takes every key at once."""
        event.stop()
        if self.loaded:  # a view not shown yet loads when it is (`activate`)
            self._changes += 1
            self._start_load(self._changes)

    def _reload_if_last(self, change: int) -> None:
        if change == self._changes:
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the box opens the row under the cursor (the first, after typing): the first
        of what was typed, so Enter typed before the answer opens it when it comes."""
        event.stop()
        if not self.answered:
            self._open_first = True
        else:
            self._open_current()

    def _open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.post_message(self.Open(self, row))

    def on_rows_table_row_highlighted(self, event: RowsTable.RowHighlighted) -> None:
        if event.cursor_row >= event.rows_table.row_count - 3:
            self.more()

    def on_rows_table_row_selected(self, event: RowsTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Open(self, data.row(self.listing, event.cursor_row)))

    def on_key(self, event) -> None:  # noqa: ANN001 - events.Key
        """Down from the box goes to the rows; up from the first row comes back."""
        table = self.query_one(RowsTable)
        box = self.query_one(Input)
        focused = self.screen.focused  # now, not `has_focus`, which follows a message later
        # focus moved at once (`set_focus`, not `focus`, which waits its turn): keys typed
        # quickly after this one, already queued, go to the widget that now has it
        if event.key == "down" and focused is box and table.row_count:
            self.screen.set_focus(table)
        elif event.key in ("up", "k") and focused is table and table.cursor_row == 0:
            self.screen.set_focus(box)
        elif focused is table and event.key in ("down", "up", "enter"):
            # here, not by the table's bindings: keys typed in a burst reach the box's queue
            # before the focus moved, and would otherwise be lost on the way
            if event.key == "enter":
                self.post_message(self.Open(self, data.row(self.listing, table.cursor_row)))
            else:
                table.action_cursor_down() if event.key == "down" else table.action_cursor_up()
        else:
            return
        event.stop()
        event.prevent_default()

    def on_resize(self) -> None:
        if self.loaded:
            self.draw()

    def focus_box(self) -> None:
        self.screen.set_focus(self.query_one(Input))
