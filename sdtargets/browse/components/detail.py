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


def render(d: data.Detail, terms: list[str]) -> Group:
    """The item as Rich text (kept apart from the screen, so that tests can read it whole)."""
    it = d.item
    out: list[Text] = [Text(f"{it['id']}  {it['title']}", style="bold")]
    path = " › ".join(it["section"])
    out.append(Text(f"{it['plan_title']} ({it['plan']})" + (f"  ›  {path}" if path else ""), style="dim"))
    implied = "  (* implied by the plan's period)" if it.get("years_implied") else ""
    out.append(Text(f"kind: {it['kind']}   years: {data.years_text(it)}{implied}"))
    out.append(Text(""))
    body = Text(it["text"])
    for a, b in data.spans(it["text"], terms):
        body.stylize("bold reverse", a, b)
    out.append(body)
    out.append(Text(""))
    if it["lead"]:
        out.append(Text(f"{it.get('lead_word') or '牵头单位'}: {'、'.join(it['lead'])}"))
    if it["support"]:
        out.append(Text(f"{it.get('support_word') or '配合单位'}: {'、'.join(it['support'])}"))
    for key in ("lead_implied", "agency_note", "note"):
        if it.get(key):
            out.append(Text(f"{key.replace('_', ' ')}: {it[key]}", style="dim"))
    if it["targets"]:
        out += [Text(""), Text(f"targets ({len(it['targets'])})", style="bold underline")]
    for pos, t in enumerate(it["targets"]):
        out += _target(t, d.verdicts.get(pos))
    out += [Text(""), Text("source", style="bold underline")]
    src = it["source"]
    doc = f" ({src['document']})" if src.get("document") else ""
    out.append(Text(f"{d.source_path}, line {src['line']}{doc}"))
    for n, line in d.context:  # the item's own line whole, those around it cut to one line
        own = n == src["line"]
        out.append(
            Text(
                f"{'▶' if own else ' '}{n:>5} │ {line}",
                style="" if own else "dim",
                no_wrap=not own,
                overflow="fold" if own else "ellipsis",
            )
        )
    out += [Text(""), Text("document", style="bold underline")]
    docu = d.document
    out.append(Text(docu["title"]))
    if docu["plan"] != docu["title"]:
        out.append(Text(f"part: {docu['plan']}"))
    facts = [docu.get("number"), docu.get("issuer"), docu.get("published")]
    if any(facts):
        out.append(Text("  ".join(f for f in facts if f)))
    if docu.get("address"):
        out.append(Text(f"address: {docu['address']}"))
    return Group(*out)


def _target(t: dict, v: dict | None) -> list[Text]:
    """One target: metric, value and year, the quote; then its verdict and how it was reached."""
    head = Text("• ", style="bold")
    head.append(f"{t['metric']}  {data.value_text(t)}  {data.year_text(t)}", style="bold")
    lines = [head, Text(f"  source says: {t['quote']}")]
    if t.get("note"):
        lines.append(Text(f"  note: {t['note']}", style="dim"))
    if v is None:
        return lines
    status = Text("  status: ")
    status.append(data.marks()[v["status"]], style="bold")
    if v.get("gap"):
        status.append(f"  gap {v['gap']}")
    lines.append(status)
    if v.get("rule"):
        lines.append(Text(f"  rule: {v['rule']}"))
    r = v.get("result")
    if r:
        lines.append(
            Text(
                f"  settled by {r['item']}: {data.value_text(r)} in {r['year']} — “{r['quote']}” "
                f"({r['source']['file']}:{r['source']['line']})"
            )
        )
    for e in v.get("evidence") or []:
        if r and e.get("item") == r.get("item") and e.get("value") == r.get("value"):
            continue
        why = f": {e['reason']}" if e.get("reason") else f" ({e['use']})"
        lines.append(Text(f"  also {e['item']}: {data.value_text(e)} in {e['year']}{why}", style="dim"))
    for link in v.get("links") or []:
        lines.append(Text(f"  {link}", style="dim"))
    return lines


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
            yield Static(render(self.detail, self.terms), id="detail-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail").focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#detail", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_copy_id(self) -> None:
        self.app.copy_to_clipboard(self.detail.item["id"])
        self.notify(f"Copied {self.detail.item['id']}")

    def action_copy_quote(self) -> None:
        self.app.copy_to_clipboard(self.detail.item["text"])
        self.notify("Copied the item's text (the source's own words)")
