"""Cleaning what extraction leaves: boilerplate phrases, bylines and words glued by scrapers.

Works paragraph by paragraph on the extracted text and keeps, for every character it outputs,
where that character came from, so offsets into the clean text map back (`Cleaned.anchors`).
The patterns and word lists are data in each language folder (`boilerplate.tsv`, `glue_words.txt`,
`camelcase.txt`); this module only applies them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice, pairwise

from ..lang import words_of_all
from ..lang.folders import LanguageData

PARAGRAPH_SEPARATOR = "\n\n"
_WHITESPACE = re.compile(r"\s")
# Title-case run after "Baca Juga:" (a related headline): words until the first lowercase
# word that is not a short connector (Language.headline_connectors), minus the capitalised word
# that starts the real sentence.
_TOKEN = re.compile(r"\S+")
_HEADLINE_TOKENS = 80
_ADDRESS_CHARS = 1000
_OPENERS = "\"'“‘(["
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_GLUED_TOKEN = re.compile(r"[^\W\d_][\w.@/:]*[^\W\d_]|[^\W\d_]")
_CASE_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})")
_FIRST_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]*")
# A sentence or list mark followed by a word with no space ("Indonesia,Prabowo", "tahun.Dia"),
# a closing quote before a capital, or a closing bracket glued to a word: the point is after the
# mark. Each branch starts with the mark itself so the engine jumps from mark to mark instead of
# testing lookbehinds at every character.
_PUNCT_GLUE = re.compile(r"[,;:!?](?<=[^\W\d_]{2}[,;:!?])(?=[^\W\d_]{2})|\.(?<=[^\W\d_]{2}\.)(?=[A-Z][^\W\d_])"
                         r"|[\"”’](?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])|\)(?<=[^\W\d_]{2}\))(?=[^\W\d_]{2})")
# An opening bracket glued to the word before it ("Indonesia(RI)"): the point is before it.
_BRACKET_GLUE = re.compile(r"\((?<=[a-z]{3}\()(?=[A-Z])")
# Whitespace other than the plain space (what `_squeeze` would turn into spaces).
_OTHER_WHITESPACE = re.compile(r"[^\S ]")
_DOMAIN_TAIL = re.compile(r"(com|co|id|net|org|go|ac|html?)\b", re.IGNORECASE)


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
    pieces: list[tuple[str, Sequence[int]]] = []
    authors: list[str] = []
    raw_pos = 0
    evidence = _evidence(languages, known_names, paragraphs)
    tails = [p for lang in languages for p in lang.boilerplate_tails]
    bylines, boilerplate = _paragraph_patterns(tuple(languages))
    for paragraph in paragraphs:
        start, raw_pos = raw_pos, raw_pos + len(paragraph) + len(PARAGRAPH_SEPARATOR)
        if any(p.search(paragraph) for p in tails):
            break  # comment forms, "related articles" lists: nothing after them is the article
        byline = next((m for m in (p.fullmatch(paragraph) for p in bylines) if m), None)
        if byline is not None:
            authors.append(byline.group("author").strip(" ,.-|"))
            continue
        if any(p.fullmatch(paragraph) for p in boilerplate):
            continue
        text, positions = _clean_paragraph(paragraph, start, languages, evidence)
        if any(map(str.isalpha, text)):  # "01 02 03" page numbers are no prose
            pieces.append((text, positions))
    return _assemble(pieces, tuple(authors))


@cache
def _paragraph_patterns(languages: tuple[LanguageData, ...]) -> tuple[tuple[re.Pattern[str], ...], ...]:
    """(byline patterns, the other boilerplate-paragraph patterns), in the languages' order.

    Patterns without groups that share their flags are joined into one alternation: a paragraph
    matches it whole exactly when it matches one of them whole, for one call instead of dozens.
    """
    patterns = [p for lang in languages for p in lang.boilerplate_paragraphs]
    # a byline is also a boilerplate paragraph; it is tested first, so it need not be again
    bylines = tuple(p for p in patterns if "author" in p.groupindex)
    others = [p for p in patterns if "author" not in p.groupindex]
    plain: dict[int, list[re.Pattern[str]]] = {}
    for pattern in others:
        if not pattern.groups:  # with groups, joining would renumber their back-references
            plain.setdefault(pattern.flags, []).append(pattern)
    kept = [p for p in others if p.groups]
    for flags, group in plain.items():
        try:
            kept.append(re.compile("|".join(f"(?:{p.pattern})" for p in group), flags))
        except re.error:  # an inline flag like "(?i)" is only allowed at the start of a pattern
            kept.extend(group)
    return bylines, tuple(kept)


def _clean_paragraph(paragraph: str, start: int, languages: list[LanguageData],
                     evidence: _Evidence) -> tuple[str, Sequence[int]]:
    """The paragraph's text to keep and, for each character, its offset in the extracted text."""
    deleted = None
    for lang in languages:
        for pattern in lang.boilerplate_inline:
            for match in pattern.finditer(paragraph):
                end = _related_headline_end(paragraph, match.end()) if "related" in pattern.groupindex else match.end()
                deleted = deleted or bytearray(len(paragraph))
                deleted[match.start():end] = b"\x01" * (end - match.start())
    inserts = _glue_points(paragraph, evidence)
    if not inserts and (deleted is None or not any(deleted)) and _already_squeezed(paragraph):
        return paragraph, range(start, start + len(paragraph))  # most paragraphs: nothing to do
    chars: list[tuple[str, int]] = []
    for i, ch in enumerate(paragraph):
        if i in inserts:
            chars.append((" ", start + i))
        if deleted is None or not deleted[i]:
            chars.append((" " if _WHITESPACE.match(ch) else ch, start + i))
    chars = _squeeze(chars)
    return "".join([ch for ch, _ in chars]), [pos for _, pos in chars]


