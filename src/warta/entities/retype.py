"""Names a tagger typed PLACE that the text shows to be something else.

- An outlet: a name right after a phrase citing a publication ("dikutip dari X", "melansir X":
  `entities_outlet_cues.txt`) is an organisation.
- A family: "the Bidens" is the plural of the surname of a person the article names ("Joe
  Biden"), people, not a place.

Only names the knowledge base does not know as places, and that no rule placed, are retyped.
"""
from __future__ import annotations

import re
from functools import cache

from ..kb import load_kb
from ..model import Entity
from .lexicon import word_list
from .within import PLACE_TYPES

_CUE_REACH = 30  # characters before a mention looked at for a citing phrase


@cache
def _outlet_cue(code: str) -> re.Pattern[str]:
    """A citing phrase ending right before a name."""
    cues = sorted(word_list(code, "entities_outlet_cues.txt") | word_list("id", "entities_outlet_cues.txt"),
                  key=len, reverse=True)
    alternatives = "|".join(re.escape(c) for c in cues) or "(?!)"
    return re.compile(rf"(?:^|\W)(?:{alternatives})[\s,]+$", re.IGNORECASE)


def retyped(entities: tuple[Entity, ...], text: str, code: str) -> tuple[Entity, ...]:
    """The entities, each unknown PLACE that is an outlet or a family given its type."""
    surnames = {e.name.split()[-1] for e in entities if e.type == "PERSON" and len(e.name.split()) >= 2}
    cue = _outlet_cue(code)
    out = []
    for e in entities:
        if _unknown_place(e):
            if any(cue.search(text, max(0, m.start - _CUE_REACH), m.start) for m in e.mentions):
                e = e.replace(type="ORG", id=f"org:{e.id.split(':', 1)[-1]}")
            elif e.name.endswith("s") and e.name[:-1] in surnames:
                e = e.replace(type="PERSON", id=f"person:{e.id.split(':', 1)[-1]}")
        out.append(e)
    return tuple(out)


def _unknown_place(e: Entity) -> bool:
    """A PLACE the KB does not know and no rule placed."""
    if e.type not in PLACE_TYPES or e.iso3 or e.country or e.geonames is not None:
        return False
    return not any(entry.coarse == "PLACE" for entry, _ in load_kb().lookup(e.name))
