"""How a government work report states its figures, drafted as a reader would cite them: counts
written `1.8万余个`, units of reports (`天`, `列`, `岁`, `微克/立方米`), figures a verb of change
reaches (`降到`, `增至`). The sentences are the 2025 and 2026 reports' own."""

from __future__ import annotations

from conftest import drafted_figures

from sdtargets.drafting.quantities import draft_targets


def figures(text: str, year: int = 2025) -> list[tuple]:
    """The 2025 report's sentences unless ``year`` says otherwise."""
    return drafted_figures(text, year)


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
    assert ("中欧班列开行", 1.4, "万列", 2025) in figures("中欧班列累计开行超1.4万列。")
    assert figures("PM2.5浓度改善5.1%，优良天数增加22天。", 2024)[-1] == ("优良天数增加", 22, "天", 2024)


def ranks(text: str) -> list[tuple]:
    return [(m, v) for m, v, unit, _ in figures(text) if unit == "位"]


def test_a_rank_is_a_rank_with_or_without_its_verb():
    """`居全国首位`, `全国第一`, `全国前三`, `进入全国前三`, `名列第一`: each a rank of what it names,
    or of the figure just before it; `第一方阵` and `第三个` are no ranks."""
    assert ranks("高铁通车里程突破3000公里、全国第一。") == [("高铁通车里程全国位次", 1)]
    assert ranks("国控地表水优良率优于国家目标，近岸海域水体优良率全国前三。") == [
        ("近岸海域水体优良率全国位次", 3)
    ]
    assert ranks("召开省级新闻发布会185场，政务公开进入全国前三。") == [("政务公开全国位次", 3)]
    assert ranks("在全国困难群众基本生活救助工作绩效评价中名列第一。") == [
        ("困难群众基本生活救助工作绩效评价全国位次", 1)
    ]
    assert ranks("农产品出口连续26年全国第一。") == [("农产品出口全国位次", 1)]
    assert ranks("高速公路由7473公里增至9310公里、八车道里程全国第一。") == [("八车道里程全国位次", 1)]
    assert ranks("义务教育优质均衡县数量跃居全国第一。") == [("义务教育优质均衡县数量全国位次", 1)]
    # `规模` only points back at the figure before it
    assert ranks("实际使用外资118.1亿美元，规模居全国第五位。") == [("实际使用外资全国位次", 5)]
    assert ranks("营商环境整体水平居全国第一方阵。成为全国第三个过10万亿元省份。") == []


def test_a_reviews_short_sentence_without_figures_stays_with_the_piece_before_it():
    """The 2026 report's `…率先开展新能源机制电价竞价。碳排放权交易量、交易额均居全国首位。`: cut off
    the piece before it by a topic, it is no item of its own, but its ranks are not lost."""
    from sdtargets.drafting.draft import draft
    from sdtargets.drafting.sources import read_source
    from tests.conftest import ROOT

    lines = read_source(ROOT / "data/sources/sd2026_zhengfu_gongzuo_baogao.txt")
    d = draft(lines, "x")
    item = next(i for i in d.items if "碳排放权交易量、交易额均居全国首位" in i["text"])
    assert item["kind"] == "result"
    assert ("碳排放权交易量全国位次", 1, 2025) in [
        (t["metric"], t["value"], t["year"]) for t in item["targets"]
    ]


