"""Command-line interface: parses arguments, calls the library, renders.

Every command is a thin layer: resolve the filters, ask `query`/`search`/`agencies` for items,
hand them to `render.emit`. Errors are raised as `SdError` and turned into one sentence and an
exit code by `main`, the single error boundary; Click's own usage errors become `SdError`s in
`invoke` (worded by `usage.usage_sentence`), so they read like every other error.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__, commands
from .agencies import SORTS
from .errors import ExitCode, NoResults, SdError
from .query import KINDS
from .render import FORMATS
from .usage import EXAMPLES, Command, Text, clickx, usage_sentence
from .usage import examples as _examples
from .usage import one_of as _one_of

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

_state: dict[str, object] = {"db": None, "conn": None}


def conn() -> sqlite3.Connection:
    """The database connection for this run (built on first use)."""
    if _state["conn"] is None:
        from .db import connect

        _state["conn"] = connect(_state["db"])
    return _state["conn"]  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# Completion callbacks (quiet on any failure: completion must never print errors)


def _complete_agency(incomplete: str) -> list[str]:
    try:
        from .agencies import agency_names

        return [n for n in agency_names(conn()) if n.startswith(incomplete)]
    except Exception:  # noqa: BLE001
        return []


def _complete_plan(incomplete: str) -> list[str]:
    try:
        from .query import plans

        names = [x for p in plans(conn()) for x in [p["id"], *p["aliases"]]]
        return [n for n in names if n.startswith(incomplete)]
    except Exception:  # noqa: BLE001
        return []


# ---------------------------------------------------------------------------------------------
# Shared options


PlanOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--plan",
        "-p",
        metavar="PLAN",
        help="Plan id, alias or part of its title; repeat for several. A document includes its sub-plans.",
        autocompletion=_complete_plan,
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option("--year", "-y", metavar="YEAR", help="Only items with a target or deadline in this year."),
]
AgencyOpt = Annotated[
    str | None,
    typer.Option(
        "--agency",
        "-a",
        metavar="NAME",
        help="Only items this agency leads or supports (any name form).",
        autocompletion=_complete_agency,
    ),
]
KindOpt = Annotated[
    str | None,
    typer.Option("--kind", "-k", metavar="KIND", help=f"Only items of this kind: {_one_of(KINDS)}."),
]
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", "-n", metavar="N", help="At most N items (the caption says N of how many)."),
]
CountOpt = Annotated[
    bool, typer.Option("--count", help="Print only how many items match (whatever --limit says).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,…",
        help="Only these columns (tables, CSV) or keys (JSON): any column shown or key of the items.",
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"{_one_of(FORMATS)} (excel: CSV with the byte-order mark Excel needs for Chinese).",
    ),
]


def _plans(texts: list[str] | None) -> list[str] | None:
    """`--plan`, each value resolved; what a value matched is said on stderr when it is not
    plainly one id or alias (part of a title, or other titles with the same words)."""
    from .query import match_plan
    from .render import message

    if not texts:
        return None
    ids: list[str] = []
    for text in texts:
        m = match_plan(conn(), text)
        ids += [i for i in m.ids if i not in ids]
        if m.by_title:
            message(f"sdtargets: --plan {text} matched {_plan_names(m.named)}.")
        if m.others:
            extra = " ".join(f"--plan {o}" for o in m.others)
            message(
                f"sdtargets: --plan {text} is {', '.join(m.named)}; {_plan_names(m.others)} "
                f"also {'has' if len(m.others) == 1 else 'have'} it in the title (add {extra})."
            )
    return ids


def _plan_names(ids: list[str]) -> str:
    from .query import plans

    short = {p["id"]: p["short"] or p["title"] for p in plans(conn())}
    return ", ".join(f"{i} ({short[i]})" for i in ids)


def _filters(plan: list[str] | None, year: int | None, agency: str | None, kind: str | None):  # noqa: ANN202
    """The shared filters, each checked and resolved (plans and agencies by any of their names)."""
    from .agencies import resolve
    from .query import Filters, check_kind, check_year

    f = Filters(kind=check_kind(kind), year=check_year(year))
    f.plans = _plans(plan)
    if agency is not None:
        f.agencies = resolve(conn(), agency).names
    return f


def _limit(limit: int | None) -> int | None:
    """`--limit`, refused below 1 (0 would read as no limit)."""
    if limit is not None and limit < 1:
        raise SdError(f"--limit takes a whole number of at least 1, not {str(limit)!r}.")
    return limit


def _format(fmt: str | None, as_json: bool, fields: str | None = None, count: bool = False) -> str:
    """The output format, with `--fields` applied to whatever is printed next."""
    from .render import choose_format, settings

    settings.fields = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    return "count" if count else choose_format(fmt, as_json)


# ---------------------------------------------------------------------------------------------
# Commands


def _print_version(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit(0)


@app.callback()
def root(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", metavar="PATH", help="Database file to use (default: per-user cache; env SDTARGETS_DB)."
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

    _state["db"] = db
    settings.pager = not no_pager
    settings.color = not no_color


@app.command(cls=Command, epilog=_examples("find"))
def find(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY…", click_type=Text(), help="Words to search for; every word must occur."
        ),
    ],
    plan: PlanOpt = None,
    year: YearOpt = None,
    agency: AgencyOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    exact: Annotated[bool, typer.Option("--exact", help="No fuzzy near-misses.")] = False,
    count: CountOpt = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Search every goal, measure, indicator and target; best matches first."""
    fmt = _format(fmt, as_json, fields, count)
    filters = _filters(plan, year, agency, kind)
    return commands.find(conn(), " ".join(query), filters, fmt, fuzzy=not exact, limit=_limit(limit))


