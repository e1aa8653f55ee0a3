"""How often `sdtargets progress` gives the verdict a careful analyst gives: figures, not assertions.

    python benchmarks/verdicts_eval.py            # every case of benchmarks/verdicts_heldout.yaml
    python benchmarks/verdicts_eval.py --misses   # also list the cases it gets wrong
    python benchmarks/verdicts_eval.py --cases benchmarks/verdicts_heldout2.yaml   # the second set

The cases (`verdicts_heldout.yaml`) were written from the sources before the verdict work of issue
#18, by someone who ran no sdtargets command (see the file's header). Each names a target (by item
id, or for a target of a document curated later by plan, year and the source's words) and the
status and settling figure the analyst expects. This script asks the real base through the same
function `progress --json` uses, pairs each case with its target row, and counts:

- status: the row's status is the expected one;
- status and figure: also, for met / not_met / on_track / behind, the settling result's value (in
  the expected unit) is the expected one; for no_report with an expected context figure, that
  figure is the row's context; otherwise the status alone decides.

A case whose target cannot be found in the base counts as a miss (and is listed).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE / "verdicts_heldout.yaml"
DECIDED = {"met", "not_met", "on_track", "behind"}


def squash(text: str) -> str:
    """The text without whitespace or the conversion's `**` marks, for comparing quotes."""
    return re.sub(r"\s|\*\*", "", str(text or ""))


def progress_rows() -> list[dict]:
    """Every target row of `sdtargets progress --json` on the bundled base."""
    out = subprocess.run(
        [sys.executable, "-m", "sdtargets", "progress", "--json", "--no-pager"],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        raise SystemExit(f"progress --json failed ({out.returncode}): {out.stderr.strip()}")
    return json.loads(out.stdout or "[]")


def find_row(case: dict, rows: list[dict]) -> dict | None:
    """The progress row of the case's target: by item id and year (and metric words, when the
    item has several targets that year), or by plan, year and the target's quote."""
    t = case["target"]
    year = t.get("year")
    if t.get("item"):
        cands = [r for r in rows if r["item"] == t["item"] and r.get("year") == year]
    else:
        cands = [r for r in rows if r.get("plan") == t["plan"] and r.get("year") == year]
        q = squash(t.get("quote"))
        cands = [r for r in cands if q and (q in squash(r.get("quote")) or squash(r.get("quote")) in q)]
    if len(cands) > 1 and t.get("metric_words"):
        words = squash(t["metric_words"])
        exact = [r for r in cands if squash(r.get("metric")) == words]
        near = [r for r in cands if words in squash(r.get("metric")) or squash(r.get("metric")) in words]
        cands = (
            exact
            or near
            or sorted(cands, key=lambda r: -SequenceMatcher(None, words, squash(r.get("metric"))).ratio())
        )
    if len(cands) > 1 and t.get("quote"):
        q = squash(t["quote"])
        cands = [r for r in cands if squash(r.get("quote")) == q] or cands
    return cands[0] if cands else None


def figure_of(row: dict) -> dict | None:
    """The figure a row rests on: its result, or for no_report its context figure."""
    if row.get("result"):
        return row["result"]
    for key in ("context", "last"):
        if isinstance(row.get(key), dict):
            return row[key]
    return None


def judge(case: dict, row: dict | None) -> tuple[bool, bool, str]:
    """(status right, status and figure right, what the base said)."""
    if row is None:
        return False, False, "target not found in the base"
    want = case["expect"]
    status_ok = row.get("status") == want["status"]
    fig = figure_of(row)
    said = f"{row.get('status')}" + (
        f" by {fig.get('item')} {fig.get('value')}{fig.get('unit')}" if fig else ""
    )
    if not status_ok:
        return False, False, said
    value = want.get("value")
    if value is None or (want["status"] not in DECIDED and want["status"] != "no_report"):
        return True, True, said
    if fig is None:
        return True, want["status"] == "no_report" and value is None, said
    same_unit = str(fig.get("unit")) == str(want.get("unit"))
    return True, same_unit and float(fig.get("value")) == float(value), said


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list the cases the base gets wrong")
    ap.add_argument("--cases", type=Path, default=CASES, help="the cases file (default: the first set)")
    args = ap.parse_args()
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]
    rows = progress_rows()
    by_cat: dict[str, list[tuple[bool, bool]]] = {}
    misses = []
    for case in cases:
        status_ok, both_ok, said = judge(case, find_row(case, rows))
        by_cat.setdefault(case.get("category", "?"), []).append((status_ok, both_ok))
        if not both_ok:
            t = case["target"]
            misses.append(
                f"{t.get('item') or t['plan']} {t.get('metric_words')} {t.get('year')}: "
                f"expected {case['expect']['status']} {case['expect'].get('value')}; base: {said}"
            )
    total_s = sum(s for v in by_cat.values() for s, _ in v)
    total_b = sum(b for v in by_cat.values() for _, b in v)
    print(f"{'category':<14} {'cases':>5} {'status':>7} {'status+figure':>14}")
    for cat, v in by_cat.items():
        print(f"{cat:<14} {len(v):>5} {sum(s for s, _ in v):>7} {sum(b for _, b in v):>14}")
    print(f"{'all':<14} {len(cases):>5} {total_s:>7} {total_b:>14}")
    if args.misses:
        print("\n".join(["", "misses:"] + misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
