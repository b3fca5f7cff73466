"""The dashboard in Chromium (Playwright) against a served store of hand-made articles: every page
renders the data, nothing is fetched from outside, article text is escaped. Screenshots go to
artifacts/ (gitignored)."""
from __future__ import annotations

import pytest
from test_dashboard_support import (
    ARTIFACTS,
    browser_page,
    click_marker,
    map_markers,
    need_chromium,
    open_page,
    serving,
)
from test_store_data import english_article, indonesian_article

from warta.model import Actor, Amount, Article, Entity, Event, Evidence, Mention

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

EVIL = '<img src=x onerror="window.__xss=1">'


def hostile_article() -> Article:
    text = f"Indonesia warned Russia. {EVIL} <script>window.__xss=2</script> was posted online."
    event = Event(type="THREATEN", cameo="130", actor1=Actor("Indonesia", "IDN"), actor2=Actor("Russia", "RUS"),
                  evidence=Evidence(text="Indonesia warned Russia.", start=0, end=24), goldstein=-4.4, quad_class=3)
    return Article(source="test/hostile.txt", url="javascript:alert(1)", title=f"Hostile {EVIL}", text=text,
                   language="en", published="2025-05-01", events=(event,))


def sided_article() -> Article:
    """An event whose sides are linked entities, to see the trigger and both sides marked."""
    text = "Indonesia and Japan signed a trade agreement in Tokyo on Monday."
    idn = Entity(id="country:IDN", name="Indonesia", type="COUNTRY", iso3="IDN", mentions=(Mention(0, 9, "Indonesia", "t"),))
    jpn = Entity(id="country:JPN", name="Japan", type="COUNTRY", iso3="JPN", mentions=(Mention(14, 19, "Japan", "t"),))
    event = Event(type="AGREE", cameo="057", actor1=Actor("Indonesia", "IDN", entity="country:IDN"),
                  actor2=Actor("Japan", "JPN", entity="country:JPN"),
                  evidence=Evidence(text=text, start=0, end=len(text), trigger="signed"), goldstein=8.0, quad_class=1)
    return Article(source="test/sided.txt", url="https://example.com/sided", title="Indonesia and Japan sign",
                   text=text, language="en", published="2025-03-03", entities=(idn, jpn), events=(event,))


HEADLINE = "Jakarta Pledges $20 Million to Rebuild Gaza"


def headline_article() -> Article:
    """A figure the headline states and the body does not: an amount with offsets into the title."""
    text = "Indonesia sent aid to the Palestinians on Monday. A further $5 million was set aside."
    start, body = HEADLINE.index("$20"), text.index("$5")
    event = Event(type="AID", cameo="070", actor1=Actor("Indonesia", "IDN"), actor2=Actor("Palestine", "PSE"),
                  evidence=Evidence(text=text[:49], start=0, end=49, trigger="sent"), goldstein=7.0, quad_class=2)
    return Article(source="test/headline.txt", url="https://example.com/headline", title=HEADLINE, text=text,
                   language="en", published="2025-04-04", events=(event,),
                   amounts=(Amount(text="$20 Million", start=start, end=start + 11, value=2e7, unit="USD", in_title=True),
                            Amount(text="$5 million", start=body, end=body + 10, value=5e6, unit="USD")))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_chromium()
    from warta.api import create_app
    from warta.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("dash") / "dash.db"))
    for article in (indonesian_article(), english_article(), hostile_article(), sided_article(), headline_article()):
        store.ingest(article)
    with serving(create_app(store=store)) as base, browser_page(base) as page:
        yield base, page
    store.close()


def test_overview(site):
    base, page = site
    open_page(page, base, "#/")
    assert page.inner_text("#count-events b") == "10"
    assert page.locator("#types-chart canvas").count() == 1
    assert "RI dan Rusia teken kerja sama pertahanan" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "dashboard-overview.png"), full_page=True)


def test_dyad_explorer(site):
    base, page = site
    open_page(page, base, "#/dyad/IDN/RUS")
    assert page.inner_text("#dyad-total b") == "7"
    assert "Kami menghormati kedaulatan Indonesia" in page.inner_text("#quotes-RUS")
    assert "We expect our partners" in page.inner_text("#quotes-IDN")
    amounts = page.inner_text("#dyad-amounts")
    assert "promised" in amounts and "realised" in amounts and "$300 million" in amounts
    assert page.locator("#dyad-totals-partial").count() == 0  # all the pair's amounts: no caveat
    for chart in ("#dyad-timeline", "#dyad-types", "#dyad-contexts"):
        assert page.locator(f"{chart} canvas").count() == 1
    assert page.locator("#dyad-events li").count() == 7
    page.screenshot(path=str(ARTIFACTS / "dashboard-dyad-IDN-RUS.png"), full_page=True)


