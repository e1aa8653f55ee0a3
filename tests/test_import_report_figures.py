"""How a government work report states its figures, drafted as a reader would cite them: counts
written `1.8万余个`, units of reports (`天`, `列`, `岁`, `微克/立方米`), figures a verb of change
reaches (`降到`, `增至`). The sentences are the 2025 and 2026 reports' own."""

from __future__ import annotations

from sdtargets.drafting.quantities import draft_targets


def figures(text: str, year: int = 2025) -> list[tuple]:
    targets, _ = draft_targets(text, (year + 1, year + 1), year, result=True)
    for t in targets:
        assert t["quote"] in text, t
    return [(t["metric"], t["value"], t["unit"], t.get("year")) for t in targets]


def test_a_count_in_ten_thousands_and_more_is_the_count_in_its_counting_unit():
    """CURATING: `6万余人次` is 60000 人次; so `1.8万余个行政村` is more than 18000 个."""
    got = figures("片区化推进乡村振兴经验在全国推广，省市县累计建设片区2070个，覆盖1.8万余个行政村。")
    assert ("行政村", 18000, "个", 2025) in got
    assert figures("高新技术企业5年增加2万多家。")[0][1:3] == (20000, "家")
    assert figures("第四次全国文物普查新发现文物1.4万余处。")[0][1:3] == (14000, "处")


def test_the_units_reports_write_are_read():
    got = figures("PM2.5平均浓度降到32.4微克/立方米，历史性达到国家空气质量二级标准。")
    assert got == [("PM2.5平均浓度", 32.4, "微克/立方米", 2025)]
    assert figures("千人口床位数由6.4张增至7.6张，人均预期寿命增至80.5岁。")[-1] == (
        "人均预期寿命",
        80.5,
        "岁",
        2025,
    )
    assert ("中欧班列累计开行", 1.4, "万列", 2025) in figures("中欧班列累计开行超1.4万列。")
    assert figures("PM2.5浓度改善5.1%，优良天数增加22天。", 2024)[-1] == ("优良天数增加", 22, "天", 2024)
