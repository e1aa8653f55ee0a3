"""What people mean: ranking among exact hits, typos, traditional characters, English, and why
each row matched — on the issue's real queries, with the exact answers expected."""

from __future__ import annotations

import pytest
from conftest import reviewed

from sdtargets.store.search import search


def top(conn, query: str, n: int = 3) -> list[str]:
    return [h.item_id for h in search(conn, query)][:n]


def title_before_text(hits) -> bool:
    """Every hit whose title (its first sentence's first clause) names the words ranks above every
    hit that names them only in its body text: the title weighs three times the body
    (docs/search.md), so an item about the subject comes before one that mentions it."""
    titles = [n for n, h in enumerate(hits) if h.field == "title"]
    texts = [n for n, h in enumerate(hits) if h.field == "text" and h.how != "fuzzy"]
    return bool(titles) and bool(texts) and max(titles) < min(texts)


# ---- ranking


def test_yellow_river_tasks_under_the_yellow_river_strategy_come_first(conn):
    """The first five are about the river: the four tasks under 深入实施黄河重大国家战略
    (沿黄生态廊道, green2023.54, matched by its heading alone) and the 2025 report on the strategy
    (gwr2026.r20: 黄河国家战略深化落实。黄河干流山东段保持Ⅱ类水质…). A result that names the
    river in passing, in the fifth clause of its first sentence (gwr2026.r43: …黄河口“鸟浪”奇观
    成为观景新潮), comes after them: only a first sentence's first clause weighs as a title."""
    hits = top(conn, "黄河", 60)
    about = ["green2023.57", "green2023.56", "green2023.55", "green2023.54", "gwr2026.r20"]
    # the 2024 and 2025 reports' items about the river are as much an answer and rank among them
    # (gwr2025.7.2 突出抓好黄河大保护, gwr2024.r14 黄河战略深入实施, gwr2025.r14 黄河口国家公园…,
    # gwr2024.8.1 …黄河流域生态保护和高质量发展先行区): so the five are among the first ten, not
    # the first five
    assert set(about) <= set(hits[:10])
    # the passing mentions come after every one of them
    assert hits.index("gwr2026.r43") > max(map(hits.index, about))
    assert hits.index("fyp14.goal2") > max(map(hits.index, about))  # 黄河流域 in a third clause


def test_the_ai_items_come_first_for_artificial_intelligence(conn):
    """The three items whose heading is artificial intelligence lead: mfg2023's task
    (大力发展人工智能技术), chain2024's research direction (人工智能与大数据) and the 2025 report
    (人工智能产业突破发展，骨干龙头企业超1100家); the tasks that name it within a broader subject
    follow in their order before the new documents came (前沿产业, 数字科技创新平台, 数字产业化)."""
    hits = reviewed(top(conn, "人工智能", 60))  # a new plan about AI may rank among them
    assert set(hits[:3]) == {"mfg2023.5", "chain2024.3.4", "gwr2026.r39"}
    # the tasks that name it within a broader subject (前沿产业, 数字科技创新平台, 数字产业化) are
    # hits, after the three: their order among themselves is the length of their texts, no reason
    broader = ("act2024-ict.3", "act2024-digital.17", "fyp14.c17p1")
    assert min(map(hits.index, broader)) > 2
    assert title_before_text(search(conn, "人工智能"))


def test_a_term_in_the_title_ranks_first_for_grain(conn):
    """The three items whose title names grain come first: the 2024 tasks 推动粮食产能提档升级 and
    抓好粮食收储和应急保障, and the Five-Year Plan's indicator 粮食综合生产能力 (5500万吨). The 2023
    result headed 粮食和重要农产品生产能力不断提高 (gwr2024.r18) is as much an answer and may rank
    among them; the items that name grain only in their text (高标准农田, 齐鲁粮仓) come after."""
    hits = search(conn, "粮食")
    titled = {"act2024-risk.4", "act2024-risk.5", "fyp14.ind20"}
    assert titled <= set(top(conn, "粮食", 4)) <= titled | {"gwr2024.r18"}
    assert title_before_text(hits)


