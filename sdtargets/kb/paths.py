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


def checkout_root(start: Path | None = None) -> Path | None:
    """The source checkout that holds ``start`` (default: the working folder): the nearest
    folder, upwards, with `data/targets.yaml`, `curation/` and `scripts/assemble.py`. Curators
    work in a checkout whatever way the package was installed (a wheel carries its own copy of
    the base), so `validate` and `import --write` use the checkout's files, not the wheel's."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "targets.yaml").is_file() and (folder / "scripts" / "assemble.py").is_file():
            if (folder / "curation").is_dir():
                return folder
    return None


def cache_dir() -> Path:
    """Per-user cache folder (XDG on Linux, the usual places elsewhere)."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sdtargets"
