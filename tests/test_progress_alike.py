"""Same quantity or a look-alike (issue #18): a figure of the target's year that names the same
thing with another scope, span or measure, or adds it up with other parts, makes the target *not
comparable*; a look-alike of another year is nothing; a level comes from the level before a rise
plus the rise. Real items, statuses that stay true as documents are added."""

from __future__ import annotations

import pytest
from conftest import progress_record

from sdtargets.kb.metrics import Vocabulary
from sdtargets.store.alike import Alike, core_of, member_of

one = progress_record


def aside(r: dict) -> dict[str, str]:
    """The figures set aside, by item and metric: their reason."""
    return {f"{e['item']} {e['metric']}": e["reason"] for e in r["evidence"] if e["use"] == "not_comparable"}


# ---------------------------------------------------------------------------------------------
# What a name counts, and its qualifiers


@pytest.mark.parametrize(
    ("name", "core", "scope", "measure"),
    [
        ("城镇居民人均可支配收入增长", "居民人均可支配收入", {"urban"}, {"a growth"}),
        ("沿黄九市粮食产量", "粮食产量", {"the Yellow River cities"}, set()),
        ("省级以上制造业单项冠军企业", "制造业单项冠军企业", {"province or higher"}, set()),
        ("新增省级以上制造业单项冠军企业", "制造业单项冠军企业", {"province or higher"}, {"an increment"}),
        ("国家制造业单项冠军企业", "制造业单项冠军企业", {"national"}, set()),  # 国家 is 国家级
        ("5G基站增长", "5G基站", set(), {"a growth"}),
        ("一般公共预算收入五年合计", "一般公共预算收入", set(), {"a five-year total"}),
        ("光伏装机全国位次", "光伏装机", set(), {"a national rank"}),
        ("全省粮食产量", "粮食产量", set(), set()),  # the province is no other scope
        ("增长", "增长", set(), set()),  # nothing but a qualifier: kept
    ],
)
def test_a_name_is_what_it_counts_and_its_qualifiers(name, core, scope, measure):
    assert core_of(name)[:3] == (core, frozenset(scope), frozenset(measure))


def test_a_part_of_a_sum_is_its_listed_head_and_the_sums_tail():
    assert member_of("交通投资", "交通、能源、水利完成投资")
    assert member_of("水利投资", "交通、能源、水利完成投资")
    assert not member_of("铁路投资", "交通、能源、水利完成投资")
    assert not member_of("交通投资", "交通投资")


def test_one_scope_in_two_words_is_no_look_alike():
    """国家级 and 国家 name one scope, and 全省 none: two names alike but for such words are for
    the vocabulary to pair (an alias), not for a rule to set apart; 省级 against 国家 is."""
    names = ["国家级智能工厂", "国家智能工厂", "省级智能工厂", "全省智能工厂", "智能工厂"]
    vocab = Vocabulary([{"name": n} for n in names])
    figs = {n: [{"metric": n, "year": 2024}] for n in names[1:]}
    found = {f["metric"]: why for f, why in Alike(figs, vocab).of("国家级智能工厂", 2024, set())}
    assert set(found) == {"省级智能工厂", "全省智能工厂", "智能工厂"}
    assert found["省级智能工厂"].endswith("by another scope (省级/国家级)")
    plain = {f["metric"] for f, _ in Alike(figs, vocab).of("智能工厂", 2024, set())}
    assert plain == {"国家智能工厂", "省级智能工厂"}  # not 全省智能工厂: the province is no other scope


# ---------------------------------------------------------------------------------------------
# Answered with something else: not comparable


@pytest.mark.parametrize(
    ("item", "metric", "year", "figure", "reason"),
    [
        # scope: the nine Yellow River cities against the whole province's 粮食总产1131亿斤
        (
            "green2023.59",
            "沿黄九市粮食产量",
            2023,
            "gwr2024.r18 粮食产量",
            "a look-alike: 粮食产量 differs from 沿黄九市粮食产量 by another scope (沿黄九市)",
        ),
        # scope: provincial-or-higher champions against 国家制造业单项冠军达到274家
        (
            "act2024-ecosystem.8",
            "省级以上制造业单项冠军企业",
            2025,
            "gwr2026.r37 国家级制造业单项冠军企业",
            "a look-alike: 国家级制造业单项冠军企业 differs from 省级以上制造业单项冠军企业 by "
            "another scope (国家级/省级以上)",
        ),
        # measure: a growth multiple (5G基站增长4.3倍) against a level of 27万个
        (
            "act2024-digital.goal",
            "5G基站",
            2025,
            "gwr2026.r47 5G基站增长",
            "a look-alike: 5G基站增长 differs from 5G基站 by another measure (增长)",
        ),
        # span: 5年增长18.7% against one year's 3 %
        (
            "gwr2025.goal2",
            "一般公共预算收入增长",
            2025,
            "gwr2026.r36 一般公共预算收入增长",
            "a total over 2021-2025 against one year's figure",
        ),
        # a sum: 交通、能源、水利完成投资5400多亿元 against transport's 2500亿元
        (
            "gwr2025.1.4",
            "交通投资",
            2025,
            "gwr2026.r6 交通、能源、水利完成投资",
            "a sum: 交通、能源、水利完成投资 adds 交通投资 up with other parts",
        ),
        # curated: urban and rural income growth against all residents'
        (
            "gwr2024.goal2",
            "居民人均可支配收入增长",
            2024,
            "gwr2025.r22 城镇居民人均可支配收入增长",
            None,
        ),
    ],
)
def test_a_year_answered_with_another_quantity_is_not_comparable(cli, item, metric, year, figure, reason):
    r = one(cli, item, metric, year)
    assert r["status"] == "not_comparable" and r["result"] is None and r["gap"] is None
    got = aside(r)
    assert figure in got
    if reason:
        assert got[figure] == reason


