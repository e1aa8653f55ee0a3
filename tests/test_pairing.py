"""Which figures a target is weighed against (`sdtargets.store.pairing`): on the real base every
figure, so no verdict moves; on a base that repeats a figure (the 100x benchmark base), the
latest `MAX_PER_YEAR` of a metric's year, which settle a target as all of them would."""

from __future__ import annotations

import copy

from sdtargets.store import pairing
from sdtargets.store.progress import assess, candidates, figures


def test_no_figure_of_the_real_base_is_left_unweighed(kb):
    """The cap binds nowhere on the real base: each target meets the figures and links it met
    before the index (the links found by a scan of the vocabulary, as they were)."""
    figs = figures(kb.items, kb.vocabulary)
    vocab = kb.vocabulary
    assert all(pairing.weighed(figs, m) == figs[m] for m in list(figs))
    for item in kb.items:
        for t in item["targets"]:
            name = vocab.name(t["metric"])
            scanned = [
                lk
                for lk in vocab.links
                if vocab.name(lk["target"]["metric"]) == name
                and lk["target"].get("item", item["id"]) == item["id"]
            ]
            pairs = candidates(item, t, figs, vocab)
            assert [lk for _, lk in pairs if lk is not None] == [
                lk
                for lk in scanned
                for f in figs.get(vocab.name(lk["result"]["metric"]), [])
                if lk["result"].get("item", f["item"]) == f["item"]
            ]
            linked = {id(f) for f, lk in pairs if lk is not None}
            assert [f for f, lk in pairs if lk is None] == [
                f for f in figs.get(name, []) if id(f) not in linked
            ]


def copies(kb, metric: str, year: int, value: float, n: int) -> list[dict]:
    """``n`` copies of a real figure of ``metric``, for ``year``, each from another document."""
    real = next(f for f in figures(kb.items, kb.vocabulary)[metric])
    out = []
    for k in range(n):
        fig = copy.deepcopy(real)
        fig.update(item=f"copy.{k}", year=year, value=value, value_base=value)
        out.append(fig)
    return out


def test_a_repeated_figure_is_weighed_up_to_the_cap_the_latest_kept(kb, monkeypatch):
    item = next(i for i in kb.items if i["id"] == "act2024-ecosystem.1")
    t = next(t for t in item["targets"] if t["metric"] == "国家级智能工厂" and t["year"] == 2025)
    many = copies(kb, "国家级智能工厂", 2025, 55, pairing.MAX_PER_YEAR + 15)
    earlier = copies(kb, "国家级智能工厂", 2024, 40, 3)
    figs = {"国家级智能工厂": earlier + many}
    kept = pairing.weighed(figs, "国家级智能工厂")
    assert kept == earlier + many[-pairing.MAX_PER_YEAR :]  # base order; each year's latest
    capped = assess(item, t, figs, kb.vocabulary, 2025)
    monkeypatch.setattr(pairing, "MAX_PER_YEAR", 1000)
    every = assess(item, t, figs, kb.vocabulary, 2025)
    assert capped["status"] == every["status"] == "met"
    assert capped["result"] == every["result"] and capped["result"]["item"] == many[-1]["item"]
