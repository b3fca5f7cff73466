"""A dyad's articles newest first, kept at ingest: what finds its newest quotes and amounts.

`dyad_articles` holds, per ordered pair of countries (a, b: '' for none), each article with
events of the pair, its day ('' for none) and how many such events it has (n). The dyad-count
writer (dyad_counts.Tally) keeps it exact in the same transaction: an event counted or uncounted
there is counted or uncounted here too, and a row whose count falls to 0 goes.

A quote or an amount has its article's day (rows.to_rows), so the records of a dyad's K newest
articles (day DESC, '' last, then by id) are the first of all its records in the listings'
order (day DESC NULLS LAST, article, position): `latest` reads the K newest articles from
the index (two ranges merged), their records, and takes more articles only when those hold too
few records. At 100,000 articles a page costs about the same for every pair, common or rare.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .filters import Filters

TABLE = """CREATE TABLE dyad_articles (a TEXT NOT NULL, b TEXT NOT NULL, day TEXT NOT NULL,
    article_id TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (a, b, day, article_id))"""
INDEX = "CREATE INDEX dyad_articles_latest ON dyad_articles (a, b, day DESC, article_id)"
RECOUNT = ("SELECT COALESCE(e.actor1_country, '') AS a, COALESCE(e.actor2_country, '') AS b,"
           " COALESCE(r.day, '') AS day, e.article_id, count(*) AS n FROM events e JOIN articles r"
           " ON r.id = e.article_id GROUP BY 1, 2, 3, 4")
FILL = "INSERT INTO dyad_articles (a, b, day, article_id, n) " + RECOUNT
_UPSERT = ("INSERT INTO dyad_articles (a, b, day, article_id, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT"
           " (a, b, day, article_id) DO UPDATE SET n = dyad_articles.n + excluded.n")
_EMPTIED = "DELETE FROM dyad_articles WHERE a = ? AND b = ? AND day = ? AND article_id = ? AND n <= 0"
Key = tuple[str, str, str, str]  # a, b, day, article id
SPARE = 10  # articles read beyond twice the records wanted (most articles hold one or two)


def write(store: Any, cur: Any, deltas: dict[Key, int]) -> None:
    """Write a transaction's changes of n (in key order: two PostgreSQL writers take the rows'
    locks in one order) and drop the rows counting nothing."""
    changed = sorted((k, n) for k, n in deltas.items() if n)
    if changed:
        cur.executemany(store.sql(_UPSERT), [(*k, n) for k, n in changed])
        emptied = [k for k, n in changed if n < 0]
        if emptied:
            cur.executemany(store.sql(_EMPTIED), emptied)


def answers(f: Filters) -> bool:
    """Can `latest` answer a listing with these filters: a dyad, and at most a span of dates?"""
    return f.dyad is not None and Filters(dyad=f.dyad, since=f.since, until=f.until, limit=f.limit,
                                          offset=f.offset) == f


def newest_sql(f: Filters) -> tuple[str, list[Any]]:
    """SQL selecting the ids of the dyad's articles (either direction) in the span of `f`,
    newest first, with its parameters; its last parameter is how many."""
    assert f.dyad is not None
    a, b = f.dyad[0].upper(), f.dyad[1].upper()
    span, extra = "", []
    if f.since:
        span, extra = span + " AND day >= ?", [*extra, f.since]
    if f.until:
        span, extra = span + " AND day <= ?", [*extra, f.until_bound]
    one = f"SELECT day, article_id FROM dyad_articles WHERE a = ? AND b = ?{span}"
    pairs = [(a, b)] if a == b else [(a, b), (b, a)]
    sql = " UNION ".join(one for _ in pairs) + " ORDER BY day DESC, article_id LIMIT ?"
    return f"SELECT article_id FROM ({sql}) newest", [p for x, y in pairs for p in (x, y, *extra)]


def latest(store: Any, select: Callable[[str, list[Any]], list[dict[str, Any]]], f: Filters) -> list[dict[str, Any]]:
    """The listing's page, read from the dyad's newest articles: `select(articles_sql, params)`
    gives the listing's rows (in its order, with its filters, limit and offset) among the
    articles that SQL selects; more articles are taken until the page is full or none is left."""
    articles = 2 * (f.limit + f.offset) + SPARE  # about as many as the records wanted, and some
    sql, params = newest_sql(f)
    while True:
        rows = select(sql, [*params, articles])
        if len(rows) >= f.limit:
            return rows
        taken = store.query(f"SELECT count(*) AS n FROM ({sql}) t", [*params, articles])[0]["n"]
        if taken < articles:  # every article of the dyad was read: the page is all there is
            return rows
        articles *= 4
