"""The REST API against a hand-made store: reads, the dyad summary, search, docs without CDN, token writes."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient
from test_store_data import english_article, indonesian_article

from warta.api import create_app
from warta.store import open_store
from warta.store.rows import article_id

TOKEN = "s3cret-token"


@pytest.fixture
def client(tmp_path):
    store = open_store(str(tmp_path / "api.db"))
    store.ingest(indonesian_article())
    store.ingest(english_article())
    with TestClient(create_app(store=store, token=TOKEN)) as c:
        yield c
    store.close()


def test_articles_list_and_detail(client):
    rows = client.get("/api/articles").json()
    assert [r["language"] for r in rows] == ["en", "id"]
    one = client.get(f"/api/articles/{rows[1]['id']}").json()
    assert one["id"] == rows[1]["id"] and one["events"][0]["type"] == "AGREE"
    assert one["text"][one["quotes"][0]["start"]:one["quotes"][0]["end"]] == one["quotes"][0]["text"]
    assert client.get("/api/articles/nope").status_code == 404
    assert len(client.get("/api/articles", params={"language": "id"}).json()) == 1


def test_events_filters(client):
    rows = client.get("/api/events", params={"dyad": "IDN-RUS"}).json()
    assert len(rows) == 6 and all(r["evidence"] for r in rows)
    assert {r["type"] for r in client.get("/api/events", params={"dyad": "IDN-RUS", "type": "AID"}).json()} == {"AID"}
    assert len(client.get("/api/events", params={"since": "2025-07-01", "until": "2025-07-31"}).json()) == 4
    bad = client.get("/api/events", params={"dyad": "Indonesia"})
    assert bad.status_code == 400 and "ISO" in bad.json()["detail"]
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 400
    empty = client.get("/api/events?dyad=IDN-RUS&type=&since=&until=")
    assert empty.status_code == 200 and len(empty.json()) == 6


def test_dyad_endpoint(client):
    d = client.get("/api/dyads/IDN/RUS").json()
    assert d["events_total"] == 6 and d["goldstein_sum"] == pytest.approx(24.2)
    assert d["by_month"] and d["by_type"] and d["by_context"]
    assert {a["status"] for a in d["amounts"]["items"]} == {"promised", "realised"}
    assert {q["side"] for q in d["quotes"]} == {"IDN", "RUS"}
    assert client.get("/api/dyads/rus/idn").json()["events_total"] == 6


def test_quotes_search_network_places_actor_stats(client):
    assert [q["speaker"] for q in client.get("/api/quotes", params={"speaker": "Retno"}).json()] == ["Retno Marsudi"]
    hits = client.get("/api/search", params={"q": "kedaulatan"}).json()
    assert len(hits) == 1 and hits[0]["language"] == "id"
    assert client.get("/api/network").json()["edges"]
    assert any(p["name"] == "Moscow" and p["lat"] for p in client.get("/api/places").json())
    assert client.get("/api/actors/AUS").json()["partners"][0]["partner"] == "IDN"
    assert client.get("/api/stats").json()["events"] == 7
    assert client.get("/api/entities", params={"type": "PERSON"}).json()


def test_openapi_and_docs_are_served_locally(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/dyads/{a}/{b}",
                 "/api/quotes", "/api/search"):
        assert path in schema["paths"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_writes_need_the_token(client):
    body = {"article": english_article(url="https://example.com/other").to_dict()}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201 and ok.json()["status"] == "added"
    again = client.post("/api/articles", json=body, headers={"X-API-Token": TOKEN})
    assert again.json() == {"id": article_id(english_article(url="https://example.com/other")), "status": "unchanged"}


def test_writes_run_the_pipeline_on_text(client):
    text = "Menteri Luar Negeri Indonesia bertemu duta besar Jepang di Jakarta untuk membahas perdagangan kedua negara."
    r = client.post("/api/articles", json={"text": text, "url": "https://example.id/jepang"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert client.get(f"/api/articles/{r.json()['id']}").json()["language"] == "id"


def test_writes_are_disabled_without_a_server_token(tmp_path):
    with TestClient(create_app(db=str(tmp_path / "x.db"))) as c:
        r = c.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]