def test_a_look_alike_of_another_year_is_nothing(cli):
    """2024's budget revenue: the 2025 report gives none, the five-year 18.7 % is 2025's; 2023's
    5.1 % of the same quantity is context. No report, not not comparable."""
    r = one(cli, "gwr2024.goal2", "一般公共预算收入增长", 2024)
    assert r["status"] == "no_report"
    assert (r["last"]["item"], r["last"]["value"], r["last"]["year"]) == ("gwr2024.r4", 5.1, 2023)


def test_a_name_differing_in_scope_and_measure_is_no_look_alike(cli):
    """新增省级工业互联网平台 (2023) against 国家级工业互联网平台总量全国位次: another level and another
    measure at once is another quantity, not shown as its look-alike."""
    r = one(cli, "green2023.16", "新增省级工业互联网平台", 2023)
    assert r["status"] == "no_report"
    assert not any("工业互联网平台" in k for k in aside(r))


def test_the_table_says_why_a_look_alike_is_set_aside(cli):
    res = cli("progress", "--plan", "green2023", "--status", "not_comparable")
    assert res.code == 0
    assert "沿黄九市粮食产量" in res.out and "look-alike" in res.out


# ---------------------------------------------------------------------------------------------
# A level from the level before a rise and the rise


def test_a_level_is_the_level_before_a_rise_plus_the_rise(cli):
    """高等教育毛入学率提高到60%以上 (2025): 56.75 % (2020) + 提升6.2个百分点 over 2021-2025 =
    62.95 %, met, both figures cited."""
    r = one(cli, "fyp14.c8p1", "高等教育毛入学率", 2025)
    assert (r["status"], r["result"]["value"], r["result"]["unit"]) == ("met", 62.95, "%")
    d = r["result"]["derived"]
    assert d["arithmetic"] == "56.75% (2020, fyp14.r7) + 6.2个百分点 (2025, gwr2026.r51) = 62.95%"
    assert [f["item"] for f in d["from"]] == ["fyp14.r7", "gwr2026.r51"]
    assert "span" not in r["result"]  # the level of one year, not a change over five


def test_a_yearly_average_from_the_growth_over_its_span(cli):
    """fyp14.ind8's 十四五年均 >5.5 % against the 2026 report's 居民人均可支配收入增长34.3% over
    2021-2025: (1 + 34.3 %)^(1/5) - 1 = 6.08 % a year, met, the total cited; 2023's one-year
    6.2 % stays set aside."""
    r = one(cli, "fyp14.ind8", "居民人均可支配收入增长", 2025)
    assert (r["status"], r["result"]["value"], r["gap"]) == ("met", 6.08, 0.58)
    d = r["result"]["derived"]
    assert d["arithmetic"] == "(1 + 34.3% (2021-2025, gwr2026.r50))^(1/5) - 1 = 6.08% a year"
    assert [f["item"] for f in d["from"]] == ["gwr2026.r50"]
    assert r["result"]["average"] is True and r["result"]["span"] == [2021, 2025]
    assert "gwr2024.r4 居民人均可支配收入增长" in aside(r)


def test_no_level_from_two_approximations(cli):
    """规模以上高新技术产业产值占…比重2024年达到52%: 2023's 51%左右 plus 2024's 提高1.5个百分点左右 is
    about 52.5 %, no figure to judge half a point by: the rise is shown, not turned into a level."""
    r = one(cli, "act2024-rd.goal", "高新技术产业产值占规模以上工业总产值比重", 2024)
    assert r["status"] == "not_comparable" and r["result"] is None
    assert "gwr2025.r10 高新技术产业产值占规模以上工业总产值比重提高" in aside(r)


# ---------------------------------------------------------------------------------------------
# Pairs decided by reading the texts


@pytest.mark.parametrize(
    ("wording", "canonical"),
    [
        ("续建高速公路项目", "在建高速公路"),  # 在建 and 续建: the projects carried on, beside new starts
        ("新增省级乡村振兴示范片区", "新增省级乡村振兴片区"),  # the provincial tier of the 片区
        ("企业牵头项目数占比", "重大攻关项目企业牵头比例"),  # the share of the major S&T projects
    ],
)
def test_one_quantity_in_two_wordings(kb, wording, canonical):
    assert kb.vocabulary.name(wording) == canonical


def test_held_and_jointly_held_events_stay_two_quantities(kb):
    """省市举办促消费活动近800场 (2023) counts every event the province and cities held; 省市联办
    600余场 (2024) those they held jointly: a fall from 800 to 600 would be read into a series
    break."""
    v = kb.vocabulary
    assert v.name("省市举办促消费活动") != v.name("省市联办促消费活动")


def test_green2023s_share_is_met_and_the_wider_act2024_share_stays_set_aside(cli):
    r = one(cli, "green2023.6", "企业牵头项目数占比", 2023)
    assert (r["status"], r["result"]["item"], r["result"]["value"]) == ("met", "gwr2024.r7", 90)
    wide = one(cli, "act2024-rd.8", "重大攻关项目企业牵头比例", 2025)
    assert wide["status"] == "not_comparable"
    assert aside(wide)["gwr2026.r9 重大攻关项目企业牵头比例"].startswith("curated:")
