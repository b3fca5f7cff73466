"""Fetch limits that hold whatever a server does: one total deadline per fetch (connection, reads,
retries and waits) against a server that drips a byte at a time, and one bounded decompression path
for bodies and sitemaps whatever Content-Encoding claims (reserved gzip flags, gzip labelled
deflate, bombs). Every server here listens on 127.0.0.1 and stops by itself.
"""
from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator

import pytest

from warta.crawl import Fetcher, FetchError, FetchPolicy
from warta.crawl.sitemaps import parse_sitemap
from warta.read.inflate import InflateError, inflate

LIMIT = 1_000_000
BOMB = gzip.compress(b" " * 50_000_000, compresslevel=9)  # 50 MB from about 50 KB


def policy(**changes: object) -> FetchPolicy:
    return FetchPolicy(**({"delay": 0.0, "backoff": 0.05, "timeout": 2.0, "retries": 3, "robots": False,
                           "allow_private": True, "max_bytes": LIMIT} | changes))  # type: ignore[arg-type]


class RawServer:
    """Answers every connection on 127.0.0.1 with `respond(conn)`, for at most `lifetime` seconds."""

    def __init__(self, respond, lifetime: float = 30.0) -> None:
        self.respond = respond
        self.connections = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.stop_at = time.monotonic() + lifetime
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/page.html"

    def _serve(self) -> None:
        while time.monotonic() < self.stop_at:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                self.respond(conn, self)
            except OSError:
                pass  # the client hung up: what a deadline does

    def close(self) -> None:
        self.stop_at = 0
        self.thread.join()
        self.sock.close()


@pytest.fixture
def serve() -> Iterator:
    servers: list[RawServer] = []

    def start(respond) -> RawServer:
        servers.append(RawServer(respond))
        return servers[-1]
    yield start
    for server in servers:
        server.close()


def drip(conn: socket.socket, server: RawServer) -> None:
    """Headers at once, then the body a byte every 0.2 s (a page would take minutes)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
    while time.monotonic() < server.stop_at:
        conn.sendall(b"x")
        time.sleep(0.2)


def silent(conn: socket.socket, server: RawServer) -> None:
    """Accepts, reads the request and never answers."""
    while time.monotonic() < server.stop_at:
        time.sleep(0.1)


@pytest.mark.parametrize("respond", [drip, silent], ids=["drip", "silent"])
def test_one_deadline_holds_for_the_whole_fetch_retries_included(serve, respond) -> None:
    server = serve(respond)
    started = time.monotonic()
    with pytest.raises(FetchError) as error:
        Fetcher(policy=policy(timeout=2.0, retries=3)).get(server.url)
    elapsed = time.monotonic() - started
    assert error.value.reason == "timeout"
    assert elapsed < 2.0 + 3.0, elapsed  # 2 s budget; before, a drip took 100,000 s per try, 4 tries


def _respond_with(body: bytes, encoding: str):
    def respond(conn: socket.socket, server: RawServer) -> None:
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n"
                     f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
    return respond


def _reserved_flags(data: bytes) -> bytes:
    return data[:3] + bytes([data[3] | 0xE0]) + data[4:]  # FLG bits 5-7 are reserved


@pytest.mark.parametrize(("body", "encoding", "reason"), [
    (BOMB, "gzip", "too-large"),
    (BOMB, "deflate", "too-large"),  # gzip labelled deflate is still read as gzip, bounded
    (zlib.compress(b" " * 50_000_000, 9), "deflate", "too-large"),
    (_reserved_flags(BOMB), "gzip", "bad-encoding"),  # no second, unbounded decompressor
    (_reserved_flags(BOMB), "deflate", "bad-encoding"),
    (gzip.compress(b"<p>" * 1000)[:-20], "gzip", "bad-encoding"),  # cut short
])
def test_compressed_bodies_are_bounded_whatever_they_claim(serve, body: bytes, encoding: str, reason: str) -> None:
    server = serve(_respond_with(body, encoding))
    with pytest.raises(FetchError) as error:
        Fetcher(policy=policy(retries=0)).get(server.url)
    assert error.value.reason == reason, error.value


def test_a_gzip_body_labelled_deflate_is_read(serve) -> None:
    page = b"<html><body><p>Berita</p></body></html>"
    server = serve(_respond_with(gzip.compress(page), "deflate"))
    assert Fetcher(policy=policy(retries=0)).get(server.url).body == page


def test_inflate_reads_members_and_refuses_what_is_odd() -> None:
    assert inflate(gzip.compress(b"a") + gzip.compress(b"b"), 10, source="x") == b"ab"
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    assert inflate(raw.compress(b"abc") + raw.flush(), 10, source="x", encoding="deflate") == b"abc"
    for bad, why in [(BOMB, "larger than 10 bytes"), (_reserved_flags(gzip.compress(b"a")), "corrupt gzip"),
                     (gzip.compress(b"abc")[:-12], "truncated gzip")]:
        with pytest.raises(InflateError, match=why):
            inflate(bad, 10, source="x")


def test_a_gzipped_sitemap_bomb_is_refused() -> None:
    sitemap = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    with pytest.raises(ValueError, match="larger than"):
        parse_sitemap(gzip.compress(sitemap + b" " * 5_000_000 + b"</urlset>"), max_bytes=LIMIT)
    with pytest.raises(ValueError, match="corrupt"):
        parse_sitemap(_reserved_flags(gzip.compress(sitemap + b"</urlset>")), max_bytes=LIMIT)
