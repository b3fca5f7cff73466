"""Polite fetching, feeds and sitemaps, against a local HTTP server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from warta import __version__
from warta.crawl import (
    Crawler,
    Fetcher,
    FetchError,
    FetchPolicy,
    looks_like_feed,
    looks_like_sitemap,
    parse_feed,
    parse_sitemap,
)
from warta.model import Document

Route = tuple[int, dict[str, str], bytes] | Callable[[dict[str, str]], tuple[int, dict[str, str], bytes]]


@dataclass
class LocalSite:
    """A tiny web site in a thread: routes by path, and a log of every request it answered."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    base: str = ""

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.log.append((path, headers))
        route = self.routes.get(path)
        if route is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return route(headers) if callable(route) else route


def _handler(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with lock:
                site.in_flight += 1
                site.max_in_flight = max(site.max_in_flight, site.in_flight)
            try:
                status, headers, body = site.answer(self.path, {k.lower(): v for k, v in self.headers.items()})
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            finally:
                with lock:
                    site.in_flight -= 1

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """A LocalSite served on 127.0.0.1 at a free port for one test."""
    local = LocalSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(local))
    server.daemon_threads = True
    local.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield local
    server.shutdown()
    server.server_close()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def page(title: str, body: str) -> tuple[int, dict[str, str], bytes]:
    """An article page with enough text for the pipeline."""
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body} Itu kata pejabat kepada wartawan pada hari Senin.</p></article></body></html>")
    return 200, HTML, html.encode("utf-8")


