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

from ..store.encoded import Encoded

FORMATS = ("table", "json", "jsonl", "csv", "excel", "tsv", "markdown", "yaml")
#: Formats whose cells are data for a program (one line each, no display marks).
DATA_TABLES = ("csv", "excel", "tsv")

#: A table column: header, how to get its cell from an object, and layout hints.
#: ``joiner``: the cell is a list joined by it (`、`), and lines break after one, not inside a name.
#: ``data``: the cell's value in CSV/TSV/Markdown when it differs from what a person is shown
#: (`2025` and a separate `years_implied`, not `2025*`). ``only``: "table" for a column only a
#: person needs (a bar chart, lead and support on two lines), "data" for one only data formats
#: carry; None for both.
Column = namedtuple(
    "Column",
    "header get ratio no_wrap min_width joiner data only",
    defaults=(None, False, None, None, None, None),
)


def choose_format(fmt: str | None, as_json: bool) -> str:
    """`--json` is short for `--format json`; unknown names are refused."""
    from ..errors import SdError

    if as_json:
        return "json"
    fmt = (fmt or "table").lower()
    if fmt not in FORMATS:
        raise SdError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return fmt


def dumps(obj: object, pretty: bool = True) -> str:
    """JSON as the contract wants it: UTF-8 Chinese, not \\u escapes.

    Indented when ``pretty`` (a person at a terminal); otherwise compact, as every `--json` is
    when piped. A list is written one compact object per line: still one JSON array,
    greppable, and several times faster to write, because `json.dumps(indent=…)` cannot use
    CPython's C encoder and a list can hold thousands of items. One object (`show`, `stats`)
    is one compact line, as `jq -c` writes it.
    """
    if not pretty:
        if isinstance(obj, list) and obj:
            return "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in obj) + "\n]"
        return json.dumps(obj, ensure_ascii=False)
    return json.dumps(obj, ensure_ascii=False, indent=2)


class Settings:
    """Per-run output settings, set once by the CLI's top-level options."""

    pager: bool = True
    color: bool = True  # --no-color (NO_COLOR in the environment does the same)
    fields: list[str] | None = None
    last_ids: list[str] | None = None  # ids of the last list printed (the shell's `show N`)
    in_shell: bool = False  # errors point to the shell's `help CMD`, not `sdtargets CMD --help`


settings = Settings()


def select_fields(objects: list[dict] | dict, columns: Sequence[Column], fields: list[str] | None):  # noqa: ANN201
    """Apply `--fields`: the columns (tables, CSV) named, in the order given. A field is any
    column the command shows or any key of its objects; anything else is a usage error naming
    the valid fields. The objects are kept whole: a column may read several keys."""
    if not fields:
        return objects, list(columns)
    rows = objects if isinstance(objects, list) else [objects]
    by_header = {c.header: c for c in columns if c.header}
    keys = [k for k in dict.fromkeys(k for o in rows[:50] for k in o) if k not in by_header]
    unknown = [f for f in fields if f not in by_header and f not in keys]
    if unknown and rows:
        from ..errors import SdError

        valid = ", ".join([*by_header, *keys])
        raise SdError(f"Unknown field {unknown[0]!r}: this command's fields are {valid}.")
    cols = [by_header.get(f) or Column(f, lambda o, f=f: field_text(f, o.get(f))) for f in fields]
    return objects, cols


def span_text(span: object) -> str:
    """A span as a cell: `2021-2025`, as a table writes it (docs/json.md: the first and last
    year); JSON keeps `[2021, 2025]`. Joined as a list it read `2021、2025`, two years."""
    return f"{span[0]}-{span[1]}" if isinstance(span, list) and len(span) == 2 else ""


def field_text(key: str, value: object) -> str:
    """A key chosen with `--fields` that no column shows, as a cell."""
    return span_text(value) if key == "span" and value else _cell_text(value)


