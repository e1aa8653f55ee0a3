"""Folding is the one definition of "the same spelling" (`text/fold.py`); its fast paths give
exactly what the plain definitions give: NFKC, then traditional characters to simplified."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sdtargets.text.fold import nfkc, search_fold, t2s_table

#: Ideographs around what NFKC changes or composes: full-width forms, compatibility characters
#: (㎡ ﬁ ①, a compatibility ideograph 﨑), combining marks after a letter and after an ideograph,
#: Hangul jamo that compose, the ideographic space.
MIXED = "数字經濟５Ｇ5gＡ，。、㎡ﬁ①﨑e\u0301\u0327\u0301中\u0301\u1100\u1161\u3000 Σ"


def test_nfkc_equals_unicodedata_on_every_text_of_the_base(kb):
    texts = [t for item in kb.items for t in (item["text"], item["title"], *item["section"])]
    assert [nfkc(t) for t in texts] == [unicodedata.normalize("NFKC", t) for t in texts]


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(MIXED), max_size=40))
def test_nfkc_equals_unicodedata_on_mixtures(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_a_text_with_no_traditional_character_folds_as_translate_folds_it():
    table = t2s_table()
    plain = dict(table)  # a query's table: no fast path
    for text in ("數字經濟５Ｇ", "数字经济5G", "發展 新能源", "", "ＡＢＣ", "﨑"):
        assert search_fold(text, table) == search_fold(text, plain)
    assert search_fold("數字經濟５Ｇ", table) == "数字经济5g"
