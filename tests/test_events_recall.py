"""Recall rules found by the events audit (benchmarks/event_audit.py); sentences written for these
tests. Military equipment handed over is military aid in both languages, whatever the verb of
giving and whichever weapon is named; an event noun opening a sentence ("Serangan Israel ke...")
is not glued to the country after it into one name."""
from __future__ import annotations

from test_events_syntax import coded


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
