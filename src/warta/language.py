"""Language identification per article and per paragraph.

Whole articles: py3langid over a restricted set of languages, then a lexical tie-break between
Indonesian and Malay (the two share most words; langid alone confuses them). Short paragraphs:
lingua restricted to Indonesian, Malay and English, which is more reliable on a few words.
"""
from __future__ import annotations

import re
from functools import cache

from .languages import read_lines

CANDIDATES = ("id", "ms", "en", "de", "fr", "es", "nl", "pt", "it", "ru", "ar", "zh", "ja", "tl", "jv", "tr", "fa")
SHORT_TEXT = 200
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


@cache
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.MALAY, Language.ENGLISH).build()


@cache
def _markers() -> dict[str, str]:
    """Words that tell Indonesian from Malay: word -> 'id' or 'ms' (lang/id/language_markers.tsv)."""
    table = {}
    for line in read_lines("id", "language_markers.tsv"):
        word, _, lang = line.partition("\t")
        table[word.strip().lower()] = lang.strip()
    return table


def identify(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell."""
    if len(_WORD.findall(text)) < 2:
        return None
    if len(text) < SHORT_TEXT:
        detected = _lingua().detect_language_of(text)
        code = detected.iso_code_639_1.name.lower() if detected else None
    else:
        code, _ = _langid().classify(text)
    if code in ("id", "ms"):
        code = _indonesian_or_malay(text, default=code)
    return code


def _indonesian_or_malay(text: str, *, default: str) -> str:
    """Count marker words; Indonesian wins ties, as warta reads Indonesian news.

    Malay needs at least one Malay word: without any marker the statistical guess between the
    two is close to a coin toss on a paragraph, and made one Indonesian paragraph in thirty Malay.
    """
    markers = _markers()
    votes = {"id": 0, "ms": 0}
    for word in _WORD.findall(text.lower()):
        lang = markers.get(word)
        if lang:
            votes[lang] += 1
    return "ms" if votes["ms"] > votes["id"] else "id"
