"""Trigger lexicons: patterns of words that signal an event, with their CAMEO code.

A lexicon file (`warta/lang/<code>/event_triggers.tsv`, `event_nouns.tsv`) holds lines of

    pattern<TAB>cameo<TAB>kind        kind: verb or noun (a verb's object may be a noun trigger)
    @name<TAB>alt|alt|alt             a named set of alternatives, used as `@name` in patterns
    @name+<TAB>alt|alt                adds alternatives to a set

A pattern is words separated by spaces: `a|b` is either word, `@name` any word of a set,
`word*` any word starting with `word`, `x~y` two consecutive words as one alternative, and `_`
lets up to `GAP` words in between. The longest match at a position wins, as in TABARI.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..compiled import compiled
from ..lang.folders import read_lines

NOT_A_TRIGGER = "---"  # code of hand-written entries that stop a generated pattern from firing
GAP = 3  # words a `_` may skip: a verb's object phrase ("signed a new trade agreement")
# Hand-written entries come first so that they win ties against generated ones.
TRIGGER_FILES = ("event_extra.tsv", "event_triggers.tsv")
Alternative = tuple[str, ...]  # consecutive words; a word ending in * is a prefix


class Choice:
    """One pattern position: its alternatives, indexed by their first word for speed."""

    __slots__ = ("alternatives", "by_first", "prefixed", "_firsts")

    def __init__(self, alternatives: tuple[Alternative, ...]) -> None:
        self.alternatives = alternatives
        self.by_first: dict[str, list[Alternative]] = defaultdict(list)
        self.prefixed = [a for a in alternatives if a[0].endswith("*")]
        for alt in alternatives:
            if not alt[0].endswith("*"):
                self.by_first[alt[0]].append(alt)
        self._firsts: frozenset[str] | None = None

    def firsts(self) -> frozenset[str]:
        """The first words of its alternatives, made once: the patterns that write one set
        (`@country`, thousands of words) share this Choice, and so this one frozenset."""
        if self._firsts is None:
            self._firsts = frozenset(alt[0] for alt in self.alternatives)
        return self._firsts

    def __bool__(self) -> bool:
        return bool(self.alternatives)

    def __iter__(self):
        return iter(self.alternatives)

    def starting(self, token: str) -> list[Alternative]:
        """The alternatives whose first word can match `token`."""
        found = self.by_first.get(token, [])
        return found + [a for a in self.prefixed if token.startswith(a[0][:-1])] if self.prefixed else found


Element = Choice | None  # None is a gap


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    """One lexicon entry: what to match and the CAMEO code it signals."""

    elements: tuple[Element, ...]
    cameo: str
    kind: str
    text: str
    order: int

    @property
    def weight(self) -> int:
        """How specific the pattern is: its number of word elements."""
        return sum(1 for e in self.elements if e is not None)


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern found in a token sequence: tokens [start, end) and the pattern."""

    start: int
    end: int
    pattern: TriggerPattern


def _word_matches(word: str, token: str) -> bool:
    return token.startswith(word[:-1]) if word.endswith("*") else token == word


def _alternative_end(alt: Alternative, tokens: list[str], i: int) -> int | None:
    """Index after `alt` when it matches `tokens` at `i`, else None."""
    if i + len(alt) > len(tokens):
        return None
    for k, word in enumerate(alt):
        if not _word_matches(word, tokens[i + k]):
            return None
    return i + len(alt)


Candidate = tuple[TriggerPattern, tuple[frozenset[str], ...]]  # a pattern and the words it needs
SMALL_SET = 16  # needed words a pattern is indexed by one by one (larger sets: `Candidates.by_set`)


def _needs(pattern: TriggerPattern) -> tuple[frozenset[str], ...]:
    """For each later word element, the words one of which must occur in the sentence for the
    pattern to match (elements with a prefix alternative could match anything and are left out)."""
    return tuple(e.firsts() for e in pattern.elements[1:] if e is not None and not e.prefixed)


def _rank(candidate: Candidate) -> tuple[int, int]:
    """Best first: the most specific pattern, then the first listed (orders are unique)."""
    return -candidate[0].weight, candidate[0].order


