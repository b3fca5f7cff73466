"""Amounts: money with its currency (ISO 4217), percentages and counts of things, in Indonesian
and English number styles. `figures` finds and reads figures, `lexicon` loads the language data,
`stage` decides which figures are amounts and registers the "amounts" stage.
"""
from .figures import Figure, find_figures, parse_number
from .stage import AmountStage

__all__ = ["AmountStage", "Figure", "find_figures", "parse_number"]
