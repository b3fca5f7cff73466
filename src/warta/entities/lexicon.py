"""Word lists the entity finders consult, read from the language folders (cached)."""
from __future__ import annotations

from functools import cache

from ..lang.folders import read_lines


@cache
def common_words(code: str) -> frozenset[str]:
    """Lower-case words that are ordinary words far more often than names in language `code`.

    A capitalised "Batu" or "Kota" at the start of a sentence is then not taken for a town.
    Built from the nlp-id tagged corpus by `warta train` (see lang/id/README.md).
    """
    return frozenset(w.strip().casefold() for w in read_lines(code, "entities_common.txt"))


@cache
def word_list(code: str, filename: str) -> frozenset[str]:
    """Any one-word-a-line list of a language folder, case-folded."""
    return frozenset(w.strip().casefold() for w in read_lines(code, filename))


@cache
def citing_phrases(code: str) -> tuple[str, ...]:
    """The phrases that cite an outlet ("melansir", "reported by": entities_outlet_cues.txt) of
    `code` and of Indonesian, longest first."""
    cues = word_list(code, "entities_outlet_cues.txt") | word_list("id", "entities_outlet_cues.txt")
    return tuple(sorted(cues, key=len, reverse=True))
