"""The API's safety: it listens on loopback by default, writes need the token, every response
carries the security headers, and no query or path parameter can inject SQL or FTS syntax, crash
the server (500), return rows it should not or change the store. The injection tests run on
SQLite and, when WARTA_TEST_POSTGRES_URL is set, on PostgreSQL."""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient
from test_store_conformance import _fresh_postgres, _postgres_url
from test_store_data import english_article, indonesian_article

from warta.api import create_app
from warta.store import open_store
from warta.store.rows import article_id
from warta.store.stem import words

TOKEN = "k3y-Of-The-Day"
ARTICLES = (indonesian_article(), english_article(), english_article(url="https://example.com/third", title="Third"))

# Payloads that appear nowhere in the stored articles, so every filter given one must match nothing.
PAYLOADS = ["' OR 1=1 --", "' OR '1'='1", "1; DROP TABLE articles", "'; DELETE FROM events; --", '" OR ""="',
            "a' UNION SELECT id, json FROM articles --", "1) OR (1=1", "$9", "?", "%s", '"unterminated', "NEAR(",
            "NEAR(a b", "*", "title:x", "{title body}: zz", "^zz", "()", "%", "_", "%%", "\\", "\\%", "'",
            "x" * 6_000, "zq " * 1500,  # longer URLs get 414 (setting api_max_url_bytes)
            "\u202eevil\ufeff", "ÿ💥"]

LISTS = {  # endpoint → its free-text parameters
    "/api/articles": ["q", "actor"],
    "/api/events": ["actor", "context", "q", "article"],
    "/api/quotes": ["speaker", "q", "article"],
    "/api/amounts": ["unit", "q"],
    "/api/entities": ["type", "q"],
}
VALIDATED = {  # parameters that only take a fixed shape: a payload is a 400 or 422, never a query
    ("/api/articles", "language"), ("/api/events", "type"), ("/api/events", "language"), ("/api/quotes", "language"),
    ("/api/entities", "language"), ("/api/events", "cursor"), ("/api/events", "quad_class"),
    ("/api/events", "min_confidence"), ("/api/articles", "dyad"), ("/api/events", "since"), ("/api/events", "until"), ("/api/quotes", "dyad"),
    ("/api/amounts", "dyad"), ("/api/events", "limit"), ("/api/events", "offset"), ("/api/search", "limit"),
    ("/api/network", "limit"), ("/api/dyads/IDN/RUS", "since"), ("/api/dyads/IDN/RUS", "limit"),
    ("/api/actors/IDN", "limit"), ("/api/search", "semantic"),
}


@contextmanager
def filled_store(backend: str, folder: Path) -> Iterator:
    """A new store of `backend` holding ARTICLES (a database of its own on PostgreSQL)."""
    if backend == "sqlite":
        s = open_store(str(folder / "sec.db"))
    else:
        import psycopg

        base = _postgres_url()
        url, name = _fresh_postgres(base)
        s = open_store(url)
    for article in ARTICLES:
        s.ingest(article)
    try:
        yield s
    finally:
        s.close()
        if backend == "postgres":
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE {name}")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def store(request, tmp_path_factory):
    """A store of each backend holding ARTICLES, shared by the read-only tests."""
    with filled_store(request.param, tmp_path_factory.mktemp("sec")) as s:
        yield s


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store=store, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def counts(store) -> dict[str, int]:
    """What the store holds before any attack."""
    stats = store.stats()
    return {t: stats[t] for t in ("articles", "events", "quotes", "amounts", "entities")}


def intact(store, counts: dict[str, int]) -> None:
    """Every table still holds what it held, and every article still reads back."""
    stats = store.stats()
    assert {t: stats[t] for t in counts} == counts
    assert all(store.article(article_id(a)) is not None for a in ARTICLES)


def nowhere_in_data(payload: str) -> bool:
    """The payload (and, for search, its words taken together) occurs in no stored article."""
    texts = [" ".join([a.title or "", a.text, *(e.name for e in a.entities)]).lower() for a in ARTICLES]
    wanted = set(words(payload))
    return all(payload.lower() not in t and not (wanted and wanted <= set(words(t))) for t in texts)


def test_payloads_really_are_absent_from_the_data() -> None:
    assert all(nowhere_in_data(p) for p in PAYLOADS)


@pytest.mark.parametrize(("path", "param"), [(p, q) for p, qs in LISTS.items() for q in qs])
def test_text_parameters_match_payloads_literally(client, store, counts, path: str, param: str) -> None:
    for payload in PAYLOADS:
        r = client.get(path, params={param: payload})
        if r.status_code == 400 and len(payload) > 100:  # longer than the parameter may be
            continue
        assert r.status_code == 200, (payload[:40], r.status_code, r.text[:200])
        assert r.json()["items"] == [], f"{path}?{param}={payload[:40]!r} returned rows"
    intact(store, counts)


