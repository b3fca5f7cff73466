"""Quotations with their speakers: direct quotes in every quote style, and reported speech.

`marks` finds quoted stretches, `attribution` the cue and speaker phrase around them,
`speakers` turns a phrase into a speaker (the linked entity when there is one), `reported` reads
reported speech, and `stage` puts them together as the "quotes" stage.
"""
from .stage import QuoteStage

__all__ = ["QuoteStage"]
