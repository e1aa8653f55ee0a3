"""Benchmarks: whole-process latency on a warm cache, against a floor and a peer, and at scale.

    python benchmarks/run.py            # the real knowledge base
    python benchmarks/run.py --scale 100  # also a synthetic base 100x the real one
    python benchmarks/run.py --synthetic FOLDER  # only a base benchmarks/synth.py wrote before
    python benchmarks/run.py --synthetic FOLDER --db FILE  # ... and its database, built before

Prints medians over repeated runs, each command's ratio to the floor (`python -c` opening the
built SQLite file and printing one query as JSON) and to a peer (`sqlite-utils query` doing the
same lookup), the first screen (`--limit 20`, table and JSON) of find, agency, due and progress,
the cold build time and peak memory, and the build against PyYAML's C loader parsing the same
files. Figures, not assertions: budgets are in docs/performance.md (issue 21: its section there).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(cmd: list[str], env: dict, runs: int) -> float:
    """Median wall time of ``cmd`` over ``runs`` runs, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_child_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cold_build(data: Path, db: Path, env: dict) -> tuple[float, float, float]:
    """(seconds, peak MB, the second process's peak MB) of building the database from the YAML
    in a fresh process; a large base is built by two (`store/derived.py`), 0 MB when it was not."""
    db.unlink(missing_ok=True)
    code = (
        "import resource, sys, time; from pathlib import Path; from sdtargets.store.db import connect; "
        "t = time.perf_counter(); connect(Path(sys.argv[1]), Path(sys.argv[2])); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), str(data)], env=env, capture_output=True, text=True, check=True
    )
    seconds, mb, second_mb = out.stdout.split()
    return float(seconds), float(mb), float(second_mb)


