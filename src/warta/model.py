"""The article model: one frozen `Article` and the annotations later stages attach to it.

Every annotation points into `Article.text` by character offsets (`start`, `end`) and names
the stage that produced it (`producer`), like spaCy's `Span`. Stages never mutate an article:
they return `article.replace(...)` with new tuples.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Self, get_type_hints

SCHEMA_VERSION = "1.0"
_HINTS_CACHE: dict[type, dict[str, Any]] = {}
_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_NAMES: dict[type, tuple[str, ...]] = {}


class _Record:
    """JSON (de)serialisation shared by every record type."""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; nested records and tuples become dicts and lists."""
        return {f.name: _to_json(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record from `to_dict` output, ignoring keys it does not know."""
        hints = _HINTS_CACHE.get(cls) or _HINTS_CACHE.setdefault(cls, get_type_hints(cls))
        kwargs = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _from_json(hints[f.name], data[f.name])
        return cls(**kwargs)

    def replace(self, **changes: Any) -> Self:
        """Return a copy with `changes` applied (the record itself is frozen)."""
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as the class and its field values, so unpickling is one call of __init__: the
        # __setstate__ slotted dataclasses get instead sets each field from Python, several
        # times slower, and the process pool unpickles every article the workers send.
        return type(self), _values(self)


def _fields_of(record: _Record) -> zip:
    """(name, value) of each field, in field order."""
    cls = type(record)
    names = _NAMES.get(cls) or _NAMES.setdefault(cls, tuple(f.name for f in fields(cls)))  # type: ignore[arg-type]
    return zip(names, _values(record))


def _json_fields(value: Any) -> dict[str, Any]:
    """A record inside an article being written as JSON: its fields (as `to_dict` gives them)."""
    if isinstance(value, _Record):
        return dict(_fields_of(value))
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _values(record: _Record) -> tuple[Any, ...]:
    """The record's field values, in field order (one C call: an attrgetter per class)."""
    cls = type(record)
    getter = _VALUES.get(cls)
    if getter is None:
        names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
        getter = _VALUES[cls] = attrgetter(*names) if len(names) > 1 else lambda r: (getattr(r, names[0]),)
    return getter(record)


def _to_json(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


def _from_json(hint: Any, value: Any) -> Any:
    """Rebuild nested records from their JSON form using the field's type hint."""
    if value is None:
        return None
    origin = getattr(hint, "__origin__", None)
    args = getattr(hint, "__args__", ())
    if origin is tuple and args:
        return tuple(_from_json(args[0], v) for v in value)
    if type(None) in args:  # Optional[X], X | None
        inner = [a for a in args if a is not type(None)]
        return _from_json(inner[0], value) if len(inner) == 1 else value
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    return value


@dataclass(frozen=True, slots=True)
class Document(_Record):
    """One raw input as a source yields it, before extraction: a page or a text."""

    source: str
    content: str | bytes
    kind: str  # "html" or "text"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None  # the outlet, when the input's metadata names it


@dataclass(frozen=True, slots=True)
class Span(_Record):
    """A stretch of the article text: a paragraph, a sentence or a token."""

    start: int
    end: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    """One place in the text where an entity is named."""

    start: int
    end: int
    text: str
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Entity(_Record):
    """A real-world person, organisation or place, named canonically in English."""

    id: str
    name: str
    type: str  # PERSON, ORG, PLACE (of one country), REGION (of several countries: continent, sea, strait)
    mentions: tuple[Mention, ...] = ()
    iso3: str | None = None
    country: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    cameo: str | None = None
    role: str | None = None
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """Words attributed to a speaker; `direct` is False for reported speech."""

    text: str
    start: int
    end: int
    speaker: dict[str, Any] | None = None
    direct: bool = True
    cue: str | None = None
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Amount(_Record):
    """A money figure, percentage, count or measure, with what it refers to.

    Its offsets point into `Article.text`, or into `Article.title` when `in_title` is True: a
    figure the headline states and the body does not repeat (its evidence is the headline).
    """

    text: str
    start: int
    end: int
    value: float
    unit: str  # ISO 4217 code, "percent", "count" or a measure's unit ("tonne", "km")
    approximate: bool = False
    value_max: float | None = None
    refers_to: str | None = None
    counted: str | None = None
    producer: str = ""
    in_title: bool = False  # stated in the headline only: start/end count into `title`, not `text`


@dataclass(frozen=True, slots=True)
class DateMention(_Record):
    """A date expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # ISO 8601 date (or year / year-month for coarse granularity)
    granularity: str = "day"  # day, month, year, week
    relative: bool = False
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Actor(_Record):
    """One side of an event: a linked entity acting for a country."""

    name: str
    country: str | None = None
    code: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence(_Record):
    """The sentence an event was read from."""

    text: str
    start: int
    end: int
    trigger: str | None = None


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """Who did what to whom, coded in PLOVER and CAMEO."""

    type: str
    cameo: str
    actor1: Actor | None
    actor2: Actor | None
    evidence: Evidence
    goldstein: float | None = None
    quad_class: int | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    negated: bool = False
    modality: str = "asserted"
    source: str | None = None
    date: str | None = None
    location: str | None = None
    confidence: float = 0.5
    tone: float | None = None
    producer: str = ""
    mutual: bool = False  # a joint act of both sides ("Iran and Russia agreed"): one record, not A->B and B->A
    date_source: str | None = None  # where `date` comes from: "clause" (its own words) or "published"


@dataclass(frozen=True, slots=True)
class Word(_Record):
    """One syntactic word of a parsed sentence, in Universal Dependencies terms."""

    start: int
    end: int
    lemma: str
    upos: str  # UD universal POS: NOUN, VERB, PROPN, AUX, ADP, ...
    feats: str  # UD FEATS ("Voice=Pass|VerbForm=Part") or ""
    head: int  # index of the head word in the same Parse.words; -1 for the root
    deprel: str  # UD relation: nsubj, nsubj:pass, obl:agent, obj, ccomp, ...


@dataclass(frozen=True, slots=True)
class Parse(_Record):
    """The dependency parse of one sentence."""

    start: int
    end: int
    words: tuple[Word, ...] = ()
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Tone(_Record):
    """Average tone of the article on GDELT's scale (-100..100), with its parts."""

    score: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """A news article and everything warta has read from it."""

    source: str
    text: str = ""
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    language: str | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    tone: Tone | None = None
    raw_offsets: tuple[tuple[int, int], ...] = ()
    syntax: tuple[Parse, ...] = ()  # parses of the sentences a consumer asked for (the syntax stage)
    raw: Document | None = field(default=None, repr=False, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # Its spans (a thousand tokens in a long article) travel as columns of plain values and
        # come back from one map() over them: no pickle opcodes per span.
        values = list(_values(self))
        for i in _SPAN_FIELDS:
            values[i] = _span_columns(values[i])
        return _article, (tuple(values),)

    @classmethod
    def from_document(cls, document: Document) -> Article:
        """Start an article from a raw input; the extraction stage fills the rest."""
        return cls(source=document.source, url=document.url, title=document.title,
                   published=document.published, author=document.author, sitename=document.sitename, raw=document)

    def span_text(self, span: Span | Mention | Amount) -> str:
        """Return the article text a span or mention covers (the title's, for an amount in the title)."""
        if getattr(span, "in_title", False):
            return (self.title or "")[span.start:span.end]
        return self.text[span.start:span.end]

    def to_json(self, *, tokens: bool = False, syntax: bool = False) -> str:
        """Serialise as one line of JSON; tokens and parses are left out unless asked for (they are bulky)."""
        left_out = {"raw"} | ({"tokens"} if not tokens else set()) | ({"syntax"} if not syntax else set())
        data = {k: v for k, v in _fields_of(self) if k not in left_out}
        data["schema_version"] = SCHEMA_VERSION
        # The same text as json.dumps(to_dict()), written by the C encoder in one pass: it calls
        # back only for the records inside, never converts what it leaves out.
        return json.dumps(data, ensure_ascii=False, default=_json_fields)

    @classmethod
    def from_json(cls, line: str) -> Article:
        """Read an article back from `to_json` output."""
        data = json.loads(line)
        data.pop("schema_version", None)
        data["raw_offsets"] = tuple(tuple(p) for p in data.get("raw_offsets", ()))
        return cls.from_dict(data)


_SPAN_FIELDS = tuple(i for i, f in enumerate(fields(Article)) if f.name in ("paragraphs", "sentences", "tokens"))
_SPAN_PARTS = attrgetter("start"), attrgetter("end"), attrgetter("language")


def _span_columns(spans: tuple[Span, ...]) -> tuple[list[Any], ...]:
    return tuple(list(map(part, spans)) for part in _SPAN_PARTS)


def _article(values: tuple[Any, ...]) -> Article:
    """An article from `Article.__reduce__`'s values."""
    values_ = list(values)
    for i in _SPAN_FIELDS:
        values_[i] = tuple(map(Span, *values_[i]))
    return Article(*values_)
