"""Hand-written English lexicon entries (lang/en/event_extra.tsv) that generalise or correct the
generated Phoenix patterns: passages blocked in protest, the hunger strike as an event noun, and
praise "to" that is not a hosted visit.

Sentences written for these tests; they run the default pipeline (segment, syntax, entities).
"""
from __future__ import annotations

from test_events_syntax import events_of


def types(text: str) -> set[str]:
    return {e.type for e in events_of(text) if not e.negated}


def test_blocking_a_highway_or_a_bridge_is_a_protest_as_blocking_roads_is():
    assert "PROTEST" in types("Chilean farmers blocked the main highway into Peru on Monday.")
    assert "COERCE" not in types("Chilean farmers blocked the bridge into Peru on Monday.")


def test_a_hunger_strike_is_a_protest_event_noun_not_a_military_strike():
    found = types("The Chilean miners' hunger strike against Peru entered its tenth day.")
    assert "PROTEST" in found and "FIGHT" not in found


def test_praising_efforts_to_act_is_support_not_a_visit():
    found = types("Chile praised Peru's efforts to end the dispute.")
    assert "SUPPORT" in found and "CONSULT" not in found
