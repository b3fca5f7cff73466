"""Crash safety of the store's writes: a writer killed with SIGKILL at random moments loses no
article whose transaction had committed, leaves no article half-written, and a re-run finishes
the job without duplicates. SQLite always; PostgreSQL from WARTA_TEST_POSTGRES_URL (required in
CI with WARTA_REQUIRE_POSTGRES=1, as in the conformance suite).

The writer is a child process that prints each article's id and version once `ingest()` has
returned, i.e. once its transaction committed; whatever it printed must be in the store after
the kill, and every article in the store must hold exactly the records of one version of it.
"""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_conformance import _fresh_postgres, _postgres_url

from warta.model import Actor, Amount, Article, Entity, Event, Evidence, Mention, Quote
from warta.store import open_store
from warta.store.rows import article_id, once

TESTS = Path(__file__).resolve().parent
ARTICLES = 300  # far more than a writer gets through before it is killed, however late the kill lands
COUNTED = ("events", "quotes", "amounts", "entities")
IDN, RUS = Actor("Indonesia", "IDN", "IDNGOV"), Actor("Russia", "RUS", "RUSGOV")


# -- the articles: how many records each has depends on its number and version --------------
def sized(i: int, version: int) -> int:
    """Events in version `version` of article `i`: a later version always has more."""
    return 2 + i % 5 + 3 * version


def make_article(i: int, version: int) -> Article:
    """Article `i` as written in round `version`; every record names its version in its text."""
    sentences, offset = [], 0
    for k in range(sized(i, version)):
        sentence = f"Indonesia and Russia met about matter {k} of article {i} in version {version}."
        sentences.append((sentence, offset, offset + len(sentence)))
        offset += len(sentence) + 1
    text = " ".join(s for s, _, _ in sentences)
    # each meeting dated by its own clause, so none is a restatement of another (rows.once)
    events = tuple(Event(type="CONSULT", cameo="040", actor1=IDN, actor2=RUS, goldstein=1.0,
                         evidence=Evidence(s, start, end, "met"), context=("diplomatic",),
                         date=f"2025-06-{k + 1:02d}", date_source="clause")
                   for k, (s, start, end) in enumerate(sentences))
    quotes = tuple(Quote(s, start, end, speaker={"name": "Sugiono", "country": "IDN"}, cue="said")
                   for s, start, end in sentences[::2])
    amounts = tuple(Amount("matter", start + 31, start + 37, 1.0 + version, "USD") for _, start, _ in sentences[::3])
    entities = (Entity("e1", "Indonesia", "COUNTRY", (Mention(0, 9, "Indonesia"),), iso3="IDN"),
                Entity("e2", "Russia", "COUNTRY", (Mention(14, 20, "Russia"),), iso3="RUS"),
                *(Entity(f"p{k}", f"Person {k}", "PERSON", iso3="IDN") for k in range(version)))
    return Article(source=f"crash/{i}", url=f"https://crash.example/{i}", title=f"Article {i} version {version}",
                   text=text, language="en", published=f"2025-06-{1 + i % 28:02d}", events=events, quotes=quotes,
                   amounts=amounts, entities=entities)


def expected(i: int, version: int) -> dict[str, int]:
    """How many rows of each record table version `version` of article `i` puts in the store."""
    article = make_article(i, version)
    counts = {table: len(getattr(article, table)) for table in COUNTED}
    if "events" in counts:  # the store counts one event once: restatements are one row (rows.once)
        counts["events"] = len(once(article.events))
    return counts


# -- the writer ------------------------------------------------------------------------------
def child_main() -> None:
    """`python -c ... URL VERSION`: write every article at that version, printing each once stored."""
    url, version = sys.argv[1], int(sys.argv[2])
    store = open_store(url)
    for i in range(ARTICLES):
        status = store.ingest(make_article(i, version))
        print(article_id(make_article(i, version)), version, status, flush=True)
    store.close()


