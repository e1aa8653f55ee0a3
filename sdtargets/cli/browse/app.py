"""The browse app: five views in tabs over one database connection, a detail screen, help.

The app only arranges widgets and routes keys (`keys.BINDINGS`); what is shown comes from
`data`, which asks the library. Styles are in `app.tcss`, the help text in `help.md`.
"""

from __future__ import annotations

import sqlite3

from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, TabbedContent, TabPane

from . import data
from .components.agencies import AgenciesView
from .components.detail import DetailScreen
from .components.due import DueView
from .components.listview import ListView
from .components.plans import PlansView
from .components.progress import ProgressView
from .components.rows import RowsTable
from .components.search import SearchView
from .keys import BINDINGS, VIEWS

INTERRUPTED = 130  # Ctrl-C, as the other commands report it

VIEW_CLASSES: dict[str, type[ListView]] = {
    "search": SearchView,
    "agencies": AgenciesView,
    "due": DueView,
    "progress": ProgressView,
    "plans": PlansView,
}


class BrowseApp(App[int]):
    """`sdtargets browse [QUERY]`: returns the exit code (0 on q, 130 on Ctrl-C)."""

    TITLE = "sdtargets browse"
    CSS_PATH = "app.tcss"
    BINDINGS = BINDINGS
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, conn: sqlite3.Connection, query: str = "", no_color: bool = False) -> None:
        super().__init__()
        self.conn, self.initial = conn, query
        if no_color and not self.no_color:  # --no-color, as NO_COLOR (which Textual reads itself)
            from textual.filter import Monochrome

            self.no_color = True
            self._filters.append(Monochrome())

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="search"):
            for view, title in VIEWS:
                with TabPane(title, id=view):
                    text = self.initial if view == "search" else ""
                    yield VIEW_CLASSES[view](self.conn, text, id=f"view-{view}")
        yield Footer()

    def on_mount(self) -> None:
        self.view().activate()
        self.view().focus_box()

    # -- where we are --------------------------------------------------------------------------

    def view(self) -> ListView:
        """The view on show."""
        active = self.query_one(TabbedContent).active or "search"
        return self.query_one(f"#view-{active}", ListView)

    def show_view(self, name: str) -> None:
        """Show the view ``name`` with its box focused (at once: keys typed next go there)."""
        self.query_one(TabbedContent).active = name
        self.view().activate()
        self.view().focus_box()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab clicked with the mouse: the view loads (once) and takes the keys."""
        self.view().activate()
        self.call_after_refresh(self.view().focus_box)

    # -- actions -------------------------------------------------------------------------------

    def action_view(self, name: str) -> None:
        self.show_view(name)

    def _step_view(self, step: int) -> None:
        if self.screen is not self.screen_stack[0]:
            return  # Tab inside a dialog or the detail is theirs
        names = [v for v, _ in VIEWS]
        active = self.query_one(TabbedContent).active or "search"
        self.show_view(names[(names.index(active) + step) % len(names)])

    def action_next_view(self) -> None:
        if self.screen is not self.screen_stack[0]:
            self.screen.focus_next()
            return
        self._step_view(1)

    def action_previous_view(self) -> None:
        if self.screen is not self.screen_stack[0]:
            self.screen.focus_previous()
            return
        self._step_view(-1)

    def action_search_box(self) -> None:
        self.view().focus_box()

    def action_back(self) -> None:
        """Esc: from the rows to the box; in the box, clear it."""
        view = self.view()
        box = view.query_one(Input)
        if box.has_focus:
            view.set_text("")
        else:
            box.focus()

    def action_open(self) -> None:
        row = self.view().current()
        if row is not None:
            self.open_row(self.view(), row)

    def action_copy_id(self) -> None:
        row = self.view().current()
        iid = row and ListView.item_id(row)
        if iid:
            self.copy_to_clipboard(iid)
            self.notify(f"Copied {iid}")

    def action_copy_quote(self) -> None:
        row = self.view().current()
        if row is not None:
            quote = row.get("text") or row.get("quote")
            if quote:
                self.copy_to_clipboard(quote)
                self.notify("Copied the source's words")

    def action_export(self) -> None:
        view = self.view()
        if view.listing.rows and view.listing.columns:
            from .components.export import ExportScreen

            self.push_screen(ExportScreen(view.listing, self.query_one(TabbedContent).active or "list"))
        else:
            self.notify("Nothing to export: the list is empty.")

    def action_help(self) -> None:
        from .components.help import HelpScreen  # Markdown: imported when first asked for

        self.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.exit(0)

    def action_interrupt(self) -> None:
        self.exit(INTERRUPTED, return_code=INTERRUPTED)

    # -- opening a row -------------------------------------------------------------------------

    def on_list_view_open(self, event: ListView.Open) -> None:
        self.open_row(event.view, event.row)

    def open_row(self, view: ListView, row: dict) -> None:
        """Enter on a row: an item (or a target's item) opens whole; an agency lists its
        duties; a plan lists its items in the search view."""
        iid = ListView.item_id(row)
        if iid:
            self.push_screen(DetailScreen(data.detail(self.conn, iid), view.listing.terms))
        elif "period" in row:  # a plan
            self.query_one("#view-search", ListView).set_text(f"plan:{row['id']}")
            self.show_view("search")
        elif "led" in row:  # an agency
            view.set_text(row["name"])
            view.query_one(RowsTable).focus()