def project(objects: list[dict] | dict, columns: Sequence[Column], fields: list[str]) -> list[dict] | dict:
    """`--fields` for JSON and YAML: only those keys, in that order; a field that is a column
    and not a key (`match` in `find`'s table, `lead / support`) carries that column's data."""
    by_header = {c.header: c for c in columns if c.header}

    def one(o: dict) -> dict:
        out = {}
        for f in fields:
            if f in o:
                out[f] = o[f]
            elif f in by_header:
                c = by_header[f]
                out[f] = c.data(o) if c.data else _plain(c.get(o))
        return out

    return [one(o) for o in objects] if isinstance(objects, list) else one(objects)


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
    head: Sequence[str] = (),
) -> None:
    """Print ``objects`` in ``fmt``: whole objects for JSON/YAML, ``columns`` otherwise.
    ``objects`` may be `Encoded`: written as they are where that is the answer, else decoded.
    ``head``: lines a table is preceded by, on the same page (`find`'s direct answer)."""
    out = sys.stdout
    if isinstance(objects, list) and objects and isinstance(objects[0], Encoded):
        settings.last_ids = [o.id for o in objects]
        if fmt in ("json", "jsonl") and not settings.fields and (fmt == "jsonl" or not out.isatty()):
            # in pieces: a broad answer at 100× the base is 12 MB, copied once less per piece
            out.write("[\n" if fmt == "json" else "")
            out.write(("\n" if fmt == "jsonl" else ",\n").join(objects))
            out.write("\n" if fmt == "jsonl" else "\n]\n")
            return
        objects = [json.loads(o) for o in objects]
    if isinstance(objects, list):
        settings.last_ids = [o["id"] for o in objects if isinstance(o, dict) and "id" in o]
    objects, columns = select_fields(objects, columns, settings.fields)
    if settings.fields and fmt in ("json", "jsonl", "yaml"):
        objects = project(objects, columns, settings.fields)
    if fmt == "json":
        out.write(dumps(objects, pretty=out.isatty()) + "\n")
    elif fmt == "jsonl":
        for obj in objects if isinstance(objects, list) else [objects]:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    elif fmt == "yaml":
        out.write(yaml_text(objects))
    else:
        rows = objects if isinstance(objects, list) else [objects]
        if fmt == "table":
            if rows:
                shown = [c for c in columns if settings.fields or c.only != "data"]
                table([[table_cell(c, o) for c in shown] for o in rows], shown, title, caption, head)
            return
        write_data_table(rows, columns, fmt, bool(settings.fields))


def table_cell(column: Column, obj: dict) -> str | tuple:
    """A column's cell as a person sees it. A column may read a field that is data (a number,
    `null`, true/false: `--fields gap,value_max,years_implied`), which a table writes as text
    (`2.5`, blank, `true`) where it used to be a traceback; a text or a highlighted snippet
    (`termtable.Cell`) is drawn as it is."""
    value = column.get(obj)
    if isinstance(value, str | tuple):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return _cell_text(value)


