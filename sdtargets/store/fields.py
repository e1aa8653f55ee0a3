"""What search reads of an item, folded: its fields apart (`item_fields`), the tail of its search
text (`item_search`), and the part of its title that ranks as a title.

One module, so that the build and the second process that computes a broad search's first pages
from the same strings (`derived.py`) fold them by the same code.
"""

from __future__ import annotations

import re

from ..text.fold import search_fold

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs every query ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable


_CLAUSE_END = re.compile(r"[，,：:]")

#: How much of a title search weighs as the title: its first 60 characters, the titles the
#: ranking was tuned on (titles were cut there before they were kept whole). A word further on
#: still counts, as a word of the text.
RANKED_TITLE_CHARS = 60

#: The fields whose terms the first page's SQL counts (`toprank.py`), each stored with its length.
COUNTED = ("title", "metric", "body", "section", "agency")


def ranked_title(item: dict) -> str:
    """The part of an item's title that search ranks and corrects typos by."""
    return item["title"][:RANKED_TITLE_CHARS]


def heading_of(title: str) -> str:
    """What of an item's title ranks as its heading: its first clause. A task's first sentence
    is a label (`大力发展人工智能技术`) and the whole of it counts; a result's or a goal's first
    sentence is a run of claims (`建成国家生态文明建设示范区36个、…，获批美丽河湖7个、…，黄河口
    “鸟浪”奇观成为观景新潮`), of which only the first names the subject (`养老方面`, `5G基站增长
    4.3倍`): a word in a later clause is a mention, weighed as the text weighs it."""
    return _CLAUSE_END.split(title, maxsplit=1)[0]


def field_row(
    item: dict, t2s: dict[int, str], plan_names: dict[str, str], fold_name: Callable[[str], str]
) -> dict:
    """An item's searched fields apart (`item_fields`), folded as `item_search` is;
    metrics and headings are joined with a space, which the fold removes, so a term never spans
    two of them only where the text itself runs them together. ``fold_name`` folds the names
    items share (metrics, headings, agencies); the item's own title and text are folded as is."""
    row = {
        "id": item["id"],
        "kind": item["kind"],
        "title": search_fold(heading_of(ranked_title(item)), t2s),
        "metric": "|".join(fold_name(f"{t['metric']} {t['year']}") for t in item["targets"]),
        "body": search_fold(item["text"], t2s),
        "section": "|".join(fold_name(h) for h in item["section"]),
        "agency": "|".join(fold_name(a) for a in item["lead"] + item["support"]),
        "plan": plan_names[item["plan"]],
    }
    for key in COUNTED:  # characters, as SQLite's length() counts them (the texts hold no NUL)
        row[f"l_{key}"] = len(row[key])
    return row


def search_tail(item: dict, t2s: dict[int, str]) -> str:
    """What `find` matches after the item's folded text (`item_search`): the section headings
    and the targets' metrics and years, folded (`search_fold`: NFKC, lower case, no whitespace,
    simplified characters). Folded apart from the text (folded once, as `item_fields`' body):
    the same characters as folding text and tail joined with a space, which the fold removes
    and across which nothing composes (NFKC) or changes case (a final Σ)."""
    metrics = " ".join(f"{t['metric']} {t['year']}" for t in item["targets"])
    # ended by `SEARCH_END`, so that every character of the text starts a trigram of the index
    # (`typos.items_with` finds a one- or two-character word through them)
    from .typos import SEARCH_END

    return search_fold(" ".join([*item["section"], metrics]), t2s) + SEARCH_END


def folded_plan_names(plans: list[dict], t2s: dict[int, str]) -> dict[str, str]:
    """Each plan's names (title, short title, aliases), folded: an item's `plan` field."""
    return {
        p["id"]: search_fold(" ".join([p["title"], p.get("short") or "", *(p.get("aliases") or [])]), t2s)
        for p in plans
    }


#: The fields whose lengths the ranking averages (`bm25f.stats_of`).
MEASURED = ("title", "metric", "body", "section")


def new_sums() -> dict[str, int]:
    """The sums the build stores as `meta.stats`: items, and each measured field's length."""
    return {"items": 0, **dict.fromkeys(MEASURED, 0)}


def add_lengths(sums: dict[str, int], row: dict) -> None:
    """Count one item's fields (`field_row`, with their lengths) into ``sums``."""
    sums["items"] += 1
    for key in MEASURED:
        sums[key] += row[f"l_{key}"]
