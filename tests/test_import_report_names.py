"""How a work report names its figures against the base's vocabulary, second pass (issue #19):
a share written with another word (`比例` for 占比, `比例` for 比率), a share whose whole is left
unsaid (`高新技术产业产值占比`), work written after its object (`农村危房改造`). The sentences are
the 2024, 2025 and 2026 reports' own; tuning material."""

from __future__ import annotations

from conftest import drafted_figures

from sdtargets.drafting.vocabulary import Vocabulary


def test_a_share_written_with_another_word_takes_the_vocabularys_name():
    """比例, 比率, 占比 and 比重 are one word for a share; the vocabulary's name with a few
    characters left out as before (`空气优良天数比例` → 空气质量优良天数比率)."""
    v = Vocabulary(
        [
            {"name": "智能算力占比", "unit": "%", "family": "percent"},
            {"name": "空气质量优良天数比率", "unit": "%", "family": "percent"},
            {"name": "空气质量优良天数比率提高", "unit": "个百分点", "family": "points"},
        ]
    )
    assert v.name("智能算力比例", "%") == "智能算力占比"  # 2024: 智能算力比例达到30%
    assert v.name("空气优良天数比例", "%") == "空气质量优良天数比率"  # 2026: 空气优良天数比例达到77.8%
    assert v.name("空气优良天数比例提高", "个百分点") == "空气质量优良天数比率提高"
    assert v.name("智能算力比例", "万台") == "智能算力比例"  # a count is another measure


def test_a_share_whose_whole_is_unsaid_takes_the_vocabulary_share_of_its_part():
    """`高新技术产业产值占比达到55.7%`, `数字经济占比超过50%、提升9个百分点`: the vocabulary's one
    `X占Y比重` of that part (written as is or with at most four more characters: 数字经济总量)."""
    v = Vocabulary(
        [
            {"name": "高新技术产业产值占规模以上工业总产值比重", "unit": "%", "family": "percent"},
            {"name": "高新技术产业产值占规模以上工业总产值比重提高", "unit": "个百分点", "family": "points"},
            {"name": "数字经济总量占GDP比重", "unit": "%", "family": "percent"},
            {"name": "数字经济核心产业增加值占GDP比重", "unit": "%", "family": "percent"},
            {"name": "海洋生产总值占地区生产总值比重", "unit": "%", "family": "percent"},
            {"name": "海洋生产总值占全国海洋生产总值比重", "unit": "%", "family": "percent"},
        ]
    )
    assert v.name("高新技术产业产值占比", "%") == "高新技术产业产值占规模以上工业总产值比重"
    assert v.name("高新技术产业产值占比提高", "个百分点") == "高新技术产业产值占规模以上工业总产值比重提高"
    assert v.name("数字经济占比", "%") == "数字经济总量占GDP比重"
    assert v.name("海洋生产总值占比", "%") == "海洋生产总值占比"  # two wholes it could be: the curator's


def test_work_written_after_its_object_takes_the_vocabularys_verb_first_name():
    """`完成农村危房改造1.2万户`, `开工城镇老旧小区改造56万户`: the vocabulary writes 改造农村危房; a
    name the vocabulary holds as an alias is drafted by its name."""
    v = Vocabulary(
        [
            {"name": "改造农村危房", "unit": "万户", "family": "count"},
            {"name": "改造城镇老旧小区", "unit": "万户", "family": "count"},
            {"name": "重大攻关项目企业牵头比例", "aliases": ["企业牵头项目数占比"], "unit": "%"},
        ]
    )
    assert v.name("农村危房改造", "万户") == "改造农村危房"
    assert v.name("城镇老旧小区改造", "万户") == "改造城镇老旧小区"
    assert v.name("老旧小区改造", "万户") == "改造城镇老旧小区"  # 2025: 开工老旧小区改造13.7万户
    assert v.name("企业牵头比例", "%") == "重大攻关项目企业牵头比例"  # 2026: 企业牵头比例超过85%


def test_import_drafts_a_reports_figures_with_these_names_from_the_real_vocabulary(cli, tmp_path):
    """End to end with the base's own vocabulary: the 2025 report's sentences."""
    source = tmp_path / "r.txt"
    source.write_text(
        "一、2024年工作回顾\n\n高新技术产业产值占比预计提高1.5个百分点左右，智能算力比例超过30%。"
        "完成农村危房改造1.2万户。\n",
        encoding="utf-8",
    )
    r = cli("import", str(source), "--plan", "x")
    assert r.code == 0, r.err
    assert "{metric: 高新技术产业产值占规模以上工业总产值比重提高, value: 1.5, unit: 个百分点" in r.out
    assert "{metric: 智能算力占比, value: 30, unit: '%'" in r.out
    assert "{metric: 改造农村危房, value: 1.2, unit: 万户, year: 2024" in r.out


