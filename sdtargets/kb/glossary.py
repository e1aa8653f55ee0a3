"""The bilingual glossary (`data/glossary.yaml`): English for plans, agencies and the topics
and metrics people search.

It is data, curated and reviewed like the rest of the knowledge base: every plan's English
title, every agency's official English name and the English abbreviations people use for it,
the national bodies whose abbreviations are often typed for a provincial one (MIIT is the
Ministry, not Shandong's department), and English search terms, each with the Chinese words
the documents use. At build it becomes the `glossary` table and English forms in
`agency_names`; a query reads only the rows its English words name.
"""

from __future__ import annotations

import re

GLOSSARY_FILE = "glossary.yaml"

_WORD = re.compile(r"[a-z0-9]+")
_DROP = {"the", "of", "and", "for", "&", "shandong", "provincial", "province", "s"}


def en_words(text: str) -> list[str]:
    """English folded to words: lower case, punctuation and hyphens as spaces, a plural made
    singular (`stations` → `station`, `industries` → `industry`, so either number finds the
    term); the same fold on both sides makes `5G base stations` and `5G base station` one key."""
    import unicodedata

    words = _WORD.findall(unicodedata.normalize("NFKC", text).lower().replace("'s", ""))
    return [_singular(w) for w in words]


def _singular(word: str) -> str:
    """A plural folded to its singular: `stations` → station, `industries` → industry (so that
    a slip in either, `industri`, is near the one word the names use)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def en_key(text: str) -> str:
    """An English term's lookup key (`en_words` joined by one space)."""
    return " ".join(en_words(text))


def agency_key(text: str) -> str:
    """An English agency name's key: `en_key` without `Shandong`, `Provincial`, `of`, `the`,
    `and`, so that `Department of Industry and Information Technology` finds `Shandong
    Provincial Department of Industry and Information Technology`."""
    return " ".join(w for w in en_words(text) if w not in _DROP)


def check(g: object) -> list[str]:
    """Structural problems of a glossary (a mapping of plans, agencies, national, terms)."""
    if not isinstance(g, dict):
        return ["the glossary must be a mapping"]
    problems = []
    for key in ("plans", "agencies", "national", "terms"):
        if not isinstance(g.get(key, {}), dict):
            problems.append(f"{key} must be a mapping")
    if problems:
        return problems
    for pid, title in g.get("plans", {}).items():
        if not isinstance(title, str) or not title.strip():
            problems.append(f"plans.{pid}: an English title (text) is required")
    for name, entry in g.get("agencies", {}).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str):
            problems.append(f"agencies.{name}: `en` (the official English name) is required")
        elif not isinstance(entry.get("abbr", []), list):
            problems.append(f"agencies.{name}: `abbr` must be a list")
    for abbr, entry in g.get("national", {}).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str):
            problems.append(f"national.{abbr}: `en` (the body's English name) is required")
    seen: dict[str, str] = {}
    for en, zh in g.get("terms", {}).items():
        if not isinstance(zh, list) or not zh or not all(isinstance(z, str) and z.strip() for z in zh):
            problems.append(f"terms.{en}: a list of Chinese terms is required")
        key = en_key(str(en))
        if not key:
            problems.append(f"terms.{en}: no English words")
        elif key in seen:
            problems.append(f"terms.{en}: the same term as {seen[key]!r}")
        seen[key] = str(en)
    return problems


def glossary_rows(g: dict, t2s: dict[int, str]) -> list[dict]:
    """`glossary` table rows: (English key, Chinese term, type, the English as written)."""
    from ..text.fold import search_fold

    rows = []
    for en, zhs in (g.get("terms") or {}).items():
        for zh in zhs:
            rows.append({"en": en_key(str(en)), "zh": search_fold(zh, t2s), "type": "term", "label": str(en)})
    for en, zhs in _agency_terms(g):
        for zh in zhs:
            rows.append({"en": en_key(en), "zh": search_fold(zh, t2s), "type": "agency", "label": en})
    for pid, title in (g.get("plans") or {}).items():
        rows.append({"en": en_key(str(title)), "zh": str(pid), "type": "plan", "label": str(title)})
    for abbr, entry in (g.get("national") or {}).items():
        for form in (abbr, entry.get("en")):
            if form:
                rows.append(
                    {
                        "en": agency_key(form),
                        "zh": entry.get("provincial") or "",
                        "type": "national",
                        "label": f"{abbr}: {entry['en']}",
                    }
                )
    return rows


def _agency_terms(g: dict) -> list[tuple[str, list[str]]]:
    """Agencies' English names and abbreviations as search terms (`find DRC` finds the items
    naming 省发展改革委), unless `terms` already defines the same words."""
    terms = {en_key(str(en)) for en in (g.get("terms") or {})}
    out = []
    for name, entry in (g.get("agencies") or {}).items():
        for en in [entry.get("en"), *(entry.get("abbr") or [])]:
            if en and en_key(en) not in terms:
                out.append((en, [name]))
    return out


def agency_forms(g: dict, names: set[str]) -> list[dict]:
    """English forms for `agency_names`: official names (folded by `agency_key`) and
    abbreviations, of the agencies in the registry (entries for agencies not in this base,
    e.g. of documents not yet added, are skipped)."""
    forms, seen = [], set()
    for name, entry in (g.get("agencies") or {}).items():
        if name not in names:
            continue
        for en, kind in [(entry.get("en"), "english")] + [
            (a, "english_abbr") for a in entry.get("abbr") or []
        ]:
            key = "en:" + agency_key(en or "")
            if en and (key, name) not in seen:
                seen.add((key, name))
                forms.append({"form": en, "norm": key, "agency": name, "type": kind})
    return forms


def missing(kb) -> list[str]:  # noqa: ANN001 - load.KnowledgeBase
    """Plans and agencies of the base without an English entry (a test requires none)."""
    g = kb.glossary or {}
    plans, agencies = g.get("plans") or {}, g.get("agencies") or {}
    out = [f"plan {p['id']}" for p in kb.plans if p["id"] not in plans]
    out += [f"agency {a['name']}" for a in kb.agencies if a["name"] not in agencies]
    return out
