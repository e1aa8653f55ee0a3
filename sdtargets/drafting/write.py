"""`sdtargets import FILE --plan ID --write`: everything a new document needs, drafted into a checkout.

One command writes, under the checkout's `curation/`, the files `scripts/assemble.py` picks up
with no code edit:

- `review/ID.yaml`     the items (assemble takes fragments not in its ORDER after the ordered ones);
- `plans-ID.yaml`      the plan entry: title, issuer, number and dates where the text gives them;
- `agencies-ID.yaml`   draft registry entries for agency names the registry lacks;
- `metrics-ID.yaml`    draft vocabulary entries for metric names `data/metrics.yaml` lacks;
- `glossary-ID.yaml`   the English entries the glossary needs (the plan, each new agency).

Assemble copies the last three into `data/agencies.yaml`, `data/metrics.yaml` and
`data/glossary.yaml` between marker comments, so that `validate` and the build read them. A file
that exists is never overwritten: a person may have reviewed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SdError
from ..kb.yamlfmt import scalar
from .draft import Draft, registry_entry, registry_resolver

__all__ = ["pending_drafts", "registry_resolver", "write_draft"]

#: The files one draft writes, relative to the checkout, by role.
LAYOUT = {
    "items": "curation/review/{id}.yaml",
    "plan": "curation/plans-{id}.yaml",
    "agencies": "curation/agencies-{id}.yaml",
    "metrics": "curation/metrics-{id}.yaml",
    "glossary": "curation/glossary-{id}.yaml",
}

#: The mark of a drafted English name: the summary lists each, a person writes the English.
DRAFT_EN = "DRAFT English for"


@dataclass
class Written:
    """What `write_draft` wrote, for the summary: files, and the to-do lines of the entries."""

    files: list[Path] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


def paths_for(root: Path, plan: str) -> dict[str, Path]:
    """The files a draft of ``plan`` writes in the checkout ``root``."""
    return {role: root / rel.format(id=plan) for role, rel in LAYOUT.items()}


def refuse_existing(root: Path, plan: str) -> None:
    """One sentence (exit 2) when any file of the draft exists: it may hold a person's review."""
    for path in paths_for(root, plan).values():
        if path.exists():
            raise SdError(
                f"{path.relative_to(root)} exists and may hold a reviewed draft: "
                f"move it aside or choose another --plan, nothing was written."
            )


# ---------------------------------------------------------------------------------------------
# The plan entry

_HEADER_RE = re.compile(r"^#\s*标题：")
_NUMBER_RE = re.compile(r"[鲁国][^\s，。、（）()]{0,10}〔\d{4}〕\d+号")
_DATE_RE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")
_ISO_RE = re.compile(r"(20\d\d)-(\d\d)-(\d\d)")
_TITLE_RE = re.compile(r"(方案|计划|规划|纲要|任务|报告|意见|通知|措施)")
_ISSUER_RE = re.compile(r"^山东省\S*(人民政府|办公厅|委员会|厅|局)$")


def _bare(text: str) -> str:
    """A header field without the dataset's notes in brackets (`（数据集标注）`), but keeping a
    title's own span of years (`（2025—2027年）`)."""
    return re.sub(r"（(?!\d{4}\s*[—–-]\s*\d{4}年）)[^（）]*）", "", text).strip()


def plan_entry(lines: list[str], plan: str, period: tuple[int, int], source: str) -> tuple[dict, str]:
    """The plan entry (keys in CURATING's order) and the English title, where the text gives one.

    A source of the team's corpus begins with a provenance line (`# 标题：… | 发文机关：… |
    日期：…`); other texts give their title in the first lines, the document number as
    `鲁政办字〔2023〕5号` and the date as `2023年1月19日`. What the text does not give stays null.
    """
    fields: dict[str, str] = {}
    english = ""
    if lines and _HEADER_RE.match(lines[0]):
        for part in lines[0].lstrip("# ").split(" | "):
            key, _, value = part.partition("：")
            fields[key.strip()] = value.strip()
        if m := re.search(r"英文题名：([^；）]+)", fields.get("标题", "")):
            english = m.group(1).strip()
    head = [line.strip().strip("#* ").strip() for line in lines[:30] if line.strip()]
    title = _bare(fields.get("标题", ""))
    if not title:
        title = next((h for h in head if _TITLE_RE.search(h) and len(h) <= 80), head[0] if head else plan)
        title = re.sub(r"^.*关于印发(.+)的通知$", r"\1", title)
    issuer = _bare(fields.get("发文机关", "")) or next((h for h in head if _ISSUER_RE.match(h)), None)
    whole = "\n".join(lines[:40])
    number = m.group(0) if (m := _NUMBER_RE.search(whole)) else None
    issued = None
    if m := _ISO_RE.search(fields.get("日期", "")):
        issued = m.group(0)
    else:
        for chunk in ("\n".join(lines[:15]), "\n".join(lines[-15:])):
            if m := _DATE_RE.search(chunk):
                issued = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                break
    entry = {
        "id": plan,
        "title": title,
        "short": title,
        "aliases": [],
        "number": number,
        "issuer": issuer,
        "issued": issued,
        "published": None,
        "period": list(period),
        "source": source,
        "note": "由sdtargets import --write起草：标题、发文机关、文号、日期取自原文，逐项核对后改写本说明。",
    }
    return entry, english


