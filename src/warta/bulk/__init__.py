"""Bulk processing at archive scale: resumable, idempotent runs on a process pool or Dask.

`run_bulk(inputs, store=...)` (in `run`) is what `warta ingest` calls. The package's names load
lazily, so that importing a light part of it (`warta.bulk.dedup`, which the store's syndication
merge reads) does not import the engines, the crawler and the store.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {"ENGINES": "engines", "default_workers": "engines", "Journal": "journal",
          "BulkRunner": "runner", "RunReport": "runner", "journal_for": "run", "run_bulk": "run",
          "settle_failures": "settle"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    """Import the submodule that defines `name` on first use (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module 'warta.bulk' has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)
