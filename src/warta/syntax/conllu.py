"""CoNLL-U files: read the words of each sentence, and score a parser on them.

Scores follow the CoNLL 2018 shared task's definitions for gold-segmented words: every word counts,
punctuation included; a multiword token ("menyetujuinya" = menyetujui + nya) is scored on its words;
LAS compares the universal part of the relation (subtypes such as `nsubj:pass` are cut at ":").
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Word


@dataclass(frozen=True)
class GoldWord:
    """One syntactic word of a CoNLL-U sentence; `head` is 0-based, -1 for the root."""

    form: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str
    space_after: bool = True


@dataclass(frozen=True)
class GoldSentence:
    """A sentence's words and its multiword tokens (surface form, first word, last word)."""

    words: tuple[GoldWord, ...]
    tokens: tuple[tuple[str, int, int], ...] = field(default=())


def _word(columns: list[str]) -> GoldWord:
    head = int(columns[6]) - 1 if columns[6].isdigit() else -1
    return GoldWord(columns[1], columns[2], columns[3], "" if columns[5] == "_" else columns[5],
                    head, columns[7], "SpaceAfter=No" not in columns[9])


def read_conllu(path: Path) -> Iterator[GoldSentence]:
    """The sentences of a CoNLL-U file (empty nodes such as "8.1" are skipped, as in basic trees)."""
    words: list[GoldWord] = []
    tokens: list[tuple[str, int, int, bool]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield _sentence(words, tokens)
                words, tokens = [], []
                continue
            columns = line.split("\t")
            if line.startswith("#") or len(columns) != 10 or "." in columns[0]:
                continue
            if "-" in columns[0]:
                first, last = (int(n) - 1 for n in columns[0].split("-"))
                tokens.append((columns[1], first, last, "SpaceAfter=No" not in columns[9]))
            else:
                words.append(_word(columns))
    if words:
        yield _sentence(words, tokens)


def _sentence(words: list[GoldWord], tokens: list[tuple[str, int, int, bool]]) -> GoldSentence:
    """The sentence, the space after a multiword token given to its last word."""
    for _, _, last, space in tokens:
        if last < len(words):
            words[last] = dataclasses.replace(words[last], space_after=space)
    return GoldSentence(tuple(words), tuple(t[:3] for t in tokens))


def sentence_text(sentence: GoldSentence) -> tuple[str, list[tuple[int, int]]]:
    """The sentence's words as one text (a space where CoNLL-U has no SpaceAfter=No) and their offsets."""
    parts, offsets, at = [], [], 0
    for word in sentence.words:
        offsets.append((at, at + len(word.form)))
        parts.append(word.form + (" " if word.space_after else ""))
        at += len(parts[-1])
    return "".join(parts), offsets


@dataclass
class Scores:
    """Counts of words and of correct heads, labelled heads and universal POS."""

    sentences: int = 0
    tokens: int = 0
    heads: int = 0
    labelled: int = 0
    upos: int = 0

    def add(self, gold: Iterable[GoldWord], predicted: Iterable[Word]) -> None:
        """Count one sentence (gold and predicted words aligned one to one)."""
        self.sentences += 1
        for g, p in zip(gold, predicted, strict=True):
            self.tokens += 1
            self.upos += g.upos == p.upos
            if g.head == p.head:
                self.heads += 1
                self.labelled += g.deprel.split(":")[0] == p.deprel.split(":")[0]

    def line(self) -> str:
        """The summary line: `uas=… las=… upos=… sentences=… tokens=…`."""
        n = self.tokens or 1
        return (f"uas={self.heads / n:.4f} las={self.labelled / n:.4f} upos={self.upos / n:.4f} "
                f"sentences={self.sentences} tokens={self.tokens}")


CHUNK = 256  # sentences parsed in one call


def score_parser(parser: Any, sentences: list[GoldSentence]) -> Scores:
    """Score `parser` (a `warta.syntax.parser.Parser`) on gold sentences, fed their gold words."""
    scores = Scores()
    for at in range(0, len(sentences), CHUNK):
        chunk = sentences[at:at + CHUNK]
        text, offsets = _joined(chunk)
        for sentence, words in zip(chunk, parser.parse(text, offsets)):
            scores.add(sentence.words, words)
    return scores


def _joined(chunk: list[GoldSentence]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The chunk's sentences as one text, a line each, with each sentence's word offsets."""
    parts, offsets, at = [], [], 0
    for sentence in chunk:
        text, words = sentence_text(sentence)
        offsets.append([(s + at, e + at) for s, e in words])
        parts.append(text.rstrip() + "\n")
        at += len(parts[-1])
    return "".join(parts), offsets
