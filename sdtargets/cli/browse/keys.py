"""Every key of the app's main screen, in one table (the footer shows those marked shown;
`help.md` lists them all). The detail and dialog screens add their own few."""

from __future__ import annotations

from textual.binding import Binding

#: The views, in tab order: id and title (the number keys 1–5 pick them).
VIEWS = (
    ("search", "1 Search"),
    ("agencies", "2 Agencies"),
    ("due", "3 Due"),
    ("progress", "4 Progress"),
    ("plans", "5 Plans"),
)

BINDINGS = [
    Binding("slash", "search_box", "search", key_display="/"),
    Binding("enter", "open", "open", show=False),
    Binding("tab", "next_view", "view", priority=True, key_display="Tab"),
    Binding("shift+tab", "previous_view", "view back", show=False, priority=True),
    Binding("escape", "back", "back", key_display="Esc"),
    Binding("c", "copy_id", "copy id"),
    Binding("y", "copy_quote", "copy quote", show=False),
    Binding("e", "export", "export"),
    Binding("question_mark", "help", "help", key_display="?"),
    Binding("q", "quit", "quit"),
    # while typing, ? and q are letters: F1 and Ctrl+Q work from anywhere
    Binding("f1", "help", "help", key_display="F1"),
    Binding("ctrl+q", "quit", "quit", priority=True, key_display="^q"),
    Binding("ctrl+c", "interrupt", "quit", show=False, priority=True),
    *(Binding(str(n), f"view('{v}')", title, show=False) for n, (v, title) in enumerate(VIEWS, 1)),
]
