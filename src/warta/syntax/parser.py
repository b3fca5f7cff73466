"""A language's dependency parser: a spaCy pipeline fed the article's own words.

The parser never tokenises: each sentence reaches spaCy as a `Doc` built from the segment stage's
tokens (with clitics such as "'s" split off as words of their own, as UD and the models expect),
so every word keeps its offsets into the article's text. Sentence boundaries are fixed before
parsing, so each sentence gets one tree with one root.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from ..model import Word
from .convert import Tree, to_ud
from .data import SyntaxData, syntax_data
from .embedcache import cache_embeddings
from .runtime import load_pipeline

log = logging.getLogger(__name__)
Offsets = Sequence[tuple[int, int]]


class Parser:
    """Parse sentences of one language into UD words."""

    ATTRS = ("ORTH", "LOWER", "TAG", "DEP", "HEAD")  # the columns `parse` reads

    def __init__(self, nlp: Any, data: SyntaxData) -> None:
        self.nlp = nlp
        self.data = data
        self.producer = "syntax"
        self.word_components = [nlp.get_pipe(name) for name in data.word_components if name in nlp.pipe_names]
        self.known: dict[tuple[int, int, int], tuple[str, str, str]] = {}  # (word, tag, dep) ids → (upos, feats, lemma)
        self.context = ContextWords.of(self.word_components)
        self.clitics = frozenset(data.clitics)
        self.clitic_sizes = sorted({len(c) for c in data.clitics}, reverse=True)

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
        for size in self.clitic_sizes:  # longest first
            if len(token) - size >= data.min_stem and token[-size:] in self.clitics:
                return size
        return 0

    def parse(self, text: str, sentences: Sequence[Offsets]) -> list[tuple[Word, ...]]:
        """Parse each sentence (its words' offsets into `text`); returns its words in order."""
        from spacy.tokens import Doc

        docs = []
        for words in sentences:
            forms = [text[s:e] for s, e in words]
            spaces = [e < len(text) and text[e].isspace() for _, e in words]
            docs.append(Doc(self.nlp.vocab, words=forms, spaces=spaces, sent_starts=[True] + [False] * (len(forms) - 1)))
        parsed = list(self.nlp.pipe(docs, batch_size=256, disable=list(self.data.word_components)))
        # Attributes read as arrays of ids: a Token object per word costs more than the parse's Python
        columns = [doc.to_array(self.ATTRS) for doc in parsed]  # uint64: hashes, and HEAD as an offset
        if self.word_components:
            whole = [i for i, (doc, c) in enumerate(zip(parsed, columns)) if self.context.needs_context(c, self.nlp.vocab.strings)]
            for i in whole:  # "there is", "gonna": the components themselves, on the sentence
                for component in self.word_components:
                    component(parsed[i])
            self._learn_words([c for i, c in enumerate(columns) if i not in whole])
            return [self._words(doc, c, words, i not in whole)
                    for i, (doc, c, words) in enumerate(zip(parsed, columns, sentences))]
        return [self._words(doc, c, words, False) for doc, c, words in zip(parsed, columns, sentences)]

    def _words(self, doc: Any, columns: Any, offsets: Offsets, learnt: bool) -> tuple[Word, ...]:
        strings = self.nlp.vocab.strings
        orths, tags, deps = columns[:, 0].tolist(), columns[:, 2].tolist(), columns[:, 3].tolist()
        heads = columns[:, 4].astype("int64").tolist()  # relative offsets, negative ones wrapped
        if learnt:
            upos, feats, lemmas = zip(*map(self.known.__getitem__, zip(orths, tags, deps)))
        else:
            upos = [strings[p] for p in doc.to_array("POS").tolist()]
            feats = [strings[m] if m else "" for m in doc.to_array("MORPH").tolist()]
            feats = ["" if f == "_" else f for f in feats]  # "_" is CoNLL-U's empty FEATS
            lemmas = [strings[lemma] for lemma in doc.to_array("LEMMA").tolist()]
        tree = Tree(list(lemmas), list(upos), [i + h if h else -1 for i, h in enumerate(heads)],
                    [strings[d] for d in deps])
        if self.data.scheme == "clear":
            to_ud(tree, self.data)
        else:
            tree.deps = ["root" if h < 0 else d for h, d in zip(tree.heads, tree.deps)]
        return tuple(map(Word, [s for s, _ in offsets], [e for _, e in offsets], tree.lemmas, tree.upos, feats,
                         tree.heads, tree.deps))

    def _learn_words(self, columns: list[Any]) -> None:
        """Run the word components once over every (word, tag, relation) not seen before, all
        in one Doc of one-word sentences."""
        from spacy.tokens import Doc

        seen = {key for c in columns for key in zip(c[:, 0].tolist(), c[:, 2].tolist(), c[:, 3].tolist())}
        missing = [key for key in seen if key not in self.known]  # not `seen - keys()`: that walks the whole cache
        if not missing:
            return
        if len(self.known) + len(missing) > 500_000:  # a long bulk run: start again rather than grow
            self.known.clear()
        strings = self.nlp.vocab.strings
        doc = Doc(self.nlp.vocab, words=[strings[o] for o, _, _ in missing], tags=[strings[t] for _, t, _ in missing],
                  deps=[strings[d] for _, _, d in missing], heads=list(range(len(missing))),
                  sent_starts=[True] * len(missing))
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
    # the words and relations above as string ids, and each word id the regexes were asked about
    # with their answer: asked of every word of every parsed sentence, built once, not per sentence
    _lower_ids: frozenset[int] = field(init=False, repr=False, compare=False)
    _dep_ids: frozenset[int] = field(init=False, repr=False, compare=False)
    _searched: dict[int, bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from spacy.strings import get_string_id

        object.__setattr__(self, "_lower_ids", frozenset(map(get_string_id, self.lowers)))
        object.__setattr__(self, "_dep_ids", frozenset(map(get_string_id, self.deps)))
        object.__setattr__(self, "_searched", {})

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

    def needs_context(self, columns: Any, strings: Any) -> bool:
        """Whether a word of a sentence (its `Parser.ATTRS` columns) may start a pattern of several words."""
        if self.anything:
            return True
        lowers = set(columns[:, 1].tolist())
        if not self._lower_ids.isdisjoint(lowers) or not self._dep_ids.isdisjoint(columns[:, 3].tolist()):
            return True
        return bool(self.regexes) and any(self._searched_for(w, strings) for w in lowers)

    def _searched_for(self, word: int, strings: Any) -> bool:
        """Whether a regex finds word id `word` (asked once per word; a long run starts again)."""
        found = self._searched.get(word)
        if found is None:
            if len(self._searched) > 500_000:
                self._searched.clear()
            found = self._searched[word] = any(r.search(strings[word]) for r in self.regexes)
        return found


def _model_path(name: str) -> str:
    """An installed package name, or the folder of a model shipped inside warta."""
    if name.startswith("warta:"):
        return str(resources.files("warta.models") / name.removeprefix("warta:"))
    return name


def set_float_width(nlp: Any, width: str) -> int:
    """Cast every floating-point weight of `nlp`'s components to `width` ("float16" to store,
    "float32" to run); returns how many arrays changed."""
    import numpy

    target = numpy.dtype(width)
    changed = 0
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        for node in model.walk() if model is not None else ():
            for name in node.param_names:
                if node.has_param(name):
                    value = node.get_param(name)
                    if value.dtype.kind == "f" and value.dtype != target:
                        node.set_param(name, value.astype(target))
                        changed += 1
    return changed


def index_as_sets(nlp: Any) -> int:
    """Make the word lists of every rule lemmatizer's `lemma_index` table sets; returns how many
    changed. spaCy's rule lemmatizer only asks whether a candidate form is in its part of speech's
    list (`form in index`), once per suffix rule; in a list of 57,000 English nouns each test is a
    scan, two thirds of the CPU time of lemmatising a new word. A set answers the same."""
    changed = 0
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key, words in list(table.items()):
            if isinstance(words, list):
                table[key] = frozenset(words)
                changed += 1
    return changed


@cache
def load_parser(code: str) -> Parser | None:
    """The parser of language `code`, or None when it has none or its model cannot be loaded."""
    data = syntax_data(code)
    if not data.model:
        return None
    try:
        nlp = load_pipeline(_model_path(data.model), list(data.exclude))  # never asked to tokenise
        set_float_width(nlp, "float32")  # warta's own models are stored in float16 (half the size)
        if "strings" in data.exclude:
            add_edit_strings(nlp)
        index_as_sets(nlp)
        cache_embeddings(nlp)  # a word's context-free vector computed once (embedcache.py)
    except (ImportError, OSError) as error:
        log.warning("warta syntax: no parser for %s (%s); its sentences get no parse", code, error)
        return None
    return Parser(nlp, data)


def add_edit_strings(nlp: Any) -> int:
    """Put back the strings an edit-tree lemmatizer's edits name (by their ids) into a pipeline
    loaded without its string table; returns how many. The table (52,000 strings for Indonesian,
    a third of the parser's load) holds a thousand such; the rest no component reads. Which
    ones is worked out once per model and kept with warta's compiled tables."""
    needed = frozenset(_edit_string_ids(nlp))
    path = getattr(nlp, "path", None)
    if not needed or path is None or not (path / "vocab" / "strings.json").is_file():
        return 0
    from ..compiled import compiled, content_key

    table = path / "vocab" / "strings.json"
    kept = compiled("edit-strings", [content_key(table), *map(str, sorted(needed))], lambda: _strings_of(table, needed))
    for text in kept:
        nlp.vocab.strings.add(text)
    return len(kept)


def _edit_string_ids(nlp: Any) -> set[int]:
    """The string ids the edit trees of `nlp`'s lemmatizers replace and substitute."""
    ids: set[int] = set()
    for _, pipe in nlp.pipeline:
        trees = getattr(pipe, "trees", None)  # an edit-tree lemmatizer's
        for i in range(len(trees) if trees is not None else 0):
            node = trees[i]
            if "orig" in node:  # a substitution node; match nodes name no string
                ids.update((node["orig"], node["subst"]))
    return ids


def _strings_of(table: Any, ids: frozenset[int]) -> list[str]:
    """The strings of a spaCy string table (its strings.json) whose ids are among `ids`."""
    import srsly
    from spacy.strings import hash_string

    return [text for text in srsly.read_json(table) if hash_string(text) in ids]
