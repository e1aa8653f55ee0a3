"""Relevance benchmark: top-3 hit rate and mean reciprocal rank of `find` on queries written
from the sources, each with the items a reader would want first.

    python benchmarks/relevance.py               # every set, per category
    python benchmarks/relevance.py --misses      # also list the queries that miss the top 3
    python benchmarks/relevance.py --as-written  # wanted items as first written (no `added`)

Four sets: `relevance_tuning.yaml` (ranking was developed against it),
`relevance_heldout.yaml` (written before any ranking work), `relevance_heldout_late.yaml`
(stricter: one wanted item per query; written after the ranking work) and
`relevance_heldout_new.yaml` (from the three documents added after the ranking was built, their
items only). A set's held-out figure is its first run only, at the commit it ran at; every later
run is a tuning figure (docs/performance.md, "Held-out figures", gives each set's first run and
commit). The new-documents set was run first at 64f7dd7 and glossary terms were added for its
English misses at 4adc92b, so what this script prints for it today is a tuning figure; so are the
other sets' figures, whose first runs are long past.

A query's `want` is what a reader would want first, as the set was written; `added` lists items
of documents merged into the base later that are as much about the query (judged from their
text, not their rank), so that a new task on the same subject does not count as a miss.
`--as-written` ignores `added`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Each set by what its figures are today: a held-out set's figure was its first run (the commit
#: named); what this prints for it now is a tuning figure.
SETS = {
    "tuning": HERE / "relevance_tuning.yaml",
    "held-out (first run 8b2ca5a; tuning since)": HERE / "relevance_heldout.yaml",
    "held-out, strict (first run a437cc4; tuning since)": HERE / "relevance_heldout_late.yaml",
    "held-out, new documents (first run 64f7dd7; tuning since)": HERE / "relevance_heldout_new.yaml",
    # written without running the ranking, committed (4e2a509) before the search work of issue
    # #20; its first run after that work is the held-out figure (docs/search.md)
    "held-out, natural (written 4e2a509)": HERE / "relevance_natural.yaml",
    # written blind (01b25f6, 832b08d) and run once each (benchmarks/heldout/): tuning since
    "held-out, natural 2 (first run f94c2e4; tuning since)": HERE / "relevance_natural2.yaml",
    "held-out, natural 3 (first run cd21847; tuning since)": HERE / "relevance_natural3.yaml",
}


def wanted(q: dict, as_written: bool = False) -> set[str]:
    """The items a reader wants first for query ``q``: `want`, and unless ``as_written`` the
    items of later documents listed in `added`."""
    return set(q["want"]) | (set() if as_written else set(q.get("added") or []))


def ranks(conn, queries: list[dict], as_written: bool = False) -> list[tuple[dict, int | None, list[str]]]:  # noqa: ANN001
    """(query, rank of the first wanted item or None, the top three ids) for each query."""
    from sdtargets.errors import SdError
    from sdtargets.store.search import search

    out = []
    for q in queries:
        try:
            got = [h.item_id for h in search(conn, str(q["query"]))]
        except SdError:
            got = []
        want = wanted(q, as_written)
        rank = next((n for n, i in enumerate(got, 1) if i in want), None)
        out.append((q, rank, got[:3]))
    return out


def report(  # noqa: ANN001
    conn, misses: bool = False, as_written: bool = False, sets: dict[str, Path] = SETS
) -> dict[str, tuple[float, float, int]]:
    """Print per-set and per-category figures; return {set: (top-3 rate, MRR, n)}."""
    import yaml

    known = {r[0] for r in conn.execute("select id from items")}
    summary = {}
    for name, path in sets.items():
        queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
        unknown = sorted({i for q in queries for i in wanted(q)} - known)
        if unknown:
            print(f"  {name}: unknown ids in want: {', '.join(unknown)}")
        rows = ranks(conn, queries, as_written)
        cats: dict[str, list] = {}
        for q, rank, _ in rows:
            cats.setdefault(q["category"], []).append(rank)
        cats["all"] = [r for _, r, _ in rows]
        empty = sum(1 for _, _, top in rows if not top)
        print(f"\n{name} set ({len(rows)} queries; {empty} with no answer)        top-1    top-3      MRR")
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
                    want = sorted(wanted(q, as_written))
                    print(f"    miss: {q['query']!r} rank {rank}; top 3 {top}; want {want}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the queries missing the top 3")
    parser.add_argument("--as-written", action="store_true", help="ignore the `added` wanted items")
    parser.add_argument("--set", type=Path, help="run only this set file (a held-out set's one run)")
    args = parser.parse_args()
    from sdtargets.store.db import connect

    sets = SETS
    if args.set:
        sets = {f"held-out, {args.set.stem}": args.set}
    report(connect(), misses=args.misses, as_written=args.as_written, sets=sets)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
