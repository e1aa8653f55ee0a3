"""Benchmark of `sdtargets browse` and of the first answer after an install.

    python benchmarks/browse.py               # the real knowledge base
    python benchmarks/browse.py --scale 100   # also a synthetic base 100x the real one
    python benchmarks/browse.py --keys [--synthetic FOLDER]   # keystrokes only

Prints:
- keystroke to results: each key of a few queries typed into the running app (headless,
  100x30), from the key's event to the first frame showing the rows that answer the line with
  that key; median and worst, and the query itself (`data.search` alone);
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
QUERIES = ["高新技术企业", "5G", "energy storage", "新能源汽车", "數字經濟"]


def keystrokes(data: Path, db: Path) -> tuple[list[float], list[float], float]:
    """On ``data``: per key, the wall ms from the key's event reaching the app to the first
    frame that shows the rows answering the line with that key (headless, 100x30, the frame
    turned into the bytes a terminal would be sent); per query, the ms of `data.search` alone;
    and the median of a frame with nothing new (a key's floor).

    The key is sent as the terminal driver sends it (`driver.send_message`), and the clock
    stops at the frame, not at the pilot's next idle wait, which adds tens of ms of its own.
    The rows may come from a worker thread: the key counts as answered when the rows drawn
    were drawn for the whole line typed so far (`ListView.draw` sees the box's text)."""
    os.environ["SDTARGETS_DATA"] = str(data)
    from textual import events

    from sdtargets.cli.browse import app as browse_app
    from sdtargets.cli.browse import data as browse_data
    from sdtargets.cli.browse.components.listview import ListView
    from sdtargets.store.db import connect

    conn = connect(db, data)
    frames: list[float] = []
    drawn: dict[str, object] = {}
    draw = ListView.draw

    def timed_draw(view: ListView) -> None:
        draw(view)
        drawn["text"], drawn["at"] = view.text, time.perf_counter()

    class App(browse_app.BrowseApp):
        CSS_PATH = str(Path(browse_app.__file__).parent / "app.tcss")

        def _display(self, screen, renderable) -> None:  # noqa: ANN001 - Textual's own
            if renderable is not None:
                renderable.render_segments(self.console)  # what a terminal would be sent
                frames.append(time.perf_counter())
            super()._display(screen, renderable)

    ListView.draw = timed_draw  # type: ignore[method-assign]
    per_key: list[float] = []
    idle: list[float] = []

    async def answered(line: str, since: float) -> float:
        while not (drawn.get("text") == line and frames and frames[-1] > drawn["at"]):  # type: ignore[operator]
            if time.perf_counter() - since > 120:
                raise SystemExit(f"no answer to {line!r} in 120 s")
            await asyncio.sleep(0.0005)
        return (frames[-1] - since) * 1000

    async def go() -> None:
        app = App(conn)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(5):
                start = time.perf_counter()
                app.screen.refresh()
                count = len(frames)
                while len(frames) == count:
                    await asyncio.sleep(0.0005)
                idle.append((frames[-1] - start) * 1000)
            for query in QUERIES:
                for n, ch in enumerate(query, 1):
                    start = time.perf_counter()
                    key = "space" if ch == " " else ch
                    app._driver.send_message(events.Key(key, ch))
                    per_key.append(await answered(query[:n], start))
                    await pilot.pause()
                start = time.perf_counter()
                app._driver.send_message(events.Key("escape", None))  # clears the box
                await answered("", start)
                await pilot.pause()

    asyncio.run(go())
    ListView.draw = draw  # type: ignore[method-assign]
    alone = []
    for query in QUERIES:
        start = time.perf_counter()
        browse_data.search(conn, query)
        alone.append((time.perf_counter() - start) * 1000)
    return per_key, alone, statistics.median(idle)


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


def report(
    data: Path, runs: int, label: str, install: bool, keys_only: bool = False, built: Path | None = None
) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sdtargets-bench-"))
    db = built or tmp / "kb.sqlite"
    from sdtargets.store.db import connect

    start = time.perf_counter()
    connect(db, data)  # built here unless ``built`` is this base's database already
    print(f"\n== {label}: {data} (database ready in {time.perf_counter() - start:.1f} s)")
    per_key, alone, idle = keystrokes(data, db)
    print(
        f"keystroke to its rows on screen: median {statistics.median(per_key):.1f} ms, worst"
        f" {max(per_key):.1f} ms over {len(per_key)} keys of {len(QUERIES)} queries"
        f" (a frame with nothing new: {idle:.1f} ms)"
    )
    at = 0
    for query in QUERIES:
        keys = per_key[at : at + len(query)]
        at += len(query)
        print(f"  {query!r}: " + ", ".join(f"{ms:.0f}" for ms in keys) + " ms")
    print(f"  the search alone (`find`'s functions, whole queries): {statistics.median(alone):.1f} ms median")
    if keys_only:
        shutil.rmtree(tmp, ignore_errors=True)
        return
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
    parser.add_argument("--synthetic", type=Path, help="a base benchmarks/synth.py wrote")
    parser.add_argument("--keys", action="store_true", help="keystrokes only (no start-up, no install)")
    parser.add_argument("--db", type=Path, help="with --synthetic: its database, already built")
    args = parser.parse_args()
    if args.synthetic:
        report(args.synthetic, args.runs, "synthetic base", install=False, keys_only=args.keys, built=args.db)
        return
    report(args.data, args.runs, "real knowledge base", install=not args.keys, keys_only=args.keys)
    if args.scale:
        from synth import synthesise

        folder = Path(tempfile.mkdtemp(prefix="sdtargets-synth-"))
        synthesise(args.data, folder, args.scale)
        report(folder, max(3, args.runs // 3), f"synthetic base, {args.scale}x", install=False)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