def _related_headline_end(paragraph: str, cue_end: int) -> int:
    """End of a related-article headline that a scraper glued into the paragraph."""
    previous = None
    # A headline is short: looking further than _HEADLINE_TOKENS words would make a paragraph of
    # many "Baca Juga:" cues quadratic, and no real headline gets there.
    for i, token in enumerate(islice(_TOKEN.finditer(paragraph, cue_end), _HEADLINE_TOKENS)):
        word = token.group().strip(_OPENERS + "”’),:]")
        if word and word[0].islower() and word.lower() not in words_of_all("headline_connectors"):
            # the capitalised word before it opens the real sentence, maybe behind a quote mark
            if i >= 2 and previous.group().lstrip(_OPENERS)[:1].isupper():
                return previous.start()
            return token.start() if i else cue_end
        previous = token
    return len(paragraph)


def _already_squeezed(paragraph: str) -> bool:
    """No whitespace but single spaces, none at either end: `_squeeze` would change nothing."""
    return paragraph == paragraph.strip() and "  " not in paragraph and not _OTHER_WHITESPACE.search(paragraph)


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


def vocabulary(paragraphs: tuple[str, ...]) -> frozenset[str]:
    """Every maximal run of letters in the article: the words it uses on their own somewhere."""
    return frozenset(_LETTER_RUN.findall("\n".join(paragraphs)))  # a newline ends every run


def glue_points(text: str, languages: list[LanguageData], known_names: frozenset[str],
                *, vocab: frozenset[str] | None = None) -> set[int]:
    """Offsets in `text` where a space was lost between two words ("IndonesiaMohammad").

    A split needs evidence: a function word of the language ("keRusia"), a country name, or a
    word the article uses on its own elsewhere (`vocab`, by default the words of `text`). So
    "Iranadalah" splits but "Kebijakan", "Danantara", "Pyongyang" and "McDonald" stay whole.
    """
    return _glue_points(text, _evidence(languages, known_names, (text,), vocab))


def _evidence(languages: list[LanguageData], known_names: frozenset[str], paragraphs: tuple[str, ...] = (),
              vocab: frozenset[str] | None = None) -> _Evidence:
    """The evidence for glue points: `vocab`, else the words of `paragraphs` when first needed."""
    glue, camel = _word_sets(tuple(languages))
    return _Evidence(glue, known_names, camel, paragraphs, vocab)


def _glue_points(text: str, evidence: _Evidence) -> set[int]:
    points: set[int] = set()
    for token in _GLUED_TOKEN.finditer(text):
        word = token.group()
        if word.islower():  # no capital, so no case boundary and no name to glue to: most words
            continue
        if word.lower() in evidence.camel or "@" in word or "://" in word or text[token.start() - 1:token.start()] == "@":
            continue
        points.update(token.start() + offset for offset in _split_points(word, evidence))
    marks = [m.end() for m in _PUNCT_GLUE.finditer(text)] + [m.start() for m in _BRACKET_GLUE.finditer(text)]
    points.update(at for at in marks if not _DOMAIN_TAIL.match(text, at) and not _in_address(text, at))
    return points


