"""How items, targets, agencies and plans look to a person: table columns and the `show` page.

Kept apart from the CLI so that the commands stay argument parsing plus one call to render.
"""

from __future__ import annotations

from ..text.numbers import written
from .render import Column, bar, put, span_text, table_lines, terminal


def value_text(t: dict) -> str:
    """`3.5万家 (达到)` style: value, range, unit, comparison words; the words written with the
    number itself stay where the document writes them (`300多个`, `前3位`)."""
    if t.get("value") is None:
        return "—"
    cmp = t.get("cmp") or []
    v = ("前" if "前" in cmp else "") + written(t["value"])
    if t.get("value_max") is not None:
        v += f"–{written(t['value_max'])}"
    v += "".join(w for w in ("多", "余") if w in cmp)
    s = f"{v}{t.get('unit') or ''}"
    words = [w for w in cmp if w not in ("多", "余", "前")]
    if words:
        s += f" ({'/'.join(words)})"
    return s


def year_text(t: dict) -> str:
    return f"{t['year']}*" if t.get("year_implied") else str(t["year"])


def targets_text(item: dict, limit: int = 3) -> str:
    ts = item.get("due", item["targets"])
    parts = [f"{t['metric']} {value_text(t)} {year_text(t)}" for t in ts[:limit]]
    if len(ts) > limit:
        parts.append(f"… +{len(ts) - limit}")
    return "\n".join(parts)


def targets_data(item: dict) -> str:
    """Every target (or every one due) on one line, for CSV: no `… +N`, no `*`."""
    ts = item.get("due", item["targets"])
    return "; ".join(
        f"{t['metric']} {value_text(t)} {t['year']}" + (" (year implied)" if t.get("year_implied") else "")
        for t in ts
    )


def years_data(item: dict) -> str:
    return ",".join(map(str, item["years"]))


def agencies_text(item: dict) -> str:
    lead = "、".join(item["lead"])
    sup = "、".join(item["support"])
    return lead + (f"\n+ {sup}" if sup else "")


def years_text(item: dict) -> str:
    """`2025`, `2024,2025`, `2023–2025` (three years or more in a row: a narrower column than
    `2023,2024,2025`, which left `find`'s match column 17 columns at 100), `*` when implied."""
    runs: list[list[int]] = []
    for y in item["years"]:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    ys = ",".join(f"{r[0]}–{r[-1]}" if len(r) >= 3 else ",".join(map(str, r)) for r in runs)
    return ys + ("*" if item.get("years_implied") else "")


#: The columns that end every item table: agencies, years, targets (as a person reads them, and
#: as data: lead and support apart, years without the `*`, every target on one line).
def _item_tail(agencies_header: str = "lead / support") -> list[Column]:
    return [
        Column(agencies_header, agencies_text, ratio=2, joiner="、", only="table"),
        Column("lead", lambda i: "、".join(i["lead"]), only="data"),
        Column("support", lambda i: "、".join(i["support"]), only="data"),
        Column("years", years_text, no_wrap=True, data=years_data),
        Column("years_implied", lambda i: bool(i.get("years_implied")), only="data"),
        Column("targets", targets_text, ratio=3, data=targets_data),
    ]


def find_columns(terms: list[str]) -> list[Column]:
    """Item columns with a highlighted `snippet` saying why each matched (made only for the
    rows a table draws). `match` is how an item matched (`phrase`, `terms`, …) and `snippet`
    the text around the hit, in every format: the data formats carry both, a table the snippet."""
    from ..store.snippets import match_snippet

    return [
        Column("id", lambda i: i["id"], no_wrap=True),
        Column("score", lambda i: f"{i['score']:g}", no_wrap=True, data=lambda i: i["score"]),
        Column("match", lambda i: i["match"], no_wrap=True, only="data"),
        Column("match_field", lambda i: i["match_field"], no_wrap=True, only="data"),
        Column("snippet", lambda i: match_snippet(i, terms), ratio=4),
        *_item_tail(),
    ]


