"""Candidate mentions, before they are linked into entities, and how overlaps are settled.

Every finder (gazetteer, statistical tagger, title rules) proposes `Candidate`s; `resolve`
keeps a set of non-overlapping ones, preferring what is most likely right.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
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


class Occupancy:
    """The stretches of a text already taken, for overlap tests that cost the length of the span
    tested rather than the number of spans taken (a scan over every taken span made settling
    overlaps quadratic on long hostile paragraphs: 30 s for "keRusia " repeated over 50k characters).

    Spans are half-open, [start, end); two overlap when `s < end and start < e`, as in a scan,
    empty spans included.
    """

    def __init__(self, size: int) -> None:
        self._chars = bytearray(size + 1)  # 1 where a taken span covers the character
        self._inner = bytearray(size + 2)  # 1 at the offsets strictly inside a taken span
        self._points = bytearray(size + 2)  # 1 where an empty span was taken

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]], size: int) -> Occupancy:
        """An occupancy of a text of `size` characters with `spans` taken."""
        taken = cls(size)
        for start, end in spans:
            taken.take(start, end)
        return taken

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a taken span."""
        if start < end:
            return self._chars.find(1, start, end) >= 0 or self._points.find(1, start + 1, end) >= 0
        return bool(self._inner[start])

    def inside(self, offset: int) -> bool:
        """Whether `offset` lies strictly inside a taken span (s < offset < e)."""
        return bool(self._inner[offset])

    def take(self, start: int, end: int) -> None:
        """Mark [start, end) as taken."""
        if start < end:
            self._chars[start:end] = b"\x01" * (end - start)
            self._inner[start + 1:end] = b"\x01" * (end - start - 1)
        else:
            self._points[start] = 1


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


class _KBSpans:
    """The KB candidates by where they end, to find the one a tagger span takes (`_extend_left`)
    without a scan of all candidates for each tagger span."""

    def __init__(self, candidates: list[Candidate]) -> None:
        kb = sorted((a.end, n, a) for n, a in enumerate(candidates) if a.source == "kb")
        self.ends = [end for end, _, _ in kb]
        self.kb = [(n, a) for _, n, a in kb]
        self.spans = {(a.start, a.end) for _, a in self.kb}

    def ending(self, lo: int, hi: int) -> list[tuple[int, Candidate]]:
        """(position in the candidate list, candidate) of those ending in [lo, hi]."""
        return self.kb[bisect_left(self.ends, lo):bisect_right(self.ends, hi)]


def _extend_left(c: Candidate, kb: _KBSpans, text: str) -> Candidate:
    """A tagger span that starts inside a KB name, or right after "Name-", takes the name:
    "[St.] Petersburg International Economic Forum", "[Indonesia–]Eurasian Economic Union FTA".
    Of several such names the first in the candidate list wins."""
    if c.source not in ("crf", "spacy") or not text:
        return c
    found = [(n, a) for n, a in kb.ending(c.start + 1, c.end) if a.start < c.start]
    if (c.start, c.end) not in kb.spans and c.start >= 1 and text[c.start - 1] in "-–":  # not "Teheran-[Moskow]"
        found += kb.ending(c.start - 1, c.start - 1)
    if not found:
        return c
    a = min(found, key=lambda pair: pair[0])[1]
    return c.with_(start=a.start, text=text[a.start:c.end])


class _Anchors:
    """Anchors sorted by start, to find those inside a span by bisection rather than by a scan."""

    def __init__(self, anchors: list[Candidate]) -> None:
        self.anchors = sorted(anchors, key=lambda a: a.start)  # stable: ties keep the list's order
        self.starts = [a.start for a in self.anchors]

    def inside(self, c: Candidate) -> list[Candidate]:
        """Anchors shorter than `c` and within it, by start (ties in the list's order)."""
        window = self.anchors[bisect_left(self.starts, c.start):bisect_right(self.starts, c.end)]
        return [a for a in window if a.end <= c.end and a.length < c.length]


def split_tagged(candidates: list[Candidate], *, text: str = "", title_words: frozenset[str] = frozenset()) -> list[Candidate]:
    """Cut tagger spans that run over curated names ("Rusia Vladimir Putin") into their pieces.

    News chains titles, countries and names ("Menteri Perdagangan Komisi Uni Ekonomi Eurasia
    Andrey Slepnev") in ways the tagger's encyclopedic training text does not; the KB's names
    are surer, and what is left between them is kept as the tagger's own candidates.
    """
    anchors = _Anchors([c for c in candidates if _is_anchor(c)])
    kb = _KBSpans(candidates)
    candidates = [_extend_left(c, kb, text) for c in candidates]
    out = []
    for c in candidates:
        inside = anchors.inside(c) if c.source == "crf" else []
        titled = c.text.split()[0].casefold() in title_words
        parent = any(a.type == "ORG" and a.end == c.end for a in inside)  # "Direktorat X Kementerian Y"
        if not any(a.type == "PERSON" for a in inside) and c.type != "PERSON" and not titled and not parent:
            inside = []  # "Liga Indonesia", "Indonesia-EAEU Free Trade Agreement": names inside a name
        if not inside:
            out.append(c)
            continue
        pos = c.start
        for a in [*inside, None]:  # `inside` is sorted by start
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
    at: dict[tuple[int, int], int] = {}  # span -> index in `kept` of the first candidate with it
    for n, k in enumerate(kept):
        at.setdefault((k.start, k.end), n)
    taken = Occupancy.of(((k.start, k.end) for k in kept), max((c.end for c in [*kept, *candidates]), default=0))
    for phrase in (c for c in candidates if c.nested):
        same = at.get((phrase.start, phrase.end))
        if same is not None:
            # the phrase rule knows what the span is ("Istana X" a place) unless the KB does
            k = kept[same]
            kind = k.type if k.entry is not None else phrase.type
            kept[same] = k.with_(name=k.name or phrase.name, type=kind)
        elif not _clashes(phrase, kept, taken):
            at[(phrase.start, phrase.end)] = len(kept)
            kept.append(phrase)
            taken.take(phrase.start, phrase.end)
    return sorted(kept, key=lambda c: c.start)


def _clashes(phrase: Candidate, kept: list[Candidate], taken: Occupancy) -> bool:
    """Whether a kept span (none has the phrase's span) crosses the phrase or contains it.

    For a non-empty phrase such a span reaches past an edge of the phrase: it holds the phrase's
    start or end strictly inside it. That is two lookups in `taken` rather than a scan of `kept`.
    """
    if phrase.start < phrase.end:
        return taken.inside(phrase.start) or taken.inside(phrase.end)
    return any(_crosses(phrase, k) or (k.start <= phrase.start and phrase.end <= k.end) for k in kept)


def _resolve_flat(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates; same-span candidates are merged first."""
    by_span: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        key = (c.start, c.end)
        by_span[key] = _merge_same_span(by_span[key], c) if key in by_span else c
    kept: list[Candidate] = []
    taken = Occupancy(max((c.end for c in by_span.values()), default=0))
    for c in sorted(by_span.values(), key=_weight, reverse=True):
        if not taken.overlaps(c.start, c.end):
            kept.append(c)
            taken.take(c.start, c.end)
    return sorted(kept, key=lambda c: c.start)
