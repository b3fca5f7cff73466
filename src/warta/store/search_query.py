"""The search box's query language, read once and rendered for each backend.

`kerja sama pertahanan` needs all three words (AND by default); `"perang dagang"` is a phrase
(its words next to each other, in order); `a OR b` needs either; `ekspor*` is a prefix; `-word`
leaves out articles holding the word. Anything else (FTS5 or tsquery syntax, punctuation) is
read as words, never passed through: a query cannot make the backend fail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .stem import stem_word, words

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class Term:
    """A word, a phrase (several words in a row) or a prefix (one word ending in *)."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        """The Indonesian stems of the words (a prefix is kept as typed: its word is unfinished)."""
        return self.words if self.prefix else tuple(stem_word(w) for w in self.words)


@dataclass(frozen=True, slots=True)
class Query:
    """Clauses that must all match (each: terms of which one must match), and terms that must not."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def terms(self) -> list[Term]:
        """Every term that can match, for highlighting."""
        return [t for clause in self.clauses for t in clause]


def parse(text: str) -> Query:
    """Read a search box query (see the module's docstring)."""
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _TOKEN.finditer(text or ""):
        phrase, bare = match.groups()
        if bare == "OR":
            join_next = bool(clauses)
            continue
        negated = bare is not None and bare.startswith("-") and len(bare) > 1
        found = _terms(phrase if phrase is not None else bare.removeprefix("-") if negated else bare,
                       quoted=phrase is not None)
        if not found:
            continue
        if negated:
            excluded += found
        elif join_next and len(found) == 1:
            clauses[-1].append(found[0])
        else:
            clauses += [[t] for t in found]
        join_next = False
    return Query(tuple(tuple(c) for c in clauses), tuple(excluded))


def _terms(text: str, *, quoted: bool) -> list[Term]:
    """The terms of one token: a phrase when quoted, a prefix when it ends in *, else its words
    (`covid-19,` is the words covid-19)."""
    found = words(text)
    if not found:
        return []
    if quoted:
        return [Term(tuple(found))]
    if text.endswith("*") and len(found) == 1 and len(found[0]) >= 2:
        return [Term((found[0],), prefix=True)]
    return [Term((w,)) for w in found]


def as_phrase(query: Query) -> Query | None:
    """Several plain words AND-ed (`kerja sama pertahanan`) as one phrase, to rank the articles
    holding them in a row above those holding them apart; None for any other query."""
    terms = [clause[0] for clause in query.clauses if len(clause) == 1]
    if len(terms) != len(query.clauses) or len(terms) < 2 or any(t.prefix or len(t.words) > 1 for t in terms):
        return None
    return Query(((Term(tuple(t.words[0] for t in terms)),),), query.excluded)


def fts5(query: Query) -> str:
    """The query as an FTS5 MATCH expression over `title`, `body` (porter stems) and `id_stem`
    (Sastrawi stems): each term matches as English or as Indonesian."""
    def term(t: Term) -> str:
        star = " *" if t.prefix else ""
        return (f'({{title body}} : "{" ".join(t.words)}"{star} OR id_stem : "{" ".join(t.stems)}"{star})')

    sql = " AND ".join("(" + " OR ".join(term(t) for t in clause) + ")" for clause in query.clauses)
    for t in query.excluded:
        sql = f"({sql}) NOT {term(t)}"
    return sql


_WORD_IN_TEXT = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def mark_stems(snippet: str, query: Query) -> str:
    """The snippet with every word marked (\\x02…\\x03) whose Indonesian stem, or itself, a term
    of the query names: the index matched "berjanji" to "perjanjian" by their stem, the snippet
    should show it too. Marks already there are kept."""
    return StemMarker(query)(snippet)


class StemMarker:
    """`mark_stems` for one query's snippets: what each word is found to be is kept for the next
    snippet (a page of 50 snippets repeats most of its words)."""

    def __init__(self, query: Query) -> None:
        self.stems = {s for t in query.terms() if not t.prefix for s in (*t.stems, *t.words)}
        self.prefixes = tuple(t.words[0] for t in query.terms() if t.prefix)
        # A word's stem less its first letter is in the word (a prefix may change only that letter:
        # menulis → tulis, mengirim → kirim), so a word without any such core cannot stem to a term
        # and is not stemmed: Sastrawi took 20 ms a snippet, most of a search's time.
        cores = sorted({s[1:] for s in self.stems}, key=len, reverse=True)
        self.core = re.compile("|".join(map(re.escape, cores))) if cores else None
        self.known: dict[str, bool] = {}

    def hit(self, word: str) -> bool:
        """Does the (lower-cased) word name a term, by itself, its prefix or its stem?"""
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = bool(
                word in self.stems or (self.prefixes and word.startswith(self.prefixes))
                or (self.core is not None and self.core.search(word) and stem_word(word) in self.stems))
        return found

    def __call__(self, snippet: str) -> str:
        def mark(match: re.Match[str]) -> str:
            word = match.group(0)
            return f"\x02{word}\x03" if self.hit(word.lower()) else word

        plain = snippet.replace("\x02", "").replace("\x03", "")
        return _WORD_IN_TEXT.sub(mark, plain)
