"""Assemble data/targets.yaml from curation/plans.yaml and the reviewed fragments.

Usage: python scripts/assemble.py [--check] [--out PATH] [FRAGMENT.yaml ...]   (default:
curation/review/*.yaml in the order of ORDER). With --check, write nothing and exit 1 if
data/targets.yaml differs from what the fragments assemble to (the test suite runs this, so the two
cannot drift apart). With --out, write the assembly to PATH instead of data/targets.yaml (to
validate a fragment under review in a scratch knowledge-base folder without touching the product).

Fragments are concatenated block by block, unchanged, so that the committed
file keeps the curators' layout; the result is then parsed to make sure it is valid YAML.

A new document needs no edit here: fragments `curation/review/*.yaml` and plan files
`curation/plans-*.yaml` not in ORDER follow the ordered ones, by name. The drafts `sdtargets import
--write` leaves beside them, `curation/agencies-ID.yaml`, `curation/metrics-ID.yaml` and
`curation/glossary-ID.yaml`, are copied into data/agencies.yaml, data/metrics.yaml and
data/glossary.yaml between the comments `# >>> curation/FILE` and `# <<< curation/FILE` (at the
end of the list or mapping they extend), replaced on every run: edit them in curation/, or move the
reviewed entries into data/ by hand and delete the curation file.
"""

import re
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


def ordered(folder: Path, pattern: str, prefix: str = "") -> list[Path]:
    """The files ``folder/prefix+NAME.yaml`` in ORDER, then those ORDER lacks, by name."""
    named = [folder / f"{prefix}{n}.yaml" for n in ORDER]
    rest = sorted(p for p in folder.glob(pattern) if p not in named)
    return [p for p in named if p.exists()] + rest


#: data file → (draft glob in curation/, the top-level keys the drafts extend)
DRAFTS = {
    "agencies.yaml": ("agencies-*.yaml", ["agencies"]),
    "metrics.yaml": ("metrics-*.yaml", ["metrics"]),
    "glossary.yaml": ("glossary-*.yaml", ["plans", "agencies", "national", "terms"]),
}
_MARK_RE = re.compile(r"^ *# >>> curation/(\S+)\n.*?^ *# <<< curation/\1\n", re.M | re.S)
_TOP_RE = re.compile(r"^([a-z_]+):", re.M)


def sections(text: str) -> dict[str, str]:
    """A draft file's top-level keys and the lines under each (a bare list: key None)."""
    keys = list(_TOP_RE.finditer(text))
    if not keys:
        return {"": text}
    return {
        m.group(1): text[m.end() : (keys[k + 1].start() if k + 1 < len(keys) else len(text))]
        for k, m in enumerate(keys)
    }


def merge_drafts(text: str, drafts: list[Path], keys: list[str]) -> str:
    """``text`` (a data file) without its copied drafts, then with ``drafts`` copied in again, each
    block at the end of the section of the key it extends, between marker comments."""
    text = _MARK_RE.sub("", text)
    for draft in drafts:
        parts = sections(draft.read_text(encoding="utf-8"))
        for key, body in parts.items():
            key = key or keys[0]
            body = body.strip("\n")
            if not body.strip() or key not in keys:
                continue
            indent = " " * (len(body) - len(body.lstrip(" ")))
            block = f"{indent}# >>> curation/{draft.name}\n{body}\n{indent}# <<< curation/{draft.name}\n"
            tops = list(_TOP_RE.finditer(text))
            at = next((k for k, m in enumerate(tops) if m.group(1) == key), None)
            if at is None:
                text = text.rstrip("\n") + f"\n{key}:\n" + block
                continue
            end = tops[at + 1].start() if at + 1 < len(tops) else len(text)
            section = text[:end].rstrip("\n") + "\n"
            text = section + block + ("\n" + text[end:] if end < len(text) else "")
    return text


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
    frags = [Path(a) for a in args if a != "--check"] or ordered(ROOT / "curation" / "review", "*.yaml")
    plan_files = [ROOT / "curation" / "plans.yaml"] + ordered(ROOT / "curation", "plans-*.yaml", "plans-")
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
    merged = {}
    if out_path is None:
        for name, (pattern, keys) in DRAFTS.items():
            path = ROOT / "data" / name
            old = path.read_text(encoding="utf-8")
            merged[path] = (old, merge_drafts(old, sorted((ROOT / "curation").glob(pattern)), keys))
            yaml.safe_load(merged[path][1])
    if check:
        if target.read_text(encoding="utf-8") != out:
            print("data/targets.yaml differs from curation/: run scripts/assemble.py", file=sys.stderr)
            return 1
        for path, (old, new) in merged.items():
            if old != new:
                print(f"data/{path.name} differs from curation/: run scripts/assemble.py", file=sys.stderr)
                return 1
        return 0
    target.write_text(out, encoding="utf-8")
    for path, (old, new) in merged.items():
        if old != new:
            path.write_text(new, encoding="utf-8")
    print(f"{len(data['plans'])} plans, {len(data['items'])} items", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
