"""Read queries shared by both SQL backends: record lists, the dyad and actor summaries, the
actor network and places. Backends provide `_rows(sql, params)` and `search`."""
from __future__ import annotations

from collections import Counter
from typing import Any

from .filters import Filters
from .where import (
    actor_clause,
    amounts_where,
    articles_where,
    entities_where,
    events_where,
    quotes_where,
    render,
)

_BOOLS = ("negated", "direct", "approximate")
_EVENT_SELECT = ("SELECT e.*, a.title, a.url, a.language FROM events e JOIN articles a ON a.id = e.article_id")
_PLACE_TYPES = ("PLACE", "COUNTRY", "CITY", "GPE", "LOC", "FAC", "REGION")


class QueryMixin:
    """Record queries; every method returns JSON-ready dicts."""

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _select(self, sql: str, params: list[Any], f: Filters, order: str) -> list[dict[str, Any]]:
        tail = f" ORDER BY {order} LIMIT ? OFFSET ?"
        return [_clean(r) for r in self._rows(sql + tail, [*params, f.limit, f.offset])]

    def events(self, filters: Filters) -> list[dict[str, Any]]:
        """Events matching the filters, newest first."""
        clauses, params = events_where(filters)
        return self._select(_EVENT_SELECT + render(clauses), params, filters,
                            "e.day DESC NULLS LAST, e.article_id, e.idx")

    def quotes(self, filters: Filters) -> list[dict[str, Any]]:
        """Quotes matching the filters, newest first."""
        clauses, params = quotes_where(filters)
        sql = "SELECT q.*, a.title, a.url FROM quotes q JOIN articles a ON a.id = q.article_id" + render(clauses)
        return self._select(sql, params, filters, "q.day DESC NULLS LAST, q.article_id, q.idx")

    def amounts(self, filters: Filters) -> list[dict[str, Any]]:
        """Amounts matching the filters, newest first."""
        clauses, params = amounts_where(filters)
        sql = "SELECT m.*, a.title, a.language FROM amounts m JOIN articles a ON a.id = m.article_id" + render(clauses)
        return self._select(sql, params, filters, "m.day DESC NULLS LAST, m.article_id, m.idx")

    def entities(self, filters: Filters) -> list[dict[str, Any]]:
        """Entities aggregated over articles: name, type, codes, articles and mentions, most named first."""
        clauses, params = entities_where(filters)
        sql = ("SELECT n.name, n.type, max(n.iso3) AS iso3, max(n.wikidata) AS wikidata, max(n.geonames) AS geonames,"
               " count(DISTINCT n.article_id) AS articles, sum(n.mentions) AS mentions"
               " FROM entities n JOIN articles a ON a.id = n.article_id" + render(clauses) + " GROUP BY n.name, n.type")
        return self._select(sql, params, filters, "articles DESC, mentions DESC, n.name")

    def articles(self, filters: Filters) -> list[dict[str, Any]]:
        """Articles (without their text), newest first."""
        clauses, params = articles_where(filters)
        sql = ("SELECT a.id, a.title, a.url, a.source, a.language, a.published, a.day, a.sitename, a.n_entities,"
               " a.n_quotes, a.n_amounts, a.n_events, a.tone FROM articles a" + render(clauses))
        return self._select(sql, params, filters, "a.day DESC NULLS LAST, a.id")

    def stats(self) -> dict[str, Any]:
        """How much the store holds, by table and language, and the span of dates."""
        out: dict[str, Any] = {"url": getattr(self, "url", "")}
        for table in ("articles", "events", "quotes", "amounts", "entities"):
            out[table] = self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"]
        out["languages"] = {r["language"] or "?": r["n"] for r in self._rows(
            "SELECT language, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC")}
        span = self._rows("SELECT min(day) AS since, max(day) AS until FROM articles")[0]
        out["since"], out["until"] = span["since"], span["until"]
        out["top_dyads"] = self._rows(
            "SELECT actor1_country AS a, actor2_country AS b, count(*) AS n FROM events WHERE actor1_country IS NOT NULL"
            " AND actor2_country IS NOT NULL AND actor1_country <> actor2_country GROUP BY actor1_country, actor2_country"
            " ORDER BY n DESC, a, b LIMIT 10")
        out["event_types"] = self._rows("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
        return out

    def dyad(self, a: str, b: str, *, filters: Filters | None = None) -> dict[str, Any]:
        """Everything about the relations of two countries: counts by month, type and context,
        the Goldstein sum, amounts (promised vs realised), quotes of each side, latest events."""
        base = filters or Filters(limit=50)
        f = Filters(dyad=(a.upper(), b.upper()), since=base.since, until=base.until, language=base.language,
                    type=base.type, limit=base.limit)
        clauses, params = events_where(f)
        # One pass over the dyad's events, aggregated here: cheaper than one GROUP BY query per view.
        join = " JOIN articles a ON a.id = e.article_id" if f.language else ""
        rows = self._rows(f"SELECT e.day, e.type, e.goldstein, e.actor1_country, e.context FROM events e{join}"
                          + render(clauses), params)
        contexts = Counter(c for r in rows for c in (r["context"] or "").split(",") if c)
        return {"a": a.upper(), "b": b.upper(), "events_total": len(rows),
                "goldstein_sum": sum(r["goldstein"] or 0.0 for r in rows),
                "by_month": _group(rows, lambda r: r["day"][:7] if r["day"] else None, "month", by_key=True),
                "by_type": _group(rows, lambda r: r["type"], "type"),
                "by_direction": _group(rows, lambda r: r["actor1_country"], "source", by_key=True),
                "by_context": [{"context": c, "n": n} for c, n in contexts.most_common()],
                "amounts": self._dyad_amounts(f), "quotes": self._dyad_quotes(f), "events": self.events(f)}

    def _dyad_amounts(self, f: Filters) -> dict[str, Any]:
        rows = self.amounts(Filters(dyad=f.dyad, since=f.since, until=f.until, limit=200))
        totals: dict[tuple[str, str], float] = {}
        for r in rows:
            key = (r["unit"], r["status"] or "unknown")
            totals[key] = totals.get(key, 0.0) + (r["value"] or 0.0)
        return {"items": rows, "totals": [{"unit": u, "status": s, "value": v} for (u, s), v in sorted(totals.items())]}

    def _dyad_quotes(self, f: Filters) -> list[dict[str, Any]]:
        """Quotes in the dyad's articles, each marked with the side its speaker belongs to."""
        assert f.dyad is not None
        sides = self._actor_sides(f)
        rows = self.quotes(Filters(dyad=f.dyad, since=f.since, until=f.until, limit=40))
        for r in rows:
            country = r.get("speaker_country")
            name = (r.get("speaker") or "").lower()
            r["side"] = country if country in f.dyad else next(
                (side for side, names in sides.items() if name and any(name in n or n in name for n in names)), None)
        return rows

    def _actor_sides(self, f: Filters) -> dict[str, set[str]]:
        """Lower-cased names on each side: event actors, and people the entity stage gave a country."""
        clauses, params = events_where(Filters(dyad=f.dyad, limit=0))
        sides: dict[str, set[str]] = {f.dyad[0]: set(), f.dyad[1]: set()}  # type: ignore[index]
        for r in self._rows("SELECT e.actor1_name, e.actor1_country, e.actor2_name, e.actor2_country FROM events e"
                            + render(clauses), params):
            for n in ("1", "2"):
                if r[f"actor{n}_country"] in sides and r[f"actor{n}_name"]:
                    sides[r[f"actor{n}_country"]].add(r[f"actor{n}_name"].lower())
        people = self._rows("SELECT DISTINCT n.name, n.iso3 FROM entities n WHERE n.type = 'PERSON' AND n.iso3 IN (?, ?)"
                            f" AND n.article_id IN (SELECT e.article_id FROM events e{render(clauses)})",
                            [*sides, *params])
        for r in people:
            sides[r["iso3"]].add(r["name"].lower())
        return sides

    def actor(self, actor: str, *, limit: int = 50) -> dict[str, Any]:
        """One actor (country code, CAMEO code or name): partners, event types, events and quotes."""
        sql, params = actor_clause(actor)
        code = actor.upper()
        partners = self._rows(
            "SELECT CASE WHEN e.actor1_country = ? THEN e.actor2_country ELSE e.actor1_country END AS partner,"
            f" count(*) AS n, sum(e.goldstein) AS goldstein FROM events e WHERE {sql}"
            " GROUP BY 1"
            " ORDER BY n DESC LIMIT 30", [code, *params])
        types = self._rows(f"SELECT e.type, count(*) AS n FROM events e WHERE {sql} GROUP BY e.type ORDER BY n DESC",
                           params)
        return {"actor": actor, "partners": partners, "by_type": types,
                "events": self.events(Filters(actor=actor, limit=limit)),
                "quotes": self.quotes(Filters(speaker=actor, limit=limit))}

    def network(self, *, limit: int = 200) -> dict[str, Any]:
        """Countries as nodes, event counts between them as edges (direction kept)."""
        edges = self._rows(
            "SELECT actor1_country AS source, actor2_country AS target, count(*) AS n, avg(goldstein) AS goldstein"
            " FROM events WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL"
            " AND actor1_country <> actor2_country GROUP BY actor1_country, actor2_country"
            " ORDER BY n DESC, source, target LIMIT ?", [limit])
        weight: Counter[str] = Counter()
        for e in edges:
            weight[e["source"]] += e["n"]
            weight[e["target"]] += e["n"]
        return {"nodes": [{"id": k, "n": n} for k, n in weight.most_common()], "edges": edges}

    def places(self) -> list[dict[str, Any]]:
        """Places named in articles with how often, and their coordinates when known."""
        from .places import coordinates

        marks = ", ".join("?" for _ in _PLACE_TYPES)
        rows = self._rows(
            "SELECT name, max(iso3) AS iso3, max(geonames) AS geonames, count(DISTINCT article_id) AS articles"
            f" FROM entities WHERE type IN ({marks}) GROUP BY name ORDER BY articles DESC, name LIMIT 500",
            list(_PLACE_TYPES))
        for r in rows:
            r["lat"], r["lon"] = coordinates(r["name"], r["iso3"])
        return rows


def _group(rows: list[dict[str, Any]], key: Any, name: str, *, by_key: bool = False) -> list[dict[str, Any]]:
    """Count rows and sum their Goldstein scores per key; ordered by key, or by count then key."""
    groups: dict[Any, list[float]] = {}
    for r in rows:
        g = groups.setdefault(key(r), [0, 0.0])
        g[0] += 1
        g[1] += r["goldstein"] or 0.0
    order = sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or "") if by_key else (-kv[1][0], kv[0] or ""))
    return [{name: k, "n": n, "goldstein": g} for k, (n, g) in order]


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """Backend differences out: SQLite's 0/1 booleans become bools, context a list."""
    for key in _BOOLS:
        if key in row and row[key] is not None:
            row[key] = bool(row[key])
    if "context" in row:
        row["context"] = [c for c in (row["context"] or "").split(",") if c]
    return row
