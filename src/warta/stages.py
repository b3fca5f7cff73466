"""The built-in stages: read (extraction and cleaning), language, segment.

Each stage is a small frozen callable with its contract; `pipeline.register` makes it available
by name in the `stages` setting. Later capabilities add their stages the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import starmap
from typing import Any

from .cldr import territory_names
from .read.cleaning import clean
from .errors import DocumentSizeError, NotArticleError
from .read.extraction import extract
from .lang import language_for
from .lang.identify import identify_article
from .lang.folders import available_languages, load_language
from .read.metadata import metadata_for_url
from .model import Article, Span
from .pipeline import register
from .read.published import normalize_published
from .segment import capped, sentence_spans, token_spans


@cache
def _known_names() -> frozenset[str]:
    """Country names in the languages warta reads (CLDR via Babel) so glue repair knows 'Iran', 'Rusia'."""
    return frozenset(name for name in territory_names() if name.isalpha())


@dataclass(frozen=True)
class ReadStage:
    """Extract the body and metadata of the raw input, then clean it."""

    min_text_chars: int = 40
    favor_precision: bool = False
    name: str = "read"
    requires: frozenset[str] = frozenset({"raw"})
    produces: frozenset[str] = frozenset({"text", "title", "author", "published", "sitename", "url", "paragraphs",
                                          "raw_offsets"})

    def __call__(self, article: Article) -> Article:
        if article.raw is None:
            raise NotArticleError(article.source, "nothing to read")
        extracted = extract(article.raw, favor_precision=self.favor_precision)
        languages = [load_language(code) for code in available_languages()]
        cleaned = clean(extracted.paragraphs, languages, known_names=_known_names())
        # A page whose body is this short is navigation or an error page; a text the user gave
        # (a .txt, a JSON line, a sentence from a coded corpus) is taken as it is, however short.
        minimum = self.min_text_chars if article.raw.kind == "html" else 1
        if len(cleaned.text) < minimum:
            raise NotArticleError(article.source, f"no article body (only {len(cleaned.text)} characters of text)")
        author = extracted.author or (", ".join(cleaned.authors) if cleaned.authors else None)
        # A page's URL is known once read: its folder's index.jsonl may list it by that URL.
        given = metadata_for_url(article.source, extracted.url) if article.raw.kind == "html" else {}
        return article.replace(
            text=cleaned.text, title=given.get("title") or extracted.title, author=author or given.get("author"),
            published=given.get("published") or extracted.published,
            sitename=given.get("sitename") or extracted.sitename, url=extracted.url,
            paragraphs=tuple(Span(s, e) for s, e in cleaned.paragraphs), raw_offsets=cleaned.anchors)


@dataclass(frozen=True)
class LanguageStage:
    """Identify the language of the article and of each paragraph."""

    name: str = "language"
    requires: frozenset[str] = frozenset({"text", "paragraphs", "title", "published"})
    produces: frozenset[str] = frozenset({"language", "paragraphs", "published"})

    def __call__(self, article: Article) -> Article:
        language, found = identify_article(article.title, article.text, [(p.start, p.end) for p in article.paragraphs])
        paragraphs = tuple(p.replace(language=code or language) for p, code in zip(article.paragraphs, found))
        # The publication date as the site wrote it ("Kamis, 12 Jun 2025 13:07 WIB") is read in
        # the article's language, now known, into ISO 8601.
        published = normalize_published(article.published, [language])
        return article.replace(language=language, paragraphs=paragraphs, published=published)


@dataclass(frozen=True)
class SegmentStage:
    """Split paragraphs into sentences and tokens, using the language's abbreviations."""

    name: str = "segment"
    requires: frozenset[str] = frozenset({"text", "paragraphs"})
    produces: frozenset[str] = frozenset({"sentences", "tokens"})
    max_sentence_tokens: int = 1000  # longer sentences are cut: see segment.capped
    max_document_tokens: int = 200_000  # more is refused before Span objects (and every later stage) multiply it

    def __call__(self, article: Article) -> Article:
        text, sentences, tokens = article.text, [], []
        counted = 0
        for paragraph in article.paragraphs:
            abbreviations = self._abbreviations_for(paragraph.language or article.language)
            found = sentence_spans(text, paragraph.start, paragraph.end, abbreviations=abbreviations)
            # Sentences end before a space and cover every other character of the paragraph, and no
            # token holds a space: the paragraph's tokens are its sentences' tokens, found in one go.
            # starmap: ~850 tokens a page, and a generator's step per token costs a fifth of the stage
            spans = token_spans(text, paragraph.start, paragraph.end, abbreviations=abbreviations)
            counted += len(spans)
            if self.max_document_tokens and counted > self.max_document_tokens:
                raise DocumentSizeError(article.source, f"more than {self.max_document_tokens} tokens "
                                                        "(setting max_document_tokens)")
            found = capped(found, spans, self.max_sentence_tokens)
            sentences.extend(Span(s, e, paragraph.language) for s, e in found)
            tokens.extend(starmap(Span, spans))
        return article.replace(sentences=tuple(sentences), tokens=tuple(tokens))

    def _abbreviations_for(self, language: str | None) -> frozenset[str]:
        return language_for(language).abbreviations


@register("read")
def _read(settings: dict[str, Any]) -> ReadStage:
    return ReadStage(min_text_chars=settings["min_text_chars"], favor_precision=settings["favor_precision"])


@register("language")
def _language(settings: dict[str, Any]) -> LanguageStage:
    return LanguageStage()


@register("segment")
def _segment(settings: dict[str, Any]) -> SegmentStage:
    return SegmentStage(max_sentence_tokens=settings.get("max_sentence_tokens", 1000),
                        max_document_tokens=settings.get("max_document_tokens", 200_000))
