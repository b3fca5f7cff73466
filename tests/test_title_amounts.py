"""Figures in the headline that the body does not repeat: found by the amount finder in both
languages (title case and capitals included), marked `in_title` with offsets into the title,
dropped when the body states the same figure; stored, served and exported on both backends."""
from __future__ import annotations

import json
import sqlite3

import pytest
from old_schema import older_store
from test_store_conformance import store  # noqa: F401 (the fixture)
from test_store_data import english_article

from warta.amounts import AmountStage
from warta.model import Amount, Article, Span
from warta.store import Filters, open_store
from warta.store.gdelt import gkg_record
from warta.store.rows import article_id
from warta.summary import summary


def _amounts(title: str, text: str, language: str) -> list[tuple[bool, str, float, str, str | None]]:
    article = Article(source="t", title=title, text=text, language=language, published="2025-06-10",
                      paragraphs=(Span(0, len(text), language),))
    found = AmountStage()(article).amounts
    for a in found:
        assert (title if a.in_title else text)[a.start:a.end] == a.text
    return [(a.in_title, a.text, a.value, a.unit, a.counted) for a in found]


@pytest.mark.parametrize("title, expected", [
    ("Indonesia Sends 1,200 Peacekeepers to Lebanon", [(True, "1,200 Peacekeepers", 1200.0, "count", "peacekeepers")]),
    ("Japan pledges $2.5bn for Jakarta flood defences", [(True, "$2.5bn", 2.5e9, "USD", None)]),
    ("INDONESIAN EXPORTS JUMP 12 PERCENT", [(True, "12 PERCENT", 12.0, "percent", None)]),
    ("Two Journalists Killed In Gaza Strike", [(True, "Two Journalists", 2.0, "count", "journalists")]),
    # title case counted without its connectors ("of", "the": lowercase in title case too)
    ("Floods in the Heart of Java Hit 300 Villages on the Coast", [(True, "300 Villages", 300.0, "count", "villages")]),
    # dates and durations are no amounts, in the headline as in the body
    ("Talks Resume On June 12, 2025", []),
    ("Prabowo Meets Putin For 3 Hours", []),
])
def test_english_headlines(title, expected) -> None:
    assert _amounts(title, "The ministers met on Tuesday.", "en") == expected


@pytest.mark.parametrize("title, expected", [
    ("Korea Utara Kirim 5.000 Tentara ke Rusia", [(True, "5.000 Tentara", 5000.0, "count", "tentara")]),
    ("Ekspor Nikel Naik 12,5 Persen", [(True, "12,5 Persen", 12.5, "percent", None)]),
    ("Rusia Pasok 2 Juta Ton Gandum ke Indonesia", [(True, "2 Juta Ton", 2e6, "tonne", None)]),
    ("Harga Emas Naik pada 12 Juni 2025", []),
    ("Prabowo Bertemu Putin Selama 2 Jam", []),
])
def test_indonesian_headlines(title, expected) -> None:
    assert _amounts(title, "Menteri bertemu pada hari Selasa.", "id") == expected


@pytest.mark.parametrize("title, text, language", [
    ("Japan pledges $2.5bn for Jakarta flood defences", "Tokyo announced $2.5 billion in loans.", "en"),
    ("Pemerintah Siapkan Rp 3 Triliun untuk Bansos", "Anggaran Rp3 triliun sudah disiapkan.", "id"),
    ("Korea Utara Kirim 5.000 Tentara ke Rusia", "Sebanyak 5.000 personel dikirim ke Kursk.", "id"),
])
def test_the_body_stating_the_figure_wins(title, text, language) -> None:
    found = _amounts(title, text, language)
    assert len(found) == 1 and found[0][0] is False  # one record, the body's, with its sentence


def test_a_headline_figure_is_kept_once() -> None:
    found = _amounts("Jakarta Pledges $5 Million, Then Another $5 Million", "Nothing else.", "en")
    assert [(t, v, u) for t, _, v, u, _ in found] == [(True, 5e6, "USD")]


