"""The consumers of syntax (the event coder, the quotes stage) ask for the sentences they read."""
from __future__ import annotations

import pytest

from warta.model import Article
from warta.pipeline import Pipeline, registered_stages
from warta.settings import load_settings
from warta.read.sources import text_document
from warta.syntax.parser import load_parser
from warta.syntax.select import selectors

pytestmark = pytest.mark.skipif(load_parser("en") is None, reason="en_core_web_sm is not installed")

STAGES = "read,language,segment,entities,syntax,dates,quotes,events"


def _parsed(text: str, stages: str = STAGES) -> list[str]:
    pipeline = Pipeline.build(load_settings({"stages": stages}))
    article = pipeline(Article.from_document(text_document("t.txt", text)))
    return [article.text[p.start:p.end] for p in article.syntax]


def test_events_and_quotes_register_their_selectors() -> None:
    registered_stages()  # importing the stage modules registers their selectors
    assert {"events", "quotes"} <= set(selectors())


def test_only_sentences_with_a_trigger_and_a_side_or_a_speech_cue_are_parsed() -> None:
    text = ("The weather was mild and the market was busy. "
            "Russia attacked Ukraine on Monday. "
            "The talks will resume later. "
            '"We are ready for it," Ana Ruiz said.')
    parsed = _parsed(text)
    assert "Russia attacked Ukraine on Monday." in parsed  # a trigger and a side
    assert '"We are ready for it," Ana Ruiz said.' in parsed  # a quotation and a speech verb
    assert "The weather was mild and the market was busy." not in parsed  # neither
    assert "The talks will resume later." not in parsed  # a trigger word ("talks") naming no side


def test_a_quotation_is_parsed_only_with_a_speech_cue_in_its_sentence() -> None:
    text = ('The banner read "a fine result for everyone here". '
            '"We are ready for it," Ana Ruiz told reporters.')
    parsed = _parsed(text)
    assert 'The banner read "a fine result for everyone here".' not in parsed  # no speech cue
    assert '"We are ready for it," Ana Ruiz told reporters.' in parsed


def test_only_the_selectors_of_stages_in_the_pipeline_are_asked() -> None:
    text = "The weather was mild. Russia attacked Ukraine on Monday. \"We are ready,\" Ana Ruiz said."
    quotes_only = _parsed(text, "read,language,segment,entities,syntax,quotes")
    assert quotes_only == ['"We are ready," Ana Ruiz said.']  # the event coder is not in this pipeline
    no_consumer = _parsed(text, "read,language,segment,entities,syntax")
    assert len(no_consumer) == 3  # no consumer in the pipeline: every sentence, as asked


def test_a_sentence_with_an_obligation_is_parsed_for_the_demand_it_may_state() -> None:
    sentence = "Russia said on Monday that Sudan must change course."
    assert sentence in _parsed(sentence)  # no quotation, no trigger but the statement verb
    article = Pipeline.build(load_settings({}))(Article.from_document(text_document("t.txt", sentence)))
    assert [e.cameo[:3] for e in article.events] == ["100"]  # the demand the parse reads


def test_a_we_is_parsed_for_the_events_only_where_a_quotation_may_hold_it() -> None:
    # "we" stands for a side only as a quotation's speaker; the article's own voice names none
    text = ("Ana Ruiz met the press in Lima. We will attack the problem of slow pages next week. "
            '"We will attack them tomorrow. They are ready."')
    parsed = _parsed(text)
    assert "We will attack the problem of slow pages next week." not in parsed
    assert '"We will attack them tomorrow. They are ready."' in parsed  # no speech cue: the event coder asks
    # the "we" of a quotation stands for its speaker's country: with no entity of a country, for none
    assert _parsed('"We will attack them tomorrow. They are ready."') == []


def test_a_speech_cue_counts_only_where_the_parse_would_look_for_the_speaker() -> None:
    # the speaker's verb lies outside the quotation (`parsed_attribution`): a cue inside it is a title's word
    text = 'The film "He Said, She Said and the Rest" opened in March. "It is a fine film," Ana Ruiz told reporters.'
    parsed = _parsed(text, "read,language,segment,entities,syntax,quotes")
    assert parsed == ['"It is a fine film," Ana Ruiz told reporters.']


def test_a_trigger_inside_a_title_or_what_is_talked_about_is_not_parsed_for() -> None:
    # the coder drops such triggers whatever the parse says (`selection.select`)
    assert _parsed("Russia has a Peace Talks Museum in its capital.", STAGES) == []
    assert _parsed("Russia has a museum about peace talks in its capital.", STAGES) == []  # a topic
    assert _parsed("Russia has peace talks in its capital.", STAGES) != []


def test_a_term_in_quote_marks_is_not_parsed_for_a_speaker() -> None:
    # a word or two in quote marks becomes no quotation (quotes.marks.a_term), whoever said it
    stages = "read,language,segment,entities,syntax,quotes"
    assert _parsed('The minister said the plan was "dead" by now.', stages) == []
    assert _parsed('The minister said the plan was "dead in the water" by now.', stages) != []
