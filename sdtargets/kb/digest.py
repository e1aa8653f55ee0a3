"""The identity of a knowledge-base folder: its content hash and its file-system stamp.

The store names and checks its cache by these; they belong to the files, so they live here.
"""

from __future__ import annotations

import json
from pathlib import Path

#: The files whose content decides whether the cache is current.
KB_FILES = ("targets.yaml", "agencies.yaml", "metrics.yaml", "glossary.yaml")


def digest_of(folder: Path) -> str:
    """Content hash of the YAML files: the cache is rebuilt whenever it changes."""
    import hashlib

    h = hashlib.sha256()
    for name in KB_FILES:
        path = folder / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()[:16]


def stamp_of(folder: Path) -> str:
    """The YAML files' identity as the file system sees it (path, size, times, inode).

    Hashing the YAML costs time in proportion to the base on every run; a stat costs nothing.
    A database records the stamp of the files it was built from, and while the stamp is
    unchanged the files are too, so `connect` can skip the hash (as git's index does). Any
    change of the stamp, even a bare `touch`, falls back to the content hash, the authority.
    """
    parts: list[object] = [str(folder.resolve())]
    for name in KB_FILES:
        try:
            st = (folder / name).stat()
        except FileNotFoundError:
            parts.append(None)
        else:
            parts.append([name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino])
    return json.dumps(parts, ensure_ascii=False)
