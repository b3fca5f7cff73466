"""The fetcher cannot be turned against the machine it runs on (SSRF): loopback, private,
link-local and metadata addresses are refused before any connection, on the first hop and on
every redirect; only http(s) is fetched; redirects and bodies are capped.

"Public" hosts are simulated: a resolver gives `news.example` a global address and a connector
takes that address to the local test site, so the fetcher believes it is on the internet while
nothing leaves 127.0.0.1.
"""
from __future__ import annotations

import gzip
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from test_crawl import HTML, LocalSite, page, site  # noqa: F401 (site is a fixture)

from warta.crawl import Crawler, Fetcher, FetchError, FetchPolicy, policy_from
from warta.crawl.guard import blocked_reason, system_resolve
from warta.settings import load_settings

PUBLIC = {"news.example": "93.184.215.14", "other.example": "93.184.215.15"}


@dataclass
class FakeInternet:
    """Fake public names resolve to global addresses, which lead to the local site; every
    resolution and connection is recorded."""

    resolved: list[str] = field(default_factory=list)
    connected: list[str] = field(default_factory=list)

    def resolve(self, host: str, port: int) -> list[str]:
        self.resolved.append(host)
        return [PUBLIC[host]] if host in PUBLIC else system_resolve(host, port)

    def connect(self, address: tuple[str, int], timeout: float | None = None, source: object = None) -> socket.socket:
        self.connected.append(address[0])
        local = "127.0.0.1" if address[0] in PUBLIC.values() else address[0]
        return socket.create_connection((local, address[1]), timeout)


def strict(**changes: object) -> FetchPolicy:
    """The default (strict) policy without waiting: private hosts are not allowed."""
    return FetchPolicy(**({"delay": 0.0, "backoff": 0.01, "timeout": 5.0, "retries": 0} | changes))  # type: ignore[arg-type]


@pytest.fixture
def net() -> FakeInternet:
    return FakeInternet()


def public(site: LocalSite, path: str, host: str = "news.example") -> str:  # noqa: F811
    """The URL of `path` on the local site as if it were served by a public host."""
    return f"http://{host}:{site.base.rsplit(':', 1)[1]}{path}"


def refused(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as error:
        fetcher.get(url)
    return error.value


BLOCKED = ["http://127.0.0.1/", "http://127.1.2.3:8080/x", "http://localhost/", "http://app.localhost/",
           "http://10.0.0.5/", "http://172.16.9.9/", "http://192.168.1.1/admin", "http://100.64.0.1/",
           "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/",
           "http://0.0.0.0/", "http://224.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
           "http://[::ffff:7f00:1]/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[64:ff9b::a00:1]/",
           "http://[2002:7f00:1::1]/", "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/",
           "http://127.1/", "HTTP://LOCALHOST./"]


@pytest.mark.parametrize("url", BLOCKED)
def test_inner_addresses_are_refused_before_any_connection(url: str, net: FakeInternet) -> None:
    error = refused(Fetcher(policy=strict(), resolve=net.resolve, connect=net.connect), url)
    assert error.reason == "blocked-address" and net.connected == []
    assert "refused" in error.detail and "\n" not in str(error)


def test_a_listening_loopback_server_gets_no_request_not_even_for_robots(site: LocalSite) -> None:  # noqa: F811
    site.routes["/a"] = page("A", "Teks.")
    error = refused(Fetcher(policy=strict()), site.base + "/a")
    assert error.reason == "blocked-address" and "loopback" in error.detail
    assert site.log == []


def test_opting_in_allows_private_hosts_but_never_metadata(site: LocalSite, net: FakeInternet) -> None:  # noqa: F811
    site.routes["/a"] = page("A", "Teks.")
    fetcher = Fetcher(policy=strict(allow_private=True), resolve=net.resolve, connect=net.connect)
    assert fetcher.get(site.base + "/a").status == 200
    for url in ("http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
                "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/"):
        error = refused(fetcher, url)
        assert error.reason == "blocked-address" and "metadata" in error.detail
    assert "169.254.169.254" not in net.connected


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://ftp.example/pub/x", "gopher://news.example:70/1",
                                 "data:text/html,<p>x</p>", "javascript:alert(1)", "//news.example/a",
                                 "http:///nohost", "http://news.example:99999/", "http://[::1/",
                                 # hosts urllib and urlsplit read differently: never guess which one is meant
                                 "http://127.0.0.1%2f@news.example/", "http://news.example\\@127.0.0.1/",
                                 "http://user:pw@news.example/", "http://news.example:80@127.0.0.1/",
                                 "http://127.0.0.1\t.news.example/", "http://news.example/a b"])
