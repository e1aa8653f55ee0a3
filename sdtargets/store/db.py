"""The SQLite store every query runs against: opened from the cache, rebuilt when the YAML
changes.

The database is named by the YAML's content hash and checked by its stamp (`kb.digest`). A
build (`build.build`) is written to a temporary file and renamed into place, under a lock, so
concurrent first runs never see a half-built file and only one of them does the work. A slow
build shows progress through `report_build`, which the command line sets (the store never
imports the command line).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from pathlib import Path

from ..errors import SdError
from ..kb.digest import digest_of, stamp_of
from ..kb.paths import cache_dir, data_dir
from .build import SCHEMA_VERSION, build, build_memory
from .tables import LAYOUTS

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager


@contextlib.contextmanager
def _quiet(description: str, total: int | None = None):  # noqa: ANN202, ARG001
    """No progress shown: the default of `report_build`."""
    yield lambda description=None, advance=1: None


#: How a slow build shows its progress: ``report_build(description, total)`` is a context
#: manager yielding ``step(description=None)`` (as `cli.busy.busy` is). Quiet unless the
#: command line, which owns the terminal, sets it.
report_build: Callable[..., AbstractContextManager[Callable[..., None]]] = _quiet

#: The database the wheel ships beside its YAML, built when the wheel is (`hatch_build.py`).
BUNDLED_DB = "kb.sqlite"


# ---------------------------------------------------------------------------------------------
# Opening (and building on demand)


def _read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("select key, value from meta").fetchall())


def _open_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _usable(path: Path, digest: str, key: str = "digest") -> sqlite3.Connection | None:
    """A read-only connection to ``path`` if it holds this digest's (or stamp's) database,
    exactly as this version builds it (`complete`)."""
    if not path.exists():
        return None
    conn = None
    try:
        conn = _open_ro(path)
        meta = _read_meta(conn)
        if meta.get(key) == digest and complete(conn, meta):
            # a truncated file is shorter than its header says; checked in O(1), where counting
            # the full-text index's rows cost ~50 ms on a large base at every query
            pages = conn.execute("pragma page_count").fetchone()[0]
            page_size = conn.execute("pragma page_size").fetchone()[0]
            if path.stat().st_size < pages * page_size:
                raise sqlite3.DatabaseError("truncated")
            conn.execute("select rowid from item_search_fts limit 1").fetchall()
            return conn
    except sqlite3.DatabaseError:
        pass  # corrupt, truncated or foreign: rebuilt below
    if conn is not None:
        conn.close()
    return None


def complete(conn: sqlite3.Connection, meta: dict[str, str]) -> bool:
    """True if the database is what this version builds: its schema and program version, every
    table it recorded at the build (`build.manifest_rows`) and no other, and a row in each that
    had rows. One query of `exists` per table: ~0.1 ms, where counting rows cost ~7 ms."""
    from .. import __version__

    if meta.get("schema") != SCHEMA_VERSION or meta.get("version") != __version__:
        return False
    try:
        tables, filled = json.loads(meta["tables"]), json.loads(meta["filled"])
    except (KeyError, ValueError):
        return False
    present = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if present != set(tables) or not present.issuperset(LAYOUTS):
        return False
    if not filled:
        return True
    sql = "select " + ", ".join(f"exists(select 1 from [{n}])" for n in filled)  # noqa: S608 - recorded names
    return all(conn.execute(sql).fetchone())


def warn(message: str) -> None:
    """A warning for the user on stderr (never on stdout, which carries data)."""
    print(f"sdtargets: warning: {message}", file=sys.stderr)


@contextlib.contextmanager
def _lock(path: Path):  # noqa: ANN202
    """An exclusive lock beside ``path`` for the duration of a build (POSIX; no-op elsewhere).

    The lock file is removed when the lock is released, on every path out (a build that fails
    on a bad base included), so no `kb-*.sqlite.lock` is left behind in the cache. Removing it
    is safe because a waiter that wakes on a file no longer at that name (removed, or replaced
    by a newer lock) lets go and locks the file that is there now: two builders never hold
    locks on two different files of one name.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock = path.with_name(path.name + ".lock")
    while True:
        fh = open(lock, "a")  # noqa: SIM115 - closed below, after the lock is let go
        try:
            fcntl.flock(fh, fcntl.LOCK_EX)
            held = os.fstat(fh.fileno())
            try:
                there = os.stat(lock)
            except FileNotFoundError:
                there = None
        except BaseException:
            fh.close()
            raise
        if there is not None and (there.st_dev, there.st_ino) == (held.st_dev, held.st_ino):
            break
        fh.close()  # the holder before us removed it: lock the one at that name now
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)  # while still held: whoever waits on it retries (above)
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def _build_file(folder: Path, path: Path, digest: str) -> sqlite3.Connection:
    """Build the database into ``path`` atomically (temp file + rename), under a lock."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(path):
        conn = _usable(path, digest)  # another process may have built it meanwhile
        if conn is not None:
            return conn
        from ..kb.load import load

        with report_build(f"Reading {folder / 'targets.yaml'}", total=2) as step:  # a bar if it is slow
            kb = load(folder)
            step(f"Building the database ({len(kb.items):,} items)")
            tmp = None
            try:  # the name is taken inside the try: Ctrl-C right after mkstemp leaves no file
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                os.close(fd)
                os.unlink(tmp)
                build(kb, tmp)
                os.replace(tmp, path)
            except BaseException:
                for leftover in (tmp, f"{tmp}-journal", f"{tmp}-wal", f"{tmp}-shm") if tmp else ():
                    with contextlib.suppress(OSError):
                        os.unlink(leftover)  # SQLite's own side files go with the half-built file
                raise
            step()
    conn = _usable(path, digest)
    if conn is None:
        raise SdError(f"The database built at {path} could not be read back.")
    return conn


def connect(db_path: Path | str | None = None, folder: Path | None = None) -> sqlite3.Connection:
    """A connection to the current knowledge base's database, building it if needed.

    ``db_path`` (or `SDTARGETS_DB`) names the file, in a folder that exists; otherwise it lives
    in the per-user cache, named by the YAML's content hash. If the cache cannot be written, the
    database is built in a temporary folder, and failing that in memory, with a warning.
    """
    folder = folder or data_dir()
    env = os.environ.get("SDTARGETS_DB")
    if db_path == "":  # `--db ""`: as a Path it would be `.`, "a folder"
        raise SdError("--db needs a file path, e.g. --db kb.sqlite.")
    explicit = Path(db_path) if db_path is not None else (Path(env).expanduser() if env else None)
    if explicit is not None:
        _check_explicit(explicit)
    try:
        stamp = stamp_of(folder)
        for candidate in [explicit] if explicit else sorted(cache_dir().glob("kb-*.sqlite")):
            conn = _usable(candidate, stamp, key="stamp")
            if conn is not None:
                return conn  # the files are exactly those the database was built from
        digest = digest_of(folder)
    except OSError as exc:
        where = exc.filename or f"the knowledge base in {folder}"
        raise SdError(f"Cannot read {where}: {exc.strerror or exc}.") from None
    path = explicit or cache_dir() / f"kb-{digest}.sqlite"
    conn = _usable(path, digest) or (None if explicit else _bundled(folder, path, digest))
    if conn is not None:
        return conn
    if explicit and not _replaceable(path):
        raise SdError(f"{path} exists and is not an sdtargets database; refusing to overwrite it.")
    try:
        conn = _build_file(folder, path, digest)
    except OSError as exc:
        import tempfile

        if explicit:
            raise SdError(f"Cannot write the database {path}: {exc.strerror or exc}.") from None
        fallback = Path(tempfile.gettempdir()) / f"sdtargets-{os.getuid() if hasattr(os, 'getuid') else 'u'}"
        try:
            conn = _usable(fallback / path.name, digest) or _build_file(folder, fallback / path.name, digest)
            warn(f"cannot write the cache in {path.parent} ({exc.strerror or exc}); using {fallback}.")
        except OSError:
            warn(f"cannot write the cache in {path.parent} ({exc.strerror or exc}); working in memory.")
            from ..kb.load import load

            conn = build_memory(load(folder))
            conn.row_factory = sqlite3.Row
        return conn
    if not explicit:
        _prune(path)
    return conn


def _check_explicit(path: Path) -> None:
    """A database named by `--db` or `SDTARGETS_DB` is a file in a folder that exists.

    The per-user cache folder is created as needed, but a named file's folder is not: as with
    sqlite3 and sqlite-utils, a mistyped folder is said, not silently made."""
    if path.is_dir():
        raise SdError(
            f"{path} is a folder: --db and SDTARGETS_DB name a database file (e.g. {path / 'kb.sqlite'})."
        )
    parent = path.parent
    if not parent.is_dir():
        what = f"{parent} is not a folder" if parent.exists() else f"The folder {parent} does not exist"
        raise SdError(f"{what}: --db and SDTARGETS_DB name a file in a folder that exists.")


def _bundled(folder: Path, path: Path, digest: str) -> sqlite3.Connection | None:
    """The database shipped with the wheel, if it was built from exactly these YAML files
    (the same digest): the first query after an install or upgrade then waits for no build.

    It is copied into the cache, with this installation's stamp, so that later runs find it as
    they find a build of their own; where the cache cannot be written it is read in place."""
    shipped = folder / BUNDLED_DB
    conn = _usable(shipped, digest)
    if conn is None:
        return None  # no wheel's database here, or edited YAML: built as always
    conn.close()
    import shutil
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(path):
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            shutil.copyfile(shipped, tmp)
            copy = sqlite3.connect(tmp)
            # a cache file, renamed into place whole: no journal, no fsync (~15 ms of the first
            # query); a file left damaged by a crash is found unusable and rebuilt
            copy.execute("pragma journal_mode = off")
            copy.execute("pragma synchronous = off")
            with copy:
                copy.execute("update meta set value = ? where key = 'stamp'", (stamp_of(folder),))
            copy.close()
            os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return _usable(shipped, digest)
    _prune(path)
    return _usable(path, digest)


def _replaceable(path: Path) -> bool:
    """True if ``path`` is absent, empty, or a database this program wrote (stale or broken)."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
            # ours, whatever else is missing or emptied: its meta names the schema it was built to
            return "meta" in tables and bool(
                conn.execute("select 1 from meta where key = 'schema'").fetchone()
            )
        except sqlite3.OperationalError:
            return False  # a `meta` table of some other program's
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        with open(path, "rb") as fh:  # a truncated sdtargets file still starts like SQLite
            return fh.read(16) == b"SQLite format 3\x00"


def _prune(keep: Path) -> None:
    """Remove caches of older YAML versions (best effort)."""
    for old in keep.parent.glob("kb-*.sqlite"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
                Path(str(old) + ".lock").unlink(missing_ok=True)
