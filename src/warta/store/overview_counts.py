"""The overview's counts kept at ingest: what the store holds, the actor network and the places.

They live beside the dyad counts (dyad_counts.py), in the same table, tallied by the same writer
in the same transaction (so exact under re-stores and deletes, and read in the reader's
snapshot). A kind that names no pair leaves `a` and `b` empty:

- "rows": v a table's name, n its rows (articles, events, quotes, amounts, entities);
- "language": v an article language ('' for none), n its articles;
- "published": v an article day ('' for none), n its articles (the span of dates, the undated);
- "edge": a, b the two sides of an event as the network names them (the country, else the CAMEO
  code, else the name), when both are named and differ; n events, g their Goldstein sum, gn the
  scored ones;
- "edge1", "edge2": a, b an edge, v a name its first (second) side carried, n events: the
  network gives an edge's largest name;
- "place": a the name of place entities, n the articles naming it; "place_iso3",
  "place_country", "place_geonames": a such a name, v a value its entities carry (geonames as
  decimal text), n entities: the places list gives the largest;
- "place_events": a such a name, n the events of the articles naming it (counted as each event
  is filed under its article: the map sizes a place's marker by them).

The overview then reads a few rows (`stats`), the top edges (`network_edges`) and the top places
(`places`) instead of grouping every article, event and entity (1-3 s each at 100,000 articles).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .rows import ARTICLE_COLUMNS, ENTITY_COLUMNS

PLACE_TYPES = ("PLACE", "COUNTRY", "CITY", "GPE", "LOC", "FAC", "REGION")
TABLES = ("articles", "events", "quotes", "amounts", "entities")
SIDE = "COALESCE(actor{n}_country, actor{n}_code, actor{n}_name)"  # a network node: country, code or name
_PLACE_VALUES = (("place_iso3", "iso3"), ("place_country", "country"), ("place_geonames", "geonames"))
_LANGUAGE, _DAY = ARTICLE_COLUMNS.index("language"), ARTICLE_COLUMNS.index("day")
_PLACE_AT = tuple(ENTITY_COLUMNS.index(c) for c in ("name", "type", "iso3", "country", "geonames"))
ENTITY_SELECT = "SELECT name, type, iso3, country, geonames FROM entities"  # what count_places reads
Delta = Callable[[str, str, str, str, int], list[Any]]  # Tally.delta: (kind, a, b, v, change of n)


def language_day(article: tuple[Any, ...]) -> tuple[str | None, str | None]:
    """The language and day of an article row (rows.ARTICLE_COLUMNS)."""
    return article[_LANGUAGE], article[_DAY]


def count_article(delta: Delta, language_day: tuple[str | None, str | None], rows: dict[str, int],
                  sign: int) -> None:
    """Count (sign 1) or uncount (-1) an article given as its (language, day), with the rows it
    has in the other tables (events are counted one by one: `count_event`)."""
    delta("rows", "", "", "articles", sign)
    for table, n in rows.items():
        if n:
            delta("rows", "", "", table, sign * n)
    delta("language", "", "", language_day[0] or "", sign)
    delta("published", "", "", language_day[1] or "", sign)


def entity_places(entities: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """(name, type, iso3, country, geonames) of entity rows (rows.ENTITY_COLUMNS)."""
    return [tuple(row[i] for i in _PLACE_AT) for row in entities]


def count_places(delta: Delta, entities: Iterable[tuple[Any, ...]], sign: int) -> None:
    """Count an article's place entities, given as (name, type, iso3, country, geonames)."""
    named = set()
    for name, type_, *values in entities:
        if type_ not in PLACE_TYPES or name is None:
            continue
        named.add(name)
        for (kind, _), value in zip(_PLACE_VALUES, values):
            if value is not None:
                delta(kind, name, "", str(value), sign)
    for name in named:  # an article names a place once, however many entities name it
        delta("place", name, "", "", sign)


def place_names(entities: Iterable[tuple[Any, ...]]) -> frozenset[str]:
    """The names of an article's place entities, given as (name, type, ...)."""
    return frozenset(name for name, type_, *_ in entities if type_ in PLACE_TYPES and name is not None)


def count_place_events(delta: Delta, names: Iterable[str], sign: int) -> None:
    """Count (sign 1) or uncount (-1) one event for each place its article names."""
    for name in names:
        delta("place_events", name, "", "", sign)


def recount_place_events() -> str:
    """SQL counting the "place_events" rows as the tables hold them (the migration that added
    them fills them with it; the tests compare what the writer kept with it)."""
    marks = ", ".join(f"'{t}'" for t in PLACE_TYPES)
    return ("SELECT 'place_events' AS kind, p.name AS a, '' AS b, '' AS v, count(*) AS n, 0 AS g, 0 AS gn FROM"
            f" (SELECT DISTINCT article_id, name FROM entities WHERE type IN ({marks}) AND name IS NOT NULL) p"
            " JOIN events e ON e.article_id = p.article_id GROUP BY p.name")


def count_event(delta: Delta, sides: tuple[Any, ...], goldstein: float | None, sign: int) -> None:
    """Count an event in the "rows" and the network's edges; `sides`: (country, code, name) of
    actor 1, then of actor 2."""
    delta("rows", "", "", "events", sign)
    first = next((s for s in sides[:3] if s is not None), None)
    second = next((s for s in sides[3:] if s is not None), None)
    if first is None or second is None or first == second:
        return
    edge = delta("edge", first, second, "", sign)
    if goldstein is not None:
        edge[1] += sign * goldstein
        edge[2] += sign
    for kind, name in (("edge1", sides[2]), ("edge2", sides[5])):
        if name is not None:
            delta(kind, first, second, name, sign)


