"""`warta serve` cannot be made to spend what it must not: a write without the token is refused from
its headers (its body is never read, the server does not grow), bodies and URLs are capped, a Host
it does not answer to gets 400 (DNS rebinding), the response cache counts its keys, and extraction
for the API runs in a worker process that the server ends when it overruns its time limit.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_store_concurrency import free_port

from warta.api import create_app
from warta.api.cache import ResponseCache
from warta.api.extractor import Extractor
from warta.api.guards import host_name, trusted_hosts
from warta.errors import DocumentMemoryError, DocumentTimeoutError
from warta.settings import load_settings
from warta.store import open_store

TOKEN = "t0ken-for-tests"
BODY = ("Menteri Luar Negeri Indonesia bertemu Duta Besar Prancis di Jakarta pada Senin untuk membahas "
        "kerja sama energi, kata juru bicara kementerian kepada wartawan.")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, subprocess.Popen]]:
    """`warta serve` on loopback with a token, in its own process."""
    db = tmp_path_factory.mktemp("served") / "warta.db"
    open_store(str(db)).close()
    port = free_port()
    env = {**os.environ, "WARTA_API_TOKEN": TOKEN, "WARTA_ALLOWED_HOSTS": "news.internal"}
    process = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        for _ in range(600):
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def _request(port: int, head: str, body_bytes: int = 0, *, chunk: int = 1 << 20) -> int:
    """Send `head` and then up to `body_bytes` zero bytes (stopping when the server answers or hangs
    up); the answer's status."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head.encode("latin-1"))
        sent = 0
        sock.setblocking(False)
        answer = b""
        while sent < body_bytes and not answer:
            try:
                sent += sock.send(b"\0" * min(chunk, body_bytes - sent))
            except BlockingIOError:
                time.sleep(0.01)
            except OSError:
                break  # the server answered and closed
            try:
                answer = sock.recv(65536)
            except BlockingIOError:
                pass
        sock.setblocking(True)
        answer = answer or sock.recv(65536)
    return int(answer.split(b" ", 2)[1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_an_unauthenticated_50_mb_body_is_refused_unread(server) -> None:
    port, process = server
    before = _rss_mb(process.pid)
    head = (f"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {50_000_000}\r\n\r\n")
    statuses = [_request(port, head, 50_000_000) for _ in range(2)]
    assert all(status in (401, 403, 413) for status in statuses), statuses
    assert _rss_mb(process.pid) - before < 100


def test_a_foreign_host_gets_400(server) -> None:
    port, _ = server
    get = "GET /api/stats HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n"
    assert _request(port, get.format("evil.example")) == 400
    assert _request(port, get.format(f"evil.example:{port}")) == 400
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", "news.internal", f"[::1]:{port}"):
        assert _request(port, get.format(host)) == 200, host


def test_body_and_url_limits(tmp_path: Path) -> None:
    settings = load_settings({"api_max_body_bytes": 1000, "api_max_url_bytes": 200})
    app = create_app(db=str(tmp_path / "w.db"), token=TOKEN, settings=settings, hosts={"testserver"})
    with TestClient(app) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/api/articles", content=b"x" * 2000, headers=auth).status_code == 413
        chunks = iter([b"{" + b" " * 600, b" " * 600 + b"}"])  # no Content-Length: counted as it comes
        assert client.post("/api/articles", content=chunks, headers=auth).status_code == 413
        assert client.get("/api/articles?q=" + "a" * 300).status_code == 414
        assert client.get("/api/stats").status_code == 200
        assert client.get("/api/stats", headers={"Host": "elsewhere"}).status_code == 400


def test_trusted_hosts() -> None:
    assert trusted_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert trusted_hosts("10.1.2.3", "news.example, Other.Example.") == {"10.1.2.3", "news.example", "other.example"}
    assert trusted_hosts("10.1.2.3", "*") is None
    assert [host_name(h) for h in ("LocalHost:80", "[::1]:8000", "::1", "a.example.")] == ["localhost", "::1", "::1", "a.example"]


def test_the_cache_counts_its_keys() -> None:
    cache = ResponseCache(max_bytes=1_000_000)
    for number in range(200):  # 50 KB query strings, tiny answers
        cache.put(("/api/articles", f"q={number}&" + "x" * 50_000, 1), b"[]")
    assert cache.size <= 1_000_000 and len(cache._bodies) < 25  # noqa: SLF001


def sleepy(*args: object) -> str:
    """Stands in for a document whose extraction never returns (a call into C ignoring the timer)."""
    time.sleep(600)
    return ""


def dies(*args: object) -> str:
    """Stands in for a document that sinks its worker."""
    os._exit(9)


def test_api_extraction_is_ended_at_its_time_limit_and_survives_a_dead_worker() -> None:
    slow = Extractor({"document_timeout": 1.0}, work=sleepy, grace=1.0)
    started = time.monotonic()
    with pytest.raises(DocumentTimeoutError):
        slow.extract(BODY, url=None, source="slow", metadata={})
    assert time.monotonic() - started < 30  # the worker's start-up, 1 s and the grace
    slow.close()
    dead = Extractor({"document_timeout": 0}, work=dies)
    with pytest.raises(DocumentMemoryError):
        dead.extract(BODY, url=None, source="dead", metadata={})
    dead.work = Extractor({}).work  # a new worker takes the next document
    assert dead.extract(f"Judul\n\n{BODY}", url="https://x.example/a", source="a", metadata={}).text
    dead.close()
