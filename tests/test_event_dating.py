"""Event dates: the event's own clause, else the publication date; background years are not the event's."""
from __future__ import annotations

import pytest

from warta.events.dating import date_events
from warta.model import Article, DateMention, Event, Evidence, Parse, Word


def _article(text: str, language: str, dates: list[tuple[str, str, str]], published: str | None = "2025-06-20T10:00:00+07:00"):
    mentions = []
    for phrase, value, granularity in dates:
        start = text.index(phrase)
        mentions.append(DateMention(phrase, start, start + len(phrase), value, granularity))
    event = Event(type="CONSULT", cameo="040", actor1=None, actor2=None,
                  evidence=Evidence(text, 0, len(text), trigger=None))
    return Article(source="t", text=text, language=language, published=published, dates=tuple(mentions)), event


def _dated(text, language, dates, trigger, published="2025-06-20T10:00:00+07:00"):
    article, event = _article(text, language, dates, published)
    event = event.replace(evidence=event.evidence.replace(trigger=trigger))
    [out] = date_events(article, (event,))
    return out.date, out.date_source


def test_the_clause_date_wins_and_keeps_its_granularity() -> None:
    assert _dated("Prabowo bertemu Putin pada Kamis (19/6) di St Petersburg.", "id",
                  [("Kamis (19/6)", "2025-06-19", "day")], "bertemu") == ("2025-06-19", "clause")
    assert _dated("The two ministers met in May 2025 in Jakarta.", "en",
                  [("May 2025", "2025-05", "month")], "met") == ("2025-05", "clause")


def test_without_a_clause_date_the_publication_date() -> None:
    assert _dated("Prabowo bertemu Putin di St Petersburg.", "id", [], "bertemu") == ("2025-06-20", "published")
    assert _dated("Prabowo bertemu Putin.", "id", [], "bertemu", published=None) == (None, None)


@pytest.mark.parametrize("text, language, phrase, trigger", [
    ("Netanyahu mengancam Khamenei, yang memimpin Iran sejak 1989.", "id", "1989", "mengancam"),
    ("Netanyahu mengancam pemimpin yang berkuasa sejak 1989 itu.", "id", "1989", "mengancam"),
    ("Austria will turn the house where Hitler was born in 1889 into a police station.", "en", "1889", "turn"),
    ("Since 1989, Iran has been led by Khamenei, Israel threatened on Thursday.", "en", "1989", "threatened"),
])
def test_a_background_year_is_not_the_events_date(text, language, phrase, trigger) -> None:
    assert _dated(text, language, [(phrase, phrase, "year")], trigger) == ("2025-06-20", "published")


def test_a_target_years_ahead_is_not_the_events_date() -> None:
    assert _dated("Indonesia dan Rusia sepakat menggandakan perdagangan pada 2040.", "id",
                  [("2040", "2040", "year")], "sepakat") == ("2025-06-20", "published")
    # a plan a few days ahead is still dated by its clause
    assert _dated("Prabowo akan bertemu Putin pada 25 Juni 2025.", "id",
                  [("25 Juni 2025", "2025-06-25", "day")], "bertemu") == ("2025-06-25", "clause")


def test_a_fronted_date_before_the_trigger_is_the_clauses() -> None:
    assert _dated("On Thursday, June 19, Putin met Prabowo.", "en",
                  [("Thursday, June 19", "2025-06-19", "day")], "met") == ("2025-06-19", "clause")


def test_a_decade_is_not_a_date() -> None:
    assert _dated("Diplomat itu mendukung upaya kemerdekaan Indonesia pada tahun 1940-an.", "id",
                  [("1940", "1940", "year")], "mendukung") == ("2025-06-20", "published")
    assert _dated("Diplomats backed the independence struggle in the 1940s.", "en",
                  [("1940", "1940", "year")], "backed") == ("2025-06-20", "published")
    assert _dated("Indonesia and Russia signed the treaty in 1950.", "en",
                  [("1950", "1950", "year")], "signed") == ("1950", "clause")


def _parsed(text: str, words: list[tuple[str, str, int, str]]) -> Parse:
    """A hand-written parse of `text`: (word, upos, head index, relation) in order."""
    out, at = [], 0
    for word, upos, head, deprel in words:
        start = text.index(word, at)
        at = start + len(word)
        out.append(Word(start, at, word.lower(), upos, "", head, deprel))
    return Parse(0, len(text), tuple(out), "test")