def test_scores_are_ordered_and_ties_keep_source_order(conn):
    hits = search(conn, "5G")
    seq = dict(conn.execute("select id, seq from items"))
    keys = [(-h.score, seq[h.item_id]) for h in hits]
    assert keys == sorted(keys)
    assert all(60 <= h.score < 100 and h.how == "phrase" for h in hits)


def test_items_naming_the_term_only_as_an_agency_score_at_the_bottom_of_the_band(cli):
    """山东黄河河务局 is named only in the tasks' agency clauses: those are hits (every word
    occurs), with no relevance, and say that they matched an agency."""
    got = cli("find", "河务局", "--json", "--fields", "id,score,match_field").json
    assert got == [{"id": f"green2023.{n}", "score": 60.0, "match_field": "agency"} for n in (55, 56, 57)]


def test_two_words_standing_together_rank_as_a_phrase(conn):
    """act2024-newenergy.1 is the one item where 核电装机 stands as written (…核电装机容量达到…):
    it is the phrase hit and comes first. The others have both words apart (green2023.28 积极安全
    有序发展核电: …核电在运在建装机达到820万千瓦) and rank below it, however their titles read."""
    hits = search(conn, "核电 装机")
    assert [h.item_id for h in hits if h.how == "phrase"] == ["act2024-newenergy.1"]
    assert hits[0].item_id == "act2024-newenergy.1"
    assert {h.how for h in hits[1:]} == {"terms"}


# ---- typos


@pytest.mark.parametrize(
    ("query", "fixed", "first"),
    [
        ("新能原汽车", "新能源汽车", "act2024-equipment.9"),  # 培育壮大新能源汽车产业 (2024)
        ("人工只能", "人工智能", "mfg2023.5"),  # 大力发展人工智能技术
        ("碳打峰", "碳达峰", "gwr2026.7.2"),  # 稳步推进碳达峰 (2026)
        # among the first: the 2024 report's gwr2024.1.2d lists the same 未来产业 (…量子科技、人形
        # 机器人、深海空天等领域) and is as much an answer
        ("人型机器人", "人形机器人", "act2024-ecosystem.3"),
    ],
)
def test_a_typo_shows_the_corrected_word_and_its_items(cli, conn, query, fixed, first):
    """The corrected word's items, in the corrected word's order, in the typo band."""
    result = cli("find", query, "--json")
    assert result.code == 0, result
    assert result.err == f"no exact match for {query}; showing {fixed}\n"
    assert first in [i["id"] for i in result.json[:2]]  # among the first two (a new report may tie)
    assert result.json[0]["match"] == "typo" and 30 <= result.json[0]["score"] < 60
    typo = [i["id"] for i in result.json if i["match"] == "typo"]
    assert typo == [h.item_id for h in search(conn, fixed) if h.how != "fuzzy"]


def test_a_word_that_exists_is_never_corrected(cli):
    result = cli("find", "碳达峰", "--json")
    assert result.err == ""
    assert {i["match"] for i in result.json} <= {"phrase", "fuzzy"}


def test_typo_hits_rank_above_fuzzy_ones_and_below_exact_ones(conn):
    hits = search(conn, "新能原汽车")
    tiers = [{"phrase": 0, "terms": 0, "typo": 1, "fuzzy": 2}[h.how] for h in hits]
    assert tiers == sorted(tiers)


# ---- traditional characters


@pytest.mark.parametrize(
    ("traditional", "simplified"), [("數字經濟", "数字经济"), ("氫能", "氢能"), ("黃河", "黄河")]
)
def test_traditional_characters_find_what_simplified_ones_do(conn, traditional, simplified):
    assert [(h.item_id, h.score) for h in search(conn, traditional)] == [
        (h.item_id, h.score) for h in search(conn, simplified)
    ]


