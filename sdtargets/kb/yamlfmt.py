"""Write knowledge-base YAML in the layout curators edit by hand.

PyYAML's own dumper wraps long Chinese lines at arbitrary points and sorts keys; the knowledge
base wants one item per block, keys in a fixed reading order, the quoted text as a literal block
(never escaped), and one target per line, so that a diff shows exactly what a review changed.
"""

from __future__ import annotations

import yaml

#: Reading order of an item's keys; unknown keys follow in their own order.
ITEM_KEYS = (
    "id",
    "plan",
    "kind",
    "section",
    "line",
    "text",
    "lead",
    "lead_word",
    "support",
    "support_word",
    "agency_note",
    "agency_exception",
    "years",
    "targets",
    "note",
)


def scalar(value: object) -> str:
    """One value in YAML flow style, quoted only where YAML needs it."""
    out = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, sort_keys=False, width=1 << 30)
    out = out.strip()
    if out.endswith("\n..."):
        out = out[: -len("\n...")]
    if out.endswith("..."):
        out = out[:-3].rstrip()
    return out


def item_block(item: dict) -> str:
    """One item as a YAML list entry: `- id: …` followed by its keys, text as a literal block."""
    keys = [k for k in ITEM_KEYS if k in item] + [k for k in item if k not in ITEM_KEYS]
    lines = []
    for i, key in enumerate(keys):
        value = item[key]
        prefix = "- " if i == 0 else "  "
        if key == "text":
            lines.append(f"{prefix}text: |-")
            lines.extend(f"    {part}" for part in str(value).split("\n"))
        elif key == "targets":
            lines.append(f"{prefix}targets:")
            lines.extend(f"  - {scalar(t)}" for t in value)
        else:
            lines.append(f"{prefix}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"
