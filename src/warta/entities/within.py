"""Places inside the place the text says they are in: "Hotel Borobudur, Jakarta", "the embassy
in Tehran", "Gedung Bundar Kejagung, Jakarta Selatan".

A site or small place the knowledge base does not know (a hotel, a square, a village) has no
country and no coordinates of its own; when the text names it followed by the place it is in —
after a comma, or after a word that puts it inside (`entities_within.txt`: "di", "in", "at") —
it takes that place's country, and its GeoNames id when that place is below country level (a
city), so that it is geocoded at the city it is in, as GDELT geocodes a landmark. Names in
between (an institution: "Gedung Bundar Kejagung, Jakarta") are stepped over, up to
`MAX_STEPS` of them, and so are up to `MAX_SITE_WORDS` nouns naming the site's kind or a part of
the place on either side of "di"/"in" ("Belmarsh prison in London", "di pusat kota Tel Aviv":
`entities_site_words.txt`).
"""
from __future__ import annotations

import re
from functools import cache

from ..kb import load_kb
from ..model import Entity
from .lexicon import word_list

PLACE_TYPES = frozenset({"PLACE", "CITY", "REGION", "FAC", "LOC", "GPE"})
MAX_STEPS = 2  # names stepped over between a site and the place it is in
MAX_SITE_WORDS = 2  # nouns of a site's kind stepped over on each side of "di"/"in"
_GAP = 40  # characters looked at after a name for the separator


@cache
def _separators(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A comma, a space, or a word putting what precedes inside what follows ("di", "in"); and a
    word that only introduces the place's name ("Kota" Blitar: entities_prefixes.txt)."""
    inside = _alternatives(word_list(code, "entities_within.txt") | word_list("id", "entities_within.txt"))
    heads = _alternatives(word_list(code, "entities_prefixes.txt") | word_list("id", "entities_prefixes.txt"))
    # a site's kind may stand before "di"/"in" and a part of the place after it ("Belmarsh prison in
    # London", "Lapangan X di pusat kota Tel Aviv"): only nouns of entities_site_words.txt, never a
    # verb, so that a name doing something somewhere ("X menyerang di Gaza") is not put there
    sites = _alternatives(word_list(code, "entities_site_words.txt") | word_list("id", "entities_site_words.txt"))
    kinds = rf"(?:(?:{sites})\s+){{0,{MAX_SITE_WORDS}}}"
    return (re.compile(rf"\s*,\s*|\s+(?:{kinds}(?:{inside})\s+{kinds})?", re.IGNORECASE),
            re.compile(rf"(?:{heads})\s+", re.IGNORECASE))


def _alternatives(words: frozenset[str]) -> str:
    """A regular expression alternation of the words, longest first (one never matching when none)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def placed_within(entities: tuple[Entity, ...], text: str, code: str) -> tuple[Entity, ...]:
    """The entities, each unplaced place (no country, no KB reading) given the country (and
    GeoNames id) of the place the text names it in."""
    starts = {m.start: (n, m.end) for n, e in enumerate(entities) for m in e.mentions}
    out = list(entities)
    for n, e in enumerate(entities):
        if e.type not in PLACE_TYPES or e.country or e.iso3 or e.geonames is not None or _known(e.name):
            continue  # placed already, or a place the KB knows in no one country ("Middle East")
        for m in e.mentions:
            host = _host(entities, starts, text, m.end, _separators(code))
            if host is not None:
                below = host.iso3 is None  # a city or region, not the country itself
                out[n] = e.replace(country=host.country or host.iso3, geonames=host.geonames if below else None)
                break
    return tuple(out)


def _known(name: str) -> bool:
    """Does the knowledge base know `name` as a place?"""
    kb = load_kb()  # a hyphen joins a name's words as a space does ("Timor-Timur": store/places.py)
    return any(entry.coarse == "PLACE" for form in {name, name.replace("-", " ")} for entry, _ in kb.lookup(form))


def _host(entities: tuple[Entity, ...], starts: dict[int, tuple[int, int]], text: str, end: int,
          separators: tuple[re.Pattern[str], re.Pattern[str]]) -> Entity | None:
    """The placed place named right after offset `end`, stepping over up to MAX_STEPS names."""
    for _ in range(MAX_STEPS + 1):
        found = _next_name(starts, text, end, separators)
        if found is None:
            return None
        (number, end), bare = found
        entity = entities[number]
        if entity.type in PLACE_TYPES and (entity.country or entity.iso3):
            # a place right after a name with only a space between qualifies it ("Serangan Israel")
            # rather than holding it: a comma or "di"/"in" must say so
            return None if bare else entity
    return None


def _next_name(starts: dict[int, tuple[int, int]], text: str, end: int,
               separators: tuple[re.Pattern[str], re.Pattern[str]]) -> tuple[tuple[int, int], bool] | None:
    """((entity number, mention end), only a space between) of the name after the separator at
    `end`, if one starts there (or after a word introducing it: "Kota" Blitar, when the mention
    leaves that word out)."""
    gap = separators[0].match(text, end, min(len(text), end + _GAP))
    if gap is None or gap.end() == end:
        return None
    head = separators[1].match(text, gap.end(), min(len(text), gap.end() + _GAP))
    found = starts.get(gap.end()) or (starts.get(head.end()) if head is not None else None)
    return (found, not gap.group().strip()) if found is not None else None
