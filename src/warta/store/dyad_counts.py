"""Dyad counts: the events of each ordered pair of countries, counted when they are stored.

`dyad_counts` holds, per (actor1 country, actor2 country), the events counted (n), their
Goldstein scores summed (g) and the scored ones counted (gn) per value (v) of five kinds: the
day, the type, the direction (`source`: the initiating country, '' for a joint act), the
context list and the article. A missing value (no country, no day) is ''. The writer keeps it exact: every event
row it inserts or deletes (merge.py files them, `SqlStore._delete` removes them) is tallied
while the transaction runs, and the tally is written in the same transaction, in key order (two
PostgreSQL writers then take the rows' locks in one order and never deadlock), so a reader sees
the counts of exactly the events it sees. A re-stored article is deleted and inserted: its
events leave the counts and come back, never counted twice. A row whose count falls to 0 goes.

An unfiltered dyad summary, a dyad's event count and the per-pair totals behind the actor
pages, the overview and the network then read a few hundred rows instead of every event, and
a dyad's quotes, amounts and people are looked up from its articles' ids (`articles_sql`).
The overview's counts (overview_counts.py: rows, languages, days, network edges, places) share
the table and the tally, under kinds of their own.
"""
from __future__ import annotations

from typing import Any

from . import dyad_latest, dyad_summary, overview_counts
from .filters import Filters
from .rows import EVENT_COLUMNS, Rows

KINDS = ("day", "type", "source", "context")  # what a dyad summary groups by
# ... and "article": each article with events of the pair (v its id), whose quotes, amounts and
# people a dyad summary shows; "actor": the actors' names ("country<TAB>name" of each side, for
# a dyad summary's sides); "person": the people of those articles from either country
# ("iso3<TAB>name" of each PERSON entity, counted once per event of the pair in its article).
# The last two count events only (g and gn stay 0).
TABLE = """CREATE TABLE dyad_counts (kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, v TEXT NOT NULL,
    n BIGINT NOT NULL, g DOUBLE PRECISION NOT NULL, gn BIGINT NOT NULL, PRIMARY KEY (kind, a, b, v))"""
# The columns tallied, as `SELECT`ed from events and as placed in an event row (rows.EVENT_COLUMNS).
_COLUMNS = ("article_id", "actor1_country", "actor2_country", "day", "type", "mutual", "context", "goldstein",
            "actor1_name", "actor2_name", "actor1_code", "actor2_code")
_AT = tuple(EVENT_COLUMNS.index(c) for c in _COLUMNS)
_VALUES = {"day": "COALESCE(day, '')", "type": "COALESCE(type, '')",
           "source": "CASE WHEN mutual THEN '' ELSE COALESCE(actor1_country, '') END",
           "context": "COALESCE(context, '')", "article": "article_id"}

def recount(kinds: tuple[str, ...] = (*KINDS, "article")) -> str:
    """SQL counting the stored events of each kind as `dyad_counts` holds them: the migrations
    fill the table with it, the tests compare what the writer kept with it."""
    return " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, COALESCE(actor1_country, '') AS a, COALESCE(actor2_country, '') AS b,"
        f" {_VALUES[kind]} AS v, count(*) AS n, COALESCE(sum(goldstein), 0) AS g, count(goldstein) AS gn"
        " FROM events GROUP BY 2, 3, 4" for kind in kinds)


def recount_names() -> str:
    """SQL counting the stored events' "actor" and "person" rows as `dyad_counts` holds them."""
    pair = "COALESCE(e.actor1_country, '') AS a, COALESCE(e.actor2_country, '') AS b"
    sides = " UNION ALL ".join(f"SELECT {pair}, COALESCE(e.actor{n}_country, '') || '\t' || COALESCE(e.actor{n}_name, '')"
                               " AS v FROM events e" for n in (1, 2))
    return (f"SELECT 'actor' AS kind, a, b, v, count(*) AS n, 0 AS g, 0 AS gn FROM ({sides}) t GROUP BY a, b, v"
            f" UNION ALL SELECT 'person', {pair}, p.iso3 || '\t' || p.name AS v, count(*), 0, 0 FROM events e"
            " JOIN entities p ON p.article_id = e.article_id AND p.type = 'PERSON'"
            " AND p.iso3 IN (e.actor1_country, e.actor2_country) AND p.name IS NOT NULL GROUP BY 2, 3, 4")


