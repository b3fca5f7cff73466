"""Which trigger matches of a sentence are events: the selection step of the event coder.

A trigger inside a name or a title is none; of overlapping matches the most specific wins; a
verb swallows the noun trigger that is its object ("mengutuk serangan" is one condemnation);
"V1 to V2" is resolved (an intent to cooperate is the promise, any other complement the event,
a purpose clause none); with a parse, verb patterns count only on verbs (`grammar.gate`).
"""
from __future__ import annotations

import dataclasses
import itertools
from bisect import bisect_right
from functools import cache, partial

from ..entities.candidates import Occupancy
from ..lang import words_of_all
from ..model import Parse
from .actors import ActorMention
from .cues import Cues, Token
from .clause import purpose
from .grammar import DEVERBAL, gate
from .lexicon import Match
from .tables import lookup

COMPLEMENT_REACH = 2  # tokens between a verb and its complement verb ("prepared to attend")
OBJECT_REACH = 3  # tokens after a verb trigger in which a noun trigger is its object
# the intent (CAMEO 03x) to do a cooperative act of root 04-08: to meet, to cooperate
# diplomatically or materially, to give aid, to yield
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


def anaphoric(cues: Cues, tokens: list[Token], match: Match) -> bool:
    """An event noun with a demonstrative ("Sanksi itu", "serangan tersebut") points back to an
    event already told; coding it again guesses its sides from a sentence that may not name them."""
    return noun_form(match, tokens) and bool(cues.has("anaphor", tokens, match.end))


def in_title(match: Match, tokens: list[Token], text: str) -> bool:
    """A capitalised noun after a capitalised word is part of a name or title
    ("Direktur Jenderal Perundingan Perdagangan"), not an event."""
    if match.pattern.kind == "verb" or match.start == 0:
        return False
    word, before = tokens[match.start], tokens[match.start - 1]
    return text[word.start:word.start + 1].isupper() and text[before.start:before.start + 1].isupper()


class _Names:
    """Spans of the named actors of a sentence, for the questions `select` asks of each trigger
    (inside a name? right after one?) without a scan of them all."""

    def __init__(self, named: list[tuple[int, int]]) -> None:
        spans = sorted(named)
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))  # the farthest end among the first n
        self.ending: dict[int, tuple[int, int]] = {}  # end -> the first span (in mention order) ending there
        for s, e in named:
            self.ending.setdefault(e, (s, e))

    def cover(self, offset: int) -> bool:
        """Whether a span holds `offset` (s <= offset < e)."""
        n = bisect_right(self.starts, offset)
        return n > 0 and self.reach[n - 1] > offset


def _noun_use(match: Match, tokens: list[Token], named: _Names, cues: Cues) -> bool:
    """A lone verb word used as a noun: after a determiner ("an Islamic State target", "the
    release"), skipping a name in between, or after a nationality adjective ("Syrian forces")."""
    if match.pattern.kind != "verb" or match.pattern.weight > 1 or match.start == 0:
        return False
    i = match.start
    name = named.ending.get(tokens[i - 1].end)
    if name is not None:
        if _demonym(tokens[i - 1].text):
            return True
        while i > 0 and tokens[i - 1].start >= name[0]:
            i -= 1
        # "an Islamic State target" is a noun phrase; "The USA helped" has its subject
        return i > 0 and tokens[i - 1].text in {"a", "an"}
    # "sentenced to 50 weeks in jail", "the people of Crimea": a noun after a preposition
    return bool(cues.ends("determiner", tokens, i) or cues.ends("preposition", tokens, i))


def _demonym(word: str) -> bool:
    """Nationality adjectives: Syrian, Chinese, British, Israeli (English morphology)."""
    return word.endswith(("ian", "ese", "ish", "eli", "ani", "can", "ean"))


def _complements(matches: list[Match], tokens: list[Token], cues: Cues, parse: Parse | None = None) -> list[Match]:
    """Resolve "V1 to V2" (with a parse, an infinitive is dropped only as a purpose clause: the
    complement of "continued to send" is the event). After an intent verb (CAMEO 03: agree, pledge, want, prepare) a
    cooperative complement is what was promised, and the promise is the event, coded as the intent
    to do it ("agreed to share information" 031, "offered to meet" 036); any other complement is
    the event itself ("pledged to expel" 174). After any other verb the complement is a purpose
    clause of V1 ("met ... to discuss"), not an event of its own."""
    drop, kept, refined = set(), set(), {}
    for first, second in itertools.pairwise(matches):
        joined = second.start - first.end <= COMPLEMENT_REACH and any(  # "to" between, or ending V1 ("offered to")
            cues.has("complement", tokens, i) for i in range(first.end - 1, second.start))
        if first.pattern.kind == "verb" and second.pattern.kind == "verb" and joined:
            intent = first.pattern.cameo.startswith("03")
            promised = INTENT_CODES.get(second.pattern.cameo[:2]) if intent else None
            if promised is not None:
                refined[id(first)] = promised
                drop.add(id(second))
                kept.add(id(first))
                continue
            drop.add(id(first) if intent else id(second))
            kept.add(id(second) if intent else id(first))
    infinitives = {id(m) for m in matches if m.pattern.kind == "verb" and id(m) not in kept
                   and m.start > 0 and cues.ends("infinitive", tokens, m.start)
                   and (parse is None or purpose(parse, tokens[m.start].start))}
    gone = drop | infinitives  # once: a union for each match was quadratic
    return [_recoded(m, refined[id(m)]) if id(m) in refined and m.pattern.cameo == "030" else m
            for m in matches if id(m) not in gone]


