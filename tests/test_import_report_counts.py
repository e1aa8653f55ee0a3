"""How a work report writes counts the digit rules missed (issue #19, third pass): a pair's unit
(`对`), counts that the names before them enumerate (`济南、青岛两个…`), ordinals and durations.
The sentences are the 2024, 2025 and 2026 reports' own; tuning material."""

from __future__ import annotations

from conftest import drafted_figures as figures

from sdtargets.drafting.quantities import draft_targets


def test_pairs_are_a_unit():
    """2024: `新增国际友城22对` (sister cities are counted in pairs, as are a motorway's service
    areas, one on each side: `177 对服务区`)."""
    assert figures("扎实推进高水平对外开放，新增国际友城22对。", 2023) == [("新增国际友城", 22, "对", 2023)]
    assert figures("全省高速公路已有177 对服务区可提供充电服务。")[0][1:3] == (177, "对")


def test_a_count_in_words_of_the_names_before_it_is_a_figure():
    """2024: `建成济南、青岛两个国家级互联网骨干直联点` (2 个, as many as are named); act2024's
    `养老、医疗、失业、工伤、生育五项社会保险`. A count that is not the names' (three names, `八项`) or an
    ordinal (`第二个`) is none."""
    assert figures("建成济南、青岛两个国家级互联网骨干直联点。", 2023) == [
        ("国家级互联网骨干直联点", 2, "个", 2023)
    ]
    assert figures("全面建立涵盖养老、医疗、失业、工伤、生育五项社会保险的制度体系。")[0][:3] == (
        "社会保险",
        5,
        "项",
    )
    assert figures("党史学习教育、党纪学习教育、深入贯彻中央八项规定精神学习教育。") == []
    assert figures("开启现代化国家新征程、向第二个百年奋斗目标进军。") == []


def test_ordinals_and_durations_are_counts():
    """`潍柴柴油机热效率第四次刷新世界纪录` (2025: the fourth time, 4 次), `烟台成为我省第3个万亿级城市`
    (2024: the province now has 3), `稳妥推进第二轮土地承包到期后再延长30年试点` (2026: a term of 30
    年). A meeting's or a census's number is a name (`第二次会议`, `第四次全国文物普查`)."""
    assert figures("科技创新成果丰硕，潍柴柴油机热效率第四次刷新世界纪录。") == [
        ("潍柴柴油机热效率刷新世界纪录次数", 4, "次", 2024)
    ]
    assert figures("烟台成为我省第3个万亿级城市。", 2023) == [("万亿级城市", 3, "个", 2023)]
    got = figures("稳妥推进第二轮土地承包到期后再延长30年试点。", 2025, result=False)
    assert [(m, v, u) for m, v, u, _ in got] == [("第二轮土地承包到期后再延长年限", 30, "年")]
    assert figures("高质量推进第四次全国文物普查。在省第十四届人民代表大会第二次会议上。") == []


def test_a_reports_short_piece_with_a_duration_stays_an_item():
    """The 2025 report's paragraph ends `…加快推动智慧农业发展。启动省级第二轮土地承包到期后再延长30年试点。`:
    the short piece its length cut leaves is kept for its figure, not lost as a caption."""
    from pathlib import Path

    from sdtargets.drafting.draft import draft
    from sdtargets.drafting.sources import read_source

    lines = read_source(
        Path(__file__).resolve().parent.parent / "data/sources/sd2025_zhengfu_gongzuo_baogao.txt"
    )
    d = draft(lines, "x")
    got = [(t["metric"], t["value"], t["unit"], t["year"]) for it in d.items for t in it.get("targets") or []]
    assert ("省级第二轮土地承包到期后再延长年限", 30, "年", 2025) in got


def test_the_verb_that_opens_a_figures_phrase_is_no_part_of_its_noun():
    """`汇聚优质服务商500家以上` (2024), `新集聚青年人才100万人左右` (2026), `稳妥推进…`, `启动…`: the
    work done, not what is counted, as `培育`, `吸引集聚` already were."""
    assert figures("汇聚优质服务商500家以上。", 2024, result=False) == [("优质服务商", 500, "家", 2025)]
    assert figures("新集聚青年人才100万人左右。", 2025, result=False) == [("青年人才", 100, "万人", 2026)]