@pytest.mark.parametrize(("path", "param"), sorted(VALIDATED))
def test_shaped_parameters_refuse_payloads(client, store, counts, path: str, param: str) -> None:
    for payload in [*PAYLOADS, "-1", "99999999999999999999999", "1e9", "IDN-RUS' --", "2025-01-01' OR '1'='1"]:
        params = {param: payload, **({"q": "x"} if path == "/api/search" else {})}
        r = client.get(path, params=params)
        assert r.status_code in (400, 422), (payload[:40], r.status_code, r.text[:200])
    intact(store, counts)


def test_huge_limit_and_offset_are_client_errors(client) -> None:
    for param in ("limit", "offset"):
        r = client.get("/api/articles", params={param: str(2**64)})
        assert r.status_code in (400, 422), r.text


def matches_a_word(hit: dict, payload: str) -> bool:
    """Does the hit's article hold a word of the query? (PostgreSQL's web search reads OR as "or
    else", SQLite's as a word to find: either way no hit may be unrelated to the query.)"""
    article = next(a for a in ARTICLES if article_id(a) == hit["id"])
    held = set(words(f"{article.title} {article.text}"))
    prefixes = tuple(w for w in words(" ".join(t[:-1] for t in payload.split() if t.endswith("*"))))  # ekspor*
    return bool(set(words(payload)) & held) or any(w.startswith(prefixes) for w in held if prefixes)


def test_search_treats_any_text_as_words(client, store, counts) -> None:
    for payload in PAYLOADS:
        r = client.get("/api/search", params={"q": payload})
        if r.status_code == 400 and len(payload) > 100:  # longer than a query may be
            continue
        assert r.status_code == 200, (payload[:40], r.status_code, r.text[:200])
        assert all(matches_a_word(hit, payload) for hit in r.json()["items"]), (payload[:40], r.json())
        assert len(r.json()["items"]) < len(ARTICLES), payload[:40]  # never everything
    for operator in ("OR", "NOT", "NEAR", "AND OR NOT", "and*", '"and"', '"', '""', "-", "- -"):
        r = client.get("/api/search", params={"q": operator})
        if operator.endswith("*") and store.placeholder != "?":
            continue  # PostgreSQL matches a prefix against stems ("and*": menandatangani's stem andatangan)
        assert r.status_code == 200 and all(matches_a_word(hit, operator) for hit in r.json()["items"])
    if store.placeholder == "?":  # FTS5 searches its operators as words ("and" is a stop word in PostgreSQL)
        hits = client.get("/api/search", params={"q": "AND"}).json()["items"]
        assert {h["id"] for h in hits} == {article_id(a) for a in ARTICLES[1:]}
    intact(store, counts)


@pytest.mark.parametrize("template", ["/api/articles/{}", "/api/actors/{}", "/api/dyads/{}/RUS", "/api/dyads/IDN/{}"])
def test_path_parameters_are_values_not_sql(client, store, counts, template: str) -> None:
    for payload in PAYLOADS[:-2]:  # the last two are too long for a path segment with some clients
        r = client.get(template.format(quote(payload, safe="")))
        assert r.status_code in (200, 400, 404), (payload[:40], r.status_code, r.text[:200])
        if r.status_code == 200:
            body = r.json()
            assert body["events"] == [] and body["partners"] == [] and body["quotes"] == [], payload[:40]
    intact(store, counts)


@pytest.mark.parametrize("url", ["/api/events?q=%00", "/api/articles?actor=IDN%00", "/api/actors/%00",
                                 "/api/search?q=a%00b", "/api/articles/x%00"])
