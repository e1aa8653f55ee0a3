"""The fast path: the simplest command lines answered without importing Typer.

Typer costs about 40 ms of start-up, more than the query itself. The commonest calls, by people
and scripts alike, are a bare query or its first screen: `find WORDS…`, `agency NAME`, `due YEAR`,
`progress [TOPIC…]`, each optionally with `--limit N` (`-n N`), and `show ID`, all optionally with
`--json`, with the root options (`--db`, `--no-pager`, `--no-color`) in front (`dispatch` moves
them there from wherever they were typed). This module recognises exactly those forms and runs the
same command bodies (`commands`) as the Typer app; anything else (any other option, a help flag, a
missing argument, a limit that is not plainly a whole number of at least 1) returns None and goes
to Typer, so the two paths cannot diverge in what they print. The tests run every fast form
through both paths and compare.
"""

from __future__ import annotations

import gc

LIMITS = ("--limit", "-n")


def _plain(args: list[str]) -> tuple[str, int | None, list[str]] | None:
    """The format, the limit and the words of ``args`` (the command's own arguments), or None if
    they hold anything but words, one `--json` and one `--limit N`/`-n N`, anywhere, as Click
    takes them. N must be ASCII digits worth at least 1: anything Click would read otherwise, or
    refuse, is left to Typer."""
    fmt, limit, words = "table", None, []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--json" and fmt == "table":
            fmt = "json"
        elif arg in LIMITS and limit is None and i + 1 < len(args):
            value = args[i + 1]
            if not (value.isascii() and value.isdigit() and int(value) >= 1):
                return None
            limit, i = int(value), i + 1
        elif arg.startswith("-"):
            return None
        else:
            words.append(arg)
        i += 1
    return fmt, limit, words


def serve(args: list[str]) -> int | None:
    """Answer ``args`` if it is one of the fast forms; None to hand it to the full CLI."""
    from .argv import root_options

    parsed = root_options(args)  # `dispatch` has moved any root option to the front
    if parsed is None or not parsed[1]:
        return None
    root, args = parsed
    command = args[0]
    plain = _plain(args[1:])
    if plain is None:
        return None
    fmt, limit, rest = plain
    if command == "find" and rest:
        pass
    elif command == "agency" and len(rest) == 1:
        pass
    elif command == "due" and len(rest) == 1 and rest[0].isascii() and rest[0].isdigit():
        pass
    elif command == "show" and len(rest) == 1 and limit is None:
        pass
    elif command == "progress":
        pass
    else:
        return None

    from ..store.query import Filters
    from . import commands
    from .busy import open_store
    from .render import settings

    # this run's settings, as the Typer root sets them
    settings.fields, settings.pager, settings.color = None, root["pager"], root["color"]
    conn = open_store(root["db"])  # type: ignore[arg-type]
    # The cyclic garbage collector finds nothing to free in one query (its rows, strings and
    # tuples hold no cycles) but runs as they are made: 62 times, 9.5 ms, in `find 數字經濟 --json`
    # at 100× the base. Paused for the query, as it was again after it (the shell runs many).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if command == "find":
            return commands.find(conn, " ".join(rest), Filters(), fmt, limit=limit)
        if command == "agency":
            return commands.agency(conn, rest[0], Filters(), None, fmt, limit=limit)
        if command == "due":
            return commands.due(conn, int(rest[0]), None, False, Filters(), fmt, limit=limit)
        if command == "progress":
            return commands.progress(conn, Filters(), None, None, fmt, limit=limit, topic=" ".join(rest))
        return commands.show(conn, rest[0], fmt)
    finally:
        if collecting:
            gc.enable()
