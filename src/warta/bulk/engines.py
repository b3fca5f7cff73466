"""Engines run batches somewhere and hand results back in submission order.

`serial` runs in this process; `processes` in a pool of worker processes (default: one per core);
`dask` on a Dask distributed cluster (see dask_engine.py). Each keeps a bounded number of batches
in flight, so memory stays flat however long the input is, and yields results in the order the
batches were given, so a run (and its near-duplicate clusters) is the same however it is split.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from ..errors import ConfigError
from ..model import Document
from ..supervise import EngineError, Supervisor
from .flow import default_workers
from .worker import BatchHandler, BatchResult, process_batch, warm

ENGINES = ("serial", "processes", "dask")
__all__ = ["ENGINES", "Engine", "EngineError", "ProcessEngine", "SerialEngine", "make_engine", "default_workers"]


class Engine(Protocol):
    """Runs batches of documents through the pipeline built from `settings`."""

    workers: int

    def map(self, settings: dict[str, Any], batches: Iterable[list[Document]]) -> Iterator[BatchResult]: ...

    def warm(self, settings: dict[str, Any]) -> None:
        """Start every worker and build its pipeline now (benchmarks time the work, not the start-up)."""

    def close(self) -> None: ...


class SerialEngine:
    """Everything in this process: no start-up cost, for small runs and tests."""

    workers = 1

    def map(self, settings: dict[str, Any], batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        for batch in batches:
            yield process_batch(settings, batch)

    def warm(self, settings: dict[str, Any]) -> None:
        warm(settings)

    def close(self) -> None:
        pass


class ProcessEngine:
    """Worker processes, each building the pipeline once, supervised (warta.supervise): a worker
    still on one document a few seconds past `document_timeout` is ended, that document fails
    with reason `timeout`, and the rest of its batch goes to a new worker."""

    def __init__(self, settings: dict[str, Any], *, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        # One process per core already uses every core: native thread pools (BLAS, OpenMP) in each
        # worker would oversubscribe them, so pin them to one thread unless the user said otherwise
        # (Dask's nanny does the same for its workers). Workers inherit this environment.
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
        # forkserver, not fork: the parent runs threads (progress display, fetchers) that a fork would copy mid-lock.
        context = multiprocessing.get_context("forkserver")
        self._supervisor = Supervisor(BatchHandler(settings, os.getpid()), context, workers=self.workers,
                                      seconds=float(settings.get("document_timeout") or 0), in_flight=self.workers * 2)

    def map(self, settings: dict[str, Any], batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        """The batches' results in order (the settings are those the engine was made with)."""
        for items, extras in self._supervisor.map(batches):
            yield BatchHandler.result(items, extras)

    def warm(self, settings: dict[str, Any]) -> None:
        self._supervisor.warm()

    def close(self) -> None:
        self._supervisor.close()


def make_engine(name: str, settings: dict[str, Any], *, workers: int | None = None,
                scheduler: str | None = None) -> Engine:
    """The engine called `name`; `scheduler` (tcp://host:port) is for dask only."""
    if name == "serial":
        return SerialEngine()
    if name == "processes":
        return ProcessEngine(settings, workers=workers)
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(scheduler=scheduler, workers=workers)
    raise ConfigError(f"--engine {name}", f"unknown engine; use one of {', '.join(ENGINES)}")
