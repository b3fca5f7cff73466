"""Read endpoints: articles, events, dyads, actors, quotes, amounts, entities, search, network, places.

Every read is `@cached`: its JSON is kept per (path, query) for the store's data version, so a
repeated question costs a dictionary look-up until the store changes, whoever changed it. Lists
answer a `Page` (rows, total, next-page cursor); wrong parameters a 400 problem (see problems.py).
"""
from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from ..model import SCHEMA_VERSION, Amount, Article
from ..store import Filters
from . import params as p
from . import schemas as s
from .cache import cached
from .problems import RESPONSES
from .search import router as search_router

router = APIRouter(responses=RESPONSES)
router.include_router(search_router)
Text = Annotated[str | None, Query(description="Words in the record's text (matched literally).", max_length=500)]
Actor = Annotated[str | None, Query(description="ISO3 country, CAMEO actor code or part of a name.", max_length=200)]
Dyad = Annotated[str | None, Query(description="Two ISO3 codes, e.g. IDN-RUS (either direction).", max_length=20)]


def _store(request: Request) -> Any:
    return request.app.state.store


def _page(request: Request, kind: str, f: Filters) -> dict[str, Any]:
    store = _store(request)
    with store.snapshot():  # the rows and their total from one state of the store
        return p.page(getattr(store, kind)(f), store.count(kind, f), f.limit, f.offset)


@router.get("/stats", summary="What the store holds", response_model=s.Stats)
@cached(lane="scan")
def stats(request: Request) -> dict[str, Any]:
    from ..store.embeddings import available

    return {**_store(request).stats(), "semantic_search": available()}


@router.get("/articles", summary="Articles, newest first (without their text)", response_model=s.Page[s.ArticleSummary])
@cached
def articles(request: Request, language: p.Language = None, since: p.Since = None, until: p.Until = None,
             q: Annotated[str | None, Query(description="Words in the title.", max_length=500)] = None,
             dyad: Dyad = None, actor: Actor = None, limit: p.Limit = 50, offset: p.Offset = 0,
             cursor: p.Cursor = None) -> dict[str, Any]:
    f = Filters(language=p.language(language), since=since, until=until, text=q, dyad=p.dyad(dyad), actor=actor,
                limit=limit, offset=p.start(offset, cursor))
    return _page(request, "articles", f)


@router.get("/articles/{article_id}", summary="One article with every record, as warta's article JSON",
            response_model=s.ArticleDetail)
@cached(lane="inline")
def article(request: Request, article_id: str) -> dict[str, Any]:
    store = _store(request)
    stored = store.article_json(article_id) if hasattr(store, "article_json") else None
    data = _current_json(stored)
    if data is None:  # not stored, or stored by another version of warta: read it as an Article
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id[:80]!r}")
        data = found.to_dict()
        for key in ("raw", "tokens", "syntax"):
            data.pop(key, None)
    data["id"] = article_id
    return data


_STORED_KEYS = {f for f in Article.__dataclass_fields__ if f not in ("raw", "tokens", "syntax")} | {"schema_version"}
_AMOUNT_KEYS = set(Amount.__dataclass_fields__)


def _current_json(stored: Any) -> dict[str, Any] | None:
    """The stored JSON text as the article's dict, when this version of warta wrote it: then it is
    exactly `Article.to_dict()` (without raw and tokens), at a fraction of the cost of rebuilding."""
    if not isinstance(stored, str):
        return None  # absent, or parsed by the backend (jsonb keeps no key order): rebuild it
    data = json.loads(stored)
    if data.get("schema_version") != SCHEMA_VERSION or data.keys() != _STORED_KEYS:
        return None
    for amount in data["amounts"]:
        if amount.keys() != _AMOUNT_KEYS:
            if amount.keys() | {"in_title"} != _AMOUNT_KEYS:
                return None
            # Stored before `in_title` (what rebuilding the article gives it: the amounts were
            # all read from the body), at a tenth of the cost of rebuilding the article.
            amount["in_title"] = False
    del data["schema_version"]
    return data


@router.get("/events", summary="Events (PLOVER/CAMEO) with their evidence, newest first",
            response_model=s.Page[s.Event])
@cached
def events(request: Request, dyad: Dyad = None, actor: Actor = None, type: p.EventType = None,
           since: p.Since = None, until: p.Until = None, language: p.Language = None,
           context: Annotated[str | None, Query(description="PLOVER context, e.g. military", max_length=200)] = None,
           quad_class: p.QuadClass = None, modality: p.Modality = None, negated: bool | None = None,
           min_confidence: p.Confidence = None, q: Text = None,
           place: Annotated[str | None, Query(description="A place named in the event's article", max_length=200)]
           = None,
           article: Annotated[str | None, Query(description="Only this article's events", max_length=64)] = None,
           limit: p.Limit = 100, offset: p.Offset = 0, cursor: p.Cursor = None) -> dict[str, Any]:
    f = Filters(dyad=p.dyad(dyad), actor=actor, type=p.event_type(type), since=since, until=until,
                language=p.language(language), context=context, quad_class=quad_class, modality=modality,
                negated=negated, min_confidence=min_confidence, text=q, place=place, article=article, limit=limit,
                offset=p.start(offset, cursor))
    return _page(request, "events", f)


