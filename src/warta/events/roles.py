"""Who is the source and who the target of a trigger, from ordered actor mentions in a sentence.

The actor group right before the trigger is the source ("Iran dan Rusia telah meningkatkan kerja
sama"), the first other side after it the target ("... dengan Rusia", "... against Iraq"). A group
of several sides with nobody else is a joint action between them ("antara Iran dan Rusia").
Whoever only reports the event ("kata Jalali", "X said") is not a side, unless no other side is
named: a spokesman usually speaks for one of the sides.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from ..model import Actor
from .actors import ActorMention, country_key
from .cues import Cues, Token

REPORT_REACH = 3  # tokens between a reporting verb and the name of who reports
MAX_JOINT = 4  # sides in one group beyond which pairs would be guesswork


@dataclass
class SentenceActors:
    """The actor mentions of one sentence, split into sides and reporters."""

    groups: list[list[ActorMention]] = field(default_factory=list)
    reporters: list[ActorMention] = field(default_factory=list)


def _token_index(tokens: list[Token], offset: int) -> int:
    for i, token in enumerate(tokens):
        if token.end > offset:
            return i
    return len(tokens)


def _is_reporter(mention: ActorMention, tokens: list[Token], cues: Cues) -> bool:
    """A name right after "menurut"/"kata"/"according to" or right before "said"/"mengatakan"."""
    first = _token_index(tokens, mention.start)
    last = _token_index(tokens, mention.end - 1)
    for i in range(max(0, first - REPORT_REACH), first):
        if cues.has("report", tokens, i):
            return True
    for i in range(last + 1, min(len(tokens), last + 1 + REPORT_REACH)):
        if cues.has("report", tokens, i):
            return True
        if tokens[i].text in {".", ";", "“", "”", '"'}:
            break
    return False


def _outermost(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop mentions nested in a longer one ("Rusia" inside "Menteri Energi Rusia")."""
    kept = []
    for m in mentions:
        if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                   for o in mentions):
            kept.append(m)
    return kept


def split_sides(mentions: list[ActorMention], tokens: list[Token], cues: Cues, text: str, base: int) -> SentenceActors:
    """Group the sentence's mentions: names joined by "dan"/"and"/commas form one group."""
    result = SentenceActors()
    for mention in _outermost(mentions):
        if mention.kind == "named" and _is_reporter(mention, tokens, cues):
            result.reporters.append(mention)
            continue
        last = result.groups[-1][-1] if result.groups else None
        if last is not None and _joined(text[last.end - base:mention.start - base], cues):
            result.groups[-1].append(mention)
        else:
            result.groups.append([mention])
    return result


def _joined(between: str, cues: Cues) -> bool:
    """Whether only coordination (and, dan, commas) stands between two names."""
    words = [w for w in between.lower().replace(",", " ").split() if w not in {"the", "-", "–"}]
    return all((w,) in cues.phrases.get("coordination", ()) for w in words)


def _sides(group: list[ActorMention]) -> list[Actor]:
    """The distinct sides of a group, in order."""
    seen: dict[str, Actor] = {}
    for mention in group:
        key = country_key(mention.actor)
        if key and key not in seen:
            seen[key] = mention.actor
    return list(seen.values())


def pairs_for(actors: SentenceActors, start: int, end: int, *, mains: tuple[Actor, ...]) -> list[tuple[Actor, Actor, bool]]:
    """(source, target, explicit) pairs for a trigger at [start, end); explicit is False for guesses."""
    before = [g for g in actors.groups if g[-1].end <= start]
    after = [g for g in actors.groups if g[0].start >= end]
    source = _sides(before[-1]) if before else []
    if len(source) >= 2:
        return _joint(source)
    later = [a for g in after for a in _sides(g)]
    if not source and later:
        first_group = _sides(after[0])
        if len(first_group) >= 2:
            return _joint(first_group)
        source, later = later[:1], later[1:]
    if source:
        target = next((a for a in later if country_key(a) != country_key(source[0])), None)
        if target is not None:
            return [(source[0], target, True)]
    return _fallback(source, actors, mains)


def _joint(sides: list[Actor]) -> list[tuple[Actor, Actor, bool]]:
    if len(sides) > MAX_JOINT:
        return []
    return [(a, b, True) for a, b in combinations(sides, 2)]


def _fallback(found: list[Actor], actors: SentenceActors, mains: tuple[Actor, ...]) -> list[tuple[Actor, Actor, bool]]:
    """One side named: the other is the reporter's side, else the article's other main country."""
    reporters = [m.actor for m in actors.reporters]
    if not found:
        found, reporters = reporters[:1], reporters[1:]
    if not found:
        return []
    side = found[0]
    for other in reporters:
        if country_key(other) and country_key(other) != country_key(side):
            return [(side, other, False)]
    keys = [country_key(m) for m in mains]
    if len(mains) == 2 and side.country in keys:
        other = mains[1 - keys.index(side.country)]
        return [(side, other, False)]
    return []
