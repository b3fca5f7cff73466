"""The country of a person the entity index could not link: "President Bush", "Chirac",
"Jean-Bertrand Aristide".

The index keeps people's full names; a person named by surname, by title and surname, or with
a hyphen the index spells as a space is left without a country, so an event with them had no
side. Read here: the index under the name's spaced form, then `kb/surnames.tsv` (built from the
Phoenix country actors by tools/warta_build/surnames.py: a key is a surname or a title and
surname, kept only when everyone it can name acts for one country) under the words before the
mention and the surname. A Phoenix person whose years end before the article's date is not
read for it: a surname of 1990s news names someone else in 2025.
"""
from __future__ import annotations

import re

from ..kb import load_kb, name_key, surname_table
from ..model import Actor, Article, Entity

TITLE_WORDS = 5  # the most words of a title read before a surname ("secretary of state")
SLACK_YEARS = 1  # a person's years, widened for an article dated just after them


def _spaced_key(text: str) -> str:
    return " ".join(re.sub(r"[-_]", " ", name_key(text)).split())


def _in_years(found: tuple[str, str, int | None, int | None], year: int | None) -> bool:
    _, _, first, last = found
    if year is None:
        return True
    return (first is None or year >= first - SLACK_YEARS) and (last is None or year <= last + SLACK_YEARS)


def _indexed(entity: Entity) -> Actor | None:
    """The person under the name's spaced form ("jean bertrand aristide")."""
    spaced = _spaced_key(entity.name)
    if spaced == name_key(entity.name):
        return None
    for entry, _strict in load_kb().lookup(spaced):
        if entry.type == "PERSON" and entry.country:
            return Actor(name=entity.name, country=entry.country, code=entry.cameo or entry.country, entity=entity.id)
    return None


def _titled(entity: Entity, text: str, year: int | None) -> Actor | None:
    """The country of the longest key of title words before a mention and the surname."""
    table = surname_table()
    surname = _spaced_key(entity.name).split()[-1:]
    if not surname or not any(c.isalpha() for c in surname[0]):
        return None
    for mention in entity.mentions:
        before = _spaced_key(re.sub(r"[^\w\s-]", " ", text[max(0, mention.start - 60):mention.start])).split()
        for n in range(min(TITLE_WORDS, len(before)), -1, -1):
            found = table.get(" ".join(before[len(before) - n:] + surname))
            if found and _in_years(found, year):
                return Actor(name=entity.name, country=found[0], code=found[1], entity=entity.id)
    return None


def person_actor(entity: Entity, article: Article, *, dated: bool = True) -> Actor | None:
    """The side of a PERSON entity with no country, when the name says whose it is (checked
    against the article's date with `dated`)."""
    if entity.type.upper() != "PERSON" or entity.country or entity.iso3 or not entity.name.strip():
        return None
    year = int(article.published[:4]) if dated and (article.published or "")[:4].isdigit() else None
    return _indexed(entity) or _titled(entity, article.text, year)
