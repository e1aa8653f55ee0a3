"""`sdtargets browse`: a full-screen explorer of the knowledge base (Textual).

Imported by the `browse` command alone, so that no other command pays for Textual. `run` is
the whole interface: it opens the app over a connection and returns the exit code.
"""

from __future__ import annotations

import sqlite3


def run(conn: sqlite3.Connection, query: str = "", no_color: bool = False) -> int:
    """Run the app until q (0) or Ctrl-C (130); Textual restores the terminal on any exit,
    a crash included (it prints the traceback after leaving the full screen)."""
    from .app import BrowseApp

    app = BrowseApp(conn, query, no_color=no_color)
    app.run()
    return int(app.return_code or 0)  # 1 after a crash, whose traceback Textual prints
