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
        ["find", "5G", "--json", "--limit", "1"],
    ],
    ids=" ".join,
)
def test_anything_else_goes_to_the_typer_app(args):
    assert fast.serve(args) is None
