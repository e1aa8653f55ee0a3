"""Calm under abuse: random queries, concurrent first runs, interrupted builds, unsafe code."""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdtargets.errors import SdError
from sdtargets.store.search import search

ROOT = Path(__file__).resolve().parent.parent


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_random_unicode_queries_never_crash_find(conn, query):
    try:
        hits = search(conn, query)
    except SdError as exc:
        # empty or too long: the documented usage error; only asking words (`吗`, `the`): no topic
        assert exc.code == 2 or (exc.code == 1 and "no topic words" in exc.message), exc.message
    else:
        assert all(0 < h.score <= 100 for h in hits)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from("省工业和信息化厅发展改革委科技 ５Ｇ'\"*%_"), max_size=20))
def test_random_agency_names_resolve_or_fail_cleanly(conn, name):
    from sdtargets.store.agencies import resolve

    try:
        resolve(conn, name)
    except SdError as exc:
        assert exc.code == 2 and exc.message


def test_ten_thousand_character_query_is_refused(cli):
    result = cli("find", "氢" * 10_000)
    assert result.code == 2
    assert result.err == "sdtargets: The query is too long (10000 characters; at most 200).\n"


def imported_by(*args: str, code: int = 0) -> set[str]:
    """The modules a whole `sdtargets ARGS` process imports (warm cache), via -X importtime.

    The process must end with exit ``code`` (the documented one for ARGS): one that crashed
    before its answer would import little and pass for light."""
    run = [sys.executable, "-X", "importtime", "-m", "sdtargets", *args]
    for _ in range(2):  # the first run warms the cache; the second is the one measured
        done = subprocess.run(run, capture_output=True, text=True, check=False)
        assert done.returncode == code, (args, done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    err = done.stderr
    return {line.split("|")[-1].strip() for line in err.splitlines() if line.startswith("import time:")}


def test_plain_queries_and_their_tables_import_no_yaml_rich_typer_sqlite_utils_rapidfuzz_or_typing():
    """The start-up budget rests on this: the query path reads SQLite only, and tables are laid
    out by `termtable`, not Rich. (OpenCC and pypdf belong to the build and `import`.)"""
    heavy = {"yaml", "rich", "typer", "click", "sqlite_utils", "jsonschema", "prompt_toolkit", "rapidfuzz"}
    heavy |= {"typing", "opencc", "pypdf"}
    for args in (
        ["find", "5G", "--json"],
        ["agency", "省工信厅", "--json"],
        ["due", "2024", "--json"],
        ["find", "5G"],
        ["agency", "省工信厅"],
        ["due", "2024"],
        ["show", "act2024-rd.2"],
    ):
        assert heavy & imported_by(*args) == set(), args


def test_eight_first_runs_at_once_build_once_and_all_answer(tmp_path):
    env = {**os.environ, "SDTARGETS_DB": "", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("SDTARGETS_DB")
    code = "from sdtargets.cli.main import main; raise SystemExit(main(['find', '5G', '--json']))"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(8)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, [o[1] for o in outputs]
    answers = {json.dumps([i["id"] for i in json.loads(o[0])]) for o in outputs}
    assert len(answers) == 1
    files = sorted(p.name for p in (tmp_path / "cache" / "sdtargets").iterdir())
    assert len([f for f in files if f.endswith(".sqlite")]) == 1
    assert not [f for f in files if f.endswith(".tmp")]


def test_sigint_during_a_build_leaves_no_half_written_cache(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SDTARGETS_DB"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    # Slow the build down so that the signal lands inside it.
    code = (
        "import time, sdtargets.store.db as d; real = d.build\n"
        "def slow(kb, path):\n    real(kb, path); time.sleep(30)\n"
        "d.build = slow\nfrom sdtargets.cli.main import main; raise SystemExit(main(['find', '5G']))"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True)
    cache = tmp_path / "cache" / "sdtargets"
    deadline = time.time() + 60
    while time.time() < deadline and not any(cache.glob(".kb-*.tmp")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
    assert sorted(p.name for p in cache.iterdir() if not p.name.endswith(".lock")) == []


def test_no_unsafe_yaml_load_and_no_sql_built_from_strings():
    """yaml.load only with a safe loader; execute() never gets an f-string or % formatting."""
    offenders = []
    for path in (ROOT / "sdtargets").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr == "load" and getattr(node.func.value, "id", "") == "yaml":
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                if (
                    loader is None
                    or "Safe" not in ast.unparse(loader)
                    and "loader" not in ast.unparse(loader)
                ):
                    offenders.append(f"{path.name}:{node.lineno}: yaml.load without a safe loader")
            if node.func.attr in ("execute", "executemany") and node.args:
                sql = node.args[0]
                if isinstance(sql, ast.JoinedStr) or (
                    isinstance(sql, ast.BinOp) and isinstance(sql.op, ast.Mod)
                ):
                    offenders.append(f"{path.name}:{node.lineno}: SQL built by string formatting")
    assert offenders == []
