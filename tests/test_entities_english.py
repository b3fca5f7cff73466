"""The English CRF tagger distilled from spaCy (entities/english_crf.py, tools/warta_build/entities_en.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.entities.english_crf import MODEL_FILE, name_runs
from warta.errors import ConfigError
from warta.model import Document
from warta.pipeline import Pipeline
from warta.settings import load_settings

MODELS = Path(__file__).resolve().parents[1] / "src" / "warta" / "models"


def entities(text: str, **settings: str) -> dict[str, str]:
    pipeline = Pipeline.build(load_settings({"stages": "read,language,segment,entities", **settings}))
    article = pipeline.run(Document(source="t", content=text, kind="text", title="A headline for the test")).article
    assert article is not None and article.language == "en"
    return {e.name: e.type for e in article.entities}


def test_runs_are_capitalised_words_joined_by_few_joiners() -> None:
    words = ["He", "met", "the", "Bank", "of", "America", "chief", "and", "Osama", "bin", "Laden", "near", "Deir", "ez", "-", "Zor", "today", "."]
    runs = [" ".join(words[i:j]) for i, j in name_runs(words)]
    assert runs == ["He", "Bank of America", "Osama bin Laden", "Deir ez - Zor"]
    assert name_runs(["no", "capitals", "at", "all", "here"]) == []
    # A joiner needs a capitalised word after it, and at most two joiners in a row are crossed.
    other = ["Paris", "and", "the", "of", "the", "Rome"]
    assert [" ".join(other[i:j]) for i, j in name_runs(other)] == ["Paris", "Rome"]


def test_unknown_names_are_found_and_typed() -> None:
    # Names the knowledge base does not hold: only the tagger can find them.
    found = entities("Jennifer Mirabal, a spokeswoman for Harwick Holdings, said the company would appeal. "
                     "Dr. Keisha Olawale told reporters at Fairview Hospital that the Ohio Department of Health "
                     "had been informed.")
    assert found["Jennifer Mirabal"] == "PERSON" and found["Keisha Olawale"] == "PERSON"
    assert found["Harwick Holdings"] == "ORG" and found["Ohio Department of Health"] == "ORG"
    assert found["Fairview Hospital"] in {"ORG", "PLACE"}
    assert "Dr" not in found and "The" not in found


def test_peoples_adjectives_name_their_country() -> None:
    found = entities("Georgian demonstrators received weapons from the government. Syrian rebels engaged "
                     "peacekeepers in a firefight.")
    assert found.get("Georgia") == "PLACE" and found.get("Syria") == "PLACE"


def test_english_tagger_setting_is_checked_and_spacy_stays_available() -> None:
    with pytest.raises(ConfigError, match="english_tagger"):
        load_settings({"english_tagger": "bert"})
    pytest.importorskip("spacy")
    found = entities("Jennifer Mirabal, a spokeswoman for Harwick Holdings, said the company would appeal.",
                     english_tagger="spacy")
    assert found["Jennifer Mirabal"] == "PERSON"


def test_missing_model_falls_back_to_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("spacy")
    from warta.entities import english_crf, taggers
    from warta.model import Article

    monkeypatch.setattr(english_crf, "load_english_tagger", lambda: None)
    article = Pipeline.build(load_settings({"stages": "read,language,segment"})).run(
        Document(source="t", content="Jennifer Mirabal spoke for Harwick Holdings in Toledo on Monday.", kind="text",
                 title="A headline for the test")).article
    assert isinstance(article, Article)
    from warta.kb import load_kb

    assert {c.source for c in taggers.tag_article(article, kb=load_kb())} == {"spacy"}


def test_model_ships_small_with_its_card_and_word_lists() -> None:
    model = MODELS / MODEL_FILE
    assert model.is_file() and model.stat().st_size < 5_000_000
    card = (MODELS / "MODEL_CARD_EN.md").read_text(encoding="utf-8")
    for needed in ("en_core_web_sm", "MIT", "PolNeAR", "warta train entities-en", "agreement"):
        assert needed in card
    lang = MODELS.parent / "lang" / "en"
    assert (lang / "entities_case_common.txt").stat().st_size > 10_000
    assert (lang / "entities_case_names.txt").stat().st_size > 5_000


def test_agreement_with_spacy_on_held_out_news(corpus: Path) -> None:
    """The shipped model against its teacher on PolNeAR articles it never saw (floor may only rise)."""
    pytest.importorskip("spacy")
    from warta.commands.train import build_module

    tool = build_module("entities_en")
    agreement, scoring_documents, teacher_sentences = tool.agreement, tool.scoring_documents, tool.teacher_sentences

    documents = [d for _, d in zip(range(40), scoring_documents(corpus))]
    scores = agreement(MODELS / MODEL_FILE, teacher_sentences(documents))
    assert scores["f1"] >= 0.78, scores


def test_a_title_split_by_the_tagger_is_cut_from_the_name() -> None:
    # The tagger may read "Secretary of [State Albright]": the title's end is not part of a body's name.
    found = entities("Secretary of State Hallworth criticized the plan on Monday. "
                     "The State Department said nothing.")
    assert found.get("Hallworth") == "PERSON"
    assert "State Hallworth" not in found
    assert found.get("State Department", "ORG") == "ORG"


def test_a_lone_surname_the_kb_knows_is_a_person_before_a_verb() -> None:
    # "Arafat" alone, which the tagger leaves, is a surname of the knowledge base (Phoenix actors)
    # before an event verb; an ordinary capitalised word before a verb is not a person.
    found = entities("The talks ended on Sunday. Arafat condemned the attack on Monday. "
                     "Her aides rejected the plan.")
    assert found.get("Arafat") == "PERSON"
    assert "Her" not in found
