"""Indonesian events read from the real Indonesian parser (src/warta/models/parser-id), one test per
construction: di- passives with and without "oleh", "yang" relative clauses, "mendesak X untuk",
patient verbs and joint bare agents. Sentences written for these tests.
"""
from __future__ import annotations

from functools import cache

import pytest

from warta.model import Article, Document, Event
from warta.pipeline import Pipeline
from warta.settings import load_settings
from warta.syntax.parser import load_parser

pytestmark = pytest.mark.skipif(load_parser("id") is None, reason="the Indonesian parser cannot be loaded")


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings({"syntax_languages": "en,id"}))


def _events(text: str) -> tuple[Event, ...]:
    article = _pipeline()(Article.from_document(Document(source="t.txt", content=f"Tes\n\n{text}\n", kind="text")))
    assert article.language == "id" and article.syntax, "the sentence must be parsed"
    return article.events


def _coded(text: str) -> set[tuple]:
    return {(e.type, e.actor1.country, e.actor2.country if e.actor2 else None) for e in _events(text) if not e.negated}


def test_passive_with_oleh_the_agent_acts() -> None:
    assert _coded("Iran diserang oleh Israel pada hari Senin.") == {("FIGHT", "ISR", "IRN")}


def test_passive_bare_agent_labelled_object_acts() -> None:
    assert _coded("Rusia dikecam Perancis pada hari Senin.") == {("DISAPPROVE", "FRA", "RUS")}


def test_passive_bare_agent_labelled_oblique_acts() -> None:
    assert _coded("Kebijakan Rusia dikecam Perancis.") == {("DISAPPROVE", "FRA", "RUS")}


def test_passive_bare_agent_whose_name_hangs_from_the_verb_acts() -> None:
    # the parser hangs "China" from the verb, not from "militer": the words after the verb tell
    assert _coded("Kapal Filipina diserang militer China kemarin.") == {("FIGHT", "CHN", "PHL")}


def test_relative_yang_subject_is_the_name_before_it() -> None:
    found = _coded("Rusia, yang menyerang Ukraina pada 2022, bertemu dengan China pada hari Senin.")
    assert ("FIGHT", "RUS", "UKR") in found and ("CONSULT", "RUS", "CHN") in found
    assert not [f for f in found if f[1] == "UKR"]


def test_passive_relative_yang_after_a_name() -> None:
    found = _coded("Iran, yang dikecam Amerika Serikat, menandatangani perjanjian dengan Rusia.")
    assert ("DISAPPROVE", "USA", "IRN") in found
    assert not [f for f in found if f[0] == "DISAPPROVE" and f[2] != "IRN"]


def test_passive_relative_yang_after_an_event_noun_holds_no_target_of_it() -> None:
    found = _coded("Serangan udara Israel yang dikecam Mesir menewaskan sepuluh orang.")
    assert ("DISAPPROVE", "EGY", "ISR") in found
    assert not [f for f in found if f[0] == "FIGHT" and "EGY" in f]


def test_event_noun_with_owner_and_target_under_a_passive_verb() -> None:
    found = _coded("Serangan tentara Israel ke Gaza dikecam oleh Mesir pada hari Senin.")
    assert found == {("FIGHT", "ISR", "PSE"), ("DISAPPROVE", "EGY", "ISR")}


def test_an_oblique_after_an_ownerless_event_noun_is_no_doer() -> None:
    assert not [f for f in _coded("Serangan ke Gaza dikecam Mesir.") if f[0] == "FIGHT"]


def test_mendesak_x_untuk_is_a_demand_on_x() -> None:
    assert _coded("Amerika Serikat mendesak Iran untuk menghentikan pengayaan uranium.") == {("DEMAND", "USA", "IRN")}


def test_patient_verb_subject_suffers_the_event_noun() -> None:
    assert _coded("Venezuela menghadapi embargo Amerika Serikat.") == {("SANCTION", "USA", "VEN")}


def test_bare_agents_named_together_sign_together_once() -> None:
    events = [e for e in _events("Perjanjian itu ditandatangani Indonesia dan Rusia di Moskow.") if not e.negated]
    assert len(events) == 1 and events[0].mutual
    assert {events[0].actor1.country, events[0].actor2.country} == {"IDN", "RUS"}


def test_a_reported_obligation_is_a_demand_on_its_subject() -> None:
    assert _coded("Rusia menegaskan bahwa Ukraina harus menarik pasukannya dari Kursk.") == {("DEMAND", "RUS", "UKR")}
    assert _coded("Amerika Serikat mengatakan Iran harus menghentikan serangan terhadap Israel.") == {("DEMAND", "USA", "IRN")}


def test_a_side_named_by_its_role_after_its_head_is_that_role_of_the_country() -> None:
    # "kelompok pemberontak": the role follows the noun it modifies; the lemma "berontak" is no role word
    found = {(e.type, e.actor1.code, e.actor2.code if e.actor2 else None)
             for e in _events("Pemerintah Kolombia mengecam kelompok pemberontak pada hari Senin.")}
    assert ("DISAPPROVE", "COLGOV", "COLREB") in found
