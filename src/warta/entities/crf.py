"""Tag Indonesian names with the CRF this project trains (models/ner-id.crfsuite).

The model file and the word lists it was trained with ship in the package; when the model
or python-crfsuite is missing the stage works from the gazetteer and rules alone.
"""
from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from typing import Any

from ..kb import KnowledgeBase, load_kb
from ..lang.folders import read_lines
from ..model import Article, Span
from .candidates import Candidate
from .features import Lexicon, sentence_features
from .gazetteer import sentence_tokens
from .lexicon import common_words, word_list

MODEL_FILE = "ner-id.crfsuite"
log = logging.getLogger(__name__)


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) chunks of a BIO sequence; a stray I- opens a chunk, as in conlleval."""
    found, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (prefix != "I" or label != kind):
            found.add((start, i, kind))
            start, kind = None, None
        if prefix in "BI" and tag != "O" and start is None:
            start, kind = i, label
    return found


@cache
def load_lexicon() -> Lexicon:
    """Word classes from lang/id and the title words of Indonesian and English: the features the
    model (models/ner-id.crfsuite) was trained with, whatever languages are added."""
    titles = set()
    for code in ("id", "en"):
        for line in read_lines(code, "titles.tsv"):
            titles.update(w.casefold() for w in line.split("\t")[0].split())
    # the same case-folded sets the gazetteer reads (read once per process, not twice)
    return Lexicon(common=common_words("id"), names=word_list("id", "entities_names.txt"), titles=frozenset(titles))


@cache
def load_tagger() -> Any | None:
    """The Indonesian CRF tagger, or None when the model or python-crfsuite is missing."""
    return open_model(MODEL_FILE, command="warta train entities")


def open_model(filename: str, *, command: str) -> Any | None:
    """A CRFsuite tagger for a model file of warta.models, or None (with a warning) when the
    file or python-crfsuite is missing; `command` is how to rebuild the file."""
    path = resources.files("warta.models") / filename
    try:
        import pycrfsuite
    except ImportError:
        log.warning("warta entities: python-crfsuite is not installed; no %s tagger", filename)
        return None
    if not path.is_file():
        log.warning("warta entities: %s is missing (run `%s`)", filename, command)
        return None
    tagger = pycrfsuite.Tagger()
    with resources.as_file(path) as real:
        tagger.open(str(real))
    return tagger


def _split_known(text: str, tokens: list[Span], i: int, j: int, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Token ranges of a chunk, cut at hyphens that join two names the KB knows ("Teheran-Moskow")."""
    cuts = [i]
    for k in range(i + 1, j):
        if text[tokens[k - 1].end:tokens[k].start] == "-":
            left = text[tokens[cuts[-1]].start:tokens[k - 1].end]
            if not kb.may_start_name(left):
                # No KB name starts with `left`, so none is a longer `left` either (a name's key
                # grows with it): there will be no more cuts. Looking up ever longer lefts made
                # a long hyphenated chunk ("Abcd-Rusia-" repeated) quadratic.
                break
            if kb.lookup(left) and kb.lookup(text[tokens[k].start:tokens[k].end]):
                cuts.append(k)
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [j])]


def tagged_candidates(text: str, tokens: list[Span], tags: list[str], kb: KnowledgeBase) -> list[Candidate]:
    """Candidates from a CRF's BIO tags over `tokens` (shared by the Indonesian and English CRFs)."""
    found = []
    for i, j, kind in spans(tags):
        for a, b in _split_known(text, tokens, i, j, kb):
            start, end = tokens[a].start, tokens[b - 1].end
            found.append(Candidate(start, end, text[start:end], kind, "crf", tagged=True))
    return found


def crf_candidates(article: Article, groups: list[list[Span]] | None = None) -> list[Candidate]:
    """Names the CRF finds, sentence by sentence."""
    tagger = load_tagger()
    if tagger is None:
        return []
    lex, kb = load_lexicon(), load_kb()
    found: list[Candidate] = []
    for tokens in sentence_tokens(article) if groups is None else groups:
        if tokens:
            words = [article.text[t.start:t.end] for t in tokens]
            found += tagged_candidates(article.text, tokens, tagger.tag(sentence_features(words, lex, kb)), kb)
    return found
