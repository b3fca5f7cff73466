"""Token features of the Indonesian CRF, shared by training and tagging.

A token is described by its own form (word, affixes, shape), what the nlp-id corpus says
of the word (mostly a common word, or mostly a proper noun), whether it is a title
("Presiden", "Menteri"), the knowledge base's reading of the name it is part of, and the
same for its neighbours.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..kb import KnowledgeBase

MAX_NAME_TOKENS = 6


@dataclass(frozen=True)
class Lexicon:
    """Word classes from the tagged corpus and the title list (all lower case)."""

    common: frozenset[str]
    names: frozenset[str]
    titles: frozenset[str]

    def word_class(self, word: str) -> str:
        low = word.casefold()
        if low in self.titles:
            return "title"
        if low in self.names:
            return "name"
        if low in self.common:
            return "common"
        return "unk"


def shape(word: str) -> str:
    """Xxxx -> Xx, ASEAN -> X, 2025 -> d, al-Sharaa -> x-Xx (runs collapsed)."""
    return _REPEATS.sub(r"\1", _DIGIT.sub("d", word.translate(_SHAPE_CLASSES)))[:6]


_DIGIT = re.compile(r"\d")
_REPEATS = re.compile(r"(.)\1+")


def kb_tags(words: Sequence[str], kb: KnowledgeBase | None) -> list[str]:
    """B-/I- tags of the KB's longest names over the words (type of the best reading)."""
    tags = ["O"] * len(words)
    if kb is None:
        return tags
    i = 0
    while i < len(words):
        step = 1
        if not words[i][:1].isupper():
            i += 1
            continue
        # Only runs whose text begins a KB name can be one: none when no name starts with this word.
        top = i + kb.name_prefixes(" ".join(words[i:k]) for k in range(i + 1, min(len(words), i + MAX_NAME_TOKENS) + 1))
        for j in range(top, i, -1):
            surface = " ".join(words[i:j])
            if not surface[:1].isupper():
                break
            found = kb.lookup(surface)
            if found and not (found[0][1] and not surface.isupper()):
                kind = found[0][0].type
                tags[i:j] = [f"B-{kind}"] + [f"I-{kind}"] * (j - i - 1)
                step = j - i
                break
        i += step
    return tags


_SHAPE_CLASSES = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                                **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
                                **{c: "d" for c in "0123456789"}})
_NEIGHBOURS = (-2, -1, 1, 2)


@dataclass(frozen=True, slots=True)
class _Word:
    """The context-free features of one word form, computed once per process and word."""

    base: tuple[str, ...]  # the word's own features (without the KB tag, which needs context)
    around: dict[int, tuple[str, ...]]  # its features as the neighbour at each offset
    w: str
    sh: str
    lx: str


def _describe(word: str, lex: Lexicon, given: frozenset[str]) -> _Word:
    low = word.casefold()
    sh = shape(word)
    lx = lex.word_class(word)
    gn = str(low in given and word[:1].isupper())
    title = word[:1].isupper()
    base = ("bias", f"w={low}", f"sh={sh}", f"lx={lx}", f"gn={gn}", f"p3={word[:3].casefold()}",
            f"s3={word[-3:].casefold()}", f"s2={word[-2:].casefold()}", f"up={word.isupper()}", f"ti={title}",
            f"len={min(len(word), 8)}", f"s4={word[-4:].casefold()}", f"ti|lx={title}|{lx}")
    around = {d: (f"{d}w={low}", f"{d}sh={sh}", f"{d}lx={lx}", f"{d}gn={gn}") for d in _NEIGHBOURS}
    return _Word(base, around, low, sh, lx)


_WORDS: dict[tuple[str, Lexicon, frozenset[str]], _Word] = {}
_WORDS_MAX = 300_000  # word forms remembered per process


def describe_word(word: str, lex: Lexicon, given: frozenset[str]) -> _Word:
    """What the CRFs' features say of one word (cached: news repeats words)."""
    key = (word, lex, given)
    found = _WORDS.get(key)
    if found is None:
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        found = _WORDS[key] = _describe(word, lex, given)
    return found


def neighbour_features(described: Sequence[_Word], gaz: Sequence[str], i: int, last: int, *,
                       pad: bool = False) -> list[str]:
    """The features of the words two either side of word `i` (with `pad`, a marker for each
    position beyond the sentence's ends)."""
    f: list[str] = []
    for d in _NEIGHBOURS:
        j = i + d
        if 0 <= j <= last:
            f += described[j].around[d]
            f.append(f"{d}gz={gaz[j]}")
        elif pad:
            f.append(f"{d}pad")
    return f


def sentence_features(words: Sequence[str], lex: Lexicon, kb: KnowledgeBase | None) -> list[list[str]]:
    """CRFsuite feature strings for every word of one sentence (CRFsuite ignores their order).

    A word's own features and its features as a neighbour depend on the word alone, so they are
    built once per word form; only the KB tags and the word pairs depend on the sentence.
    """
    gaz = kb_tags(words, kb)
    given = kb.given_names if kb is not None else frozenset()
    described = [describe_word(w, lex, given) for w in words]
    last = len(words) - 1
    out = []
    for i, me in enumerate(described):
        f = [*me.base, f"gz={gaz[i]}"]
        if i == 0:
            f.append("BOS")
        if i == last:
            f.append("EOS")
        f += neighbour_features(described, gaz, i, last)
        if i > 0:
            f.append(f"-1sh|sh={described[i - 1].sh}|{me.sh}")
            f.append(f"-1w|w={described[i - 1].w}|{me.w}")
        if i < last:
            f.append(f"w|+1w={me.w}|{described[i + 1].w}")
            f.append(f"sh|+1sh={me.sh}|{described[i + 1].sh}")
        out.append(f)
    return out
