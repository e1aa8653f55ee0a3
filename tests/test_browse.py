"""`sdtargets browse`: pilot tests (Textual's `run_test`) on the real base, and snapshots.

The pilot tests drive the app as a person does (keys) and check what they rely on: typing
lists the items `find` lists, Enter shows an item's verdicts and source line, q quits with 0,
Esc goes back, Tab and the number keys change views, filters filter, export writes what the
command line writes. The snapshots (80×24 and 120×40) are of a one-document base cut from the
real one (green2023, a complete 2023 document), so that the base growing does not move them;
`pytest tests/test_browse.py --snapshot-update` accepts a change after looking at it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import DATA
from rich.console import Console

pytest.importorskip("textual")

from sdtargets.cli.browse import data  # noqa: E402 - after the skip: the app needs Textual


def run(coro):  # noqa: ANN001, ANN201 - a coroutine and its result
    return asyncio.run(coro)


async def settle(pilot) -> None:  # noqa: ANN001 - a Pilot
    """Wait until every view's rows answer its line (its query runs in a worker thread), then
    for the screen to take them."""
    from sdtargets.cli.browse.components.listview import ListView

    for _ in range(2000):
        if all(v.answered for v in pilot.app.query(ListView)):
            break
        await asyncio.sleep(0.005)
    await pilot.pause()


def app_for(conn, query: str = ""):  # noqa: ANN001, ANN201
    from sdtargets.cli.browse.app import BrowseApp

    return BrowseApp(conn, query)


def text_of(renderable, width: int = 100) -> str:  # noqa: ANN001
    console = Console(width=width, record=True, color_system=None, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def target_items(conn, metric: str) -> set[str]:  # noqa: ANN001
    return {r[0] for r in conn.execute("select distinct item_id from targets where metric = ?", (metric,))}


# ---------------------------------------------------------------------------------------------
# Pilot tests on the real base


def test_typing_lists_the_items_with_that_target_and_find_s_order(conn, cli):
    async def go():
        app = app_for(conn)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press(*"高新技术企业")
            await settle(pilot)
            view = app.view()
            table = view.query_one("RowsTable")
            return (
                [data.row_id(r) for r in view.listing.rows],
                table.row_count,
                str(table.get_cell_at((0, 0))),
            )

    ids, drawn, first = run(go())
    wanted = target_items(conn, "高新技术企业")
    assert wanted and wanted <= set(ids)
    assert ids == [i["id"] for i in cli("find", "高新技术企业", "--json").json]  # the same ranking
    assert drawn == len(ids) and first == ids[0]


def test_enter_shows_the_verdict_and_the_source_line_and_esc_goes_back(conn):
    from sdtargets.cli.browse.components.detail import DetailScreen, render

    wanted = target_items(conn, "高新技术企业") - {
        r[0] for r in conn.execute("select id from items where kind = 'result'")
    }  # a target, not a reported result: it has a verdict

    async def go():
        app = app_for(conn)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press(*"高新技术企业")
            await settle(pilot)
            listing = app.view().listing
            at = next(i for i, r in enumerate(listing.rows) if data.row_id(r) in wanted)
            await pilot.press("down", *["down"] * at, "enter")  # the first item with that target
            await settle(pilot)
            screen = app.screen
            shown = screen.detail if isinstance(screen, DetailScreen) else None
            await pilot.press("escape")
            await settle(pilot)
            return shown, type(app.screen).__name__, data.row_id(listing.rows[at])

    detail, back_to, chosen = run(go())
    assert detail is not None and detail.item["id"] == chosen
    page = text_of(render(detail, ["高新技术企业"]))
    line = detail.item["source"]["line"]
    assert f"{detail.source_path}, line {line}" in page
    source = (DATA / "sources" / detail.item["source"]["file"]).read_text(encoding="utf-8").splitlines()
    assert f"▶{line:>5} │ {source[line - 1][:20]}" in page  # the line itself, quoted from the file
    assert "status: " in page and any(m in page for m in ("✓ met", "· no report", "✗ not met", "↗ on track"))
    assert back_to == "Screen"  # Esc: back to the list


def test_every_target_shows_its_stored_verdict_and_the_figure_that_settled_it(conn):
    from sdtargets.cli.browse import data
    from sdtargets.cli.browse.components.detail import render

    met = conn.execute("select item_id from progress where status = 'met' limit 1").fetchone()[0]
    d = data.detail(conn, met)
    page = text_of(render(d, []), width=200)
    for record in d.verdicts.values():
        assert data.marks()[record["status"]] in page
        if record["status"] == "met":
            assert f"settled by {record['result']['item']}" in page
    assert d.document["title"] in page


def test_q_quits_with_0_and_ctrl_c_with_130(conn):
    async def go(keys: list[str]) -> int | None:
        app = app_for(conn, "5G")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press(*keys)
            await settle(pilot)
        return app.return_code

    assert run(go(["down", "q"])) == 0  # in the list; in the box q is a letter
    assert run(go(["ctrl+c"])) == 130


def test_q_in_the_box_is_a_letter(conn):
    async def go():
        app = app_for(conn)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press("q")
            await settle(pilot)
            return app.is_running, app.view().text

    assert run(go()) == (True, "q")


def test_slash_then_a_query_searches_the_query_and_a_slash_inside_stays(conn):
    async def go(keys: list[str]) -> str:
        app = app_for(conn)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)  # the box has the focus when the app starts
            await pilot.press(*keys)
            await settle(pilot)
            return app.view().text

    assert run(go(["slash", *"高新技术企业"])) == "高新技术企业"  # the footer's "/ search"
    assert run(go([*"微克", "slash", *"立方米"])) == "微克/立方米"


def test_tab_and_number_keys_change_views(conn):
    async def go():
        app = app_for(conn, "5G")
        seen = []
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)  # the app is up before the first key
            for _ in range(5):
                await pilot.press("tab")
                await settle(pilot)
                seen.append(app.view().id)
            await pilot.press("down")  # to the list: digits are not typed there
            await pilot.press("4")
            await settle(pilot)
            seen.append(app.view().id)
        return seen

    assert run(go()) == [
        "view-agencies",
        "view-due",
        "view-progress",
        "view-plans",
        "view-search",
        "view-progress",
    ]


def test_filters_are_shown_and_filter(conn):
    async def go():
        app = app_for(conn, "高新技术企业 year:2023")
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await settle(pilot)
            view = app.view()
            return str(view.query_one(".filters").content), [
                data.row(view.listing, i) for i in range(len(view.listing.rows))
            ]

    bar, rows = run(go())
    assert "year: 2023" in bar and "plan: any" in bar
    assert rows and all(2023 in r["years"] or any(t["year"] == 2023 for t in r["targets"]) for r in rows)


def test_a_bad_filter_is_said_under_the_box_in_one_sentence(conn):
    async def go():
        app = app_for(conn, "5G year:20245")
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await settle(pilot)
            caption = app.view().query_one(".caption")
            return str(caption.content), caption.has_class("error")

    said, error = run(go())
    assert error and "20245 is not a plausible year" in said


def test_agency_view_lists_its_duties_with_a_verdict_line_per_year(conn, cli):
    async def go():
        app = app_for(conn)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press("tab", *"科技厅")
            await settle(pilot)
            view = app.view()
            return view.listing

    listing = run(go())
    assert listing.head[0].startswith("省科技厅")
    assert any("its targets by year" in h for h in listing.head)
    assert [r["id"] for r in listing.rows] == [i["id"] for i in cli("agency", "科技厅", "--json").json]


def test_progress_view_filters_by_status(conn):
    async def go():
        app = app_for(conn)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press("tab", "tab", "tab", *"status:met")
            await settle(pilot)
            return app.view().listing

    listing = run(go())
    assert listing.rows and {r["status"] for r in listing.rows} == {"met"}
    assert listing.caption.endswith(f"{len(listing.rows)} met")


def test_enter_on_a_plan_lists_its_items_in_search(conn):
    async def go():
        app = app_for(conn)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press("tab", "tab", "tab", "tab", *"green2023", "enter")
            await settle(pilot)
            listing = app.view().listing
            return app.view().id, app.view().text, [data.row(listing, i) for i in range(len(listing.rows))]

    view, text, rows = run(go())
    assert (view, text) == ("view-search", "plan:green2023")
    assert rows and {r["plan"] for r in rows} == {"green2023"}


def test_copy_puts_the_id_on_the_clipboard(conn):
    async def go():
        app = app_for(conn, "高新技术企业")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press("down", "c")
            await settle(pilot)
            return app.clipboard, data.row(app.view().listing, 0)["id"]

    copied, first = run(go())
    assert copied == first


@pytest.mark.parametrize("query", ["高新技术企业", "发展"])  # under a page, and over one (`FirstPage`)
@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_export_writes_what_find_writes(conn, cli, tmp_path, fmt, query):
    from sdtargets.cli.browse import data

    path = tmp_path / f"out.{fmt}"
    listing = data.search(conn, query)
    assert data.export(listing, fmt, path) == len(listing.rows)
    assert path.read_text(encoding="utf-8") == cli("find", query, "--format", fmt).out


def test_export_dialog_writes_the_file(conn, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def go():
        app = app_for(conn, "5G")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)  # the app is up before the first key
            await pilot.press("down", "e")
            await settle(pilot)
            await pilot.press("up", "enter", "enter")  # csv first: up to jsonl, the file as offered
            await settle(pilot)
            return type(app.screen).__name__

    assert run(go()) == "Screen"
    lines = (tmp_path / "sdtargets-search.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(line.startswith('{"id": ') for line in lines)


def test_no_color_and_the_option_both_turn_colour_off(conn, monkeypatch):
    from sdtargets.cli.browse.app import BrowseApp

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert BrowseApp(conn).no_color is False
    assert BrowseApp(conn, no_color=True).no_color is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert BrowseApp(conn).no_color is True


def test_the_other_commands_do_not_import_textual():
    code = (
        "import sys; from sdtargets.cli.main import main; main(['find', '5G', '--json']);"
        "main(['progress', '--plan', 'green2023', '--json']); sys.stdout.flush();"
        "sys.exit(3 if [m for m in sys.modules if m.startswith(('textual', 'sdtargets.cli.browse'))] else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=os.environ, timeout=120)
    assert done.returncode == 0, done.stderr.decode()


def test_browse_says_what_it_is_in_its_help(cli):
    result = cli("browse", "--help")
    assert result.code == 0 and "full-screen" in result.out and "sdtargets browse 高新技术企业" in result.out


def test_browse_outside_a_terminal_is_one_sentence_and_exit_2(cli):
    result = cli("browse", "5G")
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == (
        "sdtargets: browse needs a terminal (it is full-screen); in a script or a pipe, use find or agency."
    )


# ---------------------------------------------------------------------------------------------
# Snapshots, on a one-document base (green2023)


@pytest.fixture(scope="module")
def small_conn(tmp_path_factory):
    """green2023 alone, as the real base has it: a base that does not grow under the snapshots."""
    from sdtargets.store.db import connect

    folder = tmp_path_factory.mktemp("green2023")
    base = yaml.safe_load((DATA / "targets.yaml").read_text(encoding="utf-8"))
    base["plans"] = [p for p in base["plans"] if p["id"] == "green2023"]
    base["items"] = [i for i in base["items"] if i["plan"] == "green2023"]
    (folder / "targets.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    for name in ("agencies.yaml", "metrics.yaml", "glossary.yaml"):
        shutil.copy(DATA / name, folder / name)
    (folder / "sources").mkdir()
    source = base["plans"][0]["source"]
    shutil.copy(DATA / "sources" / source, folder / "sources" / source)
    return folder, connect(folder / "kb.sqlite", folder)


@pytest.fixture
def small_app(small_conn, monkeypatch):
    folder, conn = small_conn
    monkeypatch.setenv("SDTARGETS_DATA", str(folder))  # the detail reads the source from here

    def make(query: str = ""):  # noqa: ANN202
        app = app_for(conn, query)
        app.animation_level = "none"  # the tabs' underline slides: a snapshot mid-way would differ
        return app

    return make


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_search(snap_compare, small_app, size):
    async def typed(pilot) -> None:  # noqa: ANN001 - a Pilot
        await pilot.press(*"高新技术企业")
        await settle(pilot)

    assert snap_compare(small_app(), run_before=typed, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_detail(snap_compare, small_app, size):
    assert snap_compare(small_app("高新技术企业"), press=["enter"], terminal_size=size)


def test_snapshot_progress(snap_compare, small_app):
    assert snap_compare(small_app(), press=["tab", "tab", "tab"], terminal_size=(120, 40))


def test_snapshot_help(snap_compare, small_app):
    assert snap_compare(small_app(), press=["f1"], terminal_size=(80, 24))


def test_a_long_list_draws_a_page_and_the_rest_as_the_cursor_goes_down(conn):
    from sdtargets.cli.browse.data import PAGE

    async def go():
        app = app_for(conn, "year:2025")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            view = app.view()
            table = view.query_one("RowsTable")
            first = table.row_count
            await pilot.press("down", *["pagedown"] * 12)
            await settle(pilot)
            return len(view.listing.rows), first, table.row_count

    total, first, later = run(go())
    assert total > PAGE  # the test needs a list longer than a page
    assert first == PAGE and later > first


def test_keys_typed_in_a_burst_land_where_the_focus_goes(conn):
    """Down, Down, Enter arriving together (a fast typist, a paste, tmux send-keys): the first
    moves to the list, the second to row 2, Enter opens row 2, though all three were queued
    to the box before the focus moved."""
    from textual import events

    async def go():
        app = app_for(conn, "高新技术企业")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            for key in ("down", "down", "enter"):
                app.post_message(events.Key(key, "\r" if key == "enter" else None))
            await settle(pilot)
            await settle(pilot)
            rows = app.screen_stack[0].query_one("#view-search").listing.rows
            return app.screen.detail.item["id"], data.row_id(rows[1])

    opened, second = run(go())
    assert opened == second


def test_a_stale_answer_never_replaces_a_newer_one(conn, cli, monkeypatch):
    """Each key's query runs in a worker thread: when the first key's query answers after the
    second key's (here made slow on purpose), its rows are dropped, never drawn over the newer."""
    import time

    from sdtargets.cli.browse.components.listview import ListView

    search = data.search
    drawn: list[str] = []

    def slow_first(conn, text):  # noqa: ANN001, ANN202
        if text == "高":
            time.sleep(0.6)  # answers after 高新 has
        return search(conn, text)

    monkeypatch.setattr(data, "search", slow_first)
    show = ListView._show

    def recorded(view, change, listing, error):  # noqa: ANN001, ANN202
        show(view, change, listing, error)
        drawn.append(view.listing.caption)

    monkeypatch.setattr(ListView, "_show", recorded)

    async def go():
        app = app_for(conn)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("高")
            await asyncio.sleep(0.1)  # 高's query has started
            await pilot.press("新")
            await settle(pilot)
            await asyncio.sleep(0.8)  # 高's query ends, late
            await settle(pilot)
            view = app.view()
            return [data.row_id(r) for r in view.listing.rows], view.listing.caption

    ids, caption = run(go())
    assert ids == [i["id"] for i in cli("find", "高新", "--json").json]
    assert "'高新'" in caption
    assert not any("'高'" in c for c in drawn)  # the stale answer was never drawn


