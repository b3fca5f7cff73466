"""`warta embed`: compute multilingual embeddings for cross-lingual search (`warta search --semantic`)."""
from __future__ import annotations

import sys

from ..cli import app
from ..store import open_store
from . import DbOption


@app.command()
def embed(db: DbOption = None) -> None:
    """Embed stored articles that have no embedding yet (needs warta[embeddings]; runs offline)."""
    from ..store.embeddings import embed_articles

    with open_store(db, create=False) as store:
        n = embed_articles(store)
    print(f"warta: embedded {n} articles", file=sys.stderr)
