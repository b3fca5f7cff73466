"""Places inside the place the text says they are in: "Hotel Borobudur, Jakarta", "the embassy
in Tehran", "Gedung Bundar Kejagung, Jakarta Selatan".

A site or small place the knowledge base does not know (a hotel, a square, a village) has no
country and no coordinates of its own; when the text names it followed by the place it is in —
after a comma, or after a word that puts it inside (`entities_within.txt`: "di", "in", "at") —
it takes that place's country, and its GeoNames id when that place is below country level (a
city), so that it is geocoded at the city it is in, as GDELT geocodes a landmark. Names in
between (an institution: "Gedung Bundar Kejagung, Jakarta") are stepped over, up to
`MAX_STEPS` of them.
"""
from __future__ import annotations

import re
from functools import cache

from ..kb import load_kb
from ..model import Entity
from .lexicon import word_list

PLACE_TYPES = frozenset({"PLACE", "CITY", "REGION", "FAC", "LOC", "GPE"})
MAX_STEPS = 2  # names stepped over between a site and the place it is in
_GAP = 24  # characters looked at after a name for the separator


@cache
def _separator(code: str) -> re.Pattern[str]:
    """A comma, a space, or a word putting what precedes inside what follows ("di", "in")."""
    words = sorted(word_list(code, "entities_within.txt") | word_list("id", "entities_within.txt"), key=len, reverse=True)
    inside = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s*,\s*|\s+(?:(?:{inside})\s+)?" if inside else r"\s*,\s*|\s+", re.IGNORECASE)


def placed_within(entities: tuple[Entity, ...], text: str, code: str) -> tuple[Entity, ...]:
    """The entities, each unplaced place (no country, no KB reading) given the country (and
    GeoNames id) of the place the text names it in."""
    starts = {m.start: (n, m.end) for n, e in enumerate(entities) for m in e.mentions}
    out = list(entities)
    for n, e in enumerate(entities):
        if e.type not in PLACE_TYPES or e.country or e.iso3 or e.geonames is not None or _known(e.name):
            continue  # placed already, or a place the KB knows in no one country ("Middle East")
        for m in e.mentions:
            host = _host(entities, starts, text, m.end, _separator(code))
            if host is not None:
                below = host.iso3 is None  # a city or region, not the country itself
                out[n] = e.replace(country=host.country or host.iso3, geonames=host.geonames if below else None)
                break
    return tuple(out)


def _known(name: str) -> bool:
    """Does the knowledge base know `name` as a place?"""
    return any(entry.coarse == "PLACE" for entry, _ in load_kb().lookup(name))


def _host(entities: tuple[Entity, ...], starts: dict[int, tuple[int, int]], text: str, end: int,
          separator: re.Pattern[str]) -> Entity | None:
    """The placed place named right after offset `end`, stepping over up to MAX_STEPS names."""
    for _ in range(MAX_STEPS + 1):
        gap = separator.match(text, end, min(len(text), end + _GAP))
        found = starts.get(gap.end()) if gap is not None and gap.end() > end else None
        if found is None:
            return None
        entity = entities[found[0]]
        if entity.type in PLACE_TYPES and (entity.country or entity.iso3):
            return entity
        end = found[1]
    return None
