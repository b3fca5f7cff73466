"""What both SQL backends share: ingesting articles (idempotent, in one transaction each, or one
per batch in bulk runs) and the read path.

A backend supplies a write connection, a `_transaction()` context manager yielding a cursor, read
connections (`_connect_reader`, `_begin_read`, `_end_read`, `_query`), its placeholder style and its
full-text hooks; the SQL here is written with `?` placeholders that the PostgreSQL backend rewrites.

Writes go through the one write connection, one transaction per article (or per batch of them:
`ingest_rows`, which bulk runs use, since a commit costs about as much as storing an article), so
a reader (or a killed writer) sees an article wholly or not at all. Reads use a small pool of
other connections, so they run in parallel with each other and with a write; `snapshot()` makes
several queries see one consistent state (a dyad summary never mixes two versions of the store).
Every write transaction also bumps a counter (`warta_writes`), which `data_version()` returns: a
cache keyed by it is never stale.
"""
from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Self

from ..errors import WartaError
from ..model import Article
from . import merge
from .dyad_counts import Tally
from .migrations import (COUNTS_VERSION, DATED_VERSION, MERGE_VERSION, OLD_AMOUNT_COLUMNS, OLD_EVENT_COLUMNS,
                         OVERVIEW_VERSION, PLACE_EVENTS_VERSION, SUMMARY_VERSION, TITLE_VERSION,
                         WRITES_VERSION)
from .queries import QueryMixin
from .rows import (
    AMOUNT_COLUMNS,
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    Rows,
    to_rows,
)

def _one_line(error: BaseException) -> str:
    from ..secrets import mask_secrets

    return mask_secrets(" ".join(str(error).split()))[:200]


CHILD_TABLES = {"events": EVENT_COLUMNS, "quotes": QUOTE_COLUMNS, "amounts": AMOUNT_COLUMNS, "entities": ENTITY_COLUMNS}
# A store kept at a schema before `in_title` (version 8) gets the columns it has.
OLD_CHILD_TABLES = {**CHILD_TABLES, "amounts": AMOUNT_COLUMNS[:OLD_AMOUNT_COLUMNS]}


class StoreError(WartaError):
    """The store could not be opened, migrated or written."""

    reason = "store"


class RejectedArticle(StoreError):
    """The store refused one article (a value it cannot hold); the others go on."""

    reason = "store-refused"


