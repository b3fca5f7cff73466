"""The event coder: triggers in each sentence, their actors, and the event they make.

For every sentence: find the trigger patterns of the article's language, keep the most
specific ones (a verb swallows the noun trigger that is its object: "mengutuk serangan" is one
condemnation, not an attack too), pick the actors (`roles`), read negation and modality
(`cues`), and code the event with the published tables. Restatements of one event merge.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from ..lang import language_for
from ..model import Actor, Article, Event, Evidence, Span
from ..syntax.tree import parse_of
from .actors import (
    ActorMention,
    Speakers,
    acts_on,
    agent_words,
    country_key,
    ethnic_peoples,
    is_opaque,
    main_countries,
    named_mentions,
    with_agents,
)
from .clause import controlled, denied, general_verb, held, nameless_subject, on_measure, passive_at, prominence
from .cues import (
    Cues,
    Token,
    cues_for,
    is_topic,
    negated,
    refused,
    tokenize,
    topics,
)
from .distance import distance_pairs, passive_words
from .framing import by_means, obligations, reframed, with_obligations
from .hedges import clause_modality
from .grammar import DEVERBAL, Support, parsed_pairs
from .lexicon import Match
from .purposes import purposed
from .reading import sentence_matches, sentence_tokens
from .role_nouns import ALONE_SECTORS
from .examples import without_examples
from .roles import Pair, split_sides
from .selection import anaphoric, noun_form, select
from .tables import CameoCode, lookup
from .triggers import TriggerFinder, trigger_finder

LOCATION_TYPES = frozenset({"CITY", "FAC", "REGION", "PLACE", "LOC", "GPE"})
PRODUCER = "events"
PROMINENCE = 0.05  # confidence a main clause's event gains and a subordinate clause's loses
# sides named together meet, agree, sign, cooperate or cease fire with each other ...
JOINT_ROOTS = frozenset({"03", "04", "06", "08"})
JOINT_CODES = frozenset({"050", "056", "057"})
# ... fight each other unless a third side is named; any other act is on a third side
MUTUAL_ROOTS = frozenset({"18", "19", "20"})
# a side may act alone (GDELT's one-sided events: "Hezbollah released two prisoners", "the court
# opened an investigation") except in acts that need a named counterpart: consulting, diplomatic
# and material cooperation, aid (04-07)
PAIRED_ROOTS = frozenset({"04", "05", "06", "07"})
INTENT_ROOT = "03"
# the rejection (CAMEO 12x) of a cooperative act of root 03-08 its doer refuses to do
REFUSALS = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


class _FirstIn:
    """Items by offset, to find the first item (in their own order) with an offset in a range by
    bisection rather than by a scan of all items for each sentence."""

    def __init__(self, items: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(items)  # (offset, number of the item)
        self.offsets = [offset for offset, _ in pairs]
        self.numbers = [number for _, number in pairs]

    def first(self, start: int, end: int) -> int | None:
        """The lowest number among the items with an offset in [start, end)."""
        window = self.numbers[bisect_left(self.offsets, start):bisect_left(self.offsets, end)]
        return min(window) if window else None

    def nearest(self, start: int, end: int, near: Span) -> int | None:
        """The number of the item with an offset in [start, end) closest to the span `near`."""
        lo, hi = bisect_left(self.offsets, start), bisect_left(self.offsets, end)
        best = min(range(lo, hi), key=lambda i: max(near.start - self.offsets[i], self.offsets[i] - near.end, 0),
                   default=None)
        return self.numbers[best] if best is not None else None


@dataclass(frozen=True)
class Context:
    """What the coder knows about the article while it reads sentences."""

    article: Article
    lexicon: TriggerFinder  # the lexicon unless another finder is configured (`triggers`)
    cues: Cues
    mentions: tuple[ActorMention, ...]
    mains: tuple[Actor, ...]
    tone: Callable[[str], float | None]
    mention_starts: list[int]  # where each of `mentions` starts
    speakers: Speakers
    dates: _FirstIn  # the article's dates with a value, by where they start
    support: Support  # the verb and noun words the parse rules read (`grammar.Support`)
    # its places below country level within one country, by where their mentions start: a region of
    # several countries ("Middle East") is no GDELT geo type, nor is a place the KB cannot put in one
    places: _FirstIn


def lexicon_language(article: Article) -> str:
    """The lexicon to read the article with: its Language's (Malay read as Indonesian, unknown as English)."""
    return language_for((article.language or "").lower()).code


