"""The exceptions warta raises, and the tally of inputs dropped by reason.

Every error a user can meet is a `WartaError`; the CLI prints its one-line message (naming the
input and the reason) and never a traceback.
"""
from __future__ import annotations

import re
from collections import Counter

_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str, limit: int) -> str:
    """`text` on one line for a message: control characters and line breaks escaped ("\\n"), at most
    `limit` characters (a file name or WARC record id may hold anything)."""
    text = _BREAKS.sub(lambda m: repr(m.group())[1:-1], str(text))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def message(source: str, detail: str) -> str:
    """The one line a user sees for a dropped input: its name and the reason."""
    return f"{one_line(source, 500)}: {one_line(detail, 500)}"


class WartaError(Exception):
    """Base of every error warta reports to a user."""

    reason = "error"
    stage: str | None = None  # the pipeline stage that was running, when one was

    def __init__(self, source: str, detail: str) -> None:
        super().__init__(message(source, detail))
        self.source = source
        self.detail = detail

    def __reduce__(self) -> tuple:
        # Pickled whole (a worker process sends it back): not rebuilt from its message, and with
        # the attributes a subclass or a stage set (`stage`, a fetch error's `reason`).
        return _restore, (type(self), self.args, self.__dict__)


def _restore(kind: type[WartaError], args: tuple, state: dict) -> WartaError:
    """A pickled WartaError again, without calling its __init__ (whose signature varies)."""
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


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


class DocumentTimeoutError(WartaError):
    """One input took longer than the `document_timeout` setting; the batch goes on."""

    reason = "timeout"


class DocumentMemoryError(WartaError):
    """One input needed more memory than the `document_memory_mb` setting allows; the batch goes on."""

    reason = "memory"


class DocumentSizeError(WartaError):
    """One input holds more than a per-document cap allows (`max_document_tokens`); the batch goes on."""

    reason = "too-large"


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
