"""The `shell` command's request to open the shell, raised by the command and met by `main`.

The shell runs command lines through the Typer app, so the app cannot import the shell without
an import circle. Instead the `shell` command checks its setting up (the database, the history
file) and raises `OpenShell`; `main`, above both, opens the shell (and the shell itself meets a
`shell` typed at its prompt the same way).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    import sqlite3


class OpenShell(Exception):  # noqa: N818 - a request, not an error
    """Open the interactive shell on ``conn``, with its history in ``history`` (None: none kept)."""

    def __init__(self, conn: sqlite3.Connection, history: str | None) -> None:
        super().__init__("open the shell")
        self.conn = conn
        self.history = history
