"""The read endpoints' direct path (api/direct.py): every read it takes answers exactly what
FastAPI's own routing answers — body, status and headers — and anything wrong goes to FastAPI."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient
from test_store_data import english_article, indonesian_article

from warta.api import create_app
from warta.api import direct as direct_module
from warta.store import open_store
from warta.store.rows import article_id

READS = ["/api/stats", "/api/articles?limit=1", "/api/articles?language=id&limit=1&offset=0",
         "/api/events?dyad=IDN-RUS&limit=3&offset=1", "/api/events?dyad=IDN-RUS&type=AID&negated=false",
         "/api/events?dyad=IDN-RUS&type=&since=&until=", "/api/events?limit=2&limit=3",
         "/api/dyads/IDN/RUS?limit=5", "/api/dyads/rus/idn", "/api/actors/IDN", "/api/actors/IDN?limit=2",
         "/api/quotes?dyad=IDN-RUS", "/api/amounts?unit=USD", "/api/entities?type=PERSON", "/api/network",
         "/api/countries", "/api/places", "/api/search?q=kerja+sama&limit=5", "/api/search?q=%22kerja%22",
         "/api/search?q=x&semantic=true", "/api/events?since=2025-13-45", "/api/events?limit=5000",
         "/api/events?cursor=nope", "/api/dyads/IDN/XXX", "/api/actors/nobody-at-all", "/api/articles/nope",
         "/api/search", "/api/search?q=a&limit=0", "/api/events?quad_class=x", "/api/nothing-here", "/api/events/"]


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "direct.db")) as s:
        s.ingest(indonesian_article())
        s.ingest(english_article())
        yield s


def _answers(store, paths, *, direct: bool):
    app = create_app(store=store)
    if not direct:
        app.state.direct_routes = []
    with TestClient(app) as client:
        return [client.get(p, follow_redirects=False) for p in paths]


def test_the_direct_path_answers_what_fastapi_answers(store):
    paths = [*READS, f"/api/articles/{article_id(indonesian_article())}"]
    for path, ours, theirs in zip(paths, _answers(store, paths, direct=True), _answers(store, paths, direct=False)):
        assert (ours.status_code, ours.content) == (theirs.status_code, theirs.content), path
        assert dict(ours.headers) == dict(theirs.headers), path


def test_plain_reads_are_taken_directly_and_wrong_ones_are_not(store, monkeypatch):
    taken: list[str] = []
    original = direct_module.DirectRoute.values

    def values(self, groups, query_string):
        found = original(self, groups, query_string)
        taken.append("yes" if found is not None else "no")
        return found

    monkeypatch.setattr(direct_module.DirectRoute, "values", values)
    answers = _answers(store, ["/api/events?dyad=IDN-RUS&limit=3", "/api/events?limit=5000", "/api/search"],
                       direct=True)
    assert [a.status_code for a in answers] == [200, 400, 400]
    assert taken == ["yes", "no", "no"]


def test_only_cached_reads_with_plain_parameters_are_direct(store):
    app = create_app(store=store)
    patterns = {route.pattern.pattern for route in app.state.direct_routes}
    assert "^/api/dyads/(?P<a>[^/]+)/(?P<b>[^/]+)$" in patterns and "^/api/search$" in patterns
    assert not any("extract" in p for p in patterns)  # writes stay with FastAPI (and its token guard)