@app.command(cls=Command, epilog=_examples("agency"))
def agency(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            click_type=Text(),
            help="Canonical name, full name, alias or near spelling.",
            autocompletion=_complete_agency,
        ),
    ],
    role: Annotated[
        str | None,
        typer.Option("--role", "-r", metavar="ROLE", help="Only duties in this role: lead or support."),
    ] = None,
    plan: PlanOpt = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    count: CountOpt = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """An agency's duties, led and supported, grouped by plan, with the documents it issued."""
    fmt = _format(fmt, as_json, fields, count)
    filters = _filters(plan, year, None, kind)
    return commands.agency(conn(), name, filters, role, fmt, limit=_limit(limit))


@app.command(cls=Command, epilog=_examples("agencies"))
def agencies(
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", "-k", metavar="KIND", help="Only agencies of this kind (e.g. 省政府组成部门)."
        ),
    ] = None,
    sort: Annotated[
        str, typer.Option("--sort", metavar="ORDER", help=f"Row order: {_one_of(SORTS)}.")
    ] = "registry",
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Every agency in the registry with its counts of led and supported items."""
    from .agencies import all_agencies
    from .render import emit
    from .views import AGENCY_COLUMNS

    fmt = _format(fmt, as_json, fields)
    rows = all_agencies(conn(), kind, sort)
    emit(rows, fmt, AGENCY_COLUMNS, caption=f"{len(rows)} agencies")
    return commands.done(rows)


def _years(text: str, until: int | None) -> tuple[int, int | None]:
    """`due`'s YEAR: `2024`, or a range `2024-2025` (also `2024..2025`, `2024–2025`, `2024~2025`)."""
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|–|—|~|～|\.\.|to)\s*(\d{4}))?\s*", text)
    if not m:
        raise SdError(f"due takes a year or a range of years, such as 2024 or 2024-2025, not {text!r}.")
    first, last = int(m.group(1)), (int(m.group(2)) if m.group(2) else None)
    if last is None:
        return first, until
    if until is not None and until != last:
        raise SdError(f"due {text} and --until {until} disagree: give the range once.")
    if last < first:  # said here, in the words typed: `query.due` would speak of --until
        raise SdError(f"due {text} runs backwards: give the first year, then the last ({last}-{first}).")
    return first, last