def test_traditional_hydrogen_puts_the_items_headed_hydrogen_first(conn):
    """氫能 is 氢能: the two items headed by it (the 2024 task 创新示范发展氢能, chain2024's research
    direction 氢能) come first, in either order, before those that name it among other things."""
    assert set(top(conn, "氫能", 2)) == {"act2024-newenergy.5", "chain2024.3.13"}
    assert title_before_text(search(conn, "氫能"))


# ---- English


def test_english_term_says_which_chinese_terms_it_searched(cli):
    result = cli("find", "hydrogen", "--json")
    assert result.code == 0, result
    assert result.err == "searched 'hydrogen' as 氢能 or 氢\n"
    # the two items headed 氢能 (chain2024's research direction 氢能, the 2024 task 创新示范发展氢能),
    # then the items that name hydrogen among other technologies, as before chain2024 came
    got = [i["id"] for i in result.json]
    assert set(got[:2]) == {"chain2024.3.13", "act2024-newenergy.5"}
    # the Five-Year Plan's 氢能 among other technologies (fyp14.c7p3, fyp14.goal10) are hits, after
    # them; no other hit is headed by hydrogen
    assert {"fyp14.c7p3", "fyp14.goal10"} <= set(got[2:])
    assert [i["match_field"] for i in result.json[2:]].count("title") == 0


@pytest.mark.parametrize(
    ("query", "first", "also"),
    [
        ("energy storage", {"act2024-newenergy.4", "chain2024.3.11"}, set()),  # both headed 储能
        # the 2025 report's task headed 突出抓好黄河大保护, the 2024 report's 黄河战略深入实施 (2023)
        # and its 深化沿黄全面合作 (黄河保护法, 黄河下游防洪工程) are as much answers as green2023.57
        ("Yellow River", {"green2023.57"}, {"gwr2025.7.2", "gwr2024.r14", "gwr2024.8.1"}),
        # the 2025 count (5G基站增长4.3倍) and the 2024 target (5G基站 a metric); the 2024 count
        # (gwr2025.r18: 5G基站达到24.2万个) is as much an answer, and so is the digital plan's goal
        # (act2024-digital.goal: 5G基站 27万个 by 2025), which the direct answer cites and lifts
        ("5G base stations", {"gwr2026.r47", "act2024-ict.15"}, {"gwr2025.r18", "act2024-digital.goal"}),
        ("nuclear power", {"act2024-newenergy.1"}, set()),
    ],
)
def test_english_phrases_find_the_items_about_them(conn, query, first, also):
    """The items named come first, with only the named equally good answers among them."""
    got = set(reviewed(top(conn, query, 40))[: len(first) + len(also)])  # a new plan may rank too
    assert first <= got <= first | also


def test_elderly_care_finds_care_not_pensions(conn):
    """`elderly care` is the care words (养老服务, 养老机构, 养老床位, 医养结合…), not 养老 alone,
    which is pension too: the six tasks and results about elderly care come first, and the
    pension-insurance indicator (基本养老保险参保率) is not a hit."""
    hits = [h.item_id for h in search(conn, "elderly care")]
    care = {
        "gwr2026.9.7",  # 2026: 养老服务网络, 社区嵌入式养老服务机构, 医养结合机构
        "gwr2026.r30",  # 2025: 医养结合养老机构, 家庭养老床位
        "act2024-digital.14",
        "act2024-livelihood.17",
        "green2023.105",
        "green2023.106",
    }
    # the 2025 report's result and task about the same care (gwr2025.r25: 医养结合机构, 家庭养老
    # 床位; gwr2025.9.5: 三级养老服务网络, 社区嵌入式养老服务机构) are as much answers
    also = {"gwr2025.r25", "gwr2025.9.5"}
    assert care <= set(hits[:8]) <= care | also
    assert "fyp14.ind12" not in hits


