"""Assemble data/targets.yaml from curation/plans.yaml and the reviewed fragments.

Usage: python scripts/assemble.py [--check] [--out PATH] [FRAGMENT.yaml ...]   (default:
curation/review/*.yaml in the order of ORDER). With --check, write nothing and exit 1 if
data/targets.yaml differs from what the fragments assemble to (the test suite runs this, so the two
cannot drift apart). With --out, write the assembly to PATH instead of data/targets.yaml (to
validate a fragment under review in a scratch knowledge-base folder without touching the product).

Fragments are concatenated block by block, unchanged, so that the committed
file keeps the curators' layout; the result is then parsed to make sure it is valid YAML.
"""

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ORDER = [
    "green2023-a",
    "green2023-b",
    "green2023-c",
    "act2024-g1",
    "act2024-g2",
    "act2024-g3",
    "act2024-g4",
    "fyp14",
    "gxt2024",
    "news2024",
    "mfg2023",
    "chain2024",
    "gwr2026-a",
    "gwr2026-b",
    "gwr2024-a",
    "gwr2024-b",
    "gwr2025-a",
    "gwr2025-b",
]


def main() -> int:
    args = sys.argv[1:]
    check = "--check" in args
    out_path = None
    if "--out" in args:
        at = args.index("--out")
        if at + 1 == len(args):
            print("--out needs a file name", file=sys.stderr)
            return 2
        out_path = Path(args[at + 1])
        del args[at : at + 2]
    frags = [Path(a) for a in args if a != "--check"] or [
        ROOT / "curation" / "review" / f"{n}.yaml"
        for n in ORDER
        if (ROOT / "curation" / "review" / f"{n}.yaml").exists()
    ]
    plan_files = [ROOT / "curation" / "plans.yaml"] + [
        ROOT / "curation" / f"plans-{n}.yaml"
        for n in ORDER
        if (ROOT / "curation" / f"plans-{n}.yaml").exists()
    ]
    plans = "".join(f.read_text(encoding="utf-8").rstrip() + "\n" for f in plan_files)
    parts = [
        "# yaml-language-server: $schema=../sdtargets/kb/schema/targets.schema.json\n"
        "# The sdtargets knowledge base: plans and items. Rules: CURATING.md.\n",
        "plans:\n" + plans,
        "items:\n",
    ]
    for f in frags:
        parts.append(f"\n# ---- {f.stem} ----\n")
        parts.append(f.read_text(encoding="utf-8").strip() + "\n")
    out = "".join(parts)
    data = yaml.safe_load(out)
    target = out_path or ROOT / "data" / "targets.yaml"
    if check:
        if target.read_text(encoding="utf-8") != out:
            print("data/targets.yaml differs from curation/: run scripts/assemble.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(out, encoding="utf-8")
    print(f"{len(data['plans'])} plans, {len(data['items'])} items", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
