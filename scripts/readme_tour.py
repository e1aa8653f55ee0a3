"""Refresh every example in README.md and docs/*.md from the tool itself: the one command to run
whenever the knowledge base or any output changes.

Usage: python scripts/readme_tour.py            rewrite the examples and the generated tables
       python scripts/readme_tour.py --check    write nothing; list the examples that differ (exit 1)

What it refreshes, in every Markdown file of the README and docs/:
- the blocks between `<!-- NAME: generated … -->` and `<!-- /NAME -->` markers, wherever they stand:
  TOUR (the README's tour: the commands in `TOUR` below, each with what it teaches), PROGRESS (the
  progress example and the count of targets by status per document), COUNTS (the contents of the
  base per document);
- every ```console block whose command line starts with `$ sdtargets`: the lines below the
  command are replaced by what the tool prints for it (stderr first, then stdout, as a terminal
  shows them), run 100 columns wide, without colour, on the bundled base (`data/`) and a database
  in a temporary folder, never the user's cache.

A block may open with one comment line saying how it was made, which the refresh and
`tests/test_docs_examples.py` both honour:

    ```console
    # (first 14 lines; exit 2)
    $ sdtargets …

`first N lines`: the block keeps only the output's first N lines (an abridged example says so);
`exit N`: the command's expected exit code (0 when not given). A command that exits otherwise is
reported and makes the script exit 1. Other blocks (```text, a captured shell session) are not
examples and are left alone.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def doc_files() -> list[Path]:
    """The README and every Markdown file of docs/, in a stable order."""
    return [README, *sorted((ROOT / "docs").glob("*.md"))]


#: (what the reader learns, command line, how many output lines to keep: None for all)
TOUR = [
    (
        "Search every goal, measure and target; exact hits first, each row says why it matched:",
        "sdtargets find 低空经济",
        None,
    ),
    (
        "An agency by any of its names (here an everyday abbreviation): the documents it issued, and its"
        " duties, led and supported, grouped by plan:",
        "sdtargets agency 省工信厅 --plan green2023 --limit 1",
        None,
    ),
    (
        "In English too (or in traditional characters, or with a typo); stderr says how it read the query:",
        "sdtargets find hydrogen --plan 新能源",
        None,
    ),
    ("Everything due in a year, with agencies, values and plans:", "sdtargets due 2024 --plan 新能源", 16),
    (
        "One item whole, with its citation (a Five-Year-Plan indicator whose decimal point the PDF"
        " lost, restored and explained):",
        "sdtargets show fyp14.ind2",
        None,
    ),
    (
        "Data for scripts (`--json` on every command):",
        "sdtargets find 储能 --plan 新能源 --json --fields id,lead,years",
        None,
    ),
]

#: The "Did they deliver?" example: the Five-Year Plan's indicator table against the 2026 report,
#: the rows with a figure (the rest, no report, are counted under it).
PROGRESS_SCORECARD = "sdtargets progress --plan fyp14 --kind indicator"
PROGRESS_EXAMPLE = f"{PROGRESS_SCORECARD} --status met,not_met,not_comparable"
STATUSES = ("met", "not_met", "on_track", "behind", "no_report", "not_comparable")


def environment(folder: Path) -> dict[str, str]:
    """The environment every example runs in: 100 columns, no colour, the bundled base, and the
    database and cache in ``folder`` (never the user's)."""
    drop = ("FORCE_COLOR", "PAGER", "LESS")
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("SDTARGETS_")}
    return {
        **env,
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "SDTARGETS_DATA": str(ROOT / "data"),
        "SDTARGETS_DB": str(folder / "kb.sqlite"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }


def run(command: str, env: dict[str, str]) -> tuple[int, list[str]]:
    """Run ``command`` (a line starting `sdtargets`) as a user would; its exit code and the lines a
    terminal shows (stderr first: the notes come before the answer), without trailing spaces."""
    args = shlex.split(command)[1:]
    out = subprocess.run(
        [sys.executable, "-m", "sdtargets", *args], env=env, capture_output=True, text=True, check=False
    )
    text = out.stderr + out.stdout
    return out.returncode, [line.rstrip() for line in text.strip("\n").splitlines()]


# ---------------------------------------------------------------------------------------------
# Console examples


@dataclass
class Example:
    """One ```console block of a document: where it stands, its command, and what it shows."""

    path: Path
    line: int  # 1-based line of the `$ sdtargets` command
    command: str  # without the `$ `
    keep: int | None  # first N lines only, when the block says so
    exit: int  # the exit code the block expects
    shown: list[str]  # the output lines in the file
    span: tuple[int, int]  # 0-based [first output line, closing fence) in the file's lines

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line} {self.command.removeprefix('sdtargets ')}"

    def expected(self, lines: list[str]) -> list[str]:
        """The block's output for the tool's ``lines``: all of them, or the first ``keep``."""
        return lines if self.keep is None else lines[: self.keep]


