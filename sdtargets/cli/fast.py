"""The fast path: the simplest command lines answered without importing Typer.

Typer costs about 40 ms of start-up, more than the query itself. The commonest calls, by people
and scripts alike, are a bare query: `find WORDS…`, `agency NAME`, `due YEAR`, `show ID`,
optionally followed by `--json`, with the root options (`--db`, `--no-pager`, `--no-color`)
in front (`dispatch` moves them there from wherever they were typed). This module recognises exactly
those forms and runs the same command bodies (`commands`) as the Typer app; anything else (any
other option, a help flag, a missing argument) returns None and goes to Typer, so the two paths
cannot diverge in what they print. The tests run every fast form through both paths and compare.
"""

from __future__ import annotations


def serve(args: list[str]) -> int | None:
    """Answer ``args`` if it is one of the fast forms; None to hand it to the full CLI."""
    from .argv import root_options

    parsed = root_options(args)  # `dispatch` has moved any root option to the front
    if parsed is None:
        return None
    root, args = parsed
    fmt = "table"
    if args and args[-1] == "--json":
        fmt, args = "json", args[:-1]
    if len(args) < 2 or any(a.startswith("-") for a in args):
        return None
    command, rest = args[0], args[1:]
    if command == "find" or (len(rest) == 1 and command in ("agency", "show")):
        pass
    elif command == "due" and len(rest) == 1 and rest[0].isascii() and rest[0].isdigit():
        pass
    else:
        return None

    from pathlib import Path

    from ..store.query import Filters
    from . import commands
    from .busy import open_store
    from .render import settings

    # this run's settings, as the Typer root sets them
    settings.fields, settings.pager, settings.color = None, root["pager"], root["color"]
    conn = open_store(root["db"] and Path(root["db"]))  # type: ignore[arg-type]
    if command == "find":
        return commands.find(conn, " ".join(rest), Filters(), fmt)
    if command == "agency":
        return commands.agency(conn, rest[0], Filters(), None, fmt)
    if command == "due":
        return commands.due(conn, int(rest[0]), None, False, Filters(), fmt)
    return commands.show(conn, rest[0], fmt)
