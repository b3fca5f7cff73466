"""VADER (vaderSentiment) as `polarity_scores` reads a sentence, with the same scores, faster.

Upstream rebuilds each text character by character to describe emoji, strips every word in a
function of its own, lower-cases the whole sentence again at each sentiment word and copies its
negation list at each look-up. Here a text without emoji is read as it is, a text without a
lexicon word scores 0 at once, and only lexicon words go through VADER's rules, on words
lower-cased once (tests/test_tone.py checks the scores against upstream's own).
"""
from __future__ import annotations

from functools import cache
from string import punctuation

try:
    from vaderSentiment.vaderSentiment import (
        BOOSTER_DICT,
        C_INCR,
        N_SCALAR,
        NEGATE,
        SentimentIntensityAnalyzer,
        scalar_inc_dec,
    )
except ImportError:  # tone then reads English with the word lists, as other languages
    SentimentIntensityAnalyzer = None
    NEGATE = []

NEGATIONS = frozenset(NEGATE)


@cache
def load_vader():
    """VADER's analyser, or None when vaderSentiment is not installed."""
    if SentimentIntensityAnalyzer is None:
        return None

    class WindowedAnalyzer(SentimentIntensityAnalyzer):
        """VADER whose word-window checks get only the words they read: upstream lower-cases the
        whole sentence at every sentiment word, which makes long sentences slow. Same scores."""

        @staticmethod
        def _negation_check(valence, words, start_i, i):
            if i <= start_i:  # upstream calls it with i > start_i only; keep its own reading otherwise
                return SentimentIntensityAnalyzer._negation_check(valence, words, start_i, i)
            return _negation(valence, [str(w).lower() for w in words[i - start_i - 1:i]], start_i)

        @staticmethod
        def _special_idioms_check(valence, words, i):
            if i < 3:  # upstream calls it with i >= 3 only; keep its own reading otherwise
                return SentimentIntensityAnalyzer._special_idioms_check(valence, words, i)
            # reads words i-3 .. i+2 only
            return SentimentIntensityAnalyzer._special_idioms_check(valence, words[i - 3:i + 3], 3)

    return WindowedAnalyzer()


def _negation(valence: float, near: list[str], start_i: int) -> float:
    """Upstream's `_negation_check` on the lower-cased words it reads, i-start_i-1 .. i-1 (the
    word at i-start_i-1 first), with its `negated([word])` as a set look-up."""
    if start_i == 1 and near[0] == "never" and near[1] in ("so", "this"):
        return valence * 1.25
    if start_i == 2 and ((near[0] == "never" and near[1] in ("so", "this")) or near[2] in ("so", "this")):
        return valence * 1.25
    if start_i and near[0] == "without" and "doubt" in near[1:]:
        return valence
    word = near[0].lower()
    return valence * N_SCALAR if word in NEGATIONS or "n't" in word else valence


@cache
def _emoji(vader) -> frozenset[str]:
    """The characters VADER replaces by their description (it reads a text character by character)."""
    return frozenset(key for key in vader.emojis if len(key) == 1)


@cache
def _ascii_emoji(vader) -> bool:
    return any(key.isascii() for key in _emoji(vader))


def _words(text: str) -> list[str]:
    """SentiText's words: split at spaces, punctuation stripped unless that leaves two
    characters or fewer (an emoticon)."""
    return [s if len(s := w.strip(punctuation)) > 2 else w for w in text.split()]


def vader_shares(vader, text: str) -> tuple[float, float]:
    """VADER's positive and negative shares of `text`, as `polarity_scores` gives them."""
    if not (text.isascii() and not _ascii_emoji(vader)) and not _emoji(vader).isdisjoint(text):
        scores = vader.polarity_scores(text)
        return scores["pos"], scores["neg"]
    text = text.strip()
    lexicon = vader.lexicon
    # ASCII text lower-cases letter for letter: its words lower-cased are the lower-cased text's
    words = None if text.isascii() else _words(text)
    lowered = _words(text.lower()) if words is None else [w.lower() for w in words]
    found = lexicon.keys() & lowered
    if not found:
        return 0.0, 0.0
    if words is None:
        words = _words(text)
    caps = 0 < len(words) - sum(map(str.isupper, words)) < len(words)  # allcap_differential
    sentiments: list[float] = [0] * len(words)  # what upstream gives every other word
    for i in [i for i, word in enumerate(lowered) if word in found]:
        word = lowered[i]
        if word not in BOOSTER_DICT and not (word == "kind" and i + 1 < len(words) and lowered[i + 1] == "of"):
            sentiments[i] = _valence(vader, words, lowered, i, caps)
    if "but" in lowered:  # upstream's `_but_check` changes nothing without one
        sentiments = vader._but_check(words, sentiments)
    scores = vader.score_valence(sentiments, text)
    return scores["pos"], scores["neg"]


def _valence(vader, words: list[str], lowered: list[str], i: int, caps: bool) -> float:
    """Upstream's `sentiment_valence` for the lexicon word at `i`, on words lower-cased once."""
    lexicon = vader.lexicon
    valence = lexicon[lowered[i]]
    if lowered[i] == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
        valence = 0.0  # "no" negates the next word instead
    if (i > 0 and lowered[i - 1] == "no") or (i > 1 and lowered[i - 2] == "no") \
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ["or", "nor"]):
        valence = lexicon[lowered[i]] * N_SCALAR
    if words[i].isupper() and caps:
        valence = valence + C_INCR if valence > 0 else valence - C_INCR
    for start_i in range(3):
        j = i - (start_i + 1)
        if i > start_i and lowered[j] not in lexicon:
            s = scalar_inc_dec(words[j], valence, caps) if lowered[j] in BOOSTER_DICT else 0.0
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation(valence, lowered[j:i], start_i)
            if start_i == 2:
                valence = vader._special_idioms_check(valence, words, i)
    return _least(valence, lowered, i, lexicon)


def _least(valence: float, lowered: list[str], i: int, lexicon: dict[str, float]) -> float:
    """Upstream's `_least_check`: "least" before a word negates it, unless "at least"/"very least"."""
    if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        if lowered[i - 2] != "at" and lowered[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence
