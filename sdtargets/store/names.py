"""One resolver for the names a person types: metrics, agencies, plans, in any of their forms.

Every command that takes a name (`timeline`, `agency`, `--agency`, `--plan`, completion) folds
it the way `find` folds a query (`reading.fold`: width, case, spaces, traditional characters to
simplified: `省科技廳` is 省科技厅), and reads English the way `find` does (the glossary, and for
metrics the English description of the vocabulary, `about`). A metric is named by its
canonical name or any alias of `data/metrics.yaml`, and then stands for every wording of it
(`城镇新增就业` is 新增城镇就业).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from ..text.fold import normalise_text
from .reading import fold

#: A metric name is taken as a typo of the typed one at this similarity or above (rapidfuzz ratio).
METRIC_TYPO_MIN = 85


def vocabulary_forms(conn: sqlite3.Connection) -> dict[str, str]:
    """Every folded name and alias of the vocabulary → its canonical name."""
    try:
        rows = conn.execute("select name, aliases from metrics").fetchall()
    except sqlite3.OperationalError:  # a store without the vocabulary
        return {}
    forms: dict[str, str] = {}
    for name, aliases in rows:
        for form in [name, *json.loads(aliases or "[]")]:
            forms.setdefault(normalise_text(form), name)
    return forms


def wordings(conn: sqlite3.Connection, canonical: set[str], names: list[str]) -> list[str]:
    """The metric names in ``names`` (the targets') that are the ``canonical`` metrics or their
    aliases: every wording the documents use for them."""
    forms = vocabulary_forms(conn)
    return [m for m in names if forms.get(normalise_text(m), m) in canonical]


def resolve_metric(conn: sqlite3.Connection, text: str, names: list[str]) -> list[str]:
    """The target metrics ``text`` names (``names``: every metric of the targets, most used
    first): an exact name or alias with all its wordings; English (the glossary's Chinese term,
    or every word in a metric's `about`); every metric containing the folded text; a typo of a
    metric name. Empty when none fits."""
    wanted = fold(conn, text)
    forms = vocabulary_forms(conn)
    folded = {m: normalise_text(m) for m in names}
    if wanted in forms:
        found = wordings(conn, {forms[wanted]}, names)
        if found:
            return found
    exact = [m for m in names if folded[m] == wanted]
    if exact:
        return exact
    if text.isascii() and re.search(r"[a-zA-Z]", text):
        return _english_metric(conn, text, names, forms)
    contained = [m for m in names if wanted in folded[m]]
    if contained:
        return contained
    if len(wanted) >= 3:
        from rapidfuzz import fuzz, process

        best = process.extractOne(
            wanted, list(folded.values()), scorer=fuzz.ratio, score_cutoff=METRIC_TYPO_MIN
        )
        if best:
            return wordings(conn, {forms.get(best[0], best[0])}, names) or [names[best[2]]]
    return []


def _english_metric(
    conn: sqlite3.Connection, text: str, names: list[str], forms: dict[str, str]
) -> list[str]:
    """Metrics named in English: the glossary's Chinese term for the whole text, as a metric
    name (`5G base stations` → 5G基站) or inside metric names; else the metrics whose English
    description holds every word (`nuclear power capacity` → 核电装机)."""
    from ..kb.glossary import en_key
    from .reading import about_phrase

    zh = [
        r[0] for r in conn.execute("select zh from glossary where type = 'term' and en = ?", (en_key(text),))
    ]
    folded = {m: normalise_text(m) for m in names}
    canon = {forms[z] for z in zh if z in forms}
    found = wordings(conn, canon, names) if canon else []
    found = found or [m for m in names if folded[m] in zh]
    if found:
        return found
    end, alts = about_phrase(conn, text.split())
    if end == len(text.split()) and alts:
        return [m for m in names if folded[m] in alts]
    within = [m for m in names if any(z and z in folded[m] for z in zh)]
    if within:
        return within
    from .english import corrected

    fixed = corrected(conn, text)  # a misspelt word (`nuclear powr capacity`), as `find` reads it
    return _english_metric(conn, fixed, names, forms) if fixed else []


#: Shortest name a typo is corrected in: two characters have too many neighbours one edit away.
NAME_TYPO_MIN = 3


def one_edit(wanted: str, forms: Iterable[tuple[str, str]]) -> str | None:
    """The one name whose form is one edit from ``wanted`` (a character changed, missing, extra,
    or two swapped: `省科技斤` → 省科技厅, `十四無规划` → fyp14): ``forms`` are (folded form, the
    name it is of). None when no name is, or more than one is (a typo is corrected only when it
    can mean one thing), when what was typed is part of a name (`金融监管总局` is in two names,
    not a typo of 金融监管局), and for names shorter than `NAME_TYPO_MIN`. One rule for
    `agency`, `--agency` and `--plan`, as `find` corrects a word one edit from the base's."""
    if len(wanted) < NAME_TYPO_MIN:
        return None
    from rapidfuzz.distance import OSA

    forms = list(forms)
    if any(wanted in form for form, _ in forms):
        return None
    near = {name for form, name in forms if OSA.distance(wanted, form) <= 1}
    return near.pop() if len(near) == 1 else None


def fold_name(conn: sqlite3.Connection, text: str) -> str:
    """An agency's or a plan's name as typed, folded as the registry's names are (width, case,
    spaces) with traditional characters made simplified: the form every lookup compares."""
    return fold(conn, text)


def english_agencies(conn: sqlite3.Connection, key: str) -> list[str]:
    """Agencies whose English name holds ``key``'s words together, in order
    (`department of industry` → 省工业和信息化厅): the agencies, registry order."""
    rows = conn.execute("select norm, agency from agency_names where norm like 'en:%'").fetchall()
    padded = f" {key} "
    return list(dict.fromkeys(agency for norm, agency in rows if key and padded in f" {norm[3:]} "))


def completions(conn: sqlite3.Connection, names: list[str], incomplete: str) -> list[str]:
    """The names starting with what was typed, compared folded (`省科技廳` completes to
    省科技厅; case and width do not matter); the names as the registry writes them."""
    typed = fold(conn, incomplete)
    return [n for n in names if normalise_text(n).startswith(typed)]
