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
    page = client.get("/api/articles").json()
    rows = page["items"]
    assert [r["language"] for r in rows] == ["en", "id"] and page["total"] == 2 and page["next"] is None
    one = client.get(f"/api/articles/{rows[1]['id']}").json()
    assert one["id"] == rows[1]["id"] and one["events"][0]["type"] == "AGREE"
    assert one["text"][one["quotes"][0]["start"]:one["quotes"][0]["end"]] == one["quotes"][0]["text"]
    assert client.get("/api/articles/nope").status_code == 404
    assert len(client.get("/api/articles", params={"language": "id"}).json()["items"]) == 1


def test_events_filters(client):
    rows = client.get("/api/events", params={"dyad": "IDN-RUS"}).json()["items"]
    assert len(rows) == 6 and all(r["evidence"] for r in rows)
    aid = client.get("/api/events", params={"dyad": "IDN-RUS", "type": "AID"}).json()["items"]
    assert {r["type"] for r in aid} == {"AID"}
    assert len(client.get("/api/events", params={"since": "2025-07-01", "until": "2025-07-31"}).json()["items"]) == 4
    bad = client.get("/api/events", params={"dyad": "Indonesia"})
    assert bad.status_code == 400 and "ISO" in bad.json()["detail"]
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 400
    empty = client.get("/api/events?dyad=IDN-RUS&type=&since=&until=")
    assert empty.status_code == 200 and len(empty.json()["items"]) == 6


def test_errors_are_problem_details_naming_api_parameters(client, monkeypatch):
    """One error shape (RFC 9457) everywhere; messages name the API's parameters, never CLI flags."""
    monkeypatch.setattr("warta.store.embeddings.available", lambda: False)  # as without the extra
    cases = [("/api/events?since=2025-13-45", 400, "since"), ("/api/events?until=2025-02-30", 400, "until"),
             ("/api/events?dyad=IDN-XXX", 400, "dyad"), ("/api/events?type=HUGS", 400, "type"),
             ("/api/events?limit=5000", 400, "limit"), ("/api/events?cursor=nope", 400, "cursor"),
             ("/api/dyads/IDN/XXX", 404, "XXX"), ("/api/actors/nobody-at-all", 404, "nobody"),
             ("/api/articles/nope", 404, "nope"), ("/api/nothing-here", 404, "Not Found"),
             ("/api/search?q=x&semantic=true", 400, "embeddings")]
    for url, status, word in cases:
        r = client.get(url)
        body = r.json()
        assert r.status_code == status and r.headers["content-type"] == "application/problem+json", url
        assert body["status"] == status and body["title"] and word in body["detail"], (url, body)
        assert "--" not in body["detail"], body
    assert client.get("/api/events?since=2024-02-29").status_code == 200  # a leap day is a date
    assert client.get("/api/dyads/IDN/AUS").json()["events_total"] == 1  # a known pair with events
    assert client.get("/api/actors/NZL").status_code == 200  # a country, even without events


def test_pages_have_totals_and_cursors(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    assert first["total"] == 7 and len(first["items"]) == 3 and first["next"]
    seen = [(r["article_id"], r["idx"]) for r in first["items"]]
    cursor = first["next"]
    while cursor:
        page = client.get("/api/events", params={"limit": 3, "cursor": cursor}).json()
        seen += [(r["article_id"], r["idx"]) for r in page["items"]]
        cursor = page["next"]
    assert len(seen) == len(set(seen)) == 7


def test_event_filters_for_the_explorers(client):
    def n(**params):
        return client.get("/api/events", params={"dyad": "IDN-RUS", **params}).json()["total"]

    assert n(quad_class=2) + n(quad_class=1) + n(quad_class=3) + n(quad_class=4) == 6
    assert n(negated="true") + n(negated="false") == 6
    assert n(min_confidence=0) >= n(min_confidence=0.9)
    assert n(modality="asserted") <= 6


def test_dyad_endpoint(client):
    d = client.get("/api/dyads/IDN/RUS").json()
    assert d["events_total"] == 6 and d["goldstein_sum"] == pytest.approx(24.2)
    assert d["by_month"] and d["by_type"] and d["by_context"]
    assert {a["status"] for a in d["amounts"]["items"]} == {"promised", "realised"}
    assert d["amounts"]["complete"] is True and d["amounts"]["totals_over"] == 3  # all the pair's amounts
    assert {q["side"] for q in d["quotes"]} == {"IDN", "RUS"}
    assert client.get("/api/dyads/rus/idn").json()["events_total"] == 6


def test_quotes_search_network_places_actor_stats(client):
    quotes = client.get("/api/quotes", params={"speaker": "Retno"}).json()["items"]
    assert [q["speaker"] for q in quotes] == ["Retno Marsudi"]
    hits = client.get("/api/search", params={"q": "kedaulatan"}).json()
    assert hits["total"] == 1 and hits["items"][0]["language"] == "id" and hits["mode"] == "text"
    assert client.get("/api/network").json()["edges"]
    assert any(p["name"] == "Moscow" and p["lat"] for p in client.get("/api/places").json())
    assert client.get("/api/actors/AUS").json()["partners"][0]["partner"] == "IDN"
    assert client.get("/api/stats").json()["events"] == 7
    assert client.get("/api/entities", params={"type": "PERSON"}).json()["items"]


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
    assert r.headers["content-type"] == "application/problem+json"


def test_writes_keep_the_given_title_and_date(client):
    text = "Menteri Luar Negeri Indonesia bertemu duta besar Jepang di Jakarta untuk membahas perdagangan kedua negara."
    body = {"text": text, "url": "https://example.id/judul", "title": "Judul dari klien",
            "published": "2025-06-20T10:00:00+07:00", "author": "Redaksi", "outlet": "Contoh"}
    r = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    stored = client.get(f"/api/articles/{r.json()['id']}").json()
    assert (stored["title"], stored["published"], stored["author"], stored["sitename"]) == (
        "Judul dari klien", "2025-06-20T10:00:00+07:00", "Redaksi", "Contoh")
    page = "<html><head><title>Judul halaman</title></head><body><p>" + text + "</p></body></html>"
    r = client.post("/api/articles", json={**body, "text": None, "html": page, "url": "https://example.id/h"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert client.get(f"/api/articles/{r.json()['id']}").json()["title"] == "Judul dari klien"
    empty = client.post("/api/articles", json={"text": "   "}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert empty.status_code == 422 and empty.headers["content-type"] == "application/problem+json"
