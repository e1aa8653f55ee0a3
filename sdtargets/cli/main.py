"""The entry point and the one error boundary.

`main` first offers the call to the fast path (`fast.serve`: the plain `--json` queries scripts
make most, answered without importing Typer), then to the Typer app. Whatever path runs, the
package's own `SdError` becomes one sentence on stderr and its exit code; Ctrl-C and a closed
pipe end quietly. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import sys

from ..errors import ExitCode, SdError


def main(argv: list[str] | None = None) -> int:
    """Run one command line; return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None and not args and sys.stdin.isatty() and sys.stdout.isatty():
        args = ["shell"]  # bare `sdtargets` at a terminal opens the shell
    try:
        from .argv import hoist
        from .fast import serve

        args = hoist(args)  # root options are accepted anywhere on the line

        code = serve(args)
        if code is None:
            from .app import invoke

            code = invoke(args)
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


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
