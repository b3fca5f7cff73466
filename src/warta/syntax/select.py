"""Which sentences get parsed: the consumers of syntax say which ones they want.

A consumer (the event coder, the speaker finder) registers a selector: a function that, given an
article after segmentation and name finding (the stage runs after `entities` by default), returns
the indices of `article.sentences` it wants parsed — e.g. those holding a candidate trigger, a
speech cue or a named side. The syntax stage parses the union. A selector registered under a
stage's name ("events", "quotes") serves that stage: the syntax stage asks it only when that stage
is in its pipeline. With no selector to ask, every sentence is parsed (when in doubt, parse).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable

from ..model import Article

Selector = Callable[[Article], Iterable[int]]
_SELECTORS: dict[str, Selector] = {}


def register_selector(name: str, selector: Selector) -> None:
    """Register (or replace) the sentence selector of consumer `name` (the name of the stage that
    reads the parses, when the consumer is a stage)."""
    _SELECTORS[name] = selector


def unregister_selector(name: str) -> None:
    """Remove consumer `name`'s selector (tests; a consumer that is switched off)."""
    _SELECTORS.pop(name, None)


def selectors() -> dict[str, Selector]:
    """The registered selectors by consumer name."""
    return dict(_SELECTORS)


def wanted_sentences(article: Article, skip: Collection[str] = ()) -> list[int]:
    """Indices of the sentences to parse, in order: what any selector but those named in `skip`
    (consumers absent from the pipeline) wants, or all of them when no selector is left."""
    asked = [selector for name, selector in _SELECTORS.items() if name not in skip]
    if not asked:
        return list(range(len(article.sentences)))
    wanted: set[int] = set()
    for selector in asked:
        wanted.update(selector(article))
    return sorted(i for i in wanted if 0 <= i < len(article.sentences))


def word_selector(words_for: Callable[[str], Collection[str]]) -> Selector:
    """A selector of the sentences holding a token (lower-cased) among `words_for(language)`:
    e.g. a consumer's trigger words or speech cues, read from the sentence's language folder."""
    def select(article: Article) -> list[int]:
        text, tokens = article.text, article.tokens
        starts = [t.start for t in tokens]
        chosen = []
        for i, sentence in enumerate(article.sentences):
            words = words_for(sentence.language or article.language or "")
            if not words:
                continue
            first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
            if any(text[t.start:t.end].lower() in words for t in tokens[first:last]):
                chosen.append(i)
        return chosen
    return select
