"""Sentence and token segmentation with character offsets.

Sentences end at . ! ? … followed by space and a capital, digit or opening quote, except after
an abbreviation of the article's language (`abbreviations.txt`), an initial ("W."), or inside a
quotation whose closing mark is in the same paragraph: a sentence ending inside “…” stays whole.
Paragraphs are hard boundaries. Tokens are words (hyphenated words kept whole: "negara-negara"),
numbers with their separators ("1,1", "16.312"), and single punctuation marks.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

OPENING = {"“": "”", "«": "»", "„": "“", "‘": "’"}
CLOSING_MARKS = "\"'”’»)]"
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s+[\"'“‘«(\[]?[A-Z0-9À-Ý])")
# Combining marks, variation selectors, joiners and direction controls belong to the
# character before them: as tokens of their own, a flood of them ("e" + 10,000 accents, RTL and
# zero-width runs) made a token per character and a tagger's memory grow a thousandfold.
MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf-\u05c7\u0610-\u061a\u061c\u064b-\u065f\u0670"
         "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u1ab0-\u1aff\u1dc0-\u1dff\u200c-\u200f"
         "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\ufeff")
_TOKEN = re.compile(
    r"(?:Rp|US\$|S\$|A\$|RM|\$|€|£|¥)(?=\d)"  # currency glued to its figure: Rp16.312
    r"|\d++(?:[.,:/]\d++)*+%?"  # numbers: 16.312  1,1  13/6  08.45
    r"|(?:[^\W\d_]\.){2,}+"  # dotted acronyms: A.S.  U.N.
    # Words, hyphenated words kept whole (negara-negara, F-35). Possessive runs of letters, not a
    # choice per character: the same tokens, found in two thirds of the time.
    rf"|[^\W\d_][\w'’{MARKS}]*+(?:-(?=\w)[\w'’{MARKS}]*+)*+"
    rf"|\S[{MARKS}]*+")
_QUOTE_MARK = re.compile("[\"“”‘’«»„]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def sentence_spans(text: str, start: int, end: int, *, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentences of one paragraph text[start:end], as (start, end) offsets into `text`."""
    paragraph = text[start:end]
    quoted = _QuoteDepth(paragraph)
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _END.finditer(paragraph):
        cut = match.end()
        if quoted.inside(cut - 1) or _after_abbreviation(paragraph, match.start(), abbreviations):
            continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, len(paragraph)))
    out = []
    for s, e in spans:
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((start + s, start + e))
    return out


def _quoted_ranges(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations whose closing mark is in the paragraph."""
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for match in _QUOTE_MARK.finditer(paragraph):  # only the marks: most characters are not one
        i, ch = match.start(), match.group()
        if ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                ranges.append((straight_open, i))
                straight_open = None
        elif ch in OPENING and not (ch == "‘" and _is_apostrophe(paragraph, i)):
            stack.append((OPENING[ch], i))
        elif stack and ch == stack[-1][0] and not (ch == "’" and _is_apostrophe(paragraph, i)):
            ranges.append((stack.pop()[1], i))
    return ranges


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ between letters (don’t, Qur’an) is an apostrophe, not a closing quote."""
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


class _QuoteDepth:
    """Which offsets of a paragraph lie strictly inside a quotation (open < i < close).

    Two sorted lists and a bisection per question: linear even with many quotes, and no work per
    character (most paragraphs hold no quotation mark at all)."""

    def __init__(self, paragraph: str) -> None:
        ranges = _quoted_ranges(paragraph)
        self._after_opens = sorted(open_ + 1 for open_, _ in ranges)
        self._closes = sorted(close for _, close in ranges)

    def inside(self, i: int) -> bool:
        """Is offset `i` inside at least one quotation?"""
        return bool(self._after_opens) and bisect_right(self._after_opens, i) > bisect_right(self._closes, i)


def _after_abbreviation(paragraph: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Is the full stop at `dot` the end of an abbreviation or an initial?"""
    if paragraph[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and not paragraph[word_start - 1].isspace() and paragraph[word_start - 1] not in "(\"“'‘":
        word_start -= 1
    word = paragraph[word_start:dot + 1]
    if word in abbreviations or word.lower() in abbreviations:
        return True
    return _INITIALS.fullmatch(word) is not None  # initials: "W." "J.K."


def capped(sentences: list[tuple[int, int]], tokens: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """`sentences` with each one of more than `limit` tokens cut into pieces of `limit` tokens, so
    that no later stage meets a sentence of a million tokens (a text without full stops)."""
    if limit <= 0 or len(tokens) <= limit:
        return sentences
    starts = [start for start, _ in tokens]
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if last - first <= limit:
            out.append((start, end))
            continue
        for at in range(first, last, limit):
            piece_end = tokens[min(at + limit, last) - 1][1] if at + limit < last else end
            out.append((start if at == first else tokens[at][0], piece_end))
    return out


def token_spans(text: str, start: int, end: int, *, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Tokens of text[start:end] as (start, end) offsets into `text`; abbreviations keep their dot."""
    spans = [match.span() for match in _TOKEN.finditer(text, start, end)]
    # Only a "." token can join the token before it, and a token starting with "." is that token
    # (no other kind starts with one): find the dots by bisection instead of testing every token.
    dots = []
    at = text.find(".", start, end)
    while at >= 0:
        i = bisect_left(spans, (at,))
        if i < len(spans) and spans[i][0] == at and i:
            dots.append(i)
        at = text.find(".", at + 1, end)
    return _join_abbreviations(text, spans, dots, abbreviations) if dots else spans


def _join_abbreviations(text: str, spans: list[tuple[int, int]], dots: list[int],
                        abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """`spans` with each "." token at an index in `dots` joined to the token it touches when that
    token is an abbreviation ("Jl" + ".") or an initial ("W" + ".")."""
    joined: list[tuple[int, int]] = []
    done = 0
    for i in dots:
        joined.extend(spans[done:i])
        done = i + 1
        s, e = spans[i]
        if joined and joined[-1][1] == s:
            previous = text[joined[-1][0]:s]
            if previous + "." in abbreviations or (len(previous) == 1 and previous.isupper()):
                joined[-1] = (joined[-1][0], e)
                continue
        joined.append((s, e))
    joined.extend(spans[done:])
    return joined
