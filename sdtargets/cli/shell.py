"""`sdtargets shell`: an interactive prompt over the same commands, with completion and history.

Each line is parsed like a command line and run through the CLI's own `dispatch`, so the shell
has exactly the commands, filters and error messages of the CLI; errors print and return to
the prompt. `show N` shows the N-th row of the last result. prompt_toolkit is imported only
here, so the one-shot commands never pay for it.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterable

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, InMemoryHistory

from ..text.fold import normalise_text as fold_text

#: What the shell adds to the CLI's commands.
SHELL_WORDS = ("help", "quit")
#: The longest line the shell reads: `shlex` takes time in the square of a word's length (a
#: 1 MB line piped in took over two minutes to refuse; 20,000 characters take ~0.1 s). Twice
#: the longest argument the command line takes (`dispatch.MAX_ARG`).
MAX_LINE = 20_000


class ShellCompleter(Completer):
    """Completes commands, their options, and the values of the options that name something:
    agency names (every alias), plan ids and aliases, years, metrics, and the fixed choices."""

    def __init__(
        self,
        options: dict[str, list[str]],
        names: dict[str, str],
        choices: dict[str, Iterable[str]],
        agency_kinds: list[str],
        fold=None,  # noqa: ANN001 - Callable[[str], str]: what was typed, folded as names are
    ) -> None:
        self.commands = [*options, *SHELL_WORDS]
        self.options, self.names, self.choices, self.agency_kinds = options, names, choices, agency_kinds
        self.fold = fold

    def get_completions(self, document: Document, complete_event) -> Iterable[Completion]:  # noqa: ANN001
        before = document.text_before_cursor
        words = before.split()
        current = "" if before.endswith(" ") else (words.pop() if words else "")
        if words and words[0] == "sdtargets":  # a command line pasted whole
            words = words[1:]
        if not words or (words[0] in ("help", "?") and len(words) == 1):
            choices: Iterable[str] = self.commands
        else:
            command, prev = words[0], self.names.get(words[-1], words[-1])  # -k → --kind
            if command == "agencies" and prev == "--kind":
                choices = self.agency_kinds
            elif prev in self.choices:
                choices = self.choices[prev]
            elif len(words) == 1 and command in ("agency", "due", "timeline"):  # the argument
                choices = self.choices[{"agency": "--agency", "due": "--year", "timeline": "metric"}[command]]
            else:
                choices = self.options.get(command, ()) if current.startswith("-") else ()
        typed = self.fold(current) if self.fold and current and not current.startswith("-") else None
        for choice in choices:
            # what was typed as a name is read folded: 省科技廳 completes to 省科技厅
            if choice.startswith(current) or (typed and fold_text(choice).startswith(typed)):
                yield Completion(choice, start_position=-len(current))


def completer_for(conn) -> ShellCompleter:  # noqa: ANN001 - sqlite3.Connection
    """A completer filled from the Typer app (commands, options) and the knowledge base."""
    import typer.main

    from ..store.agencies import SORTS, agency_kinds, agency_names
    from ..store.overview import metrics
    from ..store.query import KINDS, plans
    from ..store.verdicts import STATUSES
    from .app import app
    from .options import STATS_TABLES
    from .render import FORMATS

    group = typer.main.get_command(app)
    root = [o for p in group.params for o in p.opts if o.startswith("--") and "completion" not in o]
    options, names = {}, {}
    for name, cmd in group.commands.items():
        if name == "shell":
            continue
        params = [p for p in cmd.params if p.param_type_name == "option"]
        options[name] = [o for p in params for o in p.opts if o.startswith("--") and o != "--help"] + root
        names.update({o: p.opts[0] for p in params for o in p.opts})
    plan_names = [x for p in plans(conn) for x in [p["id"], *p["aliases"]]]
    years = [str(r[0]) for r in conn.execute("select distinct year from item_years order by year")]
    choices: dict[str, Iterable[str]] = {
        "--agency": agency_names(conn),
        "--plan": plan_names,
        "--year": years,
        "--until": years,
        "--kind": KINDS,
        "--format": FORMATS,
        "--role": ("lead", "support"),
        "--status": STATUSES,
        "--sort": SORTS,
        "--table": STATS_TABLES,
        "metric": metrics(conn),
    }
    from ..store.names import fold_name

    return ShellCompleter(options, names, choices, agency_kinds(conn), lambda text: fold_name(conn, text))


BANNER = (
    "sdtargets shell: the commands of the command line, e.g. find 氢能 --year 2025.\n"
    "help lists them; help find shows one; show N opens row N of the last answer;\n"
    "Tab completes; Ctrl-D leaves."
)


def shell_help() -> str:
    """The shell's own help: its commands with their summaries, and what only the shell has
    (no root options such as --install-completion, which mean nothing here)."""
    import typer.main

    from .app import app

    group = typer.main.get_command(app)
    commands = [(name, cmd) for name, cmd in group.commands.items() if name != "shell"]
    width = max(len(name) for name, _ in commands) + 2
    lines = ["Commands (help COMMAND shows its options and examples):"]
    lines += [f"  {name:<{width}}{cmd.get_short_help_str(limit=72)}" for name, cmd in commands]
    lines += [
        "",
        "In the shell:",
        f"  {'show N':<{width}}row N of the last answer, whole",
        f"  {'help, ?':<{width}}this list; help COMMAND (or COMMAND --help) for one command",
        f"  {'quit':<{width}}leave (or Ctrl-D); Ctrl-C cancels the line; Tab completes; ↑ recalls",
    ]
    return "\n".join(lines)


def run_line(line: str, last_ids: list[str]) -> list[str]:
    """Run one shell line through the CLI; return the ids of its result (for `show N`)."""
    from .dispatch import dispatch, guarded
    from .handoff import OpenShell
    from .render import settings

    if len(line) > MAX_LINE:
        too_long = f"the line is too long ({len(line):,} characters; at most {MAX_LINE:,})"
        print(f"sdtargets: {too_long}.", file=sys.stderr)
        return last_ids
    try:
        args = shlex.split(line)
    except ValueError as exc:
        print(f"sdtargets: {exc}.", file=sys.stderr)
        return last_ids
    if args and args[0] == "sdtargets":  # a command line pasted whole
        args = args[1:]
    if not args:
        return last_ids
    if args[0] in ("help", "?"):
        if len(args) == 1:
            print(shell_help())
            return last_ids
        args = [*args[1:], "--help"]
    if args[0] == "show" and len(args) >= 2 and args[1].isdigit():  # `show 2 --json` too
        n = int(args[1])
        if not 1 <= n <= len(last_ids):
            print(
                f"sdtargets: there is no row {n} in the last result ({len(last_ids)} rows).", file=sys.stderr
            )
            return last_ids
        args = ["show", last_ids[n - 1], *args[2:]]
    settings.last_ids = None
    try:
        dispatch(args)
    except OpenShell as request:  # `shell` typed at the prompt: a shell within this one
        conn, history = request.conn, request.history
        guarded(lambda: shell(conn, history))
    return settings.last_ids if settings.last_ids is not None else last_ids


def shell(conn, history_file: str | None = None, input=None, output=None) -> int:  # noqa: ANN001, A002
    """The read–eval–print loop. Ctrl-C cancels the line, Ctrl-D (or `quit`) leaves. Lines
    piped in (`sdtargets shell < calls.txt`) are run one by one, without prompt or banner:
    prompt_toolkit would warn that the input is not a terminal and draw its prompts into the
    output."""
    from .render import settings

    settings.in_shell = True  # errors point to `help CMD`
    try:
        if input is None and not sys.stdin.isatty():
            lines: Iterable[str] = iter(sys.stdin.readline, "")
        else:
            lines = _prompted(conn, history_file, input, output)
        last_ids: list[str] = []
        for line in lines:
            if line.strip() in ("quit", "exit"):
                break
            last_ids = run_line(line, last_ids)
        return 0
    finally:
        settings.in_shell = False  # whoever runs next (a test, an embedding program) is not in it


def _prompted(conn, history_file: str | None, input, output) -> Iterable[str]:  # noqa: ANN001, A002
    """The lines typed at the prompt, after the banner, until Ctrl-D; Ctrl-C cancels a line."""
    history = FileHistory(history_file) if history_file else InMemoryHistory()
    session: PromptSession = PromptSession(
        history=history,
        completer=completer_for(conn),
        complete_while_typing=False,
        input=input,
        output=output,
    )
    print(BANNER)
    while True:
        try:
            yield session.prompt("sdtargets> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return
