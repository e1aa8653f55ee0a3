"""The package's one exception and its exit codes.

Every expected failure (bad input, bad knowledge base, nothing found) is raised as `SdError`
with the exit code the contract documents; the CLI's error boundary turns it into one sentence
on stderr. Anything else is a bug and is allowed to show its traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of every command (see SPEC.md: scripts depend on them)."""

    OK = 0
    NO_RESULTS = 1
    USAGE = 2
    INTERRUPTED = 130  # Ctrl-C, as shells report a SIGINT (128 + 2)


class SdError(Exception):
    """An error the user can act on: a message for stderr and the exit code to leave with."""

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details or []


class NoResults(SdError):
    """A valid query that matched nothing (exit 1)."""

    def __init__(self, message: str = "No items match."):
        super().__init__(message, ExitCode.NO_RESULTS)
