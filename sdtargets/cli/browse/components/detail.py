"""The detail screen: one item, whole, as `show` gives it, with its source around it.

The full text with the query's words highlighted; the plan, section path, lead and support;
every target with its status, the result that settled it and the arithmetic (the rule, the
gap, the figures set aside and why); the source file and line with the lines around it; the
document's title, number, issuer, date and address.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from .. import data


class Page:
    """Lines of a page ``width`` cells wide. Prose is wrapped as the command line's tables wrap
    Chinese (between any two characters, not at the spaces a PDF conversion left), each
    paragraph under its first line's label (a hanging indent)."""

    def __init__(self, width: int) -> None:
        self.width, self.lines = max(width, 30), []

    def para(
        self, text: str, label: str = "", style: str = "", spans: list[tuple[int, int]] = (), indent: int = 0
    ) -> None:
        """``label`` then ``text`` wrapped under it; ``spans`` of ``text`` highlighted."""
        pad = indent + data.text_width(label)
        for k, (a, b) in enumerate(data.wrap(text, self.width - pad) or [(0, 0)]):
            line = Text(" " * indent + label if k == 0 else " " * pad, style=style, no_wrap=True)
            part = Text(text[a:b], style=style)
            for x, y in spans:
                if x < b and y > a:
                    part.stylize("bold reverse", max(x, a) - a, min(y, b) - a)
            line.append_text(part)
            self.lines.append(line)

    def add(self, text: str = "", style: str = "") -> None:
        """One line as it is (a heading, a blank)."""
        self.lines.append(Text(text, style=style, no_wrap=True, overflow="ellipsis"))


def render(d: data.Detail, terms: list[str], width: int = 100) -> Group:
    """The item as Rich text for a screen ``width`` cells wide (kept apart from the screen, so
    that tests can read it whole)."""
    it, page = d.item, Page(width)
    page.para(f"{it['id']}  {it['title']}", style="bold")
    path = " › ".join(it["section"])
    page.para(f"{it['plan_title']} ({it['plan']})" + (f"  ›  {path}" if path else ""), style="dim")
    implied = "  (* implied by the plan's period)" if it.get("years_implied") else ""
    page.para(f"kind: {it['kind']}   years: {data.years_text(it)}{implied}")
    page.add()
    page.para(it["text"], spans=data.spans(it["text"], terms))
    page.add()
    if it["lead"]:
        page.para("、".join(it["lead"]), f"{it.get('lead_word') or '牵头单位'}: ")
    if it["support"]:
        page.para("、".join(it["support"]), f"{it.get('support_word') or '配合单位'}: ")
    for key in ("lead_implied", "agency_note", "note"):
        if it.get(key):
            page.para(str(it[key]), f"{key.replace('_', ' ')}: ", style="dim")
    if it["targets"]:
        page.add()
        page.add(f"targets ({len(it['targets'])})", style="bold underline")
    for pos, t in enumerate(it["targets"]):
        _target(page, t, d.verdicts.get(pos))
    page.add()
    page.add("source", style="bold underline")
    src = it["source"]
    doc = f" ({src['document']})" if src.get("document") else ""
    page.para(f"{d.source_path}, line {src['line']}{doc}")
    for n, line in d.context:  # the item's own line whole, those around it cut to one line
        if n == src["line"]:
            page.para(line, f"▶{n:>5} │ ")
        else:
            page.add(f" {n:>5} │ {line}", style="dim")
    page.add()
    page.add("document", style="bold underline")
    docu = d.document
    page.para(docu["title"])
    if docu["plan"] != docu["title"]:
        page.para(docu["plan"], "part: ")
    facts = [docu.get("number"), docu.get("issuer"), docu.get("published")]
    if any(facts):
        page.para("  ".join(f for f in facts if f))
    if docu.get("address"):
        page.para(docu["address"], "address: ")
    return Group(*page.lines)


def _target(page: Page, t: dict, v: dict | None) -> None:
    """One target: metric, value and year, the quote; then its verdict and how it was reached."""
    page.para(f"{t['metric']}  {data.value_text(t)}  {data.year_text(t)}", "• ", style="bold")
    page.para(t["quote"], "source says: ", indent=2)
    if t.get("note"):
        page.para(t["note"], "note: ", style="dim", indent=2)
    if v is None:
        return
    page.para(data.marks()[v["status"]] + (f"  gap {v['gap']}" if v.get("gap") else ""), "status: ", indent=2)
    if v.get("rule"):
        page.para(v["rule"], "rule: ", indent=2)
    r = v.get("result")
    if r:
        cited = f"{r['source']['file']}:{r['source']['line']}"
        page.para(
            f"{data.value_text(r)} in {r['year']} — “{r['quote']}” ({cited})",
            f"settled by {r['item']}: ",
            indent=2,
        )
    for e in v.get("evidence") or []:
        if r and e.get("item") == r.get("item") and e.get("value") == r.get("value"):
            continue
        why = f": {e['reason']}" if e.get("reason") else f" ({e['use']})"
        page.para(f"{data.value_text(e)} in {e['year']}{why}", f"also {e['item']}: ", style="dim", indent=2)
    for link in v.get("links") or []:
        page.para(link, style="dim", indent=2)


class DetailScreen(Screen):
    """One item, full screen; Esc goes back to the list."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("c", "copy_id", "copy id"),
        Binding("y", "copy_quote", "copy quote"),
        Binding("j", "scroll(1)", "down", show=False),
        Binding("k", "scroll(-1)", "up", show=False),
    ]

    def __init__(self, detail: data.Detail, terms: list[str]) -> None:
        super().__init__()
        self.detail, self.terms = detail, terms

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail"):
            yield Static(id="detail-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail").focus()

    def on_resize(self) -> None:
        """Lay the page out for the width (source lines are wrapped as the tables wrap CJK)."""
        width = self.size.width - 4  # the padding (1 a side) and the scrollbar (2)
        self.query_one("#detail-body", Static).update(render(self.detail, self.terms, width))

    def action_scroll(self, lines: int) -> None:
        self.query_one("#detail", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_copy_id(self) -> None:
        self.app.copy_to_clipboard(self.detail.item["id"])
        self.notify(f"Copied {self.detail.item['id']}")

    def action_copy_quote(self) -> None:
        self.app.copy_to_clipboard(self.detail.item["text"])
        self.notify("Copied the item's text (the source's own words)")
