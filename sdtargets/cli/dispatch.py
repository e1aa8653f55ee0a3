"""Running one command line: the error boundary (`guarded`) and the way to the answer
(`dispatch`: the fast path first, then the Typer app).

Shared by `main` (one command line per process) and the shell (one per line typed), so that
both answer and fail alike. Whatever path runs, the package's own `SdError` becomes one sentence
on stderr and its exit code; Ctrl-C and a closed pipe end quietly. Anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import errno
import os
import sys

from ..errors import ExitCode, SdError

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable


#: The longest argument taken (a question needs at most a 200-character query): a longer one
#: (a 1 MB query from a script gone wrong) is refused before it is read. Up to it, the checks
#: that know what the argument is say so (`The metric is too long (… at most 100)`).
MAX_ARG = 10_000
#: An error quotes at most this much of a value it echoes (`Unknown status '…'`).
MAX_ECHO = 60

#: Why writing the answer failed where the fault is the output's, not the program's: a full
#: disk (`> /dev/full`), a quota, a file too large, a device error.
OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO") if hasattr(errno, name)
)


def guarded(call: Callable[[], int]) -> int:
    """Run ``call`` inside the error boundary; return its exit code."""
    try:
        code = call()
        sys.stdout.flush()
        return int(code)
    except SdError as exc:
        print(f"sdtargets: {shortened(exc.message)}", file=sys.stderr)
        return int(exc.code)
    except KeyboardInterrupt:
        print("sdtargets: interrupted.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone: silence the interpreter's flush at exit.
        _silence_stdout()
        return ExitCode.OK
    except OSError as exc:
        if exc.errno not in OUTPUT_ERRNOS:
            raise
        where = exc.filename or "the answer"
        print(f"sdtargets: cannot write {where}: {exc.strerror}.", file=sys.stderr)
        if not exc.filename:
            _silence_stdout()  # what is still buffered would fail again, as a traceback, at exit
        return ExitCode.USAGE


def shortened(message: str) -> str:
    """``message`` with any value it quotes at length cut to its start and its length:
    `Unknown status '氢能氢能…' (5,000 characters)`, not five thousand characters on stderr."""
    import re

    def cut(m: re.Match) -> str:
        return f"'{m.group(1)[:12]}…' ({len(m.group(1)):,} characters)"

    return re.sub(rf"'([^'\n]{{{MAX_ECHO + 1},}})'", cut, message) if len(message) > MAX_ECHO else message


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def check_lengths(args: list[str]) -> None:
    """Refuse an argument longer than `MAX_ARG` (a 1 MB query from a script gone wrong): one
    sentence naming its start, where an error echoing it would print it whole."""
    for arg in args:
        if len(arg) > MAX_ARG:
            raise SdError(
                f"An argument is too long ({len(arg):,} characters; at most {MAX_ARG:,}):"
                f" the one that begins {arg[:12]!r}."
            )


def dispatch(args: list[str]) -> int:
    """Run one command line (without the program name) inside the error boundary.

    The fast path (`fast.serve`: the plain queries scripts make most and their first screens,
    `--limit N`, answered without importing Typer) is offered the line first, then the Typer
    app. A `handoff.OpenShell` from the `shell` command passes through, to whoever opens the
    shell."""

    def call() -> int:
        from .argv import hoist
        from .fast import serve

        check_lengths(args)
        line = hoist(args)  # root options are accepted anywhere on the line
        code = serve(line)
        if code is None:
            from .app import invoke

            code = invoke(line)
        return code

    return guarded(call)
