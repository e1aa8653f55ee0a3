"""Every console example in README.md and docs/*.md is what the tool prints (issue #17).

Each ```console block whose command starts with `$ sdtargets` is run as a user would run it
(`python -m sdtargets`, 100 columns, no colour, the checkout's base, a database and cache in a
temporary folder) and its block must equal the output, stderr first, with the exit code the
block expects. A block that says `# (first N lines)` is compared on those lines only, and one
that says `# (exit N)` expects that exit code; nothing else is skipped. When an example fails,
`python scripts/readme_tour.py` rewrites every example from the tool (then read the diff).
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script():
    """scripts/readme_tour.py, the refresher, whose block parser the test shares."""
    spec = importlib.util.spec_from_file_location("readme_tour", ROOT / "scripts" / "readme_tour.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme_tour"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


TOUR = _script()
FILES = TOUR.doc_files()
EXAMPLES = [ex for path in FILES for ex in TOUR.examples(path)]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The examples' environment: never the user's cache, database or terminal settings."""
    return TOUR.environment(tmp_path_factory.mktemp("docs_examples"))


def test_every_console_block_is_a_checked_example():
    """Counted apart from the parser: every ```console block of README and docs/ is an example here."""
    blocks = 0
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        blocks += len(re.findall(r"^```console\n(?:# \([^)]*\)\n)?\$ sdtargets ", text, re.M))
        assert text.count("```console\n") == len(re.findall(r"^```console\n", text, re.M))
    total = sum(path.read_text(encoding="utf-8").count("```console\n") for path in FILES)
    assert blocks == total == len(EXAMPLES)
    assert len(EXAMPLES) >= 10  # the README's tour alone has eight
    assert {p.name for p in FILES} >= {"README.md", "commands.md", "progress.md"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[ex.name for ex in EXAMPLES])
def test_example_is_what_the_tool_prints(example, env):
    out = subprocess.run(
        [sys.executable, "-m", "sdtargets", *shlex.split(example.command)[1:]],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    printed = [line.rstrip() for line in (out.stderr + out.stdout).strip("\n").splitlines()]
    if example.keep is not None:
        assert len(printed) > example.keep, "an abridged example must leave something out"
        printed = printed[: example.keep]
    assert out.returncode == example.exit, out.stderr
    assert example.shown == printed, (
        f"{example.name} differs from what the tool prints; refresh with python scripts/readme_tour.py"
    )


def test_a_block_edited_by_hand_is_caught():
    """The parser reads the block as written: an edited line, a dropped line and an unknown marker
    are all visible to the comparison (or refused)."""
    text = "```console\n# (first 2 lines; exit 1)\n$ sdtargets find nothing\na\nb\n```\n"
    (ex,) = TOUR.examples(ROOT / "README.md", text)
    assert (ex.command, ex.keep, ex.exit, ex.shown) == ("sdtargets find nothing", 2, 1, ["a", "b"])
    with pytest.raises(ValueError, match="unknown example marker"):
        TOUR.examples(ROOT / "README.md", "```console\n# (skip)\n$ sdtargets find x\n```\n")
    with pytest.raises(ValueError, match="must start with"):
        TOUR.examples(ROOT / "README.md", "```console\nsdtargets> find x\n```\n")