class SqlStore(QueryMixin):
    """Ingest and read logic over a DB-API connection; subclasses open it and index text."""

    url: str
    placeholder = "?"
    row_lock = ""  # what makes a SELECT lock the rows it reads until the commit (SQLite: one writer at a time)
    # Read connections open at once; more threads than that wait for one. More than the API's
    # worker threads (13) plus its event loop, which must never wait for one.
    max_readers = 16

    # What the driver raises for one article's values (the article is refused, the batch goes on)
    # and for the store as a whole (disk full, read-only, unreachable: the run stops, in one line).
    data_errors: tuple[type[BaseException], ...] = (UnicodeEncodeError, ValueError, OverflowError)
    store_errors: tuple[type[BaseException], ...] = ()

    def __init__(self) -> None:
        # One write connection shared by every thread: the lock serialises its use.
        self._lock = threading.RLock()
        self._local = threading.local()  # .conn: the read connection of this thread's open snapshot
        self._reader_slots = threading.BoundedSemaphore(self.max_readers)
        self._idle: list[Any] = []  # read connections not in use (list.append/pop are atomic)
        self._readers: list[Any] = []  # every read connection opened, closed with the store
        self._counts_writes = False  # set by the migrations: does this store have warta_writes?
        self._merges = False  # ... and does it count one event once (merge.py)?
        self._counts_dyads = False  # ... and does it keep dyad counts (dyad_counts.py)?
        self._child_tables = CHILD_TABLES  # ... and the columns its record tables have
        self._counts_overview = False  # ... and the overview's counts (overview_counts.py)?
        self._counts_place_events = False  # ... and the events of each place's articles?
        self._dates_dyads = False  # ... and the dyads' articles by day (dyad_latest.py)?
        self._sums_dyads = False  # ... and each pair's counts in one row (dyad_summary.py)?
        self._tally = Tally()  # the dyad counts' changes of the write transaction under way
        self._uncounted = itertools.count(-1, -1)

    # -- backend hooks -------------------------------------------------------------------
    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _connect_reader(self) -> Any:
        """A new read-only connection."""
        raise NotImplementedError

    def _begin_read(self, conn: Any) -> None:
        """Start a read transaction whose queries all see one state of the store."""
        raise NotImplementedError

    def _end_read(self, conn: Any) -> None:
        raise NotImplementedError

    def _query(self, conn: Any, sql: str, params: Iterable[Any]) -> list[dict[str, Any]]:
        """Run one query (`?` placeholders) on `conn`; rows as dicts."""
        raise NotImplementedError

    def _usable(self, conn: Any) -> bool:
        """Can a read connection that saw an error go back to the pool?"""
        return True

    def _index_text(self, cursor: Any, article_id: str, article: Rows) -> None:
        """Add the article (its title, text and language) to the full-text index, inside the
        ingest transaction."""

    def _unindex_text(self, cursor: Any, article_id: str) -> None:
        """Remove the article from the full-text index."""

    def sql(self, text: str) -> str:
        """Rewrite `?` placeholders to the backend's style."""
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    # -- writing -------------------------------------------------------------------------
    def ingest(self, article: Article) -> str:
        """Store one article: "added", "unchanged" (same content) or "updated" (replaced)."""
        try:
            rows = to_rows(article)
        except (UnicodeEncodeError, ValueError) as error:  # a lone surrogate, a number JSON cannot hold
            raise RejectedArticle(article.source, f"the store refused it ({_one_line(error)})") from None
        return self.ingest_rows([rows])[0]

    def ingest_rows(self, batch: Sequence[Rows]) -> list[str]:
        """Store articles given as their rows (`rows.to_rows`), in one transaction: a reader, or a
        writer killed midway, sees all of them or none. What `ingest` says of each, in order."""
        if not batch:
            return []
        current: Rows | None = None
        try:
            with self._lock, self._transaction() as cur:
                # nothing left over from a transaction that failed
                self._tally = Tally(self._counts_overview, self._dates_dyads, self._sums_dyads,
                                    self._counts_place_events)
                outcomes = []
                for current in batch:
                    outcomes.append(self._put(cur, current))
                if any(outcome != "unchanged" for outcome in outcomes):
                    self._tally.flush(self, cur)
                    self.bump(cur)
            return outcomes
        except self.data_errors as error:  # rolled back: nothing of the batch was stored
            source = current.article[ARTICLE_COLUMNS.index("source")] if current is not None else self.url
            raise RejectedArticle(source, f"the store refused it ({_one_line(error)})") from None
        except self.store_errors as error:
            raise StoreError(self.url, f"cannot write to the store ({_one_line(error)})") from None

    def ingest_each(self, batch: Sequence[Rows]) -> list[str | RejectedArticle]:
        """Like `ingest_rows`, but an article the store refuses is given back as its error while
        the others are stored (the batch in one transaction, or each alone once one is refused)."""
        try:
            return list(self.ingest_rows(batch))
        except RejectedArticle as error:
            if len(batch) == 1:
                return [error]
        results: list[str | RejectedArticle] = []
        for rows in batch:
            try:
                results.append(self.ingest_rows([rows])[0])
            except RejectedArticle as error:
                results.append(error)
        return results

    def _put(self, cur: Any, rows: Rows) -> str:
        cur.execute(self.sql("SELECT content_hash FROM articles WHERE id = ?"), (rows.id,))
        found = cur.fetchone()
        if found is not None and found[0] == rows.content_hash:
            return "unchanged"
        if found is not None:
            self._delete(cur, rows.id)
        self._insert(cur, rows)
        self._index_text(cur, rows.id, rows)
        return "updated" if found is not None else "added"

    @contextmanager
    def writing(self) -> Iterator[Any]:
        """A write transaction (cursor) that also bumps the write counter, for writers outside `ingest`."""
        with self._lock, self._transaction() as cur:
            yield cur
            self.bump(cur)

    def bump(self, cur: Any) -> None:
        """Count a write, inside its transaction: last, so the row lock (PostgreSQL) is held only
        for the commit. Readers see the new count exactly when they see the new rows."""
        if self._counts_writes:
            cur.execute("UPDATE warta_writes SET n = n + 1")

    def identity(self) -> str:
        """A random id given to this store the first time it is asked for and kept in it: what
        names the store's run journal, so a new database never meets an old database's journal."""
        import uuid

        create = "CREATE TABLE IF NOT EXISTS warta_identity (id TEXT NOT NULL)"
        for attempt in range(3):  # two processes creating the table at once: one of them retries
            try:
                with self._lock, self._transaction() as cur:
                    cur.execute(create)
                    cur.execute("SELECT id FROM warta_identity")
                    found = cur.fetchone()
                    if found is not None:
                        return str(found[0])
                    made = uuid.uuid4().hex
                    cur.execute(self.sql("INSERT INTO warta_identity VALUES (?)"), (made,))
                    return made
            except self.store_errors + self.data_errors as error:
                if attempt == 2:
                    raise StoreError(self.url, f"cannot read the store's identity ({_one_line(error)})") from None
        raise AssertionError("unreachable")

    def _migrated(self, version: int) -> None:
        """Note the schema version the store is at once migrated."""
        self._counts_writes = version >= WRITES_VERSION
        self._merges = version >= MERGE_VERSION
        self._counts_dyads = version >= COUNTS_VERSION
        self._child_tables = CHILD_TABLES if version >= TITLE_VERSION else OLD_CHILD_TABLES
        self._counts_overview = version >= OVERVIEW_VERSION
        self._dates_dyads = version >= DATED_VERSION
        self._sums_dyads = version >= SUMMARY_VERSION
        self._counts_place_events = version >= PLACE_EVENTS_VERSION

    def tally_event(self, cur: Any, row: tuple[Any, ...]) -> None:
        """Count an event row `cur` just inserted into `events` in the dyad counts (written with
        the transaction: see dyad_counts.py)."""
        if self._counts_dyads:
            self._tally.add_row(self, cur, row)

    def ingest_many(self, articles: Iterable[Article]) -> dict[str, int]:
        """Store many articles; returns how many were added, updated and unchanged."""
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        for article in articles:
            counts[self.ingest(article)] += 1
        return counts

    def _delete(self, cur: Any, aid: str) -> None:
        held = merge.remove(self, cur, aid) if self._merges else []
        if self._counts_dyads:
            self._tally.remove_article(self, cur, aid)
        for table in (*CHILD_TABLES, "embeddings"):  # an updated text needs a new embedding too
            cur.execute(self.sql(f"DELETE FROM {table} WHERE article_id = ?"), (aid,))
        self._unindex_text(cur, aid)
        cur.execute(self.sql("DELETE FROM articles WHERE id = ?"), (aid,))
        if held:
            merge.pass_on(self, cur, held)

    def _insert(self, cur: Any, rows: Rows) -> None:
        cur.execute(self._insert_sql("articles", ARTICLE_COLUMNS), self._article_values(rows.article))
        self._tally.add_article(rows)
        for table, columns in self._child_tables.items():
            values = getattr(rows, table)
            if values and table != "events":  # events are filed per cluster: one event once (merge.py)
                if len(values[0]) > len(columns):  # a store at an older schema: the columns it has
                    values = [r[:len(columns)] for r in values]
                cur.executemany(self._insert_sql(table, columns), values)
        if self._merges:
            merge.place(self, cur, rows)
        elif rows.events:  # a store kept at an older schema: its columns, every record
            cur.executemany(self._insert_sql("events", EVENT_COLUMNS[:OLD_EVENT_COLUMNS]),
                            [r[:OLD_EVENT_COLUMNS] for r in rows.events])

    def _article_values(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """Backends that store the JSON natively (jsonb) override this."""
        return row

    def _insert_sql(self, table: str, columns: tuple[str, ...]) -> str:
        marks = ", ".join(self._marks(table, columns))
        return self.sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})")

    def _marks(self, table: str, columns: tuple[str, ...]) -> Iterator[str]:
        return ("?" for _ in columns)

    # -- reading -------------------------------------------------------------------------
    @contextmanager
    def _reader(self) -> Iterator[Any]:
        """A read connection from the pool (opened when none is idle), returned after use."""
        with self._reader_slots:
            try:
                conn = self._idle.pop()
            except IndexError:  # none idle (another thread may have taken the last one just now)
                conn = self._new_reader()
            try:
                yield conn
            except BaseException:
                if not self._usable(conn):
                    self._readers.remove(conn)
                    conn.close()
                    conn = None
                raise
            finally:
                if conn is not None:
                    self._idle.append(conn)

    def _new_reader(self) -> Any:
        conn = self._connect_reader()
        self._readers.append(conn)
        return conn

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Make every read inside see one consistent state of the store (nested calls share it)."""
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self._reader() as conn:
            self._begin_read(conn)
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None
                self._end_read(conn)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows of one query, inside this thread's snapshot if one is open."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return self._query(conn, sql, params)
        with self._reader() as conn:
            return self._query(conn, sql, params)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows of one read-only query (`?` parameters), inside this thread's snapshot if one is open."""
        return self._rows(sql, params)

    def data_version(self) -> int:
        """How many write transactions the store has seen: any change to what it holds changes it."""
        if not self._counts_writes:  # a store kept at an older schema: a new value every time, never cached
            return next(self._uncounted)
        return int(self._rows("SELECT n FROM warta_writes")[0]["n"])

    def article(self, article_id: str) -> Article | None:
        """The article exactly as ingested, or None."""
        rows = self._rows("SELECT json FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        data = rows[0]["json"]
        return Article.from_json(data if isinstance(data, str) else json.dumps(data))

    def article_json(self, article_id: str) -> str | dict[str, Any] | None:
        """The article's stored JSON (text, or the parsed document where the backend parses it)."""
        rows = self._rows("SELECT json FROM articles WHERE id = ?", (article_id,))
        return rows[0]["json"] if rows else None

    def close(self) -> None:
        """Close the write connection and every read connection."""
        for conn in self._readers:
            conn.close()
        self._readers.clear()
        self._idle.clear()
        self._conn.close()  # type: ignore[attr-defined]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