def yaml_parse(data: Path, env: dict) -> float:
    """Seconds PyYAML's C loader takes to parse the base's YAML files in a fresh process: the
    least any build from YAML could take, against which the build is measured."""
    code = (
        "import sys, time, yaml; from pathlib import Path; t = time.perf_counter(); "
        "[yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) "
        "for p in sorted(Path(sys.argv[1]).glob('*.yaml'))]; "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(data)], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def compile_package() -> None:
    """Write the package's bytecode, as `pip install` does for a regular install. An editable
    install under PYTHONDONTWRITEBYTECODE (set on some machines, this one included) would
    otherwise recompile every module at every run, ~15 ms that no user pays."""
    code = (
        "import compileall, os, sdtargets; "
        "compileall.compile_dir(os.path.dirname(sdtargets.__file__), quiet=1)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def bench(data: Path, runs: int, label: str, built: Path | None = None) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sdtargets-bench-"))
    db = built or tmp / "kb.sqlite"
    env = {**os.environ, "SDTARGETS_DATA": str(data), "SDTARGETS_DB": str(db), "NO_COLOR": "1"}
    if built is None:
        build_s, build_mb, second_mb = cold_build(data, db, env)
        parse_s = yaml_parse(data, env)
    sdt = str(BIN / "sdtargets")
    floor_sql = (
        "select i.id, i.text from item_search s join items i on i.id = s.id where s.search glob '*5g*'"
    )
    floor_code = (
        "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        f'print(json.dumps(c.execute("{floor_sql}").fetchall(), ensure_ascii=False))'
    )
    floor = timed([sys.executable, "-c", floor_code, str(db)], env, runs)
    peer_cmd = [
        str(BIN / "sqlite-utils"),
        "query",
        str(db),
        "select id, text from items where text like '%5G%'",
    ]
    peer = timed(peer_cmd, env, runs) if (BIN / "sqlite-utils").exists() else float("nan")
    commands = {
        "find 5G --json": ["find", "5G", "--json"],
        "find 5G (table)": ["find", "5G"],
        "find 人形机器人 --json": ["find", "人形机器人", "--json"],
        "agency 省工业和信息化厅 --json": ["agency", "省工业和信息化厅", "--json"],
        "due 2024 --json": ["due", "2024", "--json"],
        "find 數字經濟 --json (traditional)": ["find", "數字經濟", "--json"],
        "find energy storage --json (English)": ["find", "energy", "storage", "--json"],
        "find 新能原汽车 --json (typo)": ["find", "新能原汽车", "--json"],
        "find 2025年光伏装机目标是多少 --json (question)": ["find", "2025年光伏装机目标是多少", "--json"],
        "find nuclear power capacity --json (partial English)": ["find", "nuclear power capacity", "--json"],
        "find 基础研究 经费占比 --json (partial)": ["find", "基础研究 经费占比", "--json"],
        "find 5G -n 20 (table)": ["find", "5G", "--limit", "20"],
        "find 5G -n 20 --json": ["find", "5G", "--limit", "20", "--json"],
        "find 人工智能 -n 20 --json": ["find", "人工智能", "--limit", "20", "--json"],
        # the first screen: 20 rows, as a table (what a person sees) and as JSON
        "find 新能源 -n 20 (table)": ["find", "新能源", "--limit", "20"],
        "find 新能源 -n 20 --json": ["find", "新能源", "--limit", "20", "--json"],
        "agency 省工业和信息化厅 -n 20 (table)": ["agency", "省工业和信息化厅", "--limit", "20"],
        "agency 省工业和信息化厅 -n 20 --json": ["agency", "省工业和信息化厅", "--limit", "20", "--json"],
        "due 2024 -n 20 (table)": ["due", "2024", "--limit", "20"],
        "due 2024 -n 20 --json": ["due", "2024", "--limit", "20", "--json"],
        "progress -n 20 (table)": ["progress", "--limit", "20"],
        "progress -n 20 --json": ["progress", "--limit", "20", "--json"],
    }
    print(f"\n== {label}: {data}")
    if built is None:
        print(
            f"cold build (YAML -> SQLite): {build_s:.2f} s, peak memory {build_mb:.0f} MB"
            + (f" (its second process {second_mb:.0f} MB)" if second_mb else "")
        )
        print(f"YAML parse (PyYAML C loader): {parse_s:.2f} s; build / parse: {build_s / parse_s:.2f}")
    else:
        print(f"database built before: {built}")
    print(f"{'command':38} {'median ms':>10} {'x floor':>8} {'x peer':>8}")
    print(f"{'floor: python -c sqlite3+json':38} {floor:10.1f} {1:8.2f} {floor / peer:8.2f}")
    print(f"{'peer: sqlite-utils query':38} {peer:10.1f} {peer / floor:8.2f} {1:8.2f}")
    for name, args in commands.items():
        ms = timed([sdt, *args], env, runs)
        print(f"{name:38} {ms:10.1f} {ms / floor:8.2f} {ms / peer:8.2f}")
    print(f"peak memory of any child process: {peak_child_mb():.0f} MB")
    shutil.rmtree(tmp, ignore_errors=True)  # (a database given with --db is not in it)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="knowledge-base folder")
    parser.add_argument("--scale", type=int, default=0, help="also benchmark a synthetic base N times larger")
    parser.add_argument(
        "--synthetic",
        type=Path,
        help="a base benchmarks/synth.py already wrote, instead of writing one (--scale)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="with --synthetic: its database, built before from that folder (no cold build timed)",
    )
    args = parser.parse_args()
    compile_package()
    if args.synthetic:
        bench(args.synthetic, max(3, args.runs // 3), f"synthetic base {args.synthetic}", args.db)
        return
    bench(args.data, args.runs, "real knowledge base")
    if args.data == ROOT / "data":
        from relevance import report

        from sdtargets.store.db import connect

        print("\n== relevance (benchmarks/relevance.py: top-3 hit rate, mean reciprocal rank)")
        report(connect())
    if args.scale:
        from synth import synthesise

        folder = Path(tempfile.mkdtemp(prefix="sdtargets-synth-"))
        start = time.perf_counter()
        n = synthesise(args.data, folder, args.scale)
        print(f"\nsynthesised {n} items ({args.scale}x) in {time.perf_counter() - start:.1f} s")
        bench(folder, max(3, args.runs // 3), f"synthetic base, {args.scale}x")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
