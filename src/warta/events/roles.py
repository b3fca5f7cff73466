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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, combinations, pairwise
from typing import NamedTuple

from ..model import Actor
from .actors import ActorMention, acts_on, country_key, distinct_sides
from .cues import Cues, Token
from .examples import example_names, examples

ANTECEDENT_REACH = 9  # characters between a name and the verb after its relative pronoun: ", which "
REPORT_REACH = 3  # tokens between a reporting verb and the name of who reports
MAX_JOINT = 4  # sides in one group beyond which pairs would be guesswork
SUBJECT_REACH = 40  # characters from the sentence start where "a court in Guyana" is still the subject
POSSESSED_REACH = 30  # characters between an event noun's owner and its target
REACH = 150  # characters between a trigger and a side: farther names belong to other clauses
# a dot inside a word ("Liputan6.com, Moskow -") does not end the dateline; one before a space does
# "LONDON - ", "Liputan6.com, Moskow -", and a city in capitals glued to its text ("YERUSALEM-Amerika")
DATELINE = re.compile(r"^(?:[^.!?\n]|\.(?=\w)){0,80}?(?:\s[-–—]{1,2}\s?|[-–—]{1,2}\s)(?=\S)|^[A-Z][A-Z ]{4,40}[-–—](?=[A-Z])")


class Pair(NamedTuple):
    """The sides of one event: `target` is None when the sentence names nobody acted upon (as
    GDELT codes one-sided events); `mutual` marks a joint act of both sides, coded once."""

    source: Actor
    target: Actor | None
    explicit: bool  # both sides named in the sentence (a one-sided event is not explicit)
    mutual: bool = False


class _ByOffset:
    """Items (in their own order) by an offset each, to find those with an offset in a range by
    bisection: each trigger of a long sentence scanning all its sides made events quadratic."""

    def __init__(self, offsets: list[int]) -> None:
        self.order = sorted(range(len(offsets)), key=offsets.__getitem__)
        self.offsets = [offsets[n] for n in self.order]

    def within(self, lo: int, hi: int) -> list[int]:
        """Numbers of the items with an offset in [lo, hi], ascending."""
        return sorted(self.order[bisect_left(self.offsets, lo):bisect_right(self.offsets, hi)])


class _Sides:
    """A sentence's groups and reporters indexed by where they start and end (see `_ByOffset`)."""

    def __init__(self, actors: SentenceActors) -> None:
        self.groups = actors.groups
        self.firsts = _ByOffset([g[0].start for g in actors.groups])  # where each group starts
        self.lasts = _ByOffset([g[-1].end for g in actors.groups])  # where each group ends
        self.reporters = _ByOffset([m.end for m in actors.reporters])
        self.boundaries = sorted(actors.boundaries)
        self.group_starts = frozenset(g[0].start for g in actors.groups)

    def starting(self, lo: int, hi: int) -> list[list[ActorMention]]:
        """The groups starting in [lo, hi], in order."""
        return [self.groups[n] for n in self.firsts.within(lo, hi)]

    def boundary(self, lo: int, hi: int) -> bool:
        """Whether a clause boundary lies in [lo, hi)."""
        n = bisect_left(self.boundaries, lo)
        return n < len(self.boundaries) and self.boundaries[n] < hi


@dataclass
class SentenceActors:
    """The actor mentions of one sentence, split into sides and reporters."""

    groups: list[list[ActorMention]] = field(default_factory=list)
    reporters: list[ActorMention] = field(default_factory=list)
    start: int = 0  # offset of the sentence
    boundaries: list[int] = field(default_factory=list)  # offsets where another clause begins
    relatives: list[int] = field(default_factory=list)  # offsets of relative pronouns ("yang", "which")
    # the actors named as examples of a kind (`examples`), gathered once: each trigger asks
    examples: frozenset[str] = frozenset()
    _index: _Sides | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> _Sides:
        """The groups and reporters indexed by offset, built on first use (they are final by then)."""
        if self._index is None:
            self._index = _Sides(self)
        return self._index


def _token_index(ends: list[int], offset: int) -> int:
    """The first token ending after `offset` (`ends`: where the sentence's tokens end, ascending)."""
    return bisect_right(ends, offset)


