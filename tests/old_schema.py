"""A store written at an older schema version, then opened at the latest: the migration tests' setup.

`older_store` patches a backend's migration list down to those before a version, so that a store
opened inside it is written as an older release wrote it; `latest()` puts the full list back, so
that the next `open_store` migrates it. A PostgreSQL store gets a database of its own, dropped after.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from test_store_conformance import _fresh_postgres, _postgres_url


@contextmanager
def older_store(backend: str, version: int, tmp_path: Path, monkeypatch: Any) -> Iterator[tuple[str, Callable[[], None]]]:
    """(where the store lives, latest) for a store of `backend` ("sqlite" or "postgres") whose
    schema stops before `version` until `latest()` is called."""
    from warta.store import migrations, postgres, sqlite

    module, name = (sqlite, "SQLITE") if backend == "sqlite" else (postgres, "POSTGRES")
    if backend == "sqlite":
        where, drop = str(tmp_path / "old.db"), None
    else:
        base = _postgres_url()
        where, database = _fresh_postgres(base)
        drop = (base, database)
    full = getattr(migrations, name)
    monkeypatch.setattr(module, name, [m for m in full if m[0] < version])
    try:
        yield where, lambda: monkeypatch.setattr(module, name, full)
    finally:
        if drop is not None:
            import psycopg

            with psycopg.connect(drop[0], autocommit=True) as conn:
                conn.execute(f"DROP DATABASE {drop[1]}")
