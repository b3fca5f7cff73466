"""Is an amount promised or realised? Read from its own clause.

The words that decide are those of the amount's clause — the text between the punctuation or
clause opener before it and the one after it (openers: the language's `event_date_cues.tsv`; a
relative pronoun, "yang", "which", keeps the noun it describes in the clause) —
and, where the sentence has a dependency parse, those of the predicate that governs the amount:
the first verb above it, its auxiliaries and the verbs it complements ("plans to invest $5bn").
A promised word (a future or modal, a pledge, plan, target or agreement) wins over a realised one
(reached, recorded, paid, spent; a verb in the past tense in a parse). The words are language data
(`lang/<code>/amount_status.tsv`). With neither the status is unknown (None), never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import language_for
from ..lang.folders import read_lines
from ..model import Amount, Article, Parse
from ..syntax.tree import children, head, parse_at

_WORDS = re.compile(r"[^\W_][\w'’-]*")
_STOP = re.compile(r"[.!?](?=\s)|\n")
_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")


class Phrases:
    """Cue phrases (lower case; a part ending in * is a prefix), indexed by their first word: a
    clause is tested at each word against the few phrases that can start there, not against all."""

    def __init__(self, phrases: tuple[tuple[str, ...], ...]) -> None:
        self.phrases = phrases
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.prefixed = tuple(p for p in phrases if p[0].endswith("*"))  # tried where a word starts so
        self.heads = tuple(p[0][:-1] for p in self.prefixed)
        for phrase in phrases:
            if not phrase[0].endswith("*"):
                self.by_first.setdefault(phrase[0], []).append(phrase)

    def found_in(self, words: list[str]) -> bool:
        """Does any phrase occur in `words` (lower case)?"""
        for i, word in enumerate(words):
            starting = self.by_first.get(word, ())
            for phrase in (*starting, *self.prefixed) if word.startswith(self.heads) else starting:
                n = len(phrase)
                if i + n <= len(words) and all(w.startswith(p[:-1]) if p.endswith("*") else w == p
                                               for w, p in zip(words[i:i + n], phrase)):
                    return True
        return False


@dataclass(frozen=True)
class StatusCues:
    """A language's promised and realised words (whole words, prefixes ending in *, phrases) and
    clause openers."""

    promised: Phrases
    realised: Phrases
    openers: frozenset[str]


@cache
def status_cues(code: str | None) -> StatusCues:
    """The cues of the language that reads `code`."""
    code = language_for(code).code
    kinds: dict[str, list[tuple[str, ...]]] = {"promised": [], "realised": []}
    for line in read_lines(code, "amount_status.tsv"):
        kind, _, words = line.partition("\t")
        kinds.setdefault(kind.strip(), []).extend(tuple(w.split("~")) for w in words.strip().split("|") if w)
    return StatusCues(Phrases(tuple(kinds["promised"])), Phrases(tuple(kinds["realised"])),
                      _kind(code, "event_date_cues.tsv", "opener") - _kind(code, "event_cues.tsv", "relative"))


def _kind(code: str, filename: str, wanted: str) -> frozenset[str]:
    """The one-word entries of one kind of a language's cue file."""
    found: set[str] = set()
    for line in read_lines(code, filename):
        kind, _, words = line.partition("\t")
        if kind.strip() == wanted:
            found.update(w for w in words.strip().split("|") if w and "~" not in w)
    return frozenset(found)


def _has(words: list[str], phrases: Phrases) -> bool:
    """Does any of `phrases` occur in `words` (lower case)?"""
    return phrases.found_in(words)


def clause_words(text: str, amount: Amount, bounds: tuple[int, int], openers: frozenset[str]) -> list[str]:
    """The lower-case words of the amount's clause within the sentence `bounds`."""
    lo, hi = bounds
    cuts = [m.end() for m in _PUNCT.finditer(text, lo, amount.start)]
    start = cuts[-1] if cuts else lo
    after = _PUNCT.search(text, amount.end, hi)
    end = after.start() if after else hi
    before = _WORDS.findall(text[start:amount.start].lower())
    opened = max((i for i, w in enumerate(before) if w in openers), default=-1)
    following = []
    for w in _WORDS.findall(text[amount.end:end].lower()):
        if w in openers:
            break
        following.append(w)
    return before[opened + 1:] + _WORDS.findall(text[amount.start:amount.end].lower()) + following


def _sentence_around(text: str, amount: Amount) -> tuple[int, int]:
    """The sentence around an amount when the article has no sentences: from the last full stop
    before it to the next after it."""
    stops = [m.end() for m in _STOP.finditer(text, 0, amount.start)]
    after = _STOP.search(text, amount.end)
    return (stops[-1] if stops else 0), (after.start() if after else len(text))


def amount_status(article: Article, amount: Amount) -> str | None:
    """"promised", "realised" or None for `amount` of `article` (see the module docstring)."""
    cues = status_cues(article.language)
    if amount.in_title:  # the headline is its own clause, and has no parse
        title = article.title or ""
        words = clause_words(title, amount, (0, len(title)), cues.openers)
        return "promised" if _has(words, cues.promised) else "realised" if _has(words, cues.realised) else None
    sentence = next(((s.start, s.end) for s in article.sentences if s.start <= amount.start < s.end), None) \
        or _sentence_around(article.text, amount)
    words = clause_words(article.text, amount, sentence, cues.openers)
    parse = parse_at(article, amount.start) if article.syntax else None
    predicate, past = governing(parse, amount, article.text) if parse is not None else ([], False)
    if _has(words, cues.promised) or _has(predicate, cues.promised):
        return "promised"
    if past or _has(words, cues.realised) or _has(predicate, cues.realised):
        return "realised"
    return None


def governing(parse: Parse, amount: Amount, text: str) -> tuple[list[str], bool]:
    """The words (lower case, and their lemmas) of the predicate governing the amount in `parse`,
    and whether that verb is in the past tense without a modal or future auxiliary."""
    inside = [i for i, w in enumerate(parse.words) if amount.start <= w.start < amount.end]
    top = next((i for i in inside if (h := head(parse, i)) is None or h not in inside), None)
    verb = top
    while verb is not None and parse.words[verb].upos not in ("VERB", "AUX"):
        verb = head(parse, verb)
    if verb is None:
        return [], False
    group = [verb]
    while parse.words[group[-1]].deprel == "xcomp" and (up := head(parse, group[-1])) is not None:
        group.append(up)  # "plans to invest": the verb it complements
    group += [j for v in list(group) for j in children(parse, v, ("aux",))]
    words = [text[parse.words[i].start:parse.words[i].end].lower() for i in group]
    words += [parse.words[i].lemma.lower() for i in group]
    past = "Tense=Past" in parse.words[verb].feats and len(group) == 1
    return words, past
