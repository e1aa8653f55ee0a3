"""The fast path (no Typer) and the Typer app print the same thing for every form it takes."""

from __future__ import annotations

import pytest

from sdtargets.cli import fast
from sdtargets.cli.app import invoke

FAST_FORMS = [
    ["find", "5G", "--json"],
    ["find", "储能", "2025", "--json"],
    ["find", "5G"],
    ["agency", "省工信厅", "--json"],
    ["agency", "省发改委"],
    ["due", "2023", "--json"],
    ["due", "2024"],
    ["show", "green2023.2", "--json"],
    ["show", "green2023.2"],
    ["find", "火星殖民", "--json"],
    ["find", "energy", "storage", "--json"],
    ["find", "新能原汽车"],
    ["agency", "MIIT"],
    ["agency", "火星发展局", "--json"],
    ["show", "green2023.999"],
    ["due", "1800", "--json"],
    ["--no-color", "find", "5G"],  # root options, which `main` moves to the front
    ["--no-pager", "--no-color", "agency", "省工信厅", "--json"],
    # first screens: `--limit N` / `-n N` anywhere after the command, `--json` anywhere
    ["find", "5G", "--limit", "3"],
    ["find", "5G", "--json", "--limit", "1"],
    ["find", "新能源", "-n", "20", "--json"],
    ["find", "-n", "2", "储能", "2025"],
    ["find", "--json", "energy", "-n", "5", "storage"],
    ["find", "新能原汽车", "-n", "1"],
    ["find", "火星殖民", "-n", "5", "--json"],
    ["find", "5G", "--limit", "100000"],
    ["agency", "省工信厅", "-n", "5"],
    ["agency", "省工信厅", "--limit", "20", "--json"],
    ["agency", "-n", "3", "MIIT"],
    ["agency", "火星发展局", "-n", "2"],
    ["due", "2024", "-n", "20"],
    ["due", "2025", "--limit", "7", "--json"],
    ["due", "-n", "4", "2030"],
    ["due", "1800", "-n", "3"],
    ["progress"],
    ["progress", "--json"],
    ["progress", "-n", "20"],
    ["progress", "--limit", "20", "--json"],
    ["progress", "新能源汽车", "-n", "5"],
    ["progress", "光伏", "--json", "--limit", "3"],
    ["progress", "火星殖民", "-n", "3"],
    ["--no-color", "progress", "-n", "6"],
]


def run(path, args, capsys):  # noqa: ANN001, ANN201
    from sdtargets.errors import SdError

    capsys.readouterr()
    try:
        code = path(list(args))
    except SdError as exc:
        code = (int(exc.code), exc.message)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("args", FAST_FORMS, ids=" ".join)
def test_fast_path_answers_exactly_as_the_typer_app(args, capsys):
    assert run(fast.serve, args, capsys) == run(invoke, args, capsys)


@pytest.mark.parametrize(
    "args",
    [
        ["find", "5G", "--plan", "green2023"],
        ["find", "--help"],
        ["find"],
        ["due", "二〇二五"],
        ["agency", "省", "工信厅"],
        ["plans"],
        ["find", "5G", "--limit", "0"],
        ["find", "5G", "--limit", "-1"],
        ["find", "5G", "--limit", "２"],
        ["find", "5G", "--limit", "1", "--limit", "2"],
        ["find", "5G", "--limit=3"],
        ["find", "5G", "-n3"],
        ["find", "5G", "--limit"],
        ["find", "5G", "--json", "--json"],
        ["find", "-n", "3"],
        ["show", "green2023.2", "-n", "1"],
        ["due", "2024", "2025", "-n", "1"],
        ["progress", "-n", "5", "--status", "met"],
        ["progress", "--count"],
    ],
    ids=" ".join,
)
def test_anything_else_goes_to_the_typer_app(args):
    assert fast.serve(args) is None


@pytest.mark.parametrize("collecting", [True, False])
def test_a_fast_answer_leaves_the_garbage_collector_as_it_found_it(collecting, capsys):
    """The collector is paused for a query (`fast.serve`) and set back after it: the shell
    answers many in one process, and must not go on without it."""
    import gc

    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        assert fast.serve(["find", "5G", "--json"]) == 0
        assert gc.isenabled() == collecting
    finally:
        (gc.enable if was else gc.disable)()
    assert '"id": "act2024-ict' in capsys.readouterr().out
