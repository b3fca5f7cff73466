"""A language's dependency parser: a spaCy pipeline fed the article's own words.

The parser never tokenises: each sentence reaches spaCy as a `Doc` built from the segment stage's
tokens (with clitics such as "'s" split off as words of their own, as UD and the models expect),
so every word keeps its offsets into the article's text. Sentence boundaries are fixed before
parsing, so each sentence gets one tree with one root.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from ..model import Word
from .convert import Tree, to_ud
from .data import SyntaxData, syntax_data

log = logging.getLogger(__name__)
Offsets = Sequence[tuple[int, int]]


class Parser:
    """Parse sentences of one language into UD words."""

    def __init__(self, nlp: Any, data: SyntaxData) -> None:
        self.nlp = nlp
        self.data = data
        self.producer = "syntax"

    def words_of(self, text: str, tokens: Offsets) -> list[tuple[int, int]]:
        """The syntactic words of a sentence's tokens: clitics split off, offsets kept."""
        words: list[tuple[int, int]] = []
        for start, end in tokens:
            size = self._clitic(text[start:end].lower())
            if size:
                words.append((start, end - size))
                start = end - size
            words.append((start, end))
        return words

    def _clitic(self, token: str) -> int:
        """The length of the clitic ending `token` (0 when it has none)."""
        data = self.data
        if token in data.splits:
            return len(data.splits[token])
        if token in data.keep:
            return 0
        for clitic in data.clitics:
            if token.endswith(clitic) and len(token) - len(clitic) >= data.min_stem:
                return len(clitic)
        return 0

    def parse(self, text: str, sentences: Sequence[Offsets]) -> list[tuple[Word, ...]]:
        """Parse each sentence (its words' offsets into `text`); returns its words in order."""
        from spacy.tokens import Doc

        docs = []
        for words in sentences:
            forms = [text[s:e] for s, e in words]
            spaces = [e < len(text) and text[e].isspace() for _, e in words]
            doc = Doc(self.nlp.vocab, words=forms, spaces=spaces)
            for token in doc[1:]:
                token.is_sent_start = False
            docs.append(doc)
        parsed = self.nlp.pipe(docs, batch_size=256)
        return [self._words(doc, words) for doc, words in zip(parsed, sentences)]

    def _words(self, doc: Any, offsets: Offsets) -> tuple[Word, ...]:
        tree = Tree([t.lemma_ for t in doc], [t.pos_ for t in doc],
                    [-1 if t.head.i == t.i else t.head.i for t in doc], [t.dep_ for t in doc])
        if self.data.scheme == "clear":
            to_ud(tree, self.data)
        else:
            tree.deps = ["root" if h < 0 else d for h, d in zip(tree.heads, tree.deps)]
        return tuple(Word(s, e, lemma, upos, str(t.morph), head, dep)
                     for (s, e), lemma, upos, t, head, dep
                     in zip(offsets, tree.lemmas, tree.upos, doc, tree.heads, tree.deps))


def _model_path(name: str) -> str:
    """An installed package name, or the folder of a model shipped inside warta."""
    if name.startswith("warta:"):
        return str(resources.files("warta.models") / name.removeprefix("warta:"))
    return name


@cache
def load_parser(code: str) -> Parser | None:
    """The parser of language `code`, or None when it has none or its model cannot be loaded."""
    data = syntax_data(code)
    if not data.model:
        return None
    try:
        import spacy

        nlp = spacy.load(_model_path(data.model), exclude=list(data.exclude))
    except (ImportError, OSError) as error:
        log.warning("warta syntax: no parser for %s (%s); its sentences get no parse", code, error)
        return None
    return Parser(nlp, data)
