"""One event once in the store: syndicated copies clustered, their events merged.

Each article's MinHash signature (`rows.Rows.signature`, see warta.bulk.dedup) is banded for LSH in
`article_bands`; an article joins the cluster of the earliest stored article whose estimated
similarity reaches `THRESHOLD`, else starts its own (named by its id). An event whose cluster
already holds an event of the same key (`rows.event_key`) is a copy: it goes to `event_copies`,
and the cluster's event counts it — NumArticles (copies reporting it), NumSources (their
outlets), NumMentions (sentences stating it, over all copies). Only the `events` table is
counted by queries, so every summary, list and export counts the event once.

When an article is replaced or removed, its copies leave the counts, and an event it held for
its cluster passes to the earliest remaining copy (read back from that copy's stored JSON).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from ..bulk.dedup import similarity, source_of
from .rows import EVENT_COLUMNS, Rows

THRESHOLD = 0.8  # estimated Jaccard similarity of word 5-shingles that makes two articles copies
BANDS, ROWS_PER_BAND = 32, 4  # 128 MinHash values; at 0.8 similarity a pair shares a band with p > 0.999
_EKEY, _MENTIONS, _CLUSTER = (EVENT_COLUMNS.index(c) for c in ("ekey", "mentions", "cluster"))


def bands(signature: bytes) -> list[str]:
    """The LSH band keys of a signature."""
    width = ROWS_PER_BAND * 4
    return [f"{i}:{signature[i * width:(i + 1) * width].hex()}" for i in range(BANDS)]


def place(store: Any, cur: Any, rows: Rows) -> None:
    """Cluster the article just inserted and file each of its events as the cluster's event or a copy."""
    aid = rows.id
    cluster = _cluster_of(store, cur, rows) if rows.signature else aid
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    cur.execute(store.sql("UPDATE articles SET ingested = ?, cluster = ?, signature = ? WHERE id = ?"),
                (now, cluster, rows.signature, aid))
    if rows.signature:
        cur.executemany(store.sql("INSERT INTO article_bands (band, article_id) VALUES (?, ?)"),
                        [(b, aid) for b in bands(rows.signature)])
    for row in rows.events:
        ekey = row[_EKEY]
        cur.execute(store.sql("SELECT article_id, idx FROM events WHERE cluster = ? AND ekey = ?"), (cluster, ekey))
        if cur.fetchone() is None:
            row = (*row[:_CLUSTER], cluster, *row[_CLUSTER + 1:])
            cur.execute(store.sql(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                                  f"({', '.join('?' for _ in EVENT_COLUMNS)})"), row)
            store.tally_event(cur, row)
        else:
            cur.execute(store.sql("INSERT INTO event_copies (article_id, idx, cluster, ekey, mentions) VALUES (?, ?, ?, ?, ?)"),
                        (aid, row[1], cluster, ekey, row[_MENTIONS]))
            recount(store, cur, cluster, ekey)


def _cluster_of(store: Any, cur: Any, rows: Rows) -> str:
    """The cluster of the earliest stored near-duplicate of the article, or its own id."""
    keys = bands(rows.signature or b"")
    marks = ", ".join("?" for _ in keys)
    cur.execute(store.sql(
        "SELECT a.id, a.cluster, a.signature FROM articles a WHERE a.id IN (SELECT DISTINCT article_id FROM"
        f" article_bands WHERE band IN ({marks})) AND a.id <> ? ORDER BY a.ingested, a.id"), (*keys, rows.id))
    mine = np.frombuffer(rows.signature or b"", dtype="<u4")
    for other, cluster, sig in cur.fetchall():
        theirs = np.frombuffer(bytes(sig), dtype="<u4") if sig is not None else None
        if theirs is not None and len(theirs) == len(mine) and similarity(mine, theirs) >= THRESHOLD:
            return cluster or other
    return rows.id


def remove(store: Any, cur: Any, aid: str) -> list[tuple[str, str]]:
    """Take the article's copies out of their events' counts; return the (cluster, key) of the
    events it held, to pass on once its rows are gone (`pass_on`)."""
    cur.execute(store.sql("SELECT cluster, ekey FROM event_copies WHERE article_id = ?"), (aid,))
    copied = cur.fetchall()
    cur.execute(store.sql("DELETE FROM event_copies WHERE article_id = ?"), (aid,))
    for cluster, ekey in copied:
        recount(store, cur, cluster, ekey)
    cur.execute(store.sql("DELETE FROM article_bands WHERE article_id = ?"), (aid,))
    cur.execute(store.sql("SELECT cluster, ekey FROM events WHERE article_id = ? AND cluster IS NOT NULL"), (aid,))
    return [(c, k) for c, k in cur.fetchall()]


def pass_on(store: Any, cur: Any, held: list[tuple[str, str]]) -> None:
    """Give each event a removed article held to the earliest copy left, with its own row."""
    from ..model import Article
    from .rows import to_rows

    for cluster, ekey in held:
        cur.execute(store.sql("SELECT c.article_id, c.idx, a.json FROM event_copies c JOIN articles a ON a.id = c.article_id"
                              " WHERE c.cluster = ? AND c.ekey = ? ORDER BY a.ingested, a.id"), (cluster, ekey))
        found = cur.fetchone()
        if found is None:
            continue
        heir, idx, data = found
        article = Article.from_json(data if isinstance(data, str) else __import__("json").dumps(data))
        row = next(r for r in to_rows(article).events if r[1] == idx)
        cur.execute(store.sql("DELETE FROM event_copies WHERE article_id = ? AND idx = ?"), (heir, idx))
        row = (*row[:_CLUSTER], cluster, *row[_CLUSTER + 1:])
        cur.execute(store.sql(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                              f"({', '.join('?' for _ in EVENT_COLUMNS)})"), row)
        store.tally_event(cur, row)
        recount(store, cur, cluster, ekey)


def recount(store: Any, cur: Any, cluster: str, ekey: str) -> None:
    """NumArticles, NumSources and NumMentions of the cluster's event of key `ekey`."""
    cur.execute(store.sql(
        "SELECT e.article_id, e.mentions, a.url, a.sitename FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.cluster = ? AND e.ekey = ? UNION ALL SELECT c.article_id, c.mentions, a.url, a.sitename"
        " FROM event_copies c JOIN articles a ON a.id = c.article_id WHERE c.cluster = ? AND c.ekey = ?"),
        (cluster, ekey, cluster, ekey))
    found = cur.fetchall()
    if not found:
        return
    articles = {r[0] for r in found}
    outlets = {(r[3] or "").lower() or source_of(r[2], r[0]) for r in found}
    cur.execute(store.sql("UPDATE events SET num_articles = ?, num_sources = ?, num_mentions = ? WHERE cluster = ? AND ekey = ?"),
                (len(articles), len(outlets), sum(r[1] or 1 for r in found), cluster, ekey))
