"""Extraction for the API in a worker process, under the same per-document limits as the CLI.

`POST /api/articles` with a page or text runs the pipeline here, not in the server: in a process of
its own the document's time limit (a timer signal) and memory limit (address space) hold as they do
for `warta extract` — neither can be set on a server thread — and a document that sinks its worker
costs the server nothing but a new worker. The server waits at most the time limit plus a grace
period, then ends the worker, so a call into C that ignores the timer cannot hold a request either.
"""
from __future__ import annotations

import multiprocessing
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import DocumentMemoryError, DocumentTimeoutError, WartaError
from ..model import Article

GRACE = 10.0  # seconds past document_timeout before the worker is ended from outside
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_PIPELINES: dict[tuple, Any] = {}


class Extractor:
    """One worker process (started on first use, replaced when it dies) that extracts documents."""

    def __init__(self, settings: dict[str, Any], *, work: Any = None, grace: float = GRACE) -> None:
        """`work` (a module-level function, as `extract_here`) is what the worker runs."""
        self.settings = dict(settings)
        self.work = work or extract_here
        self.grace = grace
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def extract(self, content: str, *, url: str | None, source: str, metadata: dict[str, Any]) -> Article:
        """The article of a page or text, or the WartaError saying why there is none."""
        content = _SURROGATES.sub("\ufffd", content)  # JSON may carry lone surrogates; no encoder takes them
        seconds = float(self.settings.get("document_timeout") or 0)
        future = self._worker().submit(self.work, self.settings, content, url, source, metadata)
        try:
            result = future.result(timeout=seconds + self.grace if seconds else None)
        except FutureTimeout:
            self._restart()
            raise DocumentTimeoutError(source, f"timed out after {seconds:g} s (setting document_timeout)") from None
        except BrokenProcessPool:
            self._restart()
            raise DocumentMemoryError(source, "the extraction worker died (setting document_memory_mb)") from None
        if isinstance(result, tuple):
            raise _error(*result)
        return Article.from_json(result)

    def warm(self) -> None:
        """Start the worker and load its pipeline now, in the background (the first document would
        otherwise wait for both)."""
        self._worker().submit(warm_up, self.settings)

    def _worker(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: a fork of a server with threads and open connections is not safe.
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def _restart(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):  # noqa: SLF001 (no public way to end a worker)
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """End the worker."""
        self._restart()


def extract_here(settings: dict[str, Any], content: str, url: str | None, source: str,
                 metadata: dict[str, Any]) -> str | tuple[str, str, str]:
    """In the worker: the article's JSON, or its error as (class name, source, detail); the limits
    hold, as this is the worker's main thread."""
    import warta

    try:
        return warta.extract(content, url=url, source=source, metadata=metadata, **_overrides(settings)).to_json()
    except WartaError as error:
        return type(error).__name__, error.source, error.detail


def warm_up(settings: dict[str, Any]) -> None:
    """In the worker: run one small text through the pipeline, so that its models are loaded."""
    extract_here(settings, "Warm-up\n\nMinisters of Indonesia and Malaysia met in Jakarta on Tuesday, the ministry said.",
                 None, "<warm-up>", {})


def _error(name: str, source: str, detail: str) -> WartaError:
    """The error a worker sent back as its parts (a WartaError does not pickle by its message)."""
    from .. import errors

    kind = getattr(errors, name, None)
    if not (isinstance(kind, type) and issubclass(kind, WartaError)):
        kind = errors.StageError
    return kind(source, detail)


def _overrides(settings: dict[str, Any]) -> dict[str, Any]:
    from ..settings import SETTINGS

    return {s.name: settings[s.name] for s in SETTINGS if s.name in settings and settings[s.name] != s.default}