def test_dyad_filters_time_axis_paging_and_download(site):
    base, page = site
    open_page(page, base, "#/dyad/IDN/RUS?per=3")
    assert page.locator("#dyad-events li").count() == 3
    page.click("#dyad-next")
    page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg="offset=3")
    assert page.locator("#dyad-events li").count() == 3
    page.select_option("#filters select[name=type]", "AID")
    page.fill("#filters input[name=since]", "2025-06-01")
    page.click("#apply-filters")
    page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg="type=AID")
    assert page.inner_text("#dyad-total b") == "3" and "offset" not in page.evaluate("location.hash")
    assert all(" AID 0" in f" {t}" for t in page.locator("#dyad-events li").all_inner_texts())
    page.select_option("#granularity", "day")
    page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg="by=day")
    assert page.locator("#dyad-timeline canvas").count() == 1
    with page.expect_download() as info:
        page.click("#download-csv")
    lines = open(info.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0].startswith("article_id,idx,day,type") and len(lines) == 1 + 3  # exactly the filtered events
    assert all(",AID," in line for line in lines[1:])
    with page.expect_download() as info:
        page.click("#download-json")
    import json

    rows = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert len(rows) == 3 and {r["type"] for r in rows} == {"AID"} and len({(r["article_id"], r["idx"]) for r in rows}) == 3
    page.screenshot(path=str(ARTIFACTS / "dashboard-dyad-filtered.png"), full_page=True)
    open_page(page, base, "#/dyad/IDN/RUS?negated=true")
    assert page.inner_text("#dyad-total b") == "1"


def test_evidence_is_one_click_away(site):
    base, page = site
    open_page(page, base, "#/dyad/IDN/RUS")
    item = page.locator("#dyad-events li", has_text="AGREE")
    evidence = item.locator(".evidence .ev-text").inner_text()
    assert not evidence.startswith(("“", '"'))  # the sentence as written, no marks added
    item.get_by_text("evidence in article").click()
    page.wait_for_selector("#article-text[data-focused^='event-']")
    focused = "".join(page.locator("#article-text .seg.focus").all_inner_texts())
    assert focused == evidence and evidence.startswith("Pemerintah Indonesia dan Rusia menandatangani")
    assert page.locator("#article-text .seg.ent").count() >= 4 and page.locator("#article-text .seg.quote").count() >= 1
    assert page.locator("#article-text .seg.amount").count() == 1
    page.locator(".records li[data-rec='quote-0']").click()
    assert "Kami menghormati" in "".join(page.locator("#article-text .seg.focus").all_inner_texts())
    page.screenshot(path=str(ARTIFACTS / "dashboard-article.png"), full_page=True)


def test_actor_network_map_search(site):
    base, page = site
    open_page(page, base, "#/actor/RUS")
    assert page.locator("#actor-events li").count() == 7
    assert "Sergey Lavrov" in page.inner_text("#actor-quotes")
    page.screenshot(path=str(ARTIFACTS / "dashboard-actor-RUS.png"), full_page=True)
    page.select_option("#filters select[name=quad_class]", "3")  # verbal conflict
    page.click("#apply-filters")
    page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg="quad_class=3")
    assert page.locator("#actor-events li").count() == 3 and "of 3" in page.inner_text("#actor-events-title")
    with page.expect_download() as info:
        page.click("#download-csv")
    assert len(open(info.value.path(), encoding="utf-8").read().splitlines()) == 1 + 3
    open_page(page, base, "#/actor/IDN?per=2")
    assert page.locator("#actor-events li").count() == 2
    page.click("#actor-next")
    page.wait_for_function("w => (document.body.dataset.ready || '').includes(w)", arg="offset=2")
    assert page.locator("#actor-events li").count() == 2
    open_page(page, base, "#/network")
    assert page.locator("#network-chart canvas").count() == 1 and "AUS → IDN" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "dashboard-network.png"), full_page=True)
    open_page(page, base, "#/map")
    assert page.locator("#map-chart canvas").count() == 1 and "Jakarta" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "dashboard-map.png"), full_page=True)
    markers = map_markers(page)
    placed = sum(m["places"] for m in markers)  # every place in one marker (Jakarta inside Indonesia's)
    assert len(markers) >= 3 and {"Russia", "Japan"} <= {m["label"] for m in markers}
    box = page.locator("#map-chart").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(40):  # zoom far out (a fiftieth): the places now lie within a few pixels of each other
        page.mouse.wheel(0, 400)
    page.wait_for_function("() => JSON.parse(document.querySelector('#map-chart').dataset.markers).length === 1")
    (cluster,) = map_markers(page)
    assert cluster["places"] == placed and cluster["label"].endswith(f" +{placed - 1}")
    click_marker(page, cluster)  # a cluster: zoomed in on, until it splits
    page.wait_for_function("() => JSON.parse(document.querySelector('#map-chart').dataset.markers).length > 1")
    page.screenshot(path=str(ARTIFACTS / "dashboard-map-clusters.png"), full_page=True)
    page.click("text=Jakarta")  # the places table: the place's events below the map
    page.wait_for_selector("#place-event-list li")
    assert "Jakarta" in page.inner_text("#place-events h2") and page.locator("#place-event-list li").count() >= 1
    open_page(page, base, "#/search?q=perjanjian")
    assert page.locator("#search-results li").count() == 1
    assert page.locator("#search-results mark").first.inner_text().lower() == "perjanjian"
    from warta.store.embeddings import available

    assert page.locator("#semantic").count() == int(available())  # offered only with the embeddings extra
    page.screenshot(path=str(ARTIFACTS / "dashboard-search.png"), full_page=True)
    open_page(page, base, '#/search?q=%22kerja%20sama%20pertahanan%22')
    assert page.inner_text("#search-total").startswith("1 article")
    open_page(page, base, "#/search?q=railway%20Russia%20Jakarta")  # every word: only the English article
    assert page.inner_text("#search-total").startswith("1 article")


