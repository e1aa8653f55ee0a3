"""The Typer app: the root options, the commands registered in the order the help lists them,
and `invoke`, which runs the app on one command line.

The commands themselves are in `queries` (questions to the knowledge base) and `tools` (shell,
validate, import); the options they share in `options`. Errors are raised as `SdError` and
turned into one sentence and an exit code by the error boundary (`dispatch.guarded`); Click's
own usage errors become `SdError`s in `invoke` (worded by `usage.usage_sentence`), so they read
like every other error.
"""

from __future__ import annotations

import inspect
from typing import Annotated

import typer

from .. import __version__
from ..errors import ExitCode, SdError
from . import queries, tools
from .options import FILTERS_NOTE, run_state
from .usage import EXAMPLES, Command, clickx, examples, usage_sentence

app = typer.Typer(
    name="sdtargets",
    help="What Shandong committed to, by when, in which plan, and which agency answers for it.",
    epilog="[bold]Examples[/bold]\n"
    + "\n".join(f"  [cyan]sdtargets {EXAMPLES[c][0]}[/cyan]" for c in ("find", "agency", "due", "show"))
    + "\n\nRoot options (--db, --no-pager, --no-color) may go anywhere on the line;"
    + " 'sdtargets COMMAND --help' shows a command's options and examples.",
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# ---------------------------------------------------------------------------------------------
# Commands


def _print_version(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit(0)


@app.callback()
def root(
    db: Annotated[
        str | None,  # not Path: `--db ""` would be `.`; the store says what is wrong with it
        typer.Option(
            "--db",
            metavar="PATH",
            help="Database file to use, in a folder that exists (default: per-user cache; env SDTARGETS_DB).",
        ),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page long tables (they page only on a terminal).")
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain tables, no colour (as NO_COLOR=1).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Query the Shandong plan-targets knowledge base."""
    from .render import settings

    run_state["db"] = db
    settings.pager = not no_pager
    settings.color = not no_color


# ---------------------------------------------------------------------------------------------
# The commands, in the order the help lists them (`queries`, `tools`)

#: The commands whose filters may be repeated.
FILTERED = (queries.find, queries.agency, queries.due, queries.export, queries.progress)

for _command in (
    queries.find,
    queries.agency,
    queries.agencies,
    queries.due,
    queries.show,
    queries.plans,
    queries.export,
    queries.stats,
    queries.timeline,
    queries.progress,
    queries.scorecard,
    tools.shell,
    tools.browse,
    tools.validate,
):
    # the list commands' help ends with how repeated and different filters combine (one text)
    note = _command in FILTERED and f"{inspect.cleandoc(_command.__doc__ or '')}\n\n{FILTERS_NOTE}"
    app.command(cls=Command, epilog=examples(_command.__name__), help=note or None)(_command)
app.command("import", cls=Command, epilog=examples("import"))(tools.import_)


# ---------------------------------------------------------------------------------------------
# Running the Typer app (the error boundary itself is `dispatch.guarded`)


def invoke(args: list[str]) -> int:
    """Run the Typer app on ``args``; turn Typer's own exits into exit codes and its usage errors
    into `SdError`s: one sentence with the fix, exit 2, like every other error.

    `SdError`, Ctrl-C and broken pipes propagate to `dispatch.guarded`, the error boundary.
    """
    run_state["conn"] = None
    try:
        rv = app(args=args, prog_name="sdtargets", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except clickx.NoArgsIsHelpError as exc:
        exc.show()  # `sdtargets` alone, not at a terminal: the help, on stderr
        return ExitCode.USAGE
    except clickx.UsageError as exc:
        raise SdError(usage_sentence(exc, args)) from None
    except clickx.ClickException as exc:
        raise SdError(exc.format_message()) from None
    except SystemExit as exc:
        # Typer meets a closed pipe (`| head`) by sys.exit(1), which reads as "no results":
        # hand the pipe error to the boundary, which ends quietly with 0 as on the fast path
        if isinstance(exc.__context__, BrokenPipeError):
            raise exc.__context__ from None
        raise
    if rv == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into exit code 130 and says nothing
        raise KeyboardInterrupt
    return int(rv) if isinstance(rv, int) else 0
