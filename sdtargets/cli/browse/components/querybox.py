"""The search box of every list view: a Textual `Input` that takes the footer's `/` as the key
that means "search", not as the first character of the query.

The app starts with the box focused, so a user who follows the footer (`/ search`) and then
types `高新技术企业` would otherwise search for `/高新技术企业` (seen in a tmux check from a fresh
install). A `/` typed into an empty box is therefore swallowed; inside a query (`微克/立方米`)
it is a character like any other.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class QueryBox(Input):
    """An `Input` that ignores `/` while it is empty."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "/" and not self.value:
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)
