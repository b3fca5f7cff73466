"""Tone on GDELT's scale: the share of positive words minus the share of negative words, in percent.

English is read with VADER (its lexicon ships in the vaderSentiment wheel); Indonesian with
warta's hand-written word list (`warta/lang/id/tone_words.tsv`). Both give, per sentence, the
positive and negative shares of its words; the article's tone weighs sentences by length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lang import language_for, words_of_all
from ..lang.folders import read_lines
from ..model import Article, Tone

WORD = re.compile(r"\w++(?:[-']\w++)*+")  # possessive: the same words, found faster
PRODUCER = "tone"


@dataclass(frozen=True, slots=True)
class Shares:
    """Positive and negative shares (0..1) of a text's words, and how many words it has."""

    positive: float
    negative: float
    words: int


@cache
def word_valences(language: str) -> dict[str, float]:
    """word -> valence from `tone_words.tsv` of a language (empty when it has none)."""
    valences = {}
    for line in read_lines(language, "tone_words.tsv"):
        word, _, value = line.partition("\t")
        try:
            valences[word.strip().lower()] = float(value)
        except ValueError:
            continue
    return valences


def lexicon_shares(text: str, valences: dict[str, float]) -> Shares:
    """Shares of positive and negative words; a negation right before a word flips it."""
    words = [w.lower() for w in WORD.findall(text)]
    positive = negative = 0
    for i, word in enumerate(words):
        value = valences.get(word, 0.0)
        if value and i and words[i - 1] in words_of_all("negators"):  # every language's: mixed text
            value = -value
        positive += value > 0
        negative += value < 0
    n = len(words)
    return Shares(positive / n if n else 0.0, negative / n if n else 0.0, n)


@lru_cache(maxsize=4096)  # the events stage scores its sentences before the tone stage scores them all
def shares(text: str, language: str) -> Shares:
    """Positive and negative shares of `text` in `language` (VADER for English when installed)."""
    reader = language_for(language)
    if reader.tone == "vader":
        # imported here: a process reading only other languages never loads VADER and its lexicon
        from .vader import load_vader, vader_shares

        vader = load_vader()
        if vader is not None:
            return Shares(*vader_shares(vader, text), len(WORD.findall(text)))
    return lexicon_shares(text, word_valences(reader.code))


def sentence_tone(text: str, language: str) -> float:
    """Tone of one sentence: (positive share - negative share) * 100."""
    s = shares(text, language)
    return round(100 * (s.positive - s.negative), 2)


def article_tone(article: Article, language: str) -> Tone:
    """Average tone of the article's sentences (or whole text), weighted by their length."""
    spans = article.sentences or ()
    parts = [shares(article.span_text(s), language) for s in spans] or [shares(article.text, language)]
    total = sum(p.words for p in parts)
    if not total:
        return Tone(producer=PRODUCER)
    positive = 100 * sum(p.positive * p.words for p in parts) / total
    negative = 100 * sum(p.negative * p.words for p in parts) / total
    return Tone(score=round(positive - negative, 2), positive=round(positive, 2), negative=round(negative, 2),
                producer=PRODUCER)
