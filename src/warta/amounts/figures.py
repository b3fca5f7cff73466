"""Figures in text: numbers in either separator style, with currency, scale and percent.

`parse_number` reads "16.312" and "1,1" the Indonesian way and "16,312" and "1.1" the English
way. `find_figures` returns every figure with what surrounds it; deciding which figures are
amounts (not dates, names or durations) is `amounts.stage`'s job.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .alternation import trie_alternation
from .lexicon import Lexicon
from .scan import Anchors, matches

# Digits with thousands groups, or plain digits with an optional decimal part. No nested
# quantifier can match the same characters two ways, so long inputs cannot backtrack badly.
NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: its span, value (scale applied), range end, currency and percent flag."""

    start: int
    end: int
    value: float
    value_max: float | None
    currency: str | None
    percent: bool
    approximate: bool
    words: bool  # written in words ("lima", "thousands")
    scale: float = 1.0  # the scale word's factor ("million": 1e6), 1 without one


def parse_number(text: str, *, decimal: str = ".") -> float:
    """Value of a written number; `decimal` is the separator the language uses for decimals."""
    text = text.strip()
    if "." in text and "," in text:  # both: the last one is the decimal mark
        dec = "." if text.rfind(".") > text.rfind(",") else ","
        return float(text.replace("," if dec == "." else ".", "").replace(dec, "."))
    for sep in ".,":
        if sep in text:
            parts = text.split(sep)
            if len(parts) > 2 or (len(parts[1]) == 3 and sep != decimal):
                return float("".join(parts))  # 16.312 (id), 16,312 (en), 1.000.000
            return float(parts[0] + "." + parts[1])
    return float(text)


@cache
def _pattern(lex: Lexicon) -> re.Pattern[str]:
    def alternation(words: Iterable[str]) -> str:
        return trie_alternation(words, ignore_case=True)

    before = alternation(lex.before)
    after = alternation([*lex.after, *lex.percent])
    short = alternation([w for w in lex.scales if len(w) <= 2])  # "bn", "m": glued to the figure only
    long = alternation([w for w in lex.scales if len(w) > 2])
    words = alternation(lex.numbers)
    approx = alternation(lex.approx)
    figure = rf"(?:{NUMBER})"
    return re.compile(
        rf"(?:(?P<approx>\b(?:{approx}))\s+)?"
        rf"(?:(?P<cur>{before})\s?)?"
        rf"(?:(?P<num>{figure})|\b(?P<words>{words})\b)"
        rf"(?:\s?(?:-|–|—)\s?(?:{before})?\s?(?P<num2>{figure}))?"
        rf"(?:(?<=\d)(?P<gscale>{short})\b|\s?(?P<scale>(?<![^\W\d_])(?:{long})\b))?"  # "Rp93,4juta" too
        rf"(?:\s?(?P<after>(?:{after})(?![^\W\d_])))?",
        re.IGNORECASE)


def find_figures(text: str, start: int, end: int, lex: Lexicon) -> list[Figure]:
    """Every figure in text[start:end]."""
    out = []
    for m in matches(_pattern(lex), _anchors(lex), text, start, end):
        figure = _figure(m, lex)
        if figure is not None:
            out.append(figure)
    return out


@cache
def _anchors(lex: Lexicon) -> Anchors:
    # A figure is a digit or a number word, with at most an approximation word, whitespace and a
    # currency sign ("\s?") before it.
    reach = max(map(len, lex.before), default=0) + 1
    return Anchors.build(lex.numbers, reach=reach, word_reach=max(map(len, lex.approx), default=0))


def _figure(m: re.Match[str], lex: Lexicon) -> Figure | None:
    # "sebesar 808 juta liter": letters matching a sign in another case ("sar" of "sebesar", "rm")
    # are no currency, and the number after them is still a figure
    cur = m.group("cur") if m.group("cur") and _currency_case_ok(m.group("cur"), lex) else None
    scale = lex.scales.get((m.group("scale") or m.group("gscale") or "").lower(), 1.0)
    if m.group("num"):
        value = parse_number(m.group("num"), decimal=lex.decimal)
    else:
        value = lex.numbers[m.group("words").lower()]
    value_max = parse_number(m.group("num2"), decimal=lex.decimal) * scale if m.group("num2") else None
    after = (m.group("after") or "").lower()
    percent = after in lex.percent
    currency = lex.before.get(cur or "") or (None if percent else lex.after.get(after))
    is_many = bool(m.group("words")) and m.group("words").lower() in lex.many
    start = m.start("cur") if cur else m.start("num") if m.group("num") else m.start("words")
    # 15 significant digits drop float noise: "4,1 miliar" is 4100000000, not 4099999999.9999995.
    value, value_max = _round(value * scale), _round(value_max)
    if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
        return None  # a run of hundreds of digits is no amount, and JSON has no Infinity
    return Figure(start, m.end(), value, value_max, currency, percent,
                  bool(m.group("approx")) or is_many, bool(m.group("words")), scale)


def _round(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.15g}")


def _currency_case_ok(symbol: str, lex: Lexicon) -> bool:
    """Signs match as written: "RM" and "Rs" are currencies, "rm" and "rs" are not."""
    return symbol in lex.before