figures = drafted_figures


def test_a_count_of_batches_or_named_parts_in_words_is_a_figure():
    """`接续推出四批政策清单` (2024), `提速五大清洁能源基地建设` (2024), `济宁4大机器人产业基地`
    (2026): the count, 批 or 个, the noun it counts without the verb after it. `一批`, `一大批`
    (some), `二十大` (a congress), `“三个十大”`, `全国十大…` (a title) and `三大球` (a game) are none."""
    assert figures("面对复杂形势，我们接续推出四批政策清单等一揽子措施。", 2023) == [
        ("政策清单", 4, "批", 2023)
    ]
    assert figures("提速五大清洁能源基地建设。", 2024, result=False) == [("清洁能源基地", 5, "个", 2025)]
    got = figures("培育壮大济南、青岛、淄博、济宁4大机器人产业基地。", 2025, result=False)
    assert got == [("机器人产业基地", 4, "个", 2026)]
    none = (
        "深入推进“三个十大”行动，全面贯彻党的二十大精神，打造一批数字街区，带动一大批新技术，"
        "址群入选全国十大考古新发现。"
    )
    assert figures(none) == []


def test_a_count_without_its_unit_written_says_so_and_validates():
    """`五大清洁能源基地` is 5 个: the quote has no 个, so the target notes it (validate asks for it)."""
    from sdtargets.drafting.quantities import draft_targets
    from sdtargets.kb.checks import check_targets

    text = "提速五大清洁能源基地建设。"
    (t,), _ = draft_targets(text, (2024, 2024))
    assert t["note"].startswith("原文未写单位")
    assert list(check_targets({"id": "x.1", "text": text, "targets": [t]})) == []


def test_medals_are_a_figure_for_each_colour():
    """The 2025 report: `在巴黎奥运会、残奥会上勇夺8金9银6铜，在首届全国青少年三大球比赛中获得4金2银`."""
    got = figures(
        "我省体育健儿在巴黎奥运会、残奥会上勇夺8金9银6铜，在首届全国青少年三大球比赛中获得4金2银好成绩。"
    )
    assert got == [
        ("巴黎奥运会、残奥会金牌", 8, "金", 2024),
        ("巴黎奥运会、残奥会银牌", 9, "银", 2024),
        ("巴黎奥运会、残奥会铜牌", 6, "铜", 2024),
        ("首届全国青少年三大球比赛金牌", 4, "金", 2024),
        ("首届全国青少年三大球比赛银牌", 2, "银", 2024),
    ]


def test_a_list_joined_by_dunhao_keeps_ji_inside_its_member():
    """The 2024 report: `蔬菜及食用菌、水产品产量分别突破9000万吨和900万吨`: two figures, not three
    names for two numbers (`及` before the last `、` joins words inside a member)."""
    got = figures("蔬菜及食用菌、水产品产量分别突破9000万吨和900万吨。", 2023)
    assert got == [("蔬菜及食用菌产量", 9000, "万吨", 2023), ("水产品产量", 900, "万吨", 2023)]
    # `和` in the last member still cuts: `A、B和C`
    got = figures("新能源汽车、智能家电和智能手机限上零售额分别增长8.7%、31.5%和32.3%。", 2024)
    assert [m for m, *_ in got] == [
        "新能源汽车限上零售额增长",
        "智能家电限上零售额增长",
        "智能手机限上零售额增长",
    ]


