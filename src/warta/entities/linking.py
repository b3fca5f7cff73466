"""Link candidate mentions within one article into entities, one per real-world thing.

- Ambiguous places are read in the light of the article's countries (Astara in Iran when the
  article is about Iran), weak town readings without support are dropped.
- A name first seen as a person stays a person: "Jalali" after "Kazem Jalali" is him, not a
  town in India; short forms join the full name ("Putin" -> "Vladimir Putin").
- Acronyms join their expansion: "Organisasi X (OX)", or capitals that spell a name's initials.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..kb import KBEntry, name_key
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


def disambiguate(candidates: list[Candidate], *, common_words: frozenset[str]) -> list[Candidate]:
    """Choose each candidate's reading in the light of the article's countries; drop weak towns."""
    countries = article_countries(candidates)
    kept = []
    for c in candidates:
        if c.entry is not None and c.entry.type == "CITY":
            local = [e for e in c.options if e.type == "CITY" and e.country in countries]
            entry = local[0] if local else c.entry
            supported = c.tagged or local or (entry.population >= BIG_CITY and c.text.casefold() not in common_words)
            if not supported:
                continue
            c = c.with_(entry=entry)
        kept.append(c)
    return kept


def _person_of(tokens: list[str], persons: list[Cluster]) -> Cluster | None:
    """The person cluster whose full name these tokens shorten (surname, given name, or tail)."""
    if not tokens:
        return None
    best = None
    for cluster in persons:
        for full in cluster.tokens():
            if len(full) > len(tokens) and (full[-len(tokens):] == tokens or full[:len(tokens)] == tokens):
                if best is None or full[-len(tokens):] == tokens:
                    best = cluster
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
    if c.entry is not None:
        return c.entry.id
    return f"{c.type.lower()}:{name_key(c.name or c.text)}"


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
        owner.mentions.append(c.with_(type=owner.type, entry=owner.entry))
    return sorted(clusters.values(), key=lambda k: min(m.start for m in k.mentions))
