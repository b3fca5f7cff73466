"""Whether a text shows its language by its function words, so that no statistical identifier
(and no model) is needed for it: a clear share of its words are one language's function words
(`language_words.txt` in the language's folder), hardly any another's.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from . import languages

# A text shows its language (`shown_language`) when at least SHOWN_WORDS of its words, and
# SHOWN_SHARE of them, are one language's function words, SHOWN_MARGIN times as many as all other
# languages' function words; and its space-separated words hold SHOWN_COVER of its letters (not
# a script written without spaces). On 541 corpus and benchmark pages in 9 languages, 7,500 of
# their 9,700 parts showed it, every one in the language the identifiers give.
SHOWN_WORDS = 2
SHOWN_SHARE = 0.1
SHOWN_MARGIN = 4
SHOWN_COVER = 0.6
EDGES = ".,;:!?\"'“”‘’()[]{}-–—…"


@cache
def _function_words() -> dict[str, str]:
    """Function word -> the language whose `language_words.txt` lists it (a word two languages
    list shows neither)."""
    owners: dict[str, set[str]] = {}
    for lang in languages():
        for word in lang.words("language_words.txt"):
            owners.setdefault(word.lower(), set()).add(lang.code)
    return {word: codes.pop() for word, codes in owners.items() if len(codes) == 1}


def shown_language(text: str) -> str | None:
    """The language `text` shows beyond doubt by its function words (see SHOWN_WORDS), or None."""
    # lower-cased whole (no edge mark has a case), and letters counted by a C method: the words
    # and counts of a per-word, per-letter pass, in a third of its time
    words = [w for w in (token.strip(EDGES) for token in text.lower().split()) if w.isalpha()]
    if not words or sum(map(len, words)) < SHOWN_COVER * sum(map(str.isalpha, text)):
        return None
    votes = Counter(filter(None, map(_function_words().get, words)))
    if not votes:
        return None
    [(best, top)] = votes.most_common(1)
    others = sum(votes.values()) - top
    if top >= SHOWN_WORDS and top >= SHOWN_SHARE * len(words) and others * SHOWN_MARGIN <= top:
        return best
    return None
