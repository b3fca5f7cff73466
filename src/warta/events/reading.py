"""The tokens and trigger matches of a sentence, read once for the selector and the coder.

The event coder's sentence selector (asked by the `syntax` stage) and the coder itself (the
`events` stage, later) tokenize the same sentences of the same text and look their words up in
the same trigger finder. The sentences of the article read last are remembered here, per thread
(a server may run several pipelines at once), so the second reader takes the first one's work.
A new text starts the memory afresh: it never holds more than one article's sentences.
"""
from __future__ import annotations

import threading

from .cues import Token, tokenize
from .lexicon import Match
from .triggers import TriggerFinder


class _Last(threading.local):
    """What this thread read of the text it read last."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.tokens: dict[tuple[int, int], list[Token]] = {}
        self.matches: dict[tuple[int, int, int], list[Match]] = {}
        self.finders: list[TriggerFinder] = []  # held, so that their ids stay theirs


_LAST = _Last()


def _memory(text: str) -> _Last:
    if _LAST.text is not text:
        _LAST.text, _LAST.tokens, _LAST.matches, _LAST.finders = text, {}, {}, []
    return _LAST


def sentence_tokens(text: str, start: int, end: int) -> list[Token]:
    """`tokenize(text[start:end], start)`, remembered for the text's other readers (read only)."""
    memory = _memory(text)
    found = memory.tokens.get((start, end))
    if found is None:
        found = memory.tokens[(start, end)] = tokenize(text[start:end], start)
    return found


def sentence_matches(finder: TriggerFinder, text: str, start: int, end: int) -> list[Match]:
    """The trigger matches `finder` finds among the words of text[start:end] (read only)."""
    memory = _memory(text)
    key = (id(finder), start, end)
    found = memory.matches.get(key)
    if found is None:
        if not any(f is finder for f in memory.finders):
            memory.finders.append(finder)
        words = [t.text for t in sentence_tokens(text, start, end)]
        found = memory.matches[key] = finder.matches(words)
    return found