def test_only_well_formed_http_urls_are_fetched(url: str, net: FakeInternet) -> None:
    error = refused(Fetcher(policy=strict(allow_private=True), resolve=net.resolve, connect=net.connect), url)
    assert error.reason == "bad-url" and net.resolved == [] and net.connected == []


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/secret", "http://localhost:{port}/secret",
                                    "http://[::ffff:127.0.0.1]:{port}/secret", "http://169.254.169.254/latest/",
                                    "http://2130706433:{port}/secret"])
def test_a_redirect_from_a_public_host_to_an_inner_one_is_refused(site: LocalSite, net: FakeInternet,  # noqa: F811
                                                                  target: str) -> None:
    port = site.base.rsplit(":", 1)[1]
    site.routes["/start"] = (302, {"Location": target.format(port=port)}, b"")
    site.routes["/secret"] = page("Secret", "Rahasia.")
    error = refused(Fetcher(policy=strict(), resolve=net.resolve, connect=net.connect), public(site, "/start"))
    assert error.reason == "blocked-address" and "redirected to" in error.detail
    assert error.source == public(site, "/start")  # the input is named, not the redirect target
    assert site.hits("/start") == 1 and site.hits("/secret") == 0
    assert set(net.connected) == {PUBLIC["news.example"]}  # only the checked public address was dialled


def test_a_redirect_to_another_scheme_is_refused(site: LocalSite, net: FakeInternet) -> None:  # noqa: F811
    site.routes["/start"] = (301, {"Location": "file:///etc/passwd"}, b"")
    error = refused(Fetcher(policy=strict(), resolve=net.resolve, connect=net.connect), public(site, "/start"))
    assert error.reason == "bad-url" and "file" in error.detail


def test_public_redirects_are_followed_with_the_right_host_and_final_url(site: LocalSite, net: FakeInternet) -> None:  # noqa: F811
    site.routes["/old"] = (301, {"Location": public(site, "/new", host="other.example")}, b"")
    site.routes["/new"] = page("Baru", "Halaman pindah.")
    response = Fetcher(policy=strict(), resolve=net.resolve, connect=net.connect).get(public(site, "/old"))
    assert response.status == 200 and response.url == public(site, "/new", host="other.example")
    assert b"Baru" in response.body
    assert site.log[-1][1]["host"] == "other.example:" + site.base.rsplit(":", 1)[1]


