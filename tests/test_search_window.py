"""SQLite search of a word in more articles than it ranks at once (sqlite.RANK_WINDOW): the
matches are ranked in blocks of stored order, newest block first, by relevance within a block;
every page of one query follows that one order, so paging neither repeats nor skips a hit, and
each hit has its own snippet."""
from __future__ import annotations

import pytest

from warta.model import Article
from warta.store import open_store, sqlite


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite, "RANK_WINDOW", 4)
    s = open_store(str(tmp_path / "w.db"))
    for i in range(13):
        # every third article says "tarif" three times (more relevant), the others once;
        # every fourth holds "tarif impor" in a row
        said = "tarif tarif tarif" if i % 3 == 0 else "tarif"
        extra = " Bea tarif impor naik." if i % 4 == 0 else ""
        s.ingest(Article(source=f"t/{i}", url=f"https://example.id/{i}", title=f"Berita {i}",
                         text=f"Pemerintah membahas {said} baru nomor {i} hari ini.{extra} Lainnya tetap.",
                         language="id"))
    s.ingest(Article(source="t/x", url="https://example.id/x", title="Lain", text="Cuaca cerah sekali.",
                     language="id"))
    yield s
    s.close()


def _number(hit: dict) -> int:
    return int(hit["url"].rsplit("/", 1)[1])


def test_pages_follow_one_order(store):
    whole = [h["url"] for h in store.search("tarif", limit=50)]
    paged = [h["url"] for offset in range(0, 14, 3) for h in store.search("tarif", limit=3, offset=offset)]
    assert len(whole) == 13 and paged == whole
    assert store.search_total("tarif") == 13


def test_newest_block_first_then_relevance(store):
    hits = store.search("tarif", limit=50)
    first = hits[:4]  # the four newest matches form the first block
    assert sorted(_number(h) for h in first) == [9, 10, 11, 12]
    assert _number(first[0]) == 12 or _number(first[0]) == 9  # those saying it three times lead
    assert {_number(first[0]), _number(first[1])} == {9, 12}
    scores = [h["score"] for h in first]
    assert scores == sorted(scores, reverse=True)


def test_words_in_a_row_lead_their_block_and_every_hit_has_its_snippet(store):
    hits = store.search("tarif impor", limit=50)
    assert sorted(_number(h) for h in hits) == [0, 4, 8, 12]  # four matches: ranked all at once
    for h in store.search("tarif", limit=50):
        assert f"nomor {_number(h)}" in h["snippet"] and "\x02" in h["snippet"]
