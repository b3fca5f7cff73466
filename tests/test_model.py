"""The article model: JSON round trips of every annotation type, and immutability."""
from __future__ import annotations

import dataclasses
import json

import pytest

from warta.model import (
    SCHEMA_VERSION,
    Actor,
    Amount,
    Article,
    DateMention,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    Quote,
    Span,
    Tone,
)

TEXT = "Menlu Sugiono bertemu Sergey Lavrov di Moskwa. “Kami sepakat,” kata Sugiono. Nilainya US$1,1 miliar."
TITLE = "Menlu Bawa 80 Pejabat ke Moskwa"


def full_article() -> Article:
    """An article holding one of every annotation type, with offsets into TEXT."""
    sugiono = Entity(id="e1", name="Sugiono", type="PERSON", mentions=(Mention(6, 13, "Sugiono", "ner"),),
                     iso3="IDN", country="IDN", wikidata="Q123", geonames=None, cameo="IDNGOV", role="foreign minister",
                     producer="ner")
    moscow = Entity(id="e2", name="Moscow", type="CITY", mentions=(Mention(39, 45, "Moskwa", "ner"),),
                    iso3="RUS", geonames=524901, producer="gazetteer")
    evidence = Evidence(text=TEXT[:46], start=0, end=46, trigger="bertemu")
    event = Event(type="CONSULT", cameo="040", actor1=Actor("Sugiono", "IDN", "IDNGOV", "e1"), actor2=Actor("Sergey Lavrov", "RUS"),
                  evidence=evidence, goldstein=1.0, quad_class=1, mode="meet", context=("diplomacy", "bilateral"),
                  negated=False, modality="asserted", source="Antara", date="2025-06-12", location="e2",
                  confidence=0.8, tone=2.5, producer="events")
    return Article(
        source="berita.txt", text=TEXT, url="https://example.org/1", title=TITLE, author="Ani",
        published="2025-06-12", sitename="Kabar", language="id",
        paragraphs=(Span(0, len(TEXT), "id"),), sentences=(Span(0, 46, "id"), Span(47, 76, "id"), Span(77, len(TEXT), "id")),
        tokens=(Span(0, 5), Span(6, 13)), entities=(sugiono, moscow),
        quotes=(Quote(text="Kami sepakat,", start=48, end=61, speaker={"name": "Sugiono", "entity": "e1"}, direct=True,
                      cue="kata", producer="quotes"), Quote(text="x", start=0, end=1, speaker=None, direct=False)),
        amounts=(Amount(text="US$1,1 miliar", start=86, end=99, value=1.1e9, unit="USD", approximate=False,
                        value_max=None, refers_to="Nilainya", counted=None, producer="amounts"),
                 Amount(text="80 Pejabat", start=11, end=21, value=80.0, unit="count", counted="pejabat",
                        producer="amounts", in_title=True)),
        dates=(DateMention(text="Kamis", start=0, end=5, value="2025-06-12", granularity="day", relative=True, producer="dates"),),
        events=(event, dataclasses.replace(event, actor2=None, context=())),
        tone=Tone(score=-1.5, positive=2.0, negative=3.5, producer="tone"),
        raw_offsets=((0, 0), (47, 60)),
        raw=Document(source="berita.txt", content="...", kind="text"),
    )


def test_to_dict_from_dict_round_trip() -> None:
    article = full_article()
    data = article.to_dict()
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
    assert Article.from_dict(data) == article
    back = Article.from_dict(data)
    assert isinstance(back.entities[0].mentions[0], Mention) and isinstance(back.events[0].actor1, Actor)
    assert isinstance(back.events[0].evidence, Evidence) and isinstance(back.tone, Tone)
    assert back.events[0].context == ("diplomacy", "bilateral") and isinstance(back.paragraphs, tuple)


def test_to_json_from_json_round_trip_with_tokens() -> None:
    article = full_article()
    line = article.to_json(tokens=True)
    assert "\n" not in line
    data = json.loads(line)
    assert data["schema_version"] == SCHEMA_VERSION and "raw" not in data
    back = Article.from_json(line)
    assert back == article
    assert back.raw_offsets == ((0, 0), (47, 60)) and all(isinstance(p, tuple) for p in back.raw_offsets)
    assert back.quotes[0].speaker == {"name": "Sugiono", "entity": "e1"}
    assert back.amounts[0].value == 1.1e9 and back.entities[1].geonames == 524901
    assert [a.in_title for a in back.amounts] == [False, True]


def test_an_amount_without_in_title_was_read_from_the_body() -> None:
    """JSON written before `in_title` existed reads back as amounts of the body."""
    data = json.loads(full_article().to_json())
    for amount in data["amounts"]:
        del amount["in_title"]
    assert [a.in_title for a in Article.from_dict(data).amounts] == [False, False]


def test_to_json_leaves_tokens_out_by_default() -> None:
    article = full_article()
    data = json.loads(article.to_json())
    assert "tokens" not in data
    assert Article.from_json(article.to_json()) == article.replace(tokens=())


def test_to_json_keeps_non_ascii_text() -> None:
    assert "“Kami sepakat,”" in full_article().to_json()


def test_from_dict_ignores_unknown_keys_and_fills_defaults() -> None:
    article = Article.from_dict({"source": "a", "text": "Isi.", "future_field": [1, 2]})
    assert article == Article(source="a", text="Isi.")
    assert article.entities == () and article.tone is None


def test_span_text() -> None:
    article = full_article()
    assert article.span_text(article.sentences[1]) == "“Kami sepakat,” kata Sugiono."
    assert article.span_text(article.entities[1].mentions[0]) == "Moskwa"
    assert article.span_text(article.amounts[0]) == "US$1,1 miliar"
    assert article.span_text(article.amounts[1]) == "80 Pejabat" == TITLE[11:21]  # in the title


def test_records_are_frozen() -> None:
    article = full_article()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "lain"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.entities[0].name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Span(0, 1).start = 2  # type: ignore[misc]
    assert isinstance(article.paragraphs, tuple)


def test_replace_returns_a_new_article() -> None:
    article = full_article()
    changed = article.replace(language="en")
    assert changed.language == "en" and article.language == "id" and changed is not article


def test_raw_document_is_not_compared_or_serialised() -> None:
    article = full_article()
    assert article.replace(raw=None) == article
    assert "raw" not in json.loads(article.to_json())


def test_from_document_copies_metadata() -> None:
    document = Document(source="s", content="teks", kind="text", url="u", title="t", published="2025-01-01", author="a")
    article = Article.from_document(document)
    assert (article.source, article.url, article.title, article.published, article.author) == ("s", "u", "t", "2025-01-01", "a")
    assert article.raw is document and article.text == ""