def recount() -> str:
    """SQL counting the stored rows of every kind above as the table holds them: the migration
    fills the table with it, the tests compare what the writer kept with it."""
    one = "SELECT '{kind}' AS kind, {a} AS a, {b} AS b, {v} AS v, count(*) AS n, 0 AS g, 0 AS gn"
    tables = [f"SELECT 'rows', '', '', '{t}', n, 0, 0 FROM (SELECT count(*) AS n FROM {t}) c WHERE n > 0"
              for t in TABLES]
    articles = [one.format(kind=kind, a="''", b="''", v=f"COALESCE({column}, '')") + " FROM articles GROUP BY 4"
                for kind, column in (("language", "language"), ("published", "day"))]
    marks = ", ".join(f"'{t}'" for t in PLACE_TYPES)
    places = f" FROM entities WHERE type IN ({marks}) AND name IS NOT NULL"
    place = ["SELECT 'place', name, '', '', count(DISTINCT article_id), 0, 0" + places + " GROUP BY name"]
    place += [f"SELECT '{kind}', name, '', CAST({column} AS TEXT), count(*), 0, 0" + places
              + f" AND {column} IS NOT NULL GROUP BY name, {column}" for kind, column in _PLACE_VALUES]
    sides = (f"SELECT {SIDE.format(n=1)} AS s1, {SIDE.format(n=2)} AS s2, goldstein, actor1_name, actor2_name"
             f" FROM events WHERE {SIDE.format(n=1)} IS NOT NULL AND {SIDE.format(n=2)} IS NOT NULL"
             f" AND {SIDE.format(n=1)} <> {SIDE.format(n=2)}")
    edges = [f"SELECT 'edge', s1, s2, '', count(*), COALESCE(sum(goldstein), 0), count(goldstein) FROM ({sides}) e"
             " GROUP BY s1, s2"]
    edges += [f"SELECT 'edge{n}', s1, s2, actor{n}_name, count(*), 0, 0 FROM ({sides}) e"
              f" WHERE actor{n}_name IS NOT NULL GROUP BY s1, s2, actor{n}_name" for n in (1, 2)]
    return " UNION ALL ".join([*tables, *articles, *place, *edges])


def fill() -> str:
    """SQL adding the counts of what is stored to the table (the migration to these counts)."""
    return "INSERT INTO dyad_counts (kind, a, b, v, n, g, gn) " + recount()


def stats(store: Any) -> dict[str, Any]:
    """The tables' rows, the articles per language, their span of days and the undated ones, as
    `QueryMixin._stats` counts them."""
    rows = store.query("SELECT kind, v, n FROM dyad_counts WHERE kind IN ('rows', 'language', 'published')"
                       " AND a = '' AND b = '' AND (kind <> 'published' OR v = '') ORDER BY kind, n DESC, v")
    span = store.query("SELECT min(v) AS since, max(v) AS until FROM dyad_counts"
                       " WHERE kind = 'published' AND a = '' AND b = '' AND v <> ''")[0]
    out: dict[str, Any] = {t: 0 for t in TABLES}
    out["languages"] = {}
    out["undated"] = 0
    for r in rows:
        if r["kind"] == "rows":
            out[r["v"]] = int(r["n"])
        elif r["kind"] == "language":
            out["languages"][r["v"] or "?"] = int(r["n"])
        else:
            out["undated"] = int(r["n"])
    out["since"], out["until"] = span["since"], span["until"]
    return out


def rows(store: Any, table: str) -> int:
    """How many rows `table` (one of TABLES) holds."""
    found = store.query("SELECT n FROM dyad_counts WHERE kind = 'rows' AND a = '' AND b = '' AND v = ?", [table])
    return int(found[0]["n"]) if found else 0


def network_edges(store: Any, limit: int) -> list[dict[str, Any]]:
    """The `limit` edges with most events, most first: source, target, n, mean Goldstein score
    (None when none is scored) and the largest name of each side."""
    names = ", ".join(f"(SELECT max(x.v) FROM dyad_counts x WHERE x.kind = 'edge{n}' AND x.a = top.a AND x.b = top.b)"
                      f" AS {end}_name" for n, end in ((1, "source"), (2, "target")))
    return store.query(
        "WITH top AS (SELECT a, b, n, g, gn FROM dyad_counts WHERE kind = 'edge' ORDER BY n DESC, a, b LIMIT ?)"
        " SELECT a AS source, b AS target, n, CASE WHEN gn > 0 THEN g / gn END AS goldstein, "
        f"{names} FROM top ORDER BY n DESC, a, b", [limit])


def places(store: Any, limit: int) -> list[dict[str, Any]]:
    """The `limit` place names in most articles, most first, with the largest iso3, country and
    geonames their entities carry and the events of the articles naming them: as
    `QueryMixin.places` groups the entities."""
    values = ", ".join(f"(SELECT max({'CAST(x.v AS BIGINT)' if column == 'geonames' else 'x.v'}) FROM dyad_counts x"
                       f" WHERE x.kind = '{kind}' AND x.a = top.name AND x.b = '') AS {column}"
                       for kind, column in _PLACE_VALUES)
    events = ("COALESCE((SELECT x.n FROM dyad_counts x WHERE x.kind = 'place_events' AND x.a = top.name AND x.b = ''"
              " AND x.v = ''), 0) AS events")
    return store.query(
        "WITH top AS (SELECT a AS name, n AS articles FROM dyad_counts WHERE kind = 'place' AND b = ''"
        f" ORDER BY n DESC, a LIMIT ?) SELECT name, {values}, articles, {events} FROM top ORDER BY articles DESC, name",
        [limit])