def yaml_text(objects: object) -> str:
    """Plain YAML: every object written out where it occurs, never as an anchor (`&id001`) and
    an alias (`*id001`), which PyYAML writes for an object met twice (`due`'s targets are also
    its `due`). The tool's own reader (`kb.yamlread`) refuses aliases, and a script should not
    need to resolve them: the YAML reads back as the same data as the JSON."""
    import yaml

    class PlainDumper(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:  # noqa: ARG002 - every object, whole
            return True

    return yaml.dump(objects, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=1 << 20)


def data_cell(column: Column, obj: dict) -> str:
    """A column's cell as data: its ``data`` value if it has one, booleans as true/false."""
    value = column.data(obj) if column.data else _plain(column.get(obj))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "、".join(map(str, value))
    return "" if value is None else str(value)


def write_data_table(rows: list[dict], columns: Sequence[Column], fmt: str, chosen: bool = False) -> None:
    """CSV (``excel``: with a byte-order mark and CRLF, which Excel needs to read UTF-8
    Chinese), TSV or Markdown: one header, one line per row. Columns only a person needs are
    left out unless ``chosen`` by `--fields`; a cell's line breaks become `; ` in CSV and TSV
    (many readers split rows on newlines)."""
    out = sys.stdout
    columns = [c for c in columns if c.header and (chosen or c.only != "table")]
    cells = [[data_cell(c, o) for c in columns] for o in rows]
    headers = [c.header for c in columns]
    if fmt in DATA_TABLES:
        import csv

        cells = [["; ".join(v.split("\n")).replace("\t", " ") for v in row] for row in cells]
        if fmt == "excel":
            out.write("\ufeff")
        w = csv.writer(
            out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\r\n" if fmt == "excel" else "\n"
        )
        w.writerow(headers)
        w.writerows(cells)
    else:  # markdown
        out.write("| " + " | ".join(headers) + " |\n")
        out.write("|" + "---|" * len(headers) + "\n")
        for row in cells:
            out.write("| " + " | ".join(_md(c) for c in row) + " |\n")


def emit_sections(
    sections: Sequence[tuple[str, list[dict], Sequence[Column]]], fmt: str, head: Sequence[str] = ()
) -> None:
    """Several titled lists as one answer (`agency` by plan, `stats`). As tables they are one
    page, after the ``head`` lines (`agency`'s names and counts): one pager, not one per table,
    and the shell's `show N` counts rows across them all. Other formats print each list in turn."""
    if fmt != "table":
        for n, (title, rows, columns) in enumerate(sections):
            if fmt == "markdown" and len(sections) > 1:  # a document: each table under its title
                sys.stdout.write(("\n" if n else "") + f"**{title}**\n\n")
            emit(rows, fmt, columns, title=title)
        return
    term = terminal()
    lines: list[str] = [*head]
    ids: list[str] = []
    for title, rows, columns in sections:
        ids += [o["id"] for o in rows if "id" in o]
        rows, columns = select_fields(rows, columns, settings.fields)
        columns = [c for c in columns if settings.fields or c.only != "data"]
        if rows:
            lines += [""] if lines else []
            lines += table_lines(
                [[table_cell(c, o) for c in columns] for o in rows], columns, title, term=term
            )
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
    head: Sequence[str] = (),
) -> None:
    """A table on stdout (see `table_lines`), after the ``head`` lines if any."""
    term = terminal()
    put([*head, *([""] if head else []), *table_lines(cells, columns, title, caption, term)], term)


def put(lines: list[str], term=None) -> None:  # noqa: ANN001 - termtable.Terminal
    """Lines for a person on stdout, through the pager when they are taller than the terminal."""
    from .termtable import page

    term = term or terminal()
    text = "\n".join(lines) + "\n"
    if settings.pager and term.is_tty and len(lines) > term.height:
        first = _first_paging()
        page(term, text, prompt=PAGER_PROMPT if first else None)
        if first:
            message(PAGER_NOTE)
    else:
        sys.stdout.write(text)


#: Said once, the first time an answer is paged: how to leave the pager, and how to turn it off.
PAGER_PROMPT = "sdtargets: q leaves, / searches, space pages on (--no-pager turns paging off)"
PAGER_NOTE = (
    "sdtargets: that answer was longer than the terminal, so it opened in a pager"
    " (q leaves it); --no-pager, or PAGER=cat, turns paging off. (Said once.)"
)


def _first_paging() -> bool:
    """True the first time this user's answers are paged (a marker in the cache folder)."""
    from ..kb.paths import cache_dir

    marker = cache_dir() / "pager-explained"
    try:
        if marker.exists():
            return False
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        return False  # no cache to remember it in: better silent than said every time
    return True


def bar(value: float, maximum: float, width: int = 24) -> str:
    """A horizontal bar for terminal charts: `████▌`."""
    if not maximum or value <= 0:
        return ""
    eighths = round(width * 8 * value / maximum)
    return "█" * (eighths // 8) + ("▏▎▍▌▋▊▉"[eighths % 8 - 1] if eighths % 8 else "")


def message(text: str) -> None:
    """A note for the person at the terminal, on stderr (so it never pollutes data)."""
    print(text, file=sys.stderr)
