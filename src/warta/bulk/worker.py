"""What runs in a worker process (a pool process or a Dask worker): one batch of documents.

Workers receive only settings (a dict) and `Document`s, both plain picklable data, and send back
articles (flattened to the store's rows: cheap to pickle, and the one process that writes has
less to do), failure reasons, MinHash signatures and counters. Each process builds its pipeline
from the settings the first time it sees them and keeps it, so models load once per worker.
"""
from __future__ import annotations

import gc
import os
import resource
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..gcpolicy import for_long_runs
from ..model import Article, Document
from ..pipeline import Pipeline
from ..store.rows import Rows, to_rows

_PIPELINES: dict[tuple, WorkerPipeline] = {}


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One input's outcome: an article (as the rows the store takes) and its signature, or the
    reason it was dropped."""

    key: str
    rows: Rows | None = None  # built here, in the worker: the writing process only stores them
    signature: np.ndarray | None = None
    reason: str | None = None
    detail: str | None = None
    stage: str | None = None  # the stage that dropped it


@dataclass(slots=True)
class BatchResult:
    """The outcomes of one batch, in input order, with the worker's counters."""

    items: list[ItemResult]
    stage_seconds: dict[str, float] = field(default_factory=dict)
    stage_out: dict[str, int] = field(default_factory=dict)
    pid: int = 0
    peak_rss_kb: int = 0


class StageCounters:
    """Seconds spent and articles given per stage: the pipeline's hook in a worker."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.out: dict[str, int] = {}

    def __call__(self, stage: str, seconds: float, ok: bool) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.out[stage] = self.out.get(stage, 0) + ok

    def take(self) -> tuple[dict[str, float], dict[str, int]]:
        """The counters since the last call, which starts them again."""
        counters = (self.seconds, self.out)
        self.seconds, self.out = {}, {}
        return counters


class WorkerPipeline:
    """The pipeline as a worker runs it: the CLI's runner with the counters as its hook, each
    outcome turned into the rows the store takes or the reason it was dropped."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.counters = StageCounters()

    def run(self, document: Document) -> ItemResult:
        outcome = self.pipeline.run(document, hook=self.counters)
        if outcome.error is not None:
            error = outcome.error
            return ItemResult(document.source, reason=error.reason, detail=error.detail, stage=error.stage)
        assert outcome.article is not None
        return ItemResult(document.source, rows=to_rows(outcome.article), signature=_signature(outcome.article))


def _signature(article: Article) -> np.ndarray | None:
    from .dedup import signature

    return signature(f"{article.title or ''}\n{article.text}") if article.text else None


def _settings_key(settings: dict[str, Any]) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in settings.items()))


def pipeline_for(settings: dict[str, Any]) -> WorkerPipeline:
    """This process's pipeline for `settings`, built on first use."""
    key = _settings_key(settings)
    if key not in _PIPELINES:
        _PIPELINES[key] = WorkerPipeline(Pipeline.build(settings))
    return _PIPELINES[key]


def warm(settings: dict[str, Any], driver: int | None = None) -> int:
    """Build the pipeline ahead of the first batch (a pool initializer); returns the pid.

    With `driver` (the pid of the process that started the pool), also exit when it is gone: a
    pool worker waits on its task queue forever, so a driver killed with SIGKILL would otherwise
    leave its workers (and their loaded models) behind.
    """
    if driver is not None:
        threading.Thread(target=_exit_with, args=(driver,), name="warta-watchdog", daemon=True).start()
    timed = pipeline_for(settings)
    # Stages load some models on first use (spaCy, lexicons): one tiny article per language loads them now.
    for document in _WARM_UP:
        timed.run(document)
    timed.counters.take()
    # The models and tables now loaded live as long as the worker: moved out of the collector's
    # reach, they are no longer walked by every full collection (about 4 ms per page before).
    gc.freeze()
    for_long_runs()  # and collections rarer for the run (see warta.gcpolicy)
    return os.getpid()


_WARM_UP = (
    Document(source="<warm-up en>", kind="text", title="Ministers meet in Jakarta",
             content="Officials from Malaysia and Indonesia met in Jakarta on Tuesday to discuss border trade, "
                     "the ministry said in a statement."),
    Document(source="<warm-up id>", kind="text", title="Menteri bertemu di Tokyo",
             content="Menteri Luar Negeri Indonesia bertemu mitranya dari Jepang di Tokyo pada Senin untuk membahas "
                     "keamanan maritim, kata juru bicara kementerian."),
)


def _exit_with(driver: int, *, every: float = 1.0) -> None:
    while True:
        time.sleep(every)
        try:
            os.kill(driver, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # exists, owned by someone else: the pid was reused, so the driver is gone
            os._exit(1)


class BatchHandler:
    """A supervised bulk worker's side (warta.supervise): the pipeline, an ItemResult per document,
    the counters after each batch."""

    def __init__(self, settings: dict[str, Any], driver: int | None = None) -> None:
        self.settings = settings
        self.driver = driver  # the pid of the process that started the worker (see `warm`)

    def prepare(self) -> None:
        warm(self.settings, self.driver)

    def run(self, document: Document) -> ItemResult:
        return pipeline_for(self.settings).run(document)

    def finish(self) -> tuple[dict[str, float], dict[str, int], int, int]:
        seconds, out = pipeline_for(self.settings).counters.take()
        return seconds, out, os.getpid(), int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

    def lost(self, document: Document, error: Any) -> ItemResult:
        """In the parent: a document whose worker was ended fails with the error's reason."""
        return ItemResult(document.source, reason=error.reason, detail=error.detail)

    @staticmethod
    def result(items: list[ItemResult], extras: list[tuple]) -> BatchResult:
        """One BatchResult of a batch's items and the counters of the workers that ran its parts."""
        seconds: dict[str, float] = {}
        out: dict[str, int] = {}
        pid, peak = 0, 0
        for part_seconds, part_out, part_pid, part_peak in extras:
            for stage, value in part_seconds.items():
                seconds[stage] = seconds.get(stage, 0.0) + value
            for stage, count in part_out.items():
                out[stage] = out.get(stage, 0) + count
            if part_peak >= peak:
                pid, peak = part_pid, part_peak
        return BatchResult(items, seconds, out, pid, peak)


def process_batch(settings: dict[str, Any], documents: list[Document]) -> BatchResult:
    """Run the pipeline over one batch; never raises for a bad input."""
    timed = pipeline_for(settings)
    items = [timed.run(document) for document in documents]
    seconds, out = timed.counters.take()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return BatchResult(items, seconds, out, os.getpid(), int(peak))
