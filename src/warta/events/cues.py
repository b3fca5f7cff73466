"""What the words around a trigger say about the event: negation, modality, topic.

Cue words are language data (`warta/lang/<code>/event_cues.tsv`). Negation must stand right
before the trigger, with only fillers in between ("belum menarik", "has not withdrawn",
"tidak akan menandatangani"): "pembicaraan tidak langsung" (indirect talks) is not negated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, partial
from operator import itemgetter
from typing import NamedTuple

from .lexicon import load_cues

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
NEGATION_REACH = 5  # tokens a negation may stand before its trigger, fillers included
MODALITY_REACH = 5
TOPIC_REACH = 5  # tokens a topic word ("mengenai", "about") may stand before the trigger  # tokens a modal ("akan", "will") may stand before its trigger


class Token(NamedTuple):
    """One word or punctuation mark of a sentence, lower-cased, with its offsets in the article."""

    start: int
    end: int
    text: str


_new_token = partial(tuple.__new__, Token)
_SPAN = re.Match.span
_TEXT = itemgetter(2)  # Token.text, read in C


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Words and punctuation of `text`; offsets are shifted by `base` (the sentence start)."""
    lower = text.lower()
    if len(lower) != len(text) or "Σ" in text:
        # lower-casing changed lengths ("İ") or depends on context (final sigma): word by word
        return [Token(base + m.start(), base + m.end(), m.group().lower().replace("’", "'"))
                for m in TOKEN.finditer(text)]
    lower = lower.replace("’", "'")  # lengths stay: the texts of tokens can be sliced from it
    # tuple.__new__ and Match.span called from C: a generator and the named tuple's own __new__
    # (a Python function) per token doubled the cost of the article's ~850 tokens
    return [_new_token((base + a, base + b, lower[a:b])) for a, b in map(_SPAN, TOKEN.finditer(text))]


Index = dict[str, dict[str, tuple[tuple[str, ...], ...]]]  # kind -> word -> phrases, longest first


def _index(phrases: dict[str, frozenset[tuple[str, ...]]], position: int) -> Index:
    """Phrases of each kind by their word at `position` (0: first, -1: last), longest first."""
    index: Index = {}
    for kind, found in phrases.items():
        by_word: dict[str, list[tuple[str, ...]]] = {}
        for phrase in found:
            by_word.setdefault(phrase[position], []).append(phrase)
        index[kind] = {word: tuple(sorted(group, key=len, reverse=True)) for word, group in by_word.items()}
    return index


@dataclass(frozen=True)
class Cues:
    """The cue phrases of one language, each a tuple of words."""

    phrases: dict[str, frozenset[tuple[str, ...]]]
    _by_first: Index = field(init=False, repr=False, compare=False)
    _by_last: Index = field(init=False, repr=False, compare=False)
    _in_text: dict[str, tuple[re.Pattern[str], re.Pattern[str]] | None] = field(init=False, repr=False,
                                                                                compare=False)
    _words: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    _reach: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # cues are looked up for nearly every token: index them once by their first and last word
        object.__setattr__(self, "_by_first", _index(self.phrases, 0))
        object.__setattr__(self, "_by_last", _index(self.phrases, -1))
        # the text patterns of `may_start` are built for the kinds it is asked about (two of forty)
        object.__setattr__(self, "_in_text", {})
        # what `words` and `may_start` derive from a kind's phrases, kept: asked per sentence and per pair of sides
        object.__setattr__(self, "_words", {})
        object.__setattr__(self, "_reach", {})

    def may_start(self, kind: str, text: str, start: int = 0, end: int | None = None) -> bool:
        """False only when no `kind` phrase can start in text[start:end], were the text tokenized:
        a quick test of the text before tokenizing it (True means "perhaps")."""
        if kind not in self.phrases:
            return False
        if kind not in self._in_text:
            self._in_text[kind] = _loose(self.phrases[kind])
        patterns = self._in_text[kind]
        if patterns is None:
            return True
        whole, first = patterns
        if end is None:
            return whole.search(text, start) is not None
        # a phrase starting before `end` has its first word there: the rest may run on past it
        reach = self._reach.get(kind)
        if reach is None:
            reach = self._reach[kind] = max(len(phrase[0]) for phrase in self.phrases[kind])
        return first.search(text, start, end + reach) is not None

    def words(self, kind: str) -> frozenset[str]:
        """The one-word phrases of `kind` (prepositions a parse's case words are compared with)."""
        found = self._words.get(kind)
        if found is None:
            found = self._words[kind] = frozenset(phrase[0] for phrase in self.phrases.get(kind, ()) if len(phrase) == 1)
        return found

    def has(self, kind: str, tokens: list[Token], i: int) -> int:
        """Length of the longest `kind` phrase starting at token `i` (0 if none)."""
        if i >= len(tokens):
            return 0
        for phrase in self._by_first.get(kind, {}).get(tokens[i].text, ()):
            n = len(phrase)
            if n == 1 or tuple(t.text for t in tokens[i:i + n]) == phrase:
                return n
        return 0

    def ends(self, kind: str, tokens: list[Token], end: int) -> int:
        """Length of the longest `kind` phrase ending just before token `end` (0 if none)."""
        if end <= 0 or end > len(tokens):
            return 0
        for phrase in self._by_last.get(kind, {}).get(tokens[end - 1].text, ()):
            n = len(phrase)
            if n == 1 or (end - n >= 0 and tuple(t.text for t in tokens[end - n:end]) == phrase):
                return n
        return 0

    def starts(self, kind: str, tokens: list[Token], stop: int | None = None) -> list[int]:
        """Indexes (below `stop`) of the tokens where a `kind` phrase starts."""
        firsts = self._by_first.get(kind, {})
        scope = tokens if stop is None else tokens[:stop]
        if firsts.keys().isdisjoint(map(_TEXT, scope)):  # a test in C first: most sentences hold no cue
            return []
        return [i for i, token in enumerate(scope) if token.text in firsts and self.has(kind, tokens, i)]


