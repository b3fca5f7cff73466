"""The seam for trigger finding and typing: where a trained classifier can replace the lexicon.

A trigger finder takes the lower-cased words of one sentence and returns its trigger matches:
token spans with a `TriggerPattern` that says the CAMEO code and whether the trigger is a verb
(whose subject acts) or an event noun. The lexicon of the language folder (`lexicon.Lexicon`,
TABARI-style patterns) is the default finder; a learned one registers a factory under a name
and is chosen with the `event_triggers` setting. Everything after finding — the parse gate,
sides, negation, modality, merging — stays the coder's, whatever finds the triggers.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .lexicon import Match, load_lexicon


class TriggerFinder(Protocol):
    """Finds and types the triggers of one sentence."""

    def matches(self, words: list[str]) -> list[Match]:
        """The triggers among `words` (lower-cased tokens), left to right, at most one per start."""
        ...


FinderFactory = Callable[[str], TriggerFinder]  # language code -> the finder for it
_FINDERS: dict[str, FinderFactory] = {"lexicon": load_lexicon}


def register_finder(name: str, factory: FinderFactory) -> None:
    """Make a trigger finder available under `name` (the `event_triggers` setting)."""
    _FINDERS[name] = factory


def finder_names() -> list[str]:
    """The names the `event_triggers` setting accepts."""
    return sorted(_FINDERS)


def trigger_finder(language: str, name: str = "lexicon") -> TriggerFinder:
    """The finder `name` for `language`; KeyError names the unknown finder."""
    if name not in _FINDERS:
        raise KeyError(f"unknown trigger finder {name!r}; known: {', '.join(finder_names())}")
    return _FINDERS[name](language)
