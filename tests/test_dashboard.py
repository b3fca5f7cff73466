"""The dashboard in Chromium (Playwright) against a served store of hand-made articles: every page
renders the data, nothing is fetched from outside, article text is escaped. Screenshots go to
artifacts/ (gitignored)."""
from __future__ import annotations

import pytest
from test_dashboard_support import (
    ARTIFACTS,
    browser_page,
    need_chromium,
    open_page,
    serving,
)
from test_store_data import english_article, indonesian_article

from warta.model import Actor, Article, Event, Evidence

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

EVIL = '<img src=x onerror="window.__xss=1">'


def hostile_article() -> Article:
    text = f"Indonesia warned Russia. {EVIL} <script>window.__xss=2</script> was posted online."
    event = Event(type="THREATEN", cameo="130", actor1=Actor("Indonesia", "IDN"), actor2=Actor("Russia", "RUS"),
                  evidence=Evidence(text="Indonesia warned Russia.", start=0, end=24), goldstein=-4.4, quad_class=3)
    return Article(source="test/hostile.txt", url="javascript:alert(1)", title=f"Hostile {EVIL}", text=text,
                   language="en", published="2025-05-01", events=(event,))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_chromium()
    from warta.api import create_app
    from warta.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("dash") / "dash.db"))
    for article in (indonesian_article(), english_article(), hostile_article()):
        store.ingest(article)
    with serving(create_app(store=store)) as base, browser_page(base) as page:
        yield base, page
    store.close()


def test_overview(site):
    base, page = site
    open_page(page, base, "#/")
    assert page.inner_text("#count-events b") == "8"
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
    for chart in ("#dyad-timeline", "#dyad-types", "#dyad-contexts"):
        assert page.locator(f"{chart} canvas").count() == 1
    assert page.locator("#dyad-events li").count() == 7
    page.screenshot(path=str(ARTIFACTS / "dashboard-dyad-IDN-RUS.png"), full_page=True)


def test_evidence_is_one_click_away(site):
    base, page = site
    open_page(page, base, "#/dyad/IDN/RUS")
    item = page.locator("#dyad-events li", has_text="AGREE")
    evidence = item.locator(".evidence").inner_text().split("”")[0].lstrip("“")
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
    open_page(page, base, "#/network")
    assert page.locator("#network-chart canvas").count() == 1 and "AUS → IDN" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "dashboard-network.png"), full_page=True)
    open_page(page, base, "#/map")
    assert page.locator("#map-chart canvas").count() == 1 and "Jakarta" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "dashboard-map.png"), full_page=True)
    open_page(page, base, "#/search?q=perjanjian")
    assert page.locator("#search-results li").count() == 1
    assert page.locator("#search-results mark").first.inner_text().lower() == "perjanjian"
    page.screenshot(path=str(ARTIFACTS / "dashboard-search.png"), full_page=True)


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
