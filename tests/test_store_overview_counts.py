"""The overview's counts kept at ingest (store/overview_counts.py), on every backend: after
inserts, re-stores and replacements they equal a recount from the rows, and the stats, the
network and the places read from them equal those computed from the rows."""
from __future__ import annotations

import pytest
from test_store_conformance import store as backend  # noqa: F401  (the fixture: each backend)
from test_store_counts import _articles_by_day, _kept, _recounted, _rounded, _scanned
from old_schema import older_store
from test_store_data import english_article, indonesian_article

from warta.model import Actor, Entity, Event, Evidence
from warta.store import dyad_latest, open_store

TEXT = ("The United Nations sent aid to Indonesia. A militia attacked a village near Davao. "
        "Officials met in Geneva and in Davao City.")
UN = Actor(name="United Nations", code="IGOUNO")
MILITIA = Actor(name="Abu Sayyaf militia")
PHL = Actor(name="Philippines", country="PHL", code="PHLGOV")
IDN = Actor(name="Republic of Indonesia", country="IDN")


def _evidence(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(text=needle, start=start, end=start + len(needle), trigger=needle)


def odd_article(**changes):
    """An undated article of no language whose sides are a CAMEO code, a name alone, a country
    and nobody, whose places carry GeoNames ids and countries, one name with two readings."""
    article = english_article().replace(
        source="test/odd.txt", url="https://example.org/odd", title="Aid and attacks", text=TEXT, published=None,
        language=None, quotes=(), amounts=(),
        entities=(Entity(id="p1", name="Davao", type="CITY", iso3="PHL", country="PHL", geonames=1715348),
                  Entity(id="p2", name="Davao", type="REGION", iso3="PHL", geonames=1715347),
                  Entity(id="p3", name="Geneva", type="CITY", country="CHE", geonames=2660646),
                  Entity(id="p4", name="Geneva", type="ORG"),  # not a place: not counted for places
                  Entity(id="p5", name="Indonesia", type="COUNTRY", iso3="IDN")),
        events=(Event(type="AID", cameo="071", actor1=UN, actor2=IDN, evidence=_evidence("sent aid"), goldstein=7.4),
                Event(type="FIGHT", cameo="190", actor1=MILITIA, actor2=PHL, evidence=_evidence("attacked")),
                Event(type="CONSULT", cameo="040", actor1=PHL, actor2=None, evidence=_evidence("met"), goldstein=1.0),
                Event(type="CONSULT", cameo="040", actor1=UN, actor2=UN.replace(name="UN"),
                      evidence=_evidence("Officials met"), goldstein=1.0)))
    return article.replace(**changes) if changes else article


def _check(store) -> None:
    assert _kept(store) == _recounted(store)
    assert _articles_by_day(store, "SELECT a, b, day, article_id, n FROM dyad_articles") == \
        _articles_by_day(store, dyad_latest.RECOUNT)
    assert _rounded(store.stats()) == _rounded(_scanned(store, store.stats))
    assert _rounded(store.network(limit=300)) == _rounded(_scanned(store, lambda: store.network(limit=300)))
    assert store.places() == _scanned(store, store.places)


def test_the_overview_counts_follow_every_write(backend) -> None:
    store = backend
    assert store.stats()["articles"] == 0 and store.network()["edges"] == [] and store.places() == []
    _check(store)
    assert store.ingest(odd_article()) == "added"
    _check(store)
    stats, network = store.stats(), store.network()
    assert stats["undated"] == 1 and stats["languages"] == {"?": 1} and stats["since"] is None
    assert {(e["source"], e["target"]) for e in network["edges"]} == {("IGOUNO", "IDN"), ("Abu Sayyaf militia", "PHL")}
    davao = next(p for p in store.places() if p["name"] == "Davao")
    assert (davao["articles"], davao["geonames"], davao["country"]) == (1, 1715348, "PHL")
    assert davao["events"] == 4  # the events of the articles naming it: what the map sizes it by
    store.ingest(indonesian_article())
    store.ingest(english_article())
    _check(store)
    assert store.ingest(odd_article()) == "unchanged"
    # replaced: fewer events and places, a language and a day; its old rows leave every count
    smaller = odd_article(text=TEXT + " More.", published="2025-08-01", language="en",
                          entities=odd_article().entities[2:4], events=odd_article().events[:1])
    assert store.ingest(smaller) == "updated"
    _check(store)
    assert store.stats()["undated"] == 0 and "Davao" not in {p["name"] for p in store.places()}
    assert store.ingest(english_article(events=english_article().events[1:], entities=())) == "updated"
    _check(store)


@pytest.mark.parametrize("backend_name", ["sqlite", "postgres"])
def test_a_store_migrated_to_the_overview_counts_is_counted_from_its_rows(backend_name, tmp_path,
                                                                         monkeypatch) -> None:
    from warta.store import migrations

    with older_store(backend_name, migrations.OVERVIEW_VERSION, tmp_path, monkeypatch) as (where, latest):
        old = open_store(where)
        for article in (odd_article(), indonesian_article(), english_article()):
            old.ingest(article)
        old.close()
        latest()
        store = open_store(where)
        try:
            assert store.schema_version() == migrations.LATEST
            _check(store)
            store.ingest(odd_article(events=odd_article().events[1:], text=TEXT + " Again."))
            _check(store)
        finally:
            store.close()
