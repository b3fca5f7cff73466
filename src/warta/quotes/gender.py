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
        """The one gender the mentions' honorifics and the name tell; none when they disagree (the
        linker may have merged a couple: "Mrs. Scott" and "Mr. Scott")."""
        told = set()
        for mention in entity.mentions:
            before = _WORD.findall(self.text[max(0, mention.start - BEFORE):mention.start])
            told.update(self.of_word(w) for w in before[-1:] + _given(mention.text or ""))
        told.update(self.of_word(w) for w in _given(entity.name))
        told.discard(None)
        return told.pop() if len(told) == 1 else None

    def of_speaker(self, speaker: dict[str, Any]) -> str | None:
        """The gender of a resolved speaker (an entity's, else its name's or role's first word)."""
        entity = self.entities.get(speaker.get("entity") or "")
        if entity is not None:
            return self.of_entity(entity)
        role = _WORD.findall(speaker.get("role") or "")
        for word in role[-1:] + _given(speaker.get("name") or ""):  # "Mrs", "Maria" of "Maria Lopez"
            if self.of_word(word):
                return self.of_word(word)
        return None

    def fits(self, gender: str | None, speaker: dict[str, Any]) -> bool:
        """Whether a pronoun of `gender` may stand for `speaker` (an unknown side always fits)."""
        if gender is None:
            return True
        known = self.of_speaker(speaker)
        return known is None or known == gender


def _given(name: str) -> list[str]:
    """The given name of a full name ("Maria" of "Maria Lopez"); none of a lone word, which is
    as often a surname ("Scott", "Henry")."""
    words = _WORD.findall(name)
    return words[:1] if len(words) > 1 else []
