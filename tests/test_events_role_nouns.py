"""Sides named by their role, read from the parse (English): a demonym before a role noun, a
title before a name the knowledge base does not link, a role subject in a place, and a reporter
set beside the clause, which places nobody.

Sentences written for these tests; they run the default pipeline (segment, syntax, entities).
"""
from __future__ import annotations

from test_events_syntax import events_of


def codes(text: str) -> set[tuple]:
    return {(e.type, e.actor1 and e.actor1.code, e.actor2 and e.actor2.code) for e in events_of(text) if not e.negated}


def test_a_demonym_before_a_role_noun_is_that_role_of_its_country_and_its_state_acts_on_it():
    # "Chilean ... refugees" is no second Chile: the state acts on a part of its own country
    assert ("COERCE", "CHL", "CHLREF") in codes("Chile expelled Chilean Mapuche refugees on Monday.")


def test_a_title_before_a_name_the_kb_does_not_know_is_its_role_modifier_first():
    assert ("DISAPPROVE", "CHL", "CHLOPP") in codes("Chile accused opposition leader Juan Perez of fraud on Monday.")


def test_a_role_subject_in_a_place_acts_for_the_place_s_country_on_a_named_side():
    assert ("DEMAND", "CHLOPP", "PER") in codes("Opposition groups in Chile demanded that Peru return the islands.")


def test_a_role_subject_in_a_place_does_not_act_alone():
    # "prosecutors in Sweden dropped an investigation": nobody named is acted upon
    assert not [e for e in events_of("Prosecutors in Chile dropped the investigation on Monday.")
                if e.actor1 and e.actor1.code.startswith("CHL") and e.actor2 is None and len(e.actor1.code) > 3]


def test_who_reports_beside_the_clause_does_not_place_the_role():
    found = codes("Chile accused the rebels of violence, a Peruvian official said.")
    assert any(a == "CHL" and b == "CHLREB" for _, a, b in found)


def test_rebels_act_on_their_own_state():
    assert ("DEMAND", "CHLREB", "CHL") in codes("Chilean rebels demanded that Chile free the prisoners.")


def test_the_outermost_modifier_of_a_compound_role_names_it():
    # "opposition party leaders": the opposition's leaders (OPP), not the state's (GOV)
    assert ("COERCE", "CHL", "CHLOPP") in codes("Chile expelled the opposition party leaders on Monday.")


def test_a_state_role_with_no_country_acting_on_parts_of_one_country_is_that_country_s():
    assert ("COERCE", "CHLCOP", "CHLOPP") in codes("Police arrested opposition leaders in Chile on Monday.")
    assert ("FIGHT", "CHLMIL", "CHLREB") in codes("Troops killed Chilean rebels on Monday.")


def test_a_role_that_is_no_state_s_takes_no_country_from_whom_it_acts_on():
    # gunmen attacking Chilean rebels are nobody's gunmen: no event between named sides
    assert not [e for e in events_of("Gunmen attacked Chilean rebels on Monday.")
                if e.actor1 and (e.actor1.country or "") == "CHL" and e.actor2 is not None]


def test_an_ethnic_people_living_in_another_country_is_that_country_s_people_in_both_languages():
    assert ("DEMAND", "SRBPPL", "IGOUNO") in codes("Ethnic Albanians in south Serbia demanded a UN presence.")
    assert ("DISAPPROVE", "SRBPPL", "RUS") in codes("Etnis Albania di Serbia mengecam Rusia pada hari Senin.")


def test_an_ethnic_people_with_no_place_keeps_its_name_s_country():
    assert any(a and a.startswith("ALB") for _, a, _ in codes("Ethnic Albanians condemned Russia on Monday."))
