"""Flatten an `Article` into the rows both backends store, one list per table.

The article itself is kept whole as JSON (so `article(id)` gives back exactly what was ingested);
the flat rows exist for querying. Column order here is the tables' column order.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Amount, Article, Event, Quote

_ISO_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")

ARTICLE_COLUMNS = ("id", "key", "content_hash", "source", "url", "title", "language", "published", "day",
                   "sitename", "author", "text", "n_entities", "n_quotes", "n_amounts", "n_events", "tone", "json")
EVENT_COLUMNS = ("article_id", "idx", "type", "cameo", "root", "actor1_name", "actor1_country", "actor1_code",
                 "actor2_name", "actor2_country", "actor2_code", "goldstein", "quad_class", "context", "negated",
                 "modality", "day", "evidence", "ev_start", "ev_end", "trigger", "confidence", "location",
                 # 4: one event once (see store/merge.py): the date as stated, its granularity and
                 # source; mirror pairs merged (mutual); sentences restating it in this article
                 # (mentions); the key copies share, their cluster and the counts over copies.
                 "date", "date_granularity", "date_source", "mutual", "ekey", "mentions", "cluster",
                 "num_mentions", "num_articles", "num_sources")
QUOTE_COLUMNS = ("article_id", "idx", "text", "q_start", "q_end", "speaker", "speaker_country", "direct", "cue", "day",
                 "language")
AMOUNT_COLUMNS = ("article_id", "idx", "text", "a_start", "a_end", "value", "unit", "approximate", "value_max",
                  "refers_to", "counted", "status", "day",
                  "in_title")  # 8: stated in the headline only, offsets into the title
ENTITY_COLUMNS = ("article_id", "idx", "entity_id", "name", "type", "iso3", "country", "wikidata", "geonames",
                  "cameo", "mentions", "day")


@dataclass(slots=True)
class Rows:
    """Everything one article puts in the store: plain values, cheap to send between processes
    (bulk workers build them, the process that writes only stores them)."""

    article: tuple[Any, ...]
    events: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)
    amounts: list[tuple[Any, ...]] = field(default_factory=list)
    entities: list[tuple[Any, ...]] = field(default_factory=list)
    signature: bytes | None = None  # MinHash of the text (uint32 values): syndicated copies are clustered by it

    @property
    def id(self) -> str:
        return self.article[_ID]

    @property
    def content_hash(self) -> str:
        return self.article[_HASH]

    # What the full-text index takes, named as on `Article`.
    @property
    def title(self) -> str | None:
        return self.article[_TITLE]

    @property
    def text(self) -> str:
        return self.article[_TEXT]

    @property
    def language(self) -> str | None:
        return self.article[_LANGUAGE]


_ID, _HASH, _TITLE, _TEXT, _LANGUAGE = map(ARTICLE_COLUMNS.index, ("id", "content_hash", "title", "text", "language"))


def article_key(article: Article) -> str:
    """What makes two versions "the same article": its URL when known, else its source."""
    return article.url or article.source


def article_id(article: Article) -> str:
    """A short stable id derived from the key, so an updated article keeps its id."""
    return hashlib.sha256(article_key(article).encode("utf-8")).hexdigest()[:16]


def content_hash(article_json: str) -> str:
    """Hash of the stored JSON: re-ingesting identical content is a no-op."""
    return hashlib.sha256(article_json.encode("utf-8")).hexdigest()


def iso_day(value: str | None) -> str | None:
    """The ISO date prefix of a timestamp ("2025-06-20T10:00+07:00" → "2025-06-20"), if any."""
    match = _ISO_DAY.match(value or "")
    return match.group(0) if match else None


def to_rows(article: Article) -> Rows:
    """Build the rows for `article`."""
    from ..bulk.dedup import signature

    data = article.to_json()
    aid, day = article_id(article), iso_day(article.published)
    events = [_event_row(aid, i, e, day, n) for i, e, n in once(article.events)]
    row = (aid, article_key(article), content_hash(data), article.source, article.url, article.title,
           article.language, article.published, day, article.sitename, article.author, article.text,
           len(article.entities), len(article.quotes), len(article.amounts), len(events),
           article.tone.score if article.tone else None, data)
    rows = Rows(article=row, events=events, signature=signature(article.text).astype("<u4").tobytes())
    rows.quotes = [_quote_row(aid, i, q, day, article.language) for i, q in enumerate(article.quotes)]
    rows.amounts = [_amount_row(aid, i, a, day, article) for i, a in enumerate(article.amounts)]
    rows.entities = [(aid, i, e.id, e.name, e.type, e.iso3, e.country, e.wikidata, e.geonames, e.cameo,
                      len(e.mentions), day) for i, e in enumerate(article.entities)]
    return rows


def _side(actor: Any) -> str:
    if actor is None:
        return ""
    return (actor.code or actor.country or actor.name or "").upper()


def event_key(event: Event) -> str:
    """What makes two event records one event: type, code, the two sides (in either order for a
    joint act), negation, modality (a pledge and its payment are two) and the date its clause states (an event dated by publication matches
    its restatements whatever day each copy was published)."""
    sides = [_side(event.actor1), _side(event.actor2)]
    if event.mutual:
        sides.sort()
    stated = event.date if event.date_source == "clause" else ""
    return "|".join([event.type, event.cameo, *sides, "neg" if event.negated else "", event.modality, stated or ""])


def _party(actor: Any) -> str:
    """The country (or, without one, the code or name) a side acts for: IRNMIL and IRN are one party."""
    if actor is None:
        return ""
    return (actor.country or (actor.code or "")[:3] or actor.name or "").upper()


def _mirror(a: Event, b: Event) -> bool:
    """Are two events one joint act read twice, A→B and B→A, from one sentence?"""
    return (a.evidence.start == b.evidence.start and a.cameo == b.cameo and a.negated == b.negated
            and _party(a.actor1) == _party(b.actor2) and _party(a.actor2) == _party(b.actor1) and _party(a.actor1) != "")


def once(events: tuple[Event, ...]) -> list[tuple[int, Event, int]]:
    """The article's events counted once: (index of the first record, event, sentences stating it).
    A mirror pair (A→B and B→A from one sentence) is one mutual event; records of one key in
    several sentences are one event mentioned that many times."""
    kept: list[tuple[int, Event]] = []
    for i, event in enumerate(events):
        twin = next((k for k, (_, e) in enumerate(kept) if _mirror(e, event)), None)
        if twin is not None:
            j, first = kept[twin]
            kept[twin] = (j, first.replace(mutual=True))
        else:
            kept.append((i, event))
    groups: dict[str, list[tuple[int, Event]]] = {}
    for i, event in kept:
        groups.setdefault(event_key(event), []).append((i, event))
    out = []
    for members in groups.values():
        i, event = members[0]
        out.append((i, event, len({e.evidence.start for _, e in members})))
    return sorted(out, key=lambda t: t[0])


def _event_row(aid: str, idx: int, event: Event, day: str | None, mentions: int) -> tuple[Any, ...]:
    a1, a2, ev = event.actor1, event.actor2, event.evidence
    return (aid, idx, event.type, event.cameo, (event.cameo or "")[:2] or None,
            a1.name if a1 else None, _upper(a1.country if a1 else None), a1.code if a1 else None,
            a2.name if a2 else None, _upper(a2.country if a2 else None), a2.code if a2 else None,
            event.goldstein, event.quad_class, ",".join(event.context), event.negated, event.modality,
            full_day(event.date, day) or day, ev.text, ev.start, ev.end, ev.trigger, event.confidence, event.location,
            event.date, granularity(event.date), event.date_source, event.mutual, event_key(event), mentions, None,
            mentions, 1, 1)


def granularity(value: str | None) -> str | None:
    """"day", "month" or "year" of an ISO date value (None for none)."""
    if not value or not _ISO_DAY.match(value):
        return None
    return {4: "year", 7: "month"}.get(len(_ISO_DAY.match(value).group(0)), "day")  # type: ignore[union-attr]


def full_day(value: str | None, published_day: str | None) -> str | None:
    """The best full date for a date of any granularity: the day itself; for a month or a year,
    the publication day when it falls inside it, else the period's first day."""
    prefix = iso_day(value)
    if not prefix or len(prefix) == 10:
        return prefix
    if published_day and published_day.startswith(prefix):
        return published_day
    return prefix + ("-01" if len(prefix) == 7 else "-01-01")


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


def _quote_row(aid: str, idx: int, quote: Quote, day: str | None, language: str | None) -> tuple[Any, ...]:
    speaker = quote.speaker or {}
    name = speaker.get("name") if isinstance(speaker, dict) else str(speaker)
    country = (speaker.get("country") or speaker.get("iso3")) if isinstance(speaker, dict) else None
    return (aid, idx, quote.text, quote.start, quote.end, name, _upper(country), quote.direct, quote.cue, day, language)


def _amount_row(aid: str, idx: int, amount: Amount, day: str | None, article: Article) -> tuple[Any, ...]:
    from ..amounts.status import amount_status  # the amounts package loads the pipeline: not at `warta --help`

    return (aid, idx, amount.text, amount.start, amount.end, amount.value, amount.unit, amount.approximate,
            amount.value_max, amount.refers_to, amount.counted, amount_status(article, amount), day, amount.in_title)
