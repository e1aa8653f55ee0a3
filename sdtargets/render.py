"""One renderer for every output format.

Commands hand over the objects they found (the JSON contract) and the table columns that show
them to a person; this module prints them as a terminal table (`termtable`), JSON, JSON lines,
CSV, TSV, Markdown or YAML. Data goes to stdout, nothing else does.
"""

from __future__ import annotations

import json
import sys
from collections import namedtuple
from collections.abc import Sequence

from .encoded import Encoded

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown", "yaml")

#: A table column: header, how to get its cell from an object, and layout hints.
#: ``joiner``: the cell is a list joined by it (`、`), and lines break after one, not inside a name.
Column = namedtuple("Column", "header get ratio no_wrap min_width joiner", defaults=(None, False, None, None))


def written(value: float | int) -> str:
    """A number as a document writes it: `25`, `3.5`, never `25.0` or `3.5e+00`."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def choose_format(fmt: str | None, as_json: bool) -> str:
    """`--json` is short for `--format json`; unknown names are refused."""
    from .errors import SdError

    if as_json:
        return "json"
    fmt = (fmt or "table").lower()
    if fmt not in FORMATS:
        raise SdError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return fmt


def dumps(obj: object, pretty: bool = True) -> str:
    """JSON as the contract wants it: UTF-8 Chinese, not \\u escapes.

    One object (`show`, `stats`) is always indented. A list is indented when ``pretty`` (a
    person at a terminal) and otherwise written one compact object per line: still one JSON
    array, greppable, and several times faster to write, because `json.dumps(indent=…)` cannot
    use CPython's C encoder and a list can hold thousands of items.
    """
    if isinstance(obj, list) and obj and not pretty:
        return "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in obj) + "\n]"
    return json.dumps(obj, ensure_ascii=False, indent=2)


class Settings:
    """Per-run output settings, set once by the CLI's top-level options."""

    pager: bool = True
    color: bool = True  # --no-color (NO_COLOR in the environment does the same)
    fields: list[str] | None = None
    last_ids: list[str] | None = None  # ids of the last list printed (the shell's `show N`)


settings = Settings()


def select_fields(objects: list[dict] | dict, columns: Sequence[Column], fields: list[str] | None):  # noqa: ANN201
    """Apply `--fields`: keep only those keys (JSON) or columns (tables), in the order given."""
    if not fields:
        return objects, list(columns)
    from .errors import SdError

    rows = objects if isinstance(objects, list) else [objects]
    by_header = {c.header: c for c in columns}
    known = set(by_header) | {k for o in rows for k in o}
    unknown = [f for f in fields if f not in known]
    if unknown and rows:
        raise SdError(f"Unknown field {unknown[0]!r}: fields are {', '.join(sorted(known))}.")
    cols = [by_header.get(f) or Column(f, lambda o, f=f: _cell_text(o.get(f))) for f in fields]
    projected = [{f: o.get(f) for f in fields if f in o} for o in rows]
    return (projected if isinstance(objects, list) else projected[0]), cols


def _cell_text(value: object) -> str:
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def emit(
    objects: list[dict] | dict,
    fmt: str,
    columns: Sequence[Column],
    title: str | None = None,
    caption: str | None = None,
) -> None:
    """Print ``objects`` in ``fmt``: whole objects for JSON/YAML, ``columns`` otherwise.
    ``objects`` may be `Encoded`: written as they are where that is the answer, else decoded."""
    out = sys.stdout
    if isinstance(objects, list) and objects and isinstance(objects[0], Encoded):
        settings.last_ids = [o.id for o in objects]
        if fmt in ("json", "jsonl") and not settings.fields and (fmt == "jsonl" or not out.isatty()):
            out.write("\n".join(objects) + "\n" if fmt == "jsonl" else "[\n" + ",\n".join(objects) + "\n]\n")
            return
        objects = [json.loads(o) for o in objects]
    if isinstance(objects, list):
        settings.last_ids = [o["id"] for o in objects if isinstance(o, dict) and "id" in o]
    objects, columns = select_fields(objects, columns, settings.fields)
    if fmt == "json":
        out.write(dumps(objects, pretty=out.isatty()) + "\n")
    elif fmt == "jsonl":
        for obj in objects if isinstance(objects, list) else [objects]:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    elif fmt == "yaml":
        import yaml

        out.write(yaml.safe_dump(objects, allow_unicode=True, sort_keys=False, width=1 << 20))
    else:
        rows = objects if isinstance(objects, list) else [objects]
        if fmt == "table":
            if rows:
                table([[c.get(o) for c in columns] for o in rows], columns, title, caption)
            return
        cells = [[_plain(c.get(o)) for c in columns] for o in rows]
        if fmt == "tsv":  # one line per row: TSV readers split rows on newlines and fields on tabs
            cells = [[" ; ".join(v.split("\n")).replace("\t", " ") for v in row] for row in cells]
        headers = [c.header for c in columns]
        if fmt in ("csv", "tsv"):
            import csv

            w = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            w.writerow(headers)
            w.writerows(cells)
        else:  # markdown
            out.write("| " + " | ".join(headers) + " |\n")
            out.write("|" + "---|" * len(headers) + "\n")
            for row in cells:
                out.write("| " + " | ".join(_md(c) for c in row) + " |\n")


