"""What the commands share: this run's database connection, the options several commands take
(`--plan`, `--year`, `--agency`, `--kind`, `--limit`, `--json`, `--format`, `--fields`), their
completion, and turning their values into checked filters and an output format.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated

import typer

from ..errors import SdError
from ..store.query import KINDS
from .render import FORMATS
from .usage import one_of

run_state: dict[str, object] = {"db": None, "conn": None}


def conn() -> sqlite3.Connection:
    """The database connection for this run (built on first use)."""
    if run_state["conn"] is None:
        from .busy import open_store

        run_state["conn"] = open_store(run_state["db"])
    return run_state["conn"]  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# Completion callbacks (quiet on any failure: completion must never print errors)


def complete_agency(incomplete: str) -> list[str]:
    try:
        from ..store.agencies import agency_names
        from ..store.names import completions

        return completions(conn(), agency_names(conn()), incomplete)
    except Exception:  # noqa: BLE001
        return []


def complete_plan(incomplete: str) -> list[str]:
    try:
        from ..store.names import completions
        from ..store.query import plans

        names = [x for p in plans(conn()) for x in [p["id"], *p["aliases"]]]
        return completions(conn(), names, incomplete)
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
        autocompletion=complete_plan,
    ),
]
YearOpt = Annotated[
    list[int] | None,
    typer.Option(
        "--year",
        "-y",
        metavar="YEAR",
        help="Only items with a target or deadline in this year; repeat for any of several.",
    ),
]
AgencyOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--agency",
        "-a",
        metavar="NAME",
        help="Only items this agency leads or supports (any name form); repeat for any of several.",
        autocompletion=complete_agency,
    ),
]
KindOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kind", "-k", metavar="KIND", help=f"Only items of this kind: {one_of(KINDS)}; repeat for several."
    ),
]
#: Said in every list command's help: how repeated and different filters combine.
FILTERS_NOTE = (
    "Repeated filters: the values of one option are alternatives"
    " (--agency 省科技厅 --agency 省工信厅: either), different options must all hold"
    " (--agency 省科技厅 --year 2025: both)."
)
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
        help=f"{one_of(FORMATS)} (excel: CSV with the byte-order mark Excel needs for Chinese).",
    ),
]


def plan_ids(texts: list[str] | None) -> list[str] | None:
    """`--plan`, each value resolved; what a value matched is said on stderr when it is not
    plainly one id or alias (part of a title, or other titles with the same words)."""
    from ..store.query import match_plan
    from .render import message

    if not texts:
        return None
    ids: list[str] = []
    for text in texts:
        m = match_plan(conn(), text)
        ids += [i for i in m.ids if i not in ids]
        if m.by_title:
            message(f"sdtargets: --plan {text} matched {plan_names(m.named)}.")
        if m.others:
            extra = " ".join(f"--plan {o}" for o in m.others)
            message(
                f"sdtargets: --plan {text} is {', '.join(m.named)}; {plan_names(m.others)} "
                f"also {'has' if len(m.others) == 1 else 'have'} it in the title (add {extra})."
            )
    return ids


def plan_names(ids: list[str]) -> str:
    from ..store.query import plans

    short = {p["id"]: p["short"] or p["title"] for p in plans(conn())}
    return ", ".join(f"{i} ({short[i]})" for i in ids)


def make_filters(  # noqa: ANN201 - query.Filters
    plan: list[str] | None,
    year: int | list[int] | None,
    agency: str | list[str] | None,
    kind: str | list[str] | None,
):
    """The shared filters, each checked and resolved (plans and agencies by any of their names).
    A repeated option is a union of its values; different options an intersection."""
    from ..store.agencies import resolve
    from ..store.query import Filters, check_kind, check_year

    kinds = [check_kind(k) for k in _many(kind)]
    years = [check_year(y) for y in _many(year)]
    f = Filters(kind=kinds or None, year=years or None)
    f.plans = plan_ids(plan)
    from .render import message

    names: list[str] = []
    for text in _many(agency):
        notes: list[str] = []
        names += [n for n in resolve(conn(), text, notes).names if n not in names]
        for note in notes:  # a near spelling taken for the name, as `--plan` says what it matched
            message(f"sdtargets: --agency {note}.")
    f.agencies = names or None
    return f


def _many(value: object) -> list:
    """An option's values: none, one, or several (repeated)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def check_limit(limit: int | None) -> int | None:
    """`--limit`, refused below 1 (0 would read as no limit)."""
    if limit is not None and limit < 1:
        raise SdError(f"--limit takes a whole number of at least 1, not {str(limit)!r}.")
    return limit


def output_format(fmt: str | None, as_json: bool, fields: str | None = None, count: bool = False) -> str:
    """The output format, with `--fields` applied to whatever is printed next."""
    from .render import choose_format, settings

    settings.fields = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    return "count" if count else choose_format(fmt, as_json)


#: The tables of `stats` (`--table`), in the order it prints them.
STATS_TABLES = ("plans", "kinds", "years", "agencies")
