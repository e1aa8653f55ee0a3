"""Agency clauses of Shandong plan documents: who leads a task, who supports it.

The forms (SPEC, "Drafting a new document"): labelled `（牵头单位：A、B；配合单位：C）` with
`牵头部门`, `参与单位`, `责任单位`; verb clauses `（A牵头，B、C配合）`, `（A牵头）`, `（A负责）`;
`（A、B按职责分工负责）` naming no lead. A bracket is a clause only if it parses as one and every
name in it looks like an agency, so `首台（套）` or `（企业牵头）` never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Words that introduce the lead agencies of a labelled clause.
LEAD_WORDS = ("牵头单位", "牵头部门")
#: Words that name the agencies responsible: they open a clause without a lead
#: (`（责任单位：A、B）`) or follow the leads as supporters.
DUTY_WORDS = ("责任单位", "责任部门")
#: Words that introduce supporting agencies; the source's word is kept on every relation.
SUPPORT_WORDS = ("配合单位", "参与单位", *DUTY_WORDS, "协同单位", "配合部门", "参与部门")

#: A parenthesised stretch that may be a clause (no nested brackets; clauses are short).
#: One level of brackets inside is allowed: `（牵头单位：省工业和信息化厅（省国防科工办））`.
_PAREN_RE = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]{1,30}[）)]){2,300})[）)]")
_LABEL_RE = re.compile("^(" + "|".join((*LEAD_WORDS, *DUTY_WORDS)) + ")[：:]")
_SUPPORT_LABEL_RE = re.compile(r"[；;，,。]?(" + "|".join(SUPPORT_WORDS) + r")[：:]")
#: The verb that closes one part of an unlabelled clause, longest first.
_SHARED_DUTY_RE = re.compile(
    r"(?:按照?|根据|依)?(?:职[责能])?分工(?:负责|落实|推进|协同推进)|(?:按照?|根据|依)?职[责能](?:负责|落实)"
    r"|分别负责|共同负责"
)
_TAIL_RE = re.compile(rf"({_SHARED_DUTY_RE.pattern}|负责|牵头|协同配合|配合|参与|协同|协助)$")
#: How an agency's name ends: a clause naming anything else (`（企业牵头）`) is not a clause.
_AGENCY_END_RE = re.compile(
    r"(厅|局|委|办|部|院|会|行|司|中心|公司|集团|政府|单位|部门|小组|机构|室|处|所|队|团|社|联|馆|台|站|校|"
    r"大学|区|党委|署|关|组)$"
)
_COLLECTIVE_RE = re.compile(r"^各|有关")


@dataclass
class AgencyClause:
    """One agency clause, split into its parts as the source wrote them."""

    lead_word: str | None
    lead: list[str]
    support_word: str | None = None
    support: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    body: str = ""

    @property
    def names(self) -> list[str]:
        """Every agency the clause names, leads first."""
        return [*self.lead, *self.support]


def split_agencies(body: str) -> list[str]:
    """Split an agency list on `、`, `，` and `；`, dropping a trailing `等`.

    A collective such as `省有关部门、单位` is one entry: `单位` alone is never an agency, so it
    is glued back onto the entry before it.
    """
    names: list[str] = []
    for raw in re.split(r"[、，,；;]", body):
        name = re.sub(r"\s+", "", raw)
        if name.endswith("等") and len(name) > 2:
            name = name[:-1]
        if name.startswith("由") and len(name) > 2:
            name = name[1:]
        if not name:
            continue
        if name in ("单位", "单位等") and names:
            names[-1] = names[-1] + "、单位"
            continue
        names.append(name)
    return names


def _agency_like(name: str) -> bool:
    return 2 <= len(name) <= 40 and bool(_AGENCY_END_RE.search(name) or _COLLECTIVE_RE.search(name))


def parse_clause(body: str) -> AgencyClause | None:
    """The clause ``body`` (the text inside the brackets) states, or None if it is not one."""
    b = re.sub(r"\s+", "", body).rstrip("。；;")
    if m := _LABEL_RE.match(b):
        parts = _SUPPORT_LABEL_RE.split(b[m.end() :])
        first = split_agencies(parts[0])
        clause = AgencyClause(lead_word=m.group(1), lead=first, body=b)
        if m.group(1) in DUTY_WORDS:  # responsibility without a lead
            clause.lead_word, clause.lead = None, []
            clause.support_word, clause.support = m.group(1), first
        for word, names in zip(parts[1::2], parts[2::2], strict=False):
            clause.support_word = clause.support_word or word
            clause.support += split_agencies(names)
        return clause if clause.names else None
    lead_word: str | None = None
    lead: list[str] = []
    support_word: str | None = None
    support: list[str] = []
    pending: list[str] = []
    for part in re.split(r"[，,；;]", b):
        tail = _TAIL_RE.search(part)
        names = pending + split_agencies(part[: tail.start()] if tail else part)
        if not tail:
            pending = names
            continue
        pending = []
        if not names or not all(_agency_like(n) for n in names):
            return None
        word = tail.group(1)
        if word in ("牵头", "负责") and not lead:
            lead_word, lead = word, names
        else:
            support_word = support_word or word
            support += names
    if pending or not (lead or support):
        return None
    return AgencyClause(lead_word=lead_word, lead=lead, support_word=support_word, support=support, body=b)


def find_clauses(text: str) -> list[AgencyClause]:
    """Every agency clause in ``text`` (whitespace already removed), in order."""
    out = []
    for m in _PAREN_RE.finditer(text):
        clause = parse_clause(m.group(1))
        if clause:
            clause.start, clause.end = m.start(), m.end()
            out.append(clause)
    return out


def shared_duty(clause: AgencyClause) -> bool:
    """`（A、B按职责分工负责）`: agencies named without a lead."""
    return not clause.lead and bool(clause.support_word and _SHARED_DUTY_RE.fullmatch(clause.support_word))