def writer(url: str, version: int) -> subprocess.Popen:
    code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); from test_store_crash import child_main; child_main()"
    return subprocess.Popen([sys.executable, "-c", code, url, str(version)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def kill_midway(url: str, version: int, rng: random.Random) -> list[tuple[str, int]]:
    """Start a writer, SIGKILL it after a random number of committed articles (plus a random
    fraction of the next one); returns the (id, version) pairs it reported as committed."""
    process = writer(url, version)
    assert process.stdout is not None
    committed: list[tuple[str, int]] = []
    for _ in range(rng.randint(3, 100)):
        line = process.stdout.readline()
        assert line, f"the writer stopped early: {process.stderr.read() if process.stderr else ''}"
        committed.append((line.split()[0], int(line.split()[1])))
    time.sleep(rng.random() * 0.004)  # land anywhere inside the next article's transaction
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    lines = process.stdout.read().split("\n")[:-1]  # the last piece, if any, is a line cut by the kill
    return committed + [(line.split()[0], int(line.split()[1])) for line in lines]


# -- what the store holds --------------------------------------------------------------------
def stored_versions(store) -> dict[str, int]:
    """Each stored article's version (from its title), checking that it is whole: its counts, its
    record rows and its full-text entry all belong to that one version."""
    versions = {}
    with store.snapshot():
        articles = store._rows("SELECT id, title, n_events, n_quotes, n_amounts, n_entities FROM articles")
        rows = {table: {r["article_id"]: r["n"] for r in store._rows(
            f"SELECT article_id, count(*) AS n FROM {table} GROUP BY article_id")} for table in COUNTED}
        evidence = store._rows("SELECT article_id, evidence FROM events")
        indexed = full_text_entries(store)
    for a in articles:
        i, version = (int(x) for x in a["title"].removeprefix("Article ").split(" version "))
        want = expected(i, version)
        assert {t: rows[t].get(a["id"], 0) for t in COUNTED} == want, f"article {i} is half-written"
        assert [a[f"n_{t}"] for t in COUNTED] == [want[t] for t in COUNTED]
        marks = {e["evidence"].rsplit(" ", 1)[-1] for e in evidence if e["article_id"] == a["id"]}
        assert marks == {f"{version}."}, f"article {i} mixes two versions"
        assert indexed.get(a["id"]) == 1, f"article {i} is not in the full-text index exactly once"
        versions[a["id"]] = version
    assert set(indexed) <= set(versions), "full-text entries of articles that are not stored"
    return versions


def full_text_entries(store) -> dict[str, int]:
    if store.url.startswith("postgres"):
        return {r["id"]: 1 for r in store._rows("SELECT id FROM articles WHERE tsv IS NOT NULL")}
    return {r["article_id"]: r["n"] for r in store._rows(
        "SELECT article_id, count(*) AS n FROM article_fts GROUP BY article_id")}


def integrity(url: str) -> None:
    """SQLite's own checks of the file and of the full-text index (PostgreSQL keeps its own)."""
    if url.startswith("postgres"):
        return
    with sqlite3.connect(url) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")  # raises if corrupt


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path) -> Iterator[str]:
    """An empty store of each backend (created, so the writers only write)."""
    if request.param == "sqlite":
        path = str(tmp_path / "crash.db")
        open_store(path).close()
        yield path
        return
    import psycopg

    base = _postgres_url()
    fresh, name = _fresh_postgres(base)
    open_store(fresh).close()
    yield fresh
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_sigkill_during_writes_loses_nothing_committed_and_leaves_nothing_half_written(store_url: str) -> None:
    url = store_url
    rng = random.Random(20250617)
    ids = {i: article_id(make_article(i, 0)) for i in range(ARTICLES)}
    for version in range(3):  # a first version of each article, then two rounds of updates
        for _ in range(2):
            committed = kill_midway(url, version, rng)
            integrity(url)
            with open_store(url) as store:
                versions = stored_versions(store)
            for aid, v in committed:
                assert versions.get(aid) == v, f"{aid} was committed at version {v} but the store has {versions.get(aid)}"
            assert all(v in (version, version - 1) for v in versions.values())
        finished = writer(url, version)
        out, err = finished.communicate(timeout=120)
        assert finished.returncode == 0, err
        statuses = [line.split()[2] for line in out.splitlines()]
        assert len(statuses) == ARTICLES and "unchanged" in statuses  # what was done is not redone
        integrity(url)
        with open_store(url) as store:
            assert stored_versions(store) == {ids[i]: version for i in range(ARTICLES)}  # all there, once
            assert store.stats()["articles"] == ARTICLES