def test_enter_typed_before_the_answer_opens_the_answer_s_first_row(conn, cli, monkeypatch):
    import time

    search = data.search

    def slow(conn, text):  # noqa: ANN001, ANN202
        time.sleep(0.2)
        return search(conn, text)

    monkeypatch.setattr(data, "search", slow)

    async def go():
        app = app_for(conn)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press(*"高新技术企业", "enter")
            await settle(pilot)
            await pilot.pause()
            return getattr(app.screen, "detail", None)

    detail = run(go())
    assert detail is not None
    assert detail.item["id"] == cli("find", "高新技术企业", "--json").json[0]["id"]


def test_a_click_moves_the_cursor_and_a_click_on_its_row_opens_it(conn):
    async def go():
        app = app_for(conn, "高新技术企业")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            table = app.view().query_one("RowsTable")
            await pilot.click("RowsTable", offset=(5, 3))  # line 0 is the header: row 2
            await settle(pilot)
            moved = table.cursor_row, type(app.screen).__name__
            await pilot.click("RowsTable", offset=(5, 3))
            await settle(pilot)
            rows = app.screen_stack[0].query_one("#view-search").listing.rows
            return moved, app.screen.detail.item["id"], data.row_id(rows[2])

    moved, opened, third = run(go())
    assert moved == (2, "Screen") and opened == third


def test_a_search_matching_more_than_a_page_ranks_the_page_first_and_the_rest_when_asked(conn, cli):
    """A search of more than a page of items draws its first page as `find --limit` chooses it
    (on a large base, not ranking every hit per key); the rows past it, made when asked, are
    `find`'s whole ranking."""
    listing = data.search(conn, "发展")
    everything = [i["id"] for i in cli("find", "发展", "--json").json]
    assert len(everything) > data.PAGE  # a word in most items
    rows = listing.rows
    assert isinstance(rows, data.FirstPage) and not rows.made
    assert len(rows) == len(everything)  # the count of the whole answer, before the rest is made
    assert [data.row_id(data.row(listing, i)) for i in range(data.PAGE)] == everything[: data.PAGE]
    assert not rows.made  # drawing the first page made nothing more
    assert data.row_id(data.row(listing, data.PAGE)) == everything[data.PAGE]  # past the page
    assert rows.made and [data.row_id(r) for r in rows] == everything
