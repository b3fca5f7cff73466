"""The store: where ingested articles and their records live, behind one small protocol.

`open_store(url)` picks the backend by URL scheme: a path or `sqlite:///path` gives the SQLite
store (no setup; WAL, FTS5), `postgresql://...` the PostgreSQL 15 store (jsonb, text search).
Both pass the same conformance suite (tests/test_store_conformance.py).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from ..errors import ConfigError, WartaError
from ..model import Article
from .filters import Filters
from .rows import Rows

__all__ = ["Filters", "Store", "default_db", "open_store"]


class Store(Protocol):
    """What every backend offers; rows are plain JSON-ready dicts."""

    url: str

    def ingest(self, article: Article) -> str: ...
    def ingest_rows(self, batch: Sequence[Rows]) -> list[str]: ...  # `rows.to_rows` of each; one transaction
    def ingest_each(self, batch: Sequence[Rows]) -> list[str | WartaError]: ...  # a refused article as its error
    def ingest_many(self, articles: Iterable[Article]) -> dict[str, int]: ...
    def identity(self) -> str: ...  # a random id kept in the store (names its bulk journal)
    def article(self, article_id: str) -> Article | None: ...
    def articles(self, filters: Filters) -> list[dict[str, Any]]: ...
    def events(self, filters: Filters) -> list[dict[str, Any]]: ...
    def quotes(self, filters: Filters) -> list[dict[str, Any]]: ...
    def amounts(self, filters: Filters) -> list[dict[str, Any]]: ...
    def entities(self, filters: Filters) -> list[dict[str, Any]]: ...
    def search(self, query: str, *, limit: int = 20, language: str | None = None) -> list[dict[str, Any]]: ...
    def dyad(self, a: str, b: str, *, filters: Filters | None = None) -> dict[str, Any]: ...
    def network(self, *, limit: int = 200) -> dict[str, Any]: ...
    def places(self) -> list[dict[str, Any]]: ...
    def stats(self) -> dict[str, Any]: ...
    def snapshot(self) -> AbstractContextManager[None]: ...  # reads inside see one committed state
    def data_version(self) -> int: ...  # changes with every write, by any connection or process
    def close(self) -> None: ...


def default_db() -> str:
    """The store used when no `--db` is given: WARTA_DB, else warta.db in the user's data folder."""
    if os.environ.get("WARTA_DB"):
        return os.environ["WARTA_DB"]
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("warta")) / "warta.db")


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at `url`; the scheme chooses the backend."""
    url = url or default_db()
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    if "://" in url and not url.startswith("sqlite://"):
        from ..secrets import redact

        raise ConfigError(f"--db {redact(url)}", "unknown store scheme; use a file path, sqlite:///path or postgresql://...")
    from .sqlite import SqliteStore

    return SqliteStore(url.removeprefix("sqlite://"), create=create)