def title_column(ratio: int) -> Column:
    """An item's title: cut to fit a table at a clause or word boundary with `…`
    (`titles.display_title`); whole in every data format."""
    from .titles import display_title

    return Column(
        "title", lambda i: display_title(i["title"]), ratio=ratio, min_width=16, data=lambda i: i["title"]
    )


def role_column() -> Column:
    """The agency's part in an item (`role`: lead or support, as `agency` and `due --agency`
    give it in their objects). A table shows the source's own word for it (牵头单位, 牵头部门,
    牵头, 配合单位, …), or `lead` / `support` where the source has none; data formats the role."""

    def word(i: dict) -> str:
        return (i.get("lead_word") if i["role"] == "lead" else i.get("support_word")) or i["role"]

    return Column("role", word, no_wrap=True, data=lambda i: i["role"])


def role_columns(agency_names: list[str]) -> list[Column]:  # noqa: ARG001 - the objects carry `role`
    return [
        Column("id", lambda i: i["id"], no_wrap=True),
        role_column(),
        title_column(3),
        *_item_tail("with"),
    ]


def _due_column() -> Column:
    return Column(
        "due",
        lambda i: targets_text(i, limit=6) or f"deadline {years_text(i)}",
        ratio=4,
        data=lambda i: targets_data(i) or f"deadline {years_data(i)}",
    )


#: `due`: no plan column (an item's id begins with its plan's).
DUE_COLUMNS = [
    Column("id", lambda i: i["id"], no_wrap=True),
    title_column(2),
    Column("lead", lambda i: "、".join(i["lead"]), ratio=2, joiner="、"),
    _due_column(),
    Column("years_implied", lambda i: bool(i.get("years_implied")), only="data"),
]

#: `due --agency`: the agency's role on every row, and with it every agency of the item, lead and
#: support (a row where it supports showed only the other agencies that lead, or a blank).
DUE_AGENCY_COLUMNS = [
    Column("id", lambda i: i["id"], no_wrap=True),
    role_column(),
    title_column(2),
    Column("lead / support", agencies_text, ratio=2, joiner="、", only="table"),
    Column("lead", lambda i: "、".join(i["lead"]), only="data"),
    Column("support", lambda i: "、".join(i["support"]), only="data"),
    _due_column(),
    Column("years_implied", lambda i: bool(i.get("years_implied")), only="data"),
]

PLAN_COLUMNS = [
    Column("id", lambda p: p["id"], no_wrap=True),
    # a table shows the short title; `title` in the data is the document's own, as in JSON
    Column("title", lambda p: p["short"], ratio=3, data=lambda p: p["title"]),
    Column("short", lambda p: p["short"], only="data"),
    # a sub-plan's number is its document's: said once, on the document's row
    Column(
        "number",
        lambda p: "" if p.get("parent") else p.get("number") or "",
        ratio=1,
        min_width=8,
        data=lambda p: p.get("number") or "",
    ),
    Column("period", lambda p: "–".join(dict.fromkeys(map(str, p["period"]))), no_wrap=True),
    Column("aliases", lambda p: "、".join(p["aliases"]), ratio=2, joiner="、"),
    Column("items", lambda p: _own_or_parts(p, "items"), no_wrap=True, data=lambda p: p["items"]),
    Column("targets", lambda p: _own_or_parts(p, "targets"), no_wrap=True, data=lambda p: p["targets"]),
]


def parts_note(rows: list[dict]) -> str | None:
    """`plans`' caption when a document's counts are its sub-plans' (see `with_parts`)."""
    p = next((p for p in rows if p.get("parts_items") and not p["items"]), None)
    if p is None:
        return None
    return f"({p['parts_items']}): in {p['id']}'s sub-plans, listed under it; --plan {p['id']} takes them all"


