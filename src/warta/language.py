"""Language identification per article and per paragraph.

Whole articles: py3langid over a restricted set of languages, then a lexical tie-break between
Indonesian and Malay (the two share most words; langid alone confuses them). Short paragraphs:
lingua restricted to Indonesian, Malay and English, which is more reliable on a few words.

py3langid reads a text by walking a byte automaton, in pure Python. An article's paragraphs are
parts of the article, so `identify_article` walks the article once (vectorised) and reads each
paragraph's counts off that walk: the same counts, hence the same answers, at a fraction of the cost.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from itertools import islice

from .languages import read_lines

CANDIDATES = ("id", "ms", "en", "de", "fr", "es", "nl", "pt", "it", "ru", "ar", "zh", "ja", "tl", "jv", "tr", "fa")
SHORT_TEXT = 200
_WORD = re.compile(r"[^\W\d_]+")
# The automaton of py3langid's model (its states and transitions, a fingerprint of the model) forgets
# where it started after SYNC_BYTES bytes: its state at a byte depends only on the 6 bytes up to it
# (checked in tests/test_pipeline.py). With another model the walk is not shared.
MODEL_SHAPE = (104583, 9816576)
SYNC_BYTES = 6


class Counted(bytes):
    """A text encoded as py3langid encodes it, with its feature counts already known."""

    visits: dict[int, int] | None = None


@cache
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    class CountingIdentifier(LanguageIdentifier):
        """py3langid taking `Counted` texts: their counts come from a shared walk."""

        __slots__ = ()

        def _encode(self, text):
            return text if isinstance(text, Counted) else super()._encode(text)

        def _raw_score(self, text):
            if isinstance(text, Counted):
                if text.visits:
                    return self._sparse_score(text.visits, self.nb_ptc)
                text = bytes(text)  # no feature: py3langid's own answer for that
            return super()._raw_score(text)

    identifier = CountingIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


@cache
def _tables():
    """The automaton as numpy arrays (transitions, row offsets, outputs), or None when the
    installed py3langid is not the one whose internals and model the shared walk expects."""
    import numpy as np

    identifier = _langid()
    needed = ("_rowbase", "tk_output", "tk_nextmove", "tk_row", "_sparse_score", "_raw_score", "_encode")
    if not all(hasattr(identifier, name) for name in needed):
        return None
    if (len(identifier.tk_row), len(identifier.tk_nextmove)) != MODEL_SHAPE:
        return None
    return (np.asarray(memoryview(identifier.tk_nextmove)), np.asarray(identifier._rowbase, dtype=np.int64),
            np.asarray(identifier.tk_output))


@cache
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.MALAY, Language.ENGLISH).build()


@cache
def _markers() -> dict[str, str]:
    """Words that tell Indonesian from Malay: word -> 'id' or 'ms' (lang/id/language_markers.tsv)."""
    table = {}
    for line in read_lines("id", "language_markers.tsv"):
        word, _, lang = line.partition("\t")
        table[word.strip().lower()] = lang.strip()
    return table


class SharedWalk:
    """py3langid's automaton walked once over a whole text; parts of the text read their counts off it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._walked = False
        self._states = self._features = None
        self._data = b""
        self._offsets = (0, 0)  # the last (character, byte) offset pair converted

    def counted(self, at: int, part: str) -> Counted | None:
        """`part`, found at character `at` of the text, with its counts; None when they cannot be shared."""
        if not self._walked:
            self._walk()
        if (self._states is None or at < 0 or self.text[at:at + len(part)] != part or part.isupper()
                or not unicodedata.is_normalized("NFC", part)):
            return None  # py3langid would change the part on its own (lower-case, normalise)
        start, data = self._byte_offset(at), part.encode("utf8", "surrogatepass")
        features = self._features[start:start + len(data)].copy()
        self._restart(features, data, start)
        counted = Counted(data)
        counted.visits = _visits(features)
        return counted

    def _walk(self) -> None:
        self._walked = True
        tables = _tables()
        if tables is None or self.text.isupper() or not unicodedata.is_normalized("NFC", self.text):
            return
        self._data = self.text.encode("utf8", "surrogatepass")
        self._states = _states(tables, self._data)
        self._features = tables[2][self._states]

    def _byte_offset(self, at: int) -> int:
        """UTF-8 offset of character `at`; paragraphs come in order, so convert from the last one."""
        char, byte = self._offsets if at >= self._offsets[0] else (0, 0)
        byte += len(self.text[char:at].encode("utf8", "surrogatepass"))
        self._offsets = (at, byte)
        return byte

    def _restart(self, features, data: bytes, start: int) -> None:
        """Walk the part's first bytes from the start state until the shared walk's state is reached
        (a few bytes): from there on both walks are the same."""
        identifier = _langid()  # its own lists: faster than numpy for a few scalar steps
        nextmove, rowbase, output = identifier.tk_nextmove, identifier._rowbase, identifier.tk_output
        state = 0
        for k, byte in enumerate(data):
            state = nextmove[rowbase[state] + byte]
            if state == self._states[start + k]:
                return
            features[k] = output[state]


