"""`sdtargets shell`: an interactive prompt over the same commands, with completion and history.

Each line is parsed like a command line and run through the CLI's own `main`, so the shell
has exactly the commands, filters and error messages of the CLI; errors print and return to
the prompt. `show N` shows the N-th row of the last result. prompt_toolkit is imported only
here, so the one-shot commands never pay for it.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, InMemoryHistory

COMMANDS = (
    "find",
    "agency",
    "agencies",
    "due",
    "show",
    "plans",
    "export",
    "stats",
    "timeline",
    "progress",
    "help",
    "quit",
)
OPTIONS = (
    "--plan",
    "--year",
    "--agency",
    "--kind",
    "--limit",
    "--json",
    "--format",
    "--fields",
    "--role",
    "--until",
    "--implied",
    "--exact",
    "--sort",
)
KINDS = ("goal", "measure", "indicator", "result")
FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown", "yaml")


class ShellCompleter(Completer):
    """Completes commands, options, agency names (every alias), plan ids and aliases, years."""

    def __init__(self, agencies: list[str], plans: list[str], years: list[str], metrics: list[str]):
        self.agencies, self.plans, self.years, self.metrics = agencies, plans, years, metrics

    def get_completions(self, document: Document, complete_event) -> Iterable[Completion]:  # noqa: ANN001
        before = document.text_before_cursor
        words = before.split()
        current = "" if before.endswith(" ") else (words.pop() if words else "")
        if words and words[0] == "sdtargets":  # a command line pasted whole
            words = words[1:]
        if not words:
            choices: Iterable[str] = COMMANDS
        elif words[0] in ("help", "?") and len(words) == 1:
            choices = COMMANDS
        else:
            prev, command = words[-1], words[0]
            if prev in ("--agency", "-a") or (command == "agency" and len(words) == 1):
                choices = self.agencies
            elif prev in ("--plan", "-p"):
                choices = self.plans
            elif prev in ("--year", "-y", "--until") or (command == "due" and len(words) == 1):
                choices = self.years
            elif prev in ("--kind", "-k"):
                choices = KINDS
            elif prev in ("--format", "-f"):
                choices = FORMATS
            elif prev in ("--role", "-r"):
                choices = ("lead", "support")
            elif command == "timeline" and len(words) == 1:
                choices = self.metrics
            else:
                choices = OPTIONS if current.startswith("-") else ()
        for choice in choices:
            if choice.startswith(current):
                yield Completion(choice, start_position=-len(current))


def completer_for(conn) -> ShellCompleter:  # noqa: ANN001 - sqlite3.Connection
    """A completer filled from the knowledge base."""
    from .agencies import agency_names
    from .overview import metrics
    from .query import plans

    plan_names = [x for p in plans(conn) for x in [p["id"], *p["aliases"]]]
    years = [str(r[0]) for r in conn.execute("select distinct year from item_years order by year")]
    return ShellCompleter(agency_names(conn), plan_names, years, metrics(conn))


BANNER = (
    "sdtargets shell: the commands of the command line, e.g. find 氢能 --year 2025.\n"
    "help lists them; help find shows one; show N opens row N of the last answer;\n"
    "Tab completes; Ctrl-D leaves."
)


def shell_help() -> str:
    """The shell's own help: its commands with their summaries, and what only the shell has
    (no root options such as --install-completion, which mean nothing here)."""
    import typer.main

    from .cli import app

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
    from .main import main
    from .render import settings

    try:
        args = shlex.split(line)
    except ValueError as exc:
        print(f"sdtargets: {exc}.")
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
    if args[0] == "show" and len(args) == 2 and args[1].isdigit():
        n = int(args[1])
        if not 1 <= n <= len(last_ids):
            print(f"sdtargets: there is no row {n} in the last result ({len(last_ids)} rows).")
            return last_ids
        args = ["show", last_ids[n - 1]]
    settings.last_ids = None
    main(args)
    return settings.last_ids if settings.last_ids is not None else last_ids


def shell(conn, history_file: str | None = None, input=None, output=None) -> int:  # noqa: ANN001, A002
    """The read–eval–print loop. Ctrl-C cancels the line, Ctrl-D (or `quit`) leaves."""
    history = FileHistory(history_file) if history_file else InMemoryHistory()
    session: PromptSession = PromptSession(
        history=history,
        completer=completer_for(conn),
        complete_while_typing=False,
        input=input,
        output=output,
    )
    from .render import settings

    settings.in_shell = True  # errors point to `help CMD`
    print(BANNER)
    last_ids: list[str] = []
    while True:
        try:
            line = session.prompt("sdtargets> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return 0
        if line.strip() in ("quit", "exit"):
            return 0
        last_ids = run_line(line, last_ids)