def _own_or_parts(plan: dict, key: str) -> str:
    """A plan's own count; a document whose items all sit in its sub-plans (act2024, news2024)
    shows theirs in parentheses, where a bare 0 read as an empty document."""
    own, parts = plan[key], plan.get(f"parts_{key}")
    return f"({parts})" if not own and parts else str(own)


def with_parts(rows: list[dict]) -> list[dict]:
    """``rows`` (plans) with each document's sub-plans' counts summed as `parts_items` and
    `parts_targets`, for the table (data formats keep each plan's own counts)."""
    sums: dict[str, dict[str, int]] = {}
    for p in rows:
        if p.get("parent"):
            into = sums.setdefault(p["parent"], {"items": 0, "targets": 0})
            into["items"] += p["items"]
            into["targets"] += p["targets"]
    return [
        {**p, **{f"parts_{k}": v for k, v in sums[p["id"]].items()}} if p["id"] in sums else p for p in rows
    ]


AGENCY_COLUMNS = [
    Column("name", lambda a: a["name"], ratio=2, min_width=16),
    Column("full name", lambda a: a.get("full") or "", ratio=2, only="table"),
    Column("full", lambda a: a.get("full") or "", only="data"),  # JSON's key
    Column("kind", lambda a: a["kind"], ratio=1, min_width=8),
    Column("aliases", lambda a: "、".join(a["aliases"]), ratio=2, joiner="、"),
    Column("led", lambda a: str(a["led"]), no_wrap=True),
    Column("supported", lambda a: str(a["supported"]), no_wrap=True),
]

EXPORT_COLUMNS = [
    Column("id", lambda i: i["id"], no_wrap=True),
    Column("plan", lambda i: i["plan"], only="data"),  # an id begins with its plan's
    Column("kind", lambda i: i["kind"], no_wrap=True),
    Column("section", lambda i: " > ".join(i["section"]), ratio=2),
    Column("text", lambda i: i["text"], ratio=5),
    *_item_tail(),
    Column("file", lambda i: i["source"]["file"], only="data"),
    Column("line", lambda i: str(i["source"]["line"]), only="data"),
]


def show_item(item: dict) -> None:
    """The whole item for a person: text, where it sits, who answers for it, its targets.
    Prose is wrapped to the terminal, so that page length (and so paging) is known."""
    from .termtable import BOLD, clean, fill
    from .titles import display_title

    term = terminal()
    path = f"  ›  {' › '.join(item['section'])}" if item["section"] else ""
    implied = "  (* implied by the plan's period)" if item["years_implied"] else ""
    prose = [
        f"{item['plan_title']} ({item['plan']}){path}",
        f"kind: {item['kind']}   years: {years_text(item)}{implied}",
        "",
        item["text"],
    ]
    agencies = []
    if item["lead"]:
        agencies.append(f"{item.get('lead_word') or '牵头单位'}: {'、'.join(item['lead'])}")
    if item["support"]:
        agencies.append(f"{item.get('support_word') or '配合单位'}: {'、'.join(item['support'])}")
    for key in ("lead_implied", "agency_note", "note"):
        if item.get(key):
            agencies.append(f"{key.replace('_', ' ')}: {item[key]}")
    if agencies:
        prose += ["", *agencies]
    lines = [term.style(clean(f"{item['id']}  {display_title(item['title'])}"), BOLD)]
    lines += [line for paragraph in prose for line in fill(clean(paragraph), term.width)]
    if item["targets"]:
        columns = TARGET_COLUMNS + ([STATUS_COLUMN] if any("status" in x for x in item["targets"]) else [])
        cells = [[c.get(x) for c in columns] for x in item["targets"]]
        lines += ["", *table_lines(cells, columns, "targets", term=term)]
    src = item["source"]
    document = f" ({src['document']})" if src.get("document") else ""
    lines += ["", f"source: data/sources/{src['file']}, line {src['line']}{document}"]
    if src.get("title"):  # the document a reader can look up, and where the sources say it is
        lines += fill(clean(f"document: {src['title']}"), term.width)
    if src.get("url"):
        lines.append(f"address: {src['url']}")
    put(lines, term)