def test_no_title_no_headline_amounts() -> None:
    assert _amounts("", "Japan pledged $2 billion.", "en") == [(False, "$2 billion", 2e9, "USD", None)]


# -- reading it: the text summary, the GKG export ------------------------------------------------

HEADLINE = "Moscow Pledges $400 Million to Jakarta Railway"


def headline_article() -> Article:
    """The English test article with a figure only its headline states."""
    article = english_article()
    start = HEADLINE.index("$400")
    extra = Amount(text="$400 Million", start=start, end=start + 12, value=4e8, unit="USD", in_title=True)
    return article.replace(title=HEADLINE, amounts=(*article.amounts, extra))


def test_the_summary_quotes_the_headline() -> None:
    lines = summary(headline_article()).splitlines()
    line = next(x for x in lines if "“$400 Million”" in x)
    assert f"in the headline “{HEADLINE}”" in line and line.endswith("@title:15")


def test_gkg_places_a_headline_figure_at_the_document_start() -> None:
    amounts = gkg_record(headline_article(), "a1")[9].split(";")
    assert amounts[-1] == "4e+08,USD,0" and all(a.split(",")[2] != "0" for a in amounts[:-1])


# -- storing and serving it ------------------------------------------------------------------------

def test_the_flag_is_stored_and_read_back(store) -> None:  # noqa: F811 (the fixture)
    article = headline_article()
    store.ingest(article)
    assert store.article(article_id(article)).to_json() == article.to_json()
    rows = {r["text"]: r for r in store.amounts(Filters())}
    assert {t: r["in_title"] for t, r in rows.items()} == {"$2 billion": False, "$300 million": False,
                                                           "$400 Million": True}
    assert rows["$400 Million"]["status"] == "promised"  # "Pledges": the headline is its clause
    totals = store.dyad("IDN", "RUS")["amounts"]["totals"]
    assert {(t["status"], t["value"]) for t in totals} == {("promised", 2.4e9), ("realised", 3e8)}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_store_before_the_flag_keeps_its_amounts(backend, tmp_path, monkeypatch) -> None:
    from warta.store import migrations

    with older_store(backend, migrations.TITLE_VERSION, tmp_path, monkeypatch) as (where, latest):
        old = open_store(where)
        old.ingest(english_article())  # written without the column
        before = old.amounts(Filters())
        old.close()
        latest()
        new = open_store(where)
        assert new.schema_version() == migrations.LATEST
        after = new.amounts(Filters())
        assert after == [{**r, "in_title": False} for r in before]  # nothing lost, read as the body's
        new.ingest(headline_article())  # the updated article replaces its records, with the flag
        assert sorted(r["in_title"] for r in new.amounts(Filters())) == [False, False, True]
        new.close()


def test_the_api_serves_the_flag(tmp_path) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from warta.api import create_app

    db = open_store(str(tmp_path / "api.db"))
    db.ingest(headline_article())
    old = english_article(source="test/old.html", url="https://example.com/old")
    db.ingest(old)
    stored = json.loads(db.article_json(article_id(old)))  # as a warta before `in_title` wrote it
    for amount in stored["amounts"]:
        del amount["in_title"]
    with sqlite3.connect(tmp_path / "api.db") as conn:
        conn.execute("UPDATE articles SET json = ? WHERE id = ?", (json.dumps(stored), article_id(old)))
    with TestClient(create_app(store=db)) as client:
        rows = client.get("/api/amounts", params={"limit": 10}).json()["items"]
        assert sorted((r["text"], r["in_title"]) for r in rows if r["article_id"] == article_id(headline_article())) == [
            ("$2 billion", False), ("$300 million", False), ("$400 Million", True)]
        detail = client.get(f"/api/articles/{article_id(headline_article())}").json()
        assert [a["in_title"] for a in detail["amounts"]] == [False, False, True]
        assert detail["title"][detail["amounts"][2]["start"]:detail["amounts"][2]["end"]] == "$400 Million"
        older = client.get(f"/api/articles/{article_id(old)}").json()
        assert [a["in_title"] for a in older["amounts"]] == [False, False]
    db.close()