def _recoded(match: Match, cameo: str) -> Match:
    """The match with the CAMEO code of what its complement promises."""
    return Match(match.start, match.end, dataclasses.replace(match.pattern, cameo=cameo))


def plain_trigger(match: Match, tokens: list[Token], text: str) -> bool:
    """A trigger that starts with a letter or digit and is not part of a title (`in_title`)."""
    return tokens[match.start].text[:1].isalnum() and not in_title(match, tokens, text)


def select(matches: list[Match], tokens: list[Token], mentions: list[ActorMention], text: str,
           cues: Cues, *, parse: Parse | None = None) -> list[Match]:
    """Drop triggers inside names, overlapped by a more specific one, or that are a verb's object;
    with a parse, verb patterns only on verbs (on a noun they are event nouns)."""
    named = _Names([(m.start, m.end) for m in mentions if m.kind == "named"])
    # a pattern that starts on a verb of saying ("said they will attack") passes through to what was
    # said: the verb there is a trigger of its own
    matches = [m for m in matches if plain_trigger(m, tokens, text)
               and not named.cover(tokens[m.start].start) and not cues.has("say", tokens, m.start)]
    if parse is None:
        matches = [m for m in matches if not _noun_use(m, tokens, named, cues)]
    else:
        matches = [m for m in map(partial(_gated, parse, tokens), matches) if m is not None]
    matches = _unswallowed(matches)
    kept: list[Match] = []
    taken = Occupancy(max([len(tokens), *(m.end for m in matches)]))  # the tokens kept triggers span
    for match in sorted(matches, key=lambda m: (-m.pattern.weight, m.start)):
        if not taken.overlaps(match.start, match.end):
            kept.append(match)
            taken.take(match.start, match.end)
    kept.sort(key=lambda m: m.start)
    result: list[Match] = []
    for match in _complements(kept, tokens, cues, parse):
        # a verb swallows the event noun that is its object ("condemned the attack"); a verb that
        # codes no event does not swallow a verb the parse finds after it: that one is the act
        # ("issued a declaration demanding that ...", "issued a statement condemning ...")
        if result and result[-1].pattern.kind == "verb" and match.start - result[-1].end < OBJECT_REACH \
                and not (parse is not None and match.pattern.kind == "verb" and _codes_nothing(result[-1])):
            continue
        result.append(match)
    return result


def _codes_nothing(match: Match) -> bool:
    """A pattern that stops a generated one or codes a statement (CAMEO 01, no PLOVER event)."""
    return lookup(match.pattern.cameo) is None


def _unswallowed(matches: list[Match]) -> list[Match]:
    """The matches but an event noun's that starts inside a verb pattern's span: the noun is the
    verb's object ("rejected a call for peacekeepers to be deployed": the rejection, not the
    appeal), however specific its own pattern. Matches start at distinct tokens, in order."""
    inside, reach = set(), -1  # the farthest end of the verb patterns so far
    for n, match in enumerate(matches):
        if match.pattern.kind != "verb" and match.start < reach:
            inside.add(n)
        if match.pattern.kind == "verb":
            reach = max(reach, match.end)
    return [m for n, m in enumerate(matches) if n not in inside]


def _gated(parse: Parse, tokens: list[Token], match: Match) -> Match | None:
    """The match as the parse reads its first word (see `grammar.gate`)."""
    kind = gate(parse, tokens[match.start].start, match.pattern.kind)
    if kind == match.pattern.kind:
        return match
    return Match(match.start, match.end, dataclasses.replace(match.pattern, kind=kind)) if kind else None


def noun_form(match: Match, tokens: list[Token]) -> bool:
    """An event noun: a noun pattern, or a derived noun in a verb set ("serangan", "pembajakan",
    "kecaman", "agresi", "blokade"); meN-/di-/ber- words are verbs."""
    if match.pattern.kind in {"noun", DEVERBAL}:
        return True
    word = tokens[match.end - 1].text.lower() if match.end - match.start == 1 else ""
    return word.endswith(_endings("noun_endings")) and not word.startswith(_endings("verb_prefixes"))


@cache
def _endings(attribute: str) -> tuple[str, ...]:
    """The languages' noun endings or verb prefixes (Indonesian's: "-an", "me-"), as str.endswith takes them."""
    return tuple(sorted(words_of_all(attribute)))