def fill(kinds: tuple[str, ...]) -> str:
    """SQL adding the counts of the stored events of `kinds` to the table (the names for "names")."""
    return "INSERT INTO dyad_counts (kind, a, b, v, n, g, gn) " + (recount_names() if kinds == ("names",)
                                                                  else recount(kinds))


_UPSERT = ("INSERT INTO dyad_counts (kind, a, b, v, n, g, gn) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, a, b, v)"
           " DO UPDATE SET n = dyad_counts.n + excluded.n, g = dyad_counts.g + excluded.g,"
           " gn = dyad_counts.gn + excluded.gn")
_EMPTIED = "DELETE FROM dyad_counts WHERE kind = ? AND a = ? AND b = ? AND v = ? AND n <= 0"
Key = tuple[str, str, str, str]


class Tally:
    """The changes to `dyad_counts` of one write transaction, until `flush` writes them; with
    `overview`, also the overview's counts (overview_counts.py), with `dated` the dyads'
    articles by day (dyad_latest.py), with `place_events` the events of each place's articles."""

    def __init__(self, overview: bool = False, dated: bool = False, summed: bool = False,
                 place_events: bool = False) -> None:
        self.deltas: dict[Key, list[Any]] = {}
        self.summed = summed  # each pair's counts also in one row (dyad_summary.py)
        self.people: dict[str, list[tuple[str, str]]] = {}  # per article, as stored now
        self.place_events = place_events
        self.places: dict[str, frozenset[str]] = {}  # per article: the places it names, as stored now
        self.overview = overview
        self.dated = dated
        self.articles: dict[dyad_latest.Key, int] = {}  # the changes to dyad_articles
        self.days: dict[str, str] = {}  # per article: its day ('' for none)

    def add_article(self, rows: Rows) -> None:
        """Count an article just inserted (its events are counted as they are filed: `add_row`)."""
        entities = overview_counts.entity_places(rows.entities) if self.overview or self.place_events else []
        if self.overview:
            counts = {table: len(getattr(rows, table)) for table in ("quotes", "amounts", "entities")}
            overview_counts.count_article(self.delta, overview_counts.language_day(rows.article), counts, 1)
            overview_counts.count_places(self.delta, entities, 1)
        if self.place_events:  # its events, filed next, are counted for these places
            self.places[rows.article[0]] = overview_counts.place_names(entities)

    def add_row(self, store: Any, cur: Any, row: tuple[Any, ...]) -> None:
        """Count an event given as its row (rows.EVENT_COLUMNS), just inserted by `cur`."""
        values = tuple(row[i] for i in _AT)
        people = self.people.get(values[0])
        if people is None:
            people = self.people[values[0]] = _people(store, cur, values[0])
        self.add(values, 1, people, self._day(store, cur, values[0]), self._places(store, cur, values[0]))

    def _places(self, store: Any, cur: Any, article_id: str) -> frozenset[str]:
        """The places the article names, when events are counted per place (else none)."""
        if not self.place_events:
            return frozenset()
        if article_id not in self.places:  # an event passed on to another article (merge.py)
            self.places[article_id] = _stored_places(store, cur, article_id)
        return self.places[article_id]

    def _day(self, store: Any, cur: Any, article_id: str) -> str | None:
        """The article's day ('' for none), when the dyads' articles are kept by day."""
        if not self.dated:
            return None
        if article_id not in self.days:
            cur.execute(store.sql("SELECT day FROM articles WHERE id = ?"), (article_id,))
            found = cur.fetchone()
            self.days[article_id] = (found[0] if found else None) or ""
        return self.days[article_id]

    def remove_article(self, store: Any, cur: Any, article_id: str) -> None:
        """Uncount the events of an article about to be deleted (its entities still stored)."""
        self.people.pop(article_id, None)  # its entities go with it; a new version brings its own
        self.places.pop(article_id, None)
        cur.execute(store.sql(f"SELECT {', '.join(_COLUMNS)} FROM events WHERE article_id = ?"), (article_id,))
        events = cur.fetchall()
        people = _people(store, cur, article_id) if events else []
        day = self._day(store, cur, article_id) if events else None
        # its place entities, read once for both its events' places and the overview's counts
        stored = _stored_entities(store, cur, article_id) if self.overview or (events and self.place_events) else []
        places = overview_counts.place_names(stored) if events and self.place_events else frozenset()
        self.days.pop(article_id, None)  # a new version may have another day
        for values in events:
            self.add(tuple(values), -1, people, day, places)
        if self.overview:
            self._remove_overview(store, cur, article_id, stored)

    def _remove_overview(self, store: Any, cur: Any, article_id: str, entities: list[tuple[Any, ...]]) -> None:
        """Uncount the article, its rows and its places (`entities`, as stored) in the overview's counts."""
        tables = ("quotes", "amounts", "entities")
        cur.execute(store.sql("SELECT " + ", ".join(f"(SELECT count(*) FROM {t} WHERE article_id = ?)" for t in tables)),
                    (article_id,) * len(tables))
        counts = dict(zip(tables, (int(n) for n in cur.fetchone())))
        cur.execute(store.sql("SELECT language, day FROM articles WHERE id = ?"), (article_id,))
        article = cur.fetchone()
        if article is not None:
            overview_counts.count_article(self.delta, tuple(article), counts, -1)
        overview_counts.count_places(self.delta, entities, -1)

    def add(self, values: tuple[Any, ...], sign: int, people: list[tuple[str, str]],
            published: str | None = None, places: frozenset[str] = frozenset()) -> None:
        """Count (sign 1) or uncount (-1) an event given as the values of _COLUMNS; `people`:
        the (iso3, name) of its article's PERSON entities; `published`: its article's day ('' for
        none), when the dyads' articles are kept by day; `places`: the places its article names."""
        article, a1, a2, day, type_, mutual, context, goldstein, name1, name2, code1, code2 = values
        a, b = a1 or "", a2 or ""
        if published is not None:
            key = (a, b, published, article)
            self.articles[key] = self.articles.get(key, 0) + sign
        for kind, v in (("day", day), ("type", type_), ("source", "" if mutual else a), ("context", context),
                        ("article", article)):
            delta = self.delta(kind, a, b, v or "", sign)
            if goldstein is not None:
                delta[1] += sign * goldstein
                delta[2] += sign
        self.delta("actor", a, b, f"{a}\t{name1 or ''}", sign)
        self.delta("actor", a, b, f"{b}\t{name2 or ''}", sign)
        for iso3, name in people:
            if iso3 in (a1, a2):
                self.delta("person", a, b, f"{iso3}\t{name}", sign)
        if self.overview:
            overview_counts.count_event(self.delta, (a1, code1, name1, a2, code2, name2), goldstein, sign)
        overview_counts.count_place_events(self.delta, places, sign)

    def delta(self, kind: str, a: str, b: str, v: str, change: int) -> list[Any]:
        """The pending change [n, g, gn] of one row, its n changed by `change`."""
        delta = self.deltas.setdefault((kind, a, b, v), [0, 0.0, 0])
        delta[0] += change
        return delta

    def flush(self, store: Any, cur: Any) -> None:
        """Write the changes (in key order), drop the rows counting nothing, and start afresh."""
        changed = sorted((k, d) for k, d in self.deltas.items() if d[0] or d[2])
        dyad_latest.write(store, cur, self.articles)
        if self.summed:
            dyad_summary.write(store, cur, self.deltas)
        self.deltas, self.people, self.articles, self.days, self.places = {}, {}, {}, {}, {}
        if not changed:
            return
        cur.executemany(store.sql(_UPSERT), [(*k, *d) for k, d in changed])
        emptied = [k for k, d in changed if d[0] < 0]
        if emptied:
            cur.executemany(store.sql(_EMPTIED), emptied)