def _loose(phrases: frozenset[tuple[str, ...]]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Patterns that find every place where tokens would spell one of `phrases`, and where they
    would spell its first word (and perhaps a few more places): tokenized, a word is lower-cased
    with ’ as ', a word token is a whole run of word characters, and only spaces stand between
    tokens. None when that could miss one (a word not in ASCII may change length lower-cased)."""
    if not phrases or not all(word.isascii() and word for phrase in phrases for word in phrase):
        return None

    def spelt(words: tuple[str, ...], edge: bool) -> str:
        # the test before a word (none for the whole text: it would keep the regex engine from
        # skipping ahead to a possible first letter) and after it only narrow the finds down
        before = r"(?<!\w)" if edge and re.match(r"\w", words[0]) else ""
        after = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
        return before + r"\s*".join(re.escape(w).replace("'", "['’]") for w in words) + after

    ordered = sorted(phrases, key=len, reverse=True)
    return (re.compile("|".join(spelt(p, False) for p in ordered), re.IGNORECASE),
            re.compile("|".join(sorted({spelt(p[:1], True) for p in ordered})), re.IGNORECASE))


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


def refused(cues: Cues, tokens: list[Token], trigger: int) -> bool:
    """Whether a refusal stands right before the trigger ("would not provide", "refused to
    allow", "tidak akan menandatangani"): a rejection, not an act that did not happen."""
    i = trigger
    while i > 0 and trigger - i < NEGATION_REACH:
        if cues.ends("refusal", tokens, i):
            return True
        step = cues.ends("negation_filler", tokens, i) or cues.ends("negation", tokens, i)
        if not step:
            return False
        i -= step
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


def modality(cues: Cues, tokens: list[Token], trigger: int, *, conditionals: list[int] | None = None,
             text: str = "") -> str:
    """asserted, planned, conditional or hypothetical, from cue words before the trigger.

    `conditionals`: where the sentence's conditional cues start (`cues.starts`), when the caller
    has them; finding them again for every trigger of a long sentence is quadratic. `text`: the
    article's text, in which a cue word capitalised inside the sentence is a name ("on May 15").
    """
    if conditionals is None:
        conditionals = cues.starts("conditional", tokens, trigger)
    if conditionals and conditionals[0] < trigger:
        return "conditional"
    window = range(max(0, trigger - MODALITY_REACH), trigger)
    for i in reversed(window):
        if tokens[i].text in {",", ";", ":", "."}:
            break  # a modal in an earlier clause says nothing about this one
        if i > 0 and text[tokens[i].start:tokens[i].start + 1].isupper():
            continue  # a name, not a cue: "reached Mexico on May 15"
        if cues.has("hypothetical", tokens, i):
            return "hypothetical"
        if cues.has("planned", tokens, i):
            return "planned"
    return "asserted"


def topics(cues: Cues, tokens: list[Token]) -> tuple[str, ...]:
    """Topic contexts the sentence names (nuclear, energy, transport...), from `context.*` cues."""
    found = []
    for kind in sorted(k for k in cues.phrases if k.startswith("context.")):
        if cues.starts(kind, tokens):
            found.append(kind.split(".", 1)[1])
    return tuple(found)
