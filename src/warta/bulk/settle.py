"""Settling the journal after a plain ingest: a failure fixed and stored leaves the quarantine."""
from __future__ import annotations

import os
from typing import Any

from .journal import Journal
from .run import journal_folder


def settle_failures(store: Any, stored: dict[str, str]) -> int:
    """After a plain (unjournalled) ingest: the inputs it stored (source -> article id) that an
    earlier bulk run quarantined are done now, under the journal's own key for them (an absolute
    path, a JSON line `path#n`). Only an existing journal is touched; returns how many settled."""
    book = _existing_journal(store)
    if book is None or not stored:
        return 0
    clusters: dict[str, str | None] = {}
    ids = sorted(set(stored.values()))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        clusters.update((r["id"], r["cluster"]) for r in store.query(f"SELECT id, cluster FROM articles WHERE id IN ({marks})", chunk))
    try:
        return book.settle({input_key(source): (aid, clusters.get(aid)) for source, aid in stored.items()})
    finally:
        book.close()


def input_key(source: str) -> str:
    """The journal key of an article's source as a plain ingest names it ("news/a.txt",
    "feed.jsonl#3"): file paths made absolute, as bulk runs record them."""
    if source != "-" and os.path.exists(source):
        return os.path.abspath(source)
    path, mark, rest = source.rpartition("#")
    if mark and path and os.path.exists(path):
        return os.path.abspath(path) + mark + rest
    return source


def _existing_journal(store: Any) -> Journal | None:
    url = str(getattr(store, "url", ""))
    if url and "://" not in url:  # a SQLite store holds its journal's tables once a bulk run made them
        found = store.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'bulk_inputs'")
        return Journal(url) if found and url != ":memory:" else None
    identity = getattr(store, "identity", None)
    path = journal_folder() / f"{identity()}.db" if identity is not None else None
    return Journal(str(path)) if path is not None and path.is_file() else None
