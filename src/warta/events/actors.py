"""Actors for events: where the article names a side, and which country that side acts for.

An actor comes from a linked entity: a person acts for the state they represent (the entity's
`country`), a company or army for its country, a country for itself, an international body
under its CAMEO code (IGOUNO) without a country. Phrases like "kedua negara" ("both
countries") stand for the article's two main countries, and "kami"/"we" inside a quotation for
the speaker's side, when the article makes those clear.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ..lang import language_for
from ..lang.folders import read_lines
from ..model import Actor, Article, Entity, Quote
from .persons import person_actor

PLACE_TYPES = frozenset({"PLACE", "GPE", "LOC", "FAC", "COUNTRY", "CITY", "REGION"})
# CAMEO sectors that report rather than act: a news agency named in a dateline is not a side
NON_ACTOR_SECTORS = ("MED",)
AGENT_FILES = ("event_agent_words.tsv", "event_agents.tsv")
# CAMEO sectors of the state itself: "Iraq" and "the Iraqi government" (IRQGOV) are one side
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"})
# CAMEO sectors that stand against their own state: rebels, insurgents, separatists, the opposition,
# radicals, armed groups of no state; they act on it ("Rwandan rebels demanded that Rwanda ...")
OPPOSING_SECTORS = frozenset({"REB", "INS", "SEP", "OPP", "RAD", "UAF"})
RESIDENCE_REACH = 12  # characters between an ethnic people and the place it lives in ("in south ")
PAIR_SHARE = 0.75  # share of country mentions two countries need to be "the" pair of an article
CURRENCY_SIGN = re.compile(r" ?\$")  # right after a country's name: its currency, not the country


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A stretch of text that names an actor; `kind` says how it was found."""

    start: int
    end: int
    actor: Actor
    kind: str = "named"  # named, both, self
    entity_type: str = ""
    locative: bool = False  # right after "di"/"in": where something happens
    agent: bool = False  # right after "oleh"/"by": who acts in a passive clause
    oblique: bool = False  # right after "ke"/"with"/"against": a target, never the subject
    example: bool = False  # in a list of examples ("seperti Vietnam, Thailand dan Malaysia"), no joint actors


def actor_for(entity: Entity) -> Actor | None:
    """The actor an entity stands for, or None when it belongs to no country or body."""
    country = entity.iso3 or entity.country
    code = entity.cameo or country
    if (not country and not code) or (code or "").endswith(NON_ACTOR_SECTORS):
        return None
    if not country and len(code or "") < 6:  # a bare "IGO" names no body in particular
        return None
    return Actor(name=entity.name, country=country, code=code, entity=entity.id)


def country_key(actor: Actor) -> str | None:
    """What tells two sides apart: the country, else the CAMEO code (an IGO)."""
    return actor.country or actor.code


def distinct_sides(a: Actor, b: Actor) -> bool:
    """Two different sides: other countries, or two sectors of one country ("Georgian
    demonstrators" GEOOPP against "the Georgian government" GEOGOV)."""
    if country_key(a) != country_key(b):
        return True
    return len(a.code or "") > 3 and len(b.code or "") > 3 and a.code != b.code


def acts_on(source: Actor, target: Actor) -> bool:
    """Whether `source` can act on `target` as another side: distinct sides, a state acting
    on a part of its country that is not the state ("Turkey" allows "Turkish refugees" TURREF
    to return), or rebels or the opposition acting on their own state; a company does not act
    on its own state."""
    if distinct_sides(source, target):
        return True
    sector, target_sector = (source.code or "")[3:6], (target.code or "")[3:6]
    if sector in OPPOSING_SECTORS:
        return target_sector in STATE_SECTORS or len(target.code or "") == 3
    state = sector in STATE_SECTORS or len(source.code or "") == 3
    return state and len(target.code or "") > 3 and target_sector not in STATE_SECTORS