def _base_text(x: dict) -> str:
    return f"{written(x['value_base'])} {x['base_unit']}" if x.get("value_base") is not None else ""


def _source_says(x: dict) -> str:
    """The target's quote, then any repair of a damaged number, its baseline and its note."""
    said = x["quote"]
    if x.get("raw"):
        said += f"\n(raw {x['raw']}: {x.get('correction', '')})"
    if x.get("baseline"):
        b = x["baseline"]
        said += f"\n(baseline {written(b.get('value')) if b.get('value') is not None else '—'}"
        said += f" in {b.get('year', '?')}" + (f", raw {b['raw']}" if b.get("raw") else "") + ")"
    if x.get("note"):  # the curator's note on this figure (scope, span, other documents)
        said += f"\n(note: {x['note']})"
    return said


#: `show`'s targets table: one row per target.
TARGET_COLUMNS = [
    Column("metric", lambda x: x["metric"], ratio=2, min_width=12),  # 常住人口城镇化率 in two lines
    Column("value", value_text, no_wrap=True),
    Column("base", _base_text, no_wrap=True),
    Column("year", year_text, no_wrap=True),
    Column("source says", _source_says, ratio=4),
]


def _stacked(arithmetic: str) -> str:
    """A sum written one term a line (`show`'s status cell does not wrap): `24.2万个 (2024, …)`,
    `- 20.2万个 (2023, …)`, `= 4万个`."""
    for op in (" + ", " - ", " = "):
        arithmetic = arithmetic.replace(op, "\n" + op.strip() + " ")
    return arithmetic


def _status_text(x: dict) -> str:
    """The mark, then (as `progress` prints them) the gap and the report whose figure settled
    it: a verdict is cited like everything else."""
    from ..store.verdicts import MARKS

    mark = MARKS.get(x.get("status"), "")
    verdict = x.get("verdict") or {}
    result = verdict.get("result")
    lines = [mark, verdict.get("gap_text") or ""]
    if result and x.get("status") != "not_comparable":
        lines.append(f"by {result['item']}" + (f" ({verdict['reached']})" if verdict.get("reached") else ""))
    if result and result.get("derived"):  # a figure computed from two reported ones
        lines.append(_stacked(result["derived"]["arithmetic"]))
    if verdict.get("derived"):  # the arithmetic a reader would do, done
        lines.append(_stacked(verdict["derived"]["arithmetic"]))
    elif verdict.get("last"):
        lines.append(_last_text(verdict["last"]))
    return "\n".join(line for line in lines if line)


#: `show`'s status of each target (`sdtargets progress --plan PLAN` gives the figures and why).
STATUS_COLUMN = Column("status", _status_text, no_wrap=True)


def _bar_column(rows: list[dict], key: str) -> Column:
    top = max((r[key] for r in rows), default=0)
    return Column("", lambda r: bar(r[key], top), no_wrap=True, only="table")


def stats_sections(data: dict) -> list[tuple[str, list[dict], list[Column]]]:
    """The `stats` tables: (title, rows, columns), each with a bar chart column."""
    t = data["totals"]
    plans, kinds, years, agencies = data["plans"], data["kinds"], data["years"], data["agencies"]
    count = lambda key: Column(key, lambda r: str(r[key]), no_wrap=True)  # noqa: E731
    return [
        (
            f"{t['plans']} plans, {t['items']} items, {t['targets']} targets, {t['agencies']} agencies",
            plans,
            [
                Column("plan", lambda r: r["plan"], no_wrap=True),
                Column("title", lambda r: r["title"]),
                count("items"),
                count("targets"),
                _bar_column(plans, "items"),
            ],
        ),
        (
            "by kind",
            kinds,
            [
                Column("kind", lambda r: r["kind"]),
                count("items"),
                count("targets"),
                _bar_column(kinds, "items"),
            ],
        ),
        (
            "by deadline year",
            years,
            [
                Column("year", lambda r: str(r["year"])),
                count("items"),
                count("targets"),
                _bar_column(years, "items"),
            ],
        ),
        (
            "agencies with most duties",
            agencies,
            [
                Column("agency", lambda r: r["agency"], no_wrap=True),
                count("led"),
                count("supported"),
                count("total"),
                _bar_column(agencies, "total"),
            ],
        ),
    ]


