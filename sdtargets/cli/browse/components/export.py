"""The export dialog: the current list, whole, to a file in one of the command line's formats
(written by the same renderer, with the same columns, as `sdtargets … --format FMT`)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from ....errors import SdError
from .. import data

EXTENSIONS = {"excel": "csv", "markdown": "md"}


class ExportScreen(ModalScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "cancel")]

    def __init__(self, listing: data.Listing, name: str) -> None:
        super().__init__()
        self.listing, self.stem = listing, f"sdtargets-{name}"
        self.fmt = "csv"

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(f"Export {len(self.listing.rows)} rows: a format, then the file (Enter writes it)")
            yield OptionList(*data.formats(), id="export-formats")
            yield Input(value=self._path(), id="export-path")
            yield Static(id="export-said")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = data.formats().index(self.fmt)

    def _path(self) -> str:
        return f"{self.stem}.{EXTENSIONS.get(self.fmt, self.fmt)}"

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.fmt = data.formats()[event.option_index]
        self.query_one("#export-path", Input).value = self._path()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#export-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value).expanduser()
        try:
            n = data.export(self.listing, self.fmt, path)
        except SdError as exc:
            self.query_one("#export-said", Static).update(exc.message)
            return
        self.app.pop_screen()
        self.app.notify(f"Wrote {n} rows to {path} ({self.fmt})")
