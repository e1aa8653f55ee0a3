"""Running one command line: the error boundary (`guarded`) and the way to the answer
(`dispatch`: the fast path first, then the Typer app).

Shared by `main` (one command line per process) and the shell (one per line typed), so that
both answer and fail alike. Whatever path runs, the package's own `SdError` becomes one sentence
on stderr and its exit code; Ctrl-C and a closed pipe end quietly. Anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import os
import sys

from ..errors import ExitCode, SdError

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable


def guarded(call: Callable[[], int]) -> int:
    """Run ``call`` inside the error boundary; return its exit code."""
    try:
        code = call()
        sys.stdout.flush()
        return int(code)
    except SdError as exc:
        print(f"sdtargets: {exc.message}", file=sys.stderr)
        return int(exc.code)
    except KeyboardInterrupt:
        print("sdtargets: interrupted.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone: silence the interpreter's flush at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK


def dispatch(args: list[str]) -> int:
    """Run one command line (without the program name) inside the error boundary.

    The fast path (`fast.serve`: the plain queries scripts make most and their first screens,
    `--limit N`, answered without importing Typer) is offered the line first, then the Typer
    app. A `handoff.OpenShell` from the `shell` command passes through, to whoever opens the
    shell."""

    def call() -> int:
        from .argv import hoist
        from .fast import serve

        line = hoist(args)  # root options are accepted anywhere on the line
        code = serve(line)
        if code is None:
            from .app import invoke

            code = invoke(line)
        return code

    return guarded(call)
