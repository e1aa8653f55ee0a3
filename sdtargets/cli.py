"""Command-line interface: parses arguments, calls the library, renders.

Every command is a thin layer: resolve the filters, ask `query`/`search`/`agencies` for items,
hand them to `render.emit`. Errors are raised as `SdError` and turned into one sentence and an
exit code by `main`, the single error boundary.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import ExitCode, NoResults, SdError

app = typer.Typer(
    name="sdtargets",
    help="What Shandong committed to, by when, in which plan, and which agency answers for it.",
    rich_markup_mode=None,
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
    str | None,
    typer.Option("--plan", "-p", help="Plan id, alias or part of its title.", autocompletion=_complete_plan),
]
YearOpt = Annotated[
    int | None, typer.Option("--year", "-y", help="Only items with a target or deadline in this year.")
]
AgencyOpt = Annotated[
    str | None,
    typer.Option(
        "--agency", "-a", help="Only items this agency leads or supports.", autocompletion=_complete_agency
    ),
]
KindOpt = Annotated[str | None, typer.Option("--kind", "-k", help="goal, measure, indicator or result.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most this many items.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")]
FieldsOpt = Annotated[
    str | None, typer.Option("--fields", help="Comma-separated keys (JSON) or columns (tables) to show.")
]
FormatOpt = Annotated[
    str | None, typer.Option("--format", "-f", help="table, json, jsonl, csv, tsv, markdown or yaml.")
]


def _filters(plan: str | None, year: int | None, agency: str | None, kind: str | None, limit: int | None):  # noqa: ANN202
    from .agencies import resolve
    from .query import Filters, check_kind, check_year, resolve_plan

    f = Filters(kind=check_kind(kind), year=check_year(year), limit=limit)
    if plan is not None:
        f.plans = resolve_plan(conn(), plan)
    if agency is not None:
        f.agencies = resolve(conn(), agency).names
    return f


def _format(fmt: str | None, as_json: bool, fields: str | None = None) -> str:
    """The output format, with `--fields` applied to whatever is printed next."""
    from .render import choose_format, settings

    settings.fields = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    return choose_format(fmt, as_json)


def _done(items: list) -> ExitCode:
    if not items:
        raise NoResults()
    return ExitCode.OK


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
        typer.Option("--db", help="Database file to use (default: per-user cache; env SDTARGETS_DB)."),
    ] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page long tables.")] = False,
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


@app.command()
def find(
    query: Annotated[list[str], typer.Argument(help="Words to search for; every word must occur.")],
    plan: PlanOpt = None,
    year: YearOpt = None,
    agency: AgencyOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    exact: Annotated[bool, typer.Option("--exact", help="No fuzzy near-misses.")] = False,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Search every goal, measure, indicator and target; best matches first."""
    from . import commands

    fmt = _format(fmt, as_json, fields)
    filters = _filters(plan, year, agency, kind, limit)
    return commands.find(conn(), " ".join(query), filters, fmt, fuzzy=not exact)


