"""Recall rules found by the events audit (benchmarks/event_audit.py); sentences written for these
tests. Military equipment handed over is military aid in both languages, whatever the verb of
giving and whichever weapon is named; an event noun opening a sentence ("Serangan Israel ke...")
is not glued to the country after it into one name; a verb the tagger misreads as a preposition
is still a verb when the tree gives it a subject and an object; a passive's agent marked by "oleh"/"by"
acts even when the parser labels it a plain oblique."""
from __future__ import annotations

from test_events_syntax import coded

from warta.events.phrases import is_verb
from warta.model import Parse, Word


def test_english_delivering_or_supplying_weapons_is_military_aid():
    assert ("AID", "DEU", "UKR") in coded("Germany delivered missiles and battle tanks to Ukraine on Monday.")
    assert ("AID", "GBR", "UKR") in coded("Britain supplied Ukraine with air defence systems last week.")


def test_english_shipping_goods_that_are_not_arms_is_not_military_aid():
    assert not any(t == "AID" for t, _, _ in coded("Germany shipped fuel tanks to a company in Ukraine."))


def test_indonesian_sending_any_weapon_system_is_military_aid():
    assert ("AID", "DEU", "UKR") in coded("Jerman mengirim sistem pertahanan udara ke Ukraina pekan lalu.")
    assert ("AID", "USA", "ISR") in coded("Amerika Serikat memasok peluru artileri kepada Israel tahun ini.")


def test_indonesian_event_noun_opening_a_sentence_keeps_its_owner_a_side():
    assert ("FIGHT", "ISR", "LBN") in coded("Serangan Israel ke Lebanon menewaskan dua puluh orang.")
    assert ("CONSULT", "FRA", "VNM") in coded("Kunjungan Presiden Prancis ke Vietnam berlangsung dua hari.")


def _parse(rows: list[tuple[str, str, int, str]]) -> Parse:
    """A hand-made parse of words (text, upos, head, deprel) separated by single spaces."""
    words, at = [], 0
    for text, upos, head, deprel in rows:
        words.append(Word(at, at + len(text), text.lower(), upos, "", head, deprel))
        at += len(text) + 1
    return Parse(0, at - 1, tuple(words), "test")


def test_a_word_mistagged_as_a_preposition_with_subject_and_object_is_a_verb():
    parse = _parse([("Macron", "PROPN", 1, "nsubj"), ("mengecam", "ADP", -1, "root"),
                    ("serangan", "NOUN", 1, "obj"), ("Rusia", "PROPN", 2, "nmod")])
    assert is_verb(parse, 1)


def test_a_true_preposition_stays_no_verb():
    parse = _parse([("talks", "NOUN", -1, "root"), ("with", "ADP", 2, "case"), ("Iran", "PROPN", 0, "nmod")])
    assert not is_verb(parse, 1)


def test_indonesian_condemning_by_a_named_person_is_coded_whatever_the_tag():
    assert ("DISAPPROVE", "FRA", "RUS") in coded("Presiden Prancis Emmanuel Macron mengecam serangan Rusia.")


def test_indonesian_oleh_agent_labelled_a_plain_oblique_is_the_doer():
    assert ("COERCE", "CHN", "VNM") in coded("Kapal Vietnam ditangkap oleh penjaga pantai China pada Senin.")
    assert ("FIGHT", "CHN", "VNM") in coded("Kapal Vietnam diserang oleh kapal perang China.")


def test_english_by_agent_deep_in_its_phrase_is_the_doer():
    assert ("COERCE", "CHN", "VNM") in coded("Vietnamese fishermen were detained by the Chinese coast guard.")


def test_a_world_city_keeps_its_reading_beside_a_small_namesake_in_the_articles_country():
    assert ("DEMAND", "USA", "RUS") in coded("The Pentagon said Moscow must stop the flights over Syria.")
    assert ("DISAPPROVE", "USA", "RUS") in coded("Pentagon mengecam Moskow atas penerbangan itu.")
