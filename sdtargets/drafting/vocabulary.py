"""A drafted figure named as the base's vocabulary names it, where the draft's name is the
vocabulary's with words left out (`改造老旧小区` → 改造城镇老旧小区, `非化石能源装机` →
非化石能源发电装机): reports shorten the names the base already holds, and one name per measure is
what keeps a timeline joined up. A name the vocabulary does not hold that way stays as drafted
(the summary lists it for the curator)."""

from __future__ import annotations

from collections.abc import Iterable

from ..kb.metrics import derive_family

#: At most this many characters left out: a longer name is another measure, not this one spelled out.
_MAX_LEFT_OUT = 4


def _left_out(short: str, name: str) -> bool:
    """Is ``short`` ``name`` with a few characters left out, keeping its first and last?"""
    if not short or len(short) < 3 or short[0] != name[0] or short[-1] != name[-1]:
        return False
    if not 0 < len(name) - len(short) <= _MAX_LEFT_OUT:
        return False
    chars = iter(name)
    return all(c in chars for c in short)


class Vocabulary:
    """The base's metric names, each with its unit family, for naming drafted figures."""

    def __init__(self, entries: Iterable[dict]) -> None:
        self.names: dict[str, str] = {}  # name or alias → family
        for m in entries:
            family = m.get("family") or derive_family(str(m.get("unit") or ""), m["name"])
            for n in [m["name"], *(m.get("aliases") or [])]:
                self.names[n] = family

    def name(self, metric: str, unit: str) -> str:
        """The vocabulary's name for a drafted ``metric`` counted in ``unit``: itself if the
        vocabulary holds it, else the one vocabulary name of the same family it shortens."""
        if metric in self.names:
            return metric
        family = derive_family(unit, metric)
        found = [n for n, f in self.names.items() if f == family and _left_out(metric, n)]
        return found[0] if len(found) == 1 else metric
