"""What the words around a trigger say about the event: negation, modality, topic.

Cue words are language data (`warta/lang/<code>/event_cues.tsv`). Negation must stand right
before the trigger, with only fillers in between ("belum menarik", "has not withdrawn",
"tidak akan menandatangani"): "pembicaraan tidak langsung" (indirect talks) is not negated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .lexicon import load_cues

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
NEGATION_REACH = 5  # tokens a negation may stand before its trigger, fillers included
MODALITY_REACH = 5
TOPIC_REACH = 5  # tokens a topic word ("mengenai", "about") may stand before the trigger  # tokens a modal ("akan", "will") may stand before its trigger


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark of a sentence, lower-cased, with its offsets in the article."""

    start: int
    end: int
    text: str


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Words and punctuation of `text`; offsets are shifted by `base` (the sentence start)."""
    return [Token(base + m.start(), base + m.end(), m.group().lower().replace("’", "'")) for m in TOKEN.finditer(text)]


@dataclass(frozen=True)
class Cues:
    """The cue phrases of one language, each a tuple of words."""

    phrases: dict[str, frozenset[tuple[str, ...]]]
    _by_first: dict[str, dict[str, list[tuple[str, ...]]]] = field(default_factory=dict, repr=False)

    def has(self, kind: str, tokens: list[Token], i: int) -> int:
        """Length of the longest `kind` phrase starting at token `i` (0 if none)."""
        if i >= len(tokens):
            return 0
        index = self._by_first.get(kind)
        if index is None:
            index = self._by_first.setdefault(kind, {})
            for phrase in self.phrases.get(kind, ()):
                index.setdefault(phrase[0], []).append(phrase)
        best = 0
        for phrase in index.get(tokens[i].text, ()):
            n = len(phrase)
            if n > best and tuple(t.text for t in tokens[i:i + n]) == phrase:
                best = n
        return best

    def ends(self, kind: str, tokens: list[Token], end: int) -> int:
        """Length of the longest `kind` phrase ending just before token `end` (0 if none)."""
        best = 0
        for phrase in self.phrases.get(kind, ()):
            n = len(phrase)
            if n > best and end - n >= 0 and tuple(t.text for t in tokens[end - n:end]) == phrase:
                best = n
        return best


@cache
def cues_for(language: str) -> Cues:
    """The cue phrases of `language` (multi-word cues are written with ~ in the data)."""
    raw = load_cues(language)
    return Cues({kind: frozenset(tuple(w.split("~")) for w in words) for kind, words in raw.items()})


def negated(cues: Cues, tokens: list[Token], trigger: int) -> bool:
    """Whether a negation stands right before the trigger token (fillers allowed between)."""
    i = trigger
    while i > 0 and trigger - i < NEGATION_REACH:
        if cues.ends("negation", tokens, i):
            return not _not_only(tokens, i)
        filler = cues.ends("negation_filler", tokens, i)
        if not filler:
            return False
        i -= filler
    return False


def _not_only(tokens: list[Token], after: int) -> bool:
    """"tidak hanya" / "not only" is emphasis, not negation."""
    return after < len(tokens) and tokens[after].text in {"hanya", "only", "saja"}


def is_topic(cues: Cues, tokens: list[Token], trigger: int) -> bool:
    """Whether the trigger is what someone talks about ("Mengenai kerja sama nuklir", "talks about trade")."""
    for i in range(trigger - 1, max(-1, trigger - 1 - TOPIC_REACH), -1):
        if tokens[i].text in {",", ";", ":", ".", "“", "”", '"'}:
            return False
        if cues.ends("topic", tokens, i + 1):
            return True
    return False


def modality(cues: Cues, tokens: list[Token], trigger: int) -> str:
    """asserted, planned, conditional or hypothetical, from cue words before the trigger."""
    if any(cues.has("conditional", tokens, i) for i in range(trigger)):
        return "conditional"
    window = range(max(0, trigger - MODALITY_REACH), trigger)
    for i in reversed(window):
        if tokens[i].text in {",", ";", ":", "."}:
            break  # a modal in an earlier clause says nothing about this one
        if cues.has("hypothetical", tokens, i):
            return "hypothetical"
        if cues.has("planned", tokens, i):
            return "planned"
    return "asserted"


def topics(cues: Cues, tokens: list[Token]) -> tuple[str, ...]:
    """Topic contexts the sentence names (nuclear, energy, transport...), from `context.*` cues."""
    found = []
    for kind in sorted(k for k in cues.phrases if k.startswith("context.")):
        if any(cues.has(kind, tokens, i) for i in range(len(tokens))):
            found.append(kind.split(".", 1)[1])
    return tuple(found)
