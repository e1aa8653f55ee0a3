"""The commands that are not questions to the knowledge base: shell, browse, validate, import.

`shell` checks its setting up and hands over to `main` (`handoff.OpenShell`), which opens the
shell: the shell runs command lines through the app, so the app cannot import the shell.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ExitCode, NoResults, SdError
from .handoff import OpenShell
from .options import conn
from .usage import Text


def shell() -> ExitCode:
    """An interactive prompt: the same commands, with completion, history and `show N`."""
    from ..kb.paths import cache_dir

    history = cache_dir() / "history"
    try:
        history.parent.mkdir(parents=True, exist_ok=True)
        history.touch()
    except OSError:
        history = None
    raise OpenShell(conn(), str(history) if history else None)  # `main` opens it


def browse(
    query: Annotated[
        list[str] | None,
        typer.Argument(metavar="[QUERY…]", click_type=Text(), help="Words to search for first."),
    ] = None,
) -> ExitCode:
    """A full-screen explorer: search as you type, agencies, due, progress and plans (q quits)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise SdError(
            "browse needs a terminal (it is full-screen); in a script or a pipe, use find or agency."
        )
    from .browse import run
    from .render import settings

    return ExitCode(run(conn(), " ".join(query or []), no_color=not settings.color))


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
    from ..kb.paths import data_dir
    from ..kb.validate import validate_folder

    folder = data or data_dir()
    problems, summary = validate_folder(folder)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        raise SdError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {folder}.")
    print(summary, file=sys.stderr)
    return ExitCode.OK


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
    from ..drafting.draft import draft, load_registry, summary, to_yaml
    from ..drafting.sources import read_source
    from ..store.query import check_year

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
    from ..store.query import MAX_YEAR, MIN_YEAR

    m = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", text)
    if not m or not (MIN_YEAR <= int(m.group(1)) <= int(m.group(2)) <= MAX_YEAR):
        raise SdError(f"--period {text!r} is not a span of years like 2024-2027.")
    return int(m.group(1)), int(m.group(2))