def test_english_and_chinese_mix_in_one_query(conn):
    """`energy storage` is 储能 and 2025 is a word of its own: the hits name both, and the one
    headed by 储能 that names 2025 (多元化规模化发展储能: …到2025年…) comes first, before those
    naming 储能 only in a metric or the text."""
    hits = search(conn, "energy storage 2025")
    assert hits[0].item_id == "act2024-newenergy.4" and hits[0].field == "title"
    mine = set(reviewed([h.item_id for h in hits[1:]]))  # a new plan may head an item 储能 too
    assert [h.field for h in hits[1:] if h.item_id in mine].count("title") == 0
    rows = dict(conn.execute("select id, search from item_search"))
    assert all("储能" in rows[h.item_id] and "2025" in rows[h.item_id] for h in hits)


def test_english_agency_name_resolves_without_shandong_provincial(cli):
    result = cli("agency", "Department of Industry and Information Technology", "--json", "--fields", "id")
    assert result.code == 0, result
    assert result.json[0] == {"id": "green2023.3"}
    same = cli("agency", "省工业和信息化厅", "--json", "--fields", "id")
    assert result.json == same.json


def test_agency_header_gives_the_official_english_name(cli):
    result = cli("agency", "省发改委", "--limit", "1")
    # the header is part of the answer: on stdout
    assert "  in English: Shandong Provincial Development and Reform Commission\n" in result.out


def test_the_new_agencies_resolve_by_their_english_names(conn):
    """省委科技委员会 by its official name; the collective 各市工业和信息化局 by the words that say
    what it names (it has no official name: it is the cities' bureaus, not one body)."""
    from sdtargets.store.agencies import resolve

    official = "Science and Technology Commission of the CPC Shandong Provincial Committee"
    assert resolve(conn, official).name == "省委科技委员会"
    collective = "industry and information technology bureaus of the cities"
    assert resolve(conn, collective).name == "各市工业和信息化局"


def test_national_abbreviation_is_not_silently_the_provincial_department(cli):
    result = cli("agency", "MIIT")
    assert result.code == 2
    assert result.err == (
        "sdtargets: MIIT is the national Ministry of Industry and Information Technology, not a"
        " Shandong agency; its provincial counterpart is 省工业和信息化厅 (Shandong Provincial"
        " Department of Industry and Information Technology): sdtargets agency 省工业和信息化厅.\n"
    )


def test_an_english_agency_abbreviation_of_the_provincial_body_resolves(conn):
    from sdtargets.store.agencies import resolve

    assert resolve(conn, "Shandong DRC").name == "省发展改革委"
    assert resolve(conn, "State Grid Shandong").name == "国网山东省电力公司"
    assert resolve(conn, "Health Comission").name == "省卫生健康委"  # a near spelling


# ---- why it matched


def test_an_item_matched_only_in_its_section_heading_shows_the_heading(cli):
    result = cli("find", "黄河", "--json", "--fields", "id,match_field")
    assert {"id": "green2023.54", "match_field": "section"} in result.json
    table = cli("find", "黄河", "--plan", "green2023")
    row = next(line for line in table.out.splitlines() if line.startswith("green2023.54"))
    assert "section: 五、深入实施黄河重大国家战略" in row


def test_match_field_names_title_metric_and_text(cli):
    got = {i["id"]: i["match_field"] for i in cli("find", "5G", "--json").json}
    assert got["fyp14.c16p0"] == "title"
    assert got["fyp14.r6"] == "metric"
    assert got["green2023.38"] == "text"


# ---- the glossary


def test_every_plan_and_agency_of_the_base_has_an_english_entry(kb):
    from sdtargets.kb.glossary import missing

    assert missing(kb) == []


def test_glossary_is_well_formed_and_its_chinese_terms_are_the_documents_words(kb, conn):
    from sdtargets.kb.glossary import check

    g = kb.glossary
    assert check(g) == []
    assert len(g["terms"]) >= 300
    assert {"gwr2026", "mfg2023", "chain2024"} <= set(g["plans"])  # documents on their way
    found = [zh for zhs in g["terms"].values() for zh in zhs if search(conn, zh, fuzzy=False)]
    total = sum(len(zhs) for zhs in g["terms"].values())
    assert len(found) / total >= 0.9, sorted(
        set(zh for zhs in g["terms"].values() for zh in zhs) - set(found)
    )


