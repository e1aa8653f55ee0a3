"""Relevance benchmark: top-3 hit rate and mean reciprocal rank of `find` on queries written
from the sources, each with the items a reader would want first.

    python benchmarks/relevance.py            # both sets, per category
    python benchmarks/relevance.py --misses   # also list the queries that miss the top 3

Three sets: `relevance_tuning.yaml` (ranking was developed against it),
`relevance_heldout.yaml` (written first, never tuned against) and `relevance_heldout_late.yaml`
(stricter: one wanted item per query; written after the ranking, never tuned against). All
figures are printed; the held-out ones are the honest estimate for queries nobody here has seen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {
    "tuning": HERE / "relevance_tuning.yaml",
    "held-out": HERE / "relevance_heldout.yaml",
    "held-out, strict": HERE / "relevance_heldout_late.yaml",
}


def ranks(conn, queries: list[dict]) -> list[tuple[dict, int | None, list[str]]]:  # noqa: ANN001
    """(query, rank of the first wanted item or None, the top three ids) for each query."""
    from sdtargets.errors import SdError
    from sdtargets.search import search

    out = []
    for q in queries:
        try:
            got = [h.item_id for h in search(conn, str(q["query"]))]
        except SdError:
            got = []
        want = set(q["want"])
        rank = next((n for n, i in enumerate(got, 1) if i in want), None)
        out.append((q, rank, got[:3]))
    return out


def report(conn, misses: bool = False) -> dict[str, tuple[float, float, int]]:  # noqa: ANN001
    """Print per-set and per-category figures; return {set: (top-3 rate, MRR, n)}."""
    import yaml

    known = {r[0] for r in conn.execute("select id from items")}
    summary = {}
    for name, path in SETS.items():
        queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
        unknown = sorted({i for q in queries for i in q["want"]} - known)
        if unknown:
            print(f"  {name}: unknown ids in want: {', '.join(unknown)}")
        rows = ranks(conn, queries)
        cats: dict[str, list] = {}
        for q, rank, _ in rows:
            cats.setdefault(q["category"], []).append(rank)
        cats["all"] = [r for _, r, _ in rows]
        print(f"\n{name} set ({len(rows)} queries)        top-1    top-3      MRR")
        for cat, rs in cats.items():
            top1 = sum(1 for r in rs if r == 1) / len(rs)
            top3 = sum(1 for r in rs if r and r <= 3) / len(rs)
            mrr = sum(1 / r for r in rs if r) / len(rs)
            print(f"  {cat:12} {len(rs):4} queries  {top1:6.0%}  {top3:6.0%}  {mrr:7.2f}")
            if cat == "all":
                summary[name] = (top3, mrr, len(rs))
        if misses:
            for q, rank, top in rows:
                if not rank or rank > 3:
                    print(f"    miss: {q['query']!r} rank {rank}; top 3 {top}; want {q['want']}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the queries missing the top 3")
    args = parser.parse_args()
    from sdtargets.db import connect

    report(connect(), misses=args.misses)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
