"""Turn a speaker phrase into a speaker: the linked entity when the entities stage ran, else a
name read from the text (titles and country names stripped, a lone surname completed from a
fuller mention elsewhere in the article). Pronouns go to the most recent speaker of their kind.
"""
from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from ..languages import available_languages, read_lines
from ..model import Article, Entity
from .attribution import CONNECTORS, Attribution, _runs
from .cues import Cues, tokens

SPEAKER_TYPES = ("PERSON", "ORG")
DETERMINERS = frozenset({"the", "a", "an", "sang", "si"})


@cache
def _place_names() -> frozenset[str]:
    """Country names in English and Indonesian (CLDR via Babel): not part of a person's name."""
    try:
        from babel import Locale
    except ImportError:  # Babel is a dependency; this keeps the stage alive without it
        return frozenset()
    names: set[str] = set()
    for code in ("en", "id"):
        for name in Locale.parse(code).territories.values():
            # Every word of "Amerika Serikat", "Korea Utara": none of them is a person's name.
            names.update(w.lower() for w in name.split() if w.isalpha() and len(w) > 2)
    return frozenset(names)


class SpeakerResolver:
    """Resolves attributions of one article in text order, remembering the last speakers."""

    def __init__(self, article: Article, cues: Cues) -> None:
        self.text = article.text
        self.cues = cues
        self.mentions = sorted(
            ((m.start, m.end, e) for e in article.entities if _coarse(e) in SPEAKER_TYPES for m in e.mentions),
            key=lambda x: x[0])
        self.last: dict[str, dict[str, Any]] = {}
        self._surnames = _surname_index(article, cues) if not self.mentions else {}

    def resolve(self, attribution: Attribution) -> dict[str, Any] | None:
        """The speaker of an attribution, updating who was last speaking."""
        if attribution.pronoun:
            return self.last.get(attribution.pronoun) or self.last.get("PERSON")
        entity = self._entity_in(attribution.start, attribution.end)
        if entity is not None:
            return self.remember(_from_entity(entity), _coarse(entity))
        if not attribution.named:
            return None
        speaker = self._from_text(attribution.start, attribution.end)
        return self.remember(speaker, "PERSON") if speaker else None

    def remember(self, speaker: dict[str, Any], kind: str) -> dict[str, Any]:
        """Make `speaker` the one a later pronoun of `kind` refers to."""
        self.last[kind] = speaker
        return speaker

    def subject_before(self, offset: int, *, since: int) -> dict[str, Any] | None:
        """The last PERSON entity named in text[since:offset] (the likely referent of "he", "ia")."""
        found = None
        for start, _, entity in self.mentions:
            if since <= start < offset and _coarse(entity) == "PERSON":
                found = entity
        return _from_entity(found) if found else None

    def _entity_in(self, start: int, end: int) -> Entity | None:
        """The entity named inside the phrase: the last PERSON, else the last ORG."""
        inside = [e for s, t, e in self.mentions if s < end and t > start]
        persons = [e for e in inside if _coarse(e) == "PERSON"]
        return (persons or inside or [None])[-1]

    def _from_text(self, start: int, end: int) -> dict[str, Any] | None:
        words = [t[2] for t in tokens(self.text, start, end)]
        if any(w.lower() in self.cues.org_heads for w in words):  # "Kedutaan Besar India": an organisation
            words = [w for w in words if w.lower() not in DETERMINERS]
            return {"name": " ".join(words), "entity": None, "role": None, "country": None}
        role, name = _split_title(words, self.cues)
        if not name or len(" ".join(name)) < 2:
            return None
        if len(name) == 1:
            name = self._surnames.get(name[0].lower(), name)
        return {"name": " ".join(name), "entity": None, "role": " ".join(role) or None, "country": None}


def _coarse(entity: Entity) -> str:
    kind = entity.type.upper()
    if kind in {"PERSON", "PER"}:
        return "PERSON"
    return "ORG" if kind in {"ORG", "ORGANIZATION", "ORGANISATION"} else "PLACE"


def _from_entity(entity: Entity) -> dict[str, Any]:
    return {"name": entity.name, "entity": entity.id, "role": entity.role, "country": entity.country}


def _split_title(words: list[str], cues: Cues) -> tuple[list[str], list[str]]:
    """("Presiden", "Rusia", "Vladimir", "Putin") -> (["Presiden", "Rusia"], ["Vladimir", "Putin"]);
    "Elijah Cummings of Maryland" -> the name before "of"."""
    def skip(word: str) -> bool:
        low = word.lower().rstrip(".")
        return low in cues.titles or low in _place_names() or low in DETERMINERS or low in _calendar()

    cut = 0
    while cut < len(words) and (skip(words[cut]) or words[cut].lower() in CONNECTORS):
        cut += 1
    role, name = words[:cut], [w for w in words[cut:] if w.lower().rstrip(".") not in _calendar()]
    for i, word in enumerate(name):
        if word.lower() in CONNECTORS:
            name = name[:i]
            break
    while name and skip(name[-1]):
        name = name[:-1]
    if len(name) > 4:  # a long run is an organisation's name, or a role and a name: keep it whole
        return [], words
    return role, name


@cache
def _calendar() -> frozenset[str]:
    """Weekday and month names (Thursday, Kamis), which start capitalised but name no one."""
    words = set()
    for code in available_languages():
        for name in ("date_weekdays.tsv", "date_months.tsv"):
            words.update(line.split("\t")[0].strip().lower() for line in read_lines(code, name))
    return frozenset(words)


def _headline(text: str, start: int, end: int) -> bool:
    """A line whose words are mostly capitalised (a headline) is no place to learn names from."""
    words = text[start:end].split()
    return len(words) > 2 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def _surname_index(article: Article, cues: Cues) -> dict[str, list[str]]:
    """Lone name word -> the fuller name it is short for ("Jalali" -> ["Kazem", "Jalali"])."""
    text = article.text
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    full: Counter[tuple[str, ...]] = Counter()
    for start, end in paragraphs:
        if _headline(text, start, end):
            continue
        toks = tokens(text, start, end)
        for run in _runs(toks):
            _, name = _split_title([toks[k][2] for k in run], cues)
            if 2 <= len(name) <= 3 and all(w[:1].isupper() for w in name):
                full[tuple(name)] += 1
    index: dict[str, list[str]] = {}
    for name, _ in full.most_common():
        for word in (name[0], name[-1]):
            index.setdefault(word.lower(), list(name))
    return index
