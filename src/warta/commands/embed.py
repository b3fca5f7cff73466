"""`warta embed`: compute multilingual embeddings for cross-lingual search (`warta search --semantic`).

`warta ingest` also embeds the articles it stored when the embeddings extra is installed, so a
served store answers semantic queries at once; a query never embeds anything itself.
"""
from __future__ import annotations

import sys
from typing import Any

from ..cli import app
from ..store import open_store
from . import DbOption


@app.command()
def embed(db: DbOption = None) -> None:
    """Embed stored articles that have no embedding yet (needs warta\\[embeddings]; runs offline)."""
    with open_store(db, create=False) as store:
        n = embed_with_progress(store)
    print(f"warta: embedded {n} articles", file=sys.stderr)


def embed_with_progress(store: Any, *, quiet: bool = False) -> int:
    """Embed what is missing, with a progress bar on stderr (none when quiet or not a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..store.embeddings import embed_articles

    console = Console(stderr=True)
    with Progress(TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, disable=quiet or not console.is_terminal) as bar:
        task = bar.add_task("embed", total=None)
        return embed_articles(store, progress=lambda done, total: bar.update(task, completed=done, total=total))


def embed_if_available(store: Any, *, quiet: bool = False) -> None:
    """After an ingest: embed the new articles when the embeddings extra is installed."""
    from ..store.embeddings import available

    if available():
        n = embed_with_progress(store, quiet=quiet)
        if n:
            print(f"warta: embedded {n} articles", file=sys.stderr)
