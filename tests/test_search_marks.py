"""Search snippets mark the words the index matched by their Indonesian stem, and only those: the
words that cannot stem to a query term (their stem less its first letter is not in them) are not
stemmed at all."""
from __future__ import annotations

import pytest

from warta.store import search_query
from warta.store.search_query import mark_stems, parse


def _marked(snippet: str) -> list[str]:
    return [part.split("\x03")[0] for part in snippet.split("\x02")[1:]]


@pytest.mark.parametrize(("query", "snippet", "marked"), [
    ("tulis", "Ia menulis surat dan tulisan lain.", ["menulis", "tulisan"]),  # meN- turns t into n
    ("janji", "Rusia berjanji menepati perjanjian itu.", ["berjanji", "perjanjian"]),
    ("kirim", "Pemerintah mengirim bantuan; pengiriman berlanjut.", ["mengirim", "pengiriman"]),
    ("sapu", "Petugas menyapu jalan.", ["menyapu"]),
    ("pukul", "Ia memukul meja.", ["memukul"]),
])
def test_words_matched_by_their_stem_are_marked(query: str, snippet: str, marked: list[str]) -> None:
    assert _marked(mark_stems(snippet, parse(query))) == marked


def test_words_that_cannot_stem_to_a_term_are_not_stemmed(monkeypatch) -> None:
    stemmed: list[str] = []
    real = search_query.stem_word

    def spy(word: str) -> str:
        stemmed.append(word)
        return real(word)

    monkeypatch.setattr(search_query, "stem_word", spy)
    out = mark_stems("Presiden bertemu menteri pertahanan di istana untuk menandatangani perjanjian.", parse("janji"))
    assert _marked(out) == ["perjanjian"]
    assert [w for w in stemmed if w != "janji"] == ["perjanjian"]  # the others hold no "anji": never stemmed