def _stored_entities(store: Any, cur: Any, article_id: str) -> list[tuple[Any, ...]]:
    """The article's entities as stored, as overview_counts reads them (ENTITY_SELECT)."""
    cur.execute(store.sql(f"{overview_counts.ENTITY_SELECT} WHERE article_id = ?"), (article_id,))
    return [tuple(r) for r in cur.fetchall()]


def _stored_places(store: Any, cur: Any, article_id: str) -> frozenset[str]:
    """The names of the article's place entities, as stored."""
    return overview_counts.place_names(_stored_entities(store, cur, article_id))


def _people(store: Any, cur: Any, article_id: str) -> list[tuple[str, str]]:
    """(iso3, name) of the article's PERSON entities that have both."""
    cur.execute(store.sql("SELECT iso3, name FROM entities WHERE article_id = ? AND type = 'PERSON'"
                          " AND iso3 IS NOT NULL AND name IS NOT NULL"), (article_id,))
    return [(iso3, name) for iso3, name in cur.fetchall()]


def sides(store: Any, a: str, b: str) -> dict[str, set[str]]:
    """Lower-cased names on each side of the pair: its events' actors, and the people of its
    articles the entity stage gave one of the two countries."""
    pairs = [(a, b)] if a == b else [(a, b), (b, a)]
    sql = " UNION ALL ".join("SELECT v FROM dyad_counts WHERE kind = ? AND a = ? AND b = ?"
                             for _ in ("actor", "person") for _ in pairs)
    rows = store.query(sql, [p for kind in ("actor", "person") for x, y in pairs for p in (kind, x, y)])
    out: dict[str, set[str]] = {a: set(), b: set()}
    for r in rows:
        country, _, name = r["v"].partition("\t")
        if country in out and name:
            out[country].add(name.lower())
    return out


