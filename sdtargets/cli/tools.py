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
            help="Knowledge-base folder (default: env SDTARGETS_DATA, else the data/ of the source "
            "checkout you are in, else the installed one).",
        ),
    ] = None,
) -> ExitCode:
    """Check the YAML: schema, references, and every item against its source text.

    Inside a source checkout it checks that checkout's `data/` (what a curator just assembled),
    not the copy an installed wheel carries, and it always says which folder it checked.
    """
    import os

    from ..kb.paths import checkout_root, data_dir
    from ..kb.validate import validate_folder

    root = checkout_root()
    folder = data or (root / "data" if root and not os.environ.get("SDTARGETS_DATA") else data_dir())
    print(f"Checking {folder}", file=sys.stderr)
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
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="Write the fragment, plan entry and draft registry, metric and glossary entries into "
            "the checkout's curation/ (never over an existing file).",
        ),
    ] = False,
) -> ExitCode:
    """Draft YAML items for a new document (review every one before committing it).

    The items go to stdout (with --write, to curation/review/ID.yaml with the plan entry and the
    draft entries beside it); the summary, the curator's to-do list, goes to stderr: one line per
    item a person must settle, the metric names to add, numbers that became no target.
    """
    from ..drafting.draft import draft, load_registry, summary, to_yaml
    from ..drafting.sources import read_source
    from ..kb.paths import checkout_root, data_dir
    from ..store.query import check_year

    file = Path(file)
    root = checkout_root()
    folder = root / "data" if root else data_dir()
    if write:
        if root is None:
            raise SdError("--write needs a source checkout (curation/, scripts/assemble.py): run it there.")
        if not file.is_file() or file.resolve().parent != (root / "data" / "sources").resolve():
            raise SdError(
                f"--write drafts from a file in {root / 'data' / 'sources'}: copy {file} there first."
            )
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

    known, plans = _base_names(folder)
    resolver = load_registry(folder)
    if root is not None:  # drafts of other documents not assembled yet: never drafted twice
        from ..drafting.write import pending_drafts, registry_resolver

        agencies, metrics = pending_drafts(root)
        known |= metrics
        if agencies:
            from ..kb.load import AGENCIES_FILE
            from ..kb.yamlread import read_yaml

            resolver = registry_resolver(read_yaml(folder / AGENCIES_FILE)["agencies"] + agencies)
    if plan in plans:
        print(
            f"Warning: plan {plan} is already in {folder}: its items and the draft's would share ids.",
            file=sys.stderr,
        )
    with busy(f"Drafting items from {file.name}"):  # a pulsing bar on stderr if it is slow
        d = draft(
            text_lines,
            plan,
            start,
            end,
            period=span,
            resolve=resolver,
            vocabulary=_vocabulary(folder),
            learned=_learned(folder, plan),
        )
    if not d.items:
        raise NoResults(f"No items found in {file}.")
    written = None
    if write:
        from ..drafting.write import write_draft

        w = write_draft(d, root, text_lines, file.name, to_yaml(d), known)
        written = [str(p.relative_to(root)) for p in w.files] + w.todo
    else:
        sys.stdout.write(to_yaml(d))
    sys.stderr.write(summary(d, known, written))
    return ExitCode.OK


def _base_names(folder: Path) -> tuple[set[str], set[str]]:
    """The metric names (canonical and aliases) and plan ids of the base in ``folder``, read
    without validating it (a base half-way through curation still drafts)."""
    from ..kb.metrics import read_vocabulary
    from ..kb.yamlread import read_yaml

    vocab, _ = read_vocabulary(folder)
    known = {n for m in vocab["metrics"] for n in [m["name"], *(m.get("aliases") or [])]}
    try:
        plans = {p["id"] for p in read_yaml(folder / "targets.yaml").get("plans") or []}
    except (SdError, OSError, AttributeError, TypeError, KeyError):
        plans = set()
    return known, plans


def _learned(folder: Path, plan: str):  # noqa: ANN202 (the drafting module is imported here only)
    """The wording → name table the base's curated targets teach, leaving out the plan being drafted
    and its sub-plans (a draft of a curated document learns only from the others); none if the
    base cannot be read."""
    from ..drafting.names import LearnedNames
    from ..kb.yamlread import read_yaml

    try:
        base = read_yaml(folder / "targets.yaml")
        own, grew = {plan}, True
        while grew:  # the plan's sub-plans, however deep
            grew = False
            for p in base.get("plans") or []:
                if p.get("parent") in own and p["id"] not in own:
                    own.add(p["id"])
                    grew = True
        return LearnedNames.learn(base.get("items") or [], leave_out=own)
    except (SdError, OSError, AttributeError, TypeError, KeyError):
        return None


def _vocabulary(folder: Path):  # noqa: ANN202 (the drafting module is imported here only)
    """The base's metric vocabulary for naming drafted figures; none if it cannot be read."""
    from ..drafting.vocabulary import Vocabulary
    from ..kb.metrics import read_vocabulary

    try:
        return Vocabulary(read_vocabulary(folder)[0]["metrics"])
    except (SdError, OSError, KeyError, TypeError):
        return None


def _period(text: str) -> tuple[int, int]:
    """`2024-2027` → (2024, 2027); one sentence (exit 2) for anything else."""
    from ..store.query import MAX_YEAR, MIN_YEAR

    m = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", text)
    if not m or not (MIN_YEAR <= int(m.group(1)) <= int(m.group(2)) <= MAX_YEAR):
        raise SdError(f"--period {text!r} is not a span of years like 2024-2027.")
    return int(m.group(1)), int(m.group(2))
