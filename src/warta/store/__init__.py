"""The store: where ingested articles and their records live, behind one small protocol.

`open_store(url)` picks the backend by URL scheme from the registry `BACKENDS` (`@backend`): a
path or `sqlite:///path` gives the SQLite store (no setup; WAL, FTS5), `postgresql://...` the
PostgreSQL 15 store (jsonb, text search). Both pass the same conformance suite
(tests/test_store_conformance.py), which runs everything the `Store` protocol declares.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from ..errors import ConfigError, WartaError
from ..model import Article
from .filters import Filters
from .rows import Rows

__all__ = ["BACKENDS", "Filters", "Store", "backend", "default_db", "open_store"]


class Store(Protocol):
    """What every backend offers; rows are plain JSON-ready dicts."""

    url: str

    def ingest(self, article: Article) -> str: ...
    def ingest_rows(self, batch: Sequence[Rows]) -> list[str]: ...  # `rows.to_rows` of each; one transaction
    def ingest_each(self, batch: Sequence[Rows]) -> list[str | WartaError]: ...  # a refused article as its error
    def ingest_many(self, articles: Iterable[Article]) -> dict[str, int]: ...
    def identity(self) -> str: ...  # a random id kept in the store (names its bulk journal)
    def article(self, article_id: str) -> Article | None: ...
    def article_json(self, article_id: str) -> str | dict[str, Any] | None: ...  # as stored, not parsed into an Article
    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]: ...  # read-only SQL, `?` parameters
    def articles(self, filters: Filters) -> list[dict[str, Any]]: ...
    def events(self, filters: Filters) -> list[dict[str, Any]]: ...
    def quotes(self, filters: Filters) -> list[dict[str, Any]]: ...
    def amounts(self, filters: Filters) -> list[dict[str, Any]]: ...
    def entities(self, filters: Filters) -> list[dict[str, Any]]: ...
    def search(self, query: str, *, limit: int = 20, language: str | None = None) -> list[dict[str, Any]]: ...
    def dyad(self, a: str, b: str, *, filters: Filters | None = None) -> dict[str, Any]: ...
    def network(self, *, limit: int = 200) -> dict[str, Any]: ...
    def actor(self, actor: str, *, limit: int = 50) -> dict[str, Any]: ...  # partners, event types, events, quotes
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


Opener = Callable[[str, bool], Store]  # (url, create) -> an open store
BACKENDS: dict[str, Opener] = {}  # URL scheme ("" for a plain path) -> opener


def backend(*schemes: str) -> Callable[[Opener], Opener]:
    """Decorator: open URLs of these schemes with the decorated function."""
    def add(opener: Opener) -> Opener:
        for scheme in schemes:
            if scheme in BACKENDS:
                raise ConfigError(f"store scheme {scheme}", "already registered")
            BACKENDS[scheme] = opener
        return opener
    return add


@backend("", "sqlite")
def _sqlite(url: str, create: bool) -> Store:
    from .sqlite import SqliteStore

    return SqliteStore(url.removeprefix("sqlite://"), create=create)


@backend("postgresql", "postgres")
def _postgres(url: str, create: bool) -> Store:
    from .postgres import PostgresStore

    return PostgresStore(url)


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at `url`; the scheme chooses the backend."""
    url = url or default_db()
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in BACKENDS:
        from ..secrets import redact

        known = ", ".join(f"{s}://" for s in BACKENDS if s)
        raise ConfigError(f"--db {redact(url)}", f"unknown store scheme; use a file path or one of {known}")
    return BACKENDS[scheme](url, create)
