"""`warta watch` and `warta status`, and the bulk mode of `warta ingest` (`--engine`, `--workers`).

`ingest_bulk` is what `warta ingest` calls when it is given a bulk option: a resumable,
journalled run on a process pool or a Dask cluster, with URLs, feeds and sitemaps fetched.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Annotated, Any

import typer

from ..cli import app
from ..cli import say as _say
from ..settings import load_settings
from ..store import default_db, open_store
from . import DbOption

EngineOption = Annotated[str | None, typer.Option(
    "--engine", help="Bulk mode: serial, processes (a pool, default) or dask; runs are journalled and resumable.")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Bulk mode: worker processes (default: all cores).")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="Bulk mode with --engine dask: a running scheduler, tcp://host:port (default: a local cluster).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no closing counters.")]
RetryOption = Annotated[bool, typer.Option("--retry-failed", help="Bulk mode: try quarantined inputs again.")]
JournalOption = Annotated[str | None, typer.Option(
    "--journal", help="Run journal (SQLite file); default: the SQLite store's own file, or one named by the store's identity (setting journal_dir).")]



def ingest_bulk(paths: list[str], *, db: str | None, stages: str | None = None, engine: str | None = None,
                workers: int | None = None, scheduler: str | None = None, quiet: bool = False,
                journal: str | None = None, retry_failed: bool = False) -> None:
    """Bulk ingest; prints the summary, counters and quarantine, and exits 1 if inputs failed."""
    from ..bulk import run_bulk

    settings = load_settings({"stages": stages} if stages else None)
    with open_store(db) as store:
        report = run_bulk(paths, store=store, journal=journal, settings=settings, engine=engine or "processes",
                          workers=workers, scheduler=scheduler, quiet=quiet, retry_failed=retry_failed,
                          on_failure=_say)
        from .embed import embed_if_available  # here: commands.embed imports the CLI app

        embed_if_available(store, quiet=quiet)  # so a served store answers semantic queries at once
    _say(f"{store.url}: {report.summary()}")
    if not quiet and report.stage_seconds:
        for line in report.stage_lines():
            print(f"  {line}", file=sys.stderr)
        _say(f"peak memory per worker: {report.max_rss_mb():,.0f} MB")
    if report.failed:
        _say(f"quarantined {report.drops.summary().removeprefix('dropped ')} (see `warta status`)")
        raise typer.Exit(1)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed or sitemap URLs to poll.")],
    db: DbOption = None,
    interval: Annotated[float, typer.Option(min=0.0, help="Seconds between polls.")] = 300.0,
    max_cycles: Annotated[int | None, typer.Option(min=1, help="Stop after this many polls (default: never).")] = None,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages (default: the `stages` setting).")] = None,
    engine: Annotated[str, typer.Option(help="serial, processes or dask.")] = "serial",
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    journal: JournalOption = None,
    delay: Annotated[float | None, typer.Option(min=0.0, help="Seconds between two requests to one host "
                                                "(default: the fetch_delay setting).")] = None,
    quiet: QuietOption = False,
) -> None:
    """Poll feeds on a schedule and ingest the articles that are new, politely (robots.txt, rate limits)."""
    from ..bulk import journal_for
    from ..bulk.watch import watch as run_watch
    overrides: dict[str, Any] = {"stages": stages} if stages else {}
    if delay is not None:
        overrides["fetch_delay"] = delay
    settings = load_settings(overrides)
    with open_store(db) as store:
        book = journal_for(store, journal)
        try:
            cycles = run_watch(feeds, store=store, journal=book, settings=settings, interval=interval,
                               max_cycles=max_cycles, engine=engine, workers=workers, scheduler=scheduler)
            for number, report in enumerate(cycles, start=1):
                if not quiet:
                    _say(f"poll {number} at {time.strftime('%H:%M:%S')}: {report.summary()}")
        finally:
            book.close()


@app.command()
def status(
    db: DbOption = None,
    journal: JournalOption = None,
    examples: Annotated[int, typer.Option(min=0, help="Show this many quarantined inputs.")] = 10,
    events: Annotated[int, typer.Option(min=0, help="List this many events, counted once per cluster of copies.")] = 0,
) -> None:
    """Show bulk runs: inputs by state, quarantined inputs by reason, near-duplicate clusters."""
    from ..bulk import journal_for

    with open_store(db or default_db(), create=False) as store:
        book = journal_for(store, journal)
        try:
            _print_status(book, examples=examples, events=events, store=store)
        finally:
            book.close()


def _stored_sources(store: Any, keys: list[str]) -> set[str]:
    """Those of `keys` (input names) the store now holds an article from (a file under any of
    the names a later run may have given it: the journal's absolute path or one relative to here)."""
    names = {k: k for k in keys}
    names.update({os.path.relpath(k): k for k in keys if os.path.isabs(k)})
    found: set[str] = set()
    given = list(names)
    for start in range(0, len(given), 500):
        chunk = given[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(names[r["source"]] for r in store.query(f"SELECT source FROM articles WHERE source IN ({marks})", chunk))
    return found


def _print_status(book: Any, *, examples: int, events: int, store: Any = None) -> None:
    from ..bulk.dedup import count_events

    print(f"journal: {book.path}")
    for run in book.runs():
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(run["started"]))
        print(f"run {run['id']} ({run['command']}, {when}): {run['state']}" + (f" — {run['summary']}" if run["summary"] else ""))
    failed = book.failed()
    fixed = _stored_sources(store, [key for key, _, _ in failed]) if store is not None else set()
    failed = [f for f in failed if f[0] not in fixed]  # the current state: an input stored since is no failure
    counts = book.counts()
    if fixed:
        counts["done"] = counts.get("done", 0) + len(fixed)
        counts["failed"] = counts.get("failed", 0) - len(fixed)
    print("inputs: " + (", ".join(f"{state} {n}" for state, n in sorted(counts.items()) if n) or "none")
          + (f" ({len(fixed)} stored since they failed)" if fixed else ""))
    if failed:
        reasons: dict[str, int] = {}
        for _, reason, _ in failed:
            reasons[reason] = reasons.get(reason, 0) + 1
        print("quarantined by reason: " + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))))
        for key, reason, detail in failed[:examples]:
            print(f"  {reason}: {key}: {detail}")
    clusters = book.clusters()
    print(f"articles: {clusters['articles']} in {clusters['clusters']} near-duplicate clusters")
    rows = book.event_rows()
    if rows:
        merged = count_events(rows)
        repeated = sum(1 for e in merged if e.num_articles > 1)
        print(f"events: {len(rows)} as extracted, {len(merged)} once per cluster ({repeated} reported by several articles)")
        top = sorted(merged, key=lambda e: (-e.num_sources, -e.num_articles, e.day or "", e.cameo))[:events]
        for event in top:
            print(f"  {event.day or '-':<10} {event.type:<12} {event.cameo:<5} {event.actor1 or '-'} -> {event.actor2 or '-'}"
                  f"  NumArticles {event.num_articles}  NumSources {event.num_sources}  cluster {event.cluster}")
