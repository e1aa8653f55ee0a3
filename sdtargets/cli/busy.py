"""A progress bar for slow work (building a large base, drafting a long document), by Rich.

Only where a person is watching: on stderr, when stderr is a terminal, and only once the work
has taken more than a second, so that a quick build or a query never shows (or imports) Rich.
Answers themselves never go through Rich: tables are `termtable`'s (README, "Why our own
table layout, not Rich").
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

#: Seconds of work before the bar appears.
DELAY = 1.0


@contextmanager
def busy(description: str, total: int | None = None, stream=None) -> Iterator[Callable[..., None]]:  # noqa: ANN001
    """Run the body with a progress bar on ``stream`` (stderr) if it takes over `DELAY` seconds.

    Yields ``step(description=None, advance=1)``: the body calls it as each of ``total`` steps
    ends (with the next step's description, if it has one); without a ``total`` the bar pulses.
    Nothing is shown, and Rich is not imported, when the stream is not a terminal."""
    stream = stream or sys.stderr
    try:
        watching = stream.isatty()
    except (AttributeError, ValueError):
        watching = False
    if not watching:
        yield lambda description=None, advance=1: None
        return
    lock = threading.Lock()
    state: dict = {"bar": None, "task": None, "done": 0, "what": description, "over": False}

    def show() -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with lock:
            if state["over"]:
                return
            bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TimeElapsedColumn(),
                console=Console(file=stream),
                transient=True,
            )
            state["task"] = bar.add_task(state["what"], total=total, completed=state["done"])
            bar.start()
            state["bar"] = bar

    def step(description: str | None = None, advance: int = 1) -> None:
        with lock:
            state["done"] += advance
            if description:
                state["what"] = description
            if state["bar"] is not None:
                state["bar"].update(state["task"], completed=state["done"], description=state["what"])

    timer = threading.Timer(DELAY, show)
    timer.daemon = True
    timer.start()
    try:
        yield step
    finally:
        timer.cancel()
        with lock:
            state["over"] = True
            if state["bar"] is not None:
                state["bar"].stop()


def open_store(db_path: Path | str | None = None) -> sqlite3.Connection:
    """The store's connection for this run, a slow (re)build showing its progress bar: the
    store has no terminal of its own, so the command line lends it `busy`."""
    from ..store import db

    db.report_build = busy
    return db.connect(db_path)
