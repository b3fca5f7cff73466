"""Tone on GDELT's scale: of an article (the "tone" stage, `stage`) and of one sentence (`score`),
the event coder's evidence included; VADER for English (`vader`), a word list elsewhere."""
from .score import article_tone, sentence_tone

__all__ = ["article_tone", "sentence_tone"]