@app.command()
def agency(
    name: Annotated[
        str,
        typer.Argument(
            help="Canonical name, full name, alias or near spelling.", autocompletion=_complete_agency
        ),
    ],
    role: Annotated[str | None, typer.Option("--role", "-r", help="lead or support.")] = None,
    plan: PlanOpt = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """An agency's duties, led and supported, grouped by plan."""
    from . import commands

    fmt = _format(fmt, as_json, fields)
    return commands.agency(conn(), name, _filters(plan, year, None, kind, limit), role, fmt)


@app.command()
def agencies(
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="Only agencies of this kind (e.g. 省政府组成部门).")
    ] = None,
    sort: Annotated[
        str, typer.Option("--sort", help="registry, name, led, supported or total.")
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
    rows = all_agencies(conn(), kind)
    keys = {
        "registry": None,
        "name": lambda a: a["name"],
        "led": lambda a: -a["led"],
        "supported": lambda a: -a["supported"],
        "total": lambda a: -(a["led"] + a["supported"]),
    }
    if sort not in keys:
        raise SdError(f"Unknown sort {sort!r}: use one of {', '.join(keys)}.")
    if keys[sort]:
        rows.sort(key=keys[sort])
    emit(rows, fmt, AGENCY_COLUMNS, caption=f"{len(rows)} agencies")
    return _done(rows)


@app.command()
def due(
    year: Annotated[int, typer.Argument(help="The year things are due.")],
    until: Annotated[int | None, typer.Option("--until", help="Last year of a range.")] = None,
    implied: Annotated[
        bool, typer.Option("--implied", help="Add targets and items whose only deadline is their plan's end.")
    ] = False,
    plan: PlanOpt = None,
    agency: AgencyOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Every target and deadline in a year (or range), with agency, value and plan."""
    from . import commands

    fmt = _format(fmt, as_json, fields)
    return commands.due(conn(), year, until, implied, _filters(plan, None, agency, kind, limit), fmt)


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id, e.g. green2023.2.")],
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """One item, whole, with its source citation."""
    from . import commands

    return commands.show(conn(), item_id, _format(fmt, as_json, fields))


@app.command()
def plans(as_json: JsonOpt = False, fmt: FormatOpt = None, fields: FieldsOpt = None) -> ExitCode:
    """The plans (documents and sub-plans) in the knowledge base."""
    from .query import plans as all_plans
    from .render import emit
    from .views import PLAN_COLUMNS

    fmt = _format(fmt, as_json, fields)
    rows = all_plans(conn())
    emit(rows, fmt, PLAN_COLUMNS)
    return _done(rows)


@app.command()
def export(
    plan: PlanOpt = None,
    year: YearOpt = None,
    agency: AgencyOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Every item (or the filtered ones), whole."""
    from .query import filtered_ids, items_by_id
    from .render import emit
    from .views import EXPORT_COLUMNS

    fmt = _format(fmt, as_json, fields)
    f = _filters(plan, year, agency, kind, limit)
    items = items_by_id(conn(), filtered_ids(conn(), f))
    emit(items, fmt, EXPORT_COLUMNS)
    return _done(items)


@app.command()
def stats(
    top: Annotated[int, typer.Option("--top", min=1, help="How many agencies to rank.")] = 15,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> ExitCode:
    """An overview: items and targets per plan, kind and year; the busiest agencies."""
    from .overview import stats as overview
    from .render import emit, emit_sections
    from .views import stats_sections

    fmt = _format(fmt, as_json)
    data = overview(conn(), top)
    if fmt in ("json", "yaml"):
        emit(data, fmt, [])
    else:
        emit_sections(stats_sections(data), fmt)
    return _done(data["plans"])


@app.command()
def timeline(
    metric: Annotated[list[str], typer.Argument(help="Metric name, or part of one (e.g. 高新技术企业).")],
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
    return _done(rows)


@app.command()
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


@app.command()
def validate(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Knowledge-base folder (default: the bundled one; env SDTARGETS_DATA)."),
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


@app.command("import")
def import_(
    file: Annotated[
        Path, typer.Argument(help="A plan text: UTF-8 text, an HTML page or a PDF with a text layer.")
    ],
    plan: Annotated[str, typer.Option("--plan", help="Plan id for the drafted items.")],
    lines: Annotated[
        str | None, typer.Option("--lines", help="Line range A-B of the (converted) text.")
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="The plan's years A-B (default: from its title).")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="The plan's last year (same as --period Y-Y).")
    ] = None,
    save_text: Annotated[
        Path | None,
        typer.Option("--save-text", help="Write the text the lines refer to (for an HTML page or PDF)."),
    ] = None,
) -> ExitCode:
    """Draft YAML items for a new document (review every one before committing it).

    The items go to stdout; a summary goes to stderr: items, clauses, agency names the registry
    lacks (with the nearest names and draft registry entries), numbers to check and numbers that
    became no target.
    """
    from .drafting import draft, load_registry, summary, to_yaml
    from .sources import read_source

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", plan):
        raise SdError(f"Plan id {plan!r} must be lower-case letters, digits and hyphens.")
    span = _year_range(period, "--period") if period else None
    if year is not None:
        if span:
            raise SdError("Give --period or --year, not both.")
        span = _year_range(f"{year}-{year}", "--year")
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
        save_text.write_text("\n".join(text_lines) + "\n", encoding="utf-8")
    d = draft(text_lines, plan, start, end, period=span, resolve=load_registry())
    if not d.items:
        raise NoResults(f"No items found in {file}.")
    sys.stdout.write(to_yaml(d))
    sys.stderr.write(summary(d))
    return ExitCode.OK


def _year_range(text: str, option: str) -> tuple[int, int]:
    """`2024-2027` → (2024, 2027); one sentence (exit 2) for anything else."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", text)
    if not m or not (1949 <= int(m.group(1)) <= int(m.group(2)) <= 2100):
        raise SdError(f"{option} {text!r} is not a span of years like 2024-2027.")
    return int(m.group(1)), int(m.group(2))


# ---------------------------------------------------------------------------------------------
# Running the Typer app (the error boundary itself is `sdtargets.main.main`)


def invoke(args: list[str]) -> int:
    """Run the Typer app on ``args``; turn Typer's own exits and usage errors into exit codes.

    `SdError`, Ctrl-C and broken pipes propagate to `sdtargets.main.main`, the error boundary.
    """
    try:
        from typer import _click as click  # typer 0.27 vendors click; its exceptions live here
    except ImportError:  # pragma: no cover - a typer that uses the click package
        import click

    _state["conn"] = None
    try:
        rv = app(args=args, prog_name="sdtargets", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USAGE
    if rv == 130:  # typer turns Ctrl-C into exit code 130 and says nothing
        raise KeyboardInterrupt
    return int(rv) if isinstance(rv, int) else 0
