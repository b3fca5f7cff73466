"""Inputs through the pipeline for `warta extract` and a plain `warta ingest`, in input order.

With a time limit set (`document_timeout`), the documents run in one worker process forked from
this one (warta.supervise): the worker loads the models and runs each document, this process
reads the inputs and prints or stores the articles, and a document still running a few seconds
past its limit (a long call into C that the timer cannot stop) is ended with its worker and fails
with reason `timeout`; a new worker takes the next input. A fork costs about a millisecond in a
process that has loaded no models yet, so the first result is not delayed. Without a limit, or
where there is no fork, the documents run in this process, as the library's `warta.extract` does.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import WartaError
from .model import Document
from .pipeline import Outcome, Pipeline
from .supervise import Supervisor


class PipelineHandler:
    """A worker's side: the pipeline built from `settings`, an Outcome per document."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.pipeline: Pipeline | None = None
        self.loading: Any = None

    def prepare(self) -> None:
        from .gcpolicy import LoadingPhase

        self.loading = LoadingPhase().start()  # the first input loads the models: see warta.gcpolicy
        self.pipeline = Pipeline.build(self.settings)

    def run(self, document: Document) -> Outcome:
        assert self.pipeline is not None
        outcome = self.pipeline.run(document)
        self.loading.settle()
        return outcome

    def finish(self) -> None:
        return None

    def lost(self, document: Document, error: WartaError) -> Outcome:
        return Outcome(document.source, error=error)


def run_inputs(settings: dict[str, Any], items: Iterable[Document | WartaError]) -> Iterator[Outcome]:
    """Each input's outcome, in input order (a reading error passes through as the outcome)."""
    seconds = float(settings.get("document_timeout") or 0)
    if seconds <= 0 or "fork" not in multiprocessing.get_all_start_methods():
        yield from _here(settings, items)
        return
    supervisor = Supervisor(PipelineHandler(settings), multiprocessing.get_context("fork"), seconds=seconds,
                            in_flight=2)  # the next document waits in the worker's pipe: no idle gap
    try:
        yield from _supervised(supervisor, items)
    finally:
        supervisor.close()


def _here(settings: dict[str, Any], items: Iterable[Document | WartaError]) -> Iterator[Outcome]:
    handler = PipelineHandler(settings)
    handler.prepare()
    assert handler.pipeline is not None
    for outcome in handler.pipeline.run_batches(items, batch_size=settings["batch_size"]):
        handler.loading.settle()
        yield outcome


def _supervised(supervisor: Supervisor, items: Iterable[Document | WartaError]) -> Iterator[Outcome]:
    """The worker's outcomes, one document a batch, with the reading errors in their places."""
    read: deque[Document | WartaError] = deque()

    def documents() -> Iterator[list[Document]]:
        for item in items:
            read.append(item)
            if not isinstance(item, WartaError):
                yield [item]

    for results, _ in supervisor.map(documents()):
        while isinstance(read[0], WartaError):
            error = read.popleft()
            yield Outcome(error.source, error=error)
        read.popleft()
        yield results[0]
    while read:  # errors after the last document
        error = read.popleft()
        assert isinstance(error, WartaError)
        yield Outcome(error.source, error=error)
