"""The exceptions warta raises, and the tally of inputs dropped by reason.

Every error a user can meet is a `WartaError`; the CLI prints its one-line message (naming the
input and the reason) and never a traceback.
"""
from __future__ import annotations

from collections import Counter


class WartaError(Exception):
    """Base of every error warta reports to a user."""

    reason = "error"

    def __init__(self, source: str, detail: str) -> None:
        super().__init__(f"{source}: {detail}")
        self.source = source
        self.detail = detail


class InputError(WartaError):
    """An input could not be read at all (missing, unreadable, unknown kind)."""

    reason = "unreadable"


class EmptyInputError(InputError):
    """An input holds no text."""

    reason = "empty"


class BinaryInputError(InputError):
    """An input is binary data, not a page or text."""

    reason = "binary"


class NotArticleError(WartaError):
    """An input was read but holds no article body."""

    reason = "not-article"


class StageError(WartaError):
    """A stage failed on one input in a way it did not foresee; the batch goes on."""

    reason = "stage-failed"


class ConfigError(WartaError):
    """A setting or pipeline is invalid (bad value, unmet stage contract)."""

    reason = "config"


class DropCounter(Counter):
    """Counts dropped inputs by reason, as scrapy's stats do."""

    def drop(self, error: WartaError) -> None:
        """Record one dropped input."""
        self[error.reason] += 1

    def summary(self) -> str:
        """One line such as 'dropped 3 inputs: empty 2, binary 1'."""
        total = sum(self.values())
        parts = ", ".join(f"{reason} {n}" for reason, n in self.most_common())
        return f"dropped {total} input{'s' if total != 1 else ''}: {parts}"