def _plan_yaml(entry: dict) -> str:
    """A plan entry in the layout of `curation/plans-*.yaml` (one key a line)."""
    out = []
    for key, value in entry.items():
        lead = "- " if not out else "  "
        out.append(f"{lead}{key}: {scalar(value)}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Writing


def pending_drafts(root: Path) -> tuple[list[dict], set[str]]:
    """The agency entries and metric names drafted in ``root``'s curation/ for other documents
    (`agencies-*.yaml`, `metrics-*.yaml`), whether assembled into data/ yet or not: a second
    document drafted before the first is assembled must not draft them again (data/ would
    list them twice)."""
    import yaml

    agencies: list[dict] = []
    metrics: set[str] = set()
    for path in sorted((root / "curation").glob("agencies-*.yaml")):
        agencies += [a for a in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if isinstance(a, dict)]
    for path in sorted((root / "curation").glob("metrics-*.yaml")):
        for m in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(m, dict) and m.get("name"):
                metrics |= {m["name"], *(m.get("aliases") or [])}
    return [a for a in agencies if a.get("name")], metrics


def missing_metrics(d: Draft, known: set[str]) -> dict[str, tuple[str, list[str]]]:
    """Metric names the draft's targets use that the vocabulary lacks: name → (unit, item ids)."""
    out: dict[str, tuple[str, list[str]]] = {}
    for item in d.items:
        for t in item.get("targets", []):
            name = t["metric"]
            if name == "?" or name in known:
                continue
            unit, ids = out.setdefault(name, (t.get("unit") or "", []))
            if item["id"] not in ids:
                ids.append(item["id"])
    return out


def metric_entry(name: str, unit: str) -> str:
    """A draft `data/metrics.yaml` line, its fields derived by the vocabulary's rules."""
    from ..kb.metrics import derive_family, derive_quantity, derive_scope

    entry = {
        "name": name,
        "unit": unit,
        "family": derive_family(unit, name),
        "quantity": derive_quantity(name, unit),
    }
    if scope := derive_scope(name):
        entry["scope"] = scope
    entry["about"] = f"{DRAFT_EN} {name}"
    return f"- {scalar(entry)}  # review: derived"


def write_draft(
    d: Draft, root: Path, lines: list[str], source: str, to_yaml: str, known: set[str]
) -> Written:
    """Write the draft's files into the checkout ``root`` (none may exist: `refuse_existing`)."""
    if d.period is None:
        raise SdError("The plan's years are not in its title: give --period A-B, nothing was written.")
    refuse_existing(root, d.plan)
    paths = paths_for(root, d.plan)
    out = Written()
    entry, english = plan_entry(lines, d.plan, d.period, source)
    texts = {"items": to_yaml, "plan": _plan_yaml(entry)}
    rel = {role: str(p.relative_to(root)) for role, p in paths.items()}
    out.todo.append(
        f"{d.plan}: plan entry in {rel['plan']}: check title "
        f"({entry['title']}), issuer ({entry['issuer']}), number ({entry['number']}), "
        f"issued ({entry['issued']}) against the document"
    )
    if d.unknown:
        texts["agencies"] = "".join(registry_entry(name) for name in d.unknown)
    metrics = missing_metrics(d, known)
    if metrics:
        texts["metrics"] = "".join(metric_entry(n, unit) + "\n" for n, (unit, _) in metrics.items())
    title_en = english or f"{DRAFT_EN} {entry['title']}"
    glossary = f"plans:\n  {d.plan}: {scalar(title_en)}\n"
    if not english:
        out.todo.append(f"{d.plan}: English title in {rel['glossary']} (a translation of the title)")
    if d.unknown:
        glossary += "agencies:\n" + "".join(
            f"  {name}: {{en: {scalar(f'{DRAFT_EN} {name}')}}}\n" for name in d.unknown
        )
        out.todo.append(
            f"{d.plan}: official English names of {len(d.unknown)} new agencies in {rel['glossary']}"
        )
    texts["glossary"] = glossary
    for role, text in texts.items():
        paths[role].parent.mkdir(parents=True, exist_ok=True)
        paths[role].write_text(text, encoding="utf-8")
        out.files.append(paths[role])
    return out