def _states(tables, data: bytes):
    """The automaton's state after each byte of `data`, all positions at once: the state at a byte
    is the state reached from the start over the SYNC_BYTES bytes up to it (or all, near the start)."""
    import numpy as np

    nextmove, rowbase, _ = tables
    codes = np.frombuffer(data, dtype=np.uint8)
    n = len(codes)
    states = np.zeros(n, dtype=np.int64)
    for back in range(SYNC_BYTES - 1, -1, -1):
        if back < n:  # every position i reads byte i - back
            states[back:] = nextmove[rowbase[states[back:]] + codes[:n - back]]
    return states


def _visits(features) -> Counter | None:
    """Feature -> count in order of first occurrence, as py3langid counts them (None when none)."""
    found = features[features >= 0]
    return Counter(found.tolist()) if len(found) else None


def identify_article(title: str | None, text: str, paragraphs: list[tuple[int, int]]) -> tuple[str | None, list[str | None]]:
    """The language of the article (headline and text) and of each paragraph `text[start:end]`."""
    joined = (title or "") + "\n" + text
    whole = joined.strip()
    offset = len(title or "") + 1 - (len(joined) - len(joined.lstrip()))  # where `text` starts in `whole`
    walk = SharedWalk(whole)
    return identify(whole, within=walk), [identify(text[s:e], within=walk, at=offset + s) for s, e in paragraphs]


def identify(text: str, *, within: SharedWalk | None = None, at: int = 0) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell.

    `within`: a walk over a longer text that holds `text` at character `at`, to share its counts."""
    if next(islice(_WORD.finditer(text), 1, None), None) is None:  # fewer than two words
        return None
    if len(text) < SHORT_TEXT:
        code = _short_text_language(text)
    else:
        counted = within.counted(at, text) if within is not None else None
        code, _ = _langid().classify(counted if counted is not None else text)
    if code in ("id", "ms"):
        code = _indonesian_or_malay(text, default=code)
    return code


@lru_cache(maxsize=4096)  # short paragraphs (captions, bylines, "Baca juga") recur across a site's pages
def _short_text_language(text: str) -> str | None:
    detected = _lingua().detect_language_of(text)
    return detected.iso_code_639_1.name.lower() if detected else None


def _indonesian_or_malay(text: str, *, default: str) -> str:
    """Count marker words; Indonesian wins ties, as warta reads Indonesian news.

    Malay needs at least one Malay word: without any marker the statistical guess between the
    two is close to a coin toss on a paragraph, and made one Indonesian paragraph in thirty Malay.
    """
    votes = Counter(map(_markers().get, _WORD.findall(text.lower())))
    return "ms" if votes["ms"] > votes["id"] else "id"
