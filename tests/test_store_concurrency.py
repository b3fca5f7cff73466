"""Concurrent ingest and serve: while a writer process adds and updates articles, readers — the
real server (`warta serve`, with its response cache) and direct store reads — only ever see
committed, whole states: every article complete and of one version, an updated article wholly old
or wholly new, and dyad counts equal to those of a state the writer committed (never more). On
SQLite (WAL) and on PostgreSQL. No timing assertions: the readers just read as often as they can.
"""
from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import test_store_crash
from test_store_crash import TESTS, expected, make_article, sized, stored_versions

from warta.store import Filters, open_store

ARTICLES, VERSIONS = 24, 4
store_url = test_store_crash.store_url  # the same fixture: an empty store of each backend


def child_main() -> None:
    """`python -c ... URL GO`: once GO exists, add every article and update each to the last
    version, in a shuffled order; after each commit print the IDN-RUS event count the store holds."""
    url, go = sys.argv[1], Path(sys.argv[2])
    while not go.exists():
        time.sleep(0.01)
    store = open_store(url)
    order = [(i, v) for v in range(VERSIONS) for i in random.Random(v).sample(range(ARTICLES), ARTICLES)]
    current: dict[int, int] = {}
    for i, version in order:
        store.ingest(make_article(i, version))
        current[i] = version
        print(sum(sized(k, v) for k, v in current.items()), flush=True)
        time.sleep(0.002)  # spread the commits so the readers see many states (not an assertion)
    store.close()


class Readers:
    """Reader threads that run `read()` until told to stop, keeping every failure."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.failures: list[BaseException] = []
        self.totals: set[int] = set()
        self.reads = 0
        self.started = threading.Semaphore(0)
        self.threads: list[threading.Thread] = []

    def start(self, read: Callable[[], int]) -> None:
        def loop() -> None:
            try:
                self.totals.add(read())
                self.started.release()
                while not self.stop.is_set():
                    self.totals.add(read())
                    self.reads += 1
            except BaseException as error:  # noqa: BLE001 (reported by the test)
                self.failures.append(error)
                self.started.release()

        self.threads.append(threading.Thread(target=loop, daemon=True))
        self.threads[-1].start()

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def version_of(title: str) -> tuple[int, int]:
    i, version = title.removeprefix("Article ").split(" version ")
    return int(i), int(version)


def check_article(data: dict) -> None:
    """An article as the API gives it: all of it from one version."""
    i, version = version_of(data["title"])
    assert data["text"] == make_article(i, version).text
    assert {k: len(data[k]) for k in expected(i, version)} == expected(i, version)
    for event in data["events"]:
        ev = event["evidence"]
        assert data["text"][ev["start"]:ev["end"]] == ev["text"] and ev["text"].endswith(f"version {version}.")


def read_store(url: str) -> Callable[[], int]:
    """Direct reads: the whole store in one snapshot, the dyad summary in another."""
    store = open_store(url)

    def read() -> int:
        ids = sorted(stored_versions(store))  # every article whole, of one version
        d = store.dyad("IDN", "RUS", filters=Filters(limit=5))
        assert d["events_total"] == sum(t["n"] for t in d["by_type"]) == sum(m["n"] for m in d["by_month"])
        for aid in random.sample(ids, min(3, len(ids))):
            check_article(store.article(aid).to_dict())  # articles are updated, never removed
        return d["events_total"]

    return read


def read_api(base: str) -> Callable[[], int]:
    """Reads through the served API: the dyad page, the article list, articles and their events."""
    http = httpx.Client(base_url=base, timeout=60)

    def read() -> int:
        d = http.get("/api/dyads/IDN/RUS", params={"limit": 5}).raise_for_status().json()
        assert d["events_total"] == sum(t["n"] for t in d["by_type"]) == sum(m["n"] for m in d["by_direction"])
        listed = http.get("/api/articles", params={"limit": 100}).raise_for_status().json()["items"]
        for row in listed:
            i, version = version_of(row["title"])
            assert row["n_events"] == sized(i, version)
        for row in random.sample(listed, min(3, len(listed))):
            check_article(http.get(f"/api/articles/{row['id']}").raise_for_status().json())
            events = http.get("/api/events", params={"article": row["id"], "limit": 1000}).raise_for_status().json()["items"]
            marks = {e["evidence"].rsplit(" ", 1)[-1] for e in events}
            assert len(marks) <= 1, "an article's events from two versions"
            if events:
                i = version_of(row["title"])[0]
                assert len(events) == sized(i, int(marks.pop().rstrip(".")))
        return d["events_total"]

    return read


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served(url: str) -> Iterator[str]:
    """`warta serve` on the store in its own process; its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    try:
        for _ in range(600):
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def server(store_url: str) -> Iterator[str]:
    yield from served(store_url)


def test_readers_see_only_whole_committed_states_while_a_writer_ingests(store_url: str, server: str,
                                                                         tmp_path: Path) -> None:
    url = store_url
    go = tmp_path / "go"
    code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); from test_store_concurrency import child_main; child_main()"
    writer = subprocess.Popen([sys.executable, "-c", code, url, str(go)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    readers = Readers()
    for read in (read_store(url), read_api(server), read_api(server)):
        readers.start(read)
    for _ in readers.threads:
        readers.started.acquire(timeout=60)  # every reader has read once: now write while they read
    go.touch()
    out, err = writer.communicate(timeout=300)
    readers.join()
    assert writer.returncode == 0, err
    if readers.failures:
        raise readers.failures[0]
    committed = {0, *(int(line) for line in out.split())}
    assert readers.totals <= committed, f"dyad counts of states never committed: {readers.totals - committed}"
    final = max(committed)
    # Once the writer is done, a new request sees its last state (no stale cached answer).
    assert read_api(server)() == final and read_store(url)() == final
    with open_store(url) as store:
        assert set(stored_versions(store).values()) == {VERSIONS - 1}