def _dated_parsed(text, words, phrase, value, trigger):
    article, event = _article(text, "en", [(phrase, value, "year" if len(value) == 4 else "day")])
    article = article.replace(syntax=(_parsed(text, words),))
    [out] = date_events(article, (event.replace(evidence=event.evidence.replace(trigger=trigger)),))
    return out.date, out.date_source


_ATTACKS = "Washington invaded Afghanistan after the 2001 attacks."
_ATTACKS_PARSE = [("Washington", "PROPN", 1, "nsubj"), ("invaded", "VERB", -1, "root"), ("Afghanistan", "PROPN", 1, "obj"),
                  ("after", "ADP", 5, "case"), ("2001", "NUM", 5, "nummod"), ("attacks", "NOUN", 1, "obl"),
                  (".", "PUNCT", 1, "punct")]
_RELEASE = "The US is seeking his extradition over the release of files in 2010."
_RELEASE_PARSE = [("The", "DET", 1, "det"), ("US", "PROPN", 3, "nsubj"), ("is", "AUX", 3, "aux"),
                  ("seeking", "VERB", -1, "root"), ("his", "PRON", 5, "nmod:poss"), ("extradition", "NOUN", 3, "obj"),
                  ("over", "ADP", 8, "case"), ("the", "DET", 8, "det"), ("release", "NOUN", 3, "obl"),
                  ("of", "ADP", 10, "case"), ("files", "NOUN", 8, "nmod"), ("in", "ADP", 12, "case"),
                  ("2010", "NUM", 8, "nmod"), (".", "PUNCT", 3, "punct")]


def test_with_a_parse_a_date_of_another_noun_is_not_the_events() -> None:
    assert _dated_parsed(_ATTACKS, _ATTACKS_PARSE, "2001", "2001", "invaded") == ("2025-06-20", "published")
    assert _dated_parsed(_RELEASE, _RELEASE_PARSE, "2010", "2010", "seeking") == ("2025-06-20", "published")
    # without a parse the clause rule alone reads them as the events' dates
    assert _dated(_RELEASE, "en", [("2010", "2010", "year")], "seeking") == ("2010", "clause")


def test_with_a_parse_the_predicates_own_date_and_its_settings_participle() -> None:
    text = "Germany annexed Austria in 1938."
    words = [("Germany", "PROPN", 1, "nsubj"), ("annexed", "VERB", -1, "root"), ("Austria", "PROPN", 1, "obj"),
             ("in", "ADP", 4, "case"), ("1938", "NUM", 1, "obl"), (".", "PUNCT", 1, "punct")]
    assert _dated_parsed(text, words, "1938", "1938", "annexed") == ("1938", "clause")
    text = "In a statement published Oct. 25, Russia accused the US."
    words = [("In", "ADP", 2, "case"), ("a", "DET", 2, "det"), ("statement", "NOUN", 8, "obl"),
             ("published", "VERB", 2, "acl"), ("Oct.", "PROPN", 3, "obl:tmod"), ("25", "NUM", 4, "nummod"),
             (",", "PUNCT", 8, "punct"), ("Russia", "PROPN", 8, "nsubj"), ("accused", "VERB", -1, "root"),
             ("the", "DET", 10, "det"), ("US", "PROPN", 8, "obj"), (".", "PUNCT", 8, "punct")]
    assert _dated_parsed(text, words, "Oct. 25", "2025-06-15", "accused") == ("2025-06-15", "clause")


def test_with_a_parse_a_relative_clause_of_an_oblique_keeps_its_own_date() -> None:
    text = "Democrats beat Bevin in a state Trump won in 2016."
    words = [("Democrats", "PROPN", 1, "nsubj"), ("beat", "VERB", -1, "root"), ("Bevin", "PROPN", 1, "obj"),
             ("in", "ADP", 5, "case"), ("a", "DET", 5, "det"), ("state", "NOUN", 1, "obl"),
             ("Trump", "PROPN", 7, "nsubj"), ("won", "VERB", 5, "acl:relcl"), ("in", "ADP", 9, "case"),
             ("2016", "NUM", 7, "obl"), (".", "PUNCT", 1, "punct")]
    assert _dated_parsed(text, words, "2016", "2016", "beat") == ("2025-06-20", "published")
