"""The bulk runner: inputs → batches → engine → store, recorded in the journal as it goes.

Only this process writes: it marks a batch pending before dispatching it, and once its results
come back (in order) it stores the batch's articles in one store transaction, assigns
near-duplicate clusters and records the batch's outcomes in one journal transaction. Killed at
any moment, a rerun skips what was recorded, redoes what was pending, and the store's content
hash turns a redo into "unchanged".
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .dedup import Deduplicator
from ..errors import DropCounter, WartaError, message
from ..model import Document
from .engines import Engine, EngineError
from .journal import Finished, Journal
from .progress import Bar
from .worker import BatchResult, ItemResult

Item = Document | WartaError


@dataclass
class RunReport:
    """What one run did, for the closing summary, `warta status` and the benchmarks."""

    seen: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0
    stored: Counter = field(default_factory=Counter)  # added / updated / unchanged
    drops: DropCounter = field(default_factory=DropCounter)
    dropped_by: Counter = field(default_factory=Counter)  # stage that dropped an input
    stage_seconds: Counter = field(default_factory=Counter)
    stage_out: Counter = field(default_factory=Counter)
    peak_rss_kb: dict[int, int] = field(default_factory=dict)  # per worker pid
    duplicates: int = 0  # articles that joined an existing cluster
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: inputs done, failed and skipped, and the rate."""
        rate = self.done / self.seconds if self.seconds else 0.0
        stored = ", ".join(f"{k} {v}" for k, v in sorted(self.stored.items())) or "nothing"
        return (f"{self.seen} inputs: {self.done} done ({stored}; {self.duplicates} near-duplicates), "
                f"{self.failed} failed, {self.skipped} already done; {rate:,.1f} articles/s")

    def stage_lines(self) -> list[str]:
        """Per-stage counters: articles out, drops by that stage, seconds spent."""
        lines = [f"{'stage':<12}{'out':>8}{'dropped':>9}{'seconds':>10}"]
        for stage, seconds in self.stage_seconds.items():
            lines.append(f"{stage:<12}{self.stage_out[stage]:>8}{self.dropped_by[stage]:>9}{seconds:>10.1f}")
        if self.dropped_by["read-input"]:
            lines.append(f"{'(reading)':<12}{'':>8}{self.dropped_by['read-input']:>9}")
        return lines

    def max_rss_mb(self) -> float:
        return max(self.peak_rss_kb.values(), default=0) / 1024


def _ingest_each(store: Any, batch: list) -> list:
    """The store's outcome per article (a refused one as its error); stores without `ingest_each`
    take the batch whole."""
    if not batch:
        return []
    each = getattr(store, "ingest_each", None)
    return each(batch) if each is not None else store.ingest_rows(batch)