def timeline_columns(rows: list[dict]) -> list[Column]:
    """Timeline rows with a bar per row, scaled within each base unit. A figure covering several
    years (a five-year total, a 年均) shows its span and no bar: beside the yearly figures its
    length would read as one year's."""
    tops: dict[str, float] = {}
    for r in rows:
        if r["value_base"] is not None and not r.get("span"):
            tops[r["base_unit"]] = max(tops.get(r["base_unit"], 0), r["value_base"])
    return [
        Column("year", lambda r: _when(r, year_text(r)), no_wrap=True, data=lambda r: r["year"]),
        Column("year_implied", lambda r: bool(r.get("year_implied")), only="data"),
        Column("span", lambda r: span_text(r.get("span")), only="data"),  # `2021-2025`
        Column("kind", lambda r: r["kind"], no_wrap=True),
        Column("value", value_text, no_wrap=True, data=lambda r: r["value"]),
        Column("value_max", lambda r: r.get("value_max"), only="data"),
        Column("unit", lambda r: r.get("unit") or "", only="data"),
        Column("cmp", lambda r: "/".join(r["cmp"]), only="data"),
        Column(
            "",
            lambda r: "" if r.get("span") else bar(r["value_base"] or 0, tops.get(r["base_unit"], 0), 16),
            no_wrap=True,
            only="table",
        ),
        Column("metric", lambda r: r["metric"], ratio=2, min_width=12),  # 高新技术企业 whole
        Column("plan", lambda r: r["plan_title"], ratio=2, data=lambda r: r["plan"]),
        Column("item", lambda r: r["item"], no_wrap=True),
    ]


# ---------------------------------------------------------------------------------------------
# progress: a target, what was reported, the verdict


def _when(r: dict, year: str) -> str:
    """The time a target or figure covers: its year, or the span of a multi-year one
    (`2021-2025`), marked 年均 where it is a yearly average the quote's words do not say."""
    if not r.get("span"):
        return year
    mark = "年均 " if r.get("average") and "年均" not in r["cmp"] else ""
    return f"{mark}{r['span'][0]}-{r['span'][1]}"


def _figure_text(f: dict) -> str:
    return f"{value_text(f)} {_when(f, str(f['year']))}" + (f" ({f['partial']})" if f.get("partial") else "")


def _shown_figure(r: dict) -> dict | None:
    """The figure a row shows: the one used, else the first set aside, else the first other."""
    if r.get("result"):
        return r["result"]
    aside = [e for e in r["evidence"] if e["use"] == "not_comparable"] or r["evidence"]
    return aside[0] if aside else None


def _progress_target(r: dict) -> str:
    """The metric, then the value, its words and its year (or span)."""
    return f"{r['metric']}\n{value_text(r)} {_when(r, year_text(r))}"


def _last_text(f: dict) -> str:
    """The context of a target with no report yet: `last: 124.9万人 (2025) gwr2026.r27`."""
    return f"last: {value_text(f)} ({_when(f, str(f['year']))}) {f['item']}"


