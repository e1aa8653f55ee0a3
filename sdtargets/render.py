"""One renderer for every output format.

Commands hand over the objects they found (the JSON contract) and the table columns that show
them to a person; this module prints them as a Rich table, JSON, JSON lines, CSV, TSV, Markdown
or YAML. Data goes to stdout, nothing else does. Rich is imported only for tables.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown", "yaml")

#: A cell: plain text, or text with (start, end) spans to highlight.
Cell = str | tuple[str, list[tuple[int, int]]]


@dataclass
class Column:
    """A table column: header, how to get its cell from an object, and layout hints."""

    header: str
    get: Callable[[dict], Cell]
    ratio: int | None = None
    no_wrap: bool = False


def choose_format(fmt: str | None, as_json: bool) -> str:
    """`--json` is short for `--format json`; unknown names are refused."""
    from .errors import SdError

    if as_json:
        return "json"
    fmt = (fmt or "table").lower()
    if fmt not in FORMATS:
        raise SdError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return fmt


def dumps(obj: object) -> str:
    """JSON as the contract wants it: UTF-8 Chinese, not \\u escapes."""
    return json.dumps(obj, ensure_ascii=False, indent=2)


def emit(
    objects: list[dict] | dict,
    fmt: str,
    columns: Sequence[Column],
    title: str | None = None,
    caption: str | None = None,
) -> None:
    """Print ``objects`` in ``fmt``: whole objects for JSON/YAML, ``columns`` otherwise."""
    out = sys.stdout
    if fmt == "json":
        out.write(dumps(objects) + "\n")
    elif fmt == "jsonl":
        for obj in objects if isinstance(objects, list) else [objects]:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    elif fmt == "yaml":
        import yaml

        out.write(yaml.safe_dump(objects, allow_unicode=True, sort_keys=False, width=1 << 20))
    else:
        rows = objects if isinstance(objects, list) else [objects]
        cells = [[_plain(c.get(o)) for c in columns] for o in rows]
        headers = [c.header for c in columns]
        if fmt in ("csv", "tsv"):
            w = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            w.writerow(headers)
            w.writerows(cells)
        elif fmt == "markdown":
            out.write("| " + " | ".join(headers) + " |\n")
            out.write("|" + "---|" * len(headers) + "\n")
            for row in cells:
                out.write("| " + " | ".join(_md(c) for c in row) + " |\n")
        elif rows:
            table(rows, columns, title, caption)


def _plain(cell: Cell) -> str:
    return cell[0] if isinstance(cell, tuple) else cell


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def console(stderr: bool = False):  # noqa: ANN201 - rich.console.Console, imported lazily
    """A Rich console that respects NO_COLOR and is plain when not on a terminal."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def table(rows: list[dict], columns: Sequence[Column], title: str | None, caption: str | None) -> None:
    """A Rich table; highlighted spans in bold yellow."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    t = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, show_lines=False, expand=False)
    for c in columns:
        t.add_column(c.header, ratio=c.ratio, no_wrap=c.no_wrap, overflow="fold")
    for obj in rows:
        cells = []
        for c in columns:
            cell = c.get(obj)
            if isinstance(cell, tuple):
                text = Text(cell[0])
                for a, b in cell[1]:
                    text.stylize("bold yellow", a, b)
                cells.append(text)
            else:
                cells.append(Text(cell))
        t.add_row(*cells)
    console().print(t)


def message(text: str) -> None:
    """A note for the person at the terminal, on stderr (so it never pollutes data)."""
    print(text, file=sys.stderr)
