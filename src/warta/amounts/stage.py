"""The "amounts" stage: money, percentages and counts, with what they refer to.

A figure is kept when it is money (a currency next to it), a percentage, or a count of something
named right after it ("80 pejabat", "18 criminal charges"). Dates (those the "dates" stage found,
and bare years), numbers inside names (G7, F-35, COVID-19), ordinals, ages and durations
("tiga tahun", "50 weeks") are no amounts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..model import Amount, Article, Span
from ..pipeline import register
from .counts import counted_after_modifiers, join_ranges, measure_after, next_words, partitive, plural
from .figures import Figure, find_figures
from .headline import date_mask, folded, same_figure
from .lexicon import Lexicon, load_lexicon

PRODUCER = "amounts"
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
REFERS_BEFORE, REFERS_AFTER = 6, 3  # words searched for what a figure refers to
SHORT_QUOTE = 4  # words of a quoted phrase that names something rather than quotes a statement


@dataclass(frozen=True)
class AmountStage:
    """Find money figures, percentages and counts."""

    name: str = "amounts"
    requires: frozenset[str] = frozenset({"text", "title", "language", "published", "paragraphs", "dates"})
    produces: frozenset[str] = frozenset({"amounts"})

    def __call__(self, article: Article) -> Article:
        dates = bytearray(len(article.text))  # 1 inside a date: one lookup per figure, however many dates
        for d in article.dates:
            dates[d.start:d.end] = b"\x01" * (d.end - d.start)
        found: list[Amount] = []
        last = _LastCounted()
        for k, paragraph in enumerate(article.paragraphs or (Span(0, len(article.text)),)):
            lex = load_lexicon(paragraph.language or article.language)
            figures = [f for f in find_figures(article.text, paragraph.start, paragraph.end, lex)
                       if dates.find(1, f.start, f.end) < 0]
            for figure in join_ranges(article.text, figures, lex):
                amount = to_amount(article.text, figure, lex, sentence_end=paragraph.end,
                                   last_counted=last.get(k))
                if amount is not None:
                    found.append(amount)
                    last.put(k, amount.counted)
        return article.replace(amounts=(*found, *title_amounts(article, found)))


def title_amounts(article: Article, body: list[Amount]) -> list[Amount]:
    """The amounts of the headline (`in_title`, offsets into the title) whose figure no amount of
    the body states: the body's record, with its sentence, wins (see `headline`)."""
    title = article.title or ""
    if not title.strip():
        return []
    lex = load_lexicon(article.language)
    read = folded(title, lex)  # title case read as running text
    in_date = date_mask(title, article)
    figures = [f for f in find_figures(read, 0, len(read), lex) if in_date.find(1, f.start, f.end) < 0]
    stated = {same_figure(a) for a in body}
    found = []
    for figure in join_ranges(read, figures, lex):
        amount = to_amount(read, figure, lex, sentence_end=len(read))
        if amount is not None and same_figure(amount) not in stated:
            stated.add(same_figure(amount))
            found.append(amount.replace(text=title[amount.start:amount.end], in_title=True))
    return found


class _LastCounted:
    """The noun the last count counted, for a count that leaves it out ("nearly 25,000"): from
    the same paragraph or the one before."""

    def __init__(self) -> None:
        self.noun: str | None = None
        self.paragraph = -2

    def get(self, paragraph: int) -> str | None:
        return self.noun if paragraph - self.paragraph <= 1 else None

    def put(self, paragraph: int, noun: str | None) -> None:
        if noun:
            self.noun, self.paragraph = noun, paragraph


def to_amount(text: str, figure: Figure, lex: Lexicon, *, sentence_end: int,
              last_counted: str | None = None) -> Amount | None:
    """The amount a figure states, or None when it is a date, a label, an age or a duration;
    `last_counted` is the noun a count with its noun left out ("nearly 25,000") counts."""
    if figure.value_max is not None and figure.value_max < figure.value:
        return None  # "787-9", "3-2": a model or a score, not a range
    figure = _about_suffix(text, figure)
    if _inside_name(text, figure) or _labelled(text, figure, lex):
        return None
    if figure.currency is None and not figure.percent and _bare_year(text, figure):
        return None
    refers = _refers_to(text, figure, lex)
    common = {"start": figure.start, "value": figure.value, "approximate": figure.approximate,
              "value_max": figure.value_max, "refers_to": refers, "producer": PRODUCER}
    if figure.currency or figure.percent:
        unit = figure.currency or "percent"
        return Amount(text=text[figure.start:figure.end], end=figure.end, unit=unit, **common)
    if (figure.words and (not _counting_word(text, figure, lex) or _in_short_quote(text, figure))) \
            or _after_name(text, figure) \
            or _after_number(text, figure, lex):
        # "dua negara", "the two leaders": number words count only where the language says they
        # do; a figure right after a name is part of it ("S&P 500 melemah", "Boeing 737"), one
        # right after a count names a model ("400 737 Max jets", "five 787 Dreamliners").
        return None
    measure = measure_after(text, figure.end, sentence_end, lex)
    if measure is not None:
        return Amount(text=text[figure.start:measure[1]], end=measure[1], unit=measure[0], **common)
    counted = _counted(text, figure.end, sentence_end, lex, words_only=figure.words)
    if counted is not None and counted[0].lower() in lex.after:  # "millions of dollars"
        end = counted[1]
        return Amount(text=text[figure.start:end], end=end, unit=lex.after[counted[0].lower()], **common)
    if counted is None and not figure.words and last_counted and _elided(text, figure, sentence_end, lex):
        return Amount(text=text[figure.start:figure.end], end=figure.end, unit="count", counted=last_counted,
                      **common)
    if counted is None or _singular_after_many(counted[0], figure, lex):
        return None
    end = counted[1]
    return Amount(text=text[figure.start:end], end=end, unit="count", counted=counted[0], **common)


