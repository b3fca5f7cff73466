"""The default store: one SQLite file, WAL mode, FTS5 full-text search in English and Indonesian."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model import Article
from .base import SqlStore, StoreError
from .migrations import SQLITE
from .stem import stem_text, stem_word, words


@contextmanager
def immediate_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Cursor]:
    """A write transaction that takes SQLite's write lock at once (no upgrade deadlocks)."""
    cur = conn.cursor()
    cur.execute("BEGIN IMMEDIATE")
    try:
        yield cur
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")

class SqliteStore(SqlStore):
    """Articles and records in a SQLite file (created, with its folder, on first use)."""

    def __init__(self, path: str, *, create: bool = True) -> None:
        super().__init__()
        self.url = path
        if path != ":memory:":
            if not create and not Path(path).exists():
                raise StoreError(path, "no such store (run `warta ingest` first)")
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(str(Path(path).expanduser()) if path != ":memory:" else path,
                                         check_same_thread=False, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL makes NORMAL crash-safe
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(path, f"cannot open the store ({error})") from None

    def _transaction(self) -> Any:
        return immediate_transaction(self._conn)

    def _migrate(self) -> None:
        with self._lock:
            self._conn.execute("CREATE TABLE IF NOT EXISTS warta_schema (version INTEGER NOT NULL)")
            current = self._conn.execute("SELECT max(version) FROM warta_schema").fetchone()[0] or 0
            for version, statements in SQLITE:
                if version > current:
                    with self._transaction() as cur:
                        for statement in statements:
                            cur.execute(statement)
                        cur.execute("INSERT INTO warta_schema VALUES (?)", (version,))

    def schema_version(self) -> int:
        """The latest migration applied."""
        return self._rows("SELECT max(version) AS v FROM warta_schema")[0]["v"]

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                return [dict(r) for r in self._conn.execute(sql, tuple(params))]
            except sqlite3.OperationalError as error:
                raise StoreError(self.url, f"query failed ({error})") from None

    def _index_text(self, cur: Any, article_id: str, article: Article) -> None:
        stems = stem_text(f"{article.title or ''} {article.text}") if article.language in ("id", "ms") else ""
        cur.execute("INSERT INTO article_fts (title, body, id_stem, article_id) VALUES (?, ?, ?, ?)",
                    (article.title or "", article.text, stems, article_id))

    def _unindex_text(self, cur: Any, article_id: str) -> None:
        cur.execute("DELETE FROM article_fts WHERE article_id = ?", (article_id,))

    def search(self, query: str, *, limit: int = 20, language: str | None = None) -> list[dict[str, Any]]:
        """Articles matching every word of `query` (English stems, or Indonesian stems), best first."""
        terms = words(query)
        if not terms:
            return []
        match = " AND ".join(f'({{title body}} : "{t}" OR id_stem : "{stem_word(t)}")' for t in terms)
        # Rank first, then make snippets for the best `limit` only: snippets cost far more than bm25.
        best = ("SELECT article_fts.rowid FROM article_fts JOIN articles a ON a.id = article_fts.article_id"
                " WHERE article_fts MATCH ?" + (" AND a.language = ?" if language else "")
                + " ORDER BY bm25(article_fts) LIMIT ?")
        sql = ("SELECT a.id, a.title, a.url, a.language, a.day, a.n_events,"
               " snippet(article_fts, 1, char(2), char(3), '…', 16) AS snippet, bm25(article_fts) AS rank"
               " FROM article_fts JOIN articles a ON a.id = article_fts.article_id"
               f" WHERE article_fts MATCH ? AND article_fts.rowid IN ({best}) ORDER BY rank")
        return self._rows(sql, [match, match, *([language] if language else []), limit])
