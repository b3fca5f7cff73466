"""The event coder: triggers in each sentence, their actors, and the event they make.

For every sentence: find the trigger patterns of the article's language, keep the most
specific ones (a verb swallows the noun trigger that is its object: "mengutuk serangan" is one
condemnation, not an attack too), pick the actors (`roles`), read negation and modality
(`cues`), and code the event with the published tables. Restatements of one event merge.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Actor, Article, Event, Evidence, Span
from .actors import ActorMention, country_key, main_countries, named_mentions, speaker_actor, speaker_name
from .cues import Cues, Token, cues_for, modality, negated, tokenize, topics
from .lexicon import Lexicon, Match, load_lexicon
from .roles import pairs_for, split_sides
from .tables import lookup

OBJECT_REACH = 3  # tokens after a verb trigger in which a noun trigger is its object
LOCATION_TYPES = frozenset({"CITY", "FAC", "REGION", "PLACE", "LOC", "GPE"})
PRODUCER = "events"


@dataclass(frozen=True)
class Context:
    """What the coder knows about the article while it reads sentences."""

    article: Article
    lexicon: Lexicon
    cues: Cues
    mentions: tuple[ActorMention, ...]
    mains: tuple[Actor, ...]
    tone: Callable[[str], float | None]


def lexicon_language(article: Article) -> str:
    """The lexicon to read the article with: Malay and unknown read as Indonesian or English."""
    language = (article.language or "").lower()
    return "id" if language in {"id", "ms"} else "en"


def build_context(article: Article, *, tone: Callable[[str], float | None]) -> Context:
    """Gather the article-wide facts: lexicon, cues, actor mentions and main countries."""
    language = lexicon_language(article)
    cues = cues_for(language)
    mains = main_countries(article)
    mentions = named_mentions(article) + _resolved_mentions(article, cues, mains)
    return Context(article, load_lexicon(language), cues, tuple(sorted(mentions, key=lambda m: m.start)), mains, tone)


def _resolved_mentions(article: Article, cues: Cues, mains: tuple[Actor, ...]) -> list[ActorMention]:
    """"kedua negara"/"both countries" -> the two main countries; "kami"/"we" in a quote -> its speaker."""
    found = []
    tokens = tokenize(article.text)
    for i, token in enumerate(tokens):
        both = cues.has("both", tokens, i)
        if both and len(mains) == 2:
            end = tokens[i + both - 1].end
            found += [ActorMention(token.start, end, actor, "both") for actor in mains]
        elif cues.has("self", tokens, i):
            actor = speaker_actor(article, token.start)
            if actor is not None:
                found.append(ActorMention(token.start, token.end, actor, "self"))
    return found


def code_article(context: Context) -> tuple[Event, ...]:
    """All events of the article, restatements merged, in text order."""
    events: list[Event] = []
    for sentence in context.article.sentences:
        events += code_sentence(context, sentence)
    return merge(events)


def code_sentence(context: Context, sentence: Span) -> list[Event]:
    """The events one sentence states (at most one per type and pair of sides)."""
    text = context.article.text[sentence.start:sentence.end]
    tokens = tokenize(text, sentence.start)
    inside = [m for m in context.mentions if sentence.start <= m.start < sentence.end]
    matches = select(context.lexicon.matches([t.text for t in tokens]), tokens, inside)
    if not matches:
        return []
    sides = split_sides(inside, tokens, context.cues, text, sentence.start)
    events, seen = [], set()
    for match in matches:
        for event in _events_for(context, sentence, tokens, match, sides):
            key = (event.type, frozenset((country_key(event.actor1), country_key(event.actor2))))
            if key not in seen:
                seen.add(key)
                events.append(event)
    return events


def select(matches: list[Match], tokens: list[Token], mentions: list[ActorMention]) -> list[Match]:
    """Drop triggers inside names, overlapped by a more specific one, or that are a verb's object."""
    named = [(m.start, m.end) for m in mentions if m.kind == "named"]
    matches = [m for m in matches if not any(s <= tokens[m.start].start < e for s, e in named)]
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (-m.pattern.weight, m.start)):
        if not any(k.start < match.end and match.start < k.end for k in kept):
            kept.append(match)
    kept.sort(key=lambda m: m.start)
    result: list[Match] = []
    for match in kept:
        if result and result[-1].pattern.kind == "verb" and match.start - result[-1].end < OBJECT_REACH:
            continue
        result.append(match)
    return result


def _events_for(context: Context, sentence: Span, tokens: list[Token], match: Match, sides) -> list[Event]:
    code = lookup(match.pattern.cameo)
    if code is None:  # CAMEO 01 statements are not PLOVER events
        return []
    start, end = tokens[match.start].start, tokens[match.end - 1].end
    pairs = pairs_for(sides, start, end, mains=context.mains)
    if not pairs:
        return []
    text = context.article.text[sentence.start:sentence.end]
    evidence = Evidence(text=text, start=sentence.start, end=sentence.end, trigger=context.article.text[start:end])
    shared = dict(
        type=code.plover, cameo=code.code, evidence=evidence, goldstein=code.goldstein, quad_class=code.quad_class,
        mode=code.mode, context=tuple(dict.fromkeys(code.context + topics(context.cues, tokens))),
        negated=negated(context.cues, tokens, match.start), modality=modality(context.cues, tokens, match.start),
        source=_source(context, sides, start), date=_date(context.article, sentence),
        location=_location(context.article, sentence), tone=context.tone(text), producer=PRODUCER)
    return [Event(actor1=a, actor2=b, confidence=_confidence(match, explicit, shared["modality"]), **shared)
            for a, b, explicit in pairs if country_key(a) != country_key(b)]


def _confidence(match: Match, explicit: bool, modality: str) -> float:
    """A rough belief: both sides named, a specific pattern and a plain assertion raise it."""
    score = 0.45 + (0.25 if explicit else 0.0) + min(0.15, 0.05 * (match.pattern.weight - 1))
    return round(score - (0.1 if modality != "asserted" else 0.0), 2)


def _source(context: Context, sides, offset: int) -> str | None:
    """Who says the event happened: the quotation's speaker, else the sentence's reporter."""
    name = speaker_name(context.article, offset)
    if name:
        return name
    return sides.reporters[0].actor.name if sides.reporters else None


def _date(article: Article, sentence: Span) -> str | None:
    for date in article.dates:
        if sentence.start <= date.start < sentence.end and date.value:
            return date.value
    return None


def _location(article: Article, sentence: Span) -> str | None:
    """The first place below country level named in the sentence (a city, a site)."""
    for entity in article.entities:
        if entity.type.upper() in LOCATION_TYPES and not entity.iso3:
            if any(sentence.start <= m.start < sentence.end for m in entity.mentions):
                return entity.name
    return None


def merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per real event: the same code, sides and trigger words restate one event."""
    kept: dict[tuple, Event] = {}
    for event in events:
        sides = frozenset((country_key(event.actor1), country_key(event.actor2)))
        key = (event.cameo, sides, (event.evidence.trigger or "").lower(), event.negated)
        if key in kept:
            first = kept[key]
            kept[key] = first.replace(confidence=round(min(0.95, first.confidence + 0.05), 2))
        else:
            kept[key] = event
    return tuple(kept.values())
