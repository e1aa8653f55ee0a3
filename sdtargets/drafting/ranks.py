"""A result's ranks (`居全国第6位`, `全国前三`, `在全国…评价中名列第一`), drafted as figures named
`…全国位次` in 位: a reader cites a province's place as a figure like any other."""

from __future__ import annotations

import re

#: Names that say no measure of their own (`总量`, `占比`): the figure before them names it.
GENERIC = ("", "总量", "总数", "数量", "规模", "占比", "比重", "比例")

_RANK_RE = re.compile(
    r"(均|总数均|数量|总量)?(?:持续|继续|仍然|仍|保持)?(?:(?:跃|位|稳)?居|进入|名列)?全国"
    r"(?:第([一二三四五六七八九十\d]+)位?|(首)位|前([一二三四五六七八九十\d]+))(?![\u4e00-\u9fff])"
    r"|在全国([^，。；]{2,30}?)中名列第([一二三四五六七八九十\d]+)(?![\u4e00-\u9fff])"
)


def ranks(text: str, spots: list[tuple[int, dict]], year: int | None) -> list[dict]:
    """A result's ranks as targets (metric `…全国位次`, unit 位): of the names just before the
    rank (`区域创新能力居全国第6位`), else of the figure before it in its sentence, or of every
    figure of the sentence when they all rank so (`A12家、B4家，总数均居全国首位`)."""
    out = []
    for m in _RANK_RE.finditer(text):
        n = m.group(2) or m.group(4) or m.group(6)
        value = 1 if m.group(3) else int(n) if n.isdigit() else cn_value(n)
        if not value:
            continue
        clause_at = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:") + 1
        s0 = max(text.rfind(c, 0, m.start()) for c in "。；;！？") + 1
        # `农产品出口连续26年全国第一`: the years it has held the rank are not its name
        named = re.sub(r"连续[\d一二三四五六七八九十]+年$", "", text[clause_at : m.start()])
        if m.group(5):  # `在全国困难群众基本生活救助工作绩效评价中名列第一`: the ranking is named
            named = m.group(5)
        elif re.search(r"\d", named) and not re.search(r"\d", named.rsplit("、", 1)[-1]):
            # `高速公路由7473公里增至9310公里、八车道里程全国第一`: the name just before the rank
            named = named.rsplit("、", 1)[-1]
        if m.group(1) in ("数量", "总量") and named and not re.search(r"、|和|及", named):
            named += m.group(1)  # `义务教育优质均衡县数量跃居全国第一`: what ranks is the number
        names = [x for x in re.split(r"、|和|及", re.sub(r"^(?:其中|同时)", "", named)) if x]
        prior = [(at, t) for at, t in spots if s0 <= at < m.start()]
        if names and not re.search(r"\d", named) and named not in GENERIC:
            metrics = [(n, year) for n in names]
        elif m.group(1) and m.group(1).endswith("均"):
            metrics = [(t["metric"], t.get("year", year)) for _, t in prior]
        else:
            metrics = [(t["metric"], t.get("year", year)) for _, t in prior[-1:]]
        for metric, y in metrics:
            metric = re.sub(r"^新增|增长$", "", metric)
            t = {"metric": metric + "全国位次", "value": value, "unit": "位"}
            if y is not None:
                t["year"] = y
            t["quote"] = text[clause_at : m.end()]
            out.append(t)
    return out


def cn_value(s: str) -> int:
    """`二` → 2, `十二` → 12: an ordinal written in words."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in s:
        return digits.get(s, 0)
    tens, _, ones = s.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + digits.get(ones, 0)
