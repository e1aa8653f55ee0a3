"""The fast path: plain `--json` queries answered without importing Typer or Rich.

Scripts call `sdtargets find 5G --json` in loops; Typer alone costs more start-up than the
query. This module recognises only the simplest forms — `find WORDS… --json`, `agency NAME
--json`, `due YEAR --json`, `show ID --json`, with no other option — and answers them with the
same library functions and JSON renderer as the full CLI. Anything else (any other option, a
help flag, a table) returns None and goes to Typer, so behaviour never diverges: the tests
compare both paths.
"""

from __future__ import annotations

from .errors import ExitCode, NoResults


def serve(args: list[str]) -> int | None:
    """Answer ``args`` if it is one of the fast forms; None to hand it to the full CLI."""
    if len(args) < 3 or args[-1] != "--json":
        return None
    command, rest = args[0], args[1:-1]
    if any(a.startswith("-") for a in rest):
        return None
    if command == "find":
        produce = _find
    elif command == "agency" and len(rest) == 1:
        produce = _agency
    elif command == "due" and len(rest) == 1 and rest[0].isdigit():
        produce = _due
    elif command == "show" and len(rest) == 1:
        produce = _show
    else:
        return None
    from .db import connect
    from .render import emit

    result = produce(connect(), rest)
    emit(result, "json", [])
    if isinstance(result, list) and not result:
        raise NoResults()
    return ExitCode.OK


def _find(conn, rest: list[str]):  # noqa: ANN001, ANN202
    from .query import Filters
    from .search import find_items

    return find_items(conn, " ".join(rest), Filters())


def _agency(conn, rest: list[str]):  # noqa: ANN001, ANN202
    from .agencies import duties, resolve
    from .query import Filters

    return duties(conn, resolve(conn, rest[0]), Filters())


def _due(conn, rest: list[str]):  # noqa: ANN001, ANN202
    from .query import Filters, check_year, due

    return due(conn, check_year(int(rest[0])), None, False, Filters())


def _show(conn, rest: list[str]):  # noqa: ANN001, ANN202
    from .query import get_item

    return get_item(conn, rest[0])
