"""The `syntax` stage: a Universal Dependencies parse of the sentences consumers want."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from ..model import Article, Parse
from ..pipeline import register
from .parser import load_parser
from .select import wanted_sentences


@dataclass(frozen=True)
class SyntaxStage:
    """Parse the wanted sentences of each language that has a parser (warta/lang/<code>/syntax.tsv).

    Sentences of a language without a parser get no parse; consumers then keep their old way.
    """

    every_sentence: bool = False
    languages: frozenset[str] | None = None  # None: every language that has a parser
    absent: frozenset[str] = frozenset()  # stages not in the pipeline: their selectors are not asked
    max_words: int = 100  # longer sentences are read without a parse (0: no limit)
    max_sentences: int = 1000  # sentences parsed per article at most, the first wanted (0: no limit)
    name: str = "syntax"
    requires: frozenset[str] = frozenset({"text", "sentences", "tokens", "language"})
    reads: frozenset[str] = frozenset({"entities", "paragraphs"})  # what the consumers' sentence selectors look at when present
    produces: frozenset[str] = frozenset({"syntax"})

    def __call__(self, article: Article) -> Article:
        indices = range(len(article.sentences)) if self.every_sentence else wanted_sentences(article, self.absent)
        if self.max_sentences and len(indices) > self.max_sentences:  # pathological text: parse memory stays bounded
            indices = sorted(indices)[:self.max_sentences]
        by_language: dict[str, list[int]] = {}
        for i in indices:
            language = article.sentences[i].language or article.language
            if language and (self.languages is None or language in self.languages):
                by_language.setdefault(language, []).append(i)
        parses: list[Parse] = []
        starts = [t.start for t in article.tokens]
        for language, chosen in by_language.items():
            parser = load_parser(language)
            if parser is None:
                continue
            words = [parser.words_of(article.text, self._tokens(article, starts, i)) for i in chosen]
            keep = [(i, w) for i, w in zip(chosen, words) if w and (not self.max_words or len(w) <= self.max_words)]
            trees = parser.parse(article.text, [w for _, w in keep])
            for (i, _), tree in zip(keep, trees):
                sentence = article.sentences[i]
                parses.append(Parse(sentence.start, sentence.end, tree, parser.producer))
        parses.sort(key=lambda p: p.start)
        return article.replace(syntax=tuple(parses))

    @staticmethod
    def _tokens(article: Article, starts: list[int], i: int) -> list[tuple[int, int]]:
        sentence = article.sentences[i]
        first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        return [(t.start, t.end) for t in article.tokens[first:last]]


@register("syntax")
def _syntax(settings: dict[str, Any]) -> SyntaxStage:
    # Parsers load on the first sentence of their language (load_parser is cached): a text in another
    # language never pays for spaCy, and a bulk worker's warm-up articles load them before timing.
    languages = frozenset(c.strip() for c in str(settings.get("syntax_languages", "")).split(",") if c.strip())
    return SyntaxStage(every_sentence=bool(settings.get("syntax_every_sentence", False)), languages=languages,
                       absent=_absent_stages(settings), max_words=int(settings.get("syntax_max_words", 100)),
                       max_sentences=int(settings.get("syntax_max_sentences", 1000)))


def _absent_stages(settings: dict[str, Any]) -> frozenset[str]:
    """The known stages the pipeline leaves out: a consumer that does not run wants no parse."""
    from ..pipeline import registered_stages

    present = {n.strip() for n in str(settings.get("stages", "")).split(",")}
    return frozenset(registered_stages()) - present
