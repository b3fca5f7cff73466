"""The API's response shapes, for the OpenAPI document (and so for clients and schemathesis).

Answers are built as plain dicts by the store and served from the cache; these models only
describe them. Records may carry more keys than listed (the store's columns), never fewer.
"""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")
Opt = None  # a field that may be null is typed `X | None` and given this default


class Record(BaseModel):
    """A stored record: what every list row shares."""

    model_config = ConfigDict(extra="allow")
    article_id: str
    idx: int


class Event(Record):
    """An event with its evidence (offsets into its article's text)."""

    type: str | None = Opt
    cameo: str | None = Opt
    actor1_name: str | None = Opt
    actor1_country: str | None = Opt
    actor2_name: str | None = Opt
    actor2_country: str | None = Opt
    goldstein: float | None = Opt
    quad_class: int | None = Opt
    context: list[str] = Field(default_factory=list)
    negated: bool | None = Opt
    modality: str | None = Opt
    day: str | None = Opt
    evidence: str | None = Opt
    ev_start: int | None = Opt
    ev_end: int | None = Opt
    trigger: str | None = Opt
    confidence: float | None = Opt
    title: str | None = Opt


class Quote(Record):
    """A quotation and its speaker."""

    text: str | None = Opt
    speaker: str | None = Opt
    speaker_country: str | None = Opt
    direct: bool | None = Opt
    day: str | None = Opt


class Amount(Record):
    """A money figure, percentage or count, and whether it was promised or realised."""

    text: str | None = Opt
    value: float | None = Opt
    unit: str | None = Opt
    status: str | None = Opt
    day: str | None = Opt
    in_title: bool | None = Field(default=Opt, description="Stated in the headline (`title`) only: a_start and"
                                                            " a_end count into the title, not the text")


class Entity(BaseModel):
    """A person, organisation or place, counted over the articles naming it."""

    model_config = ConfigDict(extra="allow")
    name: str | None
    type: str | None
    iso3: str | None = Opt
    articles: int
    mentions: int | None = Opt


class ArticleSummary(BaseModel):
    """An article without its text."""

    model_config = ConfigDict(extra="allow")
    id: str
    title: str | None = Opt
    url: str | None = Opt
    language: str | None = Opt
    published: str | None = Opt
    day: str | None = Opt
    n_events: int | None = Opt


class ArticleDetail(BaseModel):
    """warta's article JSON (see src/warta/schema/article-1.0.schema.json) with the store's id."""

    model_config = ConfigDict(extra="allow")
    id: str
    text: str
    title: str | None = Opt
    language: str | None = Opt
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    amounts: list[dict[str, Any]]
    entities: list[dict[str, Any]]


class Page(BaseModel, Generic[T]):
    """One page of a list: its rows, how many match in all, and the cursor of the next page."""

    items: list[T]
    total: int = Field(description="How many rows match the filters, over all pages")
    limit: int
    offset: int
    next: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")


class SearchHit(BaseModel):
    """An article found by search, with a snippet (matched words between \\u0002 and \\u0003)."""

    model_config = ConfigDict(extra="allow")
    id: str
    title: str | None = Opt
    url: str | None = Opt
    language: str | None = Opt
    day: str | None = Opt
    snippet: str | None = Opt
    score: float = Field(description="Relevance: higher is better")


class SearchPage(Page[SearchHit]):
    """Search results, best first."""

    mode: str = Field(description="'text' (full text) or 'semantic' (embeddings)")


class Count(BaseModel):
    """A value and how many events have it."""

    model_config = ConfigDict(extra="allow")
    n: int


class DyadAmounts(BaseModel):
    """A dyad's amounts, newest first, and their totals (like with like only). The totals cover the
    newest `totals_over` amounts of the pair; `complete` is false when the pair has more."""

    model_config = ConfigDict(extra="allow")
    items: list[dict[str, Any]]
    totals: list[dict[str, Any]]
    totals_over: int = Field(description="How many of the pair's amounts, the newest, the totals cover")
    complete: bool = Field(description="Whether those are all of the pair's amounts (false: the totals are partial)")


class Dyad(BaseModel):
    """The relations of two countries."""

    model_config = ConfigDict(extra="allow")
    a: str
    b: str
    events_total: int
    goldstein_sum: float
    by_month: list[Count]
    by_type: list[Count]
    by_context: list[Count]
    amounts: DyadAmounts
    quotes: list[dict[str, Any]]
    events: list[Event]


class Actor(BaseModel):
    """One actor's partners, event types, events and quotes."""

    model_config = ConfigDict(extra="allow")
    actor: str
    name: str | None = Opt
    partners: list[dict[str, Any]]
    by_type: list[Count]
    events: list[Event]
    quotes: list[Quote]


class Network(BaseModel):
    """Actors as nodes and the events between them as edges."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class Place(BaseModel):
    """A place named in the articles, with coordinates when known."""

    model_config = ConfigDict(extra="allow")
    name: str | None
    iso3: str | None = Opt
    articles: int
    events: int = Field(0, description="Events of the articles naming it (what the map sizes its marker by)")
    lat: float | None = Opt
    lon: float | None = Opt


class Country(BaseModel):
    """Events naming a country on either side."""

    iso3: str
    name: str | None = Opt
    n: int
    goldstein: float | None = Opt


class Stats(BaseModel):
    """What the store holds."""

    model_config = ConfigDict(extra="allow")
    articles: int
    events: int
    quotes: int
    amounts: int
    entities: int
    languages: dict[str, int]


class Created(BaseModel):
    """The stored article's id and what storing it did: added, updated or unchanged."""

    id: str
    status: str
