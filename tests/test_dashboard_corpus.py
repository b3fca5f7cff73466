"""End to end on real news: ingest Indonesian and English articles from ../shared/corpus into a
fresh SQLite store through the pipeline, serve it, read /api/dyads/IDN/RUS and render the
dashboard in Chromium (screenshots in artifacts/). Skips when the corpus is absent."""
from __future__ import annotations

import csv

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


def test_an_analyst_clicks_through_real_articles(corpus_store):
    """On real articles, as an analyst works: the dyad explorer paged, filtered by its commonest
    event type, on a weekly axis, downloaded as CSV (exactly the filtered events, one row each);
    an event's evidence in its article; an actor's events filtered by quad class and downloaded;
    the network named; a place's events from the map's table; a phrase search with its words
    marked. Every expectation is read from the API the page draws from; screenshots in artifacts/."""
    need_chromium()
    from warta.api import create_app

    with serving(create_app(store=corpus_store)) as base, browser_page(base) as page:
        def api(path: str, **params):
            return page.request.get(f"{base}{path}", params=params).json()

        dyad = api("/api/dyads/IDN/RUS")
        if not dyad["events_total"]:
            pytest.skip("the pipeline produced no IDN-RUS events")
        open_page(page, base, "#/dyad/IDN/RUS?per=2")
        assert page.locator("#dyad-events li").count() == min(2, dyad["events_total"])
        if dyad["events_total"] > 2:
            page.click("#dyad-next")
            page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg="offset=2")
            assert page.locator("#dyad-events li").count() == min(2, dyad["events_total"] - 2)
        kind = dyad["by_type"][0]["type"]
        wanted = api("/api/events", dyad="IDN-RUS", type=kind, limit=200)
        page.select_option("#filters select[name=type]", kind)
        page.click("#apply-filters")
        page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg=f"type={kind}")
        assert page.inner_text("#dyad-total b") == f"{wanted['total']:,}" and "offset" not in page.evaluate("location.hash")
        page.select_option("#granularity", "week")
        page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg="by=week")
        assert page.locator("#dyad-timeline canvas").count() == 1
        with page.expect_download() as info:
            page.click("#download-csv")
        with open(info.value.path(), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert {r["type"] for r in rows} == {kind}
        assert sorted((r["article_id"], int(r["idx"])) for r in rows) == sorted((e["article_id"], e["idx"]) for e in wanted["items"])
        page.screenshot(path=str(ARTIFACTS / "corpus-dyad-filtered.png"), full_page=True)
        item = page.locator("#dyad-events li").first
        evidence = item.locator(".evidence .ev-text").inner_text()
        item.get_by_text("evidence in article").click()
        page.wait_for_selector("#article-text[data-focused^='event-']")
        assert "".join(page.locator("#article-text .seg.focus").all_inner_texts()) == evidence
        event = next(e for e in wanted["items"] if e["evidence"] == evidence)
        marked = "".join(page.locator("#article-text .seg.focus.trigger").all_inner_texts())
        assert marked.lower() == event["trigger"].lower()  # the trigger inside the one highlight
        stored = api(f"/api/articles/{event['article_id']}")["events"][event["idx"]]
        entities = {x["id"]: x for x in api(f"/api/articles/{event['article_id']}")["entities"]}
        for key, side in (("actor1", "side1"), ("actor2", "side2")):
            entity = entities.get((stored.get(key) or {}).get("entity"))
            inside = [m for m in (entity or {}).get("mentions", [])
                      if stored["evidence"]["start"] <= m["start"] and m["end"] <= stored["evidence"]["end"]]
            assert page.locator(f"#article-text .seg.focus.{side}").count() >= len(inside) > 0 or not inside
        page.screenshot(path=str(ARTIFACTS / "corpus-article-evidence.png"), full_page=True)

        quad = next(q for q in (1, 2, 3, 4) if api("/api/events", actor="RUS", quad_class=q, limit=1)["total"])
        total = api("/api/events", actor="RUS", quad_class=quad, limit=1)["total"]
        open_page(page, base, "#/actor/RUS")
        page.select_option("#filters select[name=quad_class]", str(quad))
        page.click("#apply-filters")
        page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg=f"quad_class={quad}")
        assert f"of {total:,}" in page.inner_text("#actor-events-title")
        with page.expect_download() as info:
            page.click("#download-csv")
        with open(info.value.path(), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == total and {r["quad_class"] for r in rows} == {str(quad)}
        assert len({(r["article_id"], r["idx"]) for r in rows}) == total  # one row per event
        page.screenshot(path=str(ARTIFACTS / "corpus-actor-RUS.png"), full_page=True)

        network = api("/api/network", limit=300)
        open_page(page, base, "#/network")
        labels = page.evaluate("""async () => {
            const echarts = await import("/static/vendor/echarts/echarts.esm.min.js");
            const chart = echarts.getInstanceByDom(document.querySelector("#network-chart"));
            return chart.getOption().series[0].data.map((d) => d.label);
        }""")
        assert labels == [n["name"] or n["id"] for n in network["nodes"]]  # names, not only codes
        assert "Russia" in labels and "Indonesia" in labels

        places = api("/api/places")
        name = places[0]["name"]
        open_page(page, base, "#/map")
        page.locator("table a", has_text=name).first.click()
        page.wait_for_selector("#place-events h2")
        named = api("/api/events", place=name, limit=1)["total"]
        assert page.inner_text("#place-events h2") == f"Events where {name} is named ({named})"
        assert places[0]["events"] == named  # what its marker is sized by: the events a click lists

        phrase = '"kerja sama"'
        hits = api("/api/search", q=phrase, limit=100)
        assert hits["total"] >= 1
        open_page(page, base, "#/search?q=%22kerja%20sama%22")
        assert page.inner_text("#search-total").startswith(f"{hits['total']} article")
        for result in page.locator("#search-results li").all():
            marked = " ".join(result.locator("mark").all_inner_texts()).lower()
            assert "kerja" in marked and "sama" in marked, marked
        page.screenshot(path=str(ARTIFACTS / "corpus-search.png"), full_page=True)
        assert page.outside == [] and page.errors == []