MARKER = re.compile(r"^# \((?P<body>[^)]*)\)$")


def parse_marker(body: str) -> tuple[int | None, int]:
    """`first 14 lines; exit 2` → (14, 2). An unknown word is an error, never ignored."""
    keep, code = None, 0
    for part in filter(None, (p.strip() for p in body.split(";"))):
        if m := re.fullmatch(r"first (\d+) lines?", part):
            keep = int(m[1])
        elif m := re.fullmatch(r"exit (\d+)", part):
            code = int(m[1])
        else:
            raise ValueError(f"unknown example marker {part!r} (say 'first N lines' or 'exit N')")
    return keep, code


def examples(path: Path, text: str | None = None) -> list[Example]:
    """Every ```console block of ``path`` whose command starts with `$ sdtargets`. A console block
    that is not such an example is an error: every console block is checked, none skipped."""
    lines = (path.read_text(encoding="utf-8") if text is None else text).split("\n")
    found = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        first = i + 1
        keep, code = None, 0
        if first < len(lines) and (m := MARKER.match(lines[first])):
            keep, code = parse_marker(m["body"])
            first += 1
        if first >= len(lines) or not lines[first].startswith("$ sdtargets"):
            raise ValueError(
                f"{path.relative_to(ROOT)}:{i + 1}: a console block must start with '$ sdtargets …'"
                " (a capture that is not re-run is a ```text block)"
            )
        end = first + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        found.append(
            Example(path, first + 1, lines[first][2:], keep, code, lines[first + 1 : end], (first + 1, end))
        )
        i = end + 1
    return found


def refresh_examples(path: Path, text: str, env: dict[str, str], problems: list[str]) -> str:
    """``text`` with every example's output replaced by what the tool prints now."""
    lines = text.split("\n")
    for ex in reversed(examples(path, text)):  # from the end, so earlier spans stay valid
        code, out = run(ex.command, env)
        if code != ex.exit:
            problems.append(f"{ex.name}: exited {code}, the block expects {ex.exit}")
        lines[ex.span[0] : ex.span[1]] = ex.expected(out)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Generated blocks


def tour_block() -> list[str]:
    """The tour: each lesson and its command; the outputs are filled in as every example is."""
    parts = ["<!-- TOUR: generated by scripts/readme_tour.py; do not edit by hand -->", "## A tour", ""]
    for lesson, command, keep in TOUR:
        marker = [f"# (first {keep} lines)"] if keep is not None else []
        parts += [*([lesson, ""] if lesson else []), "```console", *marker, f"$ {command}", "```", ""]
    return [*parts, "<!-- /TOUR -->"]