@cache
def _word_sets(languages: tuple[LanguageData, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(glue words, lower-case camel-case words) of the languages, built once, not per paragraph."""
    return (frozenset().union(*(lang.glue_words for lang in languages)),
            frozenset(w.lower() for lang in languages for w in lang.camelcase_words))


class _Evidence:
    """What tells a glued pair from a real word: function words, names, the article's words.

    The article's words (`vocab`) are gathered on first use: most articles never need them.
    """

    __slots__ = ("_paragraphs", "_vocab", "camel", "glue", "names")

    def __init__(self, glue: frozenset[str], names: frozenset[str], camel: frozenset[str],
                 paragraphs: tuple[str, ...] = (), vocab: frozenset[str] | None = None) -> None:
        self.glue, self.names, self.camel = glue, names, camel  # camel: "youtube" keeps "YouTube" whole
        self._paragraphs, self._vocab = paragraphs, vocab

    @property
    def vocab(self) -> frozenset[str]:
        if self._vocab is None:
            self._vocab = vocabulary(self._paragraphs)
        return self._vocab

    def is_word(self, word: str) -> bool:
        return word.lower() in self.glue or word in self.names or word in self.vocab or word.lower() in self.vocab

    def is_name(self, word: str) -> bool:
        return len(word) >= 4 and (word in self.names or word in self.vocab)


def _in_address(text: str, offset: int) -> bool:
    """Inside an e-mail address, a handle or a URL, where dots are not sentence ends."""
    # Addresses are shorter than _ADDRESS_CHARS each side: a long run without spaces ("Dr.Dr.…")
    # would otherwise be copied whole at every glue point in it.
    low, high = max(0, offset - _ADDRESS_CHARS), offset + _ADDRESS_CHARS
    start = text.rfind(" ", low, offset)
    end = text.find(" ", offset, high)
    chunk = text[low if start < 0 else start + 1:min(high, len(text)) if end < 0 else end]
    return "@" in chunk or "://" in chunk or chunk[:4].lower() == "www."


def _split_points(word: str, evidence: _Evidence) -> list[int]:
    """Split points inside one glued token: 'keRusia' -> [2], 'Boroujerdidalam' -> [10]."""
    if word[1:].islower():  # a capital, then lower case only ("Jakarta"): no change of case inside
        cut = _glued_suffix(word, evidence)
        return [cut] if cut else []
    points = [m.start() for m in _CASE_BOUNDARY.finditer(word) if _boundary_splits(word, m.start(), evidence)]
    bounds = [0, *points, len(word)]
    for start, end in pairwise(bounds):
        cut = _glued_suffix(word[start:end], evidence)
        if cut:
            points.append(start + cut)
    return sorted(points)


def _boundary_splits(word: str, at: int, evidence: _Evidence) -> bool:
    """Whether a change of case at `at` is a lost space rather than a camel-case name."""
    right = _FIRST_PART.match(word, at).group()
    if word[at - 1].isupper():  # an acronym glued to a name: "TNIMayjen"
        return at >= 2 and word[at - 2].isupper() and evidence.is_name(right)
    left = _last_part(word, at)
    if left[:1].islower():  # "keRusia", "seranganIsrael", "dariCNBC"; "iPhone" and "eBay" stay
        return left.lower() in evidence.glue or len(left) >= 3
    if _glued_suffix(left, evidence):  # "IsraeldanIran", "WNIdariIran"
        return True
    # "PresidenAS", "FederasiRusia", "JakartaHarga"; not "LandLogic", "McKibbin", "DiCaprio"
    if not (left[1:].islower() and len(left) >= 3 and len(right) >= 2):
        return False
    return evidence.is_word(left) or right in evidence.names or (len(right) >= 4 and right.lower() in evidence.vocab)


def _last_part(word: str, at: int) -> str:
    """The `[A-Z]*[a-z]+` run ending at `at`, found by walking back: searching the whole prefix
    with a regex at every case boundary is quadratic in a long glued token ("RpRpRp…")."""
    start = at
    while start and "a" <= word[start - 1] <= "z":
        start -= 1
    while start and "A" <= word[start - 1] <= "Z":
        start -= 1
    return word[start:at]


def _glued_suffix(part: str, evidence: _Evidence) -> int | None:
    """Where a function word glued to a name starts ('Iranadalah' -> 4, 'AFPdan' -> 3)."""
    if part[:1].islower():
        return None
    caps = len(part) - len(part.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if caps >= 2 and part[caps:].islower() and part[caps:] in evidence.glue:
        return caps
    if caps != 1 or not part[1:].islower():
        return None
    # A glued function word is short: only cuts that leave at most the longest one are tried,
    # so a capitalised 1 MB "word" costs nothing.
    for cut in range(max(4, len(part) - _longest(evidence.glue)), len(part) - 2):
        if part[cut:] in evidence.glue and evidence.is_name(part[:cut]):
            return cut
    return None


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def _assemble(pieces: list[tuple[str, Sequence[int]]], authors: tuple[str, ...]) -> Cleaned:
    text_parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for text, raw in pieces:
        if text_parts:
            text_parts.append(PARAGRAPH_SEPARATOR)
            pos += len(PARAGRAPH_SEPARATOR)
        spans.append((pos, pos + len(text)))
        if raw[-1] - raw[0] == len(text) - 1:  # offsets never fall: one unbroken run
            anchors.append((pos, raw[0]))
        else:
            anchors.extend((pos + i, r) for i, r in enumerate(raw) if i == 0 or r != raw[i - 1] + 1)
        text_parts.append(text)
        pos += len(text)
    return Cleaned(text="".join(text_parts), paragraphs=tuple(spans), anchors=tuple(anchors), authors=authors)