def test_national_counterparts_are_agencies_of_the_registry(kb):
    names = {a["name"] for a in kb.agencies}
    assert {e["provincial"] for e in kb.glossary["national"].values()} <= names


def test_the_query_path_does_not_import_opencc_yaml_or_typer():
    from test_reliability import imported_by

    heavy = {"opencc", "yaml", "typer", "sqlite_utils", "rich"}
    for args, code in (
        (["find", "數字經濟", "--json"], 0),
        (["find", "hydrogen", "--json"], 0),
        (["agency", "MIIT"], 2),  # the national ministry: a usage error naming the provincial body
    ):
        assert heavy & imported_by(*args, code=code) == set(), args


def test_plan_by_its_english_title(conn):
    from sdtargets.store.query import resolve_plan

    assert resolve_plan(conn, "New Energy Vehicle Industry") == ["news2024-nev"]
    assert resolve_plan(conn, "five-year plan") == ["fyp14"]


def test_an_english_word_the_base_lacks_is_left_out_and_never_names_an_internal_file(cli):
    """`quasar` is in no item and no glossary entry: alone, it finds nothing (exit 1, the one
    sentence); beside a word the base holds, it is left out, said on stderr without the
    internal path of the glossary (issue 20)."""
    result = cli("find", "quasar")
    assert (result.code, result.err[:27]) == (1, "sdtargets: No items match: ")
    assert "glossary.yaml" not in result.err
    result = cli("find", "quasar hydrogen", "--json", "--fields", "id")
    assert result.code == 0
    assert "left out 'quasar'" in result.err and "glossary.yaml" not in result.err
    assert [i["id"] for i in result.json] == [i["id"] for i in cli("find", "hydrogen", "--json").json]


def test_an_english_phrase_never_swallows_a_chinese_word(cli):
    result = cli("find", "氢", "hydrogen", "--json", "--fields", "id")
    assert result.err == "searched 'hydrogen' as 氢能 or 氢\n"
    assert [i["id"] for i in result.json] == [i["id"] for i in cli("find", "hydrogen", "--json").json]


def test_punctuation_is_never_corrected_as_a_typo(cli):
    assert cli("find", "***").err == "sdtargets: No items match.\n"


def test_a_malformed_glossary_is_refused_naming_the_entry(tmp_path):
    from test_load import kb_at

    from sdtargets.errors import SdError
    from sdtargets.kb.load import load

    folder = kb_at(tmp_path)
    (folder / "glossary.yaml").write_text(
        "terms:\n  hydrogen: 氢能\n  Hydrogen: [氢]\nagencies:\n  省工信厅: {abbr: [x]}\n", encoding="utf-8"
    )
    with pytest.raises(SdError) as err:
        load(folder)
    assert err.value.details == [
        "glossary.yaml: agencies.省工信厅: `en` (the official English name) is required",
        "glossary.yaml: terms.hydrogen: a list of Chinese terms is required",
        "glossary.yaml: terms.Hydrogen: the same term as 'hydrogen'",
    ]


def test_a_typo_is_corrected_among_the_bases_names_first_and_in_the_text_after(conn):
    """`新能原汽车` is one edit from a metric (新能源汽车产量) and is corrected from the names
    alone; `揭傍挂帅` is one edit from 揭榜挂帅, which stands only in items' texts (no title,
    heading or metric), and the whole-text scan still finds it."""
    from sdtargets.store.search import correct

    names = {w for (w,) in conn.execute("select word from typo_words where word like '%新能源汽车%'")}
    assert "新能源汽车产量" in names
    assert correct(conn, "新能原汽车") == "新能源汽车"
    assert correct(conn, "揭傍挂帅") == "揭榜挂帅"
