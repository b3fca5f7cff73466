"""Amounts promised or realised, read from the amount's own clause (and its governing verb when
the sentence is parsed); the cue words are language data (lang/<code>/amount_status.tsv)."""
from __future__ import annotations

import pytest

from warta.amounts.status import amount_status
from warta.model import Amount, Article, Parse, Span, Word


def _article(text: str, language: str, figure: str, syntax: tuple[Parse, ...] = ()) -> tuple[Article, Amount]:
    start = text.index(figure)
    amount = Amount(text=figure, start=start, end=start + len(figure), value=1.0, unit="USD")
    article = Article(source="t", text=text, language=language, sentences=(Span(0, len(text)),),
                      amounts=(amount,), syntax=syntax)
    return article, amount


@pytest.mark.parametrize("text, language, figure, status", [
    ("Perdagangan mencapai US$ 4,3 miliar tahun lalu, dan ditargetkan naik menjadi US$ 10 miliar.", "id",
     "US$ 4,3 miliar", "realised"),
    ("Perdagangan mencapai US$ 4,3 miliar tahun lalu, dan ditargetkan naik menjadi US$ 10 miliar.", "id",
     "US$ 10 miliar", "promised"),
    ("Kesepakatan yang bernilai US$ 2 miliar itu ditandatangani di Moskow.", "id", "US$ 2 miliar", "promised"),
    ("Japan pledged $2 billion in aid to Indonesia.", "en", "$2 billion", "promised"),
    ("Russia has so far paid only $300 million to the builders.", "en", "$300 million", "realised"),
    # the clause after an opener is another's: the plan does not make the paid sum a promise
    ("Jakarta will build the line after Moscow paid $300 million.", "en", "$300 million", "realised"),
    ("The ministry mentioned $5 billion.", "en", "$5 billion", None),
])
def test_status_from_the_amounts_clause(text, language, figure, status) -> None:
    assert amount_status(*_article(text, language, figure)) == status


def test_a_parse_reads_the_governing_verbs_tense() -> None:
    text = "Indonesia shipped $3 billion of coal."
    words = [("Indonesia", "PROPN", 1, "nsubj", ""), ("shipped", "VERB", -1, "root", "Tense=Past|VerbForm=Fin"),
             ("$", "SYM", 3, "nmod", ""), ("3", "NUM", 4, "nummod", ""), ("billion", "NUM", 1, "obj", ""),
             ("of", "ADP", 6, "case", ""), ("coal", "NOUN", 4, "nmod", ""), (".", "PUNCT", 1, "punct", "")]
    out, at = [], 0
    for word, upos, h, deprel, feats in words:
        start = text.index(word, at)
        at = start + len(word)
        out.append(Word(start, at, word.lower(), upos, feats, h, deprel))
    parse = Parse(0, len(text), tuple(out), "test")
    assert amount_status(*_article(text, "en", "$3 billion")) is None  # no cue word: unknown
    assert amount_status(*_article(text, "en", "$3 billion", (parse,))) == "realised"
