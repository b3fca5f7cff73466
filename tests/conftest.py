"""Shared test helpers: where the fixtures and the real-news corpus are, and how to run the CLI.

The corpus (`../shared/corpus` next to the repository) is never copied into the repo; tests that
read it take the `corpus` fixture, which skips them cleanly when the folder is absent.
"""
from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
CORPUS = TESTS.parent.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The folder of hand-written test inputs."""
    return FIXTURES


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real-news corpus folder; skips the test when it is not there."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
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
