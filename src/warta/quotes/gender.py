"""Gender where the article tells it, so that "she said" does not go to a man (issue 19).

A person's gender is known from the honorific or title written before one of their mentions
("Mrs. Ortiz", "Ibu Retno", "Queen Rania") or from their given name; a pronoun's from the
language's `quote_gender.tsv` ("he", "she"). Where either is unknown, any person fits: the list
tells only what it knows, and Indonesian pronouns have no gender at all.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Article, Entity
from .cues import Cues

BEFORE = 12  # characters before a mention that may hold its honorific ("Mrs. ", "Bapak ")
_WORD = re.compile(r"[^\W\d_]+")


class Genders:
    """The genders of one article's persons and pronouns."""

    def __init__(self, article: Article, cues: Cues) -> None:
        self.text = article.text
        self.words = cues.genders
        self.entities = {e.id: e for e in article.entities}
        self.known: dict[str, str | None] = {}

    def of_word(self, word: str) -> str | None:
        """The gender a word tells ("she", "Mrs.", "Maria"), None when it tells none."""
        return self.words.get(word.lower().rstrip("."))

    def of_entity(self, entity: Entity) -> str | None:
        """A person's gender from an honorific before any mention, else from the given name."""
        if entity.id not in self.known:
            self.known[entity.id] = self._read(entity)
        return self.known[entity.id]

    def _read(self, entity: Entity) -> str | None:
        for mention in entity.mentions:
            before = _WORD.findall(self.text[max(0, mention.start - BEFORE):mention.start])
            found = self.of_word(before[-1]) if before else None
            written = _WORD.findall(mention.text or "")
            found = found or (self.of_word(written[0]) if written else None)
            if found:
                return found
        names = _WORD.findall(entity.name)
        return self.of_word(names[0]) if names else None

    def of_speaker(self, speaker: dict[str, Any]) -> str | None:
        """The gender of a resolved speaker (an entity's, else its name's or role's first word)."""
        entity = self.entities.get(speaker.get("entity") or "")
        if entity is not None:
            return self.of_entity(entity)
        for field in ("role", "name"):
            words = _WORD.findall(speaker.get(field) or "")
            if words and self.of_word(words[0]):
                return self.of_word(words[0])
        return None

    def fits(self, gender: str | None, speaker: dict[str, Any]) -> bool:
        """Whether a pronoun of `gender` may stand for `speaker` (an unknown side always fits)."""
        if gender is None:
            return True
        known = self.of_speaker(speaker)
        return known is None or known == gender