def _key(needs: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The needed words a pattern is indexed by: the set whose shortest word is longest, as long
    words are rare ("resolution", not "of"), so few sentences hold one (any choice is correct)."""
    return max(needs, key=_shortest)


@cache
def _shortest(words: frozenset[str]) -> int:
    """The length of the shortest word (the sets are shared `Choice.firsts`: measured once each)."""
    return min(map(len, words))


@dataclass(frozen=True, slots=True)
class Candidates:
    """The patterns that may start at one word, best first, indexed by a word each needs later.

    A common verb starts hundreds of patterns ("take _ part _ in _ naval _ exercise"), nearly all
    needing some word the sentence lacks: the index finds the few that may match without a test
    of each pattern's needs."""

    ranked: tuple[Candidate, ...]  # all patterns, best first
    unconditional: tuple[int, ...]  # ranks of those that need no later word
    by_key: dict[str, tuple[int, ...]]  # a needed word of a small set -> ranks of the patterns indexed by it
    keys: frozenset[str]
    # large sets (`@country`) with the ranks of the patterns indexed by them, tested whole: one
    # entry per word of each would make building the index cost more than all its lookups
    by_set: tuple[tuple[frozenset[str], tuple[int, ...]], ...] = ()

    @classmethod
    def of(cls, found: list[Candidate]) -> Candidates:
        """Rank `found` best first and index its conditional patterns by a needed word."""
        ranked = tuple(sorted(found, key=_rank))
        by_set: dict[frozenset[str], list[int]] = defaultdict(list)  # patterns share their sets
        for rank, (_, needs) in enumerate(ranked):
            if needs:
                by_set[_key(needs)].append(rank)
        by_key: dict[str, list[int]] = defaultdict(list)  # ranks unordered: `best` sorts them
        for words, ranks in by_set.items():
            for word in words if len(words) <= SMALL_SET else ():
                by_key[word].extend(ranks)
        large = tuple((words, tuple(ranks)) for words, ranks in by_set.items() if len(words) > SMALL_SET)
        return cls(ranked, tuple(rank for rank, (_, needs) in enumerate(ranked) if not needs),
                   {word: tuple(ranks) for word, ranks in by_key.items()}, frozenset(by_key), large)

    def best(self, tokens: list[str], i: int, present: set[str]) -> Match | None:
        """The best match at `i`: as they are ranked, the first pattern that matches."""
        found = [self.by_key[k] for k in present.intersection(self.keys)]
        found += [ranks for words, ranks in self.by_set if not words.isdisjoint(present)]
        ranks = sorted(set(self.unconditional).union(*found)) if found else self.unconditional
        for rank in ranks:
            pattern, needs = self.ranked[rank]
            for words in needs:
                if words.isdisjoint(present):
                    break  # a later element has none of its words in the sentence
            else:
                end = _match_from(pattern.elements, tokens, i)
                if end is not None:
                    return Match(i, end, pattern)
        return None


class Lexicon:
    """Trigger patterns of one language, indexed by their first word.

    The index holds pattern numbers; a word's ranked `Candidates` are built the first time a text
    holds the word: a process reads a few hundred of the thousands of words that start a pattern,
    and the compiled lexicon stays small enough to load in a fraction of the time."""

    def __init__(self, patterns: list[TriggerPattern]) -> None:
        self.patterns = patterns
        by_word: dict[str, list[int]] = defaultdict(list)
        self._by_prefix: list[Candidate] = []
        for number, pattern in enumerate(patterns):
            first = pattern.elements[0]
            if first.prefixed:
                self._by_prefix.append((pattern, _needs(pattern)))
            for word in first.by_first:
                by_word[word].append(number)
        self._numbers = {word: tuple(numbers) for word, numbers in by_word.items()}
        self._by_word: dict[str, Candidates] = {}
        self._firsts = frozenset(self._numbers)

    def _starting(self, word: str) -> Candidates | None:
        """The ranked patterns whose first element holds `word` (built once per word)."""
        found = self._by_word.get(word)
        if found is None and word in self._numbers:
            found = Candidates.of([(self.patterns[n], _needs(self.patterns[n])) for n in self._numbers[word]])
            self._by_word[word] = found
        return found

    def _candidates(self, token: str) -> Candidates | None:
        found = self._starting(token)
        prefixed = [c for c in self._by_prefix if c[0].elements[0].starting(token)] if self._by_prefix else []
        if not prefixed:
            return found
        return Candidates.of((list(found.ranked) if found else []) + prefixed)

    def matches(self, tokens: list[str]) -> list[Match]:
        """The best (longest, then first listed) match starting at each token, left to right."""
        present = set(tokens)
        # a cheap test first: most sentences hold no word that starts a pattern
        firsts = present.intersection(self._firsts) if not self._by_prefix else present
        if not firsts:
            return []
        found = []
        for i, token in enumerate(tokens):
            candidates = self._candidates(token) if token in firsts else None
            match = candidates.best(tokens, i, present) if candidates is not None else None
            if match is not None:
                found.append(match)
        return found


def _match_from(elements: tuple[Element, ...], tokens: list[str], i: int) -> int | None:
    """End index when `elements` match `tokens` from `i` (gaps tried shortest first)."""
    if not elements:
        return i
    head, rest = elements[0], elements[1:]
    if head is None:
        for skip in range(GAP + 1):
            end = _match_from(rest, tokens, i + skip)
            if end is not None:
                return end
            if i + skip >= len(tokens) or not tokens[i + skip][:1].isalnum():
                break  # an object phrase does not run past punctuation
        return None
    if i >= len(tokens):
        return None
    for alt in head.starting(tokens[i]):
        after = _alternative_end(alt, tokens, i)
        if after is not None:
            end = _match_from(rest, tokens, after)
            if end is not None:
                return end
    return None


def _element(token: str, sets: dict[str, list[Alternative]], made: dict[str, Choice] | None = None) -> Element:
    """The element a pattern token stands for; `made` shares one Choice among the patterns that
    write the same token (a set such as `@country` is thousands of alternatives)."""
    if token == "_":
        return None
    if made is not None:
        if token not in made:
            made[token] = _element(token, sets)
        return made[token]
    alternatives: list[Alternative] = []
    for alt in token.split("|"):
        if alt.startswith("@"):
            alternatives.extend(sets.get(alt[1:], ()))
        elif alt:
            alternatives.append(tuple(alt.split("~")))
    return Choice(tuple(alternatives))


def _is_set_line(head: str, rest: str) -> bool:
    return head.startswith("@") and "\t" not in rest and " " not in head


def parse_lines(lines: list[str]) -> list[TriggerPattern]:
    """Parse lexicon lines into trigger patterns; sets may be defined anywhere in `lines`."""
    sets: dict[str, list[Alternative]] = defaultdict(list)
    for line in lines:
        head, _, rest = line.partition("\t")
        if _is_set_line(head, rest):
            sets[head[1:].rstrip("+")].extend(tuple(a.split("~")) for a in rest.strip().lower().split("|") if a)
    patterns = []
    made: dict[str, Choice] = {}
    for number, line in enumerate(lines):
        head, _, rest = line.partition("\t")
        if _is_set_line(head, rest):
            continue
        fields = rest.split("\t")
        if len(fields) < 2 or not (fields[0].strip().isdigit() or fields[0].strip() == NOT_A_TRIGGER):
            continue
        elements = tuple(_element(t, sets, made) for t in head.strip().lower().split())
        if elements and elements[0] is not None and all(e is None or e for e in elements):
            patterns.append(TriggerPattern(elements, fields[0].strip(), fields[1].strip() or "noun",
                                           head.strip(), number))
    return patterns


@cache
def load_lexicon(language: str) -> Lexicon:
    """The trigger lexicon of a language: its generated and hand-written files together."""
    lines = [line for filename in TRIGGER_FILES for line in read_lines(language, filename)]
    # Parsing and indexing tens of thousands of patterns takes seconds: done once, then cached.
    return compiled(f"lexicon-{language}", lines, lambda: Lexicon(parse_lines(lines)))


@cache
def load_cues(language: str) -> dict[str, frozenset[str]]:
    """Cue words by kind (negation, planned, conditional, report, ...) from event_cues.tsv."""
    cues: dict[str, set[str]] = defaultdict(set)
    for line in read_lines(language, "event_cues.tsv"):
        kind, _, words = line.partition("\t")
        cues[kind.strip()].update(w.strip().lower() for w in re.split(r"[|]", words) if w.strip())
    return {k: frozenset(v) for k, v in cues.items()}
