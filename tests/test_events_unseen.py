"""Event error classes seen on unannotated Indonesian news (sentences written for these tests).

Each test pins one rule: datelines with a web address, subjects named together acting on a
third side, the owner of an event noun ("serangan Israel"), demonstrative restatements,
headline verbs without prefix, joint drills, warnings, and negation over a light verb.
"""
from __future__ import annotations

import re

from test_events import linked_entities

from warta.events.stage import EventsStage
from warta.model import Article, Span

# name -> (type, iso3, country, cameo), linked by exact match
KNOWN = {
    "Rusia": ("PLACE", "RUS", "RUS", "RUS"), "Israel": ("PLACE", "ISR", "ISR", "ISR"),
    "Iran": ("PLACE", "IRN", "IRN", "IRN"), "Korea Utara": ("PLACE", "PRK", "PRK", "PRK"),
    "Inggris": ("PLACE", "GBR", "GBR", "GBR"), "Indonesia": ("PLACE", "IDN", "IDN", "IDN"),
    "Amerika Serikat": ("PLACE", "USA", "USA", "USA"), "China": ("PLACE", "CHN", "CHN", "CHN"),
    "Teheran": ("PLACE", None, "IRN", None), "Vladimir Putin": ("PERSON", None, "RUS", "RUSGOV"),
    "Xi Jinping": ("PERSON", None, "CHN", "CHNGOV"),
}


def _article(text: str) -> Article:
    sentences = []
    for m in re.finditer(r"[^.!?]+(?:[.!?](?=\s|$))?", text):
        lead = len(m.group()) - len(m.group().lstrip())
        if m.group().strip():
            sentences.append(Span(m.start() + lead, m.end()))
    return Article(source="test", text=text, language="id", sentences=tuple(sentences),
                   entities=linked_entities(text, KNOWN))


def events_of(text: str):
    return EventsStage()(_article(text)).events


def dyads(events, *, kind: str | None = None) -> set[frozenset]:
    return {frozenset((e.actor1.country, e.actor2.country)) for e in events if kind is None or e.type == kind}


def test_dateline_with_a_web_address_is_no_side():
    events = events_of("Warta.com, Teheran - Kunjungan ke Rusia berlangsung lancar.")
    assert not any("IRN" in d for d in dyads(events))


def test_two_subjects_condemn_the_third_side_not_each_other():
    events = events_of("Vladimir Putin dan Xi Jinping mengutuk Israel dengan keras.")
    assert dyads(events) == {frozenset({"RUS", "ISR"}), frozenset({"CHN", "ISR"})}
    assert all(e.type == "DISAPPROVE" for e in events)


def test_two_subjects_calling_on_nobody_named_act_alone_not_on_each_other():
    events = events_of("Rusia dan China menyerukan de-eskalasi segera.")
    assert {(e.actor1.country, e.actor2) for e in events} == {("RUS", None), ("CHN", None)}


def test_two_sides_with_nobody_else_fight_each_other():
    events = events_of("Israel dan Iran saling menyerang sejak Jumat.")
    assert dyads(events, kind="FIGHT") == {frozenset({"ISR", "IRN"})}


def test_the_owner_of_an_event_noun_is_its_source():
    events = events_of("Korea Utara menyatakan keprihatinan atas serangan militer Israel ke Iran.")
    assert dyads(events, kind="FIGHT") == {frozenset({"ISR", "IRN"})}
    alone = events_of("Korea Utara menyatakan keprihatinan atas serangan militer Israel.")
    assert dyads(alone, kind="FIGHT") == set()


def test_a_noun_with_a_demonstrative_restates_an_earlier_event():
    events = events_of("Inggris menjatuhkan sanksi kepada Israel. Sanksi itu berlaku sejak Selasa bagi Israel dan Inggris.")
    assert len(events) == 1 and events[0].type == "SANCTION"
    assert events[0].evidence.text.startswith("Inggris menjatuhkan")


def test_headline_verbs_without_prefix_are_triggers():
    events = events_of("Korea Utara kecam Israel.")
    assert [(e.type, e.actor1.country, e.actor2.country) for e in events] == [("DISAPPROVE", "PRK", "ISR")]


def test_a_joint_drill_of_two_armies_is_military_cooperation():
    events = events_of("Tentara Indonesia dan Amerika Serikat menggelar simulasi militer di Bogor.")
    assert {(e.type, e.cameo) for e in events} == {("COOPERATE", "062")}
    assert dyads(events) == {frozenset({"IDN", "USA"})}


def test_a_warning_is_a_threat_and_its_content_is_negated():
    events = events_of("Rusia memperingatkan Amerika Serikat agar tidak membantu Israel.")
    warn = [e for e in events if e.type == "THREATEN"]
    assert [(e.actor1.country, e.actor2.country) for e in warn] == [("RUS", "USA")]
    assert all(e.negated for e in events if e.type == "AID")


def test_negation_reaches_over_a_light_verb():
    events = events_of("Rusia tidak memberikan dukungan kepada Iran.")
    assert events and all(e.negated for e in events)


def test_sides_named_only_as_an_object_do_not_aid_each_other():
    events = events_of("Kunjungan itu bisa membantu meredakan perang antara Iran dan Israel.")
    assert not [e for e in events if e.type == "AID"]
