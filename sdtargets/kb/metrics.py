"""The metric vocabulary (`data/metrics.yaml`): what each metric name measures.

`progress` may pair a target with a reported figure only when both measure the same quantity.
That is decided here, from data a curator reviews, never guessed at query time: each canonical
metric has the other wordings documents use for it (`aliases`), its unit family, the kind of
quantity it is (a stock, a flow in a year, a rate of change, a share, a multiple, a rank) and
its scope (national, provincial-or-higher, …) where the name carries one. A pairing between two
differently named metrics is a curated `link`, with the note that justifies it.

The derivation rules (`derive_quantity`, `derive_family`, `derive_scope`) are used once, by
`scripts/metrics_migrate.py`, to propose the fields of a new entry; the file then holds the
reviewed values, and the loader reads them as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

METRICS_FILE = "metrics.yaml"

# The kinds of quantity, unit families and scopes an entry may have are the enums of
# schema/metrics.schema.json, which the loader checks the file against.

#: Measure words (量词) that count things: 100 家 and 288 个 of one metric count the same units.
COUNT_WORDS = frozenset(
    "个 家 项 所 座 名 人 户 场 处 条 册 台 张 头 辆 套 部 种 类 件 次 人次 对 市 项目 位 万".split()
)

_FAMILY_OF_BASE = {
    "%": "percent",
    "个百分点": "points",
    "元": "money",
    "美元": "money",
    "千瓦": "power",
    "MW": "power",
    "千瓦时": "energy",
    "GWh": "energy",
    "公里": "length",
    "千米": "length",
    "亩": "area",
    "平方公里": "area",
    "平方千米": "area",
    "平方米": "area",
    "吨": "mass",
    "吨标准煤": "mass",
    "立方米": "volume",
    "年": "time",
    "岁": "time",
    "分钟": "time",
    "毫秒": "time",
    "倍": "multiple",
    "EFLOPS": "compute",
}


def unit_family(base_unit: str, metric: str = "") -> str:
    """The family of a base unit (`家` → count, `%` → percent); a rank (`全国位次`) is a rank
    whatever its unit word; anything unknown (or no unit) is `other`."""
    if "位次" in metric:
        return "rank"
    if base_unit in _FAMILY_OF_BASE:
        return _FAMILY_OF_BASE[base_unit]
    return "count" if base_unit in COUNT_WORDS else "other"


def derive_family(unit: str, name: str) -> str:
    """The family of a metric from its usual unit as written (`万家` → count)."""
    from ..text.numbers import base_value

    return unit_family(base_value(1, unit)[1], name) if unit else ("rank" if "位次" in name else "other")


_RATE_RE = re.compile(r"增长|增速|提高|提升|(?<!增)增加(?!值)|下降|降低|压减|削减")
_SHARE_RE = re.compile(r"占比|比重|比例|率|占[^，]*的")
_FLOW_RE = re.compile(r"^(新增|新建|新设|新开工|新改建|新创设|年)|产量|营业收入|营收|收入|生产总值|吞吐量")
_FLOW_ABOUT_RE = re.compile(r"in the year|per year|in the period|newly|\bnew\b|output|annual", re.I)


def derive_quantity(name: str, unit: str = "", about: str = "") -> str:
    """The kind of quantity a metric is, by a rule on its name (README, "Did they deliver?"):

    - `全国位次`/`位次` → rank; unit `倍` or `倍数` in the name → multiple;
    - `增长`/`增速`/`提高`/`增加` (not `增加值`)/`下降`/`降低`/`压减` or unit `个百分点` → rate
      (a change against a base: growth, fall, increase);
    - `占比`/`比重`/`比例`/`…率` or unit `%` → share;
    - `新增`/`新建`/`年…`, an output, a revenue, a GDP, or a description that says "in the
      year", "per year", "in the period", "new" → flow (an amount in a year or a period);
    - anything else → stock (a level at a date: 保有量, 装机, 累计 counts).

    A proposal for review, not a verdict: the vocabulary file holds the reviewed value.
    """
    if "位次" in name:
        return "rank"
    if unit == "倍" or "倍数" in name:
        return "multiple"
    if _RATE_RE.search(name) or unit == "个百分点":
        return "rate"
    if _SHARE_RE.search(name) or unit == "%":
        return "share"
    if re.search(r"\bstock\b|cumulative", about):
        return "stock"
    if _FLOW_RE.search(name) or _FLOW_ABOUT_RE.search(about):
        return "flow"
    return "stock"


def derive_scope(name: str) -> str | None:
    """The level a name counts at: `国家级…`/`全国…` → national, `省级以上…` → province_or_higher,
    `省级…`/`省…` → province, `市级…` → city; none when the name says none, and none for a rank
    or a comparison with the country (`全国位次`, `高于全国`, `占全国`), which count no level."""
    if re.search(r"位次|高于全国|占全国", name):
        return None
    if re.search(r"省级以上|省级及以上|国家和省级", name):
        return "province_or_higher"
    if re.search(r"国家级|全国|^(新增)?国家", name):
        return "national"
    if re.match(r"(新增)?(省级|省(?!标|领导|市|政府))", name):
        return "province"
    if re.match(r"(新增)?市级", name):
        return "city"
    return None


class Vocabulary:
    """The loaded vocabulary: canonical entries, every wording → its canonical name, and the
    curated links. Metrics missing from the file get derived fields (so that a base under
    construction still works), and `known` says which are listed."""

    def __init__(self, metrics: list[dict] | None = None, links: list[dict] | None = None) -> None:
        self.entries: dict[str, dict] = {}
        self.canonical: dict[str, str] = {}
        for m in metrics or []:
            self.entries[m["name"]] = m
            self.canonical[m["name"]] = m["name"]
        for m in metrics or []:
            for alias in m.get("aliases") or []:
                self.canonical.setdefault(alias, m["name"])
        self.links: list[dict] = list(links or [])

    def known(self, metric: str) -> bool:
        return metric in self.canonical

    def name(self, metric: str) -> str:
        """The canonical name of a wording (itself when unlisted)."""
        return self.canonical.get(metric, metric)

    def entry(self, metric: str, unit: str = "") -> dict:
        """The vocabulary entry of a metric; derived fields for an unlisted one."""
        name = self.name(metric)
        found = self.entries.get(name)
        if found is not None:
            return found
        return {
            "name": name,
            "unit": unit,
            "family": derive_family(unit, name),
            "quantity": derive_quantity(name, unit),
            "scope": derive_scope(name),
        }


def read_vocabulary(folder: Path) -> tuple[dict, list[str]]:
    """The parsed `metrics.yaml` of ``folder`` ({metrics: [], links: []} when absent) and the
    structural problems in it, each as one line naming the file and the entry."""
    from .yamlread import read_yaml

    path = folder / METRICS_FILE
    if not path.exists():
        return {"metrics": [], "links": []}, []
    data = read_yaml(path)
    if not isinstance(data, dict):
        return {"metrics": [], "links": []}, [
            f"{METRICS_FILE}: should be a mapping with 'metrics' and 'links'"
        ]
    from .schema import load_schema, validate

    problems = [
        f"{METRICS_FILE}: {'.'.join(map(str, keys)) or 'file'} {msg}"
        for keys, msg in validate(data, load_schema("metrics"))
    ]
    if problems:
        return {"metrics": [], "links": []}, problems
    data.setdefault("metrics", [])
    data.setdefault("links", [])
    seen: dict[str, str] = {}
    names = Counter(m["name"] for m in data["metrics"])
    problems += [f"{METRICS_FILE}: {n} is listed twice" for n in sorted(n for n, k in names.items() if k > 1)]
    for m in data["metrics"]:
        for form in [m["name"], *(m.get("aliases") or [])]:
            owner = seen.setdefault(form, m["name"])
            if owner != m["name"]:
                problems.append(f"{METRICS_FILE}: {form} is a name of both {owner} and {m['name']}")
            elif form != m["name"] and form in names:
                problems.append(f"{METRICS_FILE}: alias {form} of {m['name']} is itself a canonical metric")
    return data, problems


def check_links(vocab: Vocabulary, items: list[dict]) -> list[str]:
    """Every link names items and metrics that exist: a link to nothing is a curation error."""
    by_id = {i["id"]: i for i in items}
    used = {vocab.name(t["metric"]) for i in items for t in i["targets"]}
    problems = []
    for n, link in enumerate(vocab.links):
        for side in ("target", "result"):
            ref = link[side]
            metric = vocab.name(ref["metric"])
            if ref.get("item"):
                item = by_id.get(ref["item"])
                if item is None:
                    problems.append(f"{METRICS_FILE}: links[{n}].{side} names unknown item {ref['item']}")
                elif not any(vocab.name(t["metric"]) == metric for t in item["targets"]):
                    problems.append(
                        f"{METRICS_FILE}: links[{n}].{side}: {ref['item']} has no target {metric}"
                    )
            elif metric not in used:
                problems.append(
                    f"{METRICS_FILE}: links[{n}].{side} names metric {metric}, which no target uses"
                )
    return problems


def unlisted(vocab: Vocabulary, items: list[dict]) -> list[str]:
    """Metric names in the base that the vocabulary does not list (as a name or an alias)."""
    return sorted({t["metric"] for i in items for t in i["targets"]} - set(vocab.canonical))
