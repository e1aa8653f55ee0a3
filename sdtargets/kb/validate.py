"""`sdtargets validate`: every check of the knowledge base, reported all at once.

Structure (schema, references) comes from the loader; accuracy (verbatim text, agencies equal to
their clause, numbers written in their quotes) from `checks`; notes that carry weight (hand-set
year flags, corrections, doubts) citing their evidence from `notes`. Curators run it before a commit;
the test suite runs the same functions.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SdError
from .checks import check_items
from .load import load
from .metrics import METRICS_FILE, check_links, unlisted
from .notes import check_notes


def read_sources(folder: Path, files: set[str]) -> tuple[dict[str, list[str]], list[str]]:
    """The source texts the plans cite, as lines; missing files become problems."""
    sources, problems = {}, []
    for name in sorted(files):
        path = folder / "sources" / name
        try:
            sources[name] = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            problems.append(f"sources/{name}: the source file a plan cites is missing")
    return sources, problems


def validate_folder(folder: Path) -> tuple[list[str], str]:
    """(problems, summary) for the knowledge base in ``folder``."""
    try:
        kb = load(folder)
    except SdError as exc:
        return (exc.details or [exc.message]), ""
    sources, problems = read_sources(folder, {p["source"] for p in kb.plans})
    problems += [str(p) for p in check_items(kb.items, sources, kb.agencies)]
    periods = {p["id"]: tuple(p["period"]) for p in kb.plans}
    problems += [str(p) for p in check_notes(kb.items, periods, {n: len(ls) for n, ls in sources.items()})]
    problems += check_links(kb.vocabulary, kb.items)
    # a metric `?` is the drafter's "could not name it": the item's to-do, said of the item
    problems += [
        f"{i['id']}: target {n} ({t.get('quote')}) has no metric yet (`?`: name the noun its number counts)"
        for i in kb.items
        for n, t in enumerate(i["targets"], 1)
        if t["metric"] == "?"
    ]
    if (folder / METRICS_FILE).exists():  # a scratch base without a vocabulary is not held to one
        problems += [
            f"{METRICS_FILE}: metric {m} is not in the vocabulary (add it, or use the name it has there)"
            for m in unlisted(kb.vocabulary, kb.items)
            if m != "?"
        ]
    n_targets = sum(len(i["targets"]) for i in kb.items)
    summary = (
        f"OK: {len(kb.plans)} plans, {len(kb.items)} items, {n_targets} targets, "
        f"{len(kb.agencies)} agencies; every item checked against its source."
    )
    return problems, summary
