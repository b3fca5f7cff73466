"""Sentence and token segmentation with character offsets.

Sentences end at . ! ? … followed by space and a capital, digit or opening quote, except after
an abbreviation of the article's language (`abbreviations.txt`), an initial ("W."), or inside a
quotation whose closing mark is in the same paragraph: a sentence ending inside “…” stays whole.
Paragraphs are hard boundaries. Tokens are words (hyphenated words kept whole: "negara-negara"),
numbers with their separators ("1,1", "16.312"), and single punctuation marks.
"""
from __future__ import annotations

import re

OPENING = {"“": "”", "«": "»", "„": "“", "‘": "’"}
CLOSING_MARKS = "\"'”’»)]"
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s+[\"'“‘«(\[]?[A-Z0-9À-Ý])")
_TOKEN = re.compile(
    r"(?:Rp|US\$|S\$|A\$|RM|\$|€|£|¥)(?=\d)"  # currency glued to its figure: Rp16.312
    r"|\d+(?:[.,:/]\d+)*%?"  # numbers: 16.312  1,1  13/6  08.45
    r"|(?:[^\W\d_]\.){2,}"  # dotted acronyms: A.S.  U.N.
    r"|[^\W\d_](?:[\w'’]|-(?=\w))*"  # words, hyphenated words kept whole: negara-negara, F-35
    r"|\S")


def sentence_spans(text: str, start: int, end: int, *, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentences of one paragraph text[start:end], as (start, end) offsets into `text`."""
    paragraph = text[start:end]
    quoted = _quote_mask(paragraph)
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _END.finditer(paragraph):
        cut = match.end()
        if quoted[match.end() - 1] or _after_abbreviation(paragraph, match.start(), abbreviations):
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
    for i, ch in enumerate(paragraph):
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


def _quote_mask(paragraph: str) -> bytearray:
    """mask[i] is 1 when offset i lies strictly inside a quotation; linear even with many quotes."""
    change = [0] * (len(paragraph) + 1)
    for open_, close in _quoted_ranges(paragraph):
        change[open_ + 1] += 1
        change[close] -= 1
    mask, depth = bytearray(len(paragraph)), 0
    for i in range(len(paragraph)):
        depth += change[i]
        mask[i] = depth > 0
    return mask


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
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", word))  # initials: "W." "J.K."


def token_spans(text: str, start: int, end: int, *, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Tokens of text[start:end] as (start, end) offsets into `text`; abbreviations keep their dot."""
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        if text[s:e] == "." and spans and spans[-1][1] == s:
            previous = text[spans[-1][0]:s]
            if previous + "." in abbreviations or (len(previous) == 1 and previous.isupper()):
                spans[-1] = (spans[-1][0], e)
                continue
        spans.append((s, e))
    return spans