def _progress_result(r: dict) -> str:
    """The figure used (with the arithmetic that made it, and the year a level was reached), or
    (no verdict) the latest earlier figure as context, or the first figure set aside and why."""
    if r.get("result"):
        f = r["result"]
        lines = [_figure_text(f), f["item"]]
        if f.get("derived"):
            lines.append(f["derived"]["arithmetic"])
        if r.get("derived"):
            lines.append(f"target: {r['derived']['arithmetic']}")
        if r.get("reached"):
            lines.append(f"reached in {r['reached']}, before {r['year']}")
        return "\n".join(lines)
    asked = [f"target: {r['derived']['arithmetic']}"] if r.get("derived") else []
    if r.get("last"):
        return "\n".join([_last_text(r["last"]), *asked])
    if asked and not r["evidence"]:
        return asked[0]
    if r.get("why") and r["status"] == "not_comparable" and not r["evidence"]:
        return r["why"]
    e = _shown_figure(r)
    if e is None:
        return "—"
    more = f"\n… +{len(r['evidence']) - 1} more" if len(r["evidence"]) > 1 else ""
    reason = f": {e['reason']}" if e.get("reason") else f" ({e['use']})"
    return f"{_figure_text(e)} {e['item']}{reason}{more}"


def _citations(r: dict) -> str:
    out = f"{r['source']['file']}:{r['source']['line']}"
    shown = _shown_figure(r)
    if shown is not None:
        out += f"\n{shown['source']['file']}:{shown['source']['line']}"
    return out


def cited_documents(rows: list[dict]) -> list[dict]:
    """The documents a `progress` table cites, once each: file, title and (where the sources give
    one) original address, so that `file:line` in a row leads a reader to a document."""
    docs: dict[str, dict] = {}
    for r in rows:
        for obj in (r, _shown_figure(r) or {}, r.get("last") or {}):
            src = obj.get("source") or {}
            if src.get("file") and src["file"] not in docs:
                title, url = src.get("title", ""), src.get("url", "")
                docs[src["file"]] = {"file": src["file"], "title": title, "url": url}
    return list(docs.values())


#: The documents table under `progress`.
DOCUMENT_COLUMNS = [
    Column("file", lambda d: d["file"], ratio=2, min_width=12, joiner="_"),
    Column("document", lambda d: d["title"] + (f"\n{d['url']}" if d["url"] else ""), ratio=5),
]


def summary_columns(by: str = "plan") -> list[Column]:
    """`progress`'s opening table (and `--summary`'s): per plan or agency, the count of each
    status, the decided ones (met, not met, on track, behind) and the total."""
    from ..store.verdicts import STATUSES

    heads = {"not_met": "not met", "on_track": "on track", "no_report": "no report"}
    heads["not_comparable"] = "not comp."
    cols = [Column(by, lambda r: r[by], ratio=2, min_width=10)]
    keys = (*STATUSES, "decided", "total")
    # a person reads `not met`; CSV and the like carry the statuses' own names and numbers
    cols += [Column(heads.get(s, s), lambda r, s=s: str(r[s]), no_wrap=True, only="table") for s in keys]
    cols += [Column(s, lambda r, s=s: r[s], only="data") for s in keys]
    return cols


def progress_columns() -> list[Column]:
    """`progress`'s table: target, a status mark with the gap under it, result, the two citations."""
    from ..store.verdicts import MARKS

    table = [
        Column("item", lambda r: r["item"], no_wrap=True),
        Column("target", _progress_target, ratio=2, min_width=14),
        Column(
            "status / gap",
            lambda r: MARKS[r["status"]] + (f"\n{r['gap_text']}" if r.get("gap_text") else ""),
            ratio=1,
            min_width=16,
        ),
        # a figure's item id (gwr2026.r48) never folds; a citation folds, where it must, after a `_`
        Column("result", _progress_result, ratio=3, min_width=12),
        Column("cited: target / figure", _citations, ratio=2, min_width=30, joiner="_"),
    ]
    # CSV, TSV and the like hold data: one value a cell, numbers as numbers, no marks
    data = [
        Column("item", lambda r: r["item"], only="data"),
        Column("metric", lambda r: r["metric"], only="data"),
        Column("value", lambda r: r["value"], only="data"),
        Column("unit", lambda r: r["unit"], only="data"),
        Column("year", lambda r: r["year"], only="data"),
        Column("cmp", lambda r: "/".join(r.get("cmp") or []), only="data"),
        Column("status", lambda r: r["status"], only="data"),
        Column("gap", lambda r: "" if r.get("gap") is None else r["gap"], only="data"),
        Column("result_item", lambda r: (r["result"] or {}).get("item", ""), only="data"),
        Column("result_value", lambda r: (r["result"] or {}).get("value", ""), only="data"),
        Column("result_unit", lambda r: (r["result"] or {}).get("unit", ""), only="data"),
        Column("result_year", lambda r: (r["result"] or {}).get("year", ""), only="data"),
        Column("source", lambda r: f"{r['source']['file']}:{r['source']['line']}", only="data"),
        Column(
            "result_source",
            lambda r: (
                f"{r['result']['source']['file']}:{r['result']['source']['line']}" if r["result"] else ""
            ),
            only="data",
        ),
    ]
    return [Column(*c[:-1], "table") for c in table] + data


