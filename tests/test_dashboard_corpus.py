"""End to end on real news: ingest Indonesian and English articles from ../shared/corpus into a
fresh SQLite store through the pipeline, serve it, read /api/dyads/IDN/RUS and render the
dashboard in Chromium (screenshots in artifacts/). Skips when the corpus is absent."""
from __future__ import annotations


import pytest
from conftest import SHARED
from test_dashboard_support import (
    ARTIFACTS,
    browser_page,
    click_marker,
    map_markers,
    need_chromium,
    open_page,
    serving,
)

pytest.importorskip("fastapi")
CORPUS = SHARED / "corpus"
# A slice that is about Indonesia and Russia, to keep the test short; the full ingest is in the report.
ID_ARTICLES = ["003-", "011-", "019-", "033-", "056-", "076-", "093-"]
pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    from warta.pipeline import Pipeline
    from warta.settings import load_settings
    from warta.read.sources import iter_documents
    from warta.store import open_store

    folder = CORPUS / "id" / "articles"
    paths = [str(p) for p in sorted(folder.glob("*.txt")) if p.name[:4] in ID_ARTICLES]
    paths += [str(p) for p in sorted((CORPUS / "en" / "pages").glob("*.html"))[:3]]
    store = open_store(str(tmp_path_factory.mktemp("corpus") / "corpus.db"))
    pipeline = Pipeline.build(load_settings())
    outcomes = list(pipeline.run_batches(iter_documents(paths)))
    counts = store.ingest_many(o.article for o in outcomes if o.article is not None)
    assert counts["added"] >= len(paths) - 1, [str(o.error) for o in outcomes if o.error]
    yield store
    store.close()


def test_real_articles_flow_to_the_api_and_dashboard(corpus_store):
    from fastapi.testclient import TestClient

    from warta.api import create_app

    app = create_app(store=corpus_store)
    with TestClient(app) as client:
        articles = client.get("/api/articles", params={"limit": 100}).json()["items"]
        assert {a["language"] for a in articles} == {"id", "en"}
        hits = client.get("/api/search", params={"q": "Putin"}).json()["items"]
        assert hits and all(h["language"] == "id" for h in hits[:3])
        dyad = client.get("/api/dyads/IDN/RUS").json()
    if not dyad["events"]:
        pytest.skip("the pipeline produced no IDN-RUS events (is the events stage in `stages`?)")
    assert all(e["evidence"] and e["ev_end"] > e["ev_start"] for e in dyad["events"])
    article = corpus_store.article(dyad["events"][0]["article_id"])
    e = dyad["events"][0]
    assert article.text[e["ev_start"]:e["ev_end"]] == e["evidence"]


def test_real_articles_render_in_chromium(corpus_store):
    need_chromium()
    from warta.api import create_app

    dyad = corpus_store.dyad("IDN", "RUS")
    with serving(create_app(store=corpus_store)) as base, browser_page(base) as page:
        open_page(page, base, "#/")
        assert int(page.inner_text("#count-articles b")) == corpus_store.stats()["articles"]
        page.screenshot(path=str(ARTIFACTS / "corpus-overview.png"), full_page=True)
        open_page(page, base, "#/dyad/IDN/RUS")
        assert page.inner_text("#dyad-total b") == f"{dyad['events_total']:,}"
        page.screenshot(path=str(ARTIFACTS / "corpus-dyad-IDN-RUS.png"), full_page=True)
        page.screenshot(path=str(ARTIFACTS / "readme-dyad.png"))  # the first screen, for docs/
        if dyad["events"]:
            first = dyad["events"][0]
            open_page(page, base, f"#/article/{first['article_id']}?ev={first['idx']}")
            assert "".join(page.locator("#article-text .seg.focus").all_inner_texts()) == first["evidence"]
            page.screenshot(path=str(ARTIFACTS / "corpus-article.png"), full_page=True)
        open_page(page, base, "#/network")
        page.screenshot(path=str(ARTIFACTS / "corpus-network.png"), full_page=True)
        open_page(page, base, "#/map")
        assert page.locator("#map-chart canvas").count() == 1
        places = page.request.get(f"{base}/api/places").json()
        located = [p for p in places if p["lat"] is not None and p["lon"] is not None]
        markers = map_markers(page)  # every located place in exactly one marker, nearby ones together
        assert sum(m["places"] for m in markers) == len(located) and len(markers) <= len(located)
        clustered = [m for m in markers if m["places"] > 1]
        if clustered:  # a cluster clicked: zoomed in on until it splits
            click_marker(page, clustered[0])
            page.wait_for_function("n => JSON.parse(document.querySelector('#map-chart').dataset.markers).length > n",
                                   arg=len(markers))
            page.screenshot(path=str(ARTIFACTS / "corpus-map-zoomed.png"), full_page=True)
            open_page(page, base, "#/")  # and back to the whole world
            open_page(page, base, "#/map")
        page.screenshot(path=str(ARTIFACTS / "corpus-map.png"), full_page=True)
        page.screenshot(path=str(ARTIFACTS / "readme-map.png"))
        assert page.outside == [] and page.errors == []
