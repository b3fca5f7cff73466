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
    s = re.sub(r"[A-Z]", "X", word)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1", s)[:6]


def kb_tags(words: Sequence[str], kb: KnowledgeBase | None) -> list[str]:
    """B-/I- tags of the KB's longest names over the words (type of the best reading)."""
    tags = ["O"] * len(words)
    if kb is None:
        return tags
    i = 0
    while i < len(words):
        step = 1
        for j in range(min(len(words), i + MAX_NAME_TOKENS), i, -1):
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


def _token(word: str, lex: Lexicon, given: frozenset[str]) -> dict[str, str]:
    low = word.casefold()
    return {"w": low, "sh": shape(word), "lx": lex.word_class(word), "gn": str(low in given and word[:1].isupper())}


def sentence_features(words: Sequence[str], lex: Lexicon, kb: KnowledgeBase | None) -> list[list[str]]:
    """CRFsuite feature strings for every word of one sentence."""
    gaz = kb_tags(words, kb)
    given = kb.given_names if kb is not None else frozenset()
    base = [_token(w, lex, given) for w in words]
    out = []
    for i, word in enumerate(words):
        f = ["bias", f"w={base[i]['w']}", f"sh={base[i]['sh']}", f"lx={base[i]['lx']}", f"gz={gaz[i]}", f"gn={base[i]['gn']}",
             f"p3={word[:3].casefold()}", f"s3={word[-3:].casefold()}", f"s2={word[-2:].casefold()}",
             f"up={word.isupper()}", f"ti={word[:1].isupper()}", f"len={min(len(word), 8)}"]
        if i == 0:
            f.append("BOS")
        if i == len(words) - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(words):
                f += [f"{d}w={base[j]['w']}", f"{d}sh={base[j]['sh']}", f"{d}lx={base[j]['lx']}", f"{d}gz={gaz[j]}",
                      f"{d}gn={base[j]['gn']}"]
        f += [f"s4={word[-4:].casefold()}", f"ti|lx={word[:1].isupper()}|{base[i]['lx']}"]
        if i > 0:
            f.append(f"-1sh|sh={base[i - 1]['sh']}|{base[i]['sh']}")
            f.append(f"-1w|w={base[i - 1]['w']}|{base[i]['w']}")
        if i + 1 < len(words):
            f.append(f"w|+1w={base[i]['w']}|{base[i + 1]['w']}")
        if i + 1 < len(words):
            f.append(f"sh|+1sh={base[i]['sh']}|{base[i + 1]['sh']}")
        out.append(f)
    return out
