"""Command lines as people type them: root options anywhere, the word `sdtargets` forgiven.

Click accepts the root options (`--db`, `--no-pager`, `--no-color`) only before the command
name, but people add them where they think of them: `sdtargets find 5G --no-pager`. `hoist`
moves them to the front before either front-end (the fast path, the Typer app) parses the line.
It knows which options take a value (`VALUE_OPTIONS`, checked against the Typer app by a test),
so a value such as `--plan --db` is never mistaken for an option; `--` ends the options.

Standard library only: the fast path imports this module.
"""

from __future__ import annotations

from ..errors import SdError

#: Root options that are flags, and the one that takes a value.
ROOT_FLAGS = ("--no-pager", "--no-color")
ROOT_VALUE = "--db"

#: Every command option that takes a value (its value is never read as an option).
VALUE_OPTIONS = frozenset(
    {
        "--plan", "-p", "--year", "-y", "--agency", "-a", "--kind", "-k", "--limit", "-n",
        "--format", "-f", "--fields", "--role", "-r", "--until", "--sort", "--top", "--table",
        "--data", "--lines", "--status", "-s", "--period", "--save-text", "--by",
    }
)  # fmt: skip


def hoist(args: list[str]) -> list[str]:
    """``args`` with every root option after the command name moved before it, in order."""
    if not args:
        return args
    front: list[str] = []
    rest: list[str] = []
    i = 0
    # the root options already in front, and the command name
    while i < len(args) and args[i].startswith("-"):
        front.append(args[i])
        if args[i] == ROOT_VALUE and i + 1 < len(args):
            front.append(args[i + 1])
            i += 1
        i += 1
    while i < len(args):
        a = args[i]
        if a == "--":
            rest += args[i:]
            break
        if a in ROOT_FLAGS or a.startswith(ROOT_VALUE + "="):
            front.append(a)
        elif a == ROOT_VALUE:
            if i + 1 == len(args):  # left to Click, it would read as an unknown option of the command
                raise SdError(f"{ROOT_VALUE} needs a value: see 'sdtargets --help'.")
            front += [a, args[i + 1]]
            i += 1
        elif a in VALUE_OPTIONS and i + 1 < len(args):
            rest += [a, args[i + 1]]
            i += 1
        else:
            rest.append(a)
        i += 1
    return front + rest


def root_options(args: list[str]) -> tuple[dict[str, object], list[str]] | None:
    """The leading root options of ``args`` as settings, and the rest; None if something else
    leads (a help flag, `--version`): the fast path's parse of what `app.root` takes."""
    found: dict[str, object] = {"db": None, "pager": True, "color": True}
    i = 0
    while i < len(args) and args[i].startswith("-"):
        a = args[i]
        if a == "--no-pager":
            found["pager"] = False
        elif a == "--no-color":
            found["color"] = False
        elif a == ROOT_VALUE and i + 1 < len(args):
            found["db"] = args[i + 1]
            i += 1
        elif a.startswith(ROOT_VALUE + "=") and len(a) > len(ROOT_VALUE) + 1:
            found["db"] = a[len(ROOT_VALUE) + 1 :]
        else:
            return None
        i += 1
    return found, args[i:]
