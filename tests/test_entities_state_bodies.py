"""Government bodies that name their state belong to it, with the body's CAMEO agent code, and are
event sides (issue 15): "Kementerian Luar Negeri Rusia", "Kemlu Israel" (not Indonesia's Kemlu of
the KB), "the Russian Foreign Ministry", "Ministry of Defence of Ukraine".

Sentences written for these tests; they run the default pipeline.
"""
from __future__ import annotations

from functools import cache

import pytest

from warta.entities.bodies import state_body
from warta.kb import load_kb
from warta.model import Article, Document
from warta.pipeline import Pipeline
from warta.settings import load_settings


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings())


def _run(text: str) -> Article:
    return _pipeline()(Article.from_document(Document(source="t.txt", content=f"Test\n\n{text}\n", kind="text")))


@pytest.mark.parametrize(("name", "code", "body"), [
    ("Kementerian Luar Negeri Rusia", "id", ("RUS", "RUSGOV")),
    ("Kemlu Israel", "id", ("ISR", "ISRGOV")),
    ("Angkatan Bersenjata Ukraina", "id", ("UKR", "UKRMIL")),
    ("Parlemen Georgia", "id", ("GEO", "GEOLEG")),
    ("Russian Foreign Ministry", "en", ("RUS", "RUSGOV")),
    ("Ministry of Defence of Ukraine", "en", ("UKR", "UKRGOV")),
    ("Iran's Foreign Ministry", "en", ("IRN", "IRNGOV")),
    ("Turkish Armed Forces", "en", ("TUR", "TURMIL")),
])
def test_a_body_naming_its_country_belongs_to_it(name: str, code: str, body: tuple[str, str]) -> None:
    assert state_body(name, code, load_kb()) == body


@pytest.mark.parametrize(("name", "code"), [
    ("Kementerian Luar Negeri", "id"),  # no country named: left to the KB
    ("Rusia Kementerian", "id"),  # the country where Indonesian does not put it
    ("Ministry of Foreign Affairs", "en"),
    ("Ministry Ukraine", "en"),  # English puts the country before the head or after "of"
    ("Russian Direct Investment Fund", "en"),  # no government-body head word
])
def test_no_country_without_head_and_country_in_place(name: str, code: str) -> None:
    assert state_body(name, code, load_kb()) is None


def _entity(article: Article, text: str):
    return next(e for e in article.entities if any(m.text == text for m in e.mentions))


def test_indonesian_ministry_of_another_country_is_its_government() -> None:
    article = _run("Kementerian Luar Negeri Rusia mengecam serangan Israel ke Iran.")
    body = _entity(article, "Kementerian Luar Negeri Rusia")
    assert (body.type, body.country, body.cameo) == ("ORG", "RUS", "RUSGOV")
    assert any(e.actor1 and e.actor1.code == "RUSGOV" and e.actor2 and e.actor2.code == "ISR" for e in article.events)


def test_a_country_after_a_kb_body_overrides_its_country() -> None:
    article = _run("Kemlu Israel menolak tuduhan itu.")
    body = _entity(article, "Kemlu Israel")
    assert (body.country, body.cameo) == ("ISR", "ISRGOV")
    assert "Indonesia" not in body.name
    assert {e.actor1.code for e in article.events if e.actor1} == {"ISRGOV"}


def test_english_ministry_of_a_country_is_its_government() -> None:
    article = _run("The Russian Foreign Ministry condemned Israel's strike on Iran.")
    body = _entity(article, "Russian Foreign Ministry")
    assert (body.country, body.cameo) == ("RUS", "RUSGOV")
    assert any(e.actor1 and e.actor1.code == "RUSGOV" and e.actor2 and e.actor2.code == "ISR" for e in article.events)


def test_english_ministry_of_after_of() -> None:
    body = _entity(_run("The Ministry of Defence of Ukraine said it shot down twelve drones."), "Ministry of Defence of Ukraine")
    assert (body.country, body.cameo) == ("UKR", "UKRGOV")


def test_a_kb_body_of_its_own_country_keeps_its_link() -> None:
    body = _entity(_run("Kementerian Luar Negeri Indonesia mengecam serangan itu."), "Kementerian Luar Negeri Indonesia")
    assert (body.id, body.cameo) == ("org:ministry-of-foreign-affairs-indonesia", "IDNGOV")


def test_no_other_country_body_inside_the_name() -> None:
    article = _run("Kementerian Pertahanan Amerika Serikat menyerang posisi milisi.")
    assert not any(e.country == "IDN" for e in article.entities)
    assert any(e.actor1 and e.actor1.code == "USAGOV" for e in article.events)
