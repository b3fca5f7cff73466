"""Documents run in worker processes that the parent ends from outside: a wall-clock limit that holds.

The timer of `warta.limits` stops Python code and the regex engine on time, but not one long call
into C (lxml on a huge page, a parser's inner loop, anything that never returns to the
interpreter): its handler runs only once the call returns. So `warta extract`, a plain
`warta ingest` and the bulk pool run their documents in worker processes, and the parent, which
only reads inputs and writes results, keeps a deadline for each worker's current document: the
`document_timeout` setting plus GRACE seconds. A worker past it is killed (SIGKILL), its document
fails with reason `timeout`, and the rest of its batch goes to a new worker. Only the parent
writes, so a killed worker leaves nothing half-stored, and no document is lost or done twice. A
worker that dies on its own (a crash, the kernel's out-of-memory killer) fails its document the
same way, with reason `crashed`.

What a worker does is a `Handler` (a picklable object): `prepare` builds its pipeline once, `run`
turns one document into a result, `finish` closes a batch (counters); `lost` is called in the
parent for a document whose worker was ended.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from .errors import DocumentTimeoutError, WartaError
from .model import Document

GRACE = 2.0  # seconds past document_timeout before a worker is ended from outside


class WorkerCrashError(WartaError):
    """A worker process died while running one input (a crash, the kernel's out-of-memory killer)."""

    reason = "crashed"


class EngineError(WartaError):
    """The workers themselves failed (one died while starting); the run can resume."""

    reason = "engine"


class Handler(Protocol):
    """What a worker process does with documents (the methods but `lost` run in the worker)."""

    def prepare(self) -> None:
        """Build the pipeline and load its models, once per worker."""

    def run(self, document: Document) -> Any:
        """One document's result (picklable); never raises for a bad input."""

    def finish(self) -> Any:
        """Said after each batch (counters since the last call); picklable."""

    def lost(self, document: Document, error: WartaError) -> Any:
        """In the parent: the result of a document whose worker was ended (`error` says why)."""


@dataclass(eq=False)
class _Job:
    """One batch in flight: its documents and the results come back so far."""

    documents: list[Document]
    results: list[Any] = field(default_factory=list)
    extras: list[Any] = field(default_factory=list)
    open: int = 1  # parts of the batch given to a worker (or waiting for one) and not yet finished

    def __post_init__(self) -> None:
        self.results = [None] * len(self.documents)


class _Worker:
    """The parent's side of one worker process: its pipe, and what it is running since when."""

    def __init__(self, context: Any, handler: Handler) -> None:
        mine, theirs = context.Pipe()
        # A forked child inherits this end too: it is passed so that the child closes it (the pipe
        # then ends when the parent does); another start method does not pass it.
        inherited = mine if context.get_start_method() == "fork" else None
        self.process = context.Process(target=serve, args=(theirs, handler, inherited), daemon=True,
                                       name="warta-worker")
        self.process.start()
        theirs.close()  # kept only by the child: its death is an end of file here
        self.conn: Connection = mine
        self.ready = False
        self.job: _Job | None = None
        self.index = 0  # of the document the worker is running, in job.documents
        self.clock = 0.0  # when it started that document (its last message)

    def give(self, job: _Job, start: int) -> None:
        self.conn.send(job.documents[start:])
        self.job, self.index, self.clock = job, start, time.monotonic()

    def end(self) -> None:
        """Kill the process (whatever it is doing) and close the pipe."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)
        self.conn.close()


class Supervisor:
    """Worker processes running batches of documents, their results yielded in batch order."""

    def __init__(self, handler: Handler, context: Any, *, workers: int = 1, seconds: float = 0.0,
                 grace: float = GRACE, in_flight: int | None = None) -> None:
        """`seconds` is the per-document limit (0: none) that a worker is ended past (plus `grace`)."""
        self.handler = handler
        self.context = context
        self.seconds = seconds
        self.grace = grace
        self.in_flight = in_flight or workers
        self.workers = [_Worker(context, handler) for _ in range(workers)]
        self.todo: deque[tuple[_Job, int]] = deque()  # parts of batches waiting for a worker

    def warm(self) -> None:
        """Wait until every worker has built its pipeline."""
        while not all(w.ready for w in self.workers):
            self._step()

    def map(self, batches: Iterable[list[Document]]) -> Iterator[tuple[list[Any], list[Any]]]:
        """Each batch's results (in document order) and its workers' `finish` values, in batch order."""
        source = iter(batches)
        window: deque[_Job] = deque()
        exhausted = False
        while True:
            while not exhausted and len(window) < self.in_flight:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                elif batch:
                    window.append(_Job(batch))
                    self.todo.append((window[-1], 0))
            if window and window[0].open == 0:
                job = window.popleft()
                yield job.results, job.extras
                continue  # its place in the window goes to the next batch before any wait
            if exhausted and not window:
                return
            self._step()

    def close(self) -> None:
        """End every worker."""
        for worker in self.workers:
            worker.end()
        self.workers = []

    def _step(self) -> None:
        """Give waiting batches to idle workers, then wait for a message or a deadline."""
        for worker in self.workers:
            if worker.ready and worker.job is None and self.todo:
                worker.give(*self.todo.popleft())
        for conn in wait([w.conn for w in self.workers], self._next_deadline()):
            worker = next(w for w in self.workers if w.conn is conn)
            self._receive(worker)
        self._end_overdue()

    def _next_deadline(self) -> float | None:
        busy = [w.clock for w in self.workers if w.job is not None]
        if not busy or self.seconds <= 0:
            return None
        return max(0.0, min(busy) + self.seconds + self.grace - time.monotonic())

    def _receive(self, worker: _Worker) -> None:
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker, self._crash)
            return
        if kind == "ready":
            worker.ready = True
        elif kind == "failed":  # the pipeline could not be built (a bad setting): nothing can run
            self.close()
            raise value
        elif kind == "item":
            assert worker.job is not None
            worker.job.results[worker.index] = value
            worker.index += 1
            worker.clock = time.monotonic()
        else:  # "end" of the part of a batch the worker was given
            assert worker.job is not None
            worker.job.extras.append(value)
            worker.job.open -= 1
            worker.job = None

    def _end_overdue(self) -> None:
        if self.seconds <= 0:
            return
        now = time.monotonic()
        for worker in list(self.workers):
            # A worker with a message waiting is not stuck (it may be blocked writing a large result).
            if worker.job is not None and now > worker.clock + self.seconds + self.grace and not worker.conn.poll():
                self._replace(worker, self._timeout)

    def _timeout(self, document: Document, worker: _Worker) -> WartaError:
        return DocumentTimeoutError(document.source, f"timed out after {self.seconds:g} s "
                                                     "(setting document_timeout; its worker was ended)")

    def _crash(self, document: Document, worker: _Worker) -> WartaError:
        return WorkerCrashError(document.source, f"the worker process died on it (exit code {worker.process.exitcode})")

    def _replace(self, worker: _Worker, why: Any) -> None:
        """End `worker`, fail the document it was running, queue the rest of its part, start another."""
        worker.end()
        if not worker.ready:
            self.close()
            raise EngineError("worker", f"a worker process died while starting (exit code {worker.process.exitcode})")
        job = worker.job
        if job is not None:
            document = job.documents[worker.index]
            job.results[worker.index] = self.handler.lost(document, why(document, worker))
            job.open -= 1
            if worker.index + 1 < len(job.documents):
                job.open += 1
                self.todo.appendleft((job, worker.index + 1))
        self.workers[self.workers.index(worker)] = _Worker(self.context, self.handler)


def serve(conn: Connection, handler: Handler, inherited: Connection | None = None) -> None:
    """A worker's loop: build the pipeline, then run each batch the parent sends, one message per
    document, until the parent closes the pipe (or sends None)."""
    if inherited is not None:
        inherited.close()
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    try:
        try:
            handler.prepare()
        except WartaError as error:
            conn.send(("failed", error))
            return
        conn.send(("ready", os.getpid()))
        while (documents := conn.recv()) is not None:
            for document in documents:
                conn.send(("item", handler.run(document)))
            conn.send(("end", handler.finish()))
    except (EOFError, BrokenPipeError, ConnectionResetError):  # the parent is gone
        return


def _die_with_parent() -> None:
    """Have the kernel kill this worker when its parent ends (Linux's PR_SET_PDEATHSIG): a parent
    killed with SIGKILL cannot end a worker stuck in C, and a stuck worker notices nothing itself.
    (A forkserver's workers die with the forkserver, which ends with the process that started it.)"""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # the pipeline imports it anyway

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent ended before the request was made
        os._exit(1)