def build_context(article: Article, *, tone: Callable[[str], float | None], finder: str = "lexicon") -> Context:
    """Gather the article-wide facts: lexicon, cues, actor mentions and main countries."""
    language = lexicon_language(article)
    cues = cues_for(language)
    found = named_mentions(article)
    mains = main_countries(article, mentions=found)
    speakers = Speakers(article)
    named = ethnic_peoples(with_agents(found, article.text, language), article.text,
                           cues.words("ethnic"), cues.words("residence"))
    mentions = named + _resolved_mentions(article.text, cues, mains, speakers)
    mentions = sorted(mentions, key=lambda m: m.start)
    dates = _FirstIn((d.start, n) for n, d in enumerate(article.dates) if d.value)
    places = _FirstIn((m.start, n) for n, e in enumerate(article.entities)
                      if _is_place(e.type, e.iso3) and e.country is not None for m in e.mentions)
    support = Support(cues.words("support"), article.text, cues.words("own_people"), cues.words("own_pronoun"),
                      cues.words("having"), agent_words(language), cues.words("measure"),
                      cues.words("wishing"), cues.words("general"), cues.words("mishap"), cues.words("agent"))
    return Context(article, trigger_finder(language, finder), cues, tuple(mentions), mains, tone, [m.start for m in mentions],
                   speakers, dates, support, places)


def _is_place(kind: str, iso3: str | None) -> bool:
    """A place below country level (a city, a site): what an event's location names."""
    return kind.upper() in LOCATION_TYPES and not iso3


def _resolved_mentions(text: str, cues: Cues, mains: tuple[Actor, ...], speakers: Speakers) -> list[ActorMention]:
    """"kedua negara"/"both countries" -> the two main countries; "kami"/"we" in a quote -> its speaker."""
    # "both" needs a pair of main countries, "we" a quotation with a speaker around it: without
    # them, or without a word that could be such a cue, there is no need to read the whole text
    both = len(mains) == 2 and cues.may_start("both", text)
    own = any(cues.may_start("self", text, q.start, q.end) for q in speakers.quotes)
    if not (both or own):
        return []
    tokens = tokenize(text)
    found = []
    for i in sorted(set(cues.starts("both", tokens) + cues.starts("self", tokens))):
        token, both = tokens[i], cues.has("both", tokens, i)
        if both and len(mains) == 2:
            end = tokens[i + both - 1].end
            found += [ActorMention(token.start, end, actor, "both") for actor in mains]
        elif cues.has("self", tokens, i):
            actor = speakers.actor(token.start)
            if actor is not None:
                found.append(ActorMention(token.start, token.end, actor, "self"))
    return found


def code_article(context: Context) -> tuple[Event, ...]:
    """All events of the article, restatements merged, in text order."""
    events: list[Event] = []
    for sentence in context.article.sentences:
        events += code_sentence(context, sentence)
    return merge(events)


