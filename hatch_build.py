"""Hatch build hook: the wheel ships the SQLite database built from the YAML it ships.

Without it, the first query after an install or upgrade waits for the build (about a second
on the real base, against ~60 ms warm). The database is built here from `data/` with the
package's own `build`, checked against the YAML (the digest it records must be the digest of
the files shipped), and put beside them as `sdtargets/data/kb.sqlite`; `store.db.connect` uses it only
while the installed YAML still has that digest, so edited data, `SDTARGETS_DATA` and `--db`
build as before. Editable installs are skipped: a checkout builds its cache on first use.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class BundledDatabase(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from sdtargets.kb.digest import digest_of
            from sdtargets.kb.load import load
            from sdtargets.store.build import build
            from sdtargets.store.db import BUNDLED_DB
        finally:
            sys.path.remove(str(root))
        data = root / "data"
        out = Path(tempfile.mkdtemp(prefix="sdtargets-wheel-")) / BUNDLED_DB
        kb = load(data)
        build(kb, out)
        conn = sqlite3.connect(out)
        try:
            recorded = dict(conn.execute("select key, value from meta").fetchall()).get("digest")
        finally:
            conn.close()
        if recorded != digest_of(data):  # the YAML changed while it was read: refuse to ship
            raise RuntimeError(f"the built database records {recorded}; the data has {digest_of(data)}")
        build_data["force_include"][str(out)] = f"sdtargets/data/{BUNDLED_DB}"
