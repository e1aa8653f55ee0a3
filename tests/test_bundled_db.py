"""The database the wheel ships (`hatch_build.py`): used while the YAML is the YAML it was built
from, so the first query after an install waits for no build; edited YAML builds as before."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
import yaml
from conftest import DATA


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """A knowledge-base folder as a wheel installs it (one document, to build fast), with the
    database built from it beside it, and an empty per-user cache."""
    from sdtargets.kb.load import load
    from sdtargets.store.build import build
    from sdtargets.store.db import BUNDLED_DB

    folder = tmp_path / "data"
    (folder / "sources").mkdir(parents=True)
    base = yaml.safe_load((DATA / "targets.yaml").read_text(encoding="utf-8"))
    base["plans"] = [p for p in base["plans"] if p["id"] == "green2023"]
    base["items"] = [i for i in base["items"] if i["plan"] == "green2023"]
    (folder / "targets.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    for name in ("agencies.yaml", "metrics.yaml", "glossary.yaml"):
        shutil.copy(DATA / name, folder / name)
    build(load(folder), folder / BUNDLED_DB)
    monkeypatch.delenv("SDTARGETS_DB", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def builds(monkeypatch) -> list[str]:
    """Every build `connect` starts, recorded (a build loads the YAML first)."""
    import sdtargets.kb.load

    seen: list[str] = []
    real = sdtargets.kb.load.load
    monkeypatch.setattr(sdtargets.kb.load, "load", lambda folder: seen.append(str(folder)) or real(folder))
    return seen


def test_the_shipped_database_answers_the_first_query_without_a_build(installed, monkeypatch):
    from sdtargets.kb.paths import cache_dir
    from sdtargets.store.db import connect

    seen = builds(monkeypatch)
    conn = connect(folder=installed)
    assert conn.execute("select count(*) from items").fetchone()[0] > 0
    assert seen == []
    cached = list(cache_dir().glob("kb-*.sqlite"))
    assert len(cached) == 1  # copied into the cache with this installation's stamp
    conn2 = connect(folder=installed)  # the next run finds it by stamp, as its own build
    assert conn2.execute("select value from meta where key = 'stamp'").fetchone()[0] != ""
    assert seen == []


def test_edited_yaml_is_built_as_before(installed, monkeypatch):
    from sdtargets.store.db import connect

    with open(installed / "targets.yaml", "a", encoding="utf-8") as fh:
        fh.write("# edited\n")
    seen = builds(monkeypatch)
    conn = connect(folder=installed)
    assert seen == [str(installed)]
    assert conn.execute("select count(*) from items").fetchone()[0] > 0


def test_an_explicit_db_never_takes_the_shipped_one(installed, monkeypatch, tmp_path):
    from sdtargets.store.db import connect

    seen = builds(monkeypatch)
    connect(tmp_path / "mine.sqlite", folder=installed)
    assert seen == [str(installed)]


def test_a_read_only_cache_reads_the_shipped_database_in_place(installed, monkeypatch, tmp_path):
    from sdtargets.store.db import connect

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    seen = builds(monkeypatch)
    conn = connect(folder=installed)
    assert seen == []
    path = conn.execute("pragma database_list").fetchone()[2]
    assert path == str(installed / "kb.sqlite")
    with pytest.raises(sqlite3.OperationalError):  # read-only: the installed file is never written
        conn.execute("create table x (y)")
