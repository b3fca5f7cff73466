"""Hypotheticals are not facts (the scope of "if"/"jika" from the parse, yes-no questions), and
people named by title and surname act for their country ("President Clinton").

Sentences written for these tests; they run the default pipeline (segment, syntax, entities).
"""
from __future__ import annotations

from functools import cache

from warta.kb import surname_table
from warta.events.stage import EventsStage, events_stage
from warta.model import Article, Document
from warta.pipeline import Pipeline
from warta.settings import load_settings


@cache
def _pipeline(hypotheticals: bool = False) -> Pipeline:
    return Pipeline.build(load_settings({"event_hypotheticals": hypotheticals}))


def events_of(text: str, *, hypotheticals: bool = False, published: str | None = None):
    document = Document(source="t.txt", content=f"Test\n\n{text}\n", kind="text", published=published)
    return _pipeline(hypotheticals)(Article.from_document(document)).events


def coded(text: str, **kwargs) -> set[tuple]:
    return {(e.type, e.actor1 and e.actor1.country, e.actor2 and e.actor2.country, e.modality)
            for e in events_of(text, **kwargs) if not e.negated}


def test_only_the_clause_an_if_marks_is_conditional():
    found = coded("If Israel attacks Iran, Russia will condemn Israel.", hypotheticals=True)
    assert ("ASSAULT", "ISR", "IRN", "conditional") in found or ("FIGHT", "ISR", "IRN", "conditional") in found
    assert ("DISAPPROVE", "RUS", "ISR", "planned") in found  # the main clause is not supposed
    assert coded("If Israel attacks Iran, Russia will condemn Israel.") == {("DISAPPROVE", "RUS", "ISR", "planned")}


def test_a_jika_clause_after_its_main_clause_is_conditional():
    text = "Vietnam menghadapi kejatuhan ekonomi jika terseret ke dalam perang dengan Amerika Serikat."
    assert {m for *_, m in coded(text, hypotheticals=True)} == {"conditional"}
    assert not coded(text)


def test_a_threat_with_its_condition_is_asserted():
    assert ("THREATEN", "IRN", "ISR", "asserted") in coded("Iran threatened to attack Israel if it strikes again.")


def test_a_yes_no_question_asks_and_a_wh_question_presumes():
    assert not coded("Will Russia invade Ukraine?")
    assert not coded("Apakah Rusia akan menyerang Ukraina?")
    assert coded("Will Russia invade Ukraine?", hypotheticals=True)
    assert ("FIGHT", "RUS", "UKR", "asserted") in coded("Why did Russia invade Ukraine?")


def test_a_reported_would_is_an_intent_not_a_hypothesis():
    assert any(t == "AGREE" and a == "IRQ" for t, a, *_ in coded("Iraq said it would allow the return of U.N. inspectors."))


def test_the_setting_keeps_hypotheticals():
    assert events_stage({"event_hypotheticals": True}).hypotheticals
    assert not events_stage({}).hypotheticals and not EventsStage().hypotheticals


def test_a_person_by_title_and_surname_acts_for_their_country():
    assert ("DISAPPROVE", "USA", "IRQ", "asserted") in coded("President Clinton criticized Iraq on Monday.")
    assert ("DISAPPROVE", "EGY", "ISR", "asserted") in coded("President Mubarak condemned Israel.")
    # a hyphen the index spells as a space ("Jean Bertrand Aristide")
    assert any(a == "HTI" for _, a, *_ in coded("Jean-Bertrand Aristide accused the United States of lying."))


def test_a_surname_is_not_read_as_a_person_of_other_years():
    assert ("DISAPPROVE", "FRA", "GBR", "asserted") in coded("President Chirac accused Britain of lying.")
    assert not any(a == "FRA" for _, a, *_ in coded("President Chirac accused Britain of lying.",
                                                      published="2025-06-01"))


def test_the_surname_table_names_one_country_per_key():
    table = surname_table()
    assert table["president bush"][0] == "USA" and table["yeltsin"][0] == "RUS"
    assert "kim" not in table  # a given name in Korean names: no surname to read