def test_town_and_country_written_as_one_name_are_two_figures():
    """`城乡低保平均标准分别提高5%、6.7%` (2024), `城乡低保标准分别增长7%和9%` (2025): the town's and
    the country's (城市 for 低保, 城镇 for residents, as the statistics write them)."""
    got = figures("城乡低保平均标准分别提高5%、6.7%。", 2023)
    assert got == [("城市低保平均标准提高", 5, "%", 2023), ("农村低保平均标准提高", 6.7, "%", 2023)]
    got = figures("城乡居民人均可支配收入分别增长4.8%和6.2%。", 2024)
    assert [m for m, *_ in got] == ["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
    # fyp14's review: the base year between the name and 分别
    got = figures("城乡低保平均标准比2015年末分别增长55%、98%。", 2020)
    assert [m for m, *_ in got] == ["城市低保平均标准增长", "农村低保平均标准增长"]
    # one figure is the whole's
    assert figures("城乡居民人均可支配收入增长5.6%。")[0][0] == "城乡居民人均可支配收入增长"


def test_short_forms_and_word_order_take_the_vocabulary_name():
    """`规上` is 规模以上 (`规上制造业增加值增长7.8%`), `新增` after what is added is written before it
    (`新能源和可再生能源装机新增2000万千瓦`), a rise in per cent written 提高 is the vocabulary's 增长;
    a road's or railway's 运营里程 is the statistics' 通车里程 (`高铁运营里程达到2810公里`)."""
    from sdtargets.drafting.words import statistics_name

    v = Vocabulary(
        [
            {"name": "规模以上制造业增加值增长", "unit": "%", "family": "percent"},
            {"name": "新增新能源和可再生能源发电装机", "unit": "万千瓦", "family": "power"},
            {"name": "城市低保平均标准增长", "unit": "%", "family": "percent"},
        ]
    )
    assert v.name("规上制造业增加值增长", "%") == "规模以上制造业增加值增长"
    assert v.name("新能源和可再生能源装机新增", "万千瓦") == "新增新能源和可再生能源发电装机"
    assert v.name("城市低保标准提高", "%") == "城市低保平均标准增长"
    assert v.name("城市低保标准提高", "个百分点") == "城市低保标准提高"  # points are no growth rate
    assert statistics_name("高铁运营里程") == "高速铁路通车里程"
    assert statistics_name("高速公路运营里程全国位次") == "高速公路通车里程全国位次"


def test_a_count_of_things_that_did_something_is_a_figure_of_its_own():
    """The 2026 report: `211个涉海重点项目完成投资超800亿元`, `3920个新投产项目增加产值5100多亿元`:
    the count is a figure (涉海重点项目 211 个), and so is what they did; a threshold before the
    noun (`实施投资500万元以上技改项目1.2万个左右`) stays no figure."""
    got = figures("实施打造现代海洋经济发展高地行动，211个涉海重点项目完成投资超800亿元。")
    assert got[0] == ("涉海重点项目", 211, "个", 2024)
    assert [v for _, v, *_ in got] == [211, 800]
    got = figures("省市县重点项目完成投资2.8万亿元，3920个新投产项目增加产值5100多亿元。")
    assert ("新投产项目", 3920, "个", 2024) in got
    assert 5100 in [v for _, v, *_ in got]
    assert [v for _, v, *_ in figures("实施投资500万元以上技改项目1.2万个左右。", result=False)] == [1.2]


def test_a_change_over_years_written_with_its_subject_carries_its_span():
    """The 2026 report: `内河港口吞吐量5年增长1.6倍` → 内河港口吞吐量增长, span 2021–2025 (the five
    years ending in the year reviewed); `PM2.5浓度改善5.1%` (2025) is a fall of the concentration."""
    from sdtargets.drafting.quantities import draft_targets
    from sdtargets.drafting.words import statistics_name

    (t,), _ = draft_targets("内河港口吞吐量5年增长1.6倍。", (2026, 2026), 2025, result=True)
    assert (t["metric"], t["value"], t["unit"], t["year"], t["span"]) == (
        "内河港口吞吐量增长",
        1.6,
        "倍",
        2025,
        [2021, 2025],
    )
    assert statistics_name("PM2.5浓度改善") == "PM2.5浓度下降"


def test_this_year_is_the_year_the_text_is_written_for():
    """The 2025 report's work for the year: `…到2035年及中长期“三张图”。今年力争交通、水利分别完成投资
    2500亿元、800亿元。`: 今年 is 2025 (the heading's year), not the deadline of the sentence before."""
    from sdtargets.drafting.quantities import draft_targets

    text = (
        "绘制好2025年、“十五五”时期、到2035年及中长期“三张图”。"
        "今年力争交通、水利分别完成投资2500亿元、800亿元。"
    )
    targets, _ = draft_targets(text, (2025, 2025), 2025)
    assert [(t["metric"], t["value"], t["year"]) for t in targets] == [
        ("交通投资", 2500, 2025),
        ("水利投资", 800, 2025),
    ]
    # without 今年, the deadline written before still governs
    targets, _ = draft_targets("到2035年建成交通强省。力争完成投资2500亿元。", (2025, 2025), 2025)
    assert targets[0]["year"] == 2035


def test_projects_counted_by_how_far_they_are_take_the_field_their_sentence_opens_with():
    """The 2025 report: `高速公路，开工长深高速改扩建等2个项目，提速高青至商河等34个续建项目` and
    `内河航道，提速新万福河复航二期等6个在建项目`: 续建高速公路项目, 在建内河航道项目; without a
    field the projects stay as written."""
    got = figures("高速公路，开工长深高速改扩建等2个项目，提速高青至商河等34个续建项目。", 2025, result=False)
    assert [m for m, *_ in got] == ["高速公路项目", "续建高速公路项目"]
    got = figures("内河航道，提速新万福河复航二期等6个在建项目。", 2025, result=False)
    assert got[0][0] == "在建内河航道项目"
    got = figures("公路方面，新开工晏城至表白寺等2个项目，提速庆云至章丘等23个续建项目。", 2025, result=False)
    assert [m for m, *_ in got] == ["公路项目", "续建公路项目"]
    assert figures("抓好泰安至东平等34个在建项目。", 2023, result=False)[0][0] == "在建项目"


def test_a_relative_name_takes_the_vocabularys_name_without_de():
    """`13部作品获全国“五个一工程”奖` (2026) is drafted 获全国“五个一工程”奖的作品; the vocabulary writes
    获全国“五个一工程”奖作品, and 获 for `获得` (`35项成果获得国家科学技术奖`, 2025)."""
    v = Vocabulary(
        [
            {"name": "获全国“五个一工程”奖作品", "unit": "部", "family": "count"},
            {"name": "获国家科学技术奖成果", "unit": "项", "family": "count"},
        ]
    )
    assert v.name("获全国“五个一工程”奖的作品", "部") == "获全国“五个一工程”奖作品"
    assert v.name("获得国家科学技术奖的成果", "项") == "获国家科学技术奖成果"
    assert v.name("获得省级奖励的成果", "项") == "获得省级奖励的成果"  # not in the vocabulary: as drafted


def test_a_share_after_a_growth_is_the_share_of_what_grew():
    """The 2024 report: `“四新”经济投资增长11.1%、占比超过57%`: the second figure is “四新”经济投资占比,
    not a second growth; a change of a share after it stays the share's change."""
    got = figures("“四新”经济投资增长11.1%、占比超过57%。", 2023)
    assert [m for m, *_ in got] == ["“四新”经济投资增长", "“四新”经济投资占比"]
    got = figures("数字经济占比超过50%、提升9个百分点。", 2025)
    assert [m for m, *_ in got] == ["数字经济占比", "数字经济占比提高"]


def test_work_written_before_its_object_takes_the_vocabularys_object_first_name():
    """2026: `康复救助残疾儿童4万人以上`; the vocabulary (a task list's `为4万名残疾儿童提供康复救助服务`)
    writes 残疾儿童康复救助. Only a name the vocabulary holds exactly is taken."""
    v = Vocabulary([{"name": "残疾儿童康复救助", "unit": "万人", "family": "count"}])
    assert v.name("康复救助残疾儿童", "万人") == "残疾儿童康复救助"
    assert v.name("康复救助儿童", "万人") == "康复救助儿童"  # no name swapped as written
    assert v.name("康复救助残疾儿童", "%") == "康复救助残疾儿童"  # a share is another measure


def test_gdp_written_as_the_statistics_write_it_and_a_forecast_is_no_part_of_a_name():
    """2024: `预计数字经济占生产总值比重提高至47%`: 预计 says the figure is a forecast, not what it
    measures; 生产总值 is the vocabulary's GDP (数字经济总量占GDP比重, with 总量 left out)."""
    from sdtargets.drafting.quantities import draft_targets

    targets, _ = draft_targets("预计数字经济占生产总值比重提高至47%。", (2024, 2024), 2023, result=True)
    assert targets[0]["metric"] == "数字经济占生产总值比重"
    v = Vocabulary([{"name": "数字经济总量占GDP比重", "unit": "%", "family": "percent"}])
    assert v.name("数字经济占生产总值比重", "%") == "数字经济总量占GDP比重"
    assert v.name("数字经济占生产总值比重", "亿元") == "数字经济占生产总值比重"  # money is another measure


def test_a_rise_written_tisheng_is_named_tigao_only_for_a_change():
    """`提升` is the vocabulary's `提高` for a change in per cent or points; 2024's
    `实施沂河、徒骇河等11条骨干河道防洪提升` counts rivers (条), a work, not a change."""
    from sdtargets.drafting.words import statistics_name

    assert statistics_name("常住人口城镇化率提升", "个百分点") == "常住人口城镇化率提高"
    assert statistics_name("常住人口城镇化率提升") == "常住人口城镇化率提高"
    assert statistics_name("骨干河道防洪提升", "条") == "骨干河道防洪提升"
