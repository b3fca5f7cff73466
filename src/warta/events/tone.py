"""Tone on GDELT's scale: the share of positive words minus the share of negative words, in percent.

English is read with VADER (its lexicon ships in the vaderSentiment wheel); Indonesian with
warta's hand-written word list (`warta/lang/id/tone_words.tsv`). Both give, per sentence, the
positive and negative shares of its words; the article's tone weighs sentences by length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from string import punctuation

from ..languages import read_lines
from ..model import Article, Tone

WORD = re.compile(r"\w+(?:[-']\w+)*")
NEGATORS = frozenset({"tidak", "tak", "bukan", "belum", "tanpa", "not", "never", "no"})
PRODUCER = "tone"


@dataclass(frozen=True, slots=True)
class Shares:
    """Positive and negative shares (0..1) of a text's words, and how many words it has."""

    positive: float
    negative: float
    words: int


@cache
def _vader():
    """VADER's analyser, or None when vaderSentiment is not installed."""
    try:
        from vaderSentiment.vaderSentiment import NEGATE, N_SCALAR, SentimentIntensityAnalyzer
    except ImportError:
        return None
    negations = frozenset(NEGATE)

    def negated(word: str) -> bool:
        """Upstream's `negated([word])`, which copies its word list and searches it at each call."""
        word = str(word).lower()
        return word in negations or "n't" in word

    class WindowedAnalyzer(SentimentIntensityAnalyzer):
        """VADER whose word-window checks get only the words they read: upstream lower-cases the
        whole sentence at every sentiment word, which makes long sentences slow. Same scores."""

        @staticmethod
        def _negation_check(valence, words, start_i, i):
            if i <= start_i:  # upstream calls it with i > start_i only; keep its own reading otherwise
                return SentimentIntensityAnalyzer._negation_check(valence, words, start_i, i)
            # upstream's rules on the words it reads, i-start_i-1 .. i-1 (the word at i-start_i-1 first)
            near = [str(w).lower() for w in words[i - start_i - 1:i]]
            if start_i == 1 and near[0] == "never" and near[1] in ("so", "this"):
                return valence * 1.25
            if start_i == 2 and ((near[0] == "never" and near[1] in ("so", "this")) or near[2] in ("so", "this")):
                return valence * 1.25
            if start_i and near[0] == "without" and "doubt" in near[1:]:
                return valence
            return valence * N_SCALAR if negated(near[0]) else valence

        @staticmethod
        def _special_idioms_check(valence, words, i):
            if i < 3:  # upstream calls it with i >= 3 only; keep its own reading otherwise
                return SentimentIntensityAnalyzer._special_idioms_check(valence, words, i)
            # reads words i-3 .. i+2 only
            return SentimentIntensityAnalyzer._special_idioms_check(valence, words[i - 3:i + 3], 3)

    return WindowedAnalyzer()


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
        if value and i and words[i - 1] in NEGATORS:
            value = -value
        positive += value > 0
        negative += value < 0
    n = len(words)
    return Shares(positive / n if n else 0.0, negative / n if n else 0.0, n)


@cache
def _emoji(vader) -> frozenset[str]:
    """The characters VADER replaces by their description (it reads a text character by character)."""
    return frozenset(key for key in vader.emojis if len(key) == 1)


class _SentiText:
    """What VADER's rules read of a text (`SentiText`'s two attributes), built without a Python
    call per word: `SentiText` strips each word's punctuation in a function of its own."""

    __slots__ = ("text", "words_and_emoticons", "is_cap_diff")

    def __init__(self, text: str) -> None:
        self.text = text
        # SentiText._strip_punc_if_word: a word of two or fewer characters once stripped is an emoticon
        self.words_and_emoticons = [s if len(s := w.strip(punctuation)) > 2 else w for w in text.split()]
        self.is_cap_diff = False

    def read_caps(self) -> None:
        """allcap_differential: some, but not all, words are in capitals."""
        words = self.words_and_emoticons
        self.is_cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)


def vader_shares(vader, text: str) -> tuple[float, float]:
    """VADER's positive and negative shares of `text`, as `polarity_scores` gives them, faster.

    `polarity_scores` first rebuilds the text character by character to describe emoji, and
    scores every word; here a text without emoji is used as it is, a text without a lexicon word
    scores 0 at once, and only lexicon words go through VADER's rules (others score 0 there too).
    """
    if not _emoji(vader).isdisjoint(text):
        scores = vader.polarity_scores(text)
        return scores["pos"], scores["neg"]
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    text = text.strip()
    sentitext = _SentiText(text)
    words, lexicon = sentitext.words_and_emoticons, vader.lexicon
    lowered = [w.lower() for w in words]
    found = lexicon.keys() & lowered
    if not found:
        return 0.0, 0.0
    sentitext.read_caps()
    sentiments: list[float] = [0] * len(words)  # what upstream gives every other word
    for i in [i for i, word in enumerate(lowered) if word in found]:
        word = lowered[i]
        if word not in BOOSTER_DICT and not (word == "kind" and i + 1 < len(words) and lowered[i + 1] == "of"):
            # upstream's rules only append the word's valence to the list they are given
            sentiments[i] = vader.sentiment_valence(0, sentitext, words[i], i, [])[0]
    scores = vader.score_valence(vader._but_check(words, sentiments), text)
    return scores["pos"], scores["neg"]


@lru_cache(maxsize=4096)  # the events stage scores its sentences before the tone stage scores them all
def shares(text: str, language: str) -> Shares:
    """Positive and negative shares of `text` in `language` (VADER for English when installed)."""
    vader = _vader()
    if language == "en" and vader is not None:
        return Shares(*vader_shares(vader, text), len(WORD.findall(text)))
    return lexicon_shares(text, word_valences("id" if language in {"id", "ms"} else language))


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
