"""Per-document time and memory limits, so one pathological input cannot hang or sink a batch.

Time (`document_timeout`): a one-shot SIGALRM timer around the document. Its handler raises an
exception derived from BaseException, so no stage's `except Exception` swallows it; CPython runs
the handler between bytecodes and inside the re module's matching loop, so Python loops and
regexes stop on time, and a long call into C (lxml parsing a page) stops when it returns. For
that call the limit is held from outside: `warta extract`, a plain ingest and the bulk pool run
documents in worker processes that are ended a little past the limit (warta.supervise).

Memory (`document_memory_mb`): RLIMIT_AS is lowered, for the document, to the address space the
process already maps plus the budget, and restored afterwards; an allocation beyond it raises
MemoryError, which becomes the document's error. Address space is what the kernel can cap per
process without cgroups; it counts more than resident memory (thread stacks, malloc arenas), hence
a generous default. Sizes are capped first and cheaply anyway (`max_input_bytes`, also for
decompressed gzip and WARC records), so this limit is the second line, for what a small input
makes large.

Both need POSIX and the main thread (signals are delivered there, and an rlimit holds for the whole
process): elsewhere (Dask's threaded workers) only the size limits hold. The supervised workers
(warta.supervise) and the API's extraction worker (api/extractor.py, which the server also ends
from outside past the limit) run documents on their main thread. Sentences are capped in
length (`max_sentence_tokens`) so that no stage makes one long call into C that the timer cannot
interrupt.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import DocumentMemoryError, DocumentTimeoutError, WartaError

T = TypeVar("T")
_MB = 1024 * 1024


class _Expired(BaseException):
    """Raised by the alarm handler; a BaseException so that `except Exception` lets it through."""


def _expire(signum: int, frame: Any) -> None:
    raise _Expired


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """How long one document may run and how much memory it may add; 0 turns a limit off."""

    seconds: float = 0.0
    memory_mb: int = 0

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> DocumentLimits:
        """The limits the `document_timeout` and `document_memory_mb` settings ask for."""
        return cls(float(settings.get("document_timeout") or 0), int(settings.get("document_memory_mb") or 0))

    def run(self, source: str, work: Callable[[], T]) -> T:
        """Call `work()` within the limits; an input past one raises a one-line error naming `source`."""
        if not (self.seconds > 0 or self.memory_mb > 0) or threading.current_thread() is not threading.main_thread():
            return work()
        guard = _Guard(self)
        try:
            return self._guarded(source, work, guard)
        except _Expired:  # the timer fired just as the document finished, inside the clean-up
            guard.disarm()
            raise self._timeout(source) from None

    def _guarded(self, source: str, work: Callable[[], T], guard: _Guard) -> T:
        guard.arm()
        try:
            return work()
        except _Expired:
            raise self._timeout(source) from None
        except MemoryError:
            raise self._memory(source) from None
        except WartaError as error:
            if guard.memory_lowered and _caused_by_memory(error):  # a stage turned it into its own error
                raise self._memory(source) from None
            raise
        finally:
            guard.disarm()

    def _timeout(self, source: str) -> DocumentTimeoutError:
        return DocumentTimeoutError(source, f"timed out after {self.seconds:g} s (setting document_timeout)")

    def _memory(self, source: str) -> DocumentMemoryError:
        return DocumentMemoryError(source, f"needed more than {self.memory_mb} MB (setting document_memory_mb)")


class _Guard:
    """Arms the timer and lowers the address-space limit; `disarm` undoes both, any number of times."""

    def __init__(self, limits: DocumentLimits) -> None:
        self.limits = limits
        self.handler: Any = None
        self.timer_set = False
        self.previous_soft: int | None = None
        self.memory_lowered = False

    def arm(self) -> None:
        # Another timer already running (an outer limit, a test harness) is left alone.
        if self.limits.seconds > 0 and hasattr(signal, "setitimer") and signal.getitimer(signal.ITIMER_REAL)[0] == 0:
            self.handler = signal.signal(signal.SIGALRM, _expire)
            self.timer_set = True
            signal.setitimer(signal.ITIMER_REAL, self.limits.seconds)  # one shot: it fires at most once
        if self.limits.memory_mb > 0:
            self.previous_soft = _lower_address_space(self.limits.memory_mb)
            self.memory_lowered = self.previous_soft is not None

    def disarm(self) -> None:
        if self.timer_set:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.handler if self.handler is not None else signal.SIG_DFL)
            self.timer_set = False
        if self.memory_lowered:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (self.previous_soft, resource.getrlimit(resource.RLIMIT_AS)[1]))
            self.memory_lowered = False


def _lower_address_space(budget_mb: int) -> int | None:
    """Cap the address space at what is mapped now plus `budget_mb`; returns the old soft limit,
    or None when nothing was changed (no /proc, no resource module, a tighter limit in place)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            mapped = int(statm.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = mapped + budget_mb * _MB
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft != resource.RLIM_INFINITY and soft <= limit:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return soft
    except (ImportError, OSError, ValueError):
        return None


def _caused_by_memory(error: BaseException) -> bool:
    """Whether a MemoryError is among the causes or contexts of `error` (a few levels deep)."""
    seen: BaseException | None = error
    for _ in range(8):
        seen = seen.__cause__ or seen.__context__
        if seen is None:
            return False
        if isinstance(seen, MemoryError):
            return True
    return False
