"""Turn `Filters` into SQL WHERE clauses (`?` placeholders), one builder per record table.

Each builder returns (clauses, params); the caller joins clauses with AND. Text filters use
LIKE on lower-cased columns so both backends behave the same; the user's text is a parameter with
its % and _ escaped, so it is always matched literally.
"""
from __future__ import annotations

from typing import Any

from .dyad_counts import articles_exist, articles_sql
from .filters import Filters
from .totals import is_country_code

Clauses = tuple[list[str], list[Any]]
LIKE = "LIKE ? ESCAPE '\\'"


def like(text: str, *, prefix: bool = False) -> str:
    """A LIKE pattern matching `text` literally: anywhere (or, with `prefix`, at the start)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix else f"%{escaped}%"


def _dates(f: Filters, column: str, clauses: list[str], params: list[Any]) -> None:
    if f.since:
        clauses.append(f"{column} >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"{column} <= ?")
        params.append(f.until_bound)


def _common(f: Filters, alias: str, day: str) -> Clauses:
    clauses: list[str] = []
    params: list[Any] = []
    _dates(f, day, clauses, params)
    if f.language:
        clauses.append("a.language = ?")
        params.append(f.language)
    if f.article:
        clauses.append(f"{alias}.article_id = ?")
        params.append(f.article)
    return clauses, params


def dyad_clause(a: str, b: str, alias: str = "e") -> tuple[str, list[Any]]:
    """Events between the two countries, in either direction."""
    sql = (f"(({alias}.actor1_country = ? AND {alias}.actor2_country = ?) OR "
           f"({alias}.actor1_country = ? AND {alias}.actor2_country = ?))")
    return sql, [a.upper(), b.upper(), b.upper(), a.upper()]


def actor_clause(actor: str, alias: str = "e") -> tuple[str, list[Any]]:
    """Either side is the actor: by ISO3 country, CAMEO code or part of the name. A country's code
    is its country only ("IND" is India, not every "Indonesia" in a name)."""
    if is_country_code(actor):
        return f"({alias}.actor1_country = ? OR {alias}.actor2_country = ?)", [actor.upper(), actor.upper()]
    pattern = like(actor.lower())
    sql = (f"({alias}.actor1_country = ? OR {alias}.actor2_country = ? OR {alias}.actor1_code = ? OR "
           f"{alias}.actor2_code = ? OR lower({alias}.actor1_name) {LIKE} OR lower({alias}.actor2_name) {LIKE})")
    return sql, [actor.upper(), actor.upper(), actor.upper(), actor.upper(), pattern, pattern]


def events_where(f: Filters) -> Clauses:
    clauses, params = _common(f, "e", "e.day")
    if f.dyad:
        sql, extra = dyad_clause(*f.dyad)
        clauses.append(sql)
        params += extra
    if f.actor:
        sql, extra = actor_clause(f.actor)
        clauses.append(sql)
        params += extra
    if f.type:
        clauses.append(f"(e.type = ? OR e.cameo {LIKE})")
        params += [f.type.upper(), like(f.type, prefix=True)]
    if f.context:
        clauses.append(f"lower(e.context) {LIKE}")
        params.append(like(f.context.lower()))
    if f.text:
        clauses.append(f"lower(e.evidence) {LIKE}")
        params.append(like(f.text.lower()))
    _event_qualities(f, clauses, params)
    return clauses, params


def _event_qualities(f: Filters, clauses: list[str], params: list[Any]) -> None:
    """Quad class, modality, negation and a confidence floor."""
    for column, value in (("e.quad_class", f.quad_class), ("e.modality", f.modality), ("e.negated", f.negated)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.place:
        clauses.append("(lower(e.location) = ? OR e.article_id IN (SELECT p.article_id FROM entities p WHERE p.name = ?))")
        params += [f.place.lower(), f.place]


def quotes_where(f: Filters, walk: bool = False, among: Clauses | None = None) -> Clauses:
    """With `walk`, a dyad's articles are tested one by one (for a walk over every quote); with
    `among` (SQL selecting article ids, and its parameters), only those of the dyad's articles."""
    clauses, params = _common(f, "q", "q.day")
    if f.speaker or f.actor:
        who = (f.speaker or f.actor or "").lower()
        clauses.append(f"(lower(q.speaker) {LIKE} OR lower(q.speaker_country) = ?)")
        params += [like(who), who]
    if f.text:
        clauses.append(f"lower(q.text) {LIKE}")
        params.append(like(f.text.lower()))
    if f.dyad:
        sql, extra = _dyad_articles(f.dyad, "q", walk, among)
        clauses.append(sql)
        params += extra
    return clauses, params


def amounts_where(f: Filters, walk: bool = False, among: Clauses | None = None) -> Clauses:
    """With `walk`, a dyad's articles are tested one by one (for a walk over every amount); with
    `among` (SQL selecting article ids, and its parameters), only those of the dyad's articles."""
    clauses, params = _common(f, "m", "m.day")
    if f.type:
        clauses.append("(m.unit = ? OR m.status = ?)")
        params += [f.type.upper() if len(f.type) == 3 else f.type, f.type.lower()]
    if f.text:
        clauses.append(f"(lower(m.text) {LIKE} OR lower(m.refers_to) {LIKE})")
        params += [like(f.text.lower())] * 2
    if f.dyad:
        sql, extra = _dyad_articles(f.dyad, "m", walk, among)
        clauses.append(sql)
        params += extra
    elif f.actor:
        sql, extra = _with_events(actor_clause(f.actor))
        clauses.append(f"m.article_id IN ({sql})")
        params += extra
    return clauses, params


def entities_where(f: Filters) -> Clauses:
    clauses, params = _common(f, "n", "n.day")
    if f.type:
        clauses.append("n.type = ?")
        params.append(f.type.upper())
    if f.text or f.actor:
        who = (f.text or f.actor or "").lower()
        clauses.append(f"(lower(n.name) {LIKE} OR lower(n.iso3) = ?)")
        params += [like(who), who]
    return clauses, params


def articles_where(f: Filters) -> Clauses:
    clauses, params = _common(f, "a", "a.day")
    if f.article:  # _common wrote a.article_id; articles key on id
        clauses[-1] = "a.id = ?"
    if f.text:
        clauses.append(f"lower(a.title) {LIKE}")
        params.append(like(f.text.lower()))
    if f.dyad or f.actor:
        sql, extra = articles_sql(*f.dyad) if f.dyad else _with_events(actor_clause(f.actor or ""))
        clauses.append(f"a.id IN ({sql})")
        params += extra
    return clauses, params


def _dyad_articles(dyad: tuple[str, str], alias: str, walk: bool,
                   among: tuple[str, list[Any]] | None) -> tuple[str, list[Any]]:
    """The record's article has events of the dyad: one look-up per record (`walk`), one of the
    dyad's articles `among` selects, or one list of the dyad's articles built first."""
    if walk:
        return articles_exist(*dyad, f"{alias}.article_id")
    sql, params = among or articles_sql(*dyad)
    return f"{alias}.article_id IN ({sql})", params


def _with_events(clause: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    """SQL selecting the ids of the articles with an event meeting `clause`."""
    return f"SELECT e.article_id FROM events e WHERE {clause[0]}", clause[1]


def render(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""
