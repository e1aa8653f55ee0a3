"""Where the knowledge base and its SQLite cache live.

The YAML ships inside the wheel (`sdtargets/data`); in a source checkout it is the repository's
`data/`. `SDTARGETS_DATA` points at another knowledge-base folder, `SDTARGETS_DB` or `--db` at an
explicit database file; otherwise the database is cached per user.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The `sdtargets` package folder (this file is `sdtargets/kb/paths.py`).
PACKAGE_DIR = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The knowledge-base folder: `SDTARGETS_DATA`, the wheel's copy, or the checkout's."""
    env = os.environ.get("SDTARGETS_DATA")
    if env:
        return Path(env).expanduser()
    bundled = PACKAGE_DIR / "data"
    if (bundled / "targets.yaml").exists():
        return bundled
    return PACKAGE_DIR.parent / "data"


def cache_dir() -> Path:
    """Per-user cache folder (XDG on Linux, the usual places elsewhere)."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sdtargets"
