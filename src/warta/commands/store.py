"""`warta ingest`, `warta query`, `warta search` and `warta info`: the store from the command line."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Any

import typer

from ..cli import app
from ..cli import say as _fail
from ..errors import DropCounter, InputError, WartaError, one_line
from ..model import Article
from ..store import Filters, default_db, open_store
from ..store.filters import parse_dyad
from . import DbOption
from .bulk import EngineOption as BulkEngine
from .bulk import QuietOption as BulkQuiet
from .bulk import RetryOption as BulkRetry
from .bulk import SchedulerOption as BulkScheduler
from .bulk import WorkersOption as BulkWorkers
from .bulk import ingest_bulk
from .embed import embed_if_available
from .render import TableFormat, print_rows


class Kind(str, Enum):
    events = "events"
    quotes = "quotes"
    amounts = "amounts"
    entities = "entities"
    articles = "articles"



@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, - for stdin; URLs, feeds and sitemaps with --engine (bulk mode).")],
    db: DbOption = None,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages (default: the `stages` setting).")] = None,
    engine: BulkEngine = None,
    workers: BulkWorkers = None,
    scheduler: BulkScheduler = None,
    quiet: BulkQuiet = False,
    retry_failed: BulkRetry = False,
) -> None:
    """Run the pipeline on articles and store the results (re-ingesting unchanged articles changes nothing)."""
    if engine or workers or scheduler or retry_failed:  # bulk mode: journalled, resumable, parallel, fetches URLs (commands/bulk.py)
        return ingest_bulk(paths, db=db, stages=stages, engine=engine, workers=workers, scheduler=scheduler, quiet=quiet,
                           retry_failed=retry_failed)
    from ..bulk import settle_failures
    from ..settings import load_settings

    settings = load_settings({"stages": stages} if stages else None)
    dropped = DropCounter()
    stored: dict[str, str] = {}
    with open_store(db) as store:
        counts = _store_each(store, _articles(paths, settings, dropped), dropped, stored)
        embed_if_available(store)
        settle_failures(store, stored)  # a bulk run's failure fixed and ingested now leaves `warta status`
    print(f"warta: {store.url}: added {counts['added']}, updated {counts['updated']}, "
          f"unchanged {counts['unchanged']}" + (f", same URL as an earlier input {counts['same URL']}"
                                               if counts["same URL"] else ""), file=sys.stderr)
    if dropped:
        _fail(dropped.summary())
        raise typer.Exit(1)


def _store_each(store: Any, articles: Iterator[Article], dropped: DropCounter,
                stored: dict[str, str] | None = None) -> dict[str, int]:
    """Store every article; one the store refuses (a value it cannot hold) is named in one line and
    counted, and the others go on. A failure of the store itself (disk full, read-only) stops the run.
    `stored` gets the source and article id of each article the store now holds."""
    from ..store.base import RejectedArticle

    from ..store.rows import article_id

    counts = {"added": 0, "updated": 0, "unchanged": 0, "same URL": 0}
    first: dict[str, str] = {}  # article id -> the input of this run that gave it
    for article in articles:
        # Two inputs of one run with one URL would replace each other on every run: the first
        # is stored, the other is named and counted (a rerun of an unchanged corpus changes nothing).
        key = article_id(article)
        if key in first:
            counts["same URL"] += 1
            _fail(f"{one_line(article.source, 300)}: not stored: same URL as {one_line(first[key], 300)}")
            continue
        first[key] = article.source
        try:
            counts[store.ingest(article)] += 1
            if stored is not None:
                stored[article.source] = key
        except RejectedArticle as error:
            _fail(str(error))
            dropped.drop(error)
    return counts


def _articles(paths: list[str], settings: dict[str, Any], dropped: DropCounter) -> Iterator[Article]:
    from ..plain import run_inputs
    from ..read.sources import iter_documents

    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    for url in urls:  # fetching is bulk mode's job (robots.txt, rate limits, journal); say so per input
        error = InputError(url, "URLs are fetched in bulk mode: add --engine serial (or processes, dask)")
        _fail(str(error))
        dropped.drop(error)
    documents = iter_documents([p for p in paths if p not in urls], max_bytes=settings["max_input_bytes"])
    for outcome in run_inputs(settings, documents):  # in a worker ended past document_timeout (warta.plain)
        if outcome.error is not None:
            _fail(str(outcome.error))
            dropped.drop(outcome.error)
        elif outcome.article is not None:
            yield outcome.article


@app.command()
def query(
    kind: Annotated[Kind, typer.Argument(help="What to list.")],
    db: DbOption = None,
    dyad: Annotated[str | None, typer.Option(help="Two countries, e.g. IDN-RUS (either direction).")] = None,
    actor: Annotated[str | None, typer.Option(help="ISO3 country, CAMEO code or name, either side.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type or CAMEO prefix (events), entity type, unit.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, inclusive.")] = None,
    language: Annotated[str | None, typer.Option(help="Article language (id, en).")] = None,
    text: Annotated[str | None, typer.Option(help="Words in the record's text or evidence.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Quote speaker (name or ISO3).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """List events, quotes, amounts, entities or articles from the store."""
    filters = Filters(dyad=parse_dyad(dyad), actor=actor, type=type, since=since, until=until, language=language,
                      text=text, speaker=speaker, limit=limit)
    with open_store(db, create=False) as store:
        rows = getattr(store, kind.value)(filters)
    print_rows(rows, kind=kind.value, output_format=output_format)


@app.command()
def search(
    words: Annotated[str, typer.Argument(help="Words to find (English or Indonesian; stems match).")],
    db: DbOption = None,
    language: Annotated[str | None, typer.Option(help="Only articles in this language.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many articles.")] = 20,
    semantic: Annotated[bool, typer.Option(help="Cross-lingual search with embeddings (warta[embeddings]).")] = False,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Full-text search over the stored articles."""
    with open_store(db, create=False) as store:
        if semantic:
            from ..store.embeddings import semantic_search

            rows = semantic_search(store, words, limit=limit, language=language)
        else:
            rows = store.search(words, limit=limit, language=language)
    print_rows(rows, kind="search", output_format=output_format)


@app.command()
def info(db: DbOption = None) -> None:
    """Show which store is used and what it holds."""
    from ..secrets import redact

    url = db or default_db()
    print(f"store: {redact(url)}")
    try:
        with open_store(url, create=False) as store:
            stats = store.stats()
    except WartaError as error:
        print(f"  ({error.detail})")
        raise typer.Exit(1) from None
    for key in ("articles", "events", "quotes", "amounts", "entities"):
        print(f"  {key}: {stats[key]}")
    print(f"  languages: {', '.join(f'{k} {v}' for k, v in stats['languages'].items()) or '-'}")
    print(f"  published: {stats['since'] or '-'} .. {stats['until'] or '-'}"
          f" ({stats.get('undated', 0)} of {stats['articles']} articles without a publication date)")
