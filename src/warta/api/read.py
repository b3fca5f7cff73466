"""Read endpoints: articles, events, dyads, actors, quotes, amounts, entities, search, network, places."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from ..store import Filters
from ..store.filters import parse_dyad

router = APIRouter()
Since = Annotated[str | None, Query(description="From this date (YYYY[-MM[-DD]]), inclusive.")]
Until = Annotated[str | None, Query(description="Up to this date, inclusive.")]
Limit = Annotated[int, Query(ge=0, le=1000)]
Offset = Annotated[int, Query(ge=0)]


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/stats", summary="What the store holds")
def stats(request: Request) -> dict[str, Any]:
    return _store(request).stats()


@router.get("/articles", summary="Articles, newest first (without their text)")
def articles(request: Request, language: str | None = None, since: Since = None, until: Until = None,
             q: Annotated[str | None, Query(description="Words in the title.")] = None,
             dyad: str | None = None, actor: str | None = None, limit: Limit = 50, offset: Offset = 0) -> list[dict]:
    f = Filters(language=language, since=since, until=until, text=q, dyad=parse_dyad(dyad), actor=actor,
                limit=limit, offset=offset)
    return _store(request).articles(f)


@router.get("/articles/{article_id}", summary="One article with every record, as warta's article JSON")
def article(request: Request, article_id: str) -> dict[str, Any]:
    found = _store(request).article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    data = found.to_dict()
    data.pop("raw", None)
    data.pop("tokens", None)
    data["id"] = article_id
    return data


@router.get("/events", summary="Events (PLOVER/CAMEO) with their evidence, newest first")
def events(request: Request, dyad: Annotated[str | None, Query(description="e.g. IDN-RUS, either direction")] = None,
           actor: str | None = None, type: Annotated[str | None, Query(description="PLOVER type or CAMEO prefix")] = None,
           since: Since = None, until: Until = None, language: str | None = None, context: str | None = None,
           q: str | None = None, article: str | None = None, limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    f = Filters(dyad=parse_dyad(dyad), actor=actor, type=type or None, since=since, until=until, language=language,
                context=context, text=q, article=article, limit=limit, offset=offset)
    return _store(request).events(f)


@router.get("/dyads/{a}/{b}", summary="Relations of two countries: counts by month, type and context, "
            "Goldstein sum, amounts promised vs realised, quotes of each side, latest events")
def dyad(request: Request, a: str, b: str, since: Since = None, until: Until = None, type: str | None = None,
         limit: Limit = 50) -> dict[str, Any]:
    codes = parse_dyad(f"{a}-{b}")
    assert codes is not None
    return _store(request).dyad(*codes, filters=Filters(since=since, until=until, type=type or None, limit=limit))


@router.get("/actors/{actor}", summary="One actor: partners, event types, events and quotes")
def actor(request: Request, actor: str, limit: Limit = 50) -> dict[str, Any]:
    return _store(request).actor(actor, limit=limit)


@router.get("/quotes", summary="Quotes with their speakers, newest first")
def quotes(request: Request, speaker: str | None = None, dyad: str | None = None, q: str | None = None,
           since: Since = None, until: Until = None, language: str | None = None, article: str | None = None,
           limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    f = Filters(speaker=speaker, dyad=parse_dyad(dyad), text=q, since=since, until=until, language=language,
                article=article, limit=limit, offset=offset)
    return _store(request).quotes(f)


@router.get("/amounts", summary="Money figures, percentages and counts")
def amounts(request: Request, unit: str | None = None, dyad: str | None = None, q: str | None = None,
            since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    f = Filters(type=unit, dyad=parse_dyad(dyad), text=q, since=since, until=until, limit=limit, offset=offset)
    return _store(request).amounts(f)


@router.get("/entities", summary="People, organisations and places, most named first")
def entities(request: Request, type: str | None = None, q: str | None = None, language: str | None = None,
             limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    return _store(request).entities(Filters(type=type, text=q, language=language, limit=limit, offset=offset))


@router.get("/search", summary="Full-text search (English and Indonesian stems); semantic=true for cross-lingual")
def search(request: Request, q: str, language: str | None = None, limit: Annotated[int, Query(ge=1, le=200)] = 20,
           semantic: bool = False) -> list[dict]:
    if semantic:
        from ..store.embeddings import semantic_search

        return semantic_search(_store(request), q, limit=limit, language=language)
    return _store(request).search(q, limit=limit, language=language)


@router.get("/network", summary="Countries and the events between them")
def network(request: Request, limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
    return _store(request).network(limit=limit)


@router.get("/places", summary="Places named in the articles, with approximate coordinates")
def places(request: Request) -> list[dict]:
    return _store(request).places()