# ---------------------------------------------------------------------------------------------
# scorecard: the work reports' headline targets, a column a year

#: How a scorecard cell writes a target's comparison words, shortly.
_AT_LEAST = ("以上", "突破", "超过", "不低于", "不少于")
_AT_MOST = ("控制在", "以下", "以内", "不超过", "不高于")


def _short_target(t: dict | None) -> str:
    """A target in a few characters, as the document words it: `≥5%` (以上), `≤3%左右` (控制在3%左右),
    `5.5%左右`, `3900多个`, `约2%`, `2%`; ≥ and ≤ stand for the bound words, 左右, 约, 多 and 余
    are kept (every word is in the JSON's `cmp`)."""
    if not t or t.get("value") is None:
        return "—"
    cmp = t.get("cmp") or []
    mark = ""
    if any(w in cmp for w in _AT_MOST):
        mark = "≤"
    elif any(w in cmp for w in _AT_LEAST):
        mark = "≥"
    if "约" in cmp:
        mark += "约"
    more = "".join(w for w in ("多", "余") if w in cmp)
    about = "左右" if "左右" in cmp else ""
    return f"{mark}{written(t['value'])}{more}{t.get('unit') or ''}{about}"


def _score_cell(cell: dict) -> str:
    """Target on the first line; the result and the verdict's mark on the second."""
    from ..store.verdicts import MARKS

    result = cell.get("result")
    mark = MARKS[cell["status"]].split()[0] if cell.get("status") else ""
    got = f"{written(result['value'])}{result.get('unit') or ''} {mark}".rstrip() if result else mark
    return f"{_short_target(cell.get('target'))}\n{got}".rstrip()


def scorecard_columns(years: list[int]) -> list[Column]:
    """One column a year: target over result and mark (a table); flat columns for data formats."""
    table = [Column("metric", lambda r: r["metric"], ratio=3, min_width=10, only="table")]
    data = [Column("metric", lambda r: r["metric"], only="data")]
    for y in years:
        key = str(y)
        table.append(
            Column(key, lambda r, k=key: _score_cell(r["years"][k]), ratio=2, min_width=8, only="table")
        )
        cell = lambda r, k=key: r["years"][k]  # noqa: E731
        data += [
            Column(f"{y}_target", lambda r, c=cell: (c(r)["target"] or {}).get("value", ""), only="data"),
            Column(f"{y}_unit", lambda r, c=cell: (c(r)["target"] or {}).get("unit", ""), only="data"),
            Column(
                f"{y}_cmp", lambda r, c=cell: "/".join((c(r)["target"] or {}).get("cmp", [])), only="data"
            ),
            Column(f"{y}_result", lambda r, c=cell: (c(r)["result"] or {}).get("value", ""), only="data"),
            Column(f"{y}_result_unit", lambda r, c=cell: (c(r)["result"] or {}).get("unit", ""), only="data"),
            Column(f"{y}_status", lambda r, c=cell: c(r)["status"] or "", only="data"),
        ]
    return table + data
