"""Words around figures, per language: `amount_words.tsv`, `currencies.tsv` and `amount_refers.tsv`
in `lang/<code>/`, plus currency names from CLDR (Babel) for the ISO 4217 codes news quotes.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lang import language_for
from ..lang.folders import read_lines

# Currency names are taken from CLDR for these codes only: rarer codes' names ("real", "rand",
# "won") are ordinary words too often.
CLDR_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "HKD", "SGD", "AUD", "CAD", "CHF", "RUB", "INR", "IDR",
              "MYR", "THB", "PHP", "VND", "KRW", "SAR", "AED", "IRR", "TRY", "UAH", "ILS", "EGP", "PKR",
              "QAR", "KWD", "NZD", "TWD", "SEK", "NOK", "DKK", "PLN", "MXN", "BRL", "ZAR", "NGN", "KPW", "IQD")


@dataclass(frozen=True, eq=False)  # compared (and hashed, for caching) by identity
class Lexicon:
    """Everything the amount finder needs to know about one language."""

    code: str
    scales: dict[str, float]
    numbers: dict[str, float]  # words for figures ("lima", "seven"), many-words included
    many: frozenset[str]  # "ribuan", "thousands": approximate counts
    approx: tuple[str, ...]
    percent: tuple[str, ...]
    not_counted: frozenset[str]
    not_before: frozenset[str]
    before: dict[str, str]  # currency written before the figure -> ISO code
    after: dict[str, str]  # currency written after the figure (lowercased) -> ISO code
    refers: tuple[tuple[str, str], ...]  # (word prefix, label)
    decimal: str  # the decimal separator of the language's own style
    verb_prefixes: tuple[str, ...] = ()
    counted: frozenset[str] = frozenset()
    verb_patterns: tuple[str, ...] = ()  # regexes of verb forms ("di…kan": diserahkan)
    word_counts: frozenset[str] = frozenset()  # number words that count things ("two journalists")
    determiners: frozenset[str] = frozenset()  # "the two leaders": a number word after one points back
    plurals: frozenset[str] = frozenset()  # plurals without the ending: "people", "children"
    plural_suffixes: tuple[str, ...] = ()  # "advisers": a counted noun after modifiers ("French military")
    measures: dict[str, str] = field(default_factory=dict)  # "tonnes" -> "tonne": the unit of a measure
    partitives: frozenset[str] = frozenset()  # "87 of the ships": the noun after "of the" is counted
    range_openers: frozenset[str] = frozenset()  # "between 200 and 300": a range with both ends
    range_joiners: frozenset[str] = frozenset()  # "and" after an opener
    range_to: frozenset[str] = frozenset()  # "10 to 15 villages", "10 hingga 15 desa": no opener needed
    range_breakers: frozenset[str] = frozenset()  # "from 200 to 300": a change, two figures
    elision_next: frozenset[str] = frozenset()  # "25,000 fled": words after a count whose noun is elided
    modifier_joiners: frozenset[str] = frozenset()  # "security and diplomatic officials": one noun's modifiers
    quantifiers: frozenset[str] = frozenset()  # "one of two storms": "of" after one points back


def _rows(code: str, name: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("\t")] for line in read_lines(code, name)]


@cache
def load_lexicon(code: str | None) -> Lexicon:
    """Lexicon of the language that reads `code` (English when warta does not read it)."""
    language = language_for(code)
    code = language.code
    words = _rows(code, "amount_words.tsv")
    kind = lambda k: [r for r in words if len(r) > 1 and r[1] == k]
    before, after = {}, {}
    for row in _rows(code, "currencies.tsv"):
        if len(row) >= 3:
            (before if row[2] == "before" else after)[row[0] if row[2] == "before" else row[0].lower()] = row[1]
    for iso, name in _cldr_names(code):
        after.setdefault(name.lower(), iso)
    return Lexicon(
        code=code,
        scales={r[0].lower(): float(r[2]) for r in kind("scale")},
        numbers=_with_compounds({r[0].lower(): float(r[2]) for r in kind("number") + kind("many")},
                                [r[0].replace("_", " ") for r in kind("compound-joiner")]),
        many=frozenset(r[0].lower() for r in kind("many")),
        approx=tuple(r[0].lower() for r in kind("approx")),
        percent=tuple(r[0].lower() for r in kind("percent")),
        not_counted=frozenset(r[0].lower() for r in kind("not-counted")),
        not_before=frozenset(r[0].lower() for r in kind("not-before")),
        before=before, after=after,
        refers=tuple((r[0].lower(), r[1]) for r in _rows(code, "amount_refers.tsv") if len(r) > 1),
        decimal=language.decimal,
        verb_prefixes=tuple(r[0].lower() for r in kind("verb-prefix")),
        counted=frozenset(r[0].lower() for r in kind("counted")),
        verb_patterns=tuple(r[0] for r in kind("verb-pattern")),
        **_counting(kind))


def _counting(kind: Callable[[str], list[list[str]]]) -> dict[str, Any]:
    """The words that find counts beyond "<digits> <noun>": number words, modifiers, measures, ranges."""
    words = lambda k: frozenset(r[0].lower() for r in kind(k))
    return {"word_counts": words("count-word"), "determiners": words("determiner"),
            "plurals": words("plural"), "plural_suffixes": tuple(r[0].lower() for r in kind("plural-suffix")),
            "measures": {r[0].lower(): r[2] if len(r) > 2 else r[0] for r in kind("measure")},
            "partitives": words("partitive"), "range_openers": words("range-opener"),
            "range_joiners": words("range-joiner"), "range_to": words("range-to"),
            "range_breakers": words("range-breaker"),
            "elision_next": words("elision-next"), "modifier_joiners": words("modifier-joiner"),
            "quantifiers": words("quantifier")}


def _with_compounds(numbers: dict[str, float], joiners: list[str]) -> dict[str, float]:
    """Number words plus tens joined to units: "fifty-one" (51), "dua puluh lima" (25)."""
    tens = {w: v for w, v in numbers.items() if v in range(20, 100, 10)}
    units = {w: v for w, v in numbers.items() if v in range(1, 10) and " " not in w}
    out = dict(numbers)
    for joiner in joiners:
        out.update({f"{t}{joiner}{u}": tv + uv for t, tv in tens.items() for u, uv in units.items()})
    return out


def _cldr_names(code: str) -> list[tuple[str, str]]:
    """(ISO code, name) pairs from CLDR: singular and plural, "Dolar Hong Kong", "Hong Kong dollars";
    kept with warta's compiled tables (Babel's locale data takes a tenth of a second to load)."""
    from ..compiled import compiled, package_key

    return compiled(f"cldr-currencies-{code}", [package_key("babel"), code, *CLDR_CODES], lambda: _read_cldr_names(code))


def _read_cldr_names(code: str) -> list[tuple[str, str]]:
    try:
        from babel import Locale, UnknownLocaleError
        from babel.numbers import get_currency_name
    except ImportError:
        return []
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):  # a language CLDR does not know: its currencies.tsv only
        return []
    out = []
    for iso in CLDR_CODES:
        for count in (1, 2):
            name = get_currency_name(iso, count=count, locale=code)
            if name and name != iso and re.fullmatch(r"[^\W\d_][\w .'-]*", name):
                out.append((iso, name))
    return out
