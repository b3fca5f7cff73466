"""The default store: one SQLite file, WAL mode, FTS5 full-text search in English and Indonesian.

WAL lets readers (a pool of read-only connections) run while one writer commits; synchronous=NORMAL
in WAL mode loses no committed transaction when the process is killed (only an OS crash or power
cut can take back the last commits, never leaving the file inconsistent).
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import SqlStore, StoreError
from .migrations import SQLITE
from .rows import Rows
from .search_query import StemMarker, as_phrase, fts5, parse
from .stem import stem_text, stemmed


@contextmanager
def immediate_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Cursor]:
    """A write transaction that takes SQLite's write lock at once (no upgrade deadlocks)."""
    cur = conn.cursor()
    cur.execute("BEGIN IMMEDIATE")
    try:
        yield cur
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after some errors (disk full)
            cur.execute("ROLLBACK")
        raise
    try:
        cur.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:  # a COMMIT that failed (disk full) leaves the transaction open
            cur.execute("ROLLBACK")
        raise

# A query matching more articles than this ranks them in blocks of about this many, newest first
# (see SqliteStore._rank_window): a common word's search costs what a rarer one's does.
RANK_WINDOW = 1000


class SqliteStore(SqlStore):
    """Articles and records in a SQLite file (created, with its folder, on first use)."""

    data_errors = (UnicodeEncodeError, ValueError, OverflowError, sqlite3.DataError, sqlite3.IntegrityError)
    store_errors = (sqlite3.DatabaseError, OSError)  # disk full, read-only, locked, corrupt
    _scan_by_day = True  # a common pair's quotes and amounts are walked newest first (queries.py)

    def __init__(self, path: str, *, create: bool = True) -> None:
        super().__init__()
        self.url = path
        self._memory = path == ":memory:"
        self._version_lock = threading.Lock()
        self._version_conn: sqlite3.Connection | None = None
        if not self._memory:
            if not create and not Path(path).exists():
                raise StoreError(path, "no such store (run `warta ingest` first)")
            try:
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(path, f"cannot create the store's folder ({error.strerror or error})") from None
        try:
            self._conn = self._connect()
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL makes NORMAL crash-safe
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(path, f"cannot open the store ({error})") from None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.url if self._memory else str(Path(self.url).expanduser()),
                               check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 5000")
        # Reads through a memory map share the OS page cache instead of copying pages per connection:
        # as much of the file as SQLite maps (2 GB in most builds; a store of 100,000 articles is
        # 4.4 GB, and a page past the map is read by a system call: search 6% more CPU at 1 GB).
        conn.execute("PRAGMA mmap_size = 1099511627776")
        return conn

    def _transaction(self) -> Any:
        return immediate_transaction(self._conn)

    def _connect_reader(self) -> sqlite3.Connection:
        try:
            conn = self._connect()
        except sqlite3.DatabaseError as error:
            raise StoreError(self.url, f"cannot open the store ({error})") from None
        conn.execute("PRAGMA query_only = 1")
        return conn

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        if not self._memory:
            with super()._reader() as conn:
                yield conn
            return
        with self._lock:  # another connection would open another, empty, in-memory database
            yield self._conn

    @property
    def quick_version(self) -> bool:
        """`data_version()` takes microseconds and never waits (the API reads it on its event loop)."""
        return not self._memory

    def data_version(self) -> int:
        if self._memory or not self._counts_writes:
            return super().data_version()
        # A connection of its own: the pooled readers may all be busy with long queries.
        with self._version_lock:
            if self._version_conn is None:
                self._version_conn = self._new_reader()
            return int(self._version_conn.execute("SELECT n FROM warta_writes").fetchone()[0])

    def _begin_read(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")  # deferred: the snapshot is taken by the first read and kept to COMMIT

    def _end_read(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self._lock:
            self._conn.execute("CREATE TABLE IF NOT EXISTS warta_schema (version INTEGER NOT NULL)")
            current = self._conn.execute("SELECT max(version) FROM warta_schema").fetchone()[0] or 0
            for version, statements in SQLITE if current < max(v for v, _ in SQLITE) else ():
                with self._transaction() as cur:
                    # Read under the write lock: two processes opening a new store migrate it once.
                    current = cur.execute("SELECT max(version) FROM warta_schema").fetchone()[0] or 0
                    if version > current:
                        for statement in statements:
                            cur.execute(statement)
                        cur.execute("INSERT INTO warta_schema VALUES (?)", (version,))
            self._migrated(max([current, *(v for v, _ in SQLITE)]))

    def schema_version(self) -> int:
        """The latest migration applied."""
        return self._rows("SELECT max(version) AS v FROM warta_schema")[0]["v"]

    def _query(self, conn: sqlite3.Connection, sql: str, params: Iterable[Any]) -> list[dict[str, Any]]:
        try:
            cur = conn.execute(sql, tuple(params))
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row)) for row in cur]
        except sqlite3.OperationalError as error:
            raise StoreError(self.url, f"query failed ({error})") from None

    def _index_text(self, cur: Any, article_id: str, article: Rows) -> None:
        stems = stem_text(f"{article.title or ''} {article.text}") if stemmed(article.language) else ""
        cur.execute("INSERT INTO article_fts (title, body, id_stem, article_id) VALUES (?, ?, ?, ?)",
                    (article.title or "", article.text, stems, article_id))

    def _unindex_text(self, cur: Any, article_id: str) -> None:
        cur.execute("DELETE FROM article_fts WHERE article_id = ?", (article_id,))

    def compact_text_index(self, changed: int) -> bool:
        """After a run that stored `changed` articles, a tenth of the store or more: the full-text
        index merged into one segment (FTS5 'optimize'), so a search term is read from one b-tree,
        not one per segment left by the batches (about 10% less CPU a search at 100,000 articles,
        for 4 s there). Later ingests add segments again. Answers unchanged: no write counted."""
        if not changed or changed * 10 < self._article_total():
            return False
        with self._lock, self._transaction() as cur:
            cur.execute("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
        return True

    def search(self, query: str, *, limit: int = 20, offset: int = 0,
               language: str | None = None) -> list[dict[str, Any]]:
        """Articles matching the query (see `search_query`): every word, "phrases", OR, prefix*, as
        English (porter stems) or Indonesian (Sastrawi stems); best first, with a snippet."""
        parsed = parse(query)
        if not parsed:
            return []
        # The best page first, from FTS5's own columns (bm25 and the rowid, cheap), then the
        # snippets (which cost far more than bm25) and the articles for its rows only.
        # A word in the title counts four times one in the body. Words asked for together rank
        # first where they stand in a row ("kerja sama pertahanan"); ties go by rowid. They are
        # tested by rowid (one per article): article_id read every match's stored text.
        phrase = as_phrase(parsed)
        match = fts5(parsed)
        window = self._rank_window(match, language, limit + offset)
        bound, block = (" AND article_fts.rowid >= ?", "(? - article_fts.rowid) / ?, ") if window else ("", "")
        together = ("article_fts.rowid IN (SELECT p.rowid FROM article_fts AS p WHERE p.article_fts MATCH ?"
                    f"{bound.replace('article_fts.rowid', 'p.rowid')})" if phrase else "0")
        low = [window[0]] if window else []
        best = self._rows(
            f"SELECT article_fts.rowid AS r, -bm25(article_fts, 4.0, 1.0, 1.0) AS score, {together} AS phrase"
            f" FROM article_fts{self._search_where(language)}{bound}"
            f" ORDER BY {block}phrase DESC, bm25(article_fts, 4.0, 1.0, 1.0), article_fts.rowid LIMIT ? OFFSET ?",
            [*([fts5(phrase), *low] if phrase else []), match, *([language] if language else []), *low,
             *(window[1:] if window else []), limit, offset])
        if not best:
            return []
        snippets = self._snippets(match, [b["r"] for b in best])
        articles = {a["id"]: a for a in self._rows(
            "SELECT id, title, url, language, day, n_events FROM articles WHERE id IN"
            f" ({', '.join('?' for _ in snippets)})", [aid for aid, _ in snippets.values()])}
        hits, marker = [], StemMarker(parsed)
        for b in best:
            aid, snippet = snippets[b["r"]]
            hit = {**articles[aid], "snippet": snippet, "score": round(b["score"], 4), "phrase": bool(b["phrase"])}
            if stemmed(hit["language"]):
                hit["snippet"] = marker(hit["snippet"] or "")
            hits.append(hit)
        return hits

    def _rank_window(self, match: str, language: str | None, wanted: int) -> tuple[int, int, int] | None:
        """For a query matching more than RANK_WINDOW articles: (lowest rowid, newest rowid, width) of
        the blocks of stored order to rank by relevance, newest block first, so that the first
        `wanted` hits are among them; None when the matches are few enough to rank them all.

        bm25 costs about a microsecond per match, and a word in a third of 100,000 articles took
        30 ms to rank, most of a search. Blocks of `width` rowids, counted back from the newest
        match, hold about RANK_WINDOW matches each (the first exactly that many): the hits are
        ordered by block, then by relevance, the same order for every page of one query."""
        def nth_newest(n: int) -> int | None:  # FTS5 walks its matches newest first and stops
            found = self._rows(f"SELECT article_fts.rowid AS r FROM article_fts{self._search_where(language)}"
                               " ORDER BY article_fts.rowid DESC LIMIT 1 OFFSET ?",
                               [match, *([language] if language else []), n])
            return found[0]["r"] if found else None

        beyond = nth_newest(RANK_WINDOW)
        if beyond is None:  # RANK_WINDOW matches or fewer
            return None
        top = nth_newest(0)
        assert top is not None
        width = top - beyond  # the newest block: the RANK_WINDOW newest matches
        deepest = nth_newest(wanted - 1) or 0  # the wanted-th newest match, or past the oldest
        blocks = (top - deepest) // width + 1
        return top - blocks * width + 1, top, width

    def _snippets(self, match: str, rowids: list[int]) -> dict[int, tuple[str, str]]:
        """(article id, snippet) of the matches with these rowids, read in one pass over the
        matches between the first and the last: FTS5 finds one match by rowid by running the
        query again from its start (0.1-0.5 ms each), and a snippet costs twenty times what
        passing a match by does, so only the rows asked for get one (`rowid + 0` is a test of
        each row, not a look-up of each rowid)."""
        select = ("SELECT rowid AS r, article_id, snippet(article_fts, 1, char(2), char(3), '…', 24) AS snippet"
                  " FROM article_fts WHERE article_fts MATCH ? AND rowid BETWEEN ? AND ?"
                  f" AND rowid + 0 IN ({', '.join('?' for _ in rowids)})")
        rows = self._rows(select, [match, min(rowids), max(rowids), *rowids])
        return {r["r"]: (r["article_id"], r["snippet"]) for r in rows}

    def search_total(self, query: str, *, language: str | None = None) -> int:
        """How many articles `search` finds in all."""
        parsed = parse(query)
        if not parsed:
            return 0
        sql = f"SELECT count(*) AS n FROM article_fts{self._search_where(language)}"
        return int(self._rows(sql, [fts5(parsed), *([language] if language else [])])[0]["n"])

    @staticmethod
    def _search_where(language: str | None) -> str:
        # The articles are joined only to test their language: every indexed text is a stored
        # article's, and looking each match up cost a common word's count 10-20 ms.
        if not language:
            return " WHERE article_fts MATCH ?"
        return " JOIN articles a ON a.id = article_fts.article_id WHERE article_fts MATCH ? AND a.language = ?"
