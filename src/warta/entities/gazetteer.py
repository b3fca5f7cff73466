"""Find the knowledge base's names in an article, over its tokens.

Every run of up to `MAX_TOKENS` tokens inside a sentence is looked up; a name must start
with a capital letter in the text (news capitalises names; "as" is not "AS"), and an acronym
must match its capitals exactly.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..kb import KBEntry, KnowledgeBase, load_kb
from ..model import Article, Span
from .candidates import Candidate

MAX_TOKENS = 8


def _starts_name(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _accept(kb: KnowledgeBase, surface: str) -> list[KBEntry]:
    """Entries `surface` may name, given its capitalisation."""
    if not _starts_name(surface):
        return []
    found = []
    for entry, strict in kb.lookup(surface):
        if strict and surface.replace(".", "") != surface.replace(".", "").upper():
            continue
        if not strict and surface.isupper() and len(surface) <= 3:
            continue  # "XI" (a Roman numeral) is not "Xi"; short acronyms must be listed as such
        found.append(entry)
    return found


def _split_compounds(text: str, tokens: list[Span]) -> list[Span]:
    """Split hyphenated tokens into their parts, so "Teheran-Moskow" yields two names."""
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


def _sentence_tokens(article: Article) -> Iterable[list[Span]]:
    """Tokens grouped by sentence (the whole text as one group when unsegmented)."""
    tokens = _split_compounds(article.text, list(article.tokens))
    if not article.sentences:
        yield tokens
        return
    i = 0
    for sentence in article.sentences:
        group = []
        while i < len(tokens) and tokens[i].start < sentence.end:
            if tokens[i].start >= sentence.start:
                group.append(tokens[i])
            i += 1
        yield group


def find_names(article: Article, *, kb: KnowledgeBase | None = None) -> list[Candidate]:
    """Every KB name in the article, longest first at each token; all readings are kept.

    The first entry is the best reading; `disambiguate` may choose another one later.
    """
    kb = kb or load_kb()
    text = article.text
    found: list[Candidate] = []
    for tokens in _sentence_tokens(article):
        i = 0
        while i < len(tokens):
            step = 1
            for j in range(min(len(tokens), i + MAX_TOKENS), i, -1):
                start, end = tokens[i].start, tokens[j - 1].end
                entries = _accept(kb, text[start:end])
                if entries and text[end:end + 1] == "$":
                    entries = []  # "US$ 4,3 miliar" is a currency, not the United States
                if entries:
                    found.append(Candidate(start, end, text[start:end], entries[0].coarse, "kb", entries[0],
                                           options=tuple(entries)))
                    step = j - i
                    break
            i += step
    return found
