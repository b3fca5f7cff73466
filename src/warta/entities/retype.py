"""Names a tagger typed PLACE that the text shows to be something else.

- An outlet: a name right after a phrase citing a publication ("dikutip dari X", "melansir X":
  `entities_outlet_cues.txt`) is an organisation.
- A family: "the Bidens" is the plural of the surname of a person the article names ("Joe
  Biden"), people, not a place.
- An organisation: a name opening with a word that heads organisations' names ("Fraksi X",
  "Badan X": `quote_org_heads.txt`), unless the word names a site ("Gedung X", a building).
- A speaker: a name right before a speech verb (`quote_cues.tsv`: "X mengatakan", "X said")
  speaks, which a place does not: an organisation when it is an acronym or holds an organisation
  word ("Kemlu Israel"), else a person ("Yuliot Tanjung mengatakan").

Only names the knowledge base does not know as places, and that no rule placed, are retyped.
"""
from __future__ import annotations

import re
from functools import cache

from ..kb import load_kb
from ..lang.folders import read_lines
from ..model import Entity
from .lexicon import citing_phrases, word_list
from .roles import org_words
from .within import PLACE_TYPES

_CUE_REACH = 30  # characters before a mention looked at for a citing phrase


@cache
def _outlet_cue(code: str) -> re.Pattern[str]:
    """A citing phrase ending right before a name."""
    alternatives = "|".join(re.escape(c) for c in citing_phrases(code)) or "(?!)"
    return re.compile(rf"(?:^|\W)(?:{alternatives})[\s,]+$", re.IGNORECASE)


@cache
def _org_heads(code: str) -> frozenset[str]:
    """Words that make a name an organisation's: "Fraksi", "Kemlu" (quote_org_heads.txt) and
    "Group", "Fund" (entities_org_words.txt), of `code` and of Indonesian."""
    return org_words(code) | word_list(code, "quote_org_heads.txt") | word_list("id", "quote_org_heads.txt")


@cache
def _site_words(code: str) -> frozenset[str]:
    """Words naming a site (entities_site_words.txt: "Gedung", "Kantor"): a building named after
    the body it houses is still a place."""
    return word_list(code, "entities_site_words.txt") | word_list("id", "entities_site_words.txt")


@cache
def _speech_verb(code: str) -> re.Pattern[str]:
    """A speech verb right after a name: the name is its speaker (quote_cues.tsv, kind "verb")."""
    verbs = {cells[0].strip().casefold() for cells in (line.split("\t") for line in read_lines(code, "quote_cues.tsv"))
             if len(cells) > 1 and cells[1].strip() == "verb"}
    alternatives = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"[ \t]+(?:{alternatives})\b", re.IGNORECASE)


def retyped(entities: tuple[Entity, ...], text: str, code: str) -> tuple[Entity, ...]:
    """The entities, each unknown PLACE that is an outlet, a family or a speaker given its type."""
    surnames = {e.name.split()[-1] for e in entities if e.type == "PERSON" and len(e.name.split()) >= 2}
    cue = _outlet_cue(code)
    out = []
    for e in entities:
        if _unknown_place(e):
            if any(cue.search(text, max(0, m.start - _CUE_REACH), m.start) for m in e.mentions):
                e = e.replace(type="ORG", id=f"org:{e.id.split(':', 1)[-1]}")
            elif e.name.endswith("s") and e.name[:-1] in surnames:
                e = e.replace(type="PERSON", id=f"person:{e.id.split(':', 1)[-1]}")
            elif e.name.split()[0].casefold() in _org_heads(code) - _site_words(code):
                e = e.replace(type="ORG", id=f"org:{e.id.split(':', 1)[-1]}")
            elif any(_speech_verb(code).match(text, m.end) for m in e.mentions):
                kind = "ORG" if e.name.isupper() or set(e.name.casefold().split()) & _org_heads(code) else "PERSON"
                e = e.replace(type=kind, id=f"{kind.lower()}:{e.id.split(':', 1)[-1]}")
        out.append(e)
    return tuple(out)


def _unknown_place(e: Entity) -> bool:
    """A PLACE the KB does not know and no rule placed."""
    if e.type not in PLACE_TYPES or e.iso3 or e.country or e.geonames is not None:
        return False
    return not any(entry.coarse == "PLACE" for entry, _ in load_kb().lookup(e.name))