@app.command(cls=Command, epilog=_examples("due"))
def due(
    year: Annotated[
        str,
        typer.Argument(
            metavar="YEAR", click_type=Text(), help="The year things are due, or a range: 2024-2025."
        ),
    ],
    until: Annotated[
        int | None, typer.Option("--until", metavar="YEAR", help="Last year of a range (as due 2024-2025).")
    ] = None,
    implied: Annotated[
        bool, typer.Option("--implied", help="Add targets and items whose only deadline is their plan's end.")
    ] = False,
    plan: PlanOpt = None,
    agency: AgencyOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    count: CountOpt = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Every target and deadline in a year (or range), with agency, value and plan."""
    first, last = _years(year, until)
    fmt = _format(fmt, as_json, fields, count)
    filters = _filters(plan, None, agency, kind)
    return commands.due(conn(), first, last, implied, filters, fmt, limit=_limit(limit))


@app.command(cls=Command, epilog=_examples("show"))
def show(
    item_id: Annotated[
        str, typer.Argument(metavar="ID", click_type=Text(), help="Item id, e.g. green2023.2.")
    ],
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """One item, whole, with its source citation."""
    return commands.show(conn(), item_id, _format(fmt, as_json, fields))


@app.command(cls=Command, epilog=_examples("plans"))
def plans(as_json: JsonOpt = False, fmt: FormatOpt = None, fields: FieldsOpt = None) -> ExitCode:
    """The plans (documents and sub-plans) in the knowledge base, with the ids and aliases --plan takes."""
    from .query import plans as all_plans
    from .render import emit
    from .views import PLAN_COLUMNS, parts_note, with_parts

    fmt = _format(fmt, as_json, fields)
    rows = all_plans(conn())
    if fmt == "table":  # data formats keep each plan's own counts
        rows = with_parts(rows)
    emit(rows, fmt, PLAN_COLUMNS, caption=parts_note(rows))
    return commands.done(rows)


@app.command(cls=Command, epilog=_examples("export"))
def export(
    plan: PlanOpt = None,
    year: YearOpt = None,
    agency: AgencyOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    count: CountOpt = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Every item (or the filtered ones), whole."""
    fmt = _format(fmt, as_json, fields, count)
    return commands.export(conn(), _filters(plan, year, agency, kind), fmt, limit=_limit(limit))


STATS_TABLES = ("plans", "kinds", "years", "agencies")


@app.command(cls=Command, epilog=_examples("stats"))
def stats(
    top: Annotated[int, typer.Option("--top", metavar="N", help="How many agencies to rank.")] = 15,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            metavar="TABLE",
            help=f"Only this table: {_one_of(STATS_TABLES)} (CSV and TSV hold one; default plans).",
        ),
    ] = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> ExitCode:
    """An overview: items and targets per plan, kind and year; the busiest agencies."""
    from .overview import stats as overview
    from .render import DATA_TABLES, emit, emit_sections
    from .views import stats_sections

    fmt = _format(fmt, as_json)
    if top < 1:
        raise SdError(f"--top takes a whole number of at least 1, not {str(top)!r}.")
    if table is not None and table not in STATS_TABLES:
        raise SdError(f"Unknown table {table!r}: use one of {', '.join(STATS_TABLES)}.")
    if table is None and fmt in DATA_TABLES:
        table = "plans"  # one table per stream: a CSV reader expects one header
    data = overview(conn(), top)
    if fmt in ("json", "jsonl", "yaml"):
        emit(data if table is None else data[table], fmt, [])
    else:
        sections = stats_sections(data)
        emit_sections(sections if table is None else [sections[STATS_TABLES.index(table)]], fmt)
    return commands.done(data["plans"])


@app.command(cls=Command, epilog=_examples("timeline"))
def timeline(
    metric: Annotated[
        list[str],
        typer.Argument(
            metavar="METRIC", click_type=Text(), help="Metric name, or part of one (e.g. 高新技术企业)."
        ),
    ],
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Every target and reported figure of one metric, across plans and years."""
    from .overview import timeline as metric_timeline
    from .render import emit
    from .views import timeline_columns

    fmt = _format(fmt, as_json, fields)
    rows = metric_timeline(conn(), " ".join(metric))
    names = sorted({r["metric"] for r in rows})
    emit(rows, fmt, timeline_columns(rows), title="、".join(names))
    return commands.done(rows)


@app.command(cls=Command, epilog=_examples("progress"))
def progress(
    plan: PlanOpt = None,
    year: Annotated[
        int | None, typer.Option("--year", "-y", metavar="YEAR", help="Only targets due in this year.")
    ] = None,
    agency: AgencyOpt = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="Only targets of this kind of item: goal, measure or indicator.",
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUS,…",
            help="met, not_met, on_track, behind, no_report or not_comparable (comma-separated).",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            metavar="N",
            help="At most N targets (the caption says N of how many).",
        ),
    ] = None,
    count: Annotated[
        bool, typer.Option("--count", help="Print only how many targets match (whatever --limit says).")
    ] = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Did they deliver? Every target against the figures documents later report, with a verdict."""
    from .query import check_year
    from .verdicts import check_statuses

    fmt = _format(fmt, as_json, fields, count)
    statuses = check_statuses(status)
    if kind == "result":  # a valid kind, but never a target here: refused, not "no targets"
        raise SdError(
            "progress --kind takes goal, measure or indicator: results are what targets are checked against."
        )
    filters = _filters(plan, None, agency, kind)  # --year is the targets' year, not the items'
    return commands.progress(conn(), filters, check_year(year), statuses, fmt, limit=_limit(limit))


@app.command(cls=Command, epilog=_examples("shell"))
def shell() -> ExitCode:
    """An interactive prompt: the same commands, with completion, history and `show N`."""
    from .paths import cache_dir
    from .shell import shell as repl

    history = cache_dir() / "history"
    try:
        history.parent.mkdir(parents=True, exist_ok=True)
        history.touch()
    except OSError:
        history = None
    return ExitCode(repl(conn(), str(history) if history else None))


@app.command(cls=Command, epilog=_examples("browse"))
def browse(
    query: Annotated[
        list[str] | None,
        typer.Argument(metavar="[QUERY…]", click_type=Text(), help="Words to search for first."),
    ] = None,
) -> ExitCode:
    """A full-screen explorer: search as you type, agencies, due, progress and plans (q quits)."""
    from .browse import run
    from .render import settings

    return ExitCode(run(conn(), " ".join(query or []), no_color=not settings.color))


@app.command(cls=Command, epilog=_examples("validate"))
def validate(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            metavar="FOLDER",
            help="Knowledge-base folder (default: the bundled one; env SDTARGETS_DATA).",
        ),
    ] = None,
) -> ExitCode:
    """Check the YAML: schema, references, and every item against its source text."""
    from .paths import data_dir
    from .validate import validate_folder

    folder = data or data_dir()
    problems, summary = validate_folder(folder)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        raise SdError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {folder}.")
    print(summary, file=sys.stderr)
    return ExitCode.OK