class _Sentence:
    """One sentence and what all its events share, each worked out once for the sentence: once
    per event, each a pass over the sentence or the article, made long inputs quadratic."""

    def __init__(self, context: Context, span: Span, tokens: list[Token], text: str, parse=None) -> None:
        self.context, self.span, self.tokens, self.text, self.parse = context, span, tokens, text, parse

    @cached_property
    def topics(self) -> tuple[str, ...]:
        return topics(self.context.cues, self.tokens)

    @cached_property
    def conditionals(self) -> list[int]:
        return self.context.cues.starts("conditional", self.tokens)

    @cached_property
    def tone(self) -> float | None:
        return self.context.tone(self.text)

    @cached_property
    def date(self) -> str | None:
        """The value of the first of the article's dates in the sentence."""
        n = self.context.dates.first(self.span.start, self.span.end)
        return self.context.article.dates[n].value if n is not None else None

    @cached_property
    def location(self) -> str | None:
        """Where the event is, as GDELT's ActionGeo: the first place below country level within one
        country named in the sentence (a city, a site), else the one of its paragraph nearest to
        the sentence, else none (a region of several countries is no place GDELT can locate)."""
        places = self.context.places
        n = places.first(self.span.start, self.span.end)
        if n is None:
            paragraph = _paragraph(self.context.article, self.span.start)
            if paragraph is not None:
                n = places.nearest(paragraph.start, paragraph.end, self.span)
        return self.context.article.entities[n].name if n is not None else None


def _paragraph(article: Article, at: int) -> Span | None:
    """The paragraph holding offset `at`, if the article has paragraphs."""
    paragraphs = article.paragraphs
    i = bisect_left([p.start for p in paragraphs], at + 1) - 1
    return paragraphs[i] if i >= 0 and at < paragraphs[i].end else None


def code_sentence(context: Context, sentence: Span) -> list[Event]:
    """The events one sentence states (at most one per type and pair of sides)."""
    lo, hi = bisect_left(context.mention_starts, sentence.start), bisect_left(context.mention_starts, sentence.end)
    if lo == hi:
        return []  # every event has a side named in its sentence (`roles.pairs_for`): none here
    inside = list(context.mentions[lo:hi])
    text = context.article.text[sentence.start:sentence.end]
    # only sentences naming a side get this far; the selector read most of them (reading.py)
    tokens = sentence_tokens(context.article.text, sentence.start, sentence.end)
    parse = parse_of(context.article, sentence.start) if context.article.syntax else None
    found = purposed(sentence_matches(context.lexicon, context.article.text, sentence.start, sentence.end),
                     tokens, parse, context.cues, context.article.text)
    matches = select(found, tokens, inside, context.article.text,
                     context.cues, parse=parse)
    matches = [m for m in matches if not is_topic(context.cues, tokens, m.start)
               and not anaphoric(context.cues, tokens, m)
               and not (parse is not None and held(parse, tokens[m.start].start, context.support))
               and not _names_people(context, tokens, m)]
    matches = with_obligations(matches, obligations(context.cues, tokens, parse, tuple(m.start for m in inside)))
    if not matches:
        return []
    sides = split_sides(inside, tokens, context.cues, text, sentence.start)
    facts = _Sentence(context, sentence, tokens, text, parse)
    events, claimed = [], {}
    clauses = context.cues.starts("clause", tokens)
    for number, match in enumerate(matches):
        clause = bisect_left(clauses, match.start)  # clauses opened before the trigger
        for event in _events_for(facts, match, sides):
            # one event per pair of sides in a clause: the first trigger is the main verb
            # ("mencapai kesepakatan ... negosiasi"); a negated one does not hide the next
            key = (frozenset((event.actor1.code, event.actor2.code if event.actor2 else None)), event.negated, clause)
            if claimed.setdefault(key, number) == number:
                events.append(event)
    return events


def _negated(facts: _Sentence, match: Match, start: int) -> bool:
    """A negator right before the trigger, else one the parse hangs on its verb or subject."""
    cues = facts.context.cues
    return negated(cues, facts.tokens, match.start) or (
        facts.parse is not None and denied(facts.parse, start, cues.words("negation"), cues.words("only")))


def _names_people(context: Context, tokens: list[Token], match: Match) -> bool:
    """Whether a one-word noun trigger is an agent word ("protesters", "investor"): it names who
    acts (their CAMEO sector), not an act."""
    return match.pattern.kind == "noun" and match.end - match.start == 1 \
        and (tokens[match.start].text,) in context.support.roles


