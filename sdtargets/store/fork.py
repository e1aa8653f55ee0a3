"""Work in a second process, for a build that has two cores to use.

CPython runs one thread of Python at a time, so the build's pure-Python halves (`derived.py`)
can only run side by side in two processes. `fork` gives the child the loaded base as it is, at
no cost (no copy, no pickling: its pages are shared until written). The child's work writes a
file and nothing else; it never touches the parent's connection, terminal or files, and ends
with `os._exit`, so that no buffer, handler or finaliser of the parent runs twice. Where `fork`
is missing (Windows) `start` returns None and the caller does the work itself.
"""

from __future__ import annotations

import os
import signal

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


class Child:
    """A forked child running one function; `join` says whether it succeeded."""

    def __init__(self, pid: int) -> None:
        self.pid: int | None = pid

    @classmethod
    def start(cls, work: Callable[[], None]) -> Child | None:
        """Run ``work`` in a forked child; None where the system cannot fork."""
        if not hasattr(os, "fork"):
            return None
        pid = os.fork()
        if pid == 0:  # the child: whatever happens, it leaves through os._exit
            code = 1
            try:
                work()
                code = 0
            except BaseException:  # noqa: BLE001, S110 - the parent learns it from the code and redoes the work
                pass
            finally:
                os._exit(code)
        return cls(pid)

    def join(self) -> bool:
        """Wait for the child; whether its work ended without an error."""
        if self.pid is None:
            return False
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return os.waitstatus_to_exitcode(status) == 0

    def stop(self) -> None:
        """End a child still running (the parent is giving up) and reap it."""
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = None
