"""Syntax: Universal Dependencies parses of sentences (the `syntax` stage).

`warta.syntax.tree` answers questions about a parse (subject, object, agent of a verb...);
`warta.syntax.select.register_selector` lets a consumer say which sentences it wants parsed.
"""
from __future__ import annotations

from . import stage as stage  # registers the stage
from .select import register_selector, unregister_selector, wanted_sentences, word_selector

__all__ = ["register_selector", "unregister_selector", "wanted_sentences", "word_selector"]