def plain(f: Filters) -> bool:
    """Do the filters ask for a dyad's events as they are (no date, type or other condition)?
    Only then do the counts answer for them."""
    return f.dyad is not None and Filters(dyad=f.dyad, limit=f.limit, offset=f.offset) == f


def dyad_groups(store: Any, a: str, b: str) -> dict[str, list[tuple[Any, ...]]]:
    """The events of the unordered pair (a, b) counted (n) and their scores summed (g) per value
    (v, None for none) of month, day, type, source and context, as `DyadMixin._dyad_groups` gives them."""
    pairs = [(a, b)] if a == b else [(a, b), (b, a)]
    sql = " UNION ALL ".join("SELECT kind, v, n, g FROM dyad_counts WHERE kind = ? AND a = ? AND b = ?"
                             for _ in KINDS for _ in pairs)
    rows = store.query(sql, [p for kind in KINDS for x, y in pairs for p in (kind, x, y)])
    sums: dict[str, dict[str | None, list[Any]]] = {k: {} for k in ("month", *KINDS)}
    for r in rows:
        kinds = [(r["kind"], r["v"] or None)]
        if r["kind"] == "day":
            kinds.append(("month", r["v"][:7] or None))
        for kind, v in kinds:
            total = sums[kind].setdefault(v, [0, 0.0])
            total[0] += r["n"]
            total[1] += r["g"]
    return {kind: [(v, n, g) for v, (n, g) in values.items()] for kind, values in sums.items()}


def dyad_total(store: Any, a: str, b: str) -> int:
    """How many events the unordered pair (a, b) has."""
    pairs = [(a, b)] if a == b else [(a, b), (b, a)]
    sql = " UNION ALL ".join("SELECT n FROM dyad_counts WHERE kind = 'type' AND a = ? AND b = ?" for _ in pairs)
    return sum(int(r["n"]) for r in store.query(sql, [p for pair in pairs for p in pair]))


def articles_exist(a: str, b: str, column: str) -> tuple[str, list[str]]:
    """SQL true when the article `column` names has events between the two countries, with its
    parameters: a look-up of one row per direction."""
    a, b = a.upper(), b.upper()
    one = f"EXISTS (SELECT 1 FROM dyad_counts c WHERE c.kind = 'article' AND c.a = ? AND c.b = ? AND c.v = {column})"
    return (one, [a, b]) if a == b else (f"({one} OR {one})", [a, b, b, a])


def article_total(store: Any, a: str, b: str) -> int:
    """How many articles have events between the two countries (one with events both ways counted
    twice: an estimate, for choosing a plan)."""
    sql, params = articles_sql(a, b)
    return int(store.query(f"SELECT count(*) AS n FROM ({sql}) t", params)[0]["n"])


def pair_totals(store: Any) -> list[dict[str, Any]]:
    """Rows (a, b, type, n, g, gn) per ordered pair of countries (None for none) and type."""
    return store.query(
        "SELECT NULLIF(a, '') AS a, NULLIF(b, '') AS b, NULLIF(v, '') AS type, n, g, gn FROM dyad_counts"
        " WHERE kind = 'type'")


def articles_sql(a: str, b: str) -> tuple[str, list[str]]:
    """SQL selecting the ids of the articles with events between the two countries (either
    direction), with its parameters: one range of the counts per direction."""
    a, b = a.upper(), b.upper()
    one = "SELECT v FROM dyad_counts WHERE kind = 'article' AND a = ? AND b = ?"
    return (one, [a, b]) if a == b else (f"{one} UNION ALL {one}", [a, b, b, a])
