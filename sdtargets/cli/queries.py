"""The commands that ask the knowledge base: find, agency, agencies, due, show, plans, export,
stats, timeline, progress. Each is a thin layer: check the options (`options`), run the shared
command body (`commands`, which the fast path runs too) or ask the store, hand the rows to
`render.emit`. `app` registers them, in this order.
"""

from __future__ import annotations

import re
from typing import Annotated

import typer

from ..errors import ExitCode, NoResults, SdError
from ..store.agencies import SORTS
from . import commands
from .options import (
    STATS_TABLES,
    AgencyOpt,
    CountOpt,
    FieldsOpt,
    FormatOpt,
    JsonOpt,
    KindOpt,
    LimitOpt,
    PlanOpt,
    YearOpt,
    check_limit,
    complete_agency,
    conn,
    make_filters,
    output_format,
)
from .usage import Text, one_of


def find(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY…",
            click_type=Text(),
            help='Words or a question: "exact phrase", A OR B, -word (quote the query to use -word).',
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
    """Search every goal, measure, indicator and target; best matches first.

    Ask in words or as a question (2025年光伏装机目标是多少, "nuclear power capacity"). Items
    holding every word come first; words that only ask (目标, 是多少, what, how many) and words
    no item holds are left out, and stderr says so; when no item holds every word, the items
    holding most of them follow, each naming the words it lacks (`missing`). When the query
    names a metric (and perhaps a year), the answer leads: its targets and the latest figure
    reported, cited, above the table; in JSON, the items holding them come first, each with an
    `answer` key.

    Syntax: "exact phrase" (the words together, in order); A OR B (either word); -word (leave
    out items holding it: sdtargets find "氢能 -燃料电池"). Traditional characters and
    typos are read as `find` always has.

    English: read through the glossary's terms (`hydrogen` → 氢能, `trade secret` → 商业秘密) and
    the metrics' English descriptions (`nuclear power capacity` → 核电装机); a misspelt word is read
    as the nearest such word (`hydrogn`). When nothing matches, stderr names the English words
    read neither way, or too broad to stand for one term (`water`)."""
    fmt = output_format(fmt, as_json, fields, count)
    filters = make_filters(plan, year, agency, kind)
    return commands.find(conn(), " ".join(query), filters, fmt, fuzzy=not exact, limit=check_limit(limit))


def agency(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            click_type=Text(),
            help="Canonical name, full name, alias or near spelling.",
            autocompletion=complete_agency,
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
    """An agency's duties, led and supported, grouped by plan, with the documents it issued.

    NAME may be written in traditional characters (省科技廳), in English (the official name or
    part of it: "department of industry") or with a typo."""
    fmt = output_format(fmt, as_json, fields, count)
    filters = make_filters(plan, year, None, kind)
    return commands.agency(conn(), name, filters, role, fmt, limit=check_limit(limit))


def agencies(
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", "-k", metavar="KIND", help="Only agencies of this kind (e.g. 省政府组成部门)."
        ),
    ] = None,
    sort: Annotated[
        str, typer.Option("--sort", metavar="ORDER", help=f"Row order: {one_of(SORTS)}.")
    ] = "registry",
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Every agency in the registry with its counts of led and supported items."""
    from ..store.agencies import all_agencies
    from .render import emit
    from .views import AGENCY_COLUMNS

    fmt = output_format(fmt, as_json, fields)
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
    fmt = output_format(fmt, as_json, fields, count)
    filters = make_filters(plan, None, agency, kind)
    return commands.due(conn(), first, last, implied, filters, fmt, limit=check_limit(limit))


def show(
    item_id: Annotated[
        str, typer.Argument(metavar="ID", click_type=Text(), help="Item id, e.g. green2023.2.")
    ],
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """One item, whole, with its source citation."""
    return commands.show(conn(), item_id, output_format(fmt, as_json, fields))


def plans(as_json: JsonOpt = False, fmt: FormatOpt = None, fields: FieldsOpt = None) -> ExitCode:
    """The plans (documents and sub-plans) in the knowledge base, with the ids and aliases --plan takes."""
    from ..store.query import plans as all_plans
    from .render import emit
    from .views import PLAN_COLUMNS, parts_note, with_parts

    fmt = output_format(fmt, as_json, fields)
    rows = all_plans(conn())
    if fmt == "table":  # data formats keep each plan's own counts
        rows = with_parts(rows)
    emit(rows, fmt, PLAN_COLUMNS, caption=parts_note(rows))
    return commands.done(rows)


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
    fmt = output_format(fmt, as_json, fields, count)
    return commands.export(conn(), make_filters(plan, year, agency, kind), fmt, limit=check_limit(limit))


def stats(
    top: Annotated[int, typer.Option("--top", metavar="N", help="How many agencies to rank.")] = 15,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            metavar="TABLE",
            help=f"Only this table: {one_of(STATS_TABLES)} (CSV and TSV hold one; default plans).",
        ),
    ] = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> ExitCode:
    """An overview: items and targets per plan, kind and year; the busiest agencies."""
    from ..store.overview import stats as overview
    from .render import DATA_TABLES, emit, emit_sections
    from .views import stats_sections

    fmt = output_format(fmt, as_json)
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
    """Every target and reported figure of one metric, across plans and years.

    METRIC is a name or an alias of the vocabulary (城镇新增就业 is 新增城镇就业), in
    traditional characters, in English ("5G base stations", "nuclear power capacity"), with a
    typo, or part of a name (every metric containing it)."""
    from ..store.overview import timeline as metric_timeline
    from .render import emit
    from .views import timeline_columns

    fmt = output_format(fmt, as_json, fields)
    rows = metric_timeline(conn(), " ".join(metric))
    names = sorted({r["metric"] for r in rows})
    emit(rows, fmt, timeline_columns(rows), title="、".join(names))
    return commands.done(rows)


def progress(
    query: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TOPIC…]",
            click_type=Text(),
            help="Only targets on this topic, searched as find searches (every word must occur).",
        ),
    ] = None,
    plan: PlanOpt = None,
    year: Annotated[
        list[int] | None,
        typer.Option(
            "--year", "-y", metavar="YEAR", help="Only targets due in this year; repeat for several."
        ),
    ] = None,
    agency: AgencyOpt = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="Only targets of this kind of item: goal, measure or indicator; repeat for several.",
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
            help="At most N targets (the caption says N of how many); not with --summary.",
        ),
    ] = None,
    count: Annotated[
        bool, typer.Option("--count", help="Print only how many targets match (whatever --limit says).")
    ] = False,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="Print only the counts by status (per plan, or per agency) of every target;"
            " --limit does not apply.",
        ),
    ] = False,
    by: Annotated[
        str,
        typer.Option("--by", metavar="plan|agency", help="Count per plan (default) or per lead agency."),
    ] = "plan",
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """Did they deliver? Every target against the figures documents later report, with a verdict:
    the counts first, then the targets, verdicts first and the worst first."""
    from ..store.query import check_year
    from ..store.verdicts import check_statuses

    fmt = output_format(fmt, as_json, fields, count)
    statuses = check_statuses(status)
    if kind and "result" in kind:  # a valid kind, but never a target here: refused, not "no targets"
        raise SdError(
            "progress --kind takes goal, measure or indicator: results are what targets are checked against."
        )
    if by not in ("plan", "agency"):
        raise SdError(f"Unknown --by {by!r}: use plan or agency.")
    filters = make_filters(plan, None, agency, kind)  # --year is the targets' year, not the items'
    years = [check_year(y) for y in year] if year else None
    limit = check_limit(limit)
    if summary and limit is not None and fmt != "count":
        from .render import message

        # the counts are of every target: cutting their rows would leave a total that adds up
        # to rows not shown, and the rows come in the base's order, not by size
        message("sdtargets: --limit does not apply to --summary: the counts cover every target.")
    return commands.progress(
        conn(),
        filters,
        years,
        statuses,
        fmt,
        limit=limit,
        topic=" ".join(query or []),
        summary_only=summary,
        by=by,
    )


def scorecard(
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
) -> ExitCode:
    """The work reports' headline annual targets, year by year: target, result, verdict."""
    from ..store.scorecard import scorecard as card
    from .render import emit
    from .views import scorecard_columns

    fmt = output_format(fmt, as_json, fields)
    data = card(conn())
    plans = ", ".join(r["plan"] for r in data["reports"])
    caption = (
        f"{len(data['rows'])} headline targets of the work reports ({plans}): each year's target over"
        " the figure reported for it; ✓ met, ✗ not met, · no report, ≠ not comparable"
    )
    emit(data["rows"], fmt, scorecard_columns(data["years"]), title="scorecard", caption=caption)
    if not data["rows"]:
        raise NoResults("The base holds no government work report with targets for its year.")
    return ExitCode.OK