def counts_block(env: dict[str, str]) -> list[str]:
    """The knowledge base's contents per document and sub-plan, as a Markdown table."""
    plans = json.loads("\n".join(run("sdtargets plans --json", env)[1]))
    items = json.loads("\n".join(run("sdtargets export --json", env)[1]))
    kinds = ("goal", "measure", "indicator", "result")
    rows = [
        "| plan | items | " + " | ".join(kinds) + " | targets | with agencies | numbers kept raw (restored) |"
    ]
    rows.append("|---|" + "---|" * (len(kinds) + 4))

    def row(label: str, mine: list[dict]) -> str:
        targets = [t for i in mine for t in i["targets"]]
        cells = [
            label,
            len(mine),
            *(sum(i["kind"] == k for i in mine) for k in kinds),
            len(targets),
            sum(bool(i["lead"] or i["support"]) for i in mine),
            sum("raw" in t for t in targets),
        ]
        return "| " + " | ".join(str(c) for c in cells) + " |"

    for plan in plans:
        children = [p["id"] for p in plans if p.get("parent") == plan["id"]]
        mine = [i for i in items if i["plan"] in (plan["id"], *children)]
        label = f"`{plan['id']}` {plan.get('short') or plan['title']}"
        rows.append(row(label if not plan.get("parent") else f"&nbsp;&nbsp;↳ {label}", mine))
    rows.append(row("**all**", items))
    return [
        "<!-- COUNTS: generated by scripts/readme_tour.py; do not edit by hand -->",
        *rows,
        "<!-- /COUNTS -->",
    ]


def progress_block(env: dict[str, str]) -> list[str]:
    """The `progress` example (filled in as every example is), then the count of targets by status
    per document."""

    def parsed(command: str) -> list[dict]:
        code, out = run(command, env)
        return json.loads("\n".join(out)) if code == 0 and out else []

    rows = ["| plan | targets | " + " | ".join(STATUSES) + " |", "|---|" + "---|" * (len(STATUSES) + 1)]
    plans = [p for p in parsed("sdtargets plans --json") if not p.get("parent")]
    every: list[dict] = []
    for plan in plans:
        mine = parsed(f"sdtargets progress --plan {plan['id']} --json")
        every += mine
        rows.append(
            f"| `{plan['id']}` | {len(mine)} | "
            + " | ".join(str(sum(r["status"] == s for r in mine)) for s in STATUSES)
            + " |"
        )
    rows.append(
        f"| **all** | {len(every)} | "
        + " | ".join(str(sum(r["status"] == s for r in every)) for s in STATUSES)
        + " |"
    )
    card = parsed(f"{PROGRESS_SCORECARD} --json")
    tally = ", ".join(
        f"{n} {s.replace('_', ' ')}" for s in STATUSES if (n := sum(r["status"] == s for r in card))
    )
    return [
        "<!-- PROGRESS: generated by scripts/readme_tour.py; do not edit by hand -->",
        "```console",
        f"$ {PROGRESS_EXAMPLE}",
        "```",
        "",
        f"All {len(card)} targets of the indicator table (`{PROGRESS_SCORECARD}`): {tally}.",
        "",
        "Targets by status, per document (its sub-plans included):",
        "",
        *rows,
        "<!-- /PROGRESS -->",
    ]


def replace_block(text: str, name: str, block: str) -> str:
    """Put ``block`` where the `<!-- NAME … /NAME -->` block (or a bare `<!-- NAME -->`) stands."""
    closing = f"<!-- /{name} -->"
    pattern = re.compile(
        rf"<!-- {name}.*?{re.escape(closing)}" if closing in text else rf"<!-- {name} -->", re.S
    )
    return pattern.sub(lambda _: block, text, count=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; list the examples that differ")
    args = parser.parse_args(argv)
    problems: list[str] = []
    changed: list[str] = []
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(Path(tmp))
        generated = {
            "TOUR": lambda: tour_block(),
            "PROGRESS": lambda: progress_block(env),
            "COUNTS": lambda: counts_block(env),
        }
        for path in doc_files():
            old = path.read_text(encoding="utf-8")
            text = old
            for name, make in generated.items():
                if f"<!-- {name}" in text:
                    text = replace_block(text, name, "\n".join(make()))
            text = refresh_examples(path, text, env, problems)
            count += len(examples(path, text))
            if text != old:
                changed.append(str(path.relative_to(ROOT)))
                if not args.check:
                    path.write_text(text, encoding="utf-8")
    verb = "differ" if args.check else "rewritten"
    print(f"{count} console examples in {len(doc_files())} files; {verb}: {', '.join(changed) or 'none'}")
    for problem in problems:
        print(f"readme_tour: {problem}", file=sys.stderr)
    return 1 if problems or (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
