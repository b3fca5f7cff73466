"""Who is the source and who the target of a trigger, from ordered actor mentions in a sentence.

The actor group right before the trigger is the source ("Iran dan Rusia telah meningkatkan kerja
sama"), the first other side after it the target ("... dengan Rusia", "... against Iraq"). A group
of several sides with nobody else is a joint action between them ("antara Iran dan Rusia").
Whoever only reports the event ("kata Jalali", "X said") is not a side, unless no other side is
named: a spokesman usually speaks for one of the sides.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from ..model import Actor
from .actors import ActorMention, country_key, distinct_sides
from .cues import Cues, Token

REPORT_REACH = 3  # tokens between a reporting verb and the name of who reports
MAX_JOINT = 4  # sides in one group beyond which pairs would be guesswork
SUBJECT_REACH = 40  # characters from the sentence start where "a court in Guyana" is still the subject
POSSESSED_REACH = 30  # characters between an event noun's owner and its target
REACH = 150  # characters between a trigger and a side: farther names belong to other clauses
# a dot inside a word ("Liputan6.com, Moskow -") does not end the dateline; one before a space does
DATELINE = re.compile(r"^(?:[^.!?\n]|\.(?=\w)){0,80}?(?:\s[-–—]{1,2}\s?|[-–—]{1,2}\s)(?=\S)")


@dataclass
class SentenceActors:
    """The actor mentions of one sentence, split into sides and reporters."""

    groups: list[list[ActorMention]] = field(default_factory=list)
    reporters: list[ActorMention] = field(default_factory=list)
    start: int = 0  # offset of the sentence
    unnamed_reporter: bool = False  # "ia mengatakan", "katanya", "he said": someone speaks for a side
    boundaries: list[int] = field(default_factory=list)  # offsets where another clause begins


def _token_index(tokens: list[Token], offset: int) -> int:
    for i, token in enumerate(tokens):
        if token.end > offset:
            return i
    return len(tokens)


def _is_reporter(mention: ActorMention, tokens: list[Token], cues: Cues) -> bool:
    """A name right after "menurut"/"kata"/"according to" or right before "said"/"mengatakan"."""
    first = _token_index(tokens, mention.start)
    last = _token_index(tokens, mention.end - 1)
    if cues.ends("report", tokens, first):  # "menurut Jalali", "kata Jalali", "according to X"
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
    result = SentenceActors(start=base)
    dateline = _dateline_end(text, base)
    for mention in _outermost(mentions):
        if mention.end <= dateline:
            continue
        first = _token_index(tokens, mention.start)
        if cues.ends("locative", tokens, first):
            mention = dataclasses.replace(mention, locative=True)
        elif _after_agent(tokens, first, cues):
            mention = dataclasses.replace(mention, agent=True)
        elif cues.ends("oblique", tokens, first) or (first > 1 and tokens[first - 1].text in {"the", "a"}
                                                      and cues.ends("oblique", tokens, first - 1)):
            mention = dataclasses.replace(mention, oblique=True)
        if mention.kind == "named" and _is_reporter(mention, tokens, cues):
            result.reporters.append(mention)
            continue
        last = result.groups[-1][-1] if result.groups else None
        if last is not None and _joined(text[last.end - base:mention.start - base], cues):
            result.groups[-1].append(mention)
        else:
            result.groups.append([mention])
    result.groups = [part for group in result.groups for part in _split_lists(group, text, base, cues)]
    result.unnamed_reporter = _unnamed_reporter(tokens, cues)
    clauses = set(cues.starts("clause", tokens))
    result.boundaries = [t.start for i, t in enumerate(tokens) if t.text in {",", ";", "(", ")", "—", "–"} or i in clauses]
    return result


def _unnamed_reporter(tokens: list[Token], cues: Cues) -> bool:
    """A pronoun reports ("ia mengatakan", "katanya", "he said"): a side's spokesman, unnamed here."""
    return any(tokens[i].text.endswith("nya") or any(cues.has("other", tokens, j) for j in range(max(0, i - 2), i))
               for i in cues.starts("report", tokens))


