"""A large base's build makes its verdicts and broad pages in a second process (`store/derived.py`,
`store/fork.py`): the store is the one a single process builds, table by table and row by row,
and a second process that fails or a build that is interrupted leaves neither a file nor a
process behind."""

from __future__ import annotations

import os
import sqlite3

import pytest

from sdtargets.store import build as buildmod
from sdtargets.store import derived


def tables(path) -> dict[str, list]:
    """Every table's rows in their stored order (the full-text index's shadow tables too)."""
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    sql = "select * from [{}]"
    out = {n: conn.execute(sql.format(n)).fetchall() for n in names if n != "item_search_fts"}
    conn.close()
    return out


def no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.fixture(scope="module")
def one_process(kb, tmp_path_factory):
    path = tmp_path_factory.mktemp("one") / "kb.sqlite"
    buildmod.build(kb, path, parallel=False)
    return tables(path)


def test_a_store_built_in_two_processes_is_the_one_built_in_one(kb, tmp_path, one_process):
    path = tmp_path / "kb.sqlite"
    buildmod.build(kb, path, parallel=True)
    two = tables(path)
    assert list(two) == list(one_process)
    for name, rows in one_process.items():
        assert two[name] == rows, name
    assert two["progress"] and two["broad_pages"] and two["item_json"]  # the second process wrote
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.sqlite"]
    assert no_child_left()


def test_a_second_process_that_fails_is_redone_by_the_first(kb, tmp_path, monkeypatch, one_process):
    def fail(kb, path):
        raise RuntimeError("the second process failed")

    monkeypatch.setattr(derived, "write_side", fail)
    path = tmp_path / "kb.sqlite"
    buildmod.build(kb, path, parallel=True)
    two = tables(path)
    for name in ("progress", "broad_pages", "meta"):
        assert two[name] == one_process[name], name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.sqlite"]
    assert no_child_left()


def test_an_interrupted_build_leaves_no_side_file_and_no_process(kb, tmp_path, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(buildmod, "_fill_base", interrupted)
    path = tmp_path / "kb.sqlite"
    with pytest.raises(KeyboardInterrupt):
        buildmod.build(kb, path, parallel=True)
    assert not (tmp_path / "kb.sqlite.side").exists()
    assert no_child_left()


def test_a_store_the_command_line_builds_in_two_processes_answers_as_the_other(cli, tmp_path, monkeypatch):
    """The size rule lowered so that the real base takes the two-process way through the
    command line's own build (`db.connect` → `build`, its progress bar's timer thread alive):
    the same answer as the session's store."""
    expected = cli("find", "5G", "--json")
    assert expected.code == 0, expected
    monkeypatch.setattr(buildmod, "PARALLEL_ITEMS", 1)
    monkeypatch.setenv("SDTARGETS_DB", str(tmp_path / "kb.sqlite"))
    result = cli("find", "5G", "--json")
    assert result.code == 0, result
    assert result.out == expected.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.sqlite"]
    assert no_child_left()
