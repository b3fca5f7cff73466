"""`warta.open(db)`: the store from a notebook, with query results as pandas DataFrames.

    import warta
    w = warta.open()                       # the default store (see `warta info`)
    w.events(dyad="IDN-RUS", since="2025-01").to_pandas()
    w.search("sanksi").to_pandas()
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Self

from .errors import ConfigError
from .model import Article
from .store import Filters, open_store
from .store.filters import parse_dyad


class Records:
    """Query results: a list of dicts that also converts to a DataFrame."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __getitem__(self, index: int) -> dict[str, Any]:
        return self.rows[index]

    def __repr__(self) -> str:
        return f"<Records: {len(self.rows)} rows>"

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the rows (needs `warta[pandas]`)."""
        try:
            import pandas as pd
        except ImportError:
            raise ConfigError("to_pandas", "needs pandas: pip install 'warta[pandas]'") from None
        return pd.DataFrame.from_records(self.rows)


class Warta:
    """An open store with query methods; every filter is a keyword (see `warta query --help`)."""

    def __init__(self, db: str | None = None) -> None:
        self.store = open_store(db)

    def _filters(self, dyad: str | tuple[str, str] | None = None, limit: int = 1000, **filters: Any) -> Filters:
        pair = parse_dyad(dyad) if isinstance(dyad, str) else dyad
        return Filters(dyad=pair, limit=limit, **filters)

    def events(self, **filters: Any) -> Records:
        """Events, e.g. `events(dyad="IDN-RUS", type="AGREE", since="2025-06")`."""
        return Records(self.store.events(self._filters(**filters)))

    def quotes(self, **filters: Any) -> Records:
        """Quotes, e.g. `quotes(speaker="Lavrov")`."""
        return Records(self.store.quotes(self._filters(**filters)))

    def amounts(self, **filters: Any) -> Records:
        """Amounts, e.g. `amounts(type="USD", dyad="IDN-CHN")`."""
        return Records(self.store.amounts(self._filters(**filters)))

    def entities(self, **filters: Any) -> Records:
        """Entities aggregated over articles, e.g. `entities(type="PERSON")`."""
        return Records(self.store.entities(self._filters(**filters)))

    def articles(self, **filters: Any) -> Records:
        """Articles without their text, e.g. `articles(language="id")`."""
        return Records(self.store.articles(self._filters(**filters)))

    def search(self, query: str, *, limit: int = 20, language: str | None = None) -> Records:
        """Full-text search in English and Indonesian."""
        return Records(self.store.search(query, limit=limit, language=language))

    def dyad(self, a: str, b: str, **filters: Any) -> dict[str, Any]:
        """The dyad summary (counts by month, type, context; amounts; quotes; events)."""
        return self.store.dyad(a, b, filters=self._filters(**filters))

    def article(self, article_id: str) -> Article | None:
        """One stored article with all its records."""
        return self.store.article(article_id)

    def ingest(self, article: Article) -> str:
        """Store an article (e.g. from `warta.extract`): "added", "updated" or "unchanged"."""
        return self.store.ingest(article)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(db: str | None = None) -> Warta:
    """Open the store at `db` (a SQLite path or postgresql://...; default: `warta info`'s store)."""
    return Warta(db)