def _singular_after_many(noun: str, figure: Figure, lex: Lexicon) -> bool:
    """"the 777 program": in a language that marks plurals, a singular noun after a figure above
    one is no count of it (the figure names a model, a route, a page)."""
    if not lex.plural_suffixes or figure.value <= 1 or figure.value_max is not None:
        return False
    last = noun.split()[-1]
    return last[:1].islower() and not plural(last, lex)


def _after_number(text: str, figure: Figure, lex: Lexicon) -> bool:
    """True when a number (digits or a number word) stands right before the figure: "400 737
    Max jets", "five 787 Dreamliner sales" count the first, the second names a model."""
    match = re.search(r"(\S+) +$", text[max(0, figure.start - 30):figure.start])
    if match is None:
        return False
    word = match.group(1)
    return bool(re.fullmatch(r"\d[\d.,]*", word)) or word.lower() in lex.numbers


def _counting_word(text: str, figure: Figure, lex: Lexicon) -> bool:
    """"two journalists", "four million Sudanese": a number word of `count-word`, not after a
    determiner ("the two leaders" points back to things counted before)."""
    first = re.split(r"[\s-]", text[figure.start:figure.end].lower(), maxsplit=1)[0]
    before = _WORD.findall(text[max(0, figure.start - 20):figure.start])
    # "the two leaders", "the world's two biggest polluters", "one of two hurricanes"
    pointing = bool(before) and (before[-1].lower() in lex.determiners or before[-1].endswith(("'s", "’s"))
                                 or _part_of(before, lex))
    return first in lex.word_counts and not pointing


def _part_of(before: list[str], lex: Lexicon) -> bool:
    """"one of two storms", "each of three": a quantifier or a number, then "of", before the
    number word (after a noun, "the testimony of four officials", the number word counts)."""
    if len(before) < 2 or before[-1].lower() not in lex.partitives:
        return False
    word = before[-2].lower()
    return word in lex.quantifiers or word in lex.numbers or word in lex.determiners


def _in_short_quote(text: str, figure: Figure) -> bool:
    """"one country, two systems", "the Three Amigos": a number word inside a short quoted phrase
    (SHORT_QUOTE words at most) is part of a slogan or a nickname, not a count."""
    left = text[max(0, figure.start - 40):figure.start]
    opened = max(left.rfind(m) for m in "“‘\"")
    if opened < 0 or any(m in left[opened + 1:] for m in "”’"):
        return False
    right = text[figure.end:figure.end + 40]
    closes = [i for i in (right.find(m) for m in "”’\"") if i >= 0]
    if not closes:
        return False
    phrase = left[opened + 1:] + text[figure.start:figure.end] + right[:min(closes)]
    return len(phrase.split()) <= SHORT_QUOTE


def _elided(text: str, figure: Figure, end: int, lex: Lexicon) -> bool:
    """"nearly 25,000.", "some 3,000 fled": a count whose noun is left out, as the figure ends
    its phrase; only figures of 100 or more (a small bare number is a score, a label or an age)."""
    if figure.value < 100:
        return False
    after = text[figure.end:end].lstrip()
    if not after or after[0] in ".,;:)!?":
        return True
    words = next_words(text, figure.end, end, limit=1)
    return bool(words) and words[0][0].lower() in lex.elision_next


def _inside_name(text: str, figure: Figure) -> bool:
    """G7, F-35, COVID-19, 5G, 48-year-old, 13/6, 10:30: the figure is glued to something."""
    before = text[figure.start - 1] if figure.start else " "
    after = text[figure.end] if figure.end < len(text) else " "
    after2 = text[figure.end + 1] if figure.end + 1 < len(text) else " "
    if figure.currency is None and (before.isalnum() or before in "-/:"):
        return True
    if figure.currency is None and not figure.percent and after in "-–" and after2.isdigit():
        return True  # "787-9", "3-2": a model or a score
    return after.isalpha() or after in "/:" and after2.isdigit() or (after in "-–" and after2.isalpha())


