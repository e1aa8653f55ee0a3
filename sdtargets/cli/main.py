"""The entry point: `sdtargets` (the console script) and `python -m sdtargets` call `run`.

`main` runs one command line through `dispatch` (the fast path, then the Typer app, inside the
one error boundary) and opens the shell when the `shell` command asks for it (`handoff`); a bare
`sdtargets` at a terminal opens the shell too.
"""

from __future__ import annotations

import sys

from .dispatch import dispatch, guarded
from .handoff import OpenShell


def main(argv: list[str] | None = None) -> int:
    """Run one command line; return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None and not args and sys.stdin.isatty() and sys.stdout.isatty():
        args = ["shell"]  # bare `sdtargets` at a terminal opens the shell
    try:
        return dispatch(args)
    except OpenShell as request:
        from .shell import shell

        conn, history = request.conn, request.history
        return guarded(lambda: shell(conn, history))


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
