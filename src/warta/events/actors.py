"""Actors for events: where the article names a side, and which country that side acts for.

An actor comes from a linked entity: a person acts for the state they represent (the entity's
`country`), a company or army for its country, a country for itself, an international body
under its CAMEO code (IGOUNO) without a country. Phrases like "kedua negara" ("both
countries") stand for the article's two main countries, and "kami"/"we" inside a quotation for
the speaker's side, when the article makes those clear.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Actor, Article, Entity

PLACE_TYPES = frozenset({"PLACE", "GPE", "LOC", "FAC", "COUNTRY", "CITY", "REGION"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A stretch of text that names an actor; `kind` says how it was found."""

    start: int
    end: int
    actor: Actor
    kind: str = "named"  # named, both, self
    entity_type: str = ""


def actor_for(entity: Entity) -> Actor | None:
    """The actor an entity stands for, or None when it belongs to no country or body."""
    country = entity.iso3 or entity.country
    code = entity.cameo or country
    if not country and not code:
        return None
    return Actor(name=entity.name, country=country, code=code, entity=entity.id)


def country_key(actor: Actor) -> str | None:
    """What tells two sides apart: the country, else the CAMEO code (an IGO)."""
    return actor.country or actor.code


def named_mentions(article: Article) -> list[ActorMention]:
    """Every mention of an entity that stands for an actor, in text order."""
    found = []
    for entity in article.entities:
        actor = actor_for(entity)
        if actor is None:
            continue
        for mention in entity.mentions:
            found.append(ActorMention(mention.start, mention.end, actor, "named", entity.type.upper()))
    return sorted(found, key=lambda m: (m.start, -m.end))


def main_countries(article: Article) -> tuple[Actor, ...]:
    """The article's two main countries when two clearly lead the mentions, else fewer.

    "Both countries" and a speaker's "we" resolve against these; an article about one country
    and many others has no clear pair, and then nothing is resolved.
    """
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in named_mentions(article):
        if mention.actor.country:
            counts[mention.actor.country] += 1
            first.setdefault(mention.actor.country, _country_actor(mention.actor))
    ranked = counts.most_common(3)
    if len(ranked) >= 2 and ranked[1][1] >= 2 and (len(ranked) < 3 or ranked[1][1] > ranked[2][1]):
        return (first[ranked[0][0]], first[ranked[1][0]])
    return tuple(first[c] for c, _ in ranked[:1])


def _country_actor(actor: Actor) -> Actor:
    """The state itself, for a side reached through one of its people or places."""
    return Actor(name=actor.country or actor.name, country=actor.country, code=actor.country, entity=None)


def speaker_actor(article: Article, offset: int) -> Actor | None:
    """The side of whoever speaks the quotation around `offset`, when known."""
    for quote in article.quotes:
        if quote.start <= offset < quote.end and isinstance(quote.speaker, dict):
            country = quote.speaker.get("country") or _entity_country(article, quote.speaker.get("entity"))
            if country:
                return Actor(name=str(quote.speaker.get("name") or country), country=country, code=country,
                             entity=quote.speaker.get("entity"))
    return None


def speaker_name(article: Article, offset: int) -> str | None:
    """The name of the speaker of the quotation around `offset`, when known."""
    for quote in article.quotes:
        if quote.start <= offset < quote.end and isinstance(quote.speaker, dict):
            return quote.speaker.get("name")
    return None


def _entity_country(article: Article, entity_id: str | None) -> str | None:
    for entity in article.entities:
        if entity.id == entity_id:
            return entity.iso3 or entity.country
    return None
