"""A drafted figure named as the base's vocabulary names it, where the draft's name is the
vocabulary's with words left out (`改造老旧小区` → 改造城镇老旧小区, `非化石能源装机` →
非化石能源发电装机), a share's other word or its whole unsaid (`智能算力比例` → 智能算力占比), or the
verb after its object (`农村危房改造` → 改造农村危房): reports shorten the names the base already
holds, and one name per measure is what keeps a timeline joined up. A name the vocabulary does not
hold that way stays as drafted (the summary lists it for the curator)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..kb.metrics import derive_family

#: At most this many characters left out: a longer name is another measure, not this one spelled out.
_MAX_LEFT_OUT = 4


def _left_out(short: str, name: str) -> bool:
    """Is ``short`` ``name`` with a few characters left out, keeping its first and last?"""
    if not short or len(short) < 3 or short[0] != name[0] or short[-1] != name[-1]:
        return False
    if not 0 < len(name) - len(short) <= _MAX_LEFT_OUT:
        return False
    chars = iter(name)
    return all(c in chars for c in short)


#: A share's last word: reports write 比例, 比率, 占比 and 比重 for one measure (`智能算力比例` is the
#: vocabulary's 智能算力占比), a change of it may follow.
_SHARE_RE = re.compile(r"(?:比例|比率|占比|比重)(提高|下降|降低)?$")
#: `X占比`: a share whose whole the report leaves unsaid (`高新技术产业产值占比`).
_UNSAID_WHOLE_RE = re.compile(r"^(?P<part>.{2,}?)占比(?P<change>提高|下降|降低)?$")
#: The vocabulary's `X占Y比重`: the part, the whole, and a change of the share.
_SHARE_OF_RE = re.compile(r"^(.+?)占(.+)比重(提高|下降|降低)?$")
#: Work done to a thing, written after it (`农村危房改造`); the vocabulary puts the verb first.
_DONE_AFTER_RE = re.compile(r"^(?P<thing>.{2,}?)(?P<verb>改造|改建|扩建|增容|治理|整治)$")


def _share_key(name: str) -> str:
    return _SHARE_RE.sub(lambda m: "比率" + (m.group(1) or ""), name)


def _forms(metric: str, unit: str) -> list[str]:
    """The draft's name and the other ways a report writes it: `规上` for 规模以上, `新增` after
    what is added, the verb after its object (`农村危房改造` → 改造农村危房), a relative name
    without `的` (and 获 for `获得`), a rise in per cent written `提高` (the vocabulary's `增长`)."""
    forms = [metric]
    if "规上" in metric:  # the statistics' short form of 规模以上
        forms.append(metric.replace("规上", "规模以上"))
    if "生产总值" in metric and "地区生产总值" not in metric:  # the statistics' GDP (`占生产总值比重`)
        forms += [metric.replace("生产总值", "GDP"), metric.replace("生产总值", "地区生产总值")]
    if metric.endswith("新增") and len(metric) > 4:  # `新能源和可再生能源装机新增`
        forms.append("新增" + metric.removesuffix("新增"))
    if m := _DONE_AFTER_RE.match(metric):
        forms.append(m.group("verb") + m.group("thing"))
    if "的" in metric:  # `获得国家科学技术奖的成果`: the vocabulary's 获国家科学技术奖成果
        forms.append(re.sub(r"^获得", "获", metric.replace("的", "")))
    if unit in ("%", "％") and metric.endswith("提高"):
        forms += [f.removesuffix("提高") + "增长" for f in list(forms)]
    return forms


def _names_it(form: str, name: str) -> bool:
    """Does ``name`` spell out ``form``: a few characters left out, another word for a share, or
    a share's whole left unsaid (`高新技术产业产值占比` → 高新技术产业产值占规模以上工业总产值比重,
    `数字经济占比` → 数字经济总量占GDP比重: the part as written or with at most four more characters)?"""
    if _left_out(form, name):
        return True
    key, named = _share_key(form), _share_key(name)
    if key != form and (key == named or _left_out(key, named)):
        return True
    if (m := _UNSAID_WHOLE_RE.match(form)) and (whole := _SHARE_OF_RE.match(name)):
        part = whole.group(1)
        return (
            part.startswith(m.group("part"))
            and len(part) - len(m.group("part")) <= _MAX_LEFT_OUT
            and (whole.group(3) or "") == (m.group("change") or "")
        )
    return False


class Vocabulary:
    """The base's metric names, each with its unit family, for naming drafted figures."""

    def __init__(self, entries: Iterable[dict]) -> None:
        self.names: dict[str, str] = {}  # name or alias → family
        self.canonical: dict[str, str] = {}  # name or alias → the name
        for m in entries:
            family = m.get("family") or derive_family(str(m.get("unit") or ""), m["name"])
            for n in [m["name"], *(m.get("aliases") or [])]:
                self.names[n] = family
                self.canonical[n] = m["name"]

    def name(self, metric: str, unit: str) -> str:
        """The vocabulary's name for a drafted ``metric`` counted in ``unit``: itself if the
        vocabulary holds it, else the one vocabulary name of the same family it shortens (a name,
        not an alias: the alias a report's wording comes near is another document's wording)."""
        if metric in self.names:
            return metric
        family = derive_family(unit, metric)
        forms = _forms(metric, unit)
        # the work written before its object (`康复救助残疾儿童`) where the vocabulary puts it after
        # (残疾儿童康复救助): the two parts swapped, each at least two characters, taken only as written
        swapped = [metric[i:] + metric[:i] for i in range(2, len(metric) - 1)]
        for form in forms[1:] + swapped:
            if self.names.get(form) == family:
                return self.canonical[form]
        for form in forms:
            found = {self.canonical[n] for n, f in self.names.items() if f == family and _names_it(form, n)}
            if len(found) == 1:
                return found.pop()
        return metric
