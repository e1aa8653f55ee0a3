"""How the command line explains itself: examples and plain placeholders in every command's
help, and Click's usage errors turned into one sentence that says how to fix the call.

The Typer app (`app`, `queries`, `tools`) uses these; they live apart so that those modules stay
the commands themselves.
"""

from __future__ import annotations

import typer

try:  # typer 0.27 vendors click
    from typer._click import exceptions as clickx
    from typer._click import types as click_types
except ImportError:  # pragma: no cover - a typer that uses the click package
    from click import exceptions as clickx
    from click import types as click_types

__all__ = ["EXAMPLES", "Command", "Text", "clickx", "examples", "one_of", "usage_sentence"]

#: Two or three real calls per command, shown in its help (and checked by the tests to run).
EXAMPLES: dict[str, list[str]] = {
    "find": ["find 5G", "find 2025年光伏装机目标是多少", "find 氢能 --json --fields id,lead,years"],
    "agency": ["agency 省工信厅", "agency 省发改委 --plan green2023 --role lead", "agency 省科技厅 --count"],
    "agencies": ["agencies --sort led", "agencies --kind 省政府组成部门"],
    "due": ["due 2024", "due 2025 --agency 省科技厅 --agency 省工信厅", "due 2025 --implied --format csv"],
    "show": ["show fyp14.ind2", "show green2023.2 --json"],
    "plans": ["plans", "plans --fields id,title,aliases"],
    "export": ["export --plan green2023 --format excel > green2023.csv", "export --json"],
    "stats": ["stats", "stats --format csv --table agencies"],
    "timeline": ["timeline 高新技术企业", "timeline 5G基站 --format csv"],
    "validate": ["validate", "validate --data ./data"],
    "import": [
        "import plan.txt --plan new2025",
        "import data/sources/new2025.txt --plan new2025 --write",
        "import plan.txt --plan new2025 --lines 20-75",
    ],
    "progress": [
        "progress --plan fyp14",
        "progress 5G --year 2025",
        "progress --summary --by agency",
    ],
    "scorecard": ["scorecard", "scorecard --json", "scorecard --format csv"],
    "shell": ["shell"],
    "browse": ["browse", "browse 高新技术企业"],
}


def examples(command: str) -> str:
    """A command's help epilog: its examples, one to a line."""
    return "[bold]Examples[/bold]\n" + "\n".join(f"  [cyan]sdtargets {e}[/cyan]" for e in EXAMPLES[command])


class Command(typer.core.TyperCommand):
    """A command whose usage line names its arguments plainly: `find [OPTIONS] QUERY…`, not
    Typer's `{QUERY…}`."""

    def collect_usage_pieces(self, ctx) -> list[str]:  # noqa: ANN001 - a click Context
        args = [p.metavar or p.name.upper() for p in self.get_params(ctx) if p.param_type_name == "argument"]
        return ["[OPTIONS]", *args]


class Text(click_types.StringParamType):
    """A plain text argument, shown in help by its name alone (no `<str>` beside it)."""

    def get_metavar(self, param, ctx) -> str:  # noqa: ANN001
        return ""


def one_of(values: tuple[str, ...]) -> str:
    """`a, b or c`: the choices of an option, for its help."""
    return ", ".join(values[:-1]) + f" or {values[-1]}"


def expects(param) -> str:  # noqa: ANN001 - a click Parameter
    """What a parameter takes, for an error: `a whole number of at least 1`, `a year`."""
    kind = param.type
    if param.name in ("limit", "top"):
        return "a whole number of at least 1"
    if hasattr(kind, "choices"):
        return "one of " + ", ".join(map(str, kind.choices))
    if isinstance(kind, click_types.IntRange):
        return "a whole number" + (f" of at least {kind.min}" if kind.min is not None else "")
    if isinstance(kind, click_types.IntParamType):
        return "a year" if (param.metavar or "").upper() == "YEAR" else "a whole number"
    return "a value"


