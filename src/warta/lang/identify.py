"""Language identification per article and per paragraph.

A text that shows its language by its function words (`language_words.txt` of each language
folder: a clear share of its words from one language, hardly any from the others) is in that
language without a statistical identifier, and no model is loaded for it (the first result of a
process: see benchmarks/bench_first_result.py). A short paragraph that does not show its language
is too little to tell: it is read in the article's language. The others: whole articles and long
paragraphs: py3langid over a restricted set of languages, then a lexical tie-break between
a language and those it is confused with (Indonesian and Malay share most words; langid alone
confuses them: `Language.confused_with`, `language_markers.tsv`). A short text on its own (an
article of a sentence): lingua restricted to the languages warta reads (Indonesian, Malay and
English), which is more reliable on a few words. A language known to the identifiers by another code (`Language.identified_as`)
is reported by its folder's code.

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

from ..compiled import compiled
from . import languages
from .function_words import shown_language

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

    ptc, pc, classes, nextmove, output, row = _langid_model(MODEL_FILE)
    identifier = CountingIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    known = set(identifier.nb_classes)
    ours = [c for lang in languages() for c in _identified(lang) if c in known and c not in CANDIDATES]
    identifier.set_languages(list(CANDIDATES) + sorted(set(ours)))
    return identifier


def _langid_model(model_file: str) -> tuple:
    """py3langid's model as `LanguageIdentifier` takes it: decompressed from its .npz.xz once
    (two seconds), then read from warta's compiled cache (warta.compiled) in a tenth of that."""
    import numpy as np
    from py3langid.langid import MODEL_DIR
    from py3langid.modelio import load_model

    path = MODEL_DIR / model_file
    stat = path.stat()
    ptc, pc, classes, nextmove, row, output = compiled(
        "py3langid", [f"{path}:{stat.st_size}:{stat.st_mtime_ns}"], lambda: load_model(path))
    return np.asarray(ptc), np.asarray(pc), classes, nextmove, output, row


def _identified(language) -> tuple[str, ...]:
    """The codes language identification may give for a text in `language`."""
    return (language.code, *language.identified_as, *language.confused_with)


@cache
def _reported() -> dict[str, str]:
    """Identified code -> the code of the folder that reads it, for languages known by another code."""
    return {alias: lang.code for lang in languages() for alias in lang.identified_as}


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
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    wanted = []
    for code in dict.fromkeys(c for lang in languages() for c in _identified(lang)):
        try:
            wanted.append(Language.from_iso_code_639_1(IsoCode639_1.from_str(code)))
        except ValueError:  # a code lingua does not know (a test language, say)
            continue
    # Models loaded now, with the pipeline, not at the first paragraph of each size (lingua reads
    # other models for texts of 120 characters and more): half a second each time, mid-run.
    builder = LanguageDetectorBuilder.from_languages(*wanted)
    return builder.with_preloaded_language_models().build()


@cache
def _marker_groups() -> dict[str, tuple[tuple[str, ...], dict[str, str]]]:
    """Identified code -> (the codes told apart by marker words, the language's own first; word ->
    code) for the languages confused with others (lang/id/language_markers.tsv: Indonesian, Malay)."""
    groups = {}
    for lang in languages():
        if not lang.confused_with:
            continue
        table = {}
        for line in lang.lines("language_markers.tsv"):
            word, _, code = line.partition("\t")
            table[word.strip().lower()] = code.strip()
        group = (lang.code, *lang.confused_with)
        groups.update(dict.fromkeys(group, (group, table)))
    return groups


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
        features = self.features(at, part)
        if features is None:
            return None
        counted = Counted(part.encode("utf8", "surrogatepass"))
        counted.visits = _visits(features)
        return counted

    def features(self, at: int, part: str):
        """py3langid's feature (or -1) at each byte of `part`, found at character `at` of the text;
        None when they cannot be shared."""
        if not self._walked:
            self._walk()
        if (self._states is None or at < 0 or self.text[at:at + len(part)] != part or part.isupper()
                or not unicodedata.is_normalized("NFC", part)):
            return None  # py3langid would change the part on its own (lower-case, normalise)
        start, data = self._byte_offset(at), part.encode("utf8", "surrogatepass")
        features = self._features[start:start + len(data)].copy()
        self._restart(features, data, start)
        return features

    def labels(self, parts: list[tuple[int, str]]) -> list[str | None]:
        """py3langid's label of each (character offset, part) of the text that the shared counts
        settle beyond doubt (see `_settled`); None for the others, to classify on their own."""
        found = [self.features(at, part) for at, part in parts]
        kept = [k for k, features in enumerate(found) if features is not None]
        labels: list[str | None] = [None] * len(parts)
        if kept:
            sizes = [len(found[k]) for k in kept]  # bytes, as py3langid measures a text
            for k, label in zip(kept, _settled([found[k] for k in kept], sizes)):
                labels[k] = label
        return labels

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


