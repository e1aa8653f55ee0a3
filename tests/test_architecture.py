"""The package layout holds (docs/architecture.md): imports run one way, no module imports
another that (through any chain) imports it back, and no module grows past what one reader
can hold. Read from the source with `ast`, every import counted, function-level ones too:
a lazy import is still a dependency."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sdtargets"

#: What each layer may import (besides itself and the shared primitives `sdtargets.errors`
#: and `sdtargets` itself for `__version__`). `cli` may import anything; nothing imports `cli`.
ALLOWED = {
    "text": set(),
    "kb": {"text"},
    "drafting": {"kb", "text"},
    "store": {"kb", "text"},
    "cli": {"text", "kb", "drafting", "store"},
}
SHARED = {"sdtargets", "sdtargets.errors"}
MAX_LINES = 650


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, name: str, is_package: bool, modules: set[str]) -> set[str]:
    """The package's modules that module ``name`` (its text ``source``) imports, anywhere in
    it, resolved to module names (`from . import x` names the module x when x is one, else
    the package)."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "sdtargets")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "sdtargets":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
    return {m for m in found if m in modules and m != name}


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {
        module_name(p): imports_of(
            p.read_text(encoding="utf-8"), module_name(p), p.name == "__init__.py", modules
        )
        for p in paths
    }


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(out)


def test_the_import_reader_sees_lazy_and_relative_imports():
    """The checks below are only as good as this reader: a function-level relative import of
    the command line from the store is seen, in both spellings, and so is an absolute one."""
    modules = set(graph())
    db = (PACKAGE / "store" / "db.py").read_text(encoding="utf-8")
    for line in ("from ..cli.busy import busy", "from ..cli import busy", "import sdtargets.cli.busy"):
        source = f"{db}\n\ndef _f():\n    {line}\n"
        assert "sdtargets.cli.busy" in imports_of(source, "sdtargets.store.db", False, modules), line
    assert "sdtargets.cli.busy" not in imports_of(db, "sdtargets.store.db", False, modules)


def test_the_circle_finder_finds_circles():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert cycles(edges) == [["a", "b", "c"], ["d", "e"]]


def test_no_import_circles():
    assert cycles(graph()) == []


def test_each_layer_imports_only_what_lies_below_it():
    wrong = []
    for module, targets in graph().items():
        mine = layer(module)
        if mine is None:
            continue  # sdtargets, sdtargets.errors, sdtargets.__main__: shared or the entry point
        for target in targets - SHARED:
            theirs = layer(target)
            if theirs != mine and theirs not in ALLOWED[mine]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_shared_primitives_import_no_layer():
    """Outside the layers there are only the shared primitives and `python -m sdtargets`: a new
    module goes into a layer, where the rules above apply to it."""
    edges = graph()
    assert {m for m in edges if layer(m) is None} == {"sdtargets", "sdtargets.errors", "sdtargets.__main__"}
    assert edges["sdtargets.errors"] == set()
    assert edges["sdtargets"] == set()


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_too_long_to_read(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines: split it"


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_says_what_it_owns_and_imports_nothing_eagerly(package):
    """A package's `__init__` is read by every import of any of its modules: it documents the
    package and imports nothing, so that importing one light module never pays for heavy ones."""
    tree = ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8"))
    assert len(ast.get_docstring(tree) or "") > 200
    assert not [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom) and getattr(n, "module", None) != "__future__"
    ]
