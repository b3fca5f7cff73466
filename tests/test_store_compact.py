"""After a large ingest, SQLite's full-text index is merged into one segment: searches find
the same, nothing counts as a write, and a small run into a large store leaves it as it is."""
from __future__ import annotations

from test_store_data import english_article, indonesian_article

from warta.store import open_store


def _segments(store) -> int:
    """The FTS5 index's segments (its `_idx` table has rows of each segment's leaf pages)."""
    rows = store._rows("SELECT count(DISTINCT segid) AS n FROM article_fts_idx")
    return int(rows[0]["n"])


def test_a_large_run_merges_the_index_and_answers_stay(tmp_path) -> None:
    store = open_store(str(tmp_path / "w.db"))
    for i in range(12):
        for article in (indonesian_article(), english_article()):
            store.ingest(article.replace(url=f"{article.url}/{i}", source=f"{article.source}#{i}",
                                         text=f"{article.text} kata{i} word{i}."))
    before = {q: store.search(q, limit=50) for q in ("kata3", "word7", "Jakarta", "Moscow")}
    assert all(before.values())
    segments, version = _segments(store), store.data_version()
    assert segments > 1
    assert not store.compact_text_index(0)
    assert not store.compact_text_index(2)  # 2 of 24 articles: under a tenth
    assert store.compact_text_index(24)
    assert _segments(store) == 1
    assert {q: store.search(q, limit=50) for q in before} == before
    assert store.data_version() == version
    store.close()