def rss(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Mon, 20 Oct 2025 08:00:00 +0700</pubDate></item>"
                      for p, t in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Berita</title>{entries}</channel></rss>'.encode()


def fast(**changes: object) -> FetchPolicy:
    """A policy for tests: no waiting between requests, quick backoff, the local server allowed."""
    options = {"delay": 0.0, "backoff": 0.01, "timeout": 5.0, "retries": 2, "allow_private": True} | changes
    return FetchPolicy(**options)  # type: ignore[arg-type]


def test_user_agent_names_warta_and_its_version(site: LocalSite) -> None:
    site.routes["/a"] = page("A", "Teks berita.")
    Fetcher(policy=fast()).get(site.base + "/a")
    agent = site.log[-1][1]["user-agent"]
    assert agent.startswith(f"warta/{__version__} (+https://")


def test_robots_txt_is_fetched_once_and_obeyed(site: LocalSite) -> None:
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: warta\nDisallow: /private/\n")
    site.routes["/private/x"] = page("X", "Rahasia.")
    site.routes["/public/y"] = page("Y", "Terbuka.")
    fetcher = Fetcher(policy=fast())
    with pytest.raises(FetchError) as refused:
        fetcher.get(site.base + "/private/x")
    assert refused.value.reason == "robots"
    assert fetcher.get(site.base + "/public/y").status == 200
    assert site.hits("/private/x") == 0 and site.hits("/robots.txt") == 1


def test_robots_server_error_means_disallow_but_missing_means_allow(site: LocalSite) -> None:
    site.routes["/robots.txt"] = (503, {}, b"down")
    site.routes["/a"] = page("A", "Teks.")
    with pytest.raises(FetchError) as refused:
        Fetcher(policy=fast(retries=0)).get(site.base + "/a")
    assert refused.value.reason == "robots-unavailable" and site.hits("/a") == 0
    del site.routes["/robots.txt"]  # now a 404: everything allowed
    assert Fetcher(policy=fast()).get(site.base + "/a").status == 200


def test_unreachable_site_is_a_connection_failure_after_retries() -> None:
    import socket

    with socket.socket() as probe:  # a port on 127.0.0.1 that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits: list[float] = []
    with pytest.raises(FetchError) as unreachable:
        Fetcher(policy=fast(retries=2), sleep=waits.append).get(f"http://127.0.0.1:{port}/a")
    assert unreachable.value.reason == "connection" and len(waits) == 2
    assert waits[1] == 2 * waits[0]  # exponential backoff


def test_transient_errors_are_retried_with_backoff_honouring_retry_after(site: LocalSite) -> None:
    answers = iter([(503, {"Retry-After": "2"}, b"busy"), (500, {}, b"oops"), page("A", "Teks.")])
    site.routes["/flaky"] = lambda headers: next(answers)
    waits: list[float] = []
    response = Fetcher(policy=fast(retries=3), sleep=waits.append).get(site.base + "/flaky")
    assert response.status == 200 and site.hits("/flaky") == 3
    assert waits[0] >= 2.0 and len(waits) == 2  # Retry-After beat the 0.01 s backoff


def test_client_errors_are_not_retried_and_name_the_status(site: LocalSite) -> None:
    with pytest.raises(FetchError) as missing:
        Fetcher(policy=fast(retries=3)).get(site.base + "/gone")
    assert missing.value.reason == "http-404" and site.hits("/gone") == 1


def test_conditional_get_sends_validators_and_reports_not_modified(site: LocalSite) -> None:
    def feed(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if headers.get("if-none-match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Last-Modified": "Mon, 20 Oct 2025 08:00:00 GMT", "Content-Type": "application/rss+xml"}, rss(site.base, [])

    site.routes["/feed"] = feed
    fetcher = Fetcher(policy=fast())
    assert not fetcher.get(site.base + "/feed").not_modified
    again = fetcher.get(site.base + "/feed")
    assert again.not_modified and again.body == b""
    assert site.log[-1][1]["if-modified-since"] == "Mon, 20 Oct 2025 08:00:00 GMT"


def test_size_and_time_limits(site: LocalSite) -> None:
    site.routes["/big"] = (200, HTML, b"<p>" + b"x" * 5000 + b"</p>")

    def slow(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.0)
        return page("S", "Lambat.")

    site.routes["/slow"] = slow
    fetcher = Fetcher(policy=fast(max_bytes=1000, timeout=0.3, retries=0))
    with pytest.raises(FetchError) as big:
        fetcher.get(site.base + "/big")
    with pytest.raises(FetchError) as late:
        fetcher.get(site.base + "/slow")
    assert big.value.reason == "too-large" and late.value.reason == "timeout"


def test_gzip_transfer_encoding_is_undone(site: LocalSite) -> None:
    status, headers, body = page("G", "Dikompres.")
    site.routes["/gz"] = (status, headers | {"Content-Encoding": "gzip"}, gzip.compress(body))
    assert Fetcher(policy=fast()).get(site.base + "/gz").body == body


def test_one_host_gets_at_most_per_host_requests_at_once_spaced_by_delay(site: LocalSite) -> None:
    def slowish(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        time.sleep(0.05)
        return page("P", "Halaman.")

    for n in range(4):
        site.routes[f"/p{n}"] = slowish
    fetcher = Fetcher(policy=fast(per_host=1, delay=0.1))
    results = list(fetcher.fetch_all([f"{site.base}/p{n}" for n in range(4)], threads=4))
    assert [url[-2:] for url, _ in results] == ["p0", "p1", "p2", "p3"]  # input order kept
    assert site.max_in_flight == 1
    assert all(not isinstance(r, FetchError) for _, r in results)


def test_feeds_rss_and_atom_with_relative_links() -> None:
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b'<entry><title>Satu</title><link href="/berita/1"/><updated>2025-10-20T01:00:00Z</updated></entry>'
            b'<entry><title>Dua</title><link href="https://lain.example/2"/></entry></feed>')
    links = parse_feed(atom, base_url="https://situs.example/feed.xml")
    assert [link.url for link in links] == ["https://situs.example/berita/1", "https://lain.example/2"]
    assert links[0].title == "Satu" and links[0].published == "2025-10-20T01:00:00Z"
    assert looks_like_feed(atom) and looks_like_feed(rss("https://s.example", [("/a", "A")]))
    assert not looks_like_feed(b"<html><body>rss</body></html>")


SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def test_sitemap_index_gzipped_child_and_news_sitemap(site: LocalSite) -> None:
    news = (f'<urlset {SITEMAP_NS} {NEWS_NS}><url><loc>{site.base}/n1</loc><news:news><news:title>Judul Satu</news:title>'
            f'<news:publication_date>2025-10-20T08:00:00+07:00</news:publication_date></news:news></url></urlset>').encode()
    plain = f'<urlset {SITEMAP_NS}><url><loc>{site.base}/p1</loc><lastmod>2025-10-19</lastmod></url></urlset>'.encode()
    index = (f'<sitemapindex {SITEMAP_NS}><sitemap><loc>{site.base}/news.xml</loc></sitemap>'
             f'<sitemap><loc>{site.base}/plain.xml.gz</loc></sitemap><sitemap><loc>{site.base}/broken.xml</loc></sitemap></sitemapindex>').encode()
    site.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, index)
    site.routes["/news.xml"] = (200, {"Content-Type": "application/xml"}, news)
    site.routes["/plain.xml.gz"] = (200, {"Content-Type": "application/gzip"}, gzip.compress(plain))
    assert parse_sitemap(index).is_index and looks_like_sitemap(gzip.compress(plain))
    links = Crawler(Fetcher(policy=fast())).links(site.base + "/sitemap.xml")
    assert [(link.url[-2:], link.title, link.published) for link in links] == [
        ("n1", "Judul Satu", "2025-10-20T08:00:00+07:00"), ("p1", None, "2025-10-19")]


def test_sitemap_parser_refuses_entities_and_non_sitemaps() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://s.example/&b;</loc></url></urlset>')
    [link] = parse_sitemap(bomb).links
    assert "aaaaaaaaaa" not in link.url
    with pytest.raises(ValueError):
        parse_sitemap(b"<html><body>no</body></html>")


def test_crawler_turns_a_feed_into_documents_skipping_known_urls(site: LocalSite) -> None:
    site.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, rss(site.base, [("/a", "A"), ("/b", "B"), ("/gone", "G")]))
    site.routes["/a"] = page("A", "Pertama.")
    site.routes["/b"] = page("B", "Kedua.")
    items = list(Crawler(Fetcher(policy=fast())).documents([site.base + "/feed"], skip=lambda url: url.endswith("/a")))
    assert [type(i).__name__ for i in items] == ["Document", "FetchError"]
    document = items[0]
    assert isinstance(document, Document) and document.source == site.base + "/b" and document.title == "B"
    assert document.published == "2025-10-20T01:00:00Z" and site.hits("/a") == 0
    assert items[1].reason == "http-404"


