"""Questions about a dependency parse (`warta.model.Parse`), in Universal Dependencies terms.

Words are addressed by their index in `parse.words`; every answer is an index (or None when the
parse has no such word), so callers map back to offsets with `parse.words[i].start/end`.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..model import Article, Parse

T = TypeVar("T")

SUBJECTS = ("nsubj", "nsubj:pass", "csubj", "csubj:pass")
OBJECTS = ("obj",)
AGENTS = ("obl:agent",)
OBLIQUES = ("obl", "obl:agent", "obl:tmod", "obl:npmod")
CLAUSAL_COMPLEMENTS = ("ccomp", "xcomp")
CASE_MARKERS = ("case", "mark")


def _base(deprel: str) -> str:
    return deprel.partition(":")[0]


def head(parse: Parse, i: int) -> int | None:
    """The head of word `i` (None for the root)."""
    h = parse.words[i].head
    return None if h < 0 else h


def root(parse: Parse) -> int | None:
    """The root word of the sentence."""
    return next((i for i, w in enumerate(parse.words) if w.head < 0), None)


def children(parse: Parse, i: int, deprels: Iterable[str] = ()) -> list[int]:
    """Dependents of word `i` in order; only those whose relation is in `deprels` when given
    (a relation without subtype, such as "nsubj", also matches its subtypes, "nsubj:pass")."""
    wanted = tuple(deprels)
    return [j for j, w in enumerate(parse.words)
            if w.head == i and (not wanted or w.deprel in wanted or _base(w.deprel) in wanted)]


def _first(parse: Parse, i: int, deprels: tuple[str, ...]) -> int | None:
    found = [j for j, w in enumerate(parse.words) if w.head == i and w.deprel in deprels]
    return found[0] if found else None


def subject(parse: Parse, i: int, *, inherit: bool = True) -> int | None:
    """The subject of predicate `i`. With `inherit`, a verb without one takes it from where UD puts
    it: an xcomp's controller (the object, else the subject, of its head: "asked X to go" → X) and a
    conjunct's first conjunct ("X arrived and met Y" → X for "met")."""
    found = _first(parse, i, SUBJECTS)
    if found is not None or not inherit:
        return found
    word, h = parse.words[i], head(parse, i)
    if h is None:
        return None
    if word.deprel == "xcomp":
        controller = _first(parse, h, OBJECTS)
        return controller if controller is not None else subject(parse, h)
    if word.deprel == "conj":
        return subject(parse, h)
    return None


def is_passive(parse: Parse, i: int) -> bool:
    """Predicate `i` is passive: a passive subject or auxiliary, an agent, or Voice=Pass."""
    if "Voice=Pass" in parse.words[i].feats:
        return True
    return any(parse.words[j].deprel in ("nsubj:pass", "aux:pass", "csubj:pass", "obl:agent")
               for j in children(parse, i))


def object_of(parse: Parse, i: int) -> int | None:
    """The direct object of predicate `i`."""
    return _first(parse, i, OBJECTS)


def agent(parse: Parse, i: int) -> int | None:
    """The agent of passive predicate `i` ("by Russia", "oleh Rusia"): its obl:agent."""
    return _first(parse, i, AGENTS)


def case_word(parse: Parse, i: int) -> int | None:
    """The preposition (or subordinator) that marks word `i`."""
    return _first(parse, i, CASE_MARKERS)


def obliques(parse: Parse, i: int) -> list[tuple[int, int | None]]:
    """Oblique dependents of predicate `i`, each with its case word (None when it has none)."""
    return [(j, case_word(parse, j)) for j in children(parse, i, OBLIQUES)]


def clausal_complements(parse: Parse, i: int) -> list[int]:
    """The ccomp and xcomp dependents of predicate `i` (what was said, what X wants to do)."""
    return children(parse, i, CLAUSAL_COMPLEMENTS)


def subtree(parse: Parse, i: int) -> list[int]:
    """Word `i` and every word below it, in sentence order."""
    below = {i}
    changed = True
    while changed:  # trees are shallow and sentences short: a few passes
        grown = {j for j, w in enumerate(parse.words) if w.head in below}
        changed = not grown <= below
        below |= grown
    return sorted(below)


def subtree_span(parse: Parse, i: int) -> tuple[int, int]:
    """Offsets (start, end) in the article's text covered by word `i`'s subtree."""
    words = subtree(parse, i)
    return parse.words[words[0]].start, parse.words[words[-1]].end


class IdentityMemo:
    """Values computed once per object (or tuple of objects), found by identity: frozen records
    whose equality would compare every word. The objects are kept with their value, so an id
    cannot be reused while it is known; past `bound` entries the memo is emptied (only the
    parses of the last article or two are asked for again)."""

    def __init__(self, bound: int) -> None:
        self.bound = bound
        self._known: dict[tuple[int, ...], tuple[tuple[Any, ...], Any]] = {}

    def get(self, objects: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """The value for `objects`, from `compute()` the first time they are asked for."""
        key = tuple(map(id, objects))
        known = self._known.get(key)
        if known is not None:
            return known[1]
        if len(self._known) > self.bound:
            self._known.clear()
        value = compute()
        self._known[key] = (objects, value)
        return value


_WORD_STARTS = IdentityMemo(256)
_PARSE_STARTS = IdentityMemo(16)


def word_starts(parse: Parse) -> list[int]:
    """The start offsets of a parse's words, computed once per parse (the coder asks for the word
    at an offset of every side for every trigger: a scan each time made long sentences quadratic)."""
    return _WORD_STARTS.get((parse,), lambda: [w.start for w in parse.words])


def word_at(parse: Parse, offset: int) -> int | None:
    """The word that covers character `offset` of the article's text."""
    starts = word_starts(parse)
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < parse.words[k].end else None


def parse_starts(parses: tuple[Parse, ...]) -> list[int]:
    """The start offsets of an article's parses, computed once per article (asked per sentence)."""
    return _PARSE_STARTS.get((parses,), lambda: [p.start for p in parses])


def parse_at(article: Article, offset: int) -> Parse | None:
    """The parse of the sentence that covers `offset` (None when that sentence was not parsed)."""
    starts = parse_starts(article.syntax)
    k = bisect_right(starts, offset) - 1
    return article.syntax[k] if k >= 0 and offset < article.syntax[k].end else None


def parse_of(article: Article, sentence_start: int) -> Parse | None:
    """The parse of the sentence that starts at `sentence_start`, if it was parsed."""
    found = parse_at(article, sentence_start)
    return found if found is not None and found.start == sentence_start else None
