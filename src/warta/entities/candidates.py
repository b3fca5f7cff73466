"""Candidate mentions, before they are linked into entities, and how overlaps are settled.

Every finder (gazetteer, statistical tagger, title rules) proposes `Candidate`s; `resolve`
keeps a set of non-overlapping ones, preferring what is most likely right.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..kb import KBEntry

# How much each finder is trusted when two candidates overlap on the same stretch of text.
SOURCE_PRIORITY = {"rule": 4, "kb": 3, "crf": 2, "spacy": 2, "link": 1}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that may name an entity."""

    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, PLACE
    source: str  # kb, crf, spacy, rule
    entry: KBEntry | None = None
    options: tuple[KBEntry, ...] = ()  # every KB reading of the text, best first
    name: str | None = None  # canonical name when a rule translated it ("X Nuclear Power Plant")
    role: str | None = None
    country: str | None = None
    cameo: str | None = None
    tagged: bool = False  # a statistical tagger also found this span

    @property
    def length(self) -> int:
        return self.end - self.start

    def with_(self, **changes: object) -> "Candidate":
        """A copy with `changes`."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _weight(c: Candidate) -> tuple[int, int, int]:
    """Longer first; on equal length the more trusted finder; curated KB entries over others."""
    curated = 1 if c.entry is not None and c.entry.curated and c.entry.type != "CITY" else 0
    return (c.length + (3 if curated else 0), SOURCE_PRIORITY.get(c.source, 0), curated)


def _merge_same_span(a: Candidate, b: Candidate) -> Candidate:
    """Two finders agree on a span: keep the KB link and the rule's name, note the agreement."""
    best, other = (a, b) if _weight(a) >= _weight(b) else (b, a)
    tagger = next((c for c in (a, b) if c.source in ("crf", "spacy")), None)
    entry = best.entry or other.entry
    if entry is not None and entry.type == "CITY" and tagger is not None and tagger.type != "PLACE":
        entry = None  # a tagger reading a person here outranks a town of the same name
    kind = entry.coarse if entry is not None else (tagger or best).type
    return best.with_(entry=entry, type=kind, tagged=tagger is not None or best.tagged or other.tagged,
                      options=best.options or other.options, name=best.name or other.name, role=best.role or other.role,
                      country=best.country or other.country)


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in text order; same-span candidates are merged first."""
    by_span: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        key = (c.start, c.end)
        by_span[key] = _merge_same_span(by_span[key], c) if key in by_span else c
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(by_span.values(), key=_weight, reverse=True):
        if all(c.end <= s or c.start >= e for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)
