"""A language's dependency parser: a spaCy pipeline fed the article's own words.

The parser never tokenises: each sentence reaches spaCy as a `Doc` built from the segment stage's
tokens (with clitics such as "'s" split off as words of their own, as UD and the models expect),
so every word keeps its offsets into the article's text. Sentence boundaries are fixed before
parsing, so each sentence gets one tree with one root.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
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
        self.word_components = [nlp.get_pipe(name) for name in data.word_components if name in nlp.pipe_names]
        self.known: dict[tuple[str, str, str], tuple[str, str, str]] = {}  # (word, tag, dep) → (upos, feats, lemma)
        self.context = ContextWords.of(self.word_components)

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
        parsed = list(self.nlp.pipe(docs, batch_size=256, disable=list(self.data.word_components)))
        if self.word_components:
            for doc in parsed:
                if self.context.needs_context(doc):  # "there is", "gonna": the components themselves
                    for component in self.word_components:
                        component(doc)
            self._learn_words([doc for doc in parsed if not doc.has_annotation("POS")])
        return [self._words(doc, words) for doc, words in zip(parsed, sentences)]

    def _words(self, doc: Any, offsets: Offsets) -> tuple[Word, ...]:
        if self.word_components and not doc.has_annotation("POS"):
            upos, feats, lemmas = zip(*[self._word(t.text, t.tag_, t.dep_) for t in doc])
        else:
            upos, feats, lemmas = [t.pos_ for t in doc], [str(t.morph) for t in doc], [t.lemma_ for t in doc]
        tree = Tree(list(lemmas), list(upos), [-1 if t.head.i == t.i else t.head.i for t in doc], [t.dep_ for t in doc])
        if self.data.scheme == "clear":
            to_ud(tree, self.data)
        else:
            tree.deps = ["root" if h < 0 else d for h, d in zip(tree.heads, tree.deps)]
        return tuple(Word(s, e, lemma, pos, feat, head, dep) for (s, e), lemma, pos, feat, head, dep
                     in zip(offsets, tree.lemmas, tree.upos, feats, tree.heads, tree.deps))

    def _word(self, text: str, tag: str, dep: str) -> tuple[str, str, str]:
        """(upos, feats, lemma) of a word, as the word components gave it."""
        return self.known[(text, tag, dep)]

    def _learn_words(self, docs: list[Any]) -> None:
        """Run the word components once over every (word, tag, relation) not seen before, all
        in one Doc of one-word sentences."""
        from spacy.tokens import Doc

        missing = list({(t.text, t.tag_, t.dep_) for doc in docs for t in doc} - self.known.keys())
        if not missing:
            return
        if len(self.known) + len(missing) > 500_000:  # a long bulk run: start again rather than grow
            self.known.clear()
        words, tags, deps = zip(*missing)
        doc = Doc(self.nlp.vocab, words=list(words), tags=list(tags), deps=list(deps),
                  heads=list(range(len(words))), sent_starts=[True] * len(words))
        for component in self.word_components:
            doc = component(doc)
        for key, token in zip(missing, doc):
            self.known[key] = (token.pos_, str(token.morph), token.lemma_)


@dataclass(frozen=True)
class ContextWords:
    """What starts a pattern of several words in an attribute ruler ("there" + "is", "gon" + "na"):
    a sentence holding one goes through the components whole, not word by word."""

    lowers: frozenset[str] = frozenset()
    regexes: tuple[re.Pattern[str], ...] = ()
    deps: frozenset[str] = frozenset()
    anything: bool = False  # a pattern starts with a token we cannot test cheaply

    @classmethod
    def of(cls, components: list[Any]) -> ContextWords:
        lowers: set[str] = set()
        regexes, deps, anything = [], set(), False
        for component in components:
            for entry in getattr(component, "patterns", ()):
                for pattern in entry["patterns"]:
                    if len(pattern) < 2:
                        continue
                    first = pattern[0]
                    lower, dep = first.get("LOWER"), first.get("DEP")
                    if isinstance(lower, str):
                        lowers.add(lower)
                    elif isinstance(lower, dict) and "IN" in lower:
                        lowers.update(lower["IN"])
                    elif isinstance(lower, dict) and "REGEX" in lower:
                        regexes.append(re.compile(lower["REGEX"]))
                    elif isinstance(dep, str):
                        deps.add(dep)
                    else:
                        anything = True
        return cls(frozenset(lowers), tuple(regexes), frozenset(deps), anything)

    def needs_context(self, doc: Any) -> bool:
        """Whether a token of `doc` may start a pattern of several words."""
        if self.anything:
            return True
        for token in doc:
            lower = token.lower_
            if lower in self.lowers or token.dep_ in self.deps or any(r.search(lower) for r in self.regexes):
                return True
        return False


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
