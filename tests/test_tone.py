"""Tone on GDELT's scale for Indonesian (word list) and English (VADER)."""
from __future__ import annotations

import pytest

from warta.tone.stage import ToneStage
from warta.tone.score import article_tone, lexicon_shares, sentence_tone, word_valences
from warta.model import Article, Span


def test_indonesian_word_list_loads_with_valences():
    valences = word_valences("id")
    assert valences["perdamaian"] > 0 > valences["perang"]


def test_indonesian_sentences_score_by_sign():
    assert sentence_tone("Kedua negara sepakat menjaga perdamaian dan persahabatan.", "id") > 0
    assert sentence_tone("Serangan itu menewaskan korban dan memicu krisis.", "id") < 0


def test_negation_flips_a_word():
    assert lexicon_shares("hubungan tidak baik", word_valences("id")).negative > 0
    assert lexicon_shares("hubungan baik", word_valences("id")).positive > 0


def test_english_uses_vader():
    pytest.importorskip("vaderSentiment")
    assert sentence_tone("The two leaders praised the excellent agreement.", "en") > 0
    assert sentence_tone("The brutal attack killed dozens and was condemned as a horrible crime.", "en") < 0


def test_article_tone_weighs_sentences_and_is_a_difference_of_shares():
    text = "Perang dan krisis. Perdamaian, persahabatan, kerja sama dan kemajuan yang baik untuk semua negara."
    article = Article(source="t", text=text, language="id", sentences=(Span(0, 18), Span(19, len(text))))
    tone = article_tone(article, "id")
    assert tone.score == pytest.approx(tone.positive - tone.negative, abs=0.02)
    assert tone.positive > 0 and tone.negative > 0 and tone.producer == "tone"


def test_tone_stage_sets_the_article_tone():
    article = Article(source="t", text="Iran mengecam serangan brutal itu.", language="id")
    assert ToneStage()(article).tone.score < 0


def test_quick_vader_reading_gives_vader_scores():
    pytest.importorskip("vaderSentiment")
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from warta.tone.vader import load_vader, vader_shares
    plain, quick = SentimentIntensityAnalyzer(), load_vader()
    for text in ["The talks were not bad at all, but the outcome was GREAT!", "no", "", "  kind of good  ",
                 "I love it 😀 but hate 😡 this!!", "It was never so good, without doubt the bomb.",
                 "At least they did not reject the deal", "The ministers met in Jakarta on Tuesday.",
                 "They were sort of kind of happy?? Really???", "Not the worst, nor the best, isn't it?"]:
        scores = plain.polarity_scores(text)
        assert vader_shares(quick, text) == (scores["pos"], scores["neg"]), text
        assert quick.polarity_scores(text) == scores, text
