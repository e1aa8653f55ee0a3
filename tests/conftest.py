"""Shared fixtures: the real knowledge base, built once into a temporary database.

Tests call `sdtargets.cli.main.main` in-process, so they exercise the real error boundary (exit
codes, stderr sentences) exactly as the console script does.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(
    os.environ.get("SDTARGETS_TEST_DATA") or ROOT / "data"
)  # override only to develop against a draft base


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)

    def __str__(self) -> str:  # shown by `assert …, result`
        return f"exit {self.code}\nstdout:\n{self.out}\nstderr:\n{self.err}"


#: The plans whose rankings and verdicts the tests below were reviewed on. A correct new document
#: may answer a query better or bring new verdicts: tests that pin a ranking or a set of verdicts
#: look only at these plans' items (`reviewed`), so adding a plan never breaks them.
REVIEWED_PLANS = frozenset(
    "green2023 act2024 fyp14 gxt2024 news2024 mfg2023 chain2024 gwr2026 gwr2024 gwr2025".split()
)


def reviewed(ids: list[str]) -> list[str]:
    """``ids`` (item ids, in order) of the plans in `REVIEWED_PLANS` (sub-plans included)."""
    return [i for i in ids if i.split(".")[0].split("-")[0] in REVIEWED_PLANS]


def drafted_figures(text: str, year: int = 2024, result: bool = True) -> list[tuple]:
    """(metric, value, unit, year) of each figure `import` drafts from one sentence of a work
    report of ``year`` (its results, or with ``result`` False its targets); each quote is the
    sentence's own words."""
    from sdtargets.drafting.quantities import draft_targets

    targets, _ = draft_targets(text, (year + 1, year + 1), year if result else None, result=result)
    for t in targets:
        assert t["quote"] in text, t
    return [(t["metric"], t["value"], t["unit"], t.get("year")) for t in targets]


def progress_record(cli, item: str, metric: str, year: int | None = None) -> dict:  # noqa: ANN001 - the cli fixture
    """The progress record of one target of a real item, through the CLI's JSON (exactly one)."""
    res = cli("progress", "--plan", item.split(".")[0], "--json")
    assert res.code == 0, res
    found = [r for r in res.json if r["item"] == item and r["metric"] == metric and year in (None, r["year"])]
    assert len(found) == 1, found
    return found[0]


#: The user's real cache and home, as they were before the tests isolated them: no test may
#: write there (`test_the_tests_never_write_into_the_users_cache`).
REAL_HOME = os.environ.get("HOME", "")
REAL_CACHE = os.environ.get("XDG_CACHE_HOME", "")


@pytest.fixture(scope="session", autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """HOME and XDG_CACHE_HOME point into a temporary folder for the whole run: the first-run
    pager marker, the shell's history and any cached database land there, never in the
    user's real cache (where a marker would hide the pager hint from the user for good)."""
    home = tmp_path_factory.mktemp("home")
    os.environ["HOME"] = str(home)
    os.environ["XDG_CACHE_HOME"] = str(home / ".cache")


@pytest.fixture(scope="session", autouse=True)
def _isolated_db(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test uses the checkout's data/ and a database in a temporary folder."""
    os.environ["SDTARGETS_DATA"] = str(DATA)  # the checkout's knowledge base, never a user's
    os.environ["SDTARGETS_DB"] = str(tmp_path_factory.mktemp("db") / "kb.sqlite")
    os.environ["NO_COLOR"] = "1"
    os.environ["COLUMNS"] = "200"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture):
    """Run `sdtargets ARGS…` in-process: `cli("find", "5G", "--json")` → Result."""
    from sdtargets.cli.main import main

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(int(code), captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def conn():
    """A connection to the real knowledge base's database."""
    from sdtargets.store.db import connect

    return connect()


@pytest.fixture(scope="session")
def kb():
    """The real knowledge base, loaded and normalised."""
    from sdtargets.kb.load import load

    return load(DATA)


def write_kb(folder: Path, targets: str, agencies: str = "agencies: []\n") -> Path:
    """A small knowledge base for loader tests (files written as given)."""
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    (folder / "agencies.yaml").write_text(agencies, encoding="utf-8")
    return folder