def _after_agent(tokens: list[Token], first: int, cues: Cues) -> bool:
    """Whether the name follows "by"/"oleh" (an article or adjective may stand between)."""
    for back in (1, 2, 3):
        if first - back >= 0 and cues.ends("agent", tokens, first - back + 1):
            return True
        if first - back < 0 or tokens[first - back].text not in {"the", "a", "an", "sang", "pihak"} and back > 1:
            break
    return False


def _dateline_end(text: str, base: int) -> int:
    """End of a dateline ("Teheran, Purna Warta –", "Liputan6.com, Moskow -"): its names are no sides."""
    match = DATELINE.match(text)
    if match and ("," in match.group() or len(match.group().split()) <= 3):
        return base + match.end()
    return base


def _joined(between: str, cues: Cues) -> bool:
    """Whether only coordination (and, dan), a list comma or titles ("dan Presiden") stand between two names."""
    words = [w for w in between.replace(",", " , ").split() if w.lower() != "the"]
    linked = [w for w in words if w == "," or (w.lower(),) in cues.phrases.get("coordination", ())]
    titles = [w for w in words if w[:1].isupper()]
    return between.strip() == "" or (bool(linked) and len(linked) + len(titles) == len(words) and len(titles) <= 3)


def _split_lists(group: list[ActorMention], text: str, base: int, cues: Cues) -> list[list[ActorMention]]:
    """A comma joins names only in a list that ends with "and"/"dan" ("A, B dan C"); else it parts clauses."""
    gaps = [text[a.end - base:b.start - base] for a, b in pairwise(group)]
    if any(any((w,) in cues.phrases.get("coordination", ()) for w in g.lower().split()) for g in gaps):
        return [group]
    parts: list[list[ActorMention]] = [[group[0]]]
    for gap, mention in zip(gaps, group[1:]):
        if "," in gap:
            parts.append([mention])
        else:
            parts[-1].append(mention)
    return parts


def _sides(group: list[ActorMention]) -> list[Actor]:
    """The distinct sides of a group, in order."""
    seen: dict[str, Actor] = {}
    for mention in group:
        key = country_key(mention.actor)
        if key and key not in seen:
            seen[key] = mention.actor
    return list(seen.values())


def pairs_for(actors: SentenceActors, start: int, end: int, *, mains: tuple[Actor, ...],
              relative: bool = False, verb: bool = False, passive: bool = False,
              joint: str = "joint", possessor: int | None = None) -> list[tuple[Actor, Actor, bool]]:
    """(source, target, explicit) pairs for a trigger at [start, end); explicit is False for guesses.

    `relative`: the trigger opens a relative clause ("negara yang berdagang dengan Iran"), so the
    side named before it is not its subject. `verb`: the trigger is a verb, whose subject comes first.
    `passive`: "by X" names the source. `joint`: what sides named together do: "joint" act
    together (meet, agree, cooperate), "mutual" act on a third side or else on each other (fight),
    "apart" act on a third side only (condemn, demand, protest). `possessor`: the offset of the
    side an Indonesian event noun belongs to ("serangan Israel ke Iran"): that side is the source.
    """
    if possessor is not None:
        return _possessed(actors, possessor, end, joint)
    before = [g for g in actors.groups if g[-1].end <= start and start - g[-1].end <= REACH
              and not (g[-1].locative and g[-1].start - actors.start > SUBJECT_REACH)
              and not g[0].oblique] if not relative else []
    after = [g for g in actors.groups if g[0].start >= end and g[0].start - end <= REACH
             and not any(end <= b < g[0].start for b in actors.boundaries if b not in _list_commas(g, actors))]
    agent = after[0] if passive and after and after[0][0].agent else None
    if agent is not None:  # passive: "was presented by the US", "dibebaskan oleh Putin"
        target = _sides(before[-1]) if before else [a for g in after if g is not agent for a in _sides(g)]
        source = _sides(agent)
        other = next((a for a in target if distinct_sides(a, source[0])), None)
        return [(source[0], other, True)] if other is not None else []
    source = _sides(before[-1]) if before else []
    spoken = False
    if not source and not relative:  # "Israel announced it would free ...": who speaks acts
        source = [m.actor for m in actors.reporters if m.end <= start and start - m.end <= REACH][-1:]
        spoken = bool(source)
    if len(source) >= 2 and joint != "joint":
        # "Putin dan Xi mengutuk Israel": each acts on the third side; with none named only
        # fighting is between them ("Israel dan Iran saling serang")
        target = next((a for g in after for a in _sides(g) if all(distinct_sides(a, s) for s in source)), None)
        if target is not None:
            return [(s, target, True) for s in source]
        return _joint(source) if joint == "mutual" else []
    if len(source) >= 2:
        return _joint(source)
    if source:  # "both countries" after a single side names that side again, not a counterpart
        after = [[m for m in g if m.kind != "both"] for g in after]
        after = [g for g in after if g]
    if not source:  # a place after "di"/"in" is where it happens, not who acts
        after = [g for g in after if not g[0].locative]
    later = [a for g in after for a in _sides(g)]
    if not source and later:
        first_group = _sides(after[0])
        if len(first_group) >= 2:  # "perang antara Iran dan Israel"; but one does not aid the other
            return _joint(first_group) if joint != "apart" else []
        if verb and not relative:
            return []  # a verb's subject stands before it; a side after it is its object
        source, later = later[:1], later[1:]
    if source:
        target = next((a for a in later if distinct_sides(a, source[0])), None)
        if target is not None:
            return [(source[0], target, True)]
    if spoken:
        source = []
    own = bool(before) and any(m.kind == "self" for m in before[-1])
    return _fallback(source, actors, mains, own=own)