def named_mentions(article: Article, *, dated: bool = True) -> list[ActorMention]:
    """Every mention of an entity that stands for an actor, in text order. Without `dated`, a
    person read by surname is not checked against the article's date (the syntax stage's sentence
    selector, which does not read `published`, asks for a superset)."""
    found = []
    for entity in article.entities:
        actor = actor_for(entity) or person_actor(entity, article, dated=dated)
        kind = "named"
        if actor is None and _opaque(entity):
            # an international body without a specific code still takes a side's place, so that
            # no other side is guessed for it; events with it are not coded
            actor, kind = Actor(name=entity.name, code=entity.cameo, entity=entity.id), "opaque"
        if actor is None:
            continue
        for mention in entity.mentions:
            if CURRENCY_SIGN.match(article.text, mention.end):  # "US$ 4,3 miliar", "US $120 juta": a currency
                continue
            found.append(ActorMention(mention.start, mention.end, actor, kind, entity.type.upper()))
    return sorted(found, key=lambda m: (m.start, -m.end))


def _opaque(entity: Entity) -> bool:
    return not (entity.iso3 or entity.country) and bool(entity.cameo) and not entity.cameo.endswith(NON_ACTOR_SECTORS)


def is_opaque(actor: Actor) -> bool:
    """An actor that holds a place in a sentence but is too vague to code (a bare "IGO")."""
    return not actor.country and len(actor.code or "") < 6


@cache
def agent_words(language: str) -> dict[tuple[str, ...], str]:
    """Agent word(s) -> CAMEO agent code ("troops" MIL), hand-written entries first."""
    words: dict[tuple[str, ...], str] = {}
    for filename in AGENT_FILES:
        for line in read_lines(language, filename):
            word, _, code = line.partition("\t")
            if code.strip():
                words.setdefault(tuple(word.strip().lower().split("~")), code.strip())
    return words


def with_agents(mentions: list[ActorMention], text: str, language: str) -> list[ActorMention]:
    """Give a country mention the sector its neighbour word names: "Russian troops" RUSMIL,
    "pemerintah Georgia" GEOGOV. People and bodies keep the code they were linked with."""
    words = agent_words(language)
    before = language_for(language).agent_before_country  # "pemerintah Georgia", not "Georgian government"
    result = []
    for mention in mentions:
        actor = mention.actor
        if mention.kind == "named" and actor.country and actor.code in (None, actor.country):
            code = _agent_near(text, mention, words, before=before)
            if code:
                mention = dataclasses.replace(mention, actor=actor.replace(code=actor.country + code))
        result.append(mention)
    return result


def ethnic_peoples(mentions: list[ActorMention], text: str, ethnic: frozenset[str],
                   residence: frozenset[str]) -> list[ActorMention]:
    """Mentions (in text order) with a people named by its ethnicity and the place it lives in
    ("ethnic Albanians in south Serbia", "etnis Albania di Serbia") made the people of that
    country (SRBPPL), not the state its name names; the place is the next mention within reach
    after "in"/"of". Without such a place the name keeps its country (who else it is, is unknown)."""
    if not ethnic:
        return mentions
    result = list(mentions)
    for n, mention in enumerate(mentions):
        if mention.kind != "named" or _last_word(text[max(0, mention.start - 20):mention.start]) not in ethnic:
            continue
        home = next((m for m in mentions[n + 1:] if m.start - mention.end <= RESIDENCE_REACH and m.actor.country
                     and _first_word(text[mention.end:m.start]) in residence), None)
        if home is not None and home.actor.country != mention.actor.country:
            country = home.actor.country
            result[n] = dataclasses.replace(mention, actor=Actor(name=text[mention.start:mention.end], country=country,
                                                                 code=f"{country}PPL"))
    return result


def _first_word(text: str) -> str:
    words = re.findall(r"[\w-]+", text.lower())
    return words[0] if words else ""


