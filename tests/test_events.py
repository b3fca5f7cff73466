"""Events: trigger lexicons, CAMEO/PLOVER tables, actors and roles, negation and modality."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED

from warta.events.coder import build_context, code_article
from warta.events.cues import tokenize
from warta.events.lexicon import load_lexicon, parse_lines
from warta.events.stage import EventsStage
from warta.events.tables import cameo_table, lookup
from warta.lang.folders import read_lines
from warta.model import Article, Entity, Mention, Span
from warta.pipeline import registered_stages

CORPUS = SHARED
# name -> (type, iso3, country, cameo): a tiny hand-made linker for the unit tests
KNOWN = {
    "Iran": ("PLACE", "IRN", "IRN", "IRN"), "Rusia": ("PLACE", "RUS", "RUS", "RUS"),
    "Russia": ("PLACE", "RUS", "RUS", "RUS"), "Amerika Serikat": ("PLACE", "USA", "USA", "USA"),
    "Suriah": ("PLACE", "SYR", "SYR", "SYR"), "Syria": ("PLACE", "SYR", "SYR", "SYR"),
    "United States": ("PLACE", "USA", "USA", "USA"), "Teheran": ("PLACE", None, "IRN", None),
    "Kazem Jalali": ("PERSON", None, "IRN", "IRNGOV"), "Vladimir Putin": ("PERSON", None, "RUS", "RUSGOV"),
    "Reuters": ("ORG", None, None, "MED"), "Israel": ("PLACE", "ISR", "ISR", "ISR"),
    "PBB": ("ORG", None, None, "IGOUNO"),
}


def make_article(text: str, language: str = "id") -> Article:
    """An article with sentences split at full stops and entities linked from KNOWN."""
    sentences = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip())
    sentences = tuple(Span(s.start + len(text[s.start:s.end]) - len(text[s.start:s.end].lstrip()), s.end)
                      for s in sentences)
    return Article(source="test", text=text, language=language, sentences=sentences,
                   entities=linked_entities(text, KNOWN))


def linked_entities(text: str, known: dict[str, tuple]) -> tuple[Entity, ...]:
    """Entities for every name of `known` (name -> kind, iso3, country, cameo) found in `text`."""
    entities = []
    for number, (name, (kind, iso3, country, cameo)) in enumerate(known.items()):
        mentions = tuple(Mention(m.start(), m.end(), name) for m in re.finditer(rf"\b{re.escape(name)}\b", text))
        if mentions:
            entities.append(Entity(id=f"e{number}", name=name, type=kind, mentions=mentions, iso3=iso3,
                                   country=country, cameo=cameo))
    return tuple(entities)


def events_of(text: str, language: str = "id"):
    return EventsStage()(make_article(text, language)).events


def dyads(events) -> set[frozenset]:
    return {frozenset((e.actor1.country or e.actor1.code, e.actor2.country or e.actor2.code)) for e in events}


# --- tables -------------------------------------------------------------------------------

def test_cameo_codes_read_in_plover_with_goldstein_and_quad_class():
    sign = lookup("057")
    assert (sign.plover, sign.goldstein, sign.quad_class) == ("SUPPORT", 8.0, 1)
    assert lookup("190").plover == "FIGHT" and lookup("190").quad_class == 4
    assert lookup("1312").plover == "THREATEN" and "economic" in lookup("1312").context
    assert lookup("091").plover == "INVESTIGATE" and lookup("1041").plover == "DEMAND"
    assert lookup("010") is None  # statements are no PLOVER event


def test_every_plover_type_of_the_table_is_one_of_the_nineteen():
    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
             "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"}
    assert {c.plover for c in cameo_table().values()} <= types


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_trigger_code_is_in_the_tables(language):
    codes = {p.cameo for p in load_lexicon(language).patterns}
    unknown = {c for c in codes if c != "---" and not c.startswith("01") and lookup(c) is None}
    assert not unknown


# --- lexicon ------------------------------------------------------------------------------

def test_longest_pattern_wins_and_sets_expand():
    lines = ["@sign\tsign|signed", "@sign\t057\tverb", "@sign _ trade~deal\t0311\tverb", "deal*\t030\tnoun"]
    lexicon = type(load_lexicon("id"))(parse_lines(lines))
    matches = lexicon.matches(["they", "signed", "a", "trade", "deal"])
    assert (matches[0].pattern.cameo, matches[0].start, matches[0].end) == ("0311", 1, 5)
    assert [m.pattern.cameo for m in lexicon.matches(["dealings"])] == ["030"]  # prefix word


def test_a_gap_does_not_run_past_punctuation():
    lexicon = type(load_lexicon("id"))(parse_lines(["sign _ deal\t057\tverb"]))
    assert lexicon.matches(["sign", "a", "deal"])
    assert not lexicon.matches(["sign", ",", "deal"])


def _brute_force_matches(lexicon, tokens):
    """The lexicon's rule spelt out: at each token, of all patterns that match, the most specific,
    then the first listed (what the first-word index and the word test must not change)."""
    from warta.events.lexicon import Match, _match_from
    found = []
    for i in range(len(tokens)):
        ends = [(p, _match_from(p.elements, tokens, i)) for p in lexicon.patterns]
        matched = [(p, end) for p, end in ends if end is not None]
        if matched:
            pattern, end = max(matched, key=lambda m: (m[0].weight, -m[0].order))
            found.append(Match(i, end, pattern))
    return found


def test_indexed_matching_finds_what_trying_every_pattern_finds():
    lines = ["@sign\tsign|signed|inks~a", "@sign\t057\tverb", "@sign _ trade~deal\t0311\tverb", "deal*\t030\tnoun",
             "sign* _ pact|deal\t057\tverb", "signed _ a _ deal\t---\tverb", "talks _ with\t040\tnoun",
             "talk* _ @sign\t041\tnoun", "a _ trade*\t070\tverb"]
    lexicon = type(load_lexicon("id"))(parse_lines(lines))
    sentences = ["they signed a trade deal", "signed , a deal", "signatories inks a deal with talks", "dealings",
                 "talks with signed a trade pact", "a a a trade trade deal deal", "talkative signs deals"]
    for sentence in sentences:
        tokens = [t.text for t in tokenize(sentence)]
        assert lexicon.matches(tokens) == _brute_force_matches(lexicon, tokens), sentence
    english = load_lexicon("en")
    tokens = [t.text for t in tokenize("Russia said it would send troops and sign a new trade agreement "
                                        "after talks, but it refused to lift sanctions or accept aid.")]
    assert english.matches(tokens) == _brute_force_matches(english, tokens)


def test_cue_lookups_agree_with_a_scan_of_every_phrase():
    from warta.events.cues import TOKEN, cues_for
    cues = cues_for("en")
    tokens = tokenize("He said they will not only meet but also would not sign, according to the report by the UN.")
    for kind, phrases in cues.phrases.items():
        for i in range(len(tokens) + 2):
            window = [t.text for t in tokens]
            starts = max((len(p) for p in phrases if tuple(window[i:i + len(p)]) == p), default=0)
            ends = max((len(p) for p in phrases if i - len(p) >= 0 and tuple(window[i - len(p):i]) == p), default=0)
            assert (cues.has(kind, tokens, i), cues.ends(kind, tokens, i)) == (starts, ends), (kind, i)
        assert cues.starts(kind, tokens) == [i for i in range(len(tokens)) if cues.has(kind, tokens, i)]
    for text in ["Kata   Putin: “Kami siap.” Rusia-Iran’s deal—signed in Istanbul ΑΘΗΝΑ. ok",
                 "Kata   Putin: “Kami siap.” Rusia-Iran’s deal—signed İstanbul ΟΔΟΣ. ok"]:
        whole = tokenize(text)
        assert [t.text for t in whole] == [m.group().lower().replace("’", "'") for m in re.finditer(TOKEN, text)]
        assert [(t.start, t.end) for t in tokenize(text[5:], 5)] == [(m.start() + 5, m.end() + 5) for m in re.finditer(TOKEN, text[5:])]


def test_indonesian_verb_forms_are_triggers():
    lexicon = load_lexicon("id")
    for sentence, code in [("menandatangani memorandum", "057"), ("mengunjungi", "042"), ("mengutuk", "111"),
                           ("memveto", "129"), ("usulan tarif", "1312"), ("latihan bersama", "062")]:
        found = lexicon.matches([t.text for t in tokenize(sentence)])
        assert found and found[0].pattern.cameo == code, sentence


def test_english_lexicon_is_generated_from_phoenix_with_its_notice():
    header = (Path(__file__).resolve().parents[1] / "src/warta/lang/en/event_triggers.tsv").read_text()[:400]
    assert "Phoenix" in header and "MIT" in header
    assert len(read_lines("en", "event_triggers.tsv")) > 4000
    found = load_lexicon("en").matches(["condemned"])
    assert found and found[0].pattern.cameo.startswith("11")


# --- coding -------------------------------------------------------------------------------

def test_joint_subjects_make_one_mutual_event_with_evidence():
    text = "Iran dan Rusia menandatangani perjanjian kerja sama militer di Teheran."
    events = events_of(text)
    assert len(events) == 1 and events[0].mutual  # one record, not IRN->RUS and RUS->IRN
    assert {e.type for e in events} == {"SUPPORT"} and {e.cameo for e in events} == {"057"}
    assert {(e.actor1.country, e.actor2.country) for e in events} == {("IRN", "RUS")}
    event = events[0]
    assert event.evidence.text == text[event.evidence.start:event.evidence.end] == text
    assert event.evidence.trigger.startswith("menandatangani") and event.goldstein == 8.0
    assert event.location == "Teheran" and event.producer == "events"


def test_a_place_within_one_country_is_the_location_before_a_region_of_several():
    known = {"Timur Tengah": ("REGION", None, None, None), **KNOWN}  # the region the article's first entity

    def located(text: str, paragraphs: tuple[tuple[int, int], ...] = ()) -> set:
        article = make_article(text).replace(entities=linked_entities(text, known),
                                             paragraphs=tuple(Span(a, b) for a, b in paragraphs))
        return {e.location for e in EventsStage()(article).events}

    assert located("Di kawasan Timur Tengah, Iran dan Rusia menandatangani perjanjian militer di Teheran.") == {"Teheran"}
    # a region of several countries is no GDELT geo type: the event has no location ...
    assert located("Iran dan Rusia menandatangani perjanjian militer di kawasan Timur Tengah.") == {None}
    # ... unless its paragraph names a place within one country, the nearest to the sentence
    text = ("Pertemuan itu berlangsung di Teheran. Iran dan Rusia menandatangani perjanjian militer di kawasan "
            "Timur Tengah.")
    assert located(text, ((0, len(text)),)) == {"Teheran"}
    # a place of another paragraph is not the event's
    assert located(text, ((0, 37), (38, len(text)))) == {None}


def test_source_before_and_target_after_a_preposition():
    events = events_of("Amerika Serikat mengecam serangan terhadap Suriah.")
    assert len(events) == 1  # the attack is the object of the condemnation, not a second event
    assert (events[0].type, events[0].actor1.country, events[0].actor2.country) == ("DISAPPROVE", "USA", "SYR")


def test_negated_event_is_marked_and_indirect_talks_are_not_negated():
    (withdrawal,) = events_of("Rusia belum menarik pasukannya dari Suriah.")
    assert withdrawal.type == "RETREAT" and withdrawal.negated
    talks = events_of("Pembicaraan tidak langsung Iran dengan Amerika Serikat berlanjut.")
    assert talks and not any(e.negated for e in talks) and talks[0].type == "CONSULT"
    (english,) = events_of("Russia has not withdrawn its troops from Syria.", "en")
    assert english.negated


def test_modality_planned_and_conditional():
    (planned,) = events_of("Iran akan menandatangani perjanjian dengan Rusia.")
    assert planned.modality == "planned" and not planned.negated
    supposed = "Jika Israel menyerang Iran, harga minyak naik."
    conditional = EventsStage(hypotheticals=True)(make_article(supposed)).events
    assert conditional and conditional[0].modality == "conditional"
    assert not events_of(supposed)  # what a clause only supposes is no fact to count
    (english,) = events_of("Russia will sign an agreement with Iran.", "en")
    assert english.modality == "planned"


def test_both_countries_resolve_to_the_two_main_countries():
    text = ("Iran dan Rusia memperluas hubungan. Iran membeli gandum dari Rusia. Rusia membeli minyak dari Iran. "
            "Kedua negara sepakat memperluas perdagangan.")
    events = [e for e in events_of(text) if "Kedua negara" in e.evidence.text]
    assert events and events[0].type == "AGREE" and dyads(events) == {frozenset({"IRN", "RUS"})}


def test_a_reporter_is_not_a_side_and_becomes_the_source():
    events = events_of("Menurut Kazem Jalali, Rusia tetap menjadi investor asing terbesar Iran.")
    assert events and dyads(events) == {frozenset({"IRN", "RUS"})}
    assert events[0].source == "Kazem Jalali" and events[0].type == "COOPERATE"


def test_media_make_no_event_and_a_single_side_acts_alone():
    assert not events_of("Reuters melaporkan serangan di Suriah.")
    (alone,) = events_of("Rusia menyerang.")  # one side, nobody named to act upon: GDELT's one-sided event
    assert alone.actor1.country == "RUS" and alone.actor2 is None and not alone.mutual


def test_relative_clause_subject_is_not_the_source():
    events = events_of("Amerika Serikat mengancam negara yang berdagang dengan Iran.")
    assert all(e.type != "COOPERATE" for e in events)


def test_restatements_merge_into_one_event():
    text = "Iran mengecam Israel. Iran mengecam Israel."
    events = events_of(text)
    assert len(events) == 1 and events[0].confidence > 0.5


def test_international_body_acts_under_its_cameo_code():
    (event,) = events_of("PBB mengecam Israel.")
    assert event.actor1.code == "IGOUNO" and event.actor1.country is None and event.actor2.country == "ISR"


def test_events_stage_contract_and_registration():
    stage = EventsStage()
    assert {"sentences", "entities", "quotes", "dates", "language"} <= stage.requires and stage.produces == {"events"}
    assert {"events", "tone"} <= set(registered_stages())
    context = build_context(make_article("Iran dan Rusia bertemu."), tone=lambda text: 1.5)
    assert all(e.tone == 1.5 for e in code_article(context))


@pytest.mark.corpus
def test_canonical_article_codes_cooperation_and_not_the_negated_withdrawal():
    path = CORPUS / "eval" / "dev" / "000_4327c008950b0257.txt"
    if not path.exists():
        pytest.skip("shared corpus absent")
    from warta.model import Document
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    pipeline = Pipeline.build(load_settings())
    article = pipeline(Article.from_document(Document(source=str(path), content=path.read_text(), kind="text")))
    facts = [e for e in article.events if not e.negated]
    assert any(e.type == "COOPERATE" and dyads([e]) == {frozenset({"IRN", "RUS"})} for e in facts)
    assert not any(e.type == "RETREAT" for e in facts)
    assert all(article.text[e.evidence.start:e.evidence.end] == e.evidence.text for e in article.events)


@pytest.mark.parametrize("joint", ["joint", "mutual", "apart"])
@pytest.mark.parametrize("flags", [(False, False, False), (True, False, False), (False, True, True), (True, True, True)])
def test_a_sentence_naming_no_side_has_no_pair(joint: str, flags: tuple[bool, bool, bool]) -> None:
    """The coder skips sentences without an actor mention: `pairs_for` finds nobody in them."""
    from warta.events.roles import SentenceActors, pairs_for
    from warta.model import Actor

    relative, verb, passive = flags
    empty = SentenceActors(start=0)
    assert pairs_for(empty, 10, 20, relative=relative, verb=verb, passive=passive, joint=joint, alone=True) == []
    assert pairs_for(empty, 10, 20, joint=joint, possessor=21) == []


_CUE_BITS = ["we", "We", "US", "our", "ours", "kami", "Kita", "both", "countries", "the", "two", "nations", "kedua",
             "negara", "bilateral", "ours’", "we're", "x-we", "used", "us-", " ", "  ", "\n", ",", "“", "”", "'", "’",
             "-", ".", "İ", "K", "5"]


@pytest.mark.parametrize("language", ["en", "id"])
def test_cue_quick_test_never_misses_a_phrase(language: str) -> None:
    """`Cues.may_start` may say "perhaps" wrongly but never "no" where tokens spell a phrase."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.events.cues import cues_for
    cues = cues_for(language)

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(_CUE_BITS), max_size=30).map("".join), st.integers(0, 40), st.integers(0, 40))
    def check(text: str, a: int, b: int) -> None:
        tokens = tokenize(text)
        for kind in ("both", "self"):
            starts = [tokens[i].start for i in cues.starts(kind, tokens)]
            if starts:
                assert cues.may_start(kind, text)
            if any(a <= s < a + b for s in starts):
                assert cues.may_start(kind, text, a, a + b)

    check()
