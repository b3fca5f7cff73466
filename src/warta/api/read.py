"""Read endpoints: articles, events, dyads, actors, quotes, amounts, entities, search, network, places.

Every read is `@cached`: its JSON is kept per (path, query) for the store's data version, so a
repeated question costs a dictionary look-up until the store changes, whoever changed it.
"""
from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from ..model import SCHEMA_VERSION, Article
from ..store import Filters
from ..store.filters import parse_dyad
from .cache import cached

router = APIRouter()
Since = Annotated[str | None, Query(description="From this date (YYYY[-MM[-DD]]), inclusive.")]
Until = Annotated[str | None, Query(description="Up to this date, inclusive.")]
Limit = Annotated[int, Query(ge=0, le=1000)]
Offset = Annotated[int, Query(ge=0)]


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/stats", summary="What the store holds")
@cached(lane="scan")
def stats(request: Request) -> dict[str, Any]:
    return _store(request).stats()


@router.get("/articles", summary="Articles, newest first (without their text)")
@cached
def articles(request: Request, language: str | None = None, since: Since = None, until: Until = None,
             q: Annotated[str | None, Query(description="Words in the title.")] = None,
             dyad: str | None = None, actor: str | None = None, limit: Limit = 50, offset: Offset = 0) -> list[dict]:
    f = Filters(language=language, since=since, until=until, text=q, dyad=parse_dyad(dyad), actor=actor,
                limit=limit, offset=offset)
    return _store(request).articles(f)


@router.get("/articles/{article_id}", summary="One article with every record, as warta's article JSON")
@cached(lane="inline")
def article(request: Request, article_id: str) -> dict[str, Any]:
    store = _store(request)
    stored = store.article_json(article_id) if hasattr(store, "article_json") else None
    data = _current_json(stored)
    if data is None:  # not stored, or stored by another version of warta: read it as an Article
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        data = found.to_dict()
        data.pop("raw", None)
        data.pop("tokens", None)
    data["id"] = article_id
    return data


_STORED_KEYS = {f for f in Article.__dataclass_fields__ if f not in ("raw", "tokens")} | {"schema_version"}


def _current_json(stored: Any) -> dict[str, Any] | None:
    """The stored JSON text as the article's dict, when this version of warta wrote it: then it is
    exactly `Article.to_dict()` (without raw and tokens), at a fraction of the cost of rebuilding."""
    if not isinstance(stored, str):
        return None  # absent, or parsed by the backend (jsonb keeps no key order): rebuild it
    data = json.loads(stored)
    if data.get("schema_version") != SCHEMA_VERSION or data.keys() != _STORED_KEYS:
        return None
    del data["schema_version"]
    return data


@router.get("/events", summary="Events (PLOVER/CAMEO) with their evidence, newest first")
@cached
def events(request: Request, dyad: Annotated[str | None, Query(description="e.g. IDN-RUS, either direction")] = None,
           actor: str | None = None, type: Annotated[str | None, Query(description="PLOVER type or CAMEO prefix")] = None,
           since: Since = None, until: Until = None, language: str | None = None, context: str | None = None,
           q: str | None = None, article: str | None = None, limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    f = Filters(dyad=parse_dyad(dyad), actor=actor, type=type or None, since=since, until=until, language=language,
                context=context, text=q, article=article, limit=limit, offset=offset)
    return _store(request).events(f)


@router.get("/dyads/{a}/{b}", summary="Relations of two countries: counts by month, type and context, "
            "Goldstein sum, amounts promised vs realised, quotes of each side, latest events")
@cached(lane="summary")
def dyad(request: Request, a: str, b: str, since: Since = None, until: Until = None, type: str | None = None,
         limit: Limit = 50) -> dict[str, Any]:
    codes = parse_dyad(f"{a}-{b}")
    assert codes is not None
    return _store(request).dyad(*codes, filters=Filters(since=since, until=until, type=type or None, limit=limit))


@router.get("/actors/{actor}", summary="One actor: partners, event types, events and quotes")
@cached(lane="scan")
def actor(request: Request, actor: str, limit: Limit = 50) -> dict[str, Any]:
    return _store(request).actor(actor, limit=limit)


@router.get("/quotes", summary="Quotes with their speakers, newest first")
@cached
def quotes(request: Request, speaker: str | None = None, dyad: str | None = None, q: str | None = None,
           since: Since = None, until: Until = None, language: str | None = None, article: str | None = None,
           limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    f = Filters(speaker=speaker, dyad=parse_dyad(dyad), text=q, since=since, until=until, language=language,
                article=article, limit=limit, offset=offset)
    return _store(request).quotes(f)


@router.get("/amounts", summary="Money figures, percentages and counts")
@cached
def amounts(request: Request, unit: str | None = None, dyad: str | None = None, q: str | None = None,
            since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    f = Filters(type=unit, dyad=parse_dyad(dyad), text=q, since=since, until=until, limit=limit, offset=offset)
    return _store(request).amounts(f)


@router.get("/entities", summary="People, organisations and places, most named first")
@cached(lane="scan")
def entities(request: Request, type: str | None = None, q: str | None = None, language: str | None = None,
             limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    return _store(request).entities(Filters(type=type, text=q, language=language, limit=limit, offset=offset))


@router.get("/search", summary="Full-text search (English and Indonesian stems); semantic=true for cross-lingual")
@cached
def search(request: Request, q: str, language: str | None = None, limit: Annotated[int, Query(ge=1, le=200)] = 20,
           semantic: bool = False) -> list[dict]:
    if semantic:
        from ..store.embeddings import semantic_search

        return semantic_search(_store(request), q, limit=limit, language=language)
    return _store(request).search(q, limit=limit, language=language)


@router.get("/network", summary="Countries and the events between them")
@cached(lane="scan")
def network(request: Request, limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
    return _store(request).network(limit=limit)


@router.get("/places", summary="Places named in the articles, with approximate coordinates")
@cached(lane="scan")
def places(request: Request) -> list[dict]:
    return _store(request).places()