def _code_of(facts: _Sentence, match: Match) -> tuple[CameoCode, bool, bool] | None:
    """(code, refused, asserted) of a trigger: its pattern's code, a rejection when refused, else
    what its frame makes of it (`framing`: asserted when a wish or an intent reframed it); None
    for statements (CAMEO 01, no PLOVER event) and a passive intent verb."""
    context, tokens = facts.context, facts.tokens
    code = lookup(match.pattern.cameo)
    if code is None or facts.parse is not None and on_measure(code.code, facts.parse, tokens[match.start].start,
                                                              context.support):
        return None  # "menahan inflasi" holds a figure, nobody is detained
    if code.code.startswith(INTENT_ROOT) and facts.parse is not None and match.pattern.kind == "verb" \
            and passive_at(facts.parse, tokens[match.start].start):
        return None  # an intent is its holder's: "a trip aimed at", "men sought in" hold none
    if code.code[:2] in REFUSALS and refused(context.cues, tokens, match.start):
        return lookup(REFUSALS[code.code[:2]]) or code, True, False  # "would not provide support": CAMEO 12
    framed = by_means(reframed(code.code, context.cues, tokens, match.start, facts.parse), context.cues, tokens)
    return (lookup(framed) or code, False, True) if framed != code.code else (code, False, False)


def _events_for(facts: _Sentence, match: Match, sides) -> list[Event]:
    context, sentence, tokens = facts.context, facts.span, facts.tokens
    found = _code_of(facts, match)
    if found is None:
        return []
    code, refusal, asserted = found
    start, end = tokens[match.start].start, tokens[match.end - 1].end
    mode = clause_modality(context.cues, tokens, match.start, parse=facts.parse, text=context.article.text,
                           conditionals=facts.conditionals, framed=asserted or refusal)
    relative = match.start > 0 and bool(context.cues.ends("relative", tokens, match.start))
    # sides are looked for around the trigger word itself: a verb pattern's span holds its object
    # ("engaged Filipino peacekeepers in a firefight")
    head_end = tokens[match.start].end if match.pattern.kind == "verb" else end
    options = {"mains": context.mains, "relative": relative, "verb": match.pattern.kind == "verb",
               "passive": passive_words(context.cues, tokens, match), "joint": _joint_mode(code.code)}
    # only an active verb's subject acts alone: a passive one is who was acted upon
    alone = (match.pattern.kind == "verb" and not noun_form(match, tokens) and not options["passive"]
             and code.code[:2] not in PAIRED_ROOTS)
    # a complement's act is what its controller wishes, tries or asks, unless a frame made it the
    # controller's own intent or refusal ("promised to send aid", "refused to negotiate")
    wished = None if refusal or asserted or facts.parse is None else controlled(facts.parse, start, context.support)
    # a verb too general to stand alone codes an event only with a side it acts upon; a pattern
    # that names its object too is specific ("dropped its investigation", "took to the streets")
    alone = alone and not (facts.parse is not None and match.end - match.start == 1
                           and general_verb(facts.parse, start, context.support))
    # who another's complement is aimed at is the parse's to tell ("likely to deploy forces onto
    # the former British colony's streets"); a wish of the subject's may name it further off
    pairs = without_examples(_pairs(facts, match, sides, options, alone and not wished, start, head_end,
                                    guess=wished in {None, "wish"}), sides)
    if not pairs:
        return []
    evidence = Evidence(text=facts.text, start=sentence.start, end=sentence.end, trigger=context.article.text[start:end])
    shared = {
        "type": code.plover, "cameo": code.code, "evidence": evidence, "goldstein": code.goldstein, "quad_class": code.quad_class,
        "mode": code.mode, "context": tuple(dict.fromkeys(code.context + facts.topics)),
        "negated": _negated(facts, match, start) and not refusal,
        "modality": mode,
        "source": _source(context, sides, start), "date": facts.date,
        "location": facts.location, "tone": facts.tone, "producer": PRODUCER}
    # the main predicate's event is the one the sentence asserts, a subordinate clause's less so
    lift = PROMINENCE * prominence(facts.parse, start) if facts.parse is not None else 0.0
    return [Event(actor1=pair.source, actor2=pair.target, mutual=pair.mutual,
                  confidence=round(_confidence(match, pair.explicit, "asserted" if asserted else mode) + lift, 2), **shared)
            for pair in pairs if _codable(pair)]


