"""The `entities` stage: people, organisations and places, named canonically in English.

Finders propose candidate mentions — the knowledge base's gazetteer (both languages), a
statistical tagger (CRFs this project trains: for Indonesian from IndoNLU NERGrit, for English
distilled from spaCy's en_core_web_sm) and title rules ("Duta Besar Iran untuk Rusia Kazem Jalali"); `candidates.resolve`
settles overlaps and `linking` groups mentions into one `Entity` per real-world thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..kb import load_kb
from ..lang import language_for
from ..model import Article, Entity, Mention
from ..pipeline import register
from .bodies import state_bodies
from .candidates import Candidate, resolve
from .cleanup import clean_tagged
from .gazetteer import find_names, sentence_tokens
from .headlines import headline_spans, outside_headlines
from .lexicon import common_words
from .linking import Cluster, cluster, disambiguate, repeated_mentions
from .roles import assign_roles, ministry_candidates, title_words, titled_people
from .rules import dateline_candidates, pattern_candidates
from .surnames import surname_candidates
from .taggers import tag_article
from .retype import retyped
from .within import placed_within

PRODUCER = "entities"


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


def _name(c: Cluster) -> str:
    """The canonical English name: the KB's, a rule's translation, else the fullest mention."""
    if c.entry is not None:
        return c.entry.name
    named = [m.name for m in c.mentions if m.name]
    if named:
        return named[0]
    return max((m.text for m in c.mentions), key=lambda t: (len(t.split()), len(t)))


def _demonym_country(name: str, kind: str) -> str | None:
    """An organisation named after its state's people ("Russian Direct Investment Fund",
    "Iranian Foreign Ministry") belongs to that state."""
    first = name.split(" ", 1)[0]
    if kind != "ORG" or " " not in name or not first[:1].isupper():
        return None
    entry = load_kb().demonym(first)
    return entry.iso3 if entry is not None else None


def to_entity(c: Cluster) -> Entity:
    """One `Entity` record from a cluster of mentions."""
    e = c.entry
    name = _name(c)
    role = next((m.role for m in c.mentions if m.role), None) or (e.role if e else None)
    country = (e.country if e else None) or next((m.country for m in c.mentions if m.country), None) \
        or _demonym_country(name, c.type)
    cameo = (e.cameo if e else None) or next((m.cameo for m in c.mentions if m.cameo), None)
    mentions = tuple(Mention(m.start, m.end, m.text, PRODUCER) for m in sorted(c.mentions, key=lambda m: m.start))
    # a region of several countries is no place of one country: its own type, as GDELT gives it no geo type
    kind = "REGION" if e is not None and e.spans_countries and c.type == "PLACE" else c.type
    return Entity(id=e.id if e else f"{c.type.lower()}:{_slug(name)}", name=name, type=kind, mentions=mentions,
                  iso3=e.iso3 if e else None, country=country, wikidata=e.wikidata if e else None,
                  geonames=e.geonames if e else None, cameo=cameo, role=role, producer=PRODUCER)


@cache
def _common(code: str) -> frozenset[str]:
    """Ordinary words of the article's language and of Indonesian (names mix both)."""
    return common_words("id") | common_words(code)


@dataclass(frozen=True)
class EntityStage:
    """Find, link and name the entities of an article."""

    use_tagger: bool = True
    english_tagger: str = "crf"  # the `english_tagger` setting: crf or spacy
    name: str = "entities"
    requires: frozenset[str] = frozenset({"text", "sentences", "paragraphs", "tokens", "language"})
    produces: frozenset[str] = frozenset({"entities"})

    def __call__(self, article: Article) -> Article:
        kb = load_kb()
        code = language_for(article.language).code
        groups = sentence_tokens(article)  # built once for the gazetteer and the tagger
        found: list[Candidate] = find_names(article, kb=kb, common=_common(code), groups=groups)
        if self.use_tagger:
            found += tag_article(article, kb=kb, english=self.english_tagger, groups=groups)
        found += pattern_candidates(article, kb) + dateline_candidates(article, kb)
        found += titled_people(article.text, code, found, common=_common(code))
        found += surname_candidates(article, found, _common(code))
        found = outside_headlines(found, headline_spans(article.text, article.paragraphs))
        chosen = clean_tagged(resolve(found, text=article.text, title_words=title_words(code)), code=code, text=article.text, common=_common(code))
        chosen = disambiguate(chosen, common_words=common_words(code), kb=kb)
        chosen = resolve(chosen + ministry_candidates(article.text, code, chosen, kb))
        chosen = assign_roles(chosen, article.text, code, [s.start for s in article.sentences])
        chosen = state_bodies(chosen, article.text, code, kb)
        chosen = repeated_mentions(chosen, article.text)
        entities = tuple(to_entity(c) for c in cluster(chosen, article.text))
        return article.replace(entities=retyped(placed_within(entities, article.text, code), article.text, code))


@register("entities")
def _entities(settings: dict[str, Any]) -> EntityStage:
    return EntityStage(english_tagger=settings.get("english_tagger", "crf"))
