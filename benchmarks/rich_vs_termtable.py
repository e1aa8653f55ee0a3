"""Why our own table layout, not Rich: the same cells wrapped by Rich and by `termtable`.

    python benchmarks/rich_vs_termtable.py        (the real knowledge base, 100 columns)

For `find 5G` and `agency 省工信厅`, every table cell is wrapped to the width `termtable` gives
its column, once by Rich (`Text.wrap`, what a Rich `Table` does with a cell) and once by
`termtable.wrap`; the script counts the lines each starts with a closing mark (，。、”》% …) or
ends with an opening one (“《（), and the agency names split across two lines in the agency
columns. It then times a whole table (Rich `Table` printed to a 100-column `Console`, against
`termtable.layout`) and the import of each. Figures, not assertions (docs/performance.md, "Why our own
table layout, not Rich").
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("NO_COLOR", "1")

from sdtargets.cli.termtable import NO_END, NO_START, Terminal, _lines, layout, table_widths  # noqa: E402
from sdtargets.store.db import connect  # noqa: E402

WIDTH = 100


def cases(conn) -> list[tuple[str, list, list[dict]]]:  # noqa: ANN001
    """(name, columns, items) of the two answers compared."""
    from sdtargets.cli.views import find_columns, role_columns
    from sdtargets.store.agencies import duties, resolve
    from sdtargets.store.query import Filters
    from sdtargets.store.search import find_items, terms_of

    found = find_items(conn, "5G", Filters())
    ag = resolve(conn, "省工信厅")
    led = duties(conn, ag, Filters())
    shown = lambda cols: [c for c in cols if c.only != "data"]  # noqa: E731
    return [
        ("find 5G", shown(find_columns(terms_of("5G"))), found),
        ("agency 省工信厅", shown(role_columns(ag.names)), led),
    ]


def cells_of(columns: list, items: list[dict]) -> list[list[str]]:
    out = []
    for it in items:
        row = []
        for c in columns:
            v = c.get(it)
            row.append(v[0] if isinstance(v, tuple) else v)
        out.append(row)
    return out


def widths_of(columns: list, cells: list[list[str]]) -> list[int]:
    """The widths `termtable` gives the columns at WIDTH (both wrappers get the same)."""
    ratios = [None if c.no_wrap else (c.ratio or 1) for c in columns]
    headers, joiners = [c.header for c in columns], [c.joiner for c in columns]
    return table_widths(WIDTH, headers, cells, ratios, [c.min_width or 8 for c in columns], joiners)


def rich_lines(text: str, width: int, joiner: str | None = None) -> list[str]:
    """Rich's lines for one paragraph (what a Rich `Table` cell does; it has no joiner rule)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(width=width, file=io.StringIO(), color_system=None)
    return [line.plain.rstrip() for line in Text(text).wrap(console, width)]


def ours_lines(text: str, width: int, joiner: str | None = None) -> list[str]:
    """termtable's lines for one paragraph, as its tables wrap it (lists break after a joiner)."""
    return [text[a:b] for a, b, _ in _lines(text, width, joiner)]


def faults(lines_of, columns, cells, widths) -> dict[str, int]:  # noqa: ANN001
    """Bad breaks in the wrapped cells: each paragraph wrapped alone, so only breaks the wrapper
    chose are counted."""
    bad_start = bad_end = split_names = 0
    for row in cells:
        for c, text, w in zip(columns, row, widths, strict=True):
            if c.no_wrap:
                continue
            for paragraph in text.split("\n"):
                lines = [x for x in lines_of(paragraph, w, c.joiner) if x]
                bad_start += sum(x[0] in NO_START for x in lines[1:])
                bad_end += sum(x[-1] in NO_END for x in lines[:-1])
                if c.joiner:
                    names = [n for n in paragraph.removeprefix("+ ").split(c.joiner) if n]
                    split_names += sum(not any(n in x for x in lines) for n in names)
    return {
        "lines starting with a closing mark": bad_start,
        "lines ending with an opening mark": bad_end,
        "agency names split across lines": split_names,
    }


def time_rich_table(columns, cells) -> float:  # noqa: ANN001
    from rich.console import Console
    from rich.table import Table

    runs = []
    for _ in range(5):
        start = time.perf_counter()
        table = Table(box=None, show_edge=False)
        for c in columns:
            table.add_column(c.header, no_wrap=c.no_wrap, ratio=None if c.no_wrap else (c.ratio or 1))
        for row in cells:
            table.add_row(*row)
        Console(width=WIDTH, file=io.StringIO(), color_system=None).print(table)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def time_ours(columns, cells) -> float:  # noqa: ANN001
    runs = []
    term = Terminal(color=False)
    term.width = WIDTH
    for _ in range(5):
        start = time.perf_counter()
        layout(
            term,
            [c.header for c in columns],
            cells,
            [None if c.no_wrap else (c.ratio or 1) for c in columns],
            [c.min_width or 8 for c in columns],
            joiners=[c.joiner for c in columns],
        )
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(5)
    ]
    return statistics.median(runs)


def main() -> None:
    conn = connect()
    for name, columns, items in cases(conn):
        cells = cells_of(columns, items)
        widths = widths_of(columns, cells)
        print(f"{name}: {len(items)} rows at {WIDTH} columns")
        rich = faults(rich_lines, columns, cells, widths)
        ours = faults(ours_lines, columns, cells, widths)
        for key in rich:
            print(f"  {key:36} Rich {rich[key]:6}   termtable {ours[key]:6}")
        rich_ms, ours_ms = time_rich_table(columns, cells), time_ours(columns, cells)
        print(f"  {'whole table, ms (median of 5)':36} Rich {rich_ms:6.1f}   termtable {ours_ms:6.1f}")
    rich_import, ours_import = import_ms("rich.table, rich.console"), import_ms("sdtargets.cli.termtable")
    print(
        f"import, ms: rich.table + rich.console {rich_import:.1f}, sdtargets.cli.termtable {ours_import:.1f}"
    )


if __name__ == "__main__":
    main()