def _is_reporter(mention: ActorMention, tokens: list[Token], ends: list[int], cues: Cues) -> bool:
    """A name right after "menurut"/"kata"/"according to" or right before "said"/"mengatakan"."""
    first = _token_index(ends, mention.start)
    last = _token_index(ends, mention.end - 1)
    if cues.ends("speaker_next", tokens, first):  # "menurut Jalali", "kata Jalali", "according to X"
        return True
    for i in range(last + 1, min(len(tokens), last + 1 + REPORT_REACH)):
        if cues.has("report", tokens, i):
            return True
        if tokens[i].text in {".", ";", "“", "”", '"'}:
            break
    return False


def _outermost(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop mentions nested in a longer one ("Rusia" inside "Menteri Energi Rusia").

    A longer mention around `m` starts before it and reaches its end, or starts with it and ends
    after it: two lookups per mention (comparing every pair made long sentences quadratic).
    """
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the farthest end among the first n
    last_end: dict[int, int] = {}  # start -> the farthest end of the mentions starting there
    for s, e in spans:
        last_end[s] = max(last_end.get(s, e), e)
    kept = []
    for m in mentions:
        n = bisect_left(starts, m.start)  # the mentions starting before m
        if not ((n and reach[n - 1] >= m.end) or last_end[m.start] > m.end):
            kept.append(m)
    return kept


def split_sides(mentions: list[ActorMention], tokens: list[Token], cues: Cues, text: str, base: int) -> SentenceActors:
    """Group the sentence's mentions: names joined by "dan"/"and"/commas form one group."""
    result = SentenceActors(start=base)
    dateline = _dateline_end(text, base)
    ends = [t.end for t in tokens]
    for mention in _outermost(mentions):
        if mention.end <= dateline:
            continue
        first = _token_index(ends, mention.start)
        if cues.ends("locative", tokens, first) or (first > 1 and cues.has("direction", tokens, first - 1)
                                                    and cues.ends("locative", tokens, first - 1)):
            mention = dataclasses.replace(mention, locative=True)
        elif _after_agent(tokens, first, cues):
            mention = dataclasses.replace(mention, agent=True)
        elif cues.ends("oblique", tokens, first) or (first > 1 and tokens[first - 1].text in {"the", "a"}
                                                      and cues.ends("oblique", tokens, first - 1)):
            mention = dataclasses.replace(mention, oblique=True)
        if mention.kind == "named" and _is_reporter(mention, tokens, ends, cues):
            result.reporters.append(mention)
            continue
        last = result.groups[-1][-1] if result.groups else None
        if last is not None and _joined(text[last.end - base:mention.start - base], cues):
            result.groups[-1].append(mention)
        else:
            result.groups.append([mention])
    result.groups = [examples(part, tokens, ends, cues) for group in result.groups
                     for part in _split_lists(group, text, base, cues)]
    result.examples = example_names(result.groups)
    clauses = set(cues.starts("clause", tokens))
    result.boundaries = [t.start for i, t in enumerate(tokens) if t.text in {",", ";", "—", "–"} or i in clauses]
    result.relatives = [tokens[i].start for i in cues.starts("relative", tokens)]
    return result


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
    joined = [any((w,) in cues.phrases.get("coordination", ()) for w in g.lower().split()) for g in gaps]
    parts: list[list[ActorMention]] = [[group[0]]]
    for n, (gap, mention) in enumerate(zip(gaps, group[1:])):
        # a comma joins names up to the "and" that ends their list; after it a comma parts
        # clauses ("Seperti halnya India, AS, dan Australia, Prancis memperingatkan ...")
        if "," in gap and not joined[n] and (not any(joined[n:]) or any(joined[:n])):
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


def pairs_for(actors: SentenceActors, start: int, end: int, *, mains: tuple[Actor, ...] = (), relative: bool = False, verb: bool = False, passive: bool = False,
              joint: str = "joint", possessor: int | None = None, alone: bool = False) -> list[Pair]:
    """The pairs of sides for a trigger at [start, end).

    `relative`: the trigger opens a relative clause ("negara yang berdagang dengan Iran"), so the
    side named before it is not its subject. `verb`: the trigger is a verb, whose subject comes first.
    `passive`: "by X" names the source. `joint`: what sides named together do: "joint" act
    together (meet, agree, cooperate), "mutual" act on a third side or else on each other (fight),
    "apart" act on a third side only (condemn, demand, protest). `possessor`: the offset of the
    side an Indonesian event noun belongs to ("serangan Israel ke Iran"): that side is the source.
    `mains`: the article's two main countries, the counterpart of a speaker's "we" (and of
    nobody else: a lone side is never given one). `alone`: a subject with nobody named to act upon makes a one-sided event (a verb's subject:
    "Hezbollah released two prisoners"); else no event.
    """
    if possessor is not None:
        return _possessed(actors, possessor, end, joint)
    index = actors.index
    # the group right before the trigger; for a relative clause the name the pronoun refers to
    before = _antecedent(actors, start) if relative else _subject(actors, start)
    # the groups after it in its clause (commas inside a group, "A, B dan C", come after its
    # start and so never stand between the trigger and it)
    after = [g for g in index.starting(end, end + REACH) if not index.boundary(end, g[0].start)]
    # "dibebaskan oleh Putin", and the bare agent right after a di- verb: "ditangkap Iran"
    agent = after[0] if passive and after and (after[0][0].agent or after[0][0].start - end <= 1) else None
    if agent is not None:  # passive: "was presented by the US", "dibebaskan oleh Putin"
        return _passive_pairs(before, after, agent, joint)
    source = _sides(before) if before else []
    if not source and not relative:  # "Israel announced it would free ...": who speaks acts
        near = index.reporters.within(start - REACH, start)
        source = [actors.reporters[max(near)].actor] if near else []
    if len(source) >= 2:
        return _joint(source) if joint == "joint" else _apart_pairs(source, after, joint, alone)
    if source:  # "both countries" after a single side names that side again, not a counterpart
        after = [[m for m in g if m.kind != "both"] for g in after]
        after = [g for g in after if g]
    if not source:  # a place after "di"/"in" is where it happens, not who acts
        after = [g for g in after if not g[0].locative]
    later = [a for g in after for a in _sides(g)]
    if not source and later:
        if verb:  # a verb's subject stands before it (or is what "yang"/"which" refers to); a
            return []  # side after it is its object ("negara yang berdagang dengan Iran dan Rusia")
        if after[0][0].oblique:  # "serangan ke Gaza": whom it is aimed at; the doer is unnamed
            return []
        first_group = _sides(after[0])
        if len(first_group) >= 2:  # "perang antara Iran dan Israel"; but one does not aid the other
            return _joint(first_group) if joint != "apart" else []
        source, later = later[:1], later[1:]
    return _source_pairs(source[0], before, later, mains, alone) if source else []


def _passive_pairs(before: list[ActorMention] | None, after: list[list[ActorMention]], agent: list[ActorMention],
                   joint: str) -> list[Pair]:
    """A passive trigger's pairs: its agent acts on the side named before it, else on one after."""
    target = _sides(before) if before else [a for g in after if g is not agent for a in _sides(g)]
    source = _sides(agent)
    other = next((a for a in target if distinct_sides(a, source[0])), None)
    if other is not None:
        return [Pair(source[0], other, True)]
    # "diumumkan oleh Prabowo dan Putin": agents named together act together
    return _joint(source) if len(source) >= 2 and joint == "joint" else []


def _apart_pairs(source: list[Actor], after: list[list[ActorMention]], joint: str, alone: bool) -> list[Pair]:
    """Sides named together that do not act together: "Putin dan Xi mengutuk Israel": each acts on
    the third side; with none named only fighting is between them ("Israel dan Iran saling serang")."""
    target = next((a for g in after for a in _sides(g) if all(distinct_sides(a, s) for s in source)), None)
    if target is not None:
        return [Pair(s, target, True) for s in source]
    if joint == "mutual":
        return _joint(source)
    return [Pair(s, None, False) for s in source[:MAX_JOINT]] if alone else []


def _source_pairs(source: Actor, before: list[ActorMention] | None, later: list[Actor],
                  mains: tuple[Actor, ...], alone: bool) -> list[Pair]:
    """One acting side's pair: with the first other side after it, a speaker's "we" with the other
    main country, or (`alone`) nobody."""
    target = next((a for a in later if distinct_sides(a, source)), None)
    if target is not None:
        return [Pair(source, target, True)]
    own = before is not None and any(m.kind == "self" for m in before)
    if own and len(mains) == 2 and source.country in {m.country for m in mains}:
        # a speaker's "we" in an article about two countries: "Kami mencapai kesepakatan"
        other = next(m for m in mains if m.country != source.country)
        return [Pair(source, other, False)]
    if alone and before is not None and not before[0].locative:
        return [Pair(source, None, False)]  # nobody named to act upon, as GDELT codes it
    return []


def _antecedent(actors: SentenceActors, start: int) -> list[ActorMention] | None:
    """The named group a relative pronoun right before `start` refers to ("Rusia, yang
    menyerang ..."): it ends just before the pronoun. None when the pronoun follows a common noun."""
    for n in reversed(actors.index.lasts.within(start - ANTECEDENT_REACH, start)):
        g = actors.groups[n]
        if not g[0].oblique and not g[-1].locative:
            return g
    return None


def _subject(actors: SentenceActors, start: int) -> list[ActorMention] | None:
    """The last group ending within reach before `start` that can be a subject: not a place
    after "di"/"in" past the sentence's start, not after "ke"/"with"."""
    for n in reversed(actors.index.lasts.within(start - REACH, start)):
        g = actors.groups[n]
        if not (g[-1].locative and g[-1].start - actors.start > SUBJECT_REACH) and not g[0].oblique:
            return g
    return None


def _possessed(actors: SentenceActors, possessor: int, end: int, joint: str) -> list[Pair]:
    """ "serangan Israel ke Iran", "blokade Rusia terhadap Laut Hitam": the side right after the
    noun owns the event, whoever the clause's subject is; the next other side is its target."""
    index = actors.index
    groups = index.starting(possessor, end + REACH)
    if not groups or groups[0][0].start != possessor:
        return []
    source = _sides(groups[0])
    owner_end = groups[0][-1].end
    if any(owner_end <= r <= owner_end + 1 for r in actors.relatives):
        return []  # "serangan Israel yang dikecam Mesir": who follows is in the relative clause
    after = [g for g in groups[1:] if not index.boundary(owner_end, g[0].start)]
    # the target follows the owner closely after a preposition ("serangan Israel ke Iran"),
    # else it is the next side of the clause ("tarif AS terhadap negara yang berdagang dengan Iran")
    close = [g for g in after if g[0].oblique and g[0].start - groups[0][-1].end <= POSSESSED_REACH]
    target = next((a for g in close + after if not g[0].locative for a in _sides(g)
                   if all(distinct_sides(a, s) for s in source)), None)
    if target is not None:
        return [Pair(s, target, True) for s in source[:MAX_JOINT]]
    # "kerja sama Indonesia dan Rusia": the owners act together
    return _joint(source) if len(source) >= 2 and joint != "apart" else []


def _joint(sides: list[Actor]) -> list[Pair]:
    """Sides acting together: one mutual record per pair, not one each way (which doubled the
    counts of every joint act)."""
    if len(sides) > MAX_JOINT:
        return []
    return [Pair(a, b, True, mutual=True) for a, b in combinations(sides, 2)]


def pairs_of(subject: list[list[ActorMention]], upon: list[list[ActorMention]], *, joint: str = "joint",
             alone: bool = False, mains: tuple[Actor, ...] = ()) -> list[Pair]:
    """The pairs for sides the parse found: `subject` acts on the sides of the first group of `upon`
    that names another side; sides named together in the subject act together (see `pairs_for` for `joint`, `alone`
    and `mains`)."""
    source = _sides([m for g in subject for m in g])
    if any(m.kind == "both" for g in upon for m in g) and source:
        upon = [[m for m in g if m.kind != "both"] for g in upon]  # "both countries" names the subject again
    # every side of the first group acted upon: "accused the UK and the US" is aimed at both
    targets = next((found for g in upon if (found := [a for a in _sides(g) if all(acts_on(s, a) for s in source)])), [])
    if source and targets and len(targets) <= MAX_JOINT:
        return [Pair(s, t, True) for s in source[:MAX_JOINT] for t in targets]
    if len(source) >= 2:
        if joint != "apart":
            return _joint(source)
        return [Pair(s, None, False) for s in source[:MAX_JOINT]] if alone else []
    if not source:
        return []
    if any(m.kind == "self" for g in subject for m in g) and len(mains) == 2 \
            and source[0].country in {m.country for m in mains}:
        return [Pair(source[0], next(m for m in mains if m.country != source[0].country), False)]
    return [Pair(source[0], None, False)] if alone else []


def patient_pairs(actors: SentenceActors, start: int, end: int) -> list[Pair]:
    """An event noun after a patient verb ("Venezuela menghadapi embargo AS", "Iran faces US
    sanctions"): the subject suffers it, the side named with the noun imposes it."""
    subject = _subject(actors, start)
    index = actors.index
    owner = next((g for g in index.starting(end, end + POSSESSED_REACH) if not g[0].locative), None)
    if subject is None or owner is None:
        return []
    source, target = _sides(owner), _sides(subject)
    return [Pair(source[0], target[0], True)] if source and target and distinct_sides(source[0], target[0]) else []

