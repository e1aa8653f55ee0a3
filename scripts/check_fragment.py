"""Check a curation fragment (a YAML list of items) against one source text.

Usage: python scripts/check_fragment.py FRAGMENT.yaml data/sources/FILE.txt
Prints one line per problem and exits 1 if there is any; prints a summary otherwise. Ids are held
to the schema's pattern (what `sdtargets validate` checks), and agency names may be written as the
clause writes them or in the canonical form of data/agencies.yaml (as `sdtargets import` drafts them).
"""

import json
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sdtargets.kb.checks import check_items  # noqa: E402
from sdtargets.store.query import KINDS  # noqa: E402

REQUIRED = ("id", "plan", "kind", "section", "line", "text")


ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "sdtargets" / "kb" / "schema" / "targets.schema.json"


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 0 if sys.argv[1:2] in (["-h"], ["--help"]) else 2
    frag, source = Path(sys.argv[1]), Path(sys.argv[2])
    id_re = re.compile(
        json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["item"]["properties"]["id"]["pattern"]
    )
    agencies = yaml.safe_load((ROOT / "data" / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    items = yaml.safe_load(frag.read_text(encoding="utf-8")) or []
    lines = source.read_text(encoding="utf-8").splitlines()
    bad = 0
    seen = set()
    for it in items:
        it["_file"] = source.name
        for key in REQUIRED:
            if key not in it:
                print(f"{it.get('id')}: missing {key}")
                bad += 1
        if it.get("kind") not in KINDS:
            print(f"{it.get('id')}: kind {it.get('kind')!r} not in {list(KINDS)}")
            bad += 1
        if not id_re.search(str(it.get("id"))):
            print(f"{it.get('id')}: the id does not match the pattern {id_re.pattern} (plan.number)")
            bad += 1
        if it.get("id") in seen:
            print(f"{it.get('id')}: duplicate id")
            bad += 1
        seen.add(it.get("id"))
        for t in it.get("targets") or []:
            if "check" in t:  # left by `sdtargets import`: a reviewer must settle it
                print(f"{it.get('id')}: target {t.get('quote')!r} still has the import check: {t['check']}")
                bad += 1
            if t.get("metric") == "?":
                print(f"{it.get('id')}: target {t.get('quote')!r} has no metric yet")
                bad += 1
    for p in check_items(items, {source.name: lines}, agencies):
        print(p)
        bad += 1
    n_t = sum(len(it.get("targets") or []) for it in items)
    print(f"{len(items)} items, {n_t} targets, {bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