def test_a_list_sharing_one_unit_gives_each_name_its_figure_and_its_noun():
    """`分别` pairs the numbers with the names in order; the names share the noun the verb takes
    (`完成投资`), the noun after paired qualifiers (`城镇、农村居民…`), or one number for all
    (`分别增加2个`)."""
    got = figures("交通、能源、水利分别完成投资3252亿元、2140亿元、748亿元。", 2024)
    assert got == [
        ("交通投资", 3252, "亿元", 2024),
        ("能源投资", 2140, "亿元", 2024),
        ("水利投资", 748, "亿元", 2024),
    ]
    got = figures("城镇、农村居民人均可支配收入分别增长4.8%、6.2%。", 2024)
    assert [m for m, *_ in got] == ["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
    got = figures("国家现代农业产业园、优势特色产业集群、地理标志保护示范区分别增加2个。")
    assert [(m, v) for m, v, *_ in got] == [
        ("新增国家现代农业产业园", 2),
        ("新增优势特色产业集群", 2),
        ("新增地理标志保护示范区", 2),
    ]
    # a coming year's list, and a name that names its own noun: unchanged
    targets, _ = draft_targets("今年力争交通、水利分别完成投资2500亿元、800亿元。", (2025, 2025))
    assert [(t["metric"], t["value"], t["year"]) for t in targets] == [
        ("交通投资", 2500, 2025),
        ("水利投资", 800, 2025),
    ]
    got = figures("原油、天然气产量分别达到2100万吨和50亿立方米。")
    assert [m for m, *_ in got][0] != "原油气产量"


def test_a_count_names_the_noun_it_counts_not_what_that_did():
    """`148个行业大模型规模化应用` counts 行业大模型; a noun too general to stand alone keeps what it
    did (`3家单位获中国质量奖` → 获中国质量奖单位: winners and entrants are named without 的, as the
    base names them; `纳入…清单的成果` keeps it)."""
    got = figures("浪潮海若、卡奥斯天智、潍柴齐天等148个行业大模型规模化应用。")
    assert got == [("行业大模型", 148, "个", 2025)]
    assert figures("新增上市公司10家，35家村镇银行完成改革任务。")[-1][0] == "村镇银行"
    assert figures("自贸试验区3项创新成果在全国推广。")[0][0] == "创新成果"
    assert figures("3家单位获中国质量奖。")[0][0] == "获中国质量奖单位"
    assert figures("5名个人、1个团队荣获“国家工程师奖”。")[-1][0] == "获“国家工程师奖”团队"  # 2024
    assert figures("52家企业入围中国民营企业500强。")[0][0] == "入围中国民营企业500强企业"  # 2024
    assert figures("组织9800余家企业参加境内外展会。")[0][0] == "参加境内外展会企业"  # 2025
    assert figures("上合地方经贸合作大会青岛倡议发布，46项成果纳入轮值主席国成果清单。")[0][0] == (
        "纳入轮值主席国成果清单的成果"
    )


#: The layout of the 2026 report: the year reviewed, then `五年来，…` turning to the plan's years.
FIVE_YEARS = """# 标题：2026年山东省政府工作报告

一、2025年及“十四五”时期工作回顾

2025年是很不平凡的一年。规上工业增加值增长7.6%，高于全国1.7个百分点。

各位代表！2025年是“十四五”收官之年。五年来，我们牢记嘱托、感恩奋进，新征程上现代化强省建设实现良好开局。

——经济综合实力实现新跃升。全省地区生产总值年均增长5.9%、高于全国0.5个百分点。

——人民生活水平实现新跃升。每年实施20项重点民生实事，财政民生支出突破万亿元、占比稳定在80%左右，居民人均可支配收入增长34.3%。

二、2026年重点工作

今年主要预期目标是：地区生产总值增长5%以上。
"""


def test_a_multi_year_review_gives_its_figures_their_span():
    """`五年来，…` turns the review to 2021–2025: a change over those years carries the span, a
    `年均` its years, `每年…` a figure for each year; the year reviewed before it stays one year."""
    from sdtargets.drafting.draft import draft

    d = draft(FIVE_YEARS.splitlines(), "x")
    got = {(t["metric"], t["year"], tuple(t.get("span", ()))) for i in d.items for t in i.get("targets", [])}
    assert ("规模以上工业增加值增长", 2025, ()) in got
    assert ("地区生产总值增长", 2025, (2021, 2025)) in got  # 年均
    assert ("居民人均可支配收入增长", 2025, (2021, 2025)) in got
    assert {y for m, y, _ in got if m == "重点民生实事"} == {2021, 2022, 2023, 2024, 2025}
    assert ("地区生产总值增长", 2026, ()) in got  # the coming year's target is the report's year


def test_a_reports_figures_take_the_statistics_names_and_a_task_lists_keep_theirs():
    """A report cites the statistical communiqué's indicators in short forms (`规上工业增加值`,
    `高铁里程`, `研发投入`, `粮食总产`); its figures are named as the statistics name them, the quote
    keeps the words; other nouns (`规上服务业企业`) stay as written. A task list's indicators are its
    own and keep its words."""
    from sdtargets.drafting.draft import draft

    report = [
        "一、2024年工作回顾",
        "",
        "（一）产业升级成效显著。工业增势强劲，规上工业增加值增长8.3%，高于全国2.5个百分点。"
        "全社会研发投入增长9.4%。高铁通车里程突破3000公里、全国第一。粮食总产1142亿斤，再创历史新高。",
    ]
    got = {t["metric"]: t["quote"] for i in draft(report, "x").items for t in i.get("targets", [])}
    assert got["规模以上工业增加值增长"] == "规上工业增加值增长8.3%"
    assert {"规模以上工业增加值增速高于全国", "全社会研发经费投入增长", "高速铁路通车里程"} <= set(got)
    assert {"高速铁路通车里程全国位次", "粮食产量"} <= set(got)
    rate = ["一、2025年工作回顾", "", "高等教育毛入学率提升6.2个百分点。"]
    assert [t["metric"] for i in draft(rate, "x").items for t in i["targets"]] == ["高等教育毛入学率提高"]
    assert "净增规上服务业企业" in {
        t["metric"]
        for i in draft([*report[:2], "净增规上服务业企业3162家。"], "x").items
        for t in i.get("targets", [])
    }
    task = ["1.提升创新能力。龙头企业研发投入强度达到3.5%左右。（牵头单位：省科技厅）"]
    metrics = [t["metric"] for i in draft(task, "y", period=(2025, 2025)).items for t in i.get("targets", [])]
    assert metrics == ["龙头企业研发投入强度"]


def test_when_and_how_a_figure_was_counted_is_no_part_of_its_name():
    """`首次`, `累计`, `预计` say when or how (累计 stays in cmp), not what is counted."""
    assert figures("进出口达3.38万亿元、出口首次突破2万亿元。", 2024)[-1][:2] == ("出口", 2)
    targets, _ = draft_targets("中欧班列累计开行超1.4万列。", (2026, 2026), 2025, result=True)
    assert (targets[0]["metric"], targets[0]["cmp"]) == ("中欧班列开行", ["累计", "超"])


def test_figures_written_in_words_are_figures():
    """`破万亿`, `首次突破万亿元`, `超千亿元` in 亿元; `连续四年` in years; `实现翻番` twice the base,
    named by the figure before it when the clause names nothing else."""
    assert figures("全年接待游客超9亿人次，旅游收入破万亿。", 2024)[-1] == ("旅游收入", 10000, "亿元", 2024)
    assert ("财政民生支出", 10000, "亿元", 2024) in figures("财政民生支出首次突破万亿元、占比80%左右。", 2024)
    assert figures("带动汽车销售超千亿元。", 2024) == [("汽车销售", 1000, "亿元", 2024)]
    assert figures("耕地面积连续四年净增加，高标准农田达7759万亩。", 2024)[-1] == (
        "耕地面积连续净增加年数",
        4,
        "年",
        2024,
    )
    assert figures("发明专利授权量累计26.2万件、实现翻番。")[-1] == (
        "发明专利授权量为基期倍数",
        2,
        "倍",
        2025,
    )
    assert figures("铁路水路货运周转量实现翻番。") == [("铁路水路货运周转量为基期倍数", 2, "倍", 2025)]
    # a 千亿县 is a county of that size, not an amount; a plan's 翻番 is no result
    assert figures("千亿县超过30个。") == [("千亿县", 30, "个", 2025)]
    assert draft_targets("力争实现翻番。", (2025, 2027))[0] == []


def test_a_review_paragraph_turns_to_a_new_field_where_a_clause_judges_its_progress():
    """The 2025 report's `（一）产业升级…` paragraph reports industry, then the digital economy,
    services, trade: each field opens with a clause judging its progress, and a reader cites each
    apart; the clause right after the paragraph's topic sentence belongs to it."""
    from sdtargets.drafting.review import topic_clause_starts

    para = (
        "（一）产业升级成效显著。工业增势强劲，规上工业增加值增长8.3%。新增国家先进制造业集群3个。"
        "现代服务业加快发展，净增规上服务业企业3162家。社会消费品零售总额达3.79万亿元。"
        "外经外贸持续提升，进出口达3.38万亿元。"
    )
    cuts = topic_clause_starts(para)
    pieces = [para[a:b] for a, b in zip([0, *cuts], [*cuts, None], strict=True)]
    assert [p[:8] for p in pieces] == ["（一）产业升级成", "现代服务业加快发", "外经外贸持续提升"]
    para = "（三）绿色转型实现突破。能源绿色低碳转型示范区加快建设，新能源和可再生能源发电装机达1.15亿千瓦。"
    assert topic_clause_starts(para) == []


def test_a_provenance_line_front_matter_and_page_buttons_are_no_items():
    """The 2025 report opens with the sources' provenance line and a front matter, the 2026 report
    with a saved page's buttons: the first item is the review's first paragraph, under the review's
    heading, and no section names the provenance line."""
    from sdtargets.drafting.draft import draft
    from sdtargets.drafting.sources import read_source
    from tests.conftest import ROOT

    for name, first in (("sd2025", "过去一年，"), ("sd2026", "2025年是很不平凡的一年。")):
        d = draft(read_source(ROOT / f"data/sources/{name}_zhengfu_gongzuo_baogao.txt"), "x")
        assert d.items[0]["text"].startswith(first)
        assert not [i for i in d.items if any("标题：" in s for s in i["section"])]
        assert not [i for i in d.items if i["text"].startswith(("---", "下载"))]


def test_a_reports_figure_takes_the_vocabulary_name_it_shortens():
    """`改造老旧小区` is the vocabulary's 改造城镇老旧小区 with words left out (same unit family, one
    such name): the draft uses the base's name; a name shortening none, or several, stays."""
    from sdtargets.drafting.vocabulary import Vocabulary

    v = Vocabulary(
        [
            {"name": "改造城镇老旧小区", "unit": "万户", "family": "count"},
            {"name": "非化石能源发电装机", "unit": "亿千瓦", "family": "power"},
            {"name": "续建高速公路项目", "unit": "个", "family": "count"},
            {"name": "续建内河航道项目", "unit": "个", "family": "count"},
        ]
    )
    assert v.name("改造老旧小区", "万户") == "改造城镇老旧小区"
    assert v.name("非化石能源装机", "亿千瓦") == "非化石能源发电装机"
    assert v.name("改造老旧小区", "%") == "改造老旧小区"  # a share of them is another measure
    assert v.name("续建项目", "个") == "续建项目"  # two names it could shorten: left to the curator


def test_import_names_a_reports_figures_from_the_bases_vocabulary(cli, tmp_path):
    """`sdtargets import` drafts with the base's vocabulary: the 2026 report's `改造老旧小区13.7万户`
    is the base's 改造城镇老旧小区, its quote as written."""
    source = tmp_path / "r.txt"
    source.write_text(
        "一、2025年工作回顾\n\n住房方面，开工城中村改造安置住房14.1万套，改造老旧小区13.7万户，保交房任务全面完成。\n",
        encoding="utf-8",
    )
    r = cli("import", str(source), "--plan", "x")
    assert r.code == 0, r.err
    assert "{metric: 改造城镇老旧小区, value: 13.7, unit: 万户, year: 2025" in r.out
    assert "quote: 改造老旧小区13.7万户" in r.out


def test_a_measure_named_first_is_carried_to_the_products_that_follow():
    """`高新技术产品产量大幅增长，集成电路圆片增长19.2%…`: each product's growth is its output's."""
    got = figures(
        "高新技术产品产量大幅增长，集成电路圆片增长19.2%，锂电池增长103.1%，新能源汽车超过110万辆。"
    )
    assert [m for m, *_ in got] == ["集成电路圆片产量增长", "锂电池产量增长", "新能源汽车"]
    # a name that says its measure keeps it
    assert figures("工业生产较快增长，规上工业增加值增长7.6%。")[0][0] == "规上工业增加值增长"


def test_a_title_won_so_many_times_running_is_a_figure():
    """`命名实现“十一连冠”`, `勇夺全运会“五连冠”`: 11 and 5 连冠, named by who won what."""
    got = figures("双拥模范城（县）命名实现“十一连冠”、设区市“满堂红”。山东体育代表团勇夺全运会“五连冠”。")
    assert got == [
        ("双拥模范城（县）命名连冠次数", 11, "连冠", 2025),
        ("山东体育代表团全运会连冠次数", 5, "连冠", 2025),
    ]