class BulkRunner:
    """Runs inputs through an engine into a store, journalled for resumption."""

    def __init__(self, *, settings: dict[str, Any], store: Any, journal: Journal, engine: Engine,
                 dedup: Deduplicator | None = None, bar: Bar | None = None, command: str = "ingest",
                 retry_failed: bool = False, on_failure: Callable[[str], None] | None = None) -> None:
        self.settings = settings
        self.store = store
        self.journal = journal
        self.engine = engine
        self.dedup = dedup
        self.bar = bar or Bar("", quiet=True)
        self.command = command
        self.retry_failed = retry_failed
        self.on_failure = on_failure  # told each dropped input's one line, as `warta extract` prints it
        self._loaded = False
        self._run_ids: set[str] = set()  # articles stored by this run (see _first_of_their_url)

    def run(self, items: Iterable[Item]) -> RunReport:
        """Process every input not yet done; returns the report of this run."""
        report = RunReport()
        started = time.perf_counter()
        self._load_clusters()
        self._run_ids.clear()  # per run: a watch's next poll may bring a page's update
        run = self.journal.start_run(self.command)
        seen: set[str] = set()
        try:
            for result in self.engine.map(self.settings, self._batches(items, run, report, seen)):
                self._write(result, run, report)
        except WartaError:
            raise
        except Exception as error:  # a worker died or the cluster failed: say so in one line
            raise EngineError("bulk run", f"the engine failed ({error.__class__.__name__}: {error}); "
                              "rerun the same command to resume") from error
        compact = getattr(self.store, "compact_text_index", None)  # SQLite: after a large run
        if compact is not None:
            compact(report.stored["added"] + report.stored["updated"])
        report.seconds = time.perf_counter() - started
        self.journal.finish_run(run, report.summary())
        return report

    def _load_clusters(self) -> None:
        """Rebuild the near-duplicate index from the journal, in the order articles arrived."""
        if self.dedup is None or self._loaded:
            return
        for article_id, cluster, sig in self.journal.signatures():
            self.dedup.add(article_id, sig, cluster)
        self._loaded = True

    def _batches(self, items: Iterable[Item], run: int, report: RunReport, seen: set[str]) -> Iterator[list[Document]]:
        """Batches of inputs still to do; reading errors are quarantined here, done inputs skipped."""
        size = max(1, int(self.settings.get("batch_size", 64)))
        iterator = iter(items)
        while chunk := list(islice(iterator, size)):
            finished = self.journal.finished_keys([item.source for item in chunk], retry_failed=self.retry_failed)
            todo: list[Document] = []
            errors: list[Finished] = []
            for item in chunk:
                report.seen += 1
                if item.source in finished or item.source in seen:
                    report.skipped += 1
                    self.bar.advance()
                    continue
                seen.add(item.source)
                if isinstance(item, WartaError):
                    errors.append(self._failed(ItemResult(item.source, reason=item.reason, detail=item.detail,
                                                          stage="read-input"), report))
                else:
                    todo.append(item)
            if errors:
                self.journal.record(errors, run)
            if todo:
                self.journal.mark_pending([d.source for d in todo], run)
                yield todo

    def _write(self, result: BatchResult, run: int, report: RunReport) -> None:
        """Store a batch's articles (one store transaction), then record all its outcomes (one
        journal transaction)."""
        fresh = self._first_of_their_url(result.items)
        stored = iter(_ingest_each(self.store, [item.rows for item in result.items if id(item) in fresh]))
        finished: list[Finished] = []
        for item in result.items:
            outcome = next(stored) if id(item) in fresh else "same URL" if item.rows is not None else None
            if isinstance(outcome, WartaError):  # the store refused this article: quarantined, the rest stored
                item = ItemResult(item.key, reason=outcome.reason, detail=outcome.detail, stage="store")
            if item.rows is None or isinstance(outcome, WartaError):
                finished.append(self._failed(item, report))
                continue
            report.stored[outcome] += 1
            finished.append(self._done(item, report))
            report.done += 1
            self.bar.advance()
        self.journal.record(finished, run)
        report.stage_seconds.update(result.stage_seconds)
        report.stage_out.update(result.stage_out)
        report.peak_rss_kb[result.pid] = max(report.peak_rss_kb.get(result.pid, 0), result.peak_rss_kb)

    def _first_of_their_url(self, items: list[ItemResult]) -> set[int]:
        """The items (by id()) whose article no earlier input of this run gave: two inputs of one
        run with one URL would replace each other on every run; the first is stored, the other
        is done as "same URL" (and a rerun of an unchanged corpus changes nothing)."""
        fresh: set[int] = set()
        for item in items:
            if item.rows is not None and item.rows.id not in self._run_ids:
                self._run_ids.add(item.rows.id)
                fresh.add(id(item))
        return fresh

    def _done(self, item: ItemResult, report: RunReport) -> Finished:
        assert item.rows is not None
        aid = item.rows.id
        cluster = aid
        if self.dedup is not None and item.signature is not None:
            cluster = self.dedup.assign(aid, item.signature)
            report.duplicates += cluster != aid
        return Finished(item.key, article_id=aid, cluster=cluster, signature=item.signature)

    def _failed(self, item: ItemResult, report: RunReport) -> Finished:
        report.failed += 1
        report.drops[item.reason or "error"] += 1
        report.dropped_by[item.stage or "?"] += 1
        if self.on_failure is not None:
            self.on_failure(message(item.key, item.detail or item.reason or "error"))
        self.bar.advance()
        return Finished(item.key, reason=item.reason or "error", detail=item.detail)
