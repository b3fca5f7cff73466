"""Progress on stderr: a rich bar with count, rate and ETA while a long command runs.

The bar is drawn only when stderr is a terminal and --quiet was not given, so logs and pipes stay
clean; the closing per-stage counters are printed unless --quiet.
"""
from __future__ import annotations

import sys
from typing import Any, Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second, from rich's moving estimate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f}/s" if speed else "–/s", style="progress.data.speed")


class Bar:
    """One progress bar, or nothing at all when it should not be drawn."""

    def __init__(self, description: str, *, total: int | None = None, quiet: bool = False,
                 console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.enabled = not quiet and (console is not None or sys.stderr.isatty())
        self._progress: Progress | None = None
        self._task: Any = None
        if self.enabled:
            self._progress = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(), TextColumn("eta"),
                                      TimeRemainingColumn(), console=self.console, transient=False)
            self._task = self._progress.add_task(description, total=total)

    def __enter__(self) -> Self:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def describe(self, description: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=description)
