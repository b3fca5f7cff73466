"""GET /api/search: full-text search (AND by default, "phrases", OR, prefix*), ranked, with
snippets; semantic search (embeddings) only where the embeddings extra is installed, over the
embeddings computed at ingest or by `warta embed` — never inside a request."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..errors import ConfigError
from . import params as p
from . import schemas as s
from .cache import cached

router = APIRouter()
MIN_SIMILARITY = 0.80  # e5's cosine similarities crowd in 0.7-0.9; below this a hit is rarely about the query


@router.get("/search", summary="Search articles: words AND-ed, \"a phrase\", a OR b, prefix*; "
            "semantic=true for cross-lingual search by meaning (needs warta[embeddings])", response_model=s.SearchPage)
@cached
def search(request: Request, q: Annotated[str, Query(max_length=500, description="The query")],
           language: p.Language = None, limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: p.Offset = 0,
           cursor: p.Cursor = None, semantic: bool = False,
           min_score: Annotated[float | None, Query(ge=-1, le=1, description="Semantic: the relevance cut "
                                                    f"(cosine similarity; default {MIN_SIMILARITY})")] = None
           ) -> dict[str, Any]:
    store, start = request.app.state.store, p.start(offset, cursor)
    lang = p.language(language)
    if semantic:
        from ..store.embeddings import available, semantic_search

        if not available():
            raise ConfigError("semantic", "semantic search needs the embeddings extra (pip install 'warta[embeddings]')")
        cut = MIN_SIMILARITY if min_score is None else min_score
        hits = semantic_search(store, q, limit=1000, language=lang, min_score=cut)
        return {**p.page(hits[start:start + limit], len(hits), limit, start), "mode": "semantic"}
    with store.snapshot():
        hits = store.search(q, limit=limit, offset=start, language=lang)
        total = store.search_total(q, language=lang)
    return {**p.page(hits, total, limit, start), "mode": "text"}