@app.command("import", cls=Command, epilog=_examples("import"))
def import_(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            click_type=Text(),
            help="A plan text: UTF-8 text, an HTML page or a PDF with a text layer.",
        ),
    ],
    plan: Annotated[str, typer.Option("--plan", metavar="ID", help="Plan id for the drafted items.")],
    lines: Annotated[
        str | None, typer.Option("--lines", metavar="A-B", help="Line range A-B of the (converted) text.")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", metavar="A-B", help="The plan's years A-B (default: from its title)."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="YEAR", help="The plan's last year (same as --period Y-Y)."),
    ] = None,
    save_text: Annotated[
        Path | None,
        typer.Option(
            "--save-text", metavar="FILE", help="Write the text the lines refer to (for an HTML page or PDF)."
        ),
    ] = None,
) -> ExitCode:
    """Draft YAML items for a new document (review every one before committing it).

    The items go to stdout; a summary goes to stderr: items, clauses, agency names the registry
    lacks (with the nearest names and draft registry entries), numbers to check and numbers that
    became no target.
    """
    from .drafting import draft, load_registry, summary, to_yaml
    from .query import check_year
    from .sources import read_source

    file = Path(file)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", plan):
        raise SdError(f"Plan id {plan!r} must be lower-case letters, digits and hyphens.")
    span = _period(period) if period else None
    if year is not None:
        if span:
            raise SdError("Give --period or --year, not both.")
        span = (check_year(year, "plan year"), year)
    if not file.is_file():
        raise SdError(f"{file} is not a file.")
    text_lines = read_source(file)
    start, end = 1, len(text_lines)
    if lines:
        m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", lines)
        if not m:
            raise SdError(f"--lines {lines!r} is not a range like 20-75.")
        start, end = int(m.group(1)), int(m.group(2))
        if start < 1 or end < start:
            raise SdError(
                f"--lines {lines} runs backwards or starts before line 1: give the first line, then the last."
            )
        if start > len(text_lines):
            raise SdError(f"--lines {lines} starts after the end of {file} ({len(text_lines)} lines).")
        end = min(end, len(text_lines))
    if save_text:
        try:
            save_text.write_text("\n".join(text_lines) + "\n", encoding="utf-8")
        except OSError as exc:
            raise SdError(f"Cannot write --save-text {save_text}: {exc.strerror or exc}.") from None
    from .busy import busy

    with busy(f"Drafting items from {file.name}"):  # a pulsing bar on stderr if it is slow
        d = draft(text_lines, plan, start, end, period=span, resolve=load_registry())
    if not d.items:
        raise NoResults(f"No items found in {file}.")
    sys.stdout.write(to_yaml(d))
    sys.stderr.write(summary(d))
    return ExitCode.OK


def _period(text: str) -> tuple[int, int]:
    """`2024-2027` → (2024, 2027); one sentence (exit 2) for anything else."""
    from .query import MAX_YEAR, MIN_YEAR

    m = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", text)
    if not m or not (MIN_YEAR <= int(m.group(1)) <= int(m.group(2)) <= MAX_YEAR):
        raise SdError(f"--period {text!r} is not a span of years like 2024-2027.")
    return int(m.group(1)), int(m.group(2))


# ---------------------------------------------------------------------------------------------
# Running the Typer app (the error boundary itself is `sdtargets.main.main`)


def invoke(args: list[str]) -> int:
    """Run the Typer app on ``args``; turn Typer's own exits into exit codes and its usage errors
    into `SdError`s: one sentence with the fix, exit 2, like every other error.

    `SdError`, Ctrl-C and broken pipes propagate to `sdtargets.main.main`, the error boundary.
    """
    _state["conn"] = None
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
