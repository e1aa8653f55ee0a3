"""The cache: built once, rebuilt when the YAML changes or the file is damaged, never half-written."""

from __future__ import annotations

import os
import sqlite3
import tempfile

import pytest
from test_load import kb_at

from sdtargets.errors import SdError
from sdtargets.store import db as dbm
from sdtargets.store.tables import insert_rows


def count(conn) -> int:
    return conn.execute("select count(*) from items").fetchone()[0]


def test_built_once_then_reused(tmp_path):
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "kb.sqlite"
    dbm.connect(path, folder).close()
    stamp = path.stat().st_mtime_ns
    dbm.connect(path, folder).close()
    assert path.stat().st_mtime_ns == stamp


def test_rebuilt_when_the_yaml_changes(tmp_path):
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "kb.sqlite"
    assert count(dbm.connect(path, folder)) == 1
    text = (folder / "targets.yaml").read_text(encoding="utf-8")
    (folder / "targets.yaml").write_text(
        text + text.split("items:\n")[1].replace("p.1", "p.2"), encoding="utf-8"
    )
    assert count(dbm.connect(path, folder)) == 2


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path):
    """The stat shortcut must not hide a change: ctime moves even when mtime is put back."""
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "kb.sqlite"
    target = folder / "targets.yaml"
    dbm.connect(path, folder).close()
    before = target.stat()
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("2万个", "3万个"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    conn = dbm.connect(path, folder)
    assert "3万个" in conn.execute("select text from items").fetchone()[0]


def test_a_touched_but_unchanged_file_is_not_rebuilt(tmp_path):
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "kb.sqlite"
    dbm.connect(path, folder).close()
    built = path.stat().st_mtime_ns
    os.utime(folder / "targets.yaml")
    dbm.connect(path, folder).close()
    assert path.stat().st_mtime_ns == built


@pytest.mark.parametrize("damage", [b"", b"garbage" * 10, None])
def test_damaged_cache_is_rebuilt(tmp_path, monkeypatch, damage):
    folder = kb_at(tmp_path / "kb")
    monkeypatch.delenv("SDTARGETS_DB", raising=False)
    monkeypatch.setattr(dbm, "cache_dir", lambda: tmp_path / "cache")
    dbm.connect(None, folder).close()
    (path,) = (tmp_path / "cache").glob("kb-*.sqlite")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage is None else damage)
    assert count(dbm.connect(None, folder)) == 1


def test_truncated_database_at_an_explicit_path_is_rebuilt(tmp_path):
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "kb.sqlite"
    dbm.connect(path, folder).close()
    path.write_bytes(path.read_bytes()[:2048])
    assert count(dbm.connect(path, folder)) == 1


def test_garbage_at_an_explicit_path_is_not_overwritten(tmp_path):
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "notes.txt"
    path.write_text("my notes", encoding="utf-8")
    with pytest.raises(SdError, match="refusing to overwrite"):
        dbm.connect(path, folder)
    assert path.read_text(encoding="utf-8") == "my notes"


def test_a_foreign_database_is_not_overwritten(tmp_path):
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "mine.sqlite"
    other = sqlite3.connect(path)
    other.execute("create table precious (x)")
    other.commit()
    other.close()
    with pytest.raises(SdError, match="not an sdtargets database"):
        dbm.connect(path, folder)
    assert sqlite3.connect(path).execute("select name from sqlite_master").fetchall() == [("precious",)]


def test_unwritable_cache_falls_back_with_a_warning(tmp_path, monkeypatch, capsys):
    folder = kb_at(tmp_path / "kb")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.delenv("SDTARGETS_DB", raising=False)
    monkeypatch.setattr(dbm, "cache_dir", lambda: locked / "sdtargets")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    if os.geteuid() == 0:  # root can write anywhere: simulate the failure instead
        real = dbm._build_file

        def failing(folder_, path, digest):
            if str(path).startswith(str(locked)):
                raise PermissionError(13, "Permission denied")
            return real(folder_, path, digest)

        monkeypatch.setattr(dbm, "_build_file", failing)
    conn = dbm.connect(None, folder)
    assert count(conn) == 1
    assert "cannot write the cache" in capsys.readouterr().err


def test_no_temporary_files_are_left_behind(tmp_path):
    """The database alone: no temporary file, and no lock file once the build let go of it."""
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "out" / "kb.sqlite"
    path.parent.mkdir()
    dbm.connect(path, folder).close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["kb.sqlite"]


def test_a_failed_build_leaves_no_file(tmp_path, monkeypatch):
    folder, path = kb_at(tmp_path / "kb"), tmp_path / "out" / "kb.sqlite"
    path.parent.mkdir()

    def boom(kb, target):
        open(target, "wb").write(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(dbm, "build", boom)
    with pytest.raises(KeyboardInterrupt):
        dbm.connect(path, folder)
    assert sorted(p.name for p in path.parent.iterdir()) == []


def test_rows_go_into_their_columns_and_a_stray_key_is_refused():
    """The build inserts plain rows by column name (`insert_rows`); a key that names no column is
    a mistake in the build, refused as sqlite-utils refused it, never silently dropped."""
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    db["t"].create({"a": str, "b": int})
    insert_rows(db, "t", iter([{"b": 2, "a": "x"}, {"a": "y"}]))
    assert db.conn.execute("select a, b from t").fetchall() == [("x", 2), ("y", None)]
    with pytest.raises(ValueError, match="t has no column 'c'"):
        insert_rows(db, "t", [{"a": "z", "c": 1}])


def test_a_folder_given_as_the_database_is_one_sentence(tmp_path, monkeypatch):
    """`--db /tmp` (or SDTARGETS_DB=/tmp) once ended in IsADirectoryError's traceback."""
    with pytest.raises(SdError, match=r"is a folder: --db and SDTARGETS_DB name a database file"):
        dbm.connect(tmp_path)
    monkeypatch.setenv("SDTARGETS_DB", str(tmp_path))
    with pytest.raises(SdError, match=r"is a folder"):
        dbm.connect()


def test_a_build_the_command_line_starts_shows_its_steps(cli, tmp_path, monkeypatch):
    """The store has no terminal: the command line lends it its progress bar, and a build it
    starts reports each step through it (the bar itself shows only to a watching terminal)."""
    import contextlib

    from sdtargets.cli import busy

    steps: list[str] = []

    @contextlib.contextmanager
    def recorder(description, total=None, stream=None):  # noqa: ARG001
        steps.append(description)
        yield lambda description=None, advance=1: steps.append(description)

    monkeypatch.setattr(dbm, "report_build", dbm.report_build)  # restored after the test
    monkeypatch.setattr(busy, "busy", recorder)
    monkeypatch.setenv("SDTARGETS_DB", str(tmp_path / "kb.sqlite"))
    assert cli("find", "5G", "--json").code == 0
    assert steps[0].startswith("Reading ") and steps[0].endswith("targets.yaml")
    assert steps[1].startswith("Building the database (")
    steps.clear()
    assert cli("find", "5G", "--json").code == 0
    assert steps == []  # built already: nothing to show