def _settled(features: list, sizes: list[int]) -> list[str | None]:
    """py3langid's label for each feature array, when the float64 sums below settle it.

    py3langid scores a text in float32: log1p(counts) @ table[features] + prior, in any order
    of summation, then scales, exponentiates and normalises (monotone steps). Summing the same
    terms in float64 for all texts at once gives scores within `bounds` of its own; a label whose
    score beats every other by more than both bounds and the rounding of those steps is its
    argmax. Indonesian and Malay count as one label here, as `identify` tells them apart itself.
    """
    import numpy as np

    identifier = _langid()
    if identifier._alias_pairs or identifier.min_confidence is not None:
        return [None] * len(features)  # py3langid would fold or withhold labels: let it decide
    count, table = len(features), _feature_rows()
    kind = np.int32 if count * len(table) < 2 ** 31 else np.int64  # 32-bit keys sort faster
    flat = np.concatenate(features).astype(kind)
    valid = flat >= 0
    keys = np.repeat(np.arange(count, dtype=kind), [len(f) for f in features])[valid] * len(table) + flat[valid]
    pairs, counts = np.unique(keys, return_counts=True)  # (text, feature) pairs, sorted by text
    owner, feature = np.divmod(pairs, len(table))
    terms = table[feature].astype(np.float64) * np.log1p(counts.astype(np.float32))[:, None]
    found = np.bincount(owner, minlength=count)
    have = np.flatnonzero(found)  # a text without any feature gets py3langid's own answer
    starts = np.searchsorted(owner, have)
    prior = identifier.nb_pc.astype(np.float64)
    sums = np.add.reduceat(terms, starts, axis=0)
    # the terms are log-probabilities (<= 0) times counts: the sum of their sizes is minus theirs
    sizes_of_terms = -sums if _log_probabilities() else np.add.reduceat(np.abs(terms), starts, axis=0)
    scores = sums + prior
    # float32 sums of k terms in any order are within k * 2**-24 of the sum of their sizes (the
    # log1p, the final addition and this float64 sum add a few units more): doubled to be safe
    bounds = (found[have, None] + 10) * 2.0 ** -23 * (sizes_of_terms + np.abs(prior))
    sure = _beyond_doubt(scores, bounds, np.sqrt(np.asarray(sizes, dtype=np.float64)[have]))
    labels: list[str | None] = [None] * count
    for row, k in enumerate(have.tolist()):
        if sure[row] >= 0:
            labels[k] = identifier.nb_classes[sure[row]]
    return labels


@cache
def _feature_rows():
    """py3langid's feature table (one row of class scores per feature) stored by row: its own is
    stored by column, so that reading a row there touches one cache line per class."""
    import numpy as np

    return np.ascontiguousarray(_langid().nb_ptc)


@cache
def _log_probabilities() -> bool:
    """Whether every entry of the feature table is <= 0 (then so is every term of a score)."""
    return bool((_feature_rows() <= 0).all())


def _beyond_doubt(scores, bounds, roots) -> list[int]:
    """Per row, the best column when it beats every other (Malay and Indonesian as one) by more
    than both bounds and py3langid's later rounding (scaling by 1/root, exp, normalising); else -1.
    (A few rows of 17: plain Python is quicker here than a dozen numpy calls.)"""
    classes = _langid().nb_classes
    together = _together(tuple(classes))
    sure = []
    for row, bound, root in zip(scores.tolist(), bounds.tolist(), roots.tolist()):
        top = max(range(len(row)), key=row.__getitem__)  # the first of equals, as numpy's argmax
        group = together.get(top, {top})
        low = max(row[j] - bound[j] for j in group)
        high = max((row[j] + bound[j] for j in range(len(row)) if j not in group), default=float("-inf"))
        slack = 2e-6 * root + 2.0 ** -22 * (max(map(abs, row)) + max(bound))
        sure.append(top if low - high > slack else -1)
    return sure


