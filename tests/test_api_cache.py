"""The read endpoints' response cache: a repeated answer is the same answer (headers included),
any write to the store (through the API, or by another connection or process) is seen by the next
request, concurrent identical requests compute once, and the article fast path gives exactly what
rebuilding the Article gives."""
from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")
from fastapi.testclient import TestClient
from test_store_data import english_article, indonesian_article

from warta.api import create_app
from warta.api.read import _current_json
from warta.model import Article
from warta.store import open_store
from warta.store.rows import article_id

TOKEN = "cache-test-token"


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cache.db")
    with open_store(path) as store:
        store.ingest(indonesian_article())
    return path


def test_a_cached_answer_is_the_same_answer_with_the_same_headers(db):
    with open_store(db) as store, TestClient(create_app(store=store)) as client:
        first, second = (client.get("/api/dyads/IDN/RUS", params={"limit": 5}) for _ in range(2))
    assert first.status_code == second.status_code == 200 and first.content == second.content
    for name in ("content-type", "content-length", "content-security-policy", "x-content-type-options"):
        assert first.headers[name] == second.headers[name], name


def test_writes_by_another_connection_and_through_the_api_are_seen_at_once(db):
    with open_store(db) as store, TestClient(create_app(store=store, token=TOKEN)) as client:
        assert client.get("/api/stats").json()["articles"] == 1
        with open_store(db) as other:  # another connection, as `warta ingest` in another process
            other.ingest(english_article())
        assert client.get("/api/stats").json()["articles"] == 2
        body = {"article": json.loads(english_article(url="https://example.com/third").to_json())}
        assert client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 201
        assert client.get("/api/stats").json()["articles"] == 3
        updated = indonesian_article(title="Judul baru")
        store.ingest(updated)
        assert client.get(f"/api/articles/{article_id(updated)}").json()["title"] == "Judul baru"


def test_concurrent_identical_requests_compute_once(db):
    with open_store(db) as store:
        calls, original = [], store.dyad

        def slow_dyad(*args, **kwargs):
            calls.append(threading.get_ident())
            time.sleep(0.2)  # long enough for every request to arrive while the first computes
            return original(*args, **kwargs)

        store.dyad = slow_dyad
        app = create_app(store=store)

        async def ask() -> list[bytes]:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                answers = await asyncio.gather(*(client.get("/api/dyads/IDN/RUS") for _ in range(10)))
            return [a.content for a in answers]

        bodies = asyncio.run(ask())
    assert len(calls) == 1 and len(set(bodies)) == 1


def test_the_article_fast_path_gives_what_rebuilding_the_article_gives():
    for article in (indonesian_article(), english_article()):
        rebuilt = Article.from_json(article.to_json()).to_dict()
        del rebuilt["raw"], rebuilt["tokens"], rebuilt["syntax"]  # syntax is never stored
        assert _current_json(article.to_json()) == rebuilt
    assert _current_json(json.dumps({"source": "x", "schema_version": "0.9"})) is None  # older: rebuilt instead


def test_amounts_stored_before_in_title_take_the_fast_path_with_what_rebuilding_gives():
    article = indonesian_article()
    assert article.amounts
    stored = json.loads(article.to_json())
    for amount in stored["amounts"]:
        del amount["in_title"]  # as a store written before `in_title` (schema 8) holds it
    rebuilt = Article.from_json(json.dumps(stored)).to_dict()
    del rebuilt["raw"], rebuilt["tokens"], rebuilt["syntax"]
    fast = _current_json(json.dumps(stored))
    assert fast == rebuilt and all(a["in_title"] is False for a in fast["amounts"])
