"""People named by surname alone, which a tagger misses: "Arafat condemned the attack".

A capitalised word that no other finder took, standing alone (no capitalised word before it in
its sentence) before a verb of the language's event or speech lexicons, is a person when the knowledge base
holds it as a bare surname (`kb/surnames.tsv`, from the Phoenix country actors) and it is not an
ordinary word of the language (common words, and words news seldom capitalises mid-sentence:
"Her", "Rice", "Major" stay words). The event coder then reads
the person's country from the same table.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ..kb import surname_table
from ..model import Article
from ..lang import language_for
from ..lang.folders import read_lines
from .candidates import Candidate
from .lexicon import word_list

# A lone capitalised word (hyphenated names too) followed by a lower-case word.
_LONE = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?P<verb>[a-z]+)\b")
VERB_FILES = ("event_triggers.tsv", "event_extra.tsv", "quote_cues.tsv")  # forms\t[code\t]kind
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ ]*$")


@cache
def verbs(code: str) -> frozenset[str]:
    """The one-word verb forms of a language's event triggers and speech cues."""
    found = set()
    for filename in VERB_FILES:
        for line in read_lines(code, filename):
            cells = line.split("\t")
            if not line.startswith("@") and cells[-1].strip() == "verb":
                found.update(form for form in cells[0].split("|") if form.isalpha())
    return frozenset(found)


@cache
def bare_surnames() -> frozenset[str]:
    """The one-word keys of `kb/surnames.tsv` (surnames of one country's people)."""
    return frozenset(k for k in surname_table() if " " not in k)


def surname_candidates(article: Article, found: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """Lone surnames the knowledge base knows, outside every span already found."""
    taken = sorted((c.start, c.end) for c in found)
    starts = [s for s, _ in taken]
    surnames = bare_surnames()
    code = language_for(article.language).code
    ordinary, verb_forms = word_list(code, "entities_case_common.txt"), verbs(code)  # "Her", "Little"
    out = []
    for m in _LONE.finditer(article.text):
        word = m.group("name")
        key = word.casefold()
        if key not in surnames or key in common or key in ordinary or m.group("verb") not in verb_forms:
            continue
        if _inside(taken, starts, m.start("name"), m.end("name")):
            continue
        if _CAPITALISED_BEFORE.search(_sentence_before(article, m.start())):
            continue  # part of a longer name or a title the finders left
        out.append(Candidate(m.start("name"), m.end("name"), word, "PERSON", "rule"))
    return out


def _inside(taken: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect_right(starts, end)
    return any(s < end and start < e for s, e in taken[max(0, i - 40):i])


def _sentence_before(article: Article, start: int) -> str:
    """The text of the sentence before `start` (empty at the sentence's start)."""
    begin = max((s.start for s in article.sentences if s.start <= start), default=0)
    return article.text[begin:start]
