"""Cleaning what extraction leaves: boilerplate phrases, bylines and words glued by scrapers.

Works paragraph by paragraph on the extracted text and keeps, for every character it outputs,
where that character came from, so offsets into the clean text map back (`Cleaned.anchors`).
The patterns and word lists are data in each language folder (`boilerplate.tsv`, `glue_words.txt`,
`camelcase.txt`); this module only applies them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .languages import LanguageData

PARAGRAPH_SEPARATOR = "\n\n"
_WHITESPACE = re.compile(r"\s")
# Title-case run after "Baca Juga:" (a related headline): words until the first lowercase
# word that is not a short connector, minus the capitalised word that starts the real sentence.
_HEADLINE_CONNECTORS = frozenset("di ke dari dan yang untuk soal vs atau & - – — di- ke- the of and for to in on a".split())
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text, its paragraphs' spans, authors found in bylines and the offset map."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    anchors: tuple[tuple[int, int], ...]  # (offset in clean text, offset in extracted text)
    authors: tuple[str, ...] = ()


def raw_offset(anchors: tuple[tuple[int, int], ...], offset: int) -> int:
    """Map an offset in the clean text back to the extracted text."""
    best = (0, 0)
    for out, raw in anchors:
        if out > offset:
            break
        best = (out, raw)
    return best[1] + (offset - best[0])


def clean(paragraphs: tuple[str, ...], languages: list[LanguageData], *, known_names: frozenset[str] = frozenset()) -> Cleaned:
    """Drop boilerplate paragraphs and phrases, take bylines out, repair glued words."""
    pieces: list[list[tuple[str, int]]] = []
    authors: list[str] = []
    raw_pos = 0
    for paragraph in paragraphs:
        start, raw_pos = raw_pos, raw_pos + len(paragraph) + len(PARAGRAPH_SEPARATOR)
        if any(p.search(paragraph) for lang in languages for p in lang.boilerplate_tails):
            break  # comment forms, "related articles" lists: nothing after them is the article
        byline = _byline(paragraph, languages)
        if byline is not None:
            authors.append(byline)
            continue
        if any(p.fullmatch(paragraph) for lang in languages for p in lang.boilerplate_paragraphs):
            continue
        chars = _clean_paragraph(paragraph, start, languages, known_names)
        if any(c.isalnum() for c, _ in chars):
            pieces.append(chars)
    return _assemble(pieces, tuple(authors))


def _byline(paragraph: str, languages: list[LanguageData]) -> str | None:
    for lang in languages:
        for pattern in lang.boilerplate_paragraphs:
            if "?P<author>" in pattern.pattern:
                match = pattern.fullmatch(paragraph)
                if match:
                    return match.group("author").strip(" ,.-|")
    return None


def _clean_paragraph(paragraph: str, start: int, languages: list[LanguageData],
                     known_names: frozenset[str]) -> list[tuple[str, int]]:
    """Characters of the paragraph to keep, each with its offset in the extracted text."""
    deleted = bytearray(len(paragraph))
    for lang in languages:
        for pattern in lang.boilerplate_inline:
            for match in pattern.finditer(paragraph):
                end = _related_headline_end(paragraph, match.end()) if "related" in pattern.groupindex else match.end()
                deleted[match.start():end] = b"\x01" * (end - match.start())
    inserts = glue_points(paragraph, languages, known_names)
    chars: list[tuple[str, int]] = []
    for i, ch in enumerate(paragraph):
        if i in inserts:
            chars.append((" ", start + i))
        if not deleted[i]:
            chars.append((" " if _WHITESPACE.match(ch) else ch, start + i))
    return _squeeze(chars)


def _related_headline_end(paragraph: str, cue_end: int) -> int:
    """End of a related-article headline that a scraper glued into the paragraph."""
    tokens = list(_TOKEN.finditer(paragraph, cue_end))
    for i, token in enumerate(tokens):
        word = token.group().strip("\"'“”‘’(),:")
        if word and word[0].islower() and word.lower() not in _HEADLINE_CONNECTORS:
            if i >= 2 and tokens[i - 1].group()[:1].isupper():
                return tokens[i - 1].start()  # the capitalised word before it opens the real sentence
            return token.start() if i else cue_end
    return len(paragraph)


def _squeeze(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Collapse runs of spaces (left by deletions) and strip both ends."""
    out: list[tuple[str, int]] = []
    for ch, pos in chars:
        if ch == " " and (not out or out[-1][0] == " "):
            continue
        out.append((ch, pos))
    while out and out[-1][0] == " ":
        out.pop()
    return out


def glue_points(text: str, languages: list[LanguageData], known_names: frozenset[str]) -> set[int]:
    """Offsets in `text` where a space was lost between two words ("IndonesiaMohammad")."""
    points: set[int] = set()
    camel = frozenset().union(*(lang.camelcase_words for lang in languages))
    glue = frozenset().union(*(lang.glue_words for lang in languages))
    for token in re.finditer(r"[^\W\d_][\w.]*[^\W\d_]|[^\W\d_]", text):
        word = token.group()
        if word in camel or word.lower() in camel:
            continue
        for offset in _split_points(word, glue, known_names):
            points.add(token.start() + offset)
    for match in re.finditer(r"(?<=[^\W\d_]{2}[.,;:!?])(?=[^\W\d_]{2})|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])", text):
        if not re.match(r"(com|co|id|net|org|go|ac|html?)\b", text[match.end():], re.IGNORECASE):
            points.add(match.end())
    return points


def _split_points(word: str, glue: frozenset[str], known_names: frozenset[str]) -> list[int]:
    """Split points inside one glued token, e.g. 'keRusia' -> [2], 'Boroujerdidalam' -> [10]."""
    points = []
    for match in re.finditer(r"(?<=[a-z])(?=[A-Z][a-z])", word):
        left = re.split(r"(?<=[a-z])(?=[A-Z])", word[:match.start()])[-1]
        if left in glue or (left[:1].isupper() and len(left) >= 3):
            points.append(match.start())
    tail_from = points[-1] if points else 0
    tail = word[tail_from:]
    if tail[:1].isupper() and tail[1:].islower() and tail not in known_names:
        cut = _glued_suffix(tail, glue, known_names)
        if cut:
            points.append(tail_from + cut)
    return points


def _glued_suffix(token: str, glue: frozenset[str], known_names: frozenset[str]) -> int | None:
    """Where a lowercase function word glued to a capitalised name starts ('Iranadalah' -> 4)."""
    for cut in range(3, len(token) - 2):
        prefix, suffix = token[:cut], token[cut:]
        if suffix in glue and (len(suffix) >= 4 or prefix in known_names):
            return cut
    return None


def _assemble(pieces: list[list[tuple[str, int]]], authors: tuple[str, ...]) -> Cleaned:
    text_parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for chars in pieces:
        if text_parts:
            text_parts.append(PARAGRAPH_SEPARATOR)
            pos += len(PARAGRAPH_SEPARATOR)
        spans.append((pos, pos + len(chars)))
        for i, (ch, raw) in enumerate(chars):
            if i == 0 or raw != chars[i - 1][1] + 1:
                anchors.append((pos + i, raw))
        text_parts.append("".join(ch for ch, _ in chars))
        pos += len(chars)
    return Cleaned(text="".join(text_parts), paragraphs=tuple(spans), anchors=tuple(anchors), authors=authors)
