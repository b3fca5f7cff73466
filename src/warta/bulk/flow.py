"""What every engine shares: how many workers a machine has, and the ordered window of batches.

Its own module so that the engines (engines.py) and the Dask engine (dask_engine.py) both import
it without importing each other.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..model import Document
from .worker import BatchResult


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered(submit: Callable[[list[Document]], Any], result: Callable[[Any], BatchResult],
            batches: Iterable[list[Document]], *, in_flight: int) -> Iterator[BatchResult]:
    """Submit batches keeping at most `in_flight` pending; yield their results in submission order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())