@cache
def _together(classes: tuple[str, ...]) -> dict[int, set[int]]:
    """Class index -> the indices counted as one label (a language and those it is confused with,
    told apart later by marker words), when all of them are classes."""
    together: dict[int, set[int]] = {}
    for group, _ in _marker_groups().values():
        if set(group) <= set(classes):
            indices = {classes.index(c) for c in group}
            together.update(dict.fromkeys(indices, indices))
    return together


def _visits(features) -> Counter | None:
    """Feature -> count in order of first occurrence, as py3langid counts them (None when none)."""
    found = features[features >= 0]
    return Counter(found.tolist()) if len(found) else None


def identify_article(title: str | None, text: str, paragraphs: list[tuple[int, int]]) -> tuple[str | None, list[str | None]]:
    """The language of the article (headline and text) and of each paragraph `text[start:end]`;
    None for a short paragraph that does not show its language (it is in the article's)."""
    joined = (title or "") + "\n" + text
    whole = joined.strip()
    offset = len(title or "") + 1 - (len(joined) - len(joined.lstrip()))  # where `text` starts in `whole`
    walk = SharedWalk(whole)
    parts = [(0, whole)] + [(offset + s, text[s:e]) for s, e in paragraphs]
    shown = [shown_language(part) for _, part in parts]
    # py3langid's part, for the long parts left at once: one count and sum instead of one per part
    long = [k for k, (_, part) in enumerate(parts) if shown[k] is None and len(part) >= SHORT_TEXT and _two_words(part)]
    known = dict(zip(long, walk.labels([parts[k] for k in long]))) if long else {}
    codes = []
    for k, (at, part) in enumerate(parts):
        if shown[k] is not None:
            codes.append(_reading(part, shown[k]))
        elif k and len(part) < SHORT_TEXT:
            codes.append(None)  # a caption, a dateline, a name: the identifiers would only guess
        else:
            codes.append(identify(part, within=walk, at=at, known=known.get(k)))
    return codes[0], codes[1:]


def _two_words(text: str) -> bool:
    return next(islice(_WORD.finditer(text), 1, None), None) is not None


def identify(text: str, *, within: SharedWalk | None = None, at: int = 0, known: str | None = None) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell.

    `within`: a walk over a longer text that holds `text` at character `at`, to share its counts.
    `known`: py3langid's label of `text` when already found (`SharedWalk.labels`)."""
    if not _two_words(text):
        return None
    return _reading(text, shown_language(text) or _identified_by_model(text, within, at, known))


def _identified_by_model(text: str, within: SharedWalk | None, at: int, known: str | None) -> str | None:
    """The code lingua (a short text) or py3langid (a long one) gives `text`."""
    if len(text) < SHORT_TEXT:
        return _short_text_language(text)
    if known is not None:
        return known
    counted = within.counted(at, text) if within is not None else None
    code, _ = _langid().classify(counted if counted is not None else text)
    return code


def _reading(text: str, code: str | None) -> str | None:
    """The code of the folder that reads `text`, identified as `code`: a language confused with
    others told apart by its marker words, one known by another code reported by its own."""
    if code in _marker_groups():
        code = _told_apart(text, *_marker_groups()[code])
    return _reported().get(code, code) if code else code


@lru_cache(maxsize=4096)  # short paragraphs (captions, bylines, "Baca juga") recur across a site's pages
def _short_text_language(text: str) -> str | None:
    detected = _lingua().detect_language_of(text)
    return detected.iso_code_639_1.name.lower() if detected else None


def _told_apart(text: str, group: tuple[str, ...], markers: dict[str, str]) -> str:
    """Count marker words; the language itself (the group's first) wins ties: Indonesian over Malay.

    Malay needs at least one Malay word: without any marker the statistical guess between the
    two is close to a coin toss on a paragraph, and made one Indonesian paragraph in thirty Malay.
    """
    votes = Counter(map(markers.get, _WORD.findall(text.lower())))
    best = group[0]
    for code in group[1:]:
        if votes[code] > votes[best]:
            best = code
    return best