def emit_sections(sections: Sequence[tuple[str, list[dict], Sequence[Column]]], fmt: str) -> None:
    """Several titled lists as one answer (`agency` by plan, `stats`). As tables they are one
    page: one pager, not one per table, and the shell's `show N` counts rows across them all.
    Other formats print each list in turn."""
    if fmt != "table":
        for title, rows, columns in sections:
            emit(rows, fmt, columns, title=title)
        return
    term = terminal()
    lines: list[str] = []
    ids: list[str] = []
    for title, rows, columns in sections:
        ids += [o["id"] for o in rows if "id" in o]
        rows, columns = select_fields(rows, columns, settings.fields)
        if rows:
            lines += [""] if lines else []
            lines += table_lines([[c.get(o) for c in columns] for o in rows], columns, title, term=term)
    settings.last_ids = ids
    if lines:
        put(lines, term)


def _plain(cell: str | tuple) -> str:
    return cell[0] if isinstance(cell, tuple) else cell


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def terminal():  # noqa: ANN201 - termtable.Terminal, imported lazily
    """Standard output as a table sees it: width, height, and colour unless `--no-color`."""
    from .termtable import Terminal

    return Terminal(color=settings.color)


def table_lines(
    cells: list[list[str | tuple]],
    columns: Sequence[Column],
    title: str | None = None,
    caption: str | None = None,
    term=None,  # noqa: ANN001 - termtable.Terminal; standard output's when None
) -> list[str]:
    """A table's lines. ``cells`` are `termtable.Cell`s; columns marked ``no_wrap`` keep their
    width, the others share the rest by ``ratio``."""
    from .termtable import layout

    ratios = [None if c.no_wrap else (c.ratio or 1) for c in columns]
    minimums = [c.min_width or 8 for c in columns]
    headers, joiners = [c.header for c in columns], [c.joiner for c in columns]
    return layout(term or terminal(), headers, cells, ratios, minimums, title, caption, joiners)


def table(
    cells: list[list[str | tuple]],
    columns: Sequence[Column],
    title: str | None = None,
    caption: str | None = None,
) -> None:
    """A table on stdout (see `table_lines`)."""
    term = terminal()
    put(table_lines(cells, columns, title, caption, term), term)


def put(lines: list[str], term=None) -> None:  # noqa: ANN001 - termtable.Terminal
    """Lines for a person on stdout, through the pager when they are taller than the terminal."""
    from .termtable import page

    term = term or terminal()
    text = "\n".join(lines) + "\n"
    if settings.pager and term.is_tty and len(lines) > term.height:
        page(term, text)
    else:
        sys.stdout.write(text)


def bar(value: float, maximum: float, width: int = 24) -> str:
    """A horizontal bar for terminal charts: `████▌`."""
    if not maximum or value <= 0:
        return ""
    eighths = round(width * 8 * value / maximum)
    return "█" * (eighths // 8) + ("▏▎▍▌▋▊▉"[eighths % 8 - 1] if eighths % 8 else "")


def message(text: str) -> None:
    """A note for the person at the terminal, on stderr (so it never pollutes data)."""
    print(text, file=sys.stderr)
