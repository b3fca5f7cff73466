"""Find the knowledge base's names in an article, over its tokens.

Every run of up to `MAX_TOKENS` tokens inside a sentence is looked up; a name must start
with a capital letter in the text (news capitalises names; "as" is not "AS"), and an acronym
must match its capitals exactly.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from ..kb import KBEntry, KnowledgeBase, load_kb
from ..lang.folders import available_languages, read_lines
from ..model import Article, Span
from .candidates import Candidate
from .lexicon import common_words, word_list

MAX_TOKENS = 8
_LOWER_SHARE = 0.002  # a text with fewer capitals per letter than this is written in lower case
_GLANCE = 2000


def _starts_name(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def lowercased(text: str) -> bool:
    """True for text written without capitals (some corpora and social media lower-case all)."""
    # Capitals in the head of the text alone are often enough to say no (there are no more letters
    # than characters): a glance at 2,000 characters, not two passes over all of them.
    if sum(map(str.isupper, text[:_GLANCE])) >= len(text) * _LOWER_SHARE:
        return False
    letters = sum(map(str.isalpha, text))  # map over a method: a third of a generator's time
    return letters > 200 and sum(map(str.isupper, text)) < letters * _LOWER_SHARE


def _accept(kb: KnowledgeBase, surface: str, *, cased: bool = True, common: frozenset[str] = frozenset()) -> list[KBEntry]:
    """Entries `surface` may name, given its capitalisation (or, in lower-cased text, its words)."""
    if cased and not _starts_name(surface):
        return []
    if not cased and (" " not in surface and surface in common or len(surface) < 4):
        return []  # lower-cased text: "antara" is "between" before it is the news agency
    found = []
    for entry, strict in kb.lookup(surface):
        if strict and surface.replace(".", "") != surface.replace(".", "").upper():
            continue
        if not strict and surface.isupper() and len(surface) <= 3:
            continue  # "XI" (a Roman numeral) is not "Xi"; short acronyms must be listed as such
        found.append(entry)
    return found


_GLUED = re.compile(r"[A-Z][a-z]{3,}[a-z]{2,}")
_CAPITAL = re.compile("[A-Z]").search  # a token without one has no glued parts (see _glue_cuts)


def _unglue(text: str, t: Span) -> list[Span]:
    """Undo scraper glue the cleaner left: "Subiantomelakukan" -> "Subianto" "melakukan",
    "PemerintahIndonesiayang" -> "Pemerintah" "Indonesia" "yang". A cut needs a name-like head
    (a KB name or a word mostly written as a proper noun) and, after it, a function word the
    scrapers glue or an ordinary word of 4+ letters."""
    cuts = _glue_cuts(text[t.start:t.end])
    if len(cuts) == 1:  # most tokens: nothing glued, the token itself
        return [t]
    return [Span(t.start + a, t.start + b) for a, b in cuts]


@lru_cache(maxsize=65_536)
def _glue_cuts(piece: str) -> tuple[tuple[int, int], ...]:
    """The parts of one token as (start, end) inside it; remembered, as words repeat."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[A-Z]?[^A-Z]+|[A-Z]+(?![a-z])", piece)]
    glued = piece.isalpha() and all(b - a >= 2 for a, b in parts)
    if len(parts) > 1 and glued and piece not in _camel_words():
        return tuple((a + c, a + d) for a, b in parts for c, d in _glue_cuts(piece[a:b]))
    whole = ((0, len(piece)),)
    low = piece.casefold()
    if not _GLUED.fullmatch(piece) or low in common_words("id") or _name_like(piece):
        return whole
    for k in range(len(piece) - 2, 3, -1):
        tail = low[k:]
        if (tail in _glue_words() or len(tail) >= 4 and tail in common_words("id")) and _name_like(piece[:k]):
            return ((0, k), (k, len(piece)))
    return whole


def _name_like(head: str) -> bool:
    return head.casefold() in _name_words() or bool(load_kb().lookup(head))


@cache
def _glue_words() -> frozenset[str]:
    """Function words scrapers glue to names ("dan", "untuk", "yang"), from the cleaner's list."""
    return word_list("id", "glue_words.txt")


@cache
def _name_words() -> frozenset[str]:
    return word_list("id", "entities_names.txt")


@cache
def _camel_words() -> frozenset[str]:
    return frozenset(w.strip() for code in available_languages() for w in read_lines(code, "camelcase.txt"))


def _split_compounds(text: str, tokens: list[Span]) -> list[Span]:
    """Split hyphenated tokens into their parts, so "Teheran-Moskow" yields two names."""
    out: list[Span] = []
    for token in tokens:
        piece = text[token.start:token.end]
        # Most tokens: no capital (nothing glued to a name), no hyphen, no "'s": the token itself
        if _CAPITAL(piece) is None and "-" not in piece and piece[-2:] not in ("'s", "’s"):
            out.append(token)
        else:
            out += _split_compound(text, _unglue(text, token))
    return out


def _split_compound(text: str, tokens: list[Span]) -> list[Span]:
    out = []
    for t in tokens:
        piece = text[t.start:t.end]
        if len(piece) > 3 and piece[-2:] in ("'s", "’s"):  # "Alibaba’s" names Alibaba
            t, piece = Span(t.start, t.end - 2), piece[:-2]
        if "-" not in piece.strip("-"):
            out.append(t)
            continue
        pos = t.start
        for part in piece.split("-"):
            if part:
                out.append(Span(pos, pos + len(part)))
            pos += len(part) + 1
    return out


def sentence_tokens(article: Article) -> list[list[Span]]:
    """Tokens grouped by sentence (the whole text as one group when unsegmented), with glued
    words and hyphenated compounds split. The entities stage builds this once and hands it to
    every finder."""
    tokens = _split_compounds(article.text, list(article.tokens))
    if not article.sentences:
        return [tokens]
    # tokens in order: a sentence's are those that start inside it (two binary searches)
    starts = [t.start for t in tokens]
    groups, i = [], 0
    for sentence in article.sentences:
        first = bisect_left(starts, sentence.start, i)
        i = max(i, bisect_left(starts, sentence.end, i))
        groups.append(tokens[first:i])
    return groups


def find_names(article: Article, *, kb: KnowledgeBase | None = None, common: frozenset[str] = frozenset(),
               groups: list[list[Span]] | None = None) -> list[Candidate]:
    """Every KB name in the article, longest first at each token; all readings are kept.

    The first entry is the best reading; `disambiguate` may choose another one later. In a
    lower-cased text names are matched without capitals, except `common` words alone.
    """
    kb = kb or load_kb()
    text = article.text
    cased = not lowercased(text)
    found: list[Candidate] = []
    for tokens in sentence_tokens(article) if groups is None else groups:
        i = 0
        while i < len(tokens):
            step = 1
            start = tokens[i].start
            # Most words start no name: skip them before trying the runs of words they begin.
            if cased and not _starts_name(text[start:tokens[i].end]):
                i += 1
                continue
            # Only the runs whose text begins a KB name can be one (most stop after a word or two).
            top = i + kb.name_prefixes(text[start:tokens[k].end] for k in range(i, min(len(tokens), i + MAX_TOKENS)))
            for j in range(top, i, -1):
                end = tokens[j - 1].end
                entries = _accept(kb, text[start:end], cased=cased, common=common)
                if entries and text[end:end + 1] == "$":
                    entries = []  # "US$ 4,3 miliar" is a currency, not the United States
                if entries:
                    found.append(Candidate(start, end, text[start:end], entries[0].coarse, "kb", entries[0],
                                           options=tuple(entries)))
                    step = j - i
                    break
            i += step
    return found