def _pairs(facts: _Sentence, match: Match, sides, options: dict, alone: bool, start: int, head_end: int,
           guess: bool = True) -> list[Pair]:
    """The sides of a trigger: from the parse when the sentence has one, else by distance (not
    without `guess`: a wished act's target is the one the parse finds, or none)."""
    context, tokens = facts.context, facts.tokens
    nameless = facts.parse is not None and match.pattern.kind == "verb" \
        and nameless_subject(facts.parse, start, sides, context.support)
    if facts.parse is not None:
        pairs = parsed_pairs(facts.parse, start, match.pattern.kind, sides, context.cues.words("target_case"),
                             joint=options["joint"], alone=alone, mains=context.mains,
                             patient_marks=context.cues.words("patient_case"),
                             support=context.support, end=tokens[match.end - 1].end)
        if nameless:  # only a role the parse places acts ("police arrested opposition leaders in Chile"; `acting_role`)
            return [p for p in pairs or [] if p.target is not None or (p.source.code or "")[3:6] in ALONE_SECTORS]
        if pairs is not None and (not pairs or any(p.target is not None for p in pairs)) or not guess:
            return pairs or []  # none: the parse tells no side is acted upon (an act on one's own people)
        if pairs is None and match.pattern.kind == DEVERBAL:
            return []  # a verb's pattern on a noun without an owner: "in favor of", "a target"
        alone_pairs = pairs  # the parse found the source alone: a target by distance is preferred
    else:
        alone_pairs = None
    # a side acting alone needs the parse's word for it when there is a parse
    alone = alone and facts.parse is None
    distance = distance_pairs(context.cues, language_for(context.article.language), tokens, match, sides, options,
                              alone=alone, start=start, head_end=head_end)
    if match.pattern.kind == DEVERBAL and alone_pairs:
        # an event noun's doer found through its support verb acts on a side named near, not alone
        return [p for p in distance if p.target is not None and p.source == alone_pairs[0].source]
    if alone_pairs and not any(p.target is not None and p.source == alone_pairs[0].source for p in distance):
        return alone_pairs
    return distance or alone_pairs or []


def _codable(pair: Pair) -> bool:
    """Two different sides (or one acting alone), none too vague to code (a bare "IGO")."""
    if is_opaque(pair.source):
        return False
    return pair.target is None or (acts_on(pair.source, pair.target) and not is_opaque(pair.target))


def _joint_mode(code: str) -> str:
    """What sides named together do with a trigger of this CAMEO code (see `roles.pairs_for`)."""
    if code[:2] in JOINT_ROOTS or code[:3] in JOINT_CODES:
        return "joint"
    return "mutual" if code[:2] in MUTUAL_ROOTS else "apart"


def _confidence(match: Match, explicit: bool, modality: str) -> float:
    """A rough belief: both sides named, a specific pattern and a plain assertion raise it."""
    score = 0.45 + (0.25 if explicit else 0.0) + min(0.15, 0.05 * (match.pattern.weight - 1))
    return round(score - (0.1 if modality != "asserted" else 0.0), 2)


def _source(context: Context, sides, offset: int) -> str | None:
    """Who says the event happened: the quotation's speaker, else the sentence's reporter."""
    name = context.speakers.name(offset)
    if name:
        return name
    return sides.reporters[0].actor.name if sides.reporters else None


def merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per real event: the same code, sides and trigger words restate one event."""
    kept: dict[tuple, Event] = {}
    for event in events:
        sides = tuple(country_key(actor) if actor else None for actor in (event.actor1, event.actor2))
        sides = frozenset(sides) if event.mutual else sides  # "Iran and Russia" = "Russia and Iran"
        key = (event.cameo, sides, (event.evidence.trigger or "").lower(), event.negated)
        if key in kept:
            first = kept[key]
            kept[key] = first.replace(confidence=round(min(0.95, first.confidence + 0.05), 2))
        else:
            kept[key] = event
    return tuple(kept.values())