def _after_name(text: str, figure: Figure) -> bool:
    """True when a capitalised word, not the first of its sentence, stands right before the figure."""
    match = re.search(r"(\S+)\s+$", text[max(0, figure.start - 40):figure.start])
    if match is None or not match.group(1)[:1].isupper() or not match.group(1)[-1].isalnum():
        return False  # "di Kupang, 2.100 rumah": punctuation parts the name from the figure
    before = text[max(0, figure.start - 40):figure.start][:match.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:\"“("


def _labelled(text: str, figure: Figure, lex: Lexicon) -> bool:
    """"pasal 5", "No. 7", "nomor 3", "ke-2": a word before the figure makes it a label."""
    if figure.currency or figure.percent:
        return False
    words = _WORD.findall(text[max(0, figure.start - 20):figure.start])
    return bool(words) and words[-1].lower().rstrip(".") in lex.not_before


def _bare_year(text: str, figure: Figure) -> bool:
    written = text[figure.start:figure.end]
    return written.isdigit() and len(written) == 4 and 1800 <= figure.value <= 2100


def _counted(text: str, start: int, end: int, lex: Lexicon, *, words_only: bool = False) -> tuple[str, int] | None:
    """The thing counted: the lowercase word(s) right after the figure ("80 pejabat"), a plural
    after modifiers ("150 French military advisers"), or after "of the" ("87 of the ships").
    A number word (`words_only`) counts only a plural ("two under the code" counts nothing)."""
    words = next_words(text, start, end)
    if not words:
        return None
    found = partitive(words, lex) or counted_after_modifiers(words, lex)
    if found is not None:
        return found
    first = words[0][0]
    if words_only and lex.plural_suffixes and not plural(first, lex):
        return None
    if not first[:1].isalpha() or not (first[:1].islower() or _counted_capital(first, lex)):
        return None
    if first.lower() in lex.not_counted or _verb_like(first.lower(), lex):
        return None
    return first, words[0][1]


def _counted_capital(word: str, lex: Lexicon) -> bool:
    """Capitalised words that are counted: acronyms of people or bodies ("194 WNI", "3 BUMN") and
    known nouns written with a capital ("13 Menteri Pertahanan"); units like "WIB" are data."""
    return (word.isupper() and word.isalpha() and 2 <= len(word) <= 5) or word.lower() in lex.counted


def _about_suffix(text: str, figure: Figure) -> Figure:
    """"380-an WNI": Indonesian "-an" after a figure means "about", and is no part of a name."""
    if figure.currency or figure.percent or figure.words or text[figure.end:figure.end + 3] != "-an":
        return figure
    if _bare_year(text, figure):  # "1990-an" is a decade
        return figure
    after = text[figure.end + 3:figure.end + 4]
    if after.isalnum():
        return figure
    return replace(figure, end=figure.end + 3, approximate=True)


def _verb_like(word: str, lex: Lexicon) -> bool:
    """Indonesian verbs ("menjadi", "menyusul", "berjumlah") follow figures but are not counted;
    their prefixes are data (`verb-prefix`), with nouns that look like them (`counted`) excepted."""
    if word in lex.counted:
        return False
    return any(word.startswith(p) and len(word) > len(p) + 2 for p in lex.verb_prefixes) or any(
        re.fullmatch(pattern, word) for pattern in lex.verb_patterns)


def _refers_to(text: str, figure: Figure, lex: Lexicon) -> str | None:
    """The nearest word of `amount_refers.tsv` a few words before or after the figure."""
    before = _WORD.findall(_clause_before(text, figure.start))[-REFERS_BEFORE:]
    after = _WORD.findall(_clause_after(text, figure.end))[:REFERS_AFTER]
    candidates = [(len(before) - i, w) for i, w in enumerate(before)] + [(i + 1, w) for i, w in enumerate(after)]
    for _, word in sorted(candidates, key=lambda c: c[0]):
        label = _label(word.lower(), lex)
        if label:
            return label
    return None


@lru_cache(maxsize=65536)  # per word form: news repeats its words
def _label(word: str, lex: Lexicon) -> str | None:
    for entry, label in lex.refers:
        if word == entry or (entry.endswith("*") and word.startswith(entry[:-1])):
            return label
    return None


def _clause_before(text: str, start: int) -> str:
    chunk = text[max(0, start - 120):start]
    cut = max(chunk.rfind(c) for c in ".;\n")
    return chunk[cut + 1:]


def _clause_after(text: str, end: int) -> str:
    chunk = text[end:end + 80]
    cuts = [i for i in (chunk.find(c) for c in ".;,\n") if i >= 0]
    return chunk[:min(cuts)] if cuts else chunk


@register("amounts")
def _amounts(settings: dict[str, Any]) -> AmountStage:
    return AmountStage()
