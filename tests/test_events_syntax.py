"""Events read from the dependency parse (English; Indonesian keeps the distance rules until its
parser is in): passives, pronoun subjects, relative clauses, verb patterns on nouns, venues.

Sentences written for these tests; they run the default pipeline (segment, syntax, entities).
"""
from __future__ import annotations

from functools import cache

from warta.model import Article, Document
from warta.pipeline import Pipeline
from warta.settings import load_settings


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings())


def events_of(text: str):
    article = Article.from_document(Document(source="t.txt", content=f"Test\n\n{text}\n", kind="text"))
    return _pipeline()(article).events


def coded(text: str) -> set[tuple]:
    return {(e.type, e.actor1 and e.actor1.country, e.actor2 and e.actor2.country) for e in events_of(text)
            if not e.negated}


def test_the_parse_reaches_the_events_stage():
    article = Article.from_document(Document(source="t.txt", content="Test\n\nFrance condemned Iran.\n", kind="text"))
    article = _pipeline()(article)
    assert article.syntax and ("DISAPPROVE", "FRA", "IRN") in coded("France condemned Iran.")


def test_a_passive_agent_acts_on_the_passive_subject():
    assert ("DISAPPROVE", "FRA", "IRN") in coded("Iran was condemned by France on Monday.")


def test_a_pronoun_subject_is_the_speaker_of_the_reporting_clause():
    # a reported "would" states a future: the threat to sanction (CAMEO 1312), by France
    assert ("THREATEN", "FRA", "IRN") in coded("France said it would impose sanctions on Iran.")


def test_a_pattern_on_a_verb_of_saying_codes_what_was_said():
    found = coded("Russia and China said they will attack Japan.")
    assert ("FIGHT", "RUS", "CHN") not in found and ("FIGHT", "CHN", "RUS") not in found


def test_according_to_is_no_trigger():
    assert not [e for e in events_of("According to Iran, the talks with Russia ended.") if e.type == "COOPERATE"]


def test_a_participle_after_a_name_is_passive_and_that_name_does_not_act():
    events = events_of("A member of Hezbollah jailed last year spoke on Monday.")
    assert not [e for e in events if e.type == "COERCE" and e.actor1 and e.actor1.code.startswith("LBN")]


def test_a_relative_clause_subject_is_the_name_it_follows():
    assert ("FIGHT", "RUS", "UKR") in coded("Russia, which attacked Ukraine in 2022, met China on Monday.")


def test_urge_is_a_demand_on_its_object():
    assert any(t == "DEMAND" and a == "USA" for t, a, _ in coded("The United States urged Iran to stop enrichment."))


def test_a_verb_pattern_used_as_a_noun_needs_an_owner():
    assert not coded("The attack was discussed in Geneva.")


def test_the_complement_of_a_verb_that_is_no_trigger_is_the_event():
    assert any(t == "MOBILIZE" or t == "AID" for t, a, b in coded("The United States continued to send arms to Pakistan."))


def test_a_nationality_word_acts_for_its_country_with_its_agent():
    events = events_of("Five hundred Ugandan rebels surrendered last week.")
    assert [(e.type, e.actor1.code, e.actor2) for e in events] == [("RETREAT", "UGAREB", None)]


def test_an_offer_to_meet_is_the_intent_to_meet():
    events = events_of("Russia offered to negotiate with Ukraine.")
    assert [(e.type, e.cameo[:2], e.actor1.country, e.actor2.country) for e in events] == [("AGREE", "03", "RUS", "UKR")]


def test_the_main_clause_event_is_more_confident_than_a_subordinate_one():
    events = events_of("France condemned Iran after Iran attacked Israel.")
    main = next(e for e in events if e.type == "DISAPPROVE")
    assert all(main.confidence > e.confidence for e in events if e.type == "FIGHT")


def test_wanting_another_to_attack_is_an_appeal_to_that_other():
    assert ("DEMAND", "USA", "RUS") in coded("Obama wants Putin to attack Switzerland.")


def test_wanting_to_help_is_the_intent_to_help():
    assert ("AGREE", "USA", "ISR") in coded("The US Secretary of State wants to help Israel.")


def test_wanting_to_attack_is_a_threat():
    assert ("THREATEN", "RUS", "UKR") in coded("Russia wants to attack Ukraine.")


def test_a_stated_future_aid_is_the_intent_to_give_it():
    assert ("AGREE", "FIN", "TZA") in coded("Finland will give Tanzania a grant of 580 million shillings.")


