"""Read, validate and normalise the YAML knowledge base.

Everything a curator can get wrong is caught here, before a database is built, and reported
all at once with file and line: YAML syntax, schema violations, duplicate ids, items naming an
unknown plan or agency. Derived values (base-unit values, implied years, titles) are computed
here so that the YAML holds only what a person decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import SdError
from ..text.numbers import base_value, number_words, squash, years_in
from ..text.years import year_stated
from .digest import digest_of, stamp_of
from .metrics import Vocabulary, read_vocabulary
from .yamlread import node_line, read_yaml

TARGETS_FILE = "targets.yaml"
AGENCIES_FILE = "agencies.yaml"
COLLECTIVE_KIND = "集体/泛指"


@dataclass
class KnowledgeBase:
    """The validated, normalised contents of one knowledge-base folder."""

    plans: list[dict]
    items: list[dict]
    agencies: list[dict]
    glossary: dict = field(default_factory=dict)  # data/glossary.yaml (English names and terms)
    digest: str = ""
    stamp: str = ""
    problems: list[str] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=lambda: Vocabulary())  # data/metrics.yaml


def load(folder: Path) -> KnowledgeBase:
    """Load and validate a knowledge-base folder; raise `SdError` listing every problem."""
    from .schema import load_schema, validate

    tpath, apath = folder / TARGETS_FILE, folder / AGENCIES_FILE
    if not tpath.exists():
        raise SdError(f"No knowledge base at {folder}: {TARGETS_FILE} is missing.")
    # Identify the files before reading them: if they change while we read, the database is
    # labelled with the old identity and the next run rebuilds it, never the other way round.
    try:
        stamp, digest = stamp_of(folder), digest_of(folder)
    except OSError as exc:  # a file that is a folder, or unreadable: `validate` said it as a traceback
        raise SdError(f"Cannot read {exc.filename or folder}: {exc.strerror or exc}.") from None
    targets = read_yaml(tpath)
    agencies = read_yaml(apath) if apath.exists() else {"agencies": []}

    problems: list[str] = []
    for path, data, name in ((tpath, targets, "targets"), (apath, agencies, "agencies")):
        for keys, msg in validate(data, load_schema(name)):
            line = node_line(path, keys)
            where = f"{path.name}:{line}" if line else path.name
            problems.append(f"{where}: {_path_label(data, keys)} {msg}")
    if problems:
        raise SdError(_summary(problems), details=problems)

    kb = KnowledgeBase(plans=targets["plans"], items=targets["items"], agencies=agencies["agencies"])
    problems = cross_check(kb, tpath, apath)
    if problems:
        raise SdError(_summary(problems), details=problems)
    vocab, problems = read_vocabulary(folder)
    if problems:
        raise SdError(_summary(problems), details=problems)
    kb.vocabulary = Vocabulary(vocab["metrics"], vocab["links"])
    normalise(kb)
    from .glossary import GLOSSARY_FILE, check

    gpath = folder / GLOSSARY_FILE
    if gpath.exists():
        kb.glossary = read_yaml(gpath) or {}
        problems = [f"{GLOSSARY_FILE}: {p}" for p in check(kb.glossary)]
        if problems:
            raise SdError(_summary(problems), details=problems)
    kb.digest, kb.stamp = digest, stamp
    return kb


def _summary(problems: list[str]) -> str:
    n = len(problems)
    first = problems[0]
    more = f" (and {n - 1} more problem{'s' if n > 2 else ''}; run 'sdtargets validate')" if n > 1 else ""
    return f"Invalid knowledge base: {first}{more}."


def _path_label(data: object, keys: list) -> str:
    """`items[3] (green2023.4).targets[0].unit` — a path a curator can find."""
    out, node = "", data
    for key in keys:
        if isinstance(key, int):
            out += f"[{key}]"
            node = node[key] if isinstance(node, list) and key < len(node) else None
            if isinstance(node, dict) and ("id" in node or "name" in node):
                out += f" ({node.get('id') or node.get('name')})"
        else:
            out += f".{key}" if out else key
            node = node.get(key) if isinstance(node, dict) else None
    return out or "file"


def cross_check(kb: KnowledgeBase, tpath: Path, apath: Path) -> list[str]:
    """References between records: unique ids, known plans, parents and agencies."""
    problems: list[str] = []
    plan_ids: set[str] = set()
    for i, plan in enumerate(kb.plans):
        if plan["id"] in plan_ids:
            problems.append(f"{_at(tpath, ['plans', i])}: duplicate plan id {plan['id']}")
        plan_ids.add(plan["id"])
        start, end = plan["period"]
        if start > end:
            problems.append(f"{_at(tpath, ['plans', i])}: period {start}–{end} runs backwards")
    for i, plan in enumerate(kb.plans):
        if plan.get("parent") and plan["parent"] not in plan_ids:
            problems.append(f"{_at(tpath, ['plans', i])}: unknown parent plan {plan['parent']}")

    names: dict[str, str] = {}
    canon: set[str] = set()
    for i, ag in enumerate(kb.agencies):
        if ag["name"] in canon:
            problems.append(f"{_at(apath, ['agencies', i])}: duplicate agency {ag['name']}")
        canon.add(ag["name"])
    for i, ag in enumerate(kb.agencies):
        for form in [ag["name"], ag.get("full"), *(ag.get("aliases") or [])]:
            if not form:
                continue
            owner = names.setdefault(form, ag["name"])
            if owner != ag["name"]:
                problems.append(
                    f"{_at(apath, ['agencies', i])}: name {form} belongs to both {owner} and {ag['name']}"
                )
        for ref in ("parent", "renamed_to"):
            if ag.get(ref) and ag[ref] not in canon:
                problems.append(f"{_at(apath, ['agencies', i])}: {ref} {ag[ref]} is not an agency")

    ids: set[str] = set()
    for i, item in enumerate(kb.items):
        at = partial(_at, tpath, ["items", i])  # a line number only when there is a problem to report
        if item["id"] in ids:
            problems.append(f"{at()}: duplicate item id {item['id']}")
        ids.add(item["id"])
        if item["plan"] not in plan_ids:
            problems.append(f"{at()}: item {item['id']} names unknown plan {item['plan']}")
        elif not item["id"].startswith(item["plan"] + "."):
            problems.append(f"{at()}: item id {item['id']} does not start with its plan id")
        for role in ("lead", "support"):
            for name in item.get(role) or []:
                if name not in canon:
                    hint = f" (did you mean {names[name]}?)" if name in names else ""
                    problems.append(f"{at()}: {item['id']} names unknown agency {name}{hint}")
    return problems


def _at(path: Path, keys: list) -> str:
    line = node_line(path, keys)
    return f"{path.name}:{line}" if line else path.name


# ---------------------------------------------------------------------------------------------
# Normalisation: derived values, computed once at build time


_NUM_PREFIX_RE = re.compile(r"^(\d+\s*[.．、]|[（(][一二三四五六七八九十]+[）)])\s*")


# an indicator-table row: `(2)常住人口城镇化率 (%) 618 65左右 …` → the indicator's name, which
# may itself hold a bracket (`每千人口拥有执业 (助理)医师数 (人) …`): the unit is the bracket that
# the row's figures or its 属性 follow
_INDICATOR_RE = re.compile(
    r"^[（(]\d+[）)]\s*(.+?)\s*[（(][^（()）]*[）)]\s*(?=[\[<>\d]|预期性|约束性|完成|$)"
)


#: Markdown emphasis a conversion left in a source (`**着力实施提振消费行动`): the text keeps it
#: verbatim, a title derived from the text does not show it.
_EMPHASIS_RE = re.compile(r"\*\*")


def title_of(text: str, kind: str | None = None) -> str:
    """The item's first sentence without its number: `完善实验室体系`; for a row of an indicator
    table, the indicator's name (`常住人口城镇化率`), not the row's run-together figures.

    The title is whole, never cut: the data formats carry it as it is, and only a table shortens
    it to its column (`cli.titles`), at a clause or word boundary and with `…`, so that no
    program ever reads `科技型中小企业20` as a title. Markdown emphasis marks are dropped."""
    if kind == "indicator" and (m := _INDICATOR_RE.match(text.strip())):
        return _EMPHASIS_RE.sub("", squash(m.group(1)))
    body = _NUM_PREFIX_RE.sub("", _EMPHASIS_RE.sub("", squash(text)))
    return re.split(r"[。；！]", body, maxsplit=1)[0]


def normalise(kb: KnowledgeBase) -> None:
    """Compute derived fields in place: titles, years, base values, implied flags."""
    plans = {p["id"]: p for p in kb.plans}
    for plan in kb.plans:
        plan.setdefault("aliases", [])
        plan.setdefault("parent", None)
    for plan in kb.plans:  # a part of a document has its document's address
        up = plan
        while not up.get("url") and up.get("parent") in plans:
            up = plans[up["parent"]]
        if up.get("url"):
            plan.setdefault("url", up["url"])
    for seq, item in enumerate(kb.items):
        plan = plans[item["plan"]]
        start, end = plan["period"]
        item["_seq"] = seq
        item["_file"] = plan["source"]
        item["title"] = title_of(item["text"], item["kind"])
        item.setdefault("section", [])
        item.setdefault("lead", [])
        item.setdefault("support", [])
        one_year = start == end
        for t in item.setdefault("targets", []):
            t.setdefault("unit", "")
            t.setdefault("cmp", [])
            # 多/余 after the number and 前 before a rank's place are comparison words too
            t["cmp"] = t["cmp"] + [
                w for w in number_words(t["quote"], t.get("value"), t["unit"]) if w not in t["cmp"]
            ]
            if "value_base" not in t:
                t["value_base"], t["base_unit"] = base_value(t.get("value"), t["unit"])
            else:
                t["base_unit"] = base_value(1, t["unit"])[1]
            if "year_implied" not in t:
                # stated only where the words governing the figure name the year (or 每年
                # commits it to every plan year): `sdtargets.text.years`
                t["year_implied"] = not one_year and not year_stated(
                    item["text"], t["quote"], t["year"], (start, end)
                )
        if item.get("years"):
            years, implied = sorted(set(item["years"])), False
        else:
            stated = {y for y in years_in(item["text"]) if start <= y <= max(end, start)}
            stated |= {t["year"] for t in item["targets"] if not t["year_implied"]}
            if stated:
                years, implied = sorted(stated), False
            else:
                years, implied = [end], not one_year
        item["years"] = years
        item["years_implied"] = implied
