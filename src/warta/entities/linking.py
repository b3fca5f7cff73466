"""Link candidate mentions within one article into entities, one per real-world thing.

- Ambiguous places are read in the light of the article's countries (Astara in Iran when the
  article is about Iran), weak town readings without support are dropped.
- A name first seen as a person stays a person: "Jalali" after "Kazem Jalali" is him, not a
  town in India; short forms join the full name ("Putin" -> "Vladimir Putin").
- Acronyms join their expansion: "Organisasi X (OX)", or capitals that spell a name's initials.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..kb import KBEntry, KnowledgeBase, name_key
from .candidates import Candidate

# A town known only from GeoNames needs support to be kept: the tagger, the article's
# countries, or being big enough to be what a capitalised word most likely means.
BIG_CITY = 1_000_000
_WORD = re.compile(r"[\w'’.-]+")


@dataclass
class Cluster:
    """The mentions of one entity in the article."""

    key: str
    type: str
    entry: KBEntry | None
    mentions: list[Candidate] = field(default_factory=list)

    def tokens(self) -> list[list[str]]:
        return [_WORD.findall(m.text) for m in self.mentions]


def article_countries(candidates: list[Candidate]) -> set[str]:
    """ISO3 codes of the countries the article names (directly or through curated entries)."""
    found = set()
    for c in candidates:
        if c.entry is not None and c.entry.type == "COUNTRY":
            found.add(c.entry.iso3 or "")
        elif c.entry is not None and c.entry.curated and c.entry.type != "CITY" and c.entry.country:
            found.add(c.entry.country)
    return found - {""}


def _relink(c: Candidate, kb: KnowledgeBase, countries: set[str]) -> Candidate:
    """Link a tagger's candidate the gazetteer missed, when the KB knows the name: a curated
    entry whatever type the tagger gave ("Alibaba" read as a place), a city only as a place."""
    for entry, strict in kb.lookup(c.text):
        if strict and not c.text.isupper() or (entry.type == "CITY" or not entry.curated) and entry.coarse != c.type:
            continue
        if entry.type != "CITY" and entry.curated or entry.type == "CITY" and (entry.country in countries or entry.population >= BIG_CITY):
            return c.with_(entry=entry, options=(entry,), type=entry.coarse)
    return c


def _city(c: Candidate, countries: set[str], common_words: frozenset[str]) -> Candidate | None:
    """The city reading of a candidate, chosen by the article's countries; None to drop it."""
    assert c.entry is not None
    local = [e for e in c.options if e.type == "CITY" and e.country in countries]
    entry = local[0] if local else c.entry
    big = entry.population >= BIG_CITY and c.text.casefold() not in common_words
    if c.tag_type in ("PERSON", "ORG") and not (local or big):
        return c.with_(entry=None, options=(), type=c.tag_type)  # "Jalali" the man, "Alibaba" the firm
    if not (c.tagged or local or big):
        return None
    return c.with_(entry=entry)


def _surnames(candidates: list[Candidate]) -> set[str]:
    """Last words of the multi-word person names in the article ("Jalali" of "Kazem Jalali")."""
    return {c.text.split()[-1] for c in candidates if c.type == "PERSON" and len(c.text.split()) >= 2}


