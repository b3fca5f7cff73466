"""Read queries shared by both SQL backends: record lists, the actor summary, the actor network
and places (the dyad summary is in dyad.py). Backends provide `_rows(sql, params)` and `search`."""
from __future__ import annotations

from collections import Counter
from contextlib import AbstractContextManager
from typing import Any

from . import dyad_counts, dyad_latest, overview_counts
from .dyad import DyadMixin, directed, either_side
from .filters import Filters
from .totals import country_groups, event_types, is_country_code, network_edges, pair_totals
from .where import (
    actor_clause,
    amounts_where,
    articles_where,
    entities_where,
    events_where,
    quotes_where,
    render,
)

_BOOLS = ("negated", "direct", "approximate", "in_title")
_EVENT_SELECT = ("SELECT e.*, a.title, a.url, a.language FROM events e JOIN articles a ON a.id = e.article_id")
_PLACE_TYPES = overview_counts.PLACE_TYPES


class QueryMixin(DyadMixin):
    """Record queries; every method returns JSON-ready dicts."""

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def snapshot(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _select(self, sql: str, params: list[Any], f: Filters, order: str) -> list[dict[str, Any]]:
        tail = f" ORDER BY {order} LIMIT ? OFFSET ?"
        return [_clean(r) for r in self._rows(sql + tail, [*params, f.limit, f.offset])]

    def _list(self, kind: str, f: Filters) -> list[dict[str, Any]]:
        if kind in _BY_DAY and getattr(self, "_dates_dyads", False) and dyad_latest.answers(f):
            def select(among: str, params: list[Any]) -> list[dict[str, Any]]:  # among the dyad's newest articles
                sql, where, order = _BY_DAY[kind](f, False, (among, params))
                sql = sql.replace(_with_article(kind), _RECORDS[kind][0], 1)  # filters on records alone (answers)
                return [_clean(r) for r in self._rows(_paged_first(kind, sql, order), [*where, f.limit, f.offset])]

            return dyad_latest.latest(self, select, f)
        if kind in _BY_DAY:  # quotes and amounts: a dyad's are walked newest first or read from its articles
            walk = bool(f.dyad) and self._common_pair(*f.dyad, f.limit + f.offset)  # type: ignore[misc]
            sql, params, order = _BY_DAY[kind](f, walk)
            if walk and getattr(self, "_scan_by_day", False):  # SQLite: told which index walks newest first
                sql = sql.replace(*_DAY_INDEX[kind], 1)
        else:
            sql, params, order = _LISTINGS[kind](f)
        return self._select(sql, params, f, order)

    def _common_pair(self, a: str, b: str, limit: int) -> bool:
        """Are the pair's articles so many that a page of its newest quotes or amounts is found
        soonest walking all of them newest first (their `_latest` index), looking each one's
        article up? A page of `limit` takes about limit / share steps (share: the pair's part of
        all articles), against reading and sorting the records of all its articles: the walk
        wins once articles² > limit × all articles / 4 (measured over the 190 pairs of a store of
        100,000 articles; IDN-USA's 31,000 articles' 40 newest quotes 0.5 ms, not 90; IRN-UKR's
        160 articles' 0.8 ms, not 90). SQLite alone is told (`_scan_by_day`)."""
        if not (getattr(self, "_scan_by_day", False) and getattr(self, "_counts_dyads", False)):
            return False
        pair = dyad_counts.article_total(self, a, b)
        return pair * pair * 4 > limit * self._article_total()

    def _article_total(self) -> int:
        """How many articles the store holds."""
        if getattr(self, "_counts_overview", False):  # kept at ingest
            return overview_counts.rows(self, "articles")
        return int(self._rows("SELECT count(*) AS n FROM articles")[0]["n"])

    def count(self, kind: str, filters: Filters) -> int:
        """How many rows `kind` ("events", "quotes", "amounts", "entities", "articles") has for the
        filters, over all pages (limit and offset ignored)."""
        if kind == "events" and getattr(self, "_counts_dyads", False) and dyad_counts.plain(filters):
            return dyad_counts.dyad_total(self, *filters.dyad)  # type: ignore[misc]
        sql, params, _ = _LISTINGS[kind](filters)
        return int(self._rows(f"SELECT count(*) AS n FROM ({sql}) t", params)[0]["n"])

    def events(self, filters: Filters) -> list[dict[str, Any]]:
        """Events matching the filters, newest first."""
        return self._list("events", filters)

    def quotes(self, filters: Filters) -> list[dict[str, Any]]:
        """Quotes matching the filters, newest first."""
        return self._list("quotes", filters)

    def amounts(self, filters: Filters) -> list[dict[str, Any]]:
        """Amounts matching the filters, newest first."""
        return self._list("amounts", filters)

    def entities(self, filters: Filters) -> list[dict[str, Any]]:
        """Entities aggregated over articles: name, type, codes, articles and mentions, most named first."""
        return self._list("entities", filters)

    def articles(self, filters: Filters) -> list[dict[str, Any]]:
        """Articles (without their text), newest first."""
        return self._list("articles", filters)

    def stats(self) -> dict[str, Any]:
        """How much the store holds, by table and language, and the span of dates."""
        with self.snapshot():
            return self._stats()

    def _stats(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": getattr(self, "url", "")}
        if getattr(self, "_counts_overview", False):  # kept at ingest: a few rows to read
            counted = overview_counts.stats(self)
            out.update((k, counted[k]) for k in (*overview_counts.TABLES, "languages", "since", "until", "undated"))
        else:
            self._counted_stats(out)
        totals = pair_totals(self)  # the dyads and types from the shared totals, not two more scans
        out["top_dyads"] = [{"a": e["source"], "b": e["target"], "n": e["n"]} for e in network_edges(totals, 10)]
        out["event_types"] = event_types(totals)
        return out

    def _counted_stats(self, out: dict[str, Any]) -> None:
        """The tables' rows, the languages and the span of days, counted from the rows."""
        for table in overview_counts.TABLES:
            out[table] = self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"]
        out["languages"] = {r["language"] or "?": r["n"] for r in self._rows(
            "SELECT language, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC, language")}
        span = self._rows("SELECT min(day) AS since, max(day) AS until, sum(CASE WHEN day IS NULL THEN 1 ELSE 0 END)"
                          " AS undated FROM articles")[0]
        out["since"], out["until"], out["undated"] = span["since"], span["until"], int(span["undated"] or 0)

    def actor(self, actor: str, *, limit: int = 50) -> dict[str, Any]:
        """One actor (country code, CAMEO code or name): partners, event types, events and quotes."""
        with self.snapshot():
            return self._actor(actor, limit)

    def _actor(self, actor: str, limit: int) -> dict[str, Any]:
        if is_country_code(actor):  # from the totals every country's summary shares (totals.py)
            partners, by_type = country_groups(pair_totals(self), actor)
        else:
            partners, by_type = self._actor_groups(actor)
        return {"actor": actor, "partners": partners, "by_type": by_type,
                "events": self.events(Filters(actor=actor, limit=limit)),
                "quotes": self.quotes(Filters(speaker=actor, limit=limit))}

    def _actor_groups(self, actor: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Partners and event types of an actor given by CAMEO code or name."""
        sql, params = actor_clause(actor)
        # Partners and types from one pass (over the dyad index, which holds every column read).
        groups = self._rows(
            "SELECT CASE WHEN e.actor1_country = ? THEN e.actor2_country ELSE e.actor1_country END AS partner,"
            f" e.type, count(*) AS n, sum(e.goldstein) AS goldstein FROM events e WHERE {sql} GROUP BY 1, 2",
            [actor.upper(), *params])
        partners: dict[Any, dict[str, Any]] = {}
        types: Counter[Any] = Counter()
        for g in groups:
            if g["partner"] == actor.upper():  # its own events (IDN's ministry and IDN's army): no partner
                types[g["type"]] += g["n"]
                continue
            p = partners.setdefault(g["partner"], {"partner": g["partner"], "n": 0, "goldstein": None})
            p["n"] += g["n"]
            if g["goldstein"] is not None:  # SQL's sum: NULL when every score is NULL
                p["goldstein"] = (p["goldstein"] or 0.0) + g["goldstein"]
            types[g["type"]] += g["n"]
        return (sorted(partners.values(), key=lambda p: (-p["n"], p["partner"] or ""))[:30],
                [{"type": t, "n": n} for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0] or ""))])

    def network(self, *, limit: int = 200) -> dict[str, Any]:
        """Actors as nodes — countries by ISO3 code, international organisations and non-state
        actors by their CAMEO code or name — with event counts between them as edges (direction kept)."""
        edges = self._edges(limit)
        weight: Counter[str] = Counter()
        names: dict[str, str] = {}
        for e in edges:
            for end in ("source", "target"):
                weight[e[end]] += e["n"]
                names.setdefault(e[end], e.pop(f"{end}_name") or e[end])
        return {"nodes": [{"id": k, "n": n, "name": names[k], "country": len(k) == 3 and k.isupper()}
                          for k, n in weight.most_common()], "edges": edges}

    def _edges(self, limit: int) -> list[dict[str, Any]]:
        """The network's `limit` edges with most events, with the largest name of each side."""
        if getattr(self, "_counts_overview", False):  # kept at ingest
            return overview_counts.network_edges(self, limit)
        side = overview_counts.SIDE
        return self._rows(
            f"SELECT {side.format(n=1)} AS source, {side.format(n=2)} AS target, count(*) AS n,"
            " avg(goldstein) AS goldstein, max(actor1_name) AS source_name, max(actor2_name) AS target_name"
            f" FROM events WHERE {side.format(n=1)} IS NOT NULL AND {side.format(n=2)} IS NOT NULL"
            f" AND {side.format(n=1)} <> {side.format(n=2)} GROUP BY 1, 2 ORDER BY n DESC, source, target LIMIT ?",
            [limit])

    def country_counts(self) -> list[dict[str, Any]]:
        """Events per country, on either side (an event between two countries counts for both)."""
        return self._rows(
            "SELECT c AS iso3, count(*) AS n, sum(goldstein) AS goldstein FROM (SELECT actor1_country AS c, goldstein"
            " FROM events UNION ALL SELECT actor2_country AS c, goldstein FROM events WHERE actor2_country IS NOT NULL"
            " AND (actor1_country IS NULL OR actor2_country <> actor1_country)) t WHERE c IS NOT NULL"
            " GROUP BY c ORDER BY n DESC, c")

    def places(self) -> list[dict[str, Any]]:
        """Places named in articles with how often (`articles`), the events of those articles
        (`events`), their country and coordinates (geocoded from the knowledge base: `precision`
        is GDELT's geo type, 1 when placed only by its country)."""
        from .places import locate

        if getattr(self, "_counts_overview", False) and getattr(self, "_counts_place_events", False):  # kept at ingest
            rows = overview_counts.places(self, 500)
        else:
            marks = ", ".join("?" for _ in _PLACE_TYPES)
            rows = self._rows(
                "SELECT name, max(iso3) AS iso3, max(country) AS country, max(geonames) AS geonames,"
                " count(DISTINCT article_id) AS articles"
                f" FROM entities WHERE type IN ({marks}) GROUP BY name ORDER BY articles DESC, name LIMIT 500",
                list(_PLACE_TYPES))
            events = {r["a"]: r["n"] for r in self._rows(overview_counts.recount_place_events(), [])}
            for r in rows:
                r["events"] = events.get(r["name"], 0)
        for r in rows:
            place = locate(r["name"], iso3=r["iso3"] or r["country"], geonames=r["geonames"],
                           countries=[r["country"]] if r["country"] else ())
            r["country"] = r["country"] or (place.iso3 if place else None)
            r["lat"], r["lon"] = (place.lat, place.lon) if place else (None, None)
            r["precision"] = place.type if place else None
        return rows


Listing = tuple[str, list[Any], str]


def _events_sql(f: Filters) -> Listing:
    if f.dyad:
        # Each direction is one range of the dyad index, already newest first: merged, they
        # give the first page without reading (or sorting) the dyad's other events.
        sql, params = directed(f, _EVENT_SELECT)
        return sql, params, "day DESC NULLS LAST, article_id, idx"
    if f.actor and is_country_code(f.actor):  # the same for each side's range of the actor indexes
        sql, params = either_side(f, _EVENT_SELECT)
        return sql, params, "day DESC NULLS LAST, article_id, idx"
    clauses, params = events_where(f)
    return _EVENT_SELECT + render(clauses), params, "e.day DESC NULLS LAST, e.article_id, e.idx"


# The records of quotes and amounts, their alias, and what each one takes from its article.
_RECORDS = {"quotes": ("SELECT q.* FROM quotes q", "q", "a.title, a.url"),
            "amounts": ("SELECT m.* FROM amounts m", "m", "a.title, a.language")}


def _with_article(kind: str) -> str:
    head, alias, columns = _RECORDS[kind]
    return head.replace(".*", f".*, {columns}", 1) + f" JOIN articles a ON a.id = {alias}.article_id"


def _paged_first(kind: str, records: str, order: str) -> str:
    """`records` (a listing without its articles' columns) paged first, then joined to its
    articles: one article look-up (a wide row) per record of the page, not per candidate (a
    dyad's 200 newest amounts are chosen among about 370: 2.5 ms -> 1.75 at 100,000 articles).
    Looking each article up once (a page's 200 amounts come from about 130) cost more than it saved."""
    _, alias, columns = _RECORDS[kind]
    return (f"SELECT {alias}.*, {columns} FROM ({records} ORDER BY {order} LIMIT ? OFFSET ?) {alias}"
            f" JOIN articles a ON a.id = {alias}.article_id ORDER BY {order}")


def _quotes_sql(f: Filters, walk: bool = False, among: tuple[str, list[Any]] | None = None) -> Listing:
    clauses, params = quotes_where(f, walk, among)
    return _with_article("quotes") + render(clauses), params, "q.day DESC NULLS LAST, q.article_id, q.idx"


def _amounts_sql(f: Filters, walk: bool = False, among: tuple[str, list[Any]] | None = None) -> Listing:
    clauses, params = amounts_where(f, walk, among)
    return _with_article("amounts") + render(clauses), params, "m.day DESC NULLS LAST, m.article_id, m.idx"


def _entities_sql(f: Filters) -> Listing:
    clauses, params = entities_where(f)
    sql = ("SELECT n.name, n.type, max(n.iso3) AS iso3, max(n.wikidata) AS wikidata, max(n.geonames) AS geonames,"
           " count(DISTINCT n.article_id) AS articles, sum(n.mentions) AS mentions"
           " FROM entities n JOIN articles a ON a.id = n.article_id" + render(clauses) + " GROUP BY n.name, n.type")
    return sql, params, "articles DESC, mentions DESC, n.name"


def _articles_sql(f: Filters) -> Listing:
    clauses, params = articles_where(f)
    sql = ("SELECT a.id, a.title, a.url, a.source, a.language, a.published, a.day, a.sitename, a.n_entities,"
           " a.n_quotes, a.n_amounts, a.n_events, a.tone FROM articles a" + render(clauses))
    return sql, params, "a.day DESC NULLS LAST, a.id"


# The listings that walk their table newest first for a common pair, and how (SQLite's INDEXED BY).
_BY_DAY = {"quotes": _quotes_sql, "amounts": _amounts_sql}
_DAY_INDEX = {"quotes": ("FROM quotes q", "FROM quotes q INDEXED BY quotes_latest"),
              "amounts": ("FROM amounts m", "FROM amounts m INDEXED BY amounts_latest")}
_LISTINGS = {"events": _events_sql, "quotes": _quotes_sql, "amounts": _amounts_sql, "entities": _entities_sql,
             "articles": _articles_sql}


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """Backend differences out: SQLite's 0/1 booleans become bools, context a list."""
    for key in _BOOLS:
        if key in row and row[key] is not None:
            row[key] = bool(row[key])
    if "context" in row:
        row["context"] = [c for c in (row["context"] or "").split(",") if c]
    return row