def _last_word(text: str) -> str:
    words = re.findall(r"[\w-]+", text.lower())
    return words[-1] if words else ""


def _agent_near(text: str, mention: ActorMention, words: dict[tuple[str, ...], str], *, before: bool) -> str | None:
    """The agent code of the one or two words right after (English) or before (Indonesian) a name."""
    if before:
        near = re.findall(r"[\w-]+", text[max(0, mention.start - 40):mention.start].lower())[-2:]
        candidates = [tuple(near[-2:]), tuple(near[-1:])]
    else:
        near = re.findall(r"[\w-]+", text[mention.end:mention.end + 40].lower())[:2]
        candidates = [tuple(near[:2]), tuple(near[:1])]
    return next((words[c] for c in candidates if c and c in words), None)


def main_countries(article: Article, *, dated: bool = True,
                   mentions: list[ActorMention] | None = None) -> tuple[Actor, ...]:
    """The article's two main countries when two clearly lead the mentions, else fewer.

    "Both countries" and a speaker's "we" resolve against these; an article about one country
    and many others has no clear pair, and then nothing is resolved. `mentions`: the article's
    `named_mentions` (with the same `dated`), when the caller has them already.
    """
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in named_mentions(article, dated=dated) if mentions is None else mentions:
        if mention.actor.country and mention.kind == "named":
            counts[mention.actor.country] += 1
            first.setdefault(mention.actor.country, _country_actor(mention.actor))
    ranked = counts.most_common(3)
    pair_share = sum(n for _, n in ranked[:2]) / max(1, sum(counts.values()))
    if len(ranked) >= 2 and ranked[1][1] >= 2 and (len(ranked) < 3 or ranked[1][1] > ranked[2][1]) \
            and pair_share >= PAIR_SHARE:
        return (first[ranked[0][0]], first[ranked[1][0]])
    return tuple(first[c] for c, _ in ranked[:1])


def _country_actor(actor: Actor) -> Actor:
    """The state itself, for a side reached through one of its people or places."""
    return Actor(name=actor.country or actor.name, country=actor.country, code=actor.country, entity=None)


class Speakers:
    """The quotations with a known speaker, to find the one around an offset by bisection: a scan
    of them all for each trigger and each "kami" made events quadratic in long articles."""

    def __init__(self, article: Article) -> None:
        self.quotes = [q for q in article.quotes if isinstance(q.speaker, dict)]
        self.order = sorted(range(len(self.quotes)), key=lambda n: self.quotes[n].start)
        self.starts = [self.quotes[n].start for n in self.order]
        self.reach = list(accumulate((self.quotes[n].end for n in self.order), max))  # the farthest end among the first n
        self.countries: dict[str, str | None] = {}  # entity id -> its country (the first entity with the id)
        for entity in article.entities:
            self.countries.setdefault(entity.id, entity.iso3 or entity.country)

    def around(self, offset: int) -> list[Quote]:
        """The quotations with a speaker that hold `offset`, in the article's order."""
        found = []
        n = bisect_right(self.starts, offset)  # the quotations starting at or before `offset`
        while n > 0 and self.reach[n - 1] > offset:  # one of them still reaches past it
            n -= 1
            if self.quotes[self.order[n]].end > offset:
                found.append(self.order[n])
        return [self.quotes[k] for k in sorted(found)]

    def actor(self, offset: int) -> Actor | None:
        """The side of whoever speaks the quotation around `offset`, when known."""
        for quote in self.around(offset):
            country = quote.speaker.get("country") or self.countries.get(quote.speaker.get("entity"))
            if country:
                return Actor(name=str(quote.speaker.get("name") or country), country=country, code=country,
                             entity=quote.speaker.get("entity"))
        return None

    def name(self, offset: int) -> str | None:
        """The name of the speaker of the quotation around `offset`, when known."""
        quotes = self.around(offset)
        return quotes[0].speaker.get("name") if quotes else None
