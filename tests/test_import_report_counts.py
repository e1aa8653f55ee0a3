"""How a work report writes counts the digit rules missed (issue #19, third pass): a pair's unit
(`对`), counts that the names before them enumerate (`济南、青岛两个…`), ordinals and durations.
The sentences are the 2024, 2025 and 2026 reports' own; tuning material."""

from __future__ import annotations

from sdtargets.drafting.quantities import draft_targets


def figures(text: str, year: int = 2024, result: bool = True) -> list[tuple]:
    """(metric, value, unit, year) of each figure drafted from one sentence of a report."""
    targets, _ = draft_targets(text, (year + 1, year + 1), year if result else None, result=result)
    for t in targets:
        assert t["quote"] in text, t
    return [(t["metric"], t["value"], t["unit"], t.get("year")) for t in targets]


def test_pairs_are_a_unit():
    """2024: `新增国际友城22对` (sister cities are counted in pairs, as are a motorway's service
    areas, one on each side: `177 对服务区`)."""
    assert figures("扎实推进高水平对外开放，新增国际友城22对。", 2023) == [("新增国际友城", 22, "对", 2023)]
    assert figures("全省高速公路已有177 对服务区可提供充电服务。")[0][1:3] == (177, "对")
