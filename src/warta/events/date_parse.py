"""Does an event's predicate govern a date? Read from the sentence's dependency parse.

A date belongs to the word it hangs from: "invaded ... in 2001" dates the invasion, but in "in
the wake of the September 11, 2001 attacks" the date is the attacks', and in "his role in the
release of the files in 2010" the release's. The trigger's predicate is the trigger word with the
verbs it forms one predicate with: a light verb whose object or subject the trigger noun is
("held talks on Monday"), the chain of open complements ("wants to meet on Monday") and the noun
a relative clause of the trigger modifies ("the July 25 call when he asked"); a participle
describing a noun of the predicate's obliques counts too ("in a statement published Oct. 25, X
accused"), not that noun itself, which a parse also hangs "in the wake of the September 11
attacks" from. Anything else a date hangs from —
another noun, another clause's verb — makes it not the event's.
"""
from __future__ import annotations

from ..model import Parse
from ..syntax.tree import children, head, word_at

# Words a date passes through to reach what it modifies: its preposition's phrase and numbers.
_THROUGH = frozenset({"ADP", "NUM", "DET", "PUNCT", "CCONJ", "PART", "SYM", "X"})
_NOMINAL_ARGUMENTS = ("obj", "nsubj", "nsubj:pass", "obl")


def governs(parse: Parse, trigger: tuple[int, int], start: int, end: int) -> bool:
    """Does the predicate of the trigger at offsets `trigger` govern the date at [start, end)?
    True when the parse cannot say (a word not found)."""
    t, d = _span_head(parse, *trigger), _span_head(parse, start, end)
    if t is None or d is None:
        return True
    governor = _governor(parse, d, start, end)
    if governor is None:
        return True
    group = predicate(parse, t)
    return governor in group or governor in _settings(parse, group)


def _settings(parse: Parse, group: set[int]) -> set[int]:
    """The participles describing the nouns of the predicate's obliques."""
    nouns = {j for i in group for j in children(parse, i, ("obl",)) if parse.words[j].upos in ("NOUN", "PROPN")}
    # a participle ("a statement published Oct. 25"), not a relative clause ("a state Trump won in 2016")
    return {j for n in nouns for j in children(parse, n) if parse.words[j].deprel == "acl"}


def _span_head(parse: Parse, start: int, end: int) -> int | None:
    """The word of the date's span whose head lies outside it."""
    inside = [i for i, w in enumerate(parse.words) if w.start >= start and w.end <= end] or \
        [i for i, w in enumerate(parse.words) if w.start <= start < w.end]
    for i in inside:
        h = head(parse, i)
        if h is None or not start <= parse.words[h].start < end:
            return i
    return None


def _governor(parse: Parse, d: int, start: int, end: int) -> int | None:
    """The first word above the date, outside it, that is not a preposition, number or the like."""
    h = head(parse, d)
    seen = {d}
    while h is not None and h not in seen and (parse.words[h].upos in _THROUGH or start <= parse.words[h].start < end):
        seen.add(h)
        h = head(parse, h)
    return h


def predicate(parse: Parse, t: int) -> set[int]:
    """The trigger word and the words that form one predicate with it (see the module docstring)."""
    group = {t}
    word, h = parse.words[t], head(parse, t)
    if h is not None and word.upos in ("NOUN", "PROPN") and word.deprel in _NOMINAL_ARGUMENTS:
        group.add(h)  # "held talks", "talks were held"
    if h is not None and word.deprel.startswith("acl"):
        group.add(h)  # "the July 25 call when he asked": the call's date is the asking's
    frontier = list(group)
    while frontier:
        i = frontier.pop()
        up = head(parse, i)
        linked = children(parse, i, ("xcomp", "aux", "cop")) + ([up] if up is not None and
                                                                parse.words[i].deprel == "xcomp" else [])
        for j in linked:
            if j not in group:
                group.add(j)
                frontier.append(j)
    return group
