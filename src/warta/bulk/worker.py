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

from ..errors import StageError, WartaError
from ..model import Article, Document
from ..pipeline import Pipeline
from ..store.rows import Rows, to_rows

_PIPELINES: dict[tuple, _Timed] = {}


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


class _Timed:
    """A pipeline whose stages are timed and counted, and which remembers the stage that failed."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.seconds: dict[str, float] = {}
        self.out: dict[str, int] = {}

    def run(self, document: Document) -> ItemResult:
        try:  # the document's time and memory limits (warta.limits) hold around all its stages
            return self.pipeline.limits.run(document.source, lambda: self._run(document))
        except WartaError as error:
            return ItemResult(document.source, reason=error.reason, detail=error.detail)

    def _run(self, document: Document) -> ItemResult:
        article = Article.from_document(document)
        for stage in self.pipeline.stages:
            started = time.perf_counter()
            try:
                article = stage(article)
            except WartaError as error:
                return ItemResult(document.source, reason=error.reason, detail=error.detail, stage=stage.name)
            except Exception as error:  # noqa: BLE001 (as Pipeline does: a bug on one input must not stop the batch)
                detail = f"stage {stage.name} failed ({error.__class__.__name__}: {error})"
                return ItemResult(document.source, reason=StageError.reason, detail=detail, stage=stage.name)
            finally:
                self.seconds[stage.name] = self.seconds.get(stage.name, 0.0) + time.perf_counter() - started
            self.out[stage.name] = self.out.get(stage.name, 0) + 1
        try:
            return ItemResult(document.source, rows=to_rows(article), signature=_signature(article))
        except Exception as error:  # noqa: BLE001 (a value that cannot be stored fails its input only)
            detail = f"cannot be stored ({error.__class__.__name__}: {' '.join(str(error).split())[:120]})"
            return ItemResult(document.source, reason="store-refused", detail=detail, stage="store")

    def take_counters(self) -> tuple[dict[str, float], dict[str, int]]:
        counters = (self.seconds, self.out)
        self.seconds, self.out = {}, {}
        return counters


def _signature(article: Article) -> np.ndarray | None:
    from ..dedup import signature

    return signature(f"{article.title or ''}\n{article.text}") if article.text else None


def _settings_key(settings: dict[str, Any]) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in settings.items()))


def pipeline_for(settings: dict[str, Any]) -> _Timed:
    """This process's pipeline for `settings`, built on first use."""
    key = _settings_key(settings)
    if key not in _PIPELINES:
        _PIPELINES[key] = _Timed(Pipeline.build(settings))
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
    timed.take_counters()
    # The models and tables now loaded live as long as the worker: moved out of the collector's
    # reach, they are no longer walked by every full collection (about 4 ms per page before).
    gc.freeze()
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


def process_batch(settings: dict[str, Any], documents: list[Document]) -> BatchResult:
    """Run the pipeline over one batch; never raises for a bad input."""
    timed = pipeline_for(settings)
    items = [timed.run(document) for document in documents]
    seconds, out = timed.take_counters()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return BatchResult(items, seconds, out, os.getpid(), int(peak))