def test_nearby_places_cluster_into_one_marker(site):
    """The clustering itself, on places placed by hand: heaviest first, within the radius."""
    base, page = site
    open_page(page, base, "#/")
    clusters = page.evaluate("""async () => {
        const { clusterPlaces, clusterLabel } = await import("/static/cluster.js");
        const places = [{ name: "Bogor", x: 12, y: 0, weight: 1 }, { name: "Jakarta", x: 0, y: 0, weight: 5 },
                        { name: "Depok", x: 0, y: 30, weight: 2 }, { name: "Tokyo", x: 400, y: 0, weight: 3 }];
        return clusterPlaces(places, (p) => [p.x, p.y], 36).map((c) => [clusterLabel(c), c.weight]);
    }""")
    assert clusters == [["Jakarta +2", 8], ["Tokyo", 3]]


def test_the_trigger_and_sides_are_marked_inside_the_evidence(site):
    base, page = site
    hits = page.request.get(f"{base}/api/events", params={"dyad": "IDN-JPN"}).json()["items"]
    open_page(page, base, f"#/article/{hits[0]['article_id']}?ev=0")
    page.wait_for_selector("#article-text[data-focused='event-0']")
    assert "".join(page.locator("#article-text .seg.focus").all_inner_texts()) == hits[0]["evidence"]
    assert page.locator("#article-text .seg.focus.trigger").all_inner_texts() == ["signed"]
    assert page.locator("#article-text .seg.focus.side1").all_inner_texts() == ["Indonesia"]
    assert page.locator("#article-text .seg.focus.side2").all_inner_texts() == ["Japan"]
    page.screenshot(path=str(ARTIFACTS / "dashboard-article-sides.png"), full_page=True)


def test_an_amount_of_the_headline_quotes_the_headline(site):
    base, page = site
    open_page(page, base, "#/dyad/IDN/PSE")
    totals, items = page.locator("#dyad-amounts table").all()
    assert "promised" in totals.inner_text()  # "Pledges" in the headline: the title is the figure's clause
    cells = items.locator("tbody td:nth-child(2)").all_inner_texts()  # the amount column
    assert sorted(" ".join(c.split()) for c in cells) == ["$20 Million headline", "$5 million"]
    hits = page.request.get(f"{base}/api/articles", params={"q": "Rebuild"}).json()["items"]
    open_page(page, base, f"#/article/{hits[0]['id']}")
    assert page.inner_text("#article-title") == HEADLINE
    assert page.locator("#article-title .seg.amount").all_inner_texts() == ["$20 Million"]
    assert page.locator("#article-text .seg.amount").all_inner_texts() == ["$5 million"]  # the body's only
    record = page.locator(".records li[data-rec='amount-0']")
    assert "headline" in record.inner_text() and HEADLINE in record.locator(".headline-evidence").inner_text()
    assert "headline" not in page.locator(".records li[data-rec='amount-1']").inner_text()
    record.click()
    assert page.locator("#article-title .seg.focus").all_inner_texts() == ["$20 Million"]
    page.screenshot(path=str(ARTIFACTS / "dashboard-article-headline.png"), full_page=True)


def test_article_text_is_escaped(site):
    base, page = site
    hits = page.request.get(f"{base}/api/articles", params={"q": "Hostile"}).json()["items"]
    open_page(page, base, f"#/article/{hits[0]['id']}")
    assert page.inner_text("#article-title") == f"Hostile {EVIL}"
    assert EVIL in page.inner_text("#article-text")
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    open_page(page, base, "#/")
    assert page.evaluate("window.__xss") is None


def test_api_docs_page_renders_from_local_files(site):
    base, page = site
    page.goto(f"{base}/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
    assert "warta" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock-summary-path", has_text="/api/dyads/{a}/{b}").count() == 1
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"))


def test_nothing_left_the_machine(site):
    _, page = site
    assert page.outside == [] and page.errors == []


def test_partial_amount_totals_are_labelled_as_the_newest_only(site):
    """A pair with more amounts than the answer reads (the API says `complete: false`): the
    dashboard shows its totals as those of the newest amounts, never as the pair's."""
    base, page = site

    def partial(route):
        response = route.fetch()
        body = response.json()
        body["amounts"].update(totals_over=200, complete=False)
        route.fulfill(response=response, json=body)

    page.route("**/api/dyads/IDN/RUS*", partial)
    try:
        open_page(page, base, "#/dyad/IDN/RUS?per=20")  # a hash of its own: the router renders anew
        assert page.inner_text("#dyad-totals-partial") == "Totals of the newest 200 amounts only: the pair has more."
    finally:
        page.unroute("**/api/dyads/IDN/RUS*")
