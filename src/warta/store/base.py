"""What both SQL backends share: ingesting articles (idempotent, one transaction each).

A backend supplies a connection, a `_transaction()` context manager yielding a cursor, its
placeholder style and its full-text hooks; the SQL here is written with `?` placeholders that the
PostgreSQL backend rewrites.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any, Self

from ..errors import WartaError
from ..model import Article
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

CHILD_TABLES = {"events": EVENT_COLUMNS, "quotes": QUOTE_COLUMNS, "amounts": AMOUNT_COLUMNS, "entities": ENTITY_COLUMNS}


class StoreError(WartaError):
    """The store could not be opened, migrated or written."""

    reason = "store"


class SqlStore(QueryMixin):
    """Ingest and read logic over a DB-API connection; subclasses open it and index text."""

    url: str
    placeholder = "?"

    def __init__(self) -> None:
        # One connection shared by the API's worker threads: the lock serialises its use.
        self._lock = threading.RLock()

    # -- backend hooks -------------------------------------------------------------------
    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _index_text(self, cursor: Any, article_id: str, article: Article) -> None:
        """Add the article to the full-text index (inside the ingest transaction)."""

    def _unindex_text(self, cursor: Any, article_id: str) -> None:
        """Remove the article from the full-text index."""

    def sql(self, text: str) -> str:
        """Rewrite `?` placeholders to the backend's style."""
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    # -- writing -------------------------------------------------------------------------
    def ingest(self, article: Article) -> str:
        """Store one article: "added", "unchanged" (same content) or "updated" (replaced)."""
        rows = to_rows(article)
        aid, new_hash = rows.article[0], rows.article[2]
        with self._lock, self._transaction() as cur:
            cur.execute(self.sql("SELECT content_hash FROM articles WHERE id = ?"), (aid,))
            found = cur.fetchone()
            if found is not None and found[0] == new_hash:
                return "unchanged"
            if found is not None:
                self._delete(cur, aid)
            self._insert(cur, rows)
            self._index_text(cur, aid, article)
        return "updated" if found is not None else "added"

    def ingest_many(self, articles: Iterable[Article]) -> dict[str, int]:
        """Store many articles; returns how many were added, updated and unchanged."""
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        for article in articles:
            counts[self.ingest(article)] += 1
        return counts

    def _delete(self, cur: Any, aid: str) -> None:
        for table in (*CHILD_TABLES, "embeddings"):  # an updated text needs a new embedding too
            cur.execute(self.sql(f"DELETE FROM {table} WHERE article_id = ?"), (aid,))
        self._unindex_text(cur, aid)
        cur.execute(self.sql("DELETE FROM articles WHERE id = ?"), (aid,))

    def _insert(self, cur: Any, rows: Rows) -> None:
        cur.execute(self._insert_sql("articles", ARTICLE_COLUMNS), self._article_values(rows.article))
        for table, columns in CHILD_TABLES.items():
            values = getattr(rows, table)
            if values:
                cur.executemany(self._insert_sql(table, columns), values)

    def _article_values(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """Backends that store the JSON natively (jsonb) override this."""
        return row

    def _insert_sql(self, table: str, columns: tuple[str, ...]) -> str:
        marks = ", ".join(self._marks(table, columns))
        return self.sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})")

    def _marks(self, table: str, columns: tuple[str, ...]) -> Iterator[str]:
        return ("?" for _ in columns)

    # -- reading whole articles ----------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        """The article exactly as ingested, or None."""
        rows = self._rows("SELECT json FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        data = rows[0]["json"]
        return Article.from_json(data if isinstance(data, str) else json.dumps(data))

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()  # type: ignore[attr-defined]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

