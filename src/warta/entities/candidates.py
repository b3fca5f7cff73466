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
    tag_type: str | None = None  # the type the tagger gave, when a KB reading was kept over it
    nested: bool = False  # a phrase kept alongside the names inside it ("PLTN Bushehr" and "Bushehr")

    @property
    def length(self) -> int:
        return self.end - self.start

    def with_(self, **changes: object) -> Candidate:
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
    kind = entry.coarse if entry is not None else (best if best.source == "rule" else tagger or best).type
    return best.with_(entry=entry, type=kind, tagged=tagger is not None or best.tagged or other.tagged,
                      tag_type=tagger.type if tagger is not None else best.tag_type or other.tag_type,
                      options=best.options or other.options, name=best.name or other.name, role=best.role or other.role,
                      country=best.country or other.country)


def _crosses(a: Candidate, b: Candidate) -> bool:
    """The two spans overlap without one containing the other."""
    overlap = a.start < b.end and b.start < a.end
    contains = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return overlap and not contains


def _is_anchor(c: Candidate) -> bool:
    """A name a tagger's span must not swallow: a curated KB name (country, body, known person)
    or a person named right after a title."""
    curated = c.source == "kb" and c.entry is not None and c.entry.curated and c.entry.type != "CITY"
    return curated or (c.source == "rule" and c.type == "PERSON")


def _extend_left(c: Candidate, candidates: list[Candidate], text: str) -> Candidate:
    """A tagger span that starts inside a KB name, or right after "Name-", takes the name:
    "[St.] Petersburg International Economic Forum", "[Indonesia–]Eurasian Economic Union FTA"."""
    if c.source not in ("crf", "spacy") or not text:
        return c
    known = any(a.source == "kb" and (a.start, a.end) == (c.start, c.end) for a in candidates)
    for a in candidates:
        joined = not known and a.end == c.start - 1 and text[a.end] in "-–"  # not "Teheran-[Moskow]"
        if a.source == "kb" and (a.start < c.start < a.end <= c.end or joined):
            return c.with_(start=a.start, text=text[a.start:c.end])
    return c


def split_tagged(candidates: list[Candidate], *, text: str = "", title_words: frozenset[str] = frozenset()) -> list[Candidate]:
    """Cut tagger spans that run over curated names ("Rusia Vladimir Putin") into their pieces.

    News chains titles, countries and names ("Menteri Perdagangan Komisi Uni Ekonomi Eurasia
    Andrey Slepnev") in ways the tagger's encyclopedic training text does not; the KB's names
    are surer, and what is left between them is kept as the tagger's own candidates.
    """
    anchors = [c for c in candidates if _is_anchor(c)]
    candidates = [_extend_left(c, candidates, text) for c in candidates]
    out = []
    for c in candidates:
        inside = [a for a in anchors if c.source == "crf" and c.start <= a.start and a.end <= c.end and a.length < c.length]
        titled = c.text.split()[0].casefold() in title_words
        parent = any(a.type == "ORG" and a.end == c.end for a in inside)  # "Direktorat X Kementerian Y"
        if not any(a.type == "PERSON" for a in inside) and c.type != "PERSON" and not titled and not parent:
            inside = []  # "Liga Indonesia", "Indonesia-EAEU Free Trade Agreement": names inside a name
        if not inside:
            out.append(c)
            continue
        pos = c.start
        for a in sorted(inside, key=lambda a: a.start) + [None]:
            stop = a.start if a is not None else c.end
            piece = c.text[pos - c.start:stop - c.start]
            lead = len(piece) - len(piece.lstrip(" ,"))
            piece = piece.strip(" ,")
            if piece[:1].isupper():
                start = pos + lead
                out.append(c.with_(start=start, end=start + len(piece), text=piece, tag_type="PIECE"))
            pos = a.end if a is not None else c.end
    return out


def resolve(candidates: list[Candidate], *, text: str = "", title_words: frozenset[str] = frozenset()) -> list[Candidate]:
    """Candidates in text order: flat ones without overlaps, plus phrases that contain some."""
    flat = [c for c in candidates if not c.nested]
    kept = _resolve_flat(split_tagged(flat, text=text, title_words=title_words))
    for phrase in (c for c in candidates if c.nested):
        same = next((k for k in kept if (k.start, k.end) == (phrase.start, phrase.end)), None)
        if same is not None:
            # the phrase rule knows what the span is ("Istana X" a place) unless the KB does
            kind = same.type if same.entry is not None else phrase.type
            kept[kept.index(same)] = same.with_(name=same.name or phrase.name, type=kind)
        elif not any(_crosses(phrase, k) or (k.start <= phrase.start and phrase.end <= k.end) for k in kept):
            kept.append(phrase)
    return sorted(kept, key=lambda c: c.start)


def _resolve_flat(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates; same-span candidates are merged first."""
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