def test_the_connection_goes_to_the_checked_address_without_a_second_lookup(
        site: LocalSite, net: FakeInternet, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """DNS rebinding: were the name looked up again after the check, a second answer (here:
    an error) could send the request inside. Only the fetcher's own resolver may be asked."""
    real = socket.getaddrinfo

    def no_public_names(host: object, *args: object, **kwargs: object) -> list:
        assert host not in PUBLIC, f"{host} was resolved a second time, outside the check"
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", no_public_names)
    site.routes["/a"] = page("A", "Teks.")
    fetcher = Fetcher(policy=strict(robots=False), resolve=net.resolve, connect=net.connect)
    assert fetcher.get(public(site, "/a")).status == 200
    assert net.resolved == ["news.example"] and net.connected == [PUBLIC["news.example"]]


def test_any_inner_address_among_several_refuses_the_host(net: FakeInternet) -> None:
    def mixed(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "10.1.2.3"]

    error = refused(Fetcher(policy=strict(), resolve=mixed, connect=net.connect), "http://mixed.example/")
    assert error.reason == "blocked-address" and "10.1.2.3" in error.detail and net.connected == []


def test_a_sitemap_cannot_send_the_crawler_inside(site: LocalSite, net: FakeInternet) -> None:  # noqa: F811
    inner, outer = site.base + "/secret", public(site, "/a")
    site.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{inner}</loc></url><url><loc>{outer}</loc></url></urlset>").encode())
    site.routes["/a"] = page("Berita", "Isi berita yang cukup panjang untuk dibaca.")
    site.routes["/secret"] = page("Secret", "Rahasia.")
    crawler = Crawler(Fetcher(policy=strict(), resolve=net.resolve, connect=net.connect))
    items = list(crawler.documents([public(site, "/sitemap.xml")]))
    assert [getattr(i, "reason", "document") for i in items] == ["blocked-address", "document"]
    assert site.hits("/secret") == 0 and site.hits("/a") == 1


def chain(site: LocalSite, prefix: str, length: int) -> None:  # noqa: F811
    """/prefix0 → /prefix1 → … → /prefix{length}, which is a page."""
    for n in range(length):
        site.routes[f"/{prefix}{n}"] = (302, {"Location": f"/{prefix}{n + 1}"}, b"")
    site.routes[f"/{prefix}{length}"] = page("End", "Akhir.")


def test_redirects_are_capped(site: LocalSite) -> None:  # noqa: F811
    chain(site, "r", 10)
    chain(site, "ok", 3)
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    fetcher = Fetcher(policy=strict(allow_private=True, max_redirects=3))
    assert fetcher.get(site.base + "/ok0").url == site.base + "/ok3"  # exactly the cap: fine
    error = refused(fetcher, site.base + "/r0")
    assert error.reason == "too-many-redirects" and "more than 3 redirects" in error.detail
    assert [site.hits(f"/r{n}") for n in range(6)] == [1, 1, 1, 1, 0, 0]
    assert refused(fetcher, site.base + "/loop").reason == "too-many-redirects" and site.hits("/loop") == 4
    no_redirects = Fetcher(policy=strict(allow_private=True, max_redirects=0))
    assert refused(no_redirects, site.base + "/ok2").reason == "too-many-redirects"


def test_the_redirect_cap_comes_from_the_settings() -> None:
    settings = load_settings(environ={"WARTA_FETCH_MAX_REDIRECTS": "2"})
    assert policy_from(settings).max_redirects == 2 and not policy_from(settings).allow_private
    assert policy_from(load_settings(environ={"WARTA_FETCH_ALLOW_PRIVATE": "1"})).allow_private


def test_bodies_over_the_cap_are_refused_whatever_they_claim(site: LocalSite) -> None:  # noqa: F811
    site.routes["/big"] = (200, HTML, b"x" * 5000)
    site.routes["/bomb"] = (200, HTML | {"Content-Encoding": "gzip"}, gzip.compress(b"x" * 200_000))
    site.routes["/fine"] = (200, HTML, b"x" * 900)
    fetcher = Fetcher(policy=strict(allow_private=True, max_bytes=1000))
    assert refused(fetcher, site.base + "/big").reason == "too-large"
    assert refused(fetcher, site.base + "/bomb").reason == "too-large"
    assert len(fetcher.get(site.base + "/fine").body) == 900


@pytest.fixture
def endless() -> Iterator[str]:
    """A server that answers without Content-Length and sends bytes until the client hangs up."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                try:
                    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
                    for _ in range(1000):
                        conn.sendall(b"x" * 65536)
                except OSError:
                    pass

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    server.close()


def test_a_body_without_length_is_cut_at_the_cap(endless: str) -> None:
    fetcher = Fetcher(policy=strict(allow_private=True, robots=False, max_bytes=100_000))
    assert refused(fetcher, endless + "/stream").reason == "too-large"


def test_address_rules() -> None:
    from ipaddress import ip_address as ip

    assert blocked_reason(ip("93.184.215.14")) is None and blocked_reason(ip("2606:4700::1111")) is None
    assert blocked_reason(ip("::ffff:10.0.0.1")) == "a private address"
    assert blocked_reason(ip("100.127.255.255")) == "a shared (CGNAT) address"
    assert blocked_reason(ip("10.0.0.1"), allow_private=True) is None
    assert blocked_reason(ip("169.254.169.254"), allow_private=True) == "a cloud metadata service"


def test_the_cli_refuses_an_inner_url_by_default(site: LocalSite, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from typer.testing import CliRunner

    from warta import cli

    monkeypatch.setenv("WARTA_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("WARTA_FETCH_DELAY", "0")
    monkeypatch.delenv("WARTA_FETCH_ALLOW_PRIVATE", raising=False)
    site.routes["/a"] = page("A", "Teks berita yang cukup panjang untuk dibaca oleh warta.")
    cli._load_command_modules()
    result = CliRunner().invoke(cli.app, ["ingest", site.base + "/a", "--engine", "serial", "--quiet"])
    assert result.exit_code == 1 and "blocked-address" in result.output
    assert site.log == []
