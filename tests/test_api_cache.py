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


def test_server_processes_share_answers_for_the_same_data_version_only(db, tmp_path, monkeypatch):
    """Two apps with one answers file (the processes of `warta serve --workers 2`): an answer the
    first computed is served by the second without computing it; after a write, neither serves it."""
    from warta.api import cache

    monkeypatch.setattr(cache, "SHARED_CPU", 0.0)  # share every answer, however cheap
    answers = str(tmp_path / "answers.db")
    with open_store(db) as first_store, open_store(db) as second_store:
        calls: list[str] = []
        original = second_store.dyad
        second_store.dyad = lambda *a, **k: calls.append("dyad") or original(*a, **k)
        first_app = create_app(store=first_store, answers=answers)
        with TestClient(first_app) as first, TestClient(create_app(store=second_store, answers=answers)) as second:
            computed = first.get("/api/dyads/IDN/RUS")
            first_app.state.response_cache.shared.drain()  # written in the background
            shared = second.get("/api/dyads/IDN/RUS")
            assert computed.status_code == shared.status_code == 200 and computed.content == shared.content
            assert calls == []  # the second process read the first one's answer
            first_store.ingest(english_article())  # a new data version: the shared answer is stale
            fresh = second.get("/api/dyads/IDN/RUS")
            assert calls == ["dyad"] and fresh.status_code == 200


def test_an_unusable_answers_file_is_a_miss_not_an_error(db, tmp_path, monkeypatch):
    from warta.api import cache

    monkeypatch.setattr(cache, "SHARED_CPU", 0.0)
    folder = tmp_path / "not-a-file.db"
    folder.mkdir()  # sqlite cannot open a folder: every look-up and write fails
    with open_store(db) as store, TestClient(create_app(store=store, answers=str(folder))) as client:
        assert [client.get("/api/dyads/IDN/RUS").status_code for _ in range(2)] == [200, 200]


def test_the_shared_answers_hold_at_most_their_bytes(tmp_path):
    from warta.api.shared import SharedAnswers

    answers = SharedAnswers(str(tmp_path / "answers.db"), max_bytes=64_000)
    for i in range(300):
        answers.put(("/api/search", f"q={i}", 1), b"x" * 900)
    assert answers.get(("/api/search", "q=299", 1)) == b"x" * 900
    assert answers.get(("/api/search", "q=299", 2)) is None  # kept for its version only
    assert answers.get(("/api/search", "q=0", 1)) is None  # the oldest went first
    import sqlite3

    with sqlite3.connect(tmp_path / "answers.db") as conn:
        assert conn.execute("SELECT sum(length(body)) FROM answers").fetchone()[0] <= 64_000


def test_an_answer_another_process_claimed_is_waited_for_not_computed(tmp_path, monkeypatch):
    from warta.api import shared as shared_module
    from warta.api.shared import SharedAnswers

    monkeypatch.setattr(shared_module, "CLAIM_SECONDS", 5.0)
    path = str(tmp_path / "answers.db")
    first, second = SharedAnswers(path), SharedAnswers(path)
    key = ("/api/dyads/IDN/RUS", "", 3)
    assert first.claim(key) and not second.claim(key)  # the first computes it
    threading.Timer(0.2, first.put, (key, b"{}")).start()
    started = time.monotonic()
    assert second.wait(key) == b"{}" and time.monotonic() - started < 4  # came as soon as it was there
    assert second.claim(("/api/dyads/IDN/RUS", "", 4))  # another data version: another answer


def test_a_claim_given_up_or_lapsed_is_taken(tmp_path, monkeypatch):
    from warta.api import shared as shared_module
    from warta.api.shared import SharedAnswers

    path = str(tmp_path / "answers.db")
    first, second = SharedAnswers(path), SharedAnswers(path)
    key = ("/api/stats", "", 1)
    assert first.claim(key)
    first.release(key)  # its computing failed
    assert second.claim(key)
    monkeypatch.setattr(shared_module, "CLAIM_SECONDS", 0.0)  # the claim of a process that died
    time.sleep(0.01)
    assert first.claim(key)
