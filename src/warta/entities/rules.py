"""Rules that find names a tagger misses: facility phrases and the dateline's outlet.

- `lang/<code>/entities_patterns.tsv`: "Pembangkit Listrik Tenaga Nuklir Bushehr" names the
  Bushehr Nuclear Power Plant, "Dewan Keamanan Rusia" the Security Council of Russia. Such a
  phrase is kept as well as the names inside it (Bushehr stays a city).
- A dateline "Teheran, Purna Warta – ..." names the outlet that filed the story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..kb import KnowledgeBase
from ..lang.folders import read_lines
from ..model import Article
from .candidates import Candidate

# "CITY, Outlet –" at the very start of the body; the outlet is one to four capitalised words.
_DATELINE = re.compile(r"\s*(?P<place>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}),\s+"
                       r"(?P<outlet>[A-Z0-9][\w.]*(?: [A-Z0-9][\w.]*){0,3})\s*[-–—]\s")


@dataclass(frozen=True)
class Pattern:
    """One phrase rule: where it matches and the English name it gives."""

    regex: re.Pattern[str]
    template: str
    type: str


@cache
def patterns(code: str) -> tuple[Pattern, ...]:
    """The phrase rules of a language."""
    found = []
    for line in read_lines(code, "entities_patterns.tsv"):
        regex, template, kind = (line.split("\t") + ["", "", ""])[:3]
        found.append(Pattern(re.compile(regex), template.strip(), kind.strip() or "PLACE"))
    return tuple(found)


def _english(kb: KnowledgeBase, text: str, *, country_only: bool) -> str | None:
    """The canonical English name of a place written in the text, or None when unknown."""
    for entry, _ in kb.lookup(text):
        if entry.type == "COUNTRY" or (not country_only and entry.coarse == "PLACE"):
            return entry.name
    return None if country_only else text


def pattern_candidates(article: Article, kb: KnowledgeBase) -> list[Candidate]:
    """Facility and body phrases, named in English."""
    found = []
    for pattern in patterns(article.language or "id"):
        for m in pattern.regex.finditer(article.text):
            names = {}
            for group, value in m.groupdict().items():
                names[group] = _english(kb, value, country_only=group == "c")
            if None in names.values():
                continue
            country = next((e.iso3 for e, _ in kb.lookup(m.group("c")) if e.type == "COUNTRY"), None) if "c" in names else None
            found.append(Candidate(m.start(), m.end(), m.group(0), pattern.type, "rule",
                                   name=pattern.template.format(**names), country=country, nested=True))
    return found


def dateline_candidates(article: Article, kb: KnowledgeBase) -> list[Candidate]:
    """The outlet of a "Place, Outlet –" dateline, when the place is one the KB knows."""
    m = _DATELINE.match(article.text)
    if not m or not any(e.coarse == "PLACE" for e, _ in kb.lookup(m.group("place"))):
        return []
    outlet = m.group("outlet")
    known = [e for e, _ in kb.lookup(outlet) if e.coarse == "ORG"]
    return [Candidate(m.start("outlet"), m.end("outlet"), outlet, "ORG", "rule",
                      entry=known[0] if known else None, options=tuple(known))]
