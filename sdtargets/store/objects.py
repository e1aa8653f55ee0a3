"""Each item as the JSON contract (SPEC.md) gives it, made once at build (`build`) and stored
(`item_json`) beside what its `find` snippet is made from."""

from __future__ import annotations

import json

from .snippets import context_of, fold_of


def json_row(item: dict, plan: dict) -> dict:
    """An item's `item_json` row: its JSON (`item_object`), and its text's `fold_of`
    and `context_of` for the snippets of `find`'s data formats."""
    obj = item_object(item, plan)
    fold, aligned = fold_of(obj["text"])
    return {
        "id": item["id"],
        "json": json.dumps(obj, ensure_ascii=False),
        "fold": fold,
        "aligned": aligned,
        "context": context_of(obj),
    }


def citation(item: dict, plan: dict) -> dict:
    """Where a reader finds an item: the file and line, the document's number, title and (where
    the sources give one) its original address."""
    out = {"file": item["_file"], "line": item["line"], "document": plan.get("number")}
    out["title"] = plan["title"]
    if plan.get("url"):
        out["url"] = plan["url"]
    return out


def item_object(item: dict, plan: dict) -> dict:
    """An item as the JSON contract (SPEC.md) gives it: made once, when the database is built,
    and stored as compact JSON (`item_json`), so that a query decodes one string per item
    instead of assembling it from four tables (at 100× the base, `find 5G`'s 1,900 items took
    78 ms to assemble and take 28 ms to decode). Optional keys appear only when set."""
    obj = {
        "id": item["id"],
        "plan": item["plan"],
        "plan_title": plan["title"],
        "section": item["section"],
        "kind": item["kind"],
        "title": item["title"],
        "text": item["text"],
        "lead": item["lead"],
        "support": item["support"],
        "lead_word": lead_word(item),
        "support_word": item.get("support_word"),
        "years": item["years"],
        "years_implied": bool(item["years_implied"]),
        "targets": [target_object(t) for t in item["targets"]],
        "source": citation(item, plan),
    }
    for key in ("agency_note", "lead_implied", "category", "attribute", "note"):
        if item.get(key):
            obj[key] = item[key]
    return obj


def target_object(t: dict) -> dict:
    """One target as the JSON contract gives it: the contract's keys first, optional ones only
    when set."""
    obj = {
        "metric": t["metric"],
        "value": t.get("value"),
        "unit": t["unit"],
        "value_base": t["value_base"],
        "base_unit": t["base_unit"],
        "year": t["year"],
        "year_implied": bool(t["year_implied"]),
        "cmp": t["cmp"],
        "quote": t["quote"],
    }
    if t.get("value_max") is not None:
        obj["value_max"] = t["value_max"]
    for key in ("span", "average", "part"):
        if t.get(key):
            obj[key] = t[key]
    if t.get("baseline"):
        obj["baseline"] = t["baseline"]
    for key in ("raw", "correction", "note"):
        if t.get(key):
            obj[key] = t[key]
    return obj


def lead_word(item: dict) -> str | None:
    """The word the source uses for the lead; 牵头单位 unless the item records another."""
    return item.get("lead_word") or ("牵头单位" if item["lead"] else None)