@router.get("/dyads/{a}/{b}", summary="Relations of two countries: counts by month, type and context, "
            "Goldstein sum, amounts promised vs realised, quotes of each side, latest events", response_model=s.Dyad)
@cached(lane="summary")
def dyad(request: Request, a: str, b: str, since: p.Since = None, until: p.Until = None, type: p.EventType = None,
         context: Annotated[str | None, Query(description="PLOVER context", max_length=200)] = None, quad_class: p.QuadClass = None, modality: p.Modality = None, negated: bool | None = None,
         min_confidence: p.Confidence = None, limit: p.Limit = 50) -> dict[str, Any]:
    codes = (p.country(a, "a", status=404), p.country(b, "b", status=404))
    f = Filters(since=since, until=until, type=p.event_type(type), context=context, quad_class=quad_class,
                modality=modality,
                negated=negated, min_confidence=min_confidence, limit=limit)
    return _store(request).dyad(*codes, filters=f)


@router.get("/actors/{actor}", summary="One actor: partners, event types, events and quotes", response_model=s.Actor)
# A country's partners from the dyad counts, its events from two index ranges: 4-11 ms of CPU at
# 100,000 articles, what a search costs, not queued behind the dyad summaries' first answers.
@cached(lane="quick")
def actor(request: Request, actor: str, limit: p.Limit = 50) -> dict[str, Any]:
    found = _store(request).actor(actor, limit=limit)
    known = actor.strip().upper() in p.countries()
    if not known and not (found["events"] or found["quotes"] or found["partners"]):
        raise HTTPException(404, f"no actor {actor[:80]!r}: not a country code and named in no event or quote")
    return found


@router.get("/quotes", summary="Quotes with their speakers, newest first", response_model=s.Page[s.Quote])
@cached
def quotes(request: Request, speaker: Actor = None, dyad: Dyad = None, q: Text = None,
           since: p.Since = None, until: p.Until = None, language: p.Language = None,
           article: Annotated[str | None, Query(max_length=64)] = None,
           limit: p.Limit = 100, offset: p.Offset = 0, cursor: p.Cursor = None) -> dict[str, Any]:
    f = Filters(speaker=speaker, dyad=p.dyad(dyad), text=q, since=since, until=until, language=p.language(language),
                article=article, limit=limit, offset=p.start(offset, cursor))
    return _page(request, "quotes", f)


@router.get("/amounts", summary="Money figures, percentages and counts", response_model=s.Page[s.Amount])
@cached
def amounts(request: Request,
            unit: Annotated[str | None, Query(description="ISO 4217 code, percent, count; or promised/realised",
                                              max_length=200)] = None,
            dyad: Dyad = None, q: Text = None, since: p.Since = None, until: p.Until = None, limit: p.Limit = 100,
            offset: p.Offset = 0, cursor: p.Cursor = None) -> dict[str, Any]:
    f = Filters(type=unit, dyad=p.dyad(dyad), text=q, since=since, until=until, limit=limit,
                offset=p.start(offset, cursor))
    return _page(request, "amounts", f)


@router.get("/entities", summary="People, organisations and places, most named first", response_model=s.Page[s.Entity])
@cached(lane="scan")
def entities(request: Request, type: Annotated[str | None, Query(description="PERSON, ORG, PLACE, …", max_length=200)]
             = None, q: Text = None, language: p.Language = None, limit: p.Limit = 100, offset: p.Offset = 0,
             cursor: p.Cursor = None) -> dict[str, Any]:
    f = Filters(type=type, text=q, language=p.language(language), limit=limit, offset=p.start(offset, cursor))
    return _page(request, "entities", f)


@router.get("/network", summary="Countries and the events between them", response_model=s.Network)
@cached(lane="scan")
def network(request: Request, limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
    found = _store(request).network(limit=limit)
    names = p.country_names()
    for node in found["nodes"]:
        node["country"] = node["id"] in names
        node["name"] = names.get(node["id"], node["name"])
    return found


@router.get("/countries", summary="Events per country (either side), with the country's name",
            response_model=list[s.Country])
@cached(lane="scan")
def countries(request: Request) -> list[dict[str, Any]]:
    names = p.country_names()
    return [{**row, "name": names.get(row["iso3"])} for row in _store(request).country_counts()]


@router.get("/places", summary="Places named in the articles, with approximate coordinates",
            response_model=list[s.Place])
@cached(lane="scan")
def places(request: Request) -> list[dict]:
    return _store(request).places()
