"""A verb trigger and what follows it: an event noun that is its object is swallowed by the verb,
however specific the noun's own pattern ("rejected a call for peacekeepers": the rejection, not
the appeal); a verb that codes no event swallows no participle after it, and a participle on an
issued object ("issued a declaration demanding ...") is the issuer's act.

Sentences written for these tests; they run the default pipeline (segment, syntax, entities).
"""
from __future__ import annotations

from test_events_syntax import events_of


def test_a_verb_swallows_a_more_specific_noun_pattern_starting_in_its_span():
    events = [e for e in events_of("The United Nations on Monday rejected a call for its peacekeeping forces "
                                   "to be deployed in Chile.") if not e.negated]
    assert events and events[0].type == "REJECT" and events[0].actor1.code.startswith("IGO")
    assert not [e for e in events if e.type == "DEMAND"]


def test_a_noun_pattern_starting_before_the_verb_is_not_swallowed():
    # "a mortar bomb was fired at": the pattern starts on the noun before the verb, so the verb
    # pattern inside it does not win ("fired at it from Peru" would make Chile fire at Peru)
    events = events_of("Chile said a mortar bomb was fired at it from Peru on Tuesday.")
    assert not [e for e in events if e.actor1 and e.actor1.country == "CHL"]


def test_a_statement_verb_does_not_swallow_the_participle_that_is_the_act():
    found = {(e.type, e.actor1.country, e.actor2 and e.actor2.country) for e in
             events_of("France issued a statement condemning Iran on Monday.") if not e.negated}
    assert ("DISAPPROVE", "FRA", "IRN") in found


def test_a_participle_on_an_issued_object_is_the_issuer_s_act():
    # "a declaration demanding ...": the declaration's act is its issuer's, the rebels'
    events = [e for e in events_of("The Chilean rebels issued a declaration demanding that Peru free the prisoners.")
              if e.type == "DEMAND"]
    assert events and events[0].actor1.code == "CHLREB" and events[0].actor2.country == "PER"
