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
