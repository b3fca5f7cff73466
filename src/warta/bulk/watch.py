"""Watching feeds: poll RSS/Atom feeds and sitemaps on a schedule and ingest what is new.

Each cycle fetches every feed with a conditional GET (an unchanged feed costs one 304), skips the
article URLs the journal already has, fetches the rest politely and runs them like any ingest.
One engine and one near-duplicate index serve all cycles, so workers load their models once.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from ..crawl import Crawler, Fetcher, FetchPolicy, policy_from
from .dedup import Deduplicator
from .engines import make_engine
from .journal import Journal
from .runner import BulkRunner, RunReport


def watch(feeds: list[str], *, store: Any, journal: Journal, settings: dict[str, Any], interval: float = 300.0,
          max_cycles: int | None = None, engine: str = "serial", workers: int | None = None,
          scheduler: str | None = None, policy: FetchPolicy | None = None,
          sleep: Callable[[float], None] = time.sleep) -> Iterator[RunReport]:
    """Poll `feeds` every `interval` seconds (forever, or `max_cycles` times), yielding each cycle's report."""
    crawler = Crawler(Fetcher(policy=policy or policy_from(settings), cache=journal))
    runner_engine = make_engine(engine, settings, workers=workers, scheduler=scheduler)
    runner = BulkRunner(settings=settings, store=store, journal=journal, engine=runner_engine,
                        dedup=Deduplicator(threshold=settings["dedup_threshold"]), command="watch")
    polled = set(feeds)  # a feed that failed once is quarantined, but still polled next cycle
    try:
        cycle = 0
        while max_cycles is None or cycle < max_cycles:
            if cycle:
                sleep(interval)
            cycle += 1
            yield runner.run(crawler.documents(feeds, skip=lambda url: url not in polled and journal.is_finished(url)))
    finally:
        runner_engine.close()