def test_nul_characters_are_refused(client, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 400 and "NUL" in r.json()["detail"]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_written_article_cannot_inject_either(backend: str, tmp_path) -> None:
    evil = english_article(url="https://example.com/'); DROP TABLE articles; --", title="x' OR 1=1 --")
    with filled_store(backend, tmp_path) as s, TestClient(create_app(store=s, token=TOKEN)) as c:
        r = c.post("/api/articles", json={"article": evil.to_dict()}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201
        assert c.get(f"/api/articles/{r.json()['id']}").json()["title"] == "x' OR 1=1 --"
        found = c.get("/api/articles", params={"q": "' or 1=1"}).json()["items"]
        assert [a["title"] for a in found] == ["x' OR 1=1 --"]
        assert s.stats()["articles"] == len(ARTICLES) + 1


# -- writes need the token -------------------------------------------------------------------

@pytest.fixture
def writable(tmp_path):
    """An app with a token over a store holding ARTICLES."""
    with filled_store("sqlite", tmp_path) as s, TestClient(create_app(store=s, token=TOKEN)) as c:
        yield c, s


def body(url: str = "https://example.com/new") -> dict:
    return {"article": english_article(url=url).to_dict()}


def test_without_a_configured_token_every_write_is_forbidden(tmp_path) -> None:
    with filled_store("sqlite", tmp_path) as s, TestClient(create_app(store=s)) as c:
        for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer anything"}, {"X-API-Token": ""}):
            r = c.post("/api/articles", json=body(), headers=headers)
            assert r.status_code == 403 and "disabled" in r.json()["detail"]
        assert s.stats()["articles"] == len(ARTICLES)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": TOKEN}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"X-API-Token": TOKEN.lower()},
                                     {"Authorization": "Bearer"}, {"Cookie": f"token={TOKEN}"}])
def test_a_missing_or_wrong_token_is_unauthorised(writable, headers: dict) -> None:
    c, s = writable
    r = c.post("/api/articles", json=body(), headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert c.post(f"/api/articles?token={TOKEN}", json=body()).status_code == 401  # never from the URL
    assert s.stats()["articles"] == len(ARTICLES)


def test_the_token_is_checked_before_the_body_is_read(writable) -> None:
    c, _ = writable
    assert c.post("/api/articles", content=b"{not json").status_code == 401


def test_the_right_token_writes(writable) -> None:
    c, s = writable
    ok = c.post("/api/articles", json=body(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201 and ok.json()["status"] == "added"
    other = c.post("/api/articles", json=body("https://example.com/b"), headers={"X-API-Token": TOKEN})
    assert other.status_code == 201 and s.stats()["articles"] == len(ARTICLES) + 2
    assert c.post("/api/articles", json=body("https://example.com/c"),
                  headers={"Authorization": f"bearer {TOKEN}"}).status_code == 201


def test_every_route_that_writes_needs_the_token(writable) -> None:
    c, _ = writable
    paths = c.get("/openapi.json").json()["paths"]
    writes = [(m.upper(), p) for p, ops in paths.items() for m in ops if m not in ("get", "head")]
    assert writes == [("POST", "/api/articles")]  # a new write route must be added here, with its guard
    for method, path in writes:
        assert c.request(method, path, json={}).status_code == 401


# -- headers ---------------------------------------------------------------------------------

def test_every_response_carries_the_security_headers(writable) -> None:
    c, _ = writable
    responses = [c.get("/"), c.get("/static/app.js"), c.get("/static/pages/article.js"), c.get("/api/stats"),
                 c.get("/api/articles"), c.get("/api/articles/nope"), c.get("/api/events?since=soon"),
                 c.get("/api/events?limit=-1"), c.get("/openapi.json"), c.get("/nothing-here"),
                 c.post("/api/articles", json={}), c.get("/api/search?q=%00")]
    for r in responses:
        csp = r.headers.get("content-security-policy", "")
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if " " in d.strip())
        assert directives.get("default-src") == "'self'" and directives.get("script-src") == "'self'", (r.url, csp)
        assert directives.get("object-src") == "'none'" and directives.get("frame-ancestors") == "'none'"
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_the_docs_page_allows_only_its_own_inline_script(writable) -> None:
    c, _ = writable
    r = c.get("/docs")
    script_src = next(d for d in r.headers["content-security-policy"].split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert len(inline) == 1 and f"'sha256-{digest}'" in script_src
    assert r.headers["x-frame-options"] == "DENY"


# -- where it listens ------------------------------------------------------------------------

def test_serve_listens_on_loopback_unless_told_otherwise(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from warta import cli

    runs: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append(options | {"token": app.state.token}))
    monkeypatch.setenv("WARTA_API_TOKEN", TOKEN)
    cli._load_command_modules()
    runner = CliRunner()
    quiet = runner.invoke(cli.app, ["serve", "--db", str(tmp_path / "s.db")])
    assert quiet.exit_code == 0, quiet.output
    assert runs[0]["host"] == "127.0.0.1" and runs[0]["token"] == TOKEN and "warning" not in quiet.output
    wide = runner.invoke(cli.app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert runs[1]["host"] == "0.0.0.0" and "reachable from other machines" in wide.output


def test_loopback_hosts() -> None:
    from warta.commands.serve import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "example.org"))