def _possessed(actors: SentenceActors, possessor: int, end: int, joint: str) -> list[tuple[Actor, Actor, bool]]:
    """ "serangan Israel ke Iran", "blokade Rusia terhadap Laut Hitam": the side right after the
    noun owns the event, whoever the clause's subject is; the next other side is its target."""
    groups = [g for g in actors.groups if g[0].start >= possessor and g[0].start - end <= REACH]
    if not groups or groups[0][0].start != possessor:
        return []
    source = _sides(groups[0])
    after = [g for g in groups[1:] if not any(groups[0][-1].end <= b < g[0].start for b in actors.boundaries)]
    # the target follows the owner closely after a preposition ("serangan Israel ke Iran"),
    # else it is the next side of the clause ("tarif AS terhadap negara yang berdagang dengan Iran")
    close = [g for g in after if g[0].oblique and g[0].start - groups[0][-1].end <= POSSESSED_REACH]
    target = next((a for g in close + after if not g[0].locative for a in _sides(g)
                   if all(distinct_sides(a, s) for s in source)), None)
    if target is not None:
        return [(s, target, True) for s in source[:MAX_JOINT]]
    # "kerja sama Indonesia dan Rusia": the owners act together
    return _joint(source) if len(source) >= 2 and joint != "apart" else []


def _list_commas(group: list[ActorMention], actors: SentenceActors) -> set[int]:
    """Commas inside a group ("A, B dan C") are no clause boundary."""
    return {b for b in actors.boundaries if group[0].start <= b < group[-1].end}


def _joint(sides: list[Actor]) -> list[tuple[Actor, Actor, bool]]:
    """Sides acting together: one directed pair each way, as CAMEO codes joint actions."""
    if len(sides) > MAX_JOINT:
        return []
    return [pair for a, b in combinations(sides, 2) for pair in ((a, b, True), (b, a, True))]


def _fallback(found: list[Actor], actors: SentenceActors, mains: tuple[Actor, ...], *,
              own: bool = False) -> list[tuple[Actor, Actor, bool]]:
    """One side named: the other is the reporter's side, else the article's other main country
    (an article about two states: "keterlibatan Rusia" in it is Russia's part in their dealings)."""
    reporters = [m.actor for m in actors.reporters]
    for other in reporters:
        if found and country_key(other) and country_key(other) != country_key(found[0]):
            return [(found[0], other, False)]
    if not found and not reporters:
        return []
    side = found[0] if found else reporters[0]
    keys = [country_key(m) for m in mains]
    if found and not (actors.unnamed_reporter or own):
        return []  # a lone side and nobody speaking for it: no counterpart to assume
    if len(mains) == 2 and side.country in keys:
        other = mains[1 - keys.index(side.country)]
        return [(side, other, False)]
    return []
