"""Benchmark of `sdtargets browse` and of the first answer after an install.

    python benchmarks/browse.py               # the real knowledge base
    python benchmarks/browse.py --scale 100   # also a synthetic base 100x the real one

Prints:
- keystroke to results: each key of a few queries typed into the running app (Textual's
  headless pilot, 100x30), from the key press to the rows drawn; median and worst, and the
  part that is the query itself (`data.search` alone);
- browse start-up: a new process, from its start to the first screen drawn (and quit);
- the first query after a fresh install against a warm one: `sdtargets find … --json` in a new
  process with an empty cache, with the database the wheel ships beside the YAML (as
  `hatch_build.py` puts it there), then warm; and, for comparison, without it (a build first).
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QUERIES = ["高新技术企业", "新能源汽车", "energy storage", "數字經濟"]


def keystrokes(data: Path, db: Path) -> tuple[list[float], list[float], list[float], float]:
    """On ``data``: per key, the wall ms from the key press to the rows drawn (headless pilot)
    and the ms of the app's own work (query, rows, caption: `ListView.reload`); per query, the
    ms of `data.search` alone; and the pilot's own wait with nothing to do (its floor)."""
    os.environ["SDTARGETS_DATA"] = str(data)
    from sdtargets.cli.browse import data as browse_data
    from sdtargets.cli.browse.app import BrowseApp
    from sdtargets.cli.browse.components.listview import ListView
    from sdtargets.store.db import connect

    conn = connect(db, data)
    per_key: list[float] = []
    work: list[float] = []
    idle: list[float] = []
    reload = ListView.reload

    def timed_reload(view: ListView) -> None:
        start = time.perf_counter()
        reload(view)
        work.append((time.perf_counter() - start) * 1000)

    ListView.reload = timed_reload  # type: ignore[method-assign]

    async def go() -> None:
        app = BrowseApp(conn)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(10):
                start = time.perf_counter()
                await pilot.pause()
                idle.append((time.perf_counter() - start) * 1000)
            work.clear()
            for query in QUERIES:
                for ch in query:
                    start = time.perf_counter()
                    await pilot.press("space" if ch == " " else ch)
                    await pilot.pause()
                    per_key.append((time.perf_counter() - start) * 1000)
                await pilot.press("escape")  # clears the box
                await pilot.pause()

    asyncio.run(go())
    ListView.reload = reload  # type: ignore[method-assign]
    alone = []
    for query in QUERIES:
        start = time.perf_counter()
        browse_data.search(conn, query)
        alone.append((time.perf_counter() - start) * 1000)
    return per_key, work, alone, statistics.median(idle)


def startup(data: Path, db: Path, runs: int) -> float:
    """Median ms of a new process starting browse, drawing its first screen and quitting."""
    code = "\n".join(
        [
            "import asyncio, sys",
            "from pathlib import Path",
            "from sdtargets.cli.browse.app import BrowseApp",
            "from sdtargets.store.db import connect",
            "async def main():",
            "    app = BrowseApp(connect(Path(sys.argv[1]), Path(sys.argv[2])))",
            "    async with app.run_test(size=(100, 30)) as pilot:",
            "        await pilot.pause()",
            "asyncio.run(main())",
        ]
    )
    env = {**os.environ, "SDTARGETS_DATA": str(data)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(db), str(data)], env=env, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_query(data: Path, runs: int) -> tuple[float, float, float]:
    """(first ms with the shipped database, warm median ms, first ms without it) for
    `sdtargets find 高新技术企业 --json`, each first in a new empty cache."""
    from sdtargets.kb.load import load
    from sdtargets.store.build import build
    from sdtargets.store.db import BUNDLED_DB

    tmp = Path(tempfile.mkdtemp(prefix="sdtargets-install-"))
    installed = tmp / "data"
    shutil.copytree(data, installed, ignore=shutil.ignore_patterns("sources", BUNDLED_DB))
    build(load(installed), installed / BUNDLED_DB)  # what the wheel's build hook does
    cmd = [str(BIN / "sdtargets"), "find", "高新技术企业", "--json"]

    def once(cache: Path) -> float:
        env = {k: v for k, v in os.environ.items() if k != "SDTARGETS_DB"}
        env.update(SDTARGETS_DATA=str(installed), XDG_CACHE_HOME=str(cache))
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        return (time.perf_counter() - start) * 1000

    first = once(tmp / "cache1")
    warm = statistics.median(once(tmp / "cache1") for _ in range(runs))
    (installed / BUNDLED_DB).unlink()
    without = once(tmp / "cache2")
    shutil.rmtree(tmp, ignore_errors=True)
    return first, warm, without


def report(data: Path, runs: int, label: str, install: bool) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sdtargets-bench-"))
    db = tmp / "kb.sqlite"
    from sdtargets.store.db import connect

    start = time.perf_counter()
    connect(db, data)
    print(f"\n== {label}: {data} (database built in {time.perf_counter() - start:.1f} s)")
    per_key, work, alone, idle = keystrokes(data, db)
    print(
        f"keystroke to results drawn (pilot): median {statistics.median(per_key):.1f} ms, worst"
        f" {max(per_key):.1f} ms over {len(per_key)} keys (the pilot's own wait: {idle:.1f} ms)"
    )
    print(
        f"  the app's work per key (query, rows, caption): median {statistics.median(work):.1f} ms,"
        f" worst {max(work):.1f} ms; the search alone {statistics.median(alone):.1f} ms median"
    )
    print(f"browse start-up to the first screen: {startup(data, db, max(3, runs // 3)):.0f} ms (median)")
    if install:
        first, warm, without = first_query(data, runs)
        print(
            f"first query after a fresh install: {first:.0f} ms with the shipped database, "
            f"{without:.0f} ms without (a build); warm {warm:.0f} ms: "
            f"{first / warm:.2f}x warm (was {without / warm:.1f}x)"
        )
    shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="knowledge-base folder")
    parser.add_argument("--scale", type=int, default=0, help="also a synthetic base N times larger")
    args = parser.parse_args()
    report(args.data, args.runs, "real knowledge base", install=True)
    if args.scale:
        from synth import synthesise

        folder = Path(tempfile.mkdtemp(prefix="sdtargets-synth-"))
        synthesise(args.data, folder, args.scale)
        report(folder, max(3, args.runs // 3), f"synthetic base, {args.scale}x", install=False)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
