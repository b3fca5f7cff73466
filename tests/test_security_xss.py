"""Article text cannot run in the dashboard (XSS): a served store holds an article whose title,
text, quotes, speakers, entities, places, amounts, actors and URL carry <script>, <img onerror>,
<svg onload> and javascript: links, and every page showing them is checked in Chromium: no dialog
opens, no script error, the markup is shown literally as text, no element from the data carries a
handler or is a script/img/svg, and every link is http(s). Skips without Chromium, unless
WARTA_REQUIRE_CHROMIUM=1."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from test_dashboard_support import browser_page, need_chromium, open_page, serving

from warta.model import Actor, Amount, Article, Entity, Event, Evidence, Mention, Quote
from warta.store.rows import article_id

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

TITLE = "<script>alert('title')</script><img src=x onerror=alert('title-img')> Hostile"
SCRIPT = "<script>alert('text')</script>"
IMG = "<img src=x onerror=alert('img')>"
LINK = "<a href=\"javascript:alert('link')\">click here</a>"
QUOTE = "<script>alert('quote')</script> is our answer,"
SPEAKER = "<img src=x onerror=alert('speaker')>"
PLACE = "<svg onload=alert('place')>"
ACTOR = "<b onmouseover=alert('actor')>Indonesia</b>"
TEXT = (f"Indonesia warned Russia on Monday. {SCRIPT} was posted with {IMG} and {LINK} by a reader. "
        f"\"{QUOTE}\" said {SPEAKER} to reporters. Officials met in {PLACE} on Tuesday.")


def _at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _entity(eid: str, name: str, surface: str, type_: str, iso3: str) -> Entity:
    start, end = _at(surface)
    return Entity(id=eid, name=name, type=type_, iso3=iso3, mentions=(Mention(start, end, surface, "test"),), producer="test")


def hostile_article() -> Article:
    """Every field the dashboard shows carries markup or a javascript: URL."""
    first = _at("Indonesia warned Russia on Monday.")
    quote = _at(QUOTE)
    amount = _at(IMG)
    event = Event(type="THREATEN", cameo="130", actor1=Actor(ACTOR, "IDN", "IDNGOV"), actor2=Actor("Russia", "RUS", "RUSGOV"),
                  evidence=Evidence(text=TEXT[first[0]:first[1]], start=first[0], end=first[1], trigger="warned"),
                  goldstein=-4.4, quad_class=3, context=("<script>alert('context')</script>",))
    return Article(
        source="test/hostile.txt", url="javascript:alert('url')", title=TITLE, text=TEXT, language="en",
        published="2025-05-01", sitename="<img src=x onerror=alert('site')>", author=SCRIPT,
        entities=(_entity("e1", "Indonesia", "Indonesia", "COUNTRY", "IDN"), _entity("e2", "Russia", "Russia", "COUNTRY", "RUS"),
                  _entity("e3", SPEAKER, SPEAKER, "PERSON", "RUS"), _entity("e4", PLACE, PLACE, "CITY", "IDN")),
        quotes=(Quote(text=QUOTE, start=quote[0], end=quote[1], speaker={"name": SPEAKER, "country": "RUS"}, cue="said"),),
        amounts=(Amount(text=IMG, start=amount[0], end=amount[1], value=1.0, unit="USD",
                        refers_to="<script>alert('amount')</script>"),),
        events=(event,))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The dashboard over a store holding the hostile article, and a page recording dialogs."""
    need_chromium()
    from warta.api import create_app
    from warta.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("xss") / "xss.db"))
    store.ingest(hostile_article())
    with serving(create_app(store=store)) as base, browser_page(base) as page:
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        yield base, page
    store.close()


INERT = """() => ({
  scripts: [...document.scripts].map((s) => s.src),
  handlers: [...document.querySelectorAll("*")].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName} ${a.name}`)),
  embedded: document.querySelectorAll("main img, main svg, main iframe, main object, main embed").length,
  protocols: [...document.querySelectorAll("a[href]")].map((a) => a.protocol),
})"""


def visit(site, hash_: str) -> str:
    """Open a route, check nothing from the data became live markup, return the page's text."""
    base, page = site
    open_page(page, base, hash_)
    state = page.evaluate(INERT)
    assert state["scripts"] == [f"{base}/static/app.js"], state["scripts"]
    assert state["handlers"] == [] and state["embedded"] == 0, state
    assert set(state["protocols"]) <= {"http:", "https:"}, state["protocols"]
    assert page.dialogs == [] and page.errors == [], (page.dialogs, page.errors)
    return page.inner_text("main")


def test_the_article_page_shows_every_field_as_text(site) -> None:
    _, page = site
    text = visit(site, f"#/article/{article_id(hostile_article())}")
    assert page.inner_text("#article-title") == TITLE
    assert page.inner_text("#article-text") == TEXT  # markup, link and all, character for character
    for literal in (SCRIPT, IMG, LINK, QUOTE, SPEAKER, PLACE, ACTOR, "<script>alert('amount')</script>",
                    "<img src=x onerror=alert('site')>"):
        assert literal in text, literal
    assert page.locator("a", has_text="original").count() == 0  # the javascript: URL gives no link


def test_search_results_show_titles_and_snippets_as_text(site) -> None:
    _, page = site
    text = visit(site, "#/search?q=onerror")
    assert page.locator("#search-results li").count() == 1
    assert TITLE in text and "onerror" in page.inner_text("#search-results .snippet")
    assert page.locator("#search-results mark").count() >= 1  # the match markers are the only elements made


def test_actor_and_dyad_pages_show_quotes_speakers_and_actors_as_text(site) -> None:
    _, page = site
    text = visit(site, "#/actor/RUS")
    assert QUOTE in page.inner_text("#actor-quotes") and SPEAKER in page.inner_text("#actor-quotes")
    assert ACTOR in page.inner_text("#actor-events") and TITLE in text
    text = visit(site, "#/dyad/IDN/RUS")
    assert QUOTE in page.inner_text("#quotes-RUS") and IMG in page.inner_text("#dyad-amounts")
    assert ACTOR in page.inner_text("#dyad-events")


def test_overview_and_map_show_titles_and_place_names_as_text(site) -> None:
    assert TITLE in visit(site, "#/")
    assert PLACE in visit(site, "#/map")


def test_markup_in_the_address_is_shown_as_text(site) -> None:
    """A crafted link to the dashboard (its route and query) cannot inject markup either."""
    evil = "<img src=x onerror=alert('route')>"
    assert f"Actor: {evil}" in visit(site, f"#/actor/{quote(evil, safe='')}")
    assert f"Search: {evil}" in visit(site, f"#/search?q={quote(evil, safe='')}")


def test_links_to_unsafe_urls_are_never_made(site) -> None:
    _, page = site
    visit(site, "#/")
    made = page.evaluate("""async () => {
      const { h, link } = await import("/static/dom.js");
      const urls = ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example/", "vbscript:x"];
      return urls.map((u) => [link(u, "x").tagName, h("a", { href: u }).getAttribute("href"), h("b", { onclick: "alert(1)" }).outerHTML])
        .concat([[link("https://example.org/a", "x").getAttribute("href"), link("#/actor/IDN", "x").getAttribute("href")]]);
    }""")
    assert all(row == ["SPAN", None, "<b></b>"] for row in made[:-1]), made
    assert made[-1] == ["https://example.org/a", "#/actor/IDN"]
    assert page.dialogs == []
