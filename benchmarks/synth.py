"""A synthetic knowledge base N times the real one, of the same shape, for scale benchmarks.

Every real item is copied N times with a new id, its sentences rotated (so the text is still
Chinese of the same length but no two copies are identical), its agencies and targets kept.
Plans and agencies are the real ones. Sources are not copied: the synthetic base is for
building and querying, not for `validate`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml


def rotate(text: str, k: int) -> str:
    parts = [p for p in re.split(r"(?<=[。；])", text) if p]
    if len(parts) < 2:
        return text
    k %= len(parts)
    return "".join(parts[k:] + parts[:k])


def synthesise(data: Path, out: Path, factor: int) -> int:
    """Write a base ``factor`` times ``data``'s (agencies, metrics and glossary copied); return items."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    real = yaml.load((data / "targets.yaml").read_text(encoding="utf-8"), Loader=loader)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("agencies.yaml", "metrics.yaml", "glossary.yaml"):
        if (data / name).exists():
            (out / name).write_bytes((data / name).read_bytes())
    n = 0
    with open(out / "targets.yaml", "w", encoding="utf-8") as fh:
        fh.write(yaml.dump({"plans": real["plans"]}, Dumper=dumper, allow_unicode=True, sort_keys=False))
        fh.write("items:\n")
        for k in range(factor):
            batch = []
            for item in real["items"]:
                copy = dict(item)
                plan, suffix = item["id"].split(".", 1)
                copy["id"] = f"{plan}.{suffix}x{k}"
                copy["text"] = rotate(item["text"], k)
                batch.append(copy)
            n += len(batch)
            fh.write(yaml.dump(batch, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1 << 20))
    return n


if __name__ == "__main__":
    print(synthesise(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])))
