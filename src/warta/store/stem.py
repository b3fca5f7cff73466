"""Indonesian stemming for the full-text index.

FTS5's porter tokenizer (and PostgreSQL's `english` config) only know English suffixes, so for
Indonesian we index a stemmed copy of the text and stem query terms the same way. Sastrawi
(PySastrawi, a Nazief-Adriani stemmer with a root-word dictionary) does the stemming; words are
cached because news repeats them a great deal.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer(isDev=False)


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """The Indonesian root of one lower-cased word ("perjanjian" → "janji")."""
    if len(word) <= 3 or word.isdigit():
        return word
    return _stemmer().stem(word) or word


def stemmed(language: str | None) -> bool:
    """Whether articles in `language` get a Sastrawi-stemmed copy in the index (its Language's
    `stemmer`: Indonesian, and Malay read as Indonesian, whose affixes it shares)."""
    from ..lang import language_for

    return language_for(language).stemmer == "sastrawi"


def stem_text(text: str) -> str:
    """The text as a space-separated sequence of Indonesian stems."""
    return " ".join(stem_word(w) for w in _WORD.findall(text.lower()))


def words(text: str) -> list[str]:
    """The words of a query, lower-cased, in order."""
    return _WORD.findall(text.lower())
