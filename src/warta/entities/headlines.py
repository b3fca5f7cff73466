"""Lines written in title case (a related article's headline inside the text: "- Memanas! AS
Kirim Lebih Banyak Jet Tempur ke Timur Tengah"), where capitals say nothing about names.

A tagger reads a capitalised run as a name; in a headline every word is capitalised, so what it
finds there ("Kirim Lebih Banyak Jet Tempur") is noise unless the knowledge base knows the name.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Span
from .candidates import Candidate

MIN_WORDS = 4  # a shorter line ("Jakarta, Kamis") is no headline to judge
MAX_WORDS = 25  # a longer one is running text
CAPITALISED_SHARE = 0.8  # of the words of three letters or more
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_headline(line: str) -> bool:
    """Is `line` written in title case?"""
    line = line.strip()
    if line.endswith(".") or line.count(",") > 1:
        return False  # a sentence, or a list of names ("Budi Santoso, Joko Widodo, Ahmad Yani, ...")
    words = _WORD.findall(line)
    long = [w for w in words if len(w) >= 3]
    if not MIN_WORDS <= len(words) <= MAX_WORDS or len(long) < MIN_WORDS - 1:
        return False
    return sum(w[0].isupper() for w in long) >= CAPITALISED_SHARE * len(long)


def headline_spans(text: str, paragraphs: tuple[Span, ...]) -> list[Span]:
    """The paragraphs of the text written in title case."""
    return [p for p in paragraphs if is_headline(text[p.start:p.end])]


def outside_headlines(found: list[Candidate], headlines: list[Span]) -> list[Candidate]:
    """The candidates, without taggers' names the KB does not know inside a headline line."""
    if not headlines:
        return found
    starts = [h.start for h in headlines]

    def inside(c: Candidate) -> bool:
        i = bisect_right(starts, c.start) - 1
        return i >= 0 and c.end <= headlines[i].end

    return [c for c in found if c.entry is not None or c.source not in ("crf", "spacy") or not inside(c)]