def test_crawl_delay_from_robots_spaces_requests_and_user_agent_setting_is_used(site: LocalSite) -> None:
    from warta.crawl import policy_from

    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nCrawl-delay: 0.3\n")
    stamps: list[float] = []

    def stamped(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        stamps.append(time.monotonic())
        return page("T", "Waktu.")

    site.routes["/t1"] = site.routes["/t2"] = stamped
    policy = policy_from({"user_agent": "arsip-kampus/2.0 (+mailto:tim@kampus.example)", "fetch_delay": 0.0,
                          "max_input_bytes": 10_000, "fetch_allow_private": True})
    fetcher = Fetcher(policy=policy)
    fetcher.get(site.base + "/t1")
    fetcher.get(site.base + "/t2")
    # The gate spaces the requests' starts by 0.3 s; the server's stamps also carry each request's
    # own set-up time, which varies on a loaded machine, so allow 50 ms (without a delay: a few ms).
    assert stamps[1] - stamps[0] >= 0.25
    assert site.log[-1][1]["user-agent"] == "arsip-kampus/2.0 (+mailto:tim@kampus.example)"
    assert policy.max_bytes == 10_000 and policy.allow_private and policy.max_redirects == 5


def test_fractional_crawl_delay_prefers_the_group_naming_warta() -> None:
    from warta.crawl.robots import fractional_delay

    lines = ["User-agent: *", "Crawl-delay: 2.5", "", "User-agent: googlebot", "User-agent: warta",
             "Disallow: /x", "Crawl-delay: 0.5 # be gentle"]
    assert fractional_delay(lines, "warta") == 0.5
    assert fractional_delay(lines, "other") == 2.5
    assert fractional_delay(["User-agent: *", "Disallow:"], "warta") is None
