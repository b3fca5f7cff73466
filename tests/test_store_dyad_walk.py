"""A dyad's newest quotes and amounts are the same whichever way the store finds them: walking
every record newest first and looking its article up in the dyad counts (a common pair), or
reading the records of the pair's articles (a rare one)."""
from __future__ import annotations

import pytest
from test_store_conformance import store as backend  # noqa: F401  (the fixture: each backend)
from test_store_data import english_article, indonesian_article

from warta.store import Filters, dyad_latest


def _articles():
    base = (indonesian_article(), english_article())
    for i in range(6):  # more articles, days and sides, some without quotes or amounts
        tail = " ".join(f"kata{i}x{j}" for j in range(200))  # no syndicated copy of another (merge.py)
        for article in base:
            yield article.replace(url=f"{article.url}/{i}", source=f"{article.source}#{i}",
                                  published=f"2025-0{1 + i % 3}-1{i}", text=f"{article.text} {tail}.",
                                  quotes=article.quotes if i % 2 else (), amounts=article.amounts if i % 3 else ())


@pytest.mark.parametrize("kind", ["quotes", "amounts"])
def test_walking_and_reading_a_pairs_articles_give_the_same_page(backend, kind, monkeypatch) -> None:
    store = backend
    for article in _articles():
        store.ingest(article)
    for pair in (("IDN", "RUS"), ("RUS", "IDN"), ("AUS", "IDN"), ("IDN", "IDN"), ("USA", "CHN")):
        for limit, offset in ((3, 0), (3, 2), (100, 0)):
            f = Filters(dyad=pair, limit=limit, offset=offset)
            found = {}
            for walk in (True, False):
                monkeypatch.setattr(type(store), "_common_pair", lambda self, a, b, n, walk=walk: walk)
                found[walk] = getattr(store, kind)(f)
            assert found[True] == found[False]
            if pair not in {("USA", "CHN"), ("IDN", "IDN")} and limit == 100:
                assert found[True]


@pytest.mark.parametrize("kind", ["quotes", "amounts"])
@pytest.mark.parametrize("spare", [0, 10])
def test_a_pairs_newest_articles_give_the_same_page(backend, kind, spare, monkeypatch) -> None:
    """Read from the dyad's newest articles (dyad_latest.py), the page is the one the records
    themselves give, whatever the page's size and place, after re-stores too (with no spare
    articles, more are read in rounds)."""
    monkeypatch.setattr(dyad_latest, "SPARE", spare)
    store = backend
    for article in _articles():
        store.ingest(article)
    store.ingest(indonesian_article(published="2024-01-01", text=indonesian_article().text + " Ralat."))
    store.ingest(indonesian_article(published=None, url="https://example.id/undated", text="Tanpa tanggal. " * 30))
    for pair in (("IDN", "RUS"), ("RUS", "IDN"), ("AUS", "IDN"), ("IDN", "IDN"), ("USA", "CHN")):
        for limit, offset, since in ((1, 0, None), (3, 2, None), (5, 9, None), (100, 0, None), (2, 1, "2025-02-01")):
            f = Filters(dyad=pair, limit=limit, offset=offset, since=since)
            kept = getattr(store, kind)(f)
            store._dates_dyads = False
            try:
                assert kept == getattr(store, kind)(f)
            finally:
                store._dates_dyads = True