def test_names_before_deng_are_examples_of_what_is_counted():
    """2026: `新建扩建老岚水库等水源型水库58座` counts 水源型水库 (老岚水库 is one of them); the 等 of a
    word (`高等学校`) is no list's."""
    assert figures("新建扩建老岚水库等水源型水库58座。", 2025) == [("水源型水库", 58, "座", 2025)]
    assert figures("本科高等学校达到70所。", 2025)[0][:3] == ("本科高等学校", 70, "所")


def test_a_figure_after_huiji_counts_those_the_measure_reached():
    """`“非直供电小区”改造惠及群众106万户` (2026) and `…专项整治惠及140万户群众` (2024) count
    households, `…试点惠及165.3万人` people, `…退税政策惠及700多家企业` firms: named by the measure."""
    assert figures("“非直供电小区”改造惠及群众106万户。", 2025) == [
        ("“非直供电小区”改造惠及户数", 106, "万户", 2025)
    ]
    assert figures("房屋产权确权颁证历史遗留问题专项整治惠及140万户群众。", 2023)[0][:2] == (
        "房屋产权确权颁证历史遗留问题专项整治惠及户数",
        140,
    )
    assert (
        figures("新就业形态人员职业伤害保障试点惠及165.3万人。", 2025)[0][0]
        == "新就业形态人员职业伤害保障试点惠及人数"
    )
    assert figures("青岛港启运港退税政策惠及700多家企业。", 2023)[0][0] == "青岛港启运港退税政策惠及企业"


def test_a_count_of_days_a_mark_was_passed():
    """2026: `成功应对全网用电负荷129天超1亿千瓦考验` counts the days the load passed 1 亿千瓦
    (全网用电负荷超1亿千瓦天数, 129 天), and the mark is the load's own figure; a count of days without
    a mark after it (`空气质量优良天数达到260天`) is as before."""
    got = figures("成功应对全网用电负荷129天超1亿千瓦考验。", 2025)
    assert got == [("全网用电负荷超1亿千瓦天数", 129, "天", 2025), ("全网用电负荷", 1, "亿千瓦", 2025)]
    assert figures("迎峰度夏期间，成功应对全网用电负荷39天破亿。")[0][:3] == (
        "全网用电负荷破亿天数",
        39,
        "天",
    )
    assert figures("全年空气质量优良天数达到260天。")[0][:3] == ("空气质量优良天数", 260, "天")


def test_a_count_before_a_work_counts_the_things_not_the_work():
    """2026: `抓好6条续建高铁建设` counts 续建高铁 (the lines), green2023's
    `东营至青州改扩建等23条高速公路建设` 高速公路; `建设` is the work done on them."""
    assert figures("抓好6条续建高铁建设。", 2025, result=False)[0][:3] == ("续建高铁", 6, "条")
    assert figures("加快东营至青州改扩建等23条高速公路建设。", 2022, result=False)[0][:3] == (
        "高速公路",
        23,
        "条",
    )


def test_from_one_figure_cut_to_another():
    """2024: `工程建设项目审批事项由73项压减到46项`: the second figure is the matters' count, the first
    its baseline, as `由…增至…` and `由…降至…` were."""
    targets, _ = draft_targets("工程建设项目审批事项由73项压减到46项。", (2024, 2024), 2023, result=True)
    assert [(t["metric"], t["value"], t["baseline"]["value"]) for t in targets] == [
        ("工程建设项目审批事项", 46, 73)
    ]


def test_tupo_as_an_adjective_is_part_of_the_noun():
    """2024: `培育20个以上突破性新品种`: 突破性 (breakthrough) describes the varieties; only the verb
    突破 (`突破1万家`) ends a noun."""
    assert figures("培育20个以上突破性新品种。", 2023, result=False)[0][:3] == ("突破性新品种", 20, "个")


def test_a_count_of_places_named_by_the_work_done_there():
    """`开展30个县高效特色设施农业提升行动` (2025) counts counties: 高效特色设施农业提升行动县;
    `抓好工业等17个领域碳达峰工作` (2026): 碳达峰工作领域. A noun that only opens with such a word
    (`10个行业龙头企业`, `20个县城`) is as written."""
    assert (
        figures("开展30个县高效特色设施农业提升行动。", 2024, result=False)[0][0]
        == "高效特色设施农业提升行动县"
    )
    assert figures("抓好工业等17个领域碳达峰工作。", 2025, result=False)[0][0] == "碳达峰工作领域"
    assert figures("培育10个行业龙头企业，建设20个县城。", 2025, result=False)[0][0] == "行业龙头企业"
