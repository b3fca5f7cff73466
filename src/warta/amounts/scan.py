"""Finding a pattern's matches by trying it only near the part every match holds.

Every figure holds a digit or a number word, with only a few characters before it (an
approximation word, whitespace, a currency sign). Scanning a whole paragraph with the figure
pattern makes the regex engine try its long alternations at every character; `matches` instead
jumps from one digit or number word to the next and tries the pattern only at the positions a
match holding it could start at. It yields exactly what `pattern.finditer` yields: the same
leftmost match from each position on, found among fewer positions.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .alternation import caseless_words, lowers_like_re

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Anchors:
    """What a pattern's matches hold and how far before it they can start.

    Each match holds a digit, or one of the words (in any case, after a word boundary). It starts
    at most `reach` characters before that, or, when it opens with a word of at most `word_reach`
    characters, that word and whitespace before those `reach` characters.
    """

    words: re.Pattern[str] | None  # in lower case, searched in the lower-cased paragraph
    reach: int
    word_reach: int

    @classmethod
    def build(cls, words: Iterable[str], *, reach: int, word_reach: int) -> Anchors:
        """Anchors for digits and `words` (words beyond ASCII leave the scan to `finditer`)."""
        return cls(caseless_words(words), reach, word_reach)

    def earliest(self, text: str, anchor: int, floor: int) -> int:
        """The first position, not before `floor`, where a match holding `anchor` could start."""
        first = max(floor, anchor - self.reach)
        while first > floor and text[first - 1].isspace():  # \s+ between the word and the rest
            first -= 1
        return max(floor, first - self.word_reach)


def matches(pattern: re.Pattern[str], anchors: Anchors, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` yields, for a pattern whose matches `anchors` describes."""
    if anchors.words is None or not lowers_like_re(text, start, end):
        yield from pattern.finditer(text, start, end)
        return
    lowered = text[start:end].lower()
    pos, digit, word = start, start - 1, start - 1  # digit, word: the next anchors of each kind
    while True:
        if digit < pos:
            found = _DIGIT.search(text, pos, end)
            digit = found.start() if found else end
        if word < pos:
            word = _next_word(anchors.words, text, lowered, start, pos)
        anchor = min(digit, word)
        if anchor >= end:
            return
        match = _match_from(pattern, text, anchors.earliest(text, anchor, pos), anchor, end)
        if match is None:
            pos = anchor + 1  # no match holds this anchor, and none starts before it
        else:
            yield match
            pos = match.end()


def _next_word(words: re.Pattern[str], text: str, lowered: str, start: int, pos: int) -> int:
    """Where the next number word at a word boundary starts, at or after `pos` (len: none)."""
    at = pos - start
    while (found := words.search(lowered, at)) is not None:
        i = start + found.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):  # re's \w, for \b
            return i
        at = found.start() + 1
    return start + len(lowered)


def _match_from(pattern: re.Pattern[str], text: str, first: int, last: int, end: int) -> re.Match[str] | None:
    """The match starting at the first position of first..last where the pattern matches."""
    for at in range(first, last + 1):
        match = pattern.match(text, at, end)
        if match is not None:
            return match
    return None