def repeated_mentions(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Add the other occurrences of names the finders saw once but missed elsewhere.

    A person's surname ("Jalali" of "Kazem Jalali") is him wherever else it is written in
    the article: once a person, always a person. (Spreading other tagged names the same way
    cost precision on NERGrit valid, so only surnames spread.)
    """
    names = {s: "PERSON" for s in _surnames(candidates)}
    names = {n: t for n, t in names.items() if len(n) > 2 and n[:1].isupper()}
    if not names:
        return candidates
    taken = [(c.start, c.end) for c in candidates]
    added = []
    for m in re.finditer(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])", text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            added.append(Candidate(m.start(), m.end(), m.group(0), names[m.group(0)], "link"))
    return sorted(candidates + added, key=lambda c: c.start)


def disambiguate(candidates: list[Candidate], *, common_words: frozenset[str], kb: KnowledgeBase) -> list[Candidate]:
    """Choose each candidate's reading in the light of the article's countries; drop weak towns."""
    countries = article_countries(candidates)
    surnames = _surnames(candidates)
    kept = []
    for c in candidates:
        if c.text in surnames and (c.entry is None or c.entry.type == "CITY"):
            c = c.with_(entry=None, options=(), type="PERSON")  # a name first seen as a person stays one
        if c.entry is None and c.source in ("crf", "spacy"):
            c = _relink(c, kb, countries)
        if c.entry is not None and c.entry.type == "CITY":
            c = _city(c, countries, common_words)
        if c is not None:
            kept.append(c)
    return kept


def _person_of(tokens: list[str], persons: list[Cluster]) -> Cluster | None:
    """The person cluster whose full name these tokens shorten (surname, given name, or tail)."""
    if not tokens:
        return None
    best = None
    for k in persons:
        for full in k.tokens():
            tail, head = full[-len(tokens):] == tokens, full[:len(tokens)] == tokens
            if len(full) > len(tokens) and (tail or head) and (best is None or tail):
                best = k  # a surname match beats a given-name match
    return best


def _initials(text: str) -> str:
    return "".join(w[0] for w in _WORD.findall(text) if w[0].isupper())


def _acronym_target(c: Candidate, text: str, clusters: list[Cluster]) -> Cluster | None:
    """The cluster an acronym stands for: written just before it in brackets, or by initials."""
    if not (c.text.isupper() and 2 <= len(c.text) <= 8 and c.text.isalpha()):
        return None
    before = text[max(0, c.start - 2):c.start]
    for cluster in clusters:
        for m in cluster.mentions:
            if "(" in before and 0 <= c.start - m.end <= 3 or _initials(m.text) == c.text and len(m.text) > len(c.text):
                return cluster
    return None


def _key(c: Candidate) -> str:
    """KB id, else the name: the same unlinked name read with two types is still one thing."""
    if c.entry is not None:
        return c.entry.id
    return f"name:{name_key(c.name or c.text)}"


def _settle_type(k: Cluster) -> Cluster:
    """An unlinked cluster takes the type most of its mentions have (person, org, place on ties)."""
    if k.entry is not None:
        return k
    votes = Counter(m.type for m in k.mentions)
    k.type = max(votes, key=lambda t: (votes[t], {"PERSON": 2, "ORG": 1}.get(t, 0)))
    return k


def cluster(candidates: list[Candidate], text: str) -> list[Cluster]:
    """Group candidates into clusters (in order of first mention)."""
    clusters: dict[str, Cluster] = {}
    persons = [c for c in candidates if c.type == "PERSON" and len(_WORD.findall(c.text)) >= 2]
    person_clusters: list[Cluster] = []
    for c in persons:
        key = _key(c)
        if key not in clusters:
            clusters[key] = Cluster(key, "PERSON", c.entry)
            person_clusters.append(clusters[key])
        clusters[key].mentions.append(c)
    for c in candidates:
        if c in persons:
            continue
        curated_thing = c.entry is not None and c.entry.curated and c.entry.type != "PERSON" and c.entry.type != "CITY"
        owner = None if curated_thing else _person_of(_WORD.findall(c.text), person_clusters)
        owner = owner or _acronym_target(c, text, list(clusters.values()))
        if owner is None:
            key = _key(c)
            owner = clusters.setdefault(key, Cluster(key, c.type, c.entry))
        owner.mentions.append(c.with_(type=owner.type, entry=owner.entry) if owner.type == "PERSON" else c.with_(entry=owner.entry))
    return sorted((_settle_type(k) for k in clusters.values()), key=lambda k: min(m.start for m in k.mentions))
