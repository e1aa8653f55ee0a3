"""Turn lines of the old metric list (`name<TAB>unit<TAB>what it counts`) into entries of
data/metrics.yaml.

Usage: python scripts/metrics_migrate.py [FILE ...] [--write]

Reads the lines of each FILE (`-` for stdin; default stdin), skips comments, blank lines
and names data/metrics.yaml already has (as a name or an alias), and proposes one entry per new
name: the unit as given, and `family`, `quantity` and `scope` derived from the name, unit and
description by the documented rules (`sdtargets.kb.metrics.derive_*`; docs/progress.md).
Every proposed entry ends with the comment `# review: derived`: check its quantity and scope,
correct them if the rule got them wrong, then delete the comment. Without --write the entries go
to stdout; with --write they are inserted into data/metrics.yaml before its `links:` list.

Made for merging: a branch that appended lines to the old curation/metrics.txt (under `# PLANID`) gets
them into the vocabulary with one run.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sdtargets.kb.metrics import derive_family, derive_quantity, derive_scope  # noqa: E402
from sdtargets.kb.yamlfmt import scalar  # noqa: E402

VOCAB = ROOT / "data" / "metrics.yaml"
FLAG = "  # review: derived"


def entry(name: str, unit: str, about: str) -> dict:
    """A vocabulary entry proposed for one line of the old list."""
    out = {
        "name": name,
        "unit": unit,
        "family": derive_family(unit, name),
        "quantity": derive_quantity(name, unit, about),
    }
    scope = derive_scope(name)
    if scope:
        out["scope"] = scope
    out["about"] = about or name
    return out


def parse_lines(lines: list[str]) -> list[tuple[str, str, str]]:
    """(name, unit, about) of each data line; comments and blank lines skipped."""
    out = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        parts += [""] * (3 - len(parts))
        out.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return out


def known_names(text: str) -> set[str]:
    import yaml

    data = yaml.safe_load(text) or {}
    return {n for m in data.get("metrics") or [] for n in [m["name"], *(m.get("aliases") or [])]}


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__.strip())
        return 0
    odd = [a for a in argv if a.startswith("-") and a not in ("-", "--write")]
    if odd:
        print(f"Unknown option {odd[0]}: the options are --write and --help.", file=sys.stderr)
        return 2
    write = "--write" in argv
    files = [a for a in argv if a != "--write"] or ["-"]
    lines: list[str] = []
    for f in files:
        try:
            lines += (sys.stdin.read() if f == "-" else Path(f).read_text(encoding="utf-8")).splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"Cannot read {f}: {getattr(exc, 'strerror', None) or exc}.", file=sys.stderr)
            return 2
    current = VOCAB.read_text(encoding="utf-8") if VOCAB.exists() else "metrics:\nlinks: []\n"
    have = known_names(current)
    new = []
    for name, unit, about in parse_lines(lines):
        if name in have:
            continue
        have.add(name)
        new.append(f"- {scalar(entry(name, unit, about))}{FLAG}")
    if not write:
        sys.stdout.write("".join(line + "\n" for line in new))
    elif new:
        head, sep, tail = current.partition("\nlinks:")
        VOCAB.write_text(
            head.rstrip("\n") + "\n" + "\n".join(new) + "\n" + sep.lstrip("\n") + tail, encoding="utf-8"
        )
    print(
        f"{len(new)} new metric{'s' if len(new) != 1 else ''} proposed; review each '# review: derived'.",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