def test_a_reported_future_boycott_is_a_threat_and_a_bare_would_is_not_a_statement_of_intent():
    assert ("THREATEN", "PSE", "USA") in coded("Palestinian leaders said they would boycott all contact with the United States.")
    assert not [e for e in events_of("Russia would attack Ukraine.") if e.type == "THREATEN"]


def test_an_obligation_reported_is_a_demand_on_its_subject_and_not_the_act():
    found = coded("Russia said on Tuesday that Sudan must return the helicopter it seized.")
    assert ("DEMAND", "RUS", "SDN") in found
    assert not [f for f in found if f[0] == "RETREAT"]


def test_a_statement_verb_reporting_an_obligation_is_the_demand():
    assert ("DEMAND", "GBR", "LBY") in coded("A senior British minister reiterated that Libya must hand over the suspects.")


def test_a_verb_pattern_on_a_noun_without_an_owner_is_no_event():
    found = coded("Ukrainian lawmakers endorsed the plan, making a turn in favor of closer relations with Russia.")
    assert not [f for f in found if "RUS" in f]


def test_a_verb_pattern_on_a_proper_noun_is_a_name():
    found = coded("American and British activists unfurled giant Free Tibet banners in Beijing.")
    assert not [f for f in found if f[0] == "CONCEDE"]


def test_a_participle_adjunct_shares_the_subject_of_its_clause():
    found = coded("Russia sent troops to Syria on Monday, threatening Turkey.")
    assert ("THREATEN", "RUS", "TUR") in found


def test_a_common_noun_subject_naming_nobody_is_not_replaced_by_the_reporter():
    found = coded("Washington said such a step enjoyed support from Moscow and Beijing.")
    assert not [f for f in found if f[0] == "SUPPORT" and f[1] == "USA"]


def test_a_passive_intent_verb_holds_no_intent():
    found = coded("A court in Guyana issued warrants for two Brazilian men sought in the slaying of American missionaries.")
    assert not [f for f in found if f[0] == "AGREE"]


def test_heading_to_a_capital_is_travel_and_taking_part_codes_what_was_taken_part_in():
    assert not [f for f in coded("Sarkozy heads to Beijing for the opening of the Games.") if f[0] == "AGREE"]
    assert not [f for f in coded("The report alleged that the French military took part in the killing.")
                if f[0] == "AGREE"]


def test_the_means_of_violence_tell_assault_from_fight():
    assert any(t == "ASSAULT" for t, _, _ in coded("Two Palestinian suicide bombers killed 23 people in Tel Aviv."))
    assert any(t == "FIGHT" for t, a, _ in coded("Russian aircraft killed 46 Afghan civilians in an attack on a village."))
    assert any(t == "FIGHT" for t, a, _ in coded("Israeli tanks fired shell bombs at targets in Jericho, killing Palestinians."))


def test_a_possessive_owns_its_event_noun_and_of_names_whom_it_is_done_to():
    assert ("FIGHT", "IRN", "ISR") in coded("Iran's attack on Israel killed ten people.")
    assert ("FIGHT", "RUS", "UKR") in coded("Russia's invasion of Ukraine began in 2022.")


def sides_of(text: str) -> set[tuple]:
    return {(e.type, e.actor1 and e.actor1.code, e.actor2 and e.actor2.code) for e in events_of(text) if not e.negated}


def test_a_role_named_only_by_its_role_is_that_role_of_the_one_country_named():
    # nobody but the rebels' role names the side acted upon: CAMEO codes it as Chile's rebels
    found = sides_of("The Chilean government accepted demands from the rebels on Thursday.")
    assert any(a and a.startswith("CHL") and b == "CHLREB" for _, a, b in found)


def test_a_role_in_a_place_is_that_role_of_the_place_s_country_not_the_place():
    found = sides_of("The French government banned a radical opposition group in Paris on Monday.")
    assert any(a and a.startswith("FRA") and b and b.startswith("FRA") and len(b) > 3 for _, a, b in found)


def test_a_role_is_no_side_when_the_sentence_names_several_countries():
    found = sides_of("Chile accused the rebels of helping Peru on Monday.")
    assert not any(b and b.endswith("REB") for _, _, b in found)


def test_a_state_and_its_own_government_are_one_side():
    found = sides_of("Chile criticised the government on Monday.")
    assert not any(a and b and a[:3] == b[:3] for _, a, b in found)


def test_a_company_does_not_act_on_its_own_state():
    # two sectors are two sides ("Georgian demonstrators" against "the Georgian government"), but
    # a company and the state it belongs to are not: only a state acts on a part of its own country
    found = sides_of("Chilean companies protested against Chile on Monday.")
    assert not any(a and a.startswith("CHL") and b == "CHL" for _, a, b in found)