def usage_sentence(exc: clickx.UsageError, args: list[str] = ()) -> str:
    """Click's usage error as one sentence that says how to fix it (and where help is)."""
    import re

    from .render import settings

    ctx = exc.ctx
    if ctx is not None:
        command = ctx.info_name if ctx.parent is not None else None
    else:  # the parser's errors carry no context: the command is the line's first word
        words = [a for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] != "--db")]
        command = words[0] if words and words[0] in EXAMPLES else None
    where = f"sdtargets {command}" if command else "sdtargets"
    more = f"'help {command or ''}'".replace(" '", "'") if settings.in_shell else f"'{where} --help'"
    more = f"see {more}"
    if isinstance(exc, clickx.NoSuchOption) and command == "find" and not exc.option_name[1:2].isascii():
        # `find 氢能 -燃料电池`: a word to leave out, which the shell passed as an option
        return (
            f"find has no option {exc.option_name}: to leave out a word, quote the whole query with a"
            ' word to search first (sdtargets find "氢能 -燃料电池"), or put -- before it'
            " (sdtargets find -- -燃料电池 氢能)."
        )
    negative = [a for a in args if re.fullmatch(r"-\d+", a)]
    if isinstance(exc, clickx.NoSuchOption) and command == "due" and negative:
        # `due -1`: a year below zero, which Click read as an option (`-2025` as `-2`)
        from ..errors import SdError
        from ..store.query import check_year

        try:
            check_year(int(negative[0]))
        except SdError as impossible:
            return impossible.message
    if isinstance(exc, clickx.NoSuchOption):
        import difflib

        known = [o for p in (ctx.command.params if ctx else []) for o in p.opts if o.startswith("--")]
        known = list(dict.fromkeys([*known, "--no-color", "--no-pager", "--db"]))  # root options go anywhere
        guess = difflib.get_close_matches(exc.option_name, known, 2, 0.6)
        hint = f" (did you mean {' or '.join(guess)}?)" if guess else ""
        return f"{command or 'the command line'} has no option {exc.option_name}{hint}: {more}."
    if isinstance(exc, clickx.MissingParameter) and exc.param is not None:
        example = EXAMPLES.get(command or "", [""])[0]
        name = exc.param.metavar or exc.param.name.upper()
        return f"{command} needs {name}, as in 'sdtargets {example}': {more}."
    if isinstance(exc, clickx.BadParameter) and exc.param is not None:
        param = exc.param
        name = param.opts[0] if param.param_type_name == "option" else (param.metavar or param.name.upper())
        wanted = expects(param)
        if wanted == "a value":  # a file that does not exist, …: Click's own words say it
            return f"{exc.message.rstrip('.')}: {more}."
        value = re.match(r"'?(.*?)'? is not", exc.message)
        got = f", not {value.group(1)!r}" if value else ""
        return f"{name} takes {wanted}{got}: {more}."
    if isinstance(exc, clickx.BadOptionUsage) and "requires an argument" in exc.message:
        option = re.search(r"'([^']*)'", exc.message)
        return f"{option.group(1) if option else 'That option'} needs a value: {more}."
    message = exc.format_message().rstrip(".")
    extra = re.fullmatch(r"(Got unexpected extra arguments?(?:\(s\))?) \(( *)\)", message)
    if extra:  # `plans ""`: empty arguments, which Click showed as `()`, shown as such
        message = f"{extra.group(1)} ({', '.join([repr('')] * (len(extra.group(2)) + 1))})"
    guess = re.fullmatch(r"No such command '(.*)'\. Did you mean '(.*)'\?", exc.format_message())
    if guess:
        return f"sdtargets has no command {guess.group(1)!r} (did you mean {guess.group(2)!r}?): {more}."
    if message.startswith("No such command"):
        message = message.replace("No such command", "sdtargets has no command")
    return f"{message}: {more}."
