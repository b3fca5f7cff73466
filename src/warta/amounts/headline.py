"""Figures in the headline that the body does not repeat ("Indonesia Sends 5,000 Troops").

The headline is read by the same finder as the body (`to_amount`, the language's lexicon), with
two differences a headline needs:

- Headlines are often written in title case or capitals, where every word is capitalised and the
  finder's case rules (a counted noun is lowercase, a figure after a capitalised word belongs to a
  name) would keep nothing. The finder reads a copy of the headline, of the same length, with its
  capitalised words in lower case except names (the language's `entities_names.txt` /
  `entities_case_names.txt`: words nearly always capitalised in running text, "Boeing 737") and
  currency signs ("US$", "Rp"), which are left as written.
- A figure the body states too (same unit and value) is the body's: its record, with the
  sentence around it, is kept, and the headline's is dropped, so nothing is counted twice.

The stage (`AmountStage`) gives these records `in_title=True` and offsets into `Article.title`.
"""
from __future__ import annotations

import re
from functools import cache

from ..lang import language_for
from ..lang.folders import read_lines
from ..model import Amount, Article
from .lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
NAME_FILES = ("entities_names.txt", "entities_case_names.txt")  # a language folder holds one or both
TITLE_CASE_SHARE = 0.6  # more than this share of a headline's words (connectors aside) capitalised: title case


def same_figure(amount: Amount) -> tuple[str, float, float | None]:
    """What makes two amounts state the same figure: unit (currency), value and range end."""
    return amount.unit, amount.value, amount.value_max


def folded(title: str, lex: Lexicon) -> str:
    """`title` with its capitalised words other than names in lower case when it is written in
    title case or capitals (each character stays where it was: a word whose lower case has
    another length is kept)."""
    connectors = language_for(lex.code).headline_connectors  # "of", "dan": lowercase in title case too
    words = [m for m in _WORD.finditer(title) if m.group() not in connectors]
    capitalised = [m for m in words if m.group()[0].isupper()]
    if len(words) < 2 or len(capitalised) <= TITLE_CASE_SHARE * len(words):
        return title
    names = name_words(lex.code)
    out = list(title)
    for m in capitalised:
        word, low = m.group(), m.group().lower()
        if low not in names and len(low) == len(word) and not _currency_at(title, m.start(), lex):
            out[m.start():m.end()] = low
    return "".join(out)


@cache
def name_words(code: str) -> frozenset[str]:
    """The language's words nearly always capitalised in running text (names), in lower case."""
    return frozenset(w.strip().lower() for name in NAME_FILES for w in read_lines(code, name))


def _currency_at(title: str, start: int, lex: Lexicon) -> bool:
    """"US$", "Rp": a currency sign, matched as written, starts here."""
    return any(title.startswith(sign, start) for sign in lex.before)


def date_mask(title: str, article: Article) -> bytearray:
    """1 inside a date of the headline ("12 Juni", "June 12"): its figures are no amounts."""
    from ..dates.find import find_dates, load_calendar  # the dates package imports the amounts package
    from ..dates.stage import parse_published

    mask = bytearray(len(title))
    for d in find_dates(title, 0, len(title), calendar=load_calendar(article.language),
                        published=parse_published(article.published)):
        mask[d.start:d.end] = b"\x01" * (d.end - d.start)
    return mask