def test_a_question_word_after_a_conjunction_still_presumes():
    assert ("FIGHT", "RUS", "UKR", "asserted") in coded("And why did Russia invade Ukraine?")


def test_holding_a_figure_is_no_detention():
    assert not coded("Bank sentral Amerika Serikat kembali menahan suku bunga acuan.")
    assert not coded("The central bank of the United States held interest rates steady.")
    assert ("COERCE", "IDN", "MYS", "asserted") in coded("Polisi Indonesia menahan warga Malaysia di Jakarta.")


def test_examples_of_a_list_do_not_act_together():
    assert not coded("Negara-negara seperti Turki, Arab Saudi, dan Uni Emirat Arab meningkatkan investasi di sektor pariwisata.")
    assert not any(t == "COOPERATE" for t, *_ in coded("Countries such as Turkey, Saudi Arabia and Qatar increased investment in tourism."))
    assert ("AGREE", "IRN", "RUS", "asserted") in coded("Iran dan Rusia menandatangani perjanjian kerja sama.") or \
        any(a in {"IRN", "RUS"} and b in {"IRN", "RUS"} for _, a, b, _ in coded("Iran dan Rusia menandatangani perjanjian kerja sama."))


def test_a_role_of_contention_acts_where_the_sentence_places_it():
    assert ("FIGHT", "MLI", "MLI", "asserted") in coded("Rebels attacked a military base in northern Mali on Sunday.")
    assert ("PROTEST", "IRQ", None, "asserted") in coded("Demonstrators in Baghdad blocked a road on Tuesday.")
    # a side's own modifier does not place the role: these gunmen are not American
    assert not any(a == "USA" for _, a, *_ in coded("Gunmen attacked a US convoy on Sunday."))


def test_protesters_act_on_their_own_state():
    assert ("PROTEST", "DZA", "DZA", "asserted") in coded("Angry activists staged rallies against the Algerian government.")


def test_a_trade_war_is_no_fighting():
    assert not coded("Perang dagang AS dan China membuat rupiah melemah.")
    assert not coded("The trade war between the United States and China hurt exports.")
    assert ("FIGHT", "ISR", "IRN", "asserted") in coded("Perang Israel dan Iran semakin eskalatif.")


def test_what_a_side_can_do_is_not_what_it_did():
    text = "Trump membanggakan bahwa Amerika Serikat dapat dengan mudah membunuh pemimpin Iran."
    assert not coded(text) and coded(text, hypotheticals=True)


def test_a_death_in_an_accident_is_nobody_s_act():
    assert not coded("Two United States service members have been killed in a helicopter crash in Afghanistan.")
    assert ("FIGHT", "ISR", "PSE", "asserted") in coded("Israeli troops killed three Palestinians in Gaza.")


def test_a_name_of_no_letters_reads_no_person():
    from warta.events.persons import person_actor
    from warta.model import Entity, Mention
    entity = Entity(id="e", name="-", type="PERSON", mentions=(Mention(10, 11, "-"),))
    assert person_actor(entity, Article(source="t", text="President - criticized Iran.", language="en")) is None


def test_a_mission_s_purpose_is_its_event():
    assert ("INVESTIGATE", "FRA", "IRN", "asserted") in coded("France dispatched inspectors to Iran to monitor the nuclear sites.")
    # a hostile purpose has its own target: the sending stays what it is
    assert not any(t == "FIGHT" and b == "SYR" for t, _, b, _ in coded("Russia sent troops to Syria to fight the rebels."))


def test_reinforcing_one_s_forces_is_mobilizing():
    assert any(t == "MOBILIZE" and a == "USA" for t, a, *_ in coded("The United States reinforced its troops in Iraq."))
    assert any(t == "MOBILIZE" and a == "RUS" for t, a, *_ in coded("Rusia memperkuat pasukannya di perbatasan Ukraina."))
    assert not any(t == "MOBILIZE" for t, *_ in coded("Indonesia memperkuat kerja sama dengan Rusia."))
