"""Government bodies that name their state: "Kementerian Luar Negeri Rusia", "Kemlu Israel",
"Russian Foreign Ministry", "Ministry of Defence of Ukraine".

Such a name is a government-body head word (the language's `entities_state_bodies.tsv`) and a
country's name or demonym where the language puts it (after the head when the language puts the
agent word before the country, `Language.agent_before_country`; else before it, or after it behind a
joiner such as "of"). The body belongs to that country, with the head's CAMEO agent code (RUSGOV):
an event side. A country named in the name overrides a KB link to another country's body (the KB's
"Kemlu" is Indonesia's; "Kemlu Israel" is Israel's).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..kb import KnowledgeBase
from ..lang import language_for, read_lines
from .candidates import Candidate

_WORD = re.compile(r"[\w’'.-]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_COUNTRY_WORDS = 3  # the longest country name looked for ("Republik Demokratik Kongo" is rare in bodies)


@dataclass(frozen=True)
class BodyWords:
    """A language's government-body head words and where the country stands."""

    heads: dict[tuple[str, ...], str]  # head words (lower case) -> CAMEO agent code
    joiners: frozenset[str]  # words between a head and a country after it ("of")
    country_after: bool  # "Kementerian Luar Negeri Rusia" (True), "Russian Foreign Ministry"


@cache
def body_words(code: str) -> BodyWords:
    """The head words of `entities_state_bodies.tsv` of a language."""
    heads: dict[tuple[str, ...], str] = {}
    joiners = set()
    for line in read_lines(code, "entities_state_bodies.tsv"):
        word, _, value = (cell.strip() for cell in line.partition("\t"))
        if word == "=joiner":
            joiners.add(value.casefold())
        elif value:
            heads[tuple(word.casefold().split("~"))] = value
    return BodyWords(heads, frozenset(joiners), language_for(code).agent_before_country)


def _head(folded: list[str], words: BodyWords) -> tuple[int, int, str] | None:
    """(start, end, agent) of the first head word(s) in a name, longest at each place."""
    longest = max((len(h) for h in words.heads), default=0)
    for i in range(len(folded)):
        for n in range(min(longest, len(folded) - i), 0, -1):
            agent = words.heads.get(tuple(folded[i:i + n]))
            if agent:
                return i, i + n, agent
    return None


def _country(text: str, kb: KnowledgeBase) -> str | None:
    """ISO3 of the country a name or a demonym ("Russian", "Iran's") names."""
    text = _POSSESSIVE.sub("", text)
    for entry, strict in kb.lookup(text):
        if entry.type == "COUNTRY" and entry.iso3 and (not strict or text.isupper()):
            return entry.iso3
    entry = kb.demonym(text) if text[:1].isupper() else None
    return entry.iso3 if entry is not None else None


def _placed_country(names: list[str], start: int, end: int, words: BodyWords, kb: KnowledgeBase) -> str | None:
    """The country the words of a name give around its head [start, end)."""
    if words.country_after or words.joiners:
        tail = range(end if words.country_after else end + 1, len(names))
        for k in tail:  # the name ends with the country, right after the head or past a joiner
            joined = words.country_after or names[k - 1].casefold() in words.joiners
            if joined and len(names) - k < _COUNTRY_WORDS and (iso3 := _country(" ".join(names[k:]), kb)):
                return iso3
    if not words.country_after:
        for k in range(1, min(start, _COUNTRY_WORDS) + 1):  # the name starts with the country
            if iso3 := _country(" ".join(names[:k]), kb):
                return iso3
    return None


def state_body(text: str, code: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(ISO3, CAMEO code) of a government body's name that names its country, else None."""
    words = body_words(code)
    if not words.heads:
        return None
    names = _WORD.findall(text)
    head = _head([w.casefold() for w in names], words)
    if head is None:
        return None
    start, end, agent = head
    iso3 = _placed_country(names, start, end, words, kb)
    return (iso3, f"{iso3}{agent}") if iso3 else None


def _joined(body: Candidate, country: Candidate, text: str, words: BodyWords) -> Candidate | None:
    """A body's name and the country mention right after (or before) it, as one body's name."""
    first, last = (body, country) if words.country_after else (country, body)
    gap = text[first.end:last.start]
    if gap not in (" ", "'s ", "’s ") and not (words.country_after and gap.strip().casefold() in words.joiners and gap.count(" ") == 2):
        return None
    return Candidate(first.start, last.end, text[first.start:last.end], "ORG", "rule")


def _is_country(c: Candidate) -> bool:
    return c.entry is not None and c.entry.type == "COUNTRY"


def _merge(found: list[Candidate], text: str, words: BodyWords) -> list[Candidate]:
    """Join each organisation with a head word to the country mention standing where the
    language puts a body's country ("Kemlu" + "Israel")."""
    out: list[Candidate] = []
    for c in sorted(found, key=lambda c: (c.start, c.end)):
        prev = out[-1] if out else None
        if prev is not None and prev.end <= c.start:
            body, country = (prev, c) if words.country_after else (c, prev)
            if body.type == "ORG" and _is_country(country) and _head([w.casefold() for w in _WORD.findall(body.text)], words):
                if (merged := _joined(body, country, text, words)) is not None:
                    out[-1] = merged
                    continue
        out.append(c)
    return out


def state_bodies(found: list[Candidate], text: str, code: str, kb: KnowledgeBase) -> list[Candidate]:
    """Give the government bodies whose names name their country that country and agent code."""
    words = body_words(code)
    if not words.heads:
        return found
    out, bodies = [], []
    for c in _merge(found, text, words):
        body = state_body(c.text, code, kb) if c.type == "ORG" else None
        if body is not None:
            c = _owned(c, *body)
            bodies.append(c)
        out.append(c)
    return [c for c in out if not any(_foreign_inside(c, b) for b in bodies)]


def _foreign_inside(c: Candidate, body: Candidate) -> bool:
    """Whether `c` is another country's KB body read inside a body's name ("Kementerian
    Pertahanan", Indonesia's, inside "Kementerian Pertahanan Amerika Serikat")."""
    inside = c is not body and body.start <= c.start and c.end <= body.end and c.length < body.length
    return inside and c.type == "ORG" and c.entry is not None and c.entry.country not in (None, body.country)


def _owned(c: Candidate, iso3: str, cameo: str) -> Candidate:
    """The body's candidate with its country: a KB link to another country's body is dropped, a
    KB body without a country (a movement, an armed group) is left as the KB knows it."""
    e = c.entry
    if e is not None and e.country == iso3:
        return c.with_(country=iso3, cameo=e.cameo or cameo)
    if e is not None and not e.country:
        return c
    other = e is not None or (c.country not in (None, iso3))
    return c.with_(entry=None, options=(), name=None if other else c.name, country=iso3, cameo=cameo)
