"""What a count counts, and figures that join into one: the language data drives every rule.

- The counted noun may follow modifiers: "150 French military advisers", "2.3 million Afghan
  refugees", "300 A320 jets" (the first plural word within a few words, `plural-suffix`); a
  capitalised plural ends the phrase when no lowercase one does ("3 Palestinians", "four million
  Sudanese").
- "87 of the ships", "dozens of protesters": the noun after "of" (`partitive`) is counted.
- "1.2 million barrels", "1,200 MW": a unit after the figure (`measure`) makes it a measure.
- "between 200 and 300", "10 to 15": two figures joined into a range (`range-*`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .figures import Figure
from .lexicon import Lexicon

# a word, or an abbreviation written with its dots ("U.S.", "U.N.": one modifier, not a stop)
_WORD = re.compile(r"\s+((?:[A-Z]\.){2,}|[^\W_][\w’'-]*)")
MODIFIER_WINDOW = 4  # words between a figure and the noun it counts ("French military")
LOWERCASE_MODIFIERS = 2  # "150 senior military officials"; a third lowercase word is a clause
PEOPLE_ENDINGS = ("ese",)  # capitalised plurals without an "s": "Sudanese", "Chinese"


def next_words(text: str, start: int, end: int, limit: int = MODIFIER_WINDOW + 2) -> list[tuple[str, int]]:
    """The words right after `start` (word, end offset), up to punctuation."""
    out = []
    pos = start
    while len(out) < limit:
        m = _WORD.match(text, pos, end)
        if m is None:
            break
        out.append((m.group(1), m.end(1)))
        pos = m.end(1)
    return out


def measure_after(text: str, start: int, end: int, lex: Lexicon) -> tuple[str, int] | None:
    """The unit of a measure written right after the figure ("tonnes", "metric tons", "MW")."""
    words = next_words(text, start, end, limit=2)
    for n in (2, 1):
        if len(words) >= n:
            unit = lex.measures.get(" ".join(w for w, _ in words[:n]).lower())
            if unit:
                return unit, words[n - 1][1]
    return None


def plural(word: str, lex: Lexicon) -> bool:
    """"advisers", "jets": a lowercase word with a plural ending (not "press", "bus")."""
    low = word.lower()
    if low in lex.plurals:
        return True
    return any(low.endswith(s) and not low.endswith(s + s) and len(low) > 3 for s in lex.plural_suffixes)


def counted_after_modifiers(words: list[tuple[str, int]], lex: Lexicon) -> tuple[str, int] | None:
    """The counted noun after up to MODIFIER_WINDOW modifiers, with the lowercase word before it
    ("military advisers"); None in a language without plural endings or when no plural follows."""
    if not lex.plural_suffixes:
        return None
    capital, lowercase, joined = None, 0, False
    for k, (word, end) in enumerate(words[:MODIFIER_WINDOW + 1]):
        low = word.lower()
        if _joins_modifiers(words, k, lex):
            joined = True  # the modifier after it fills the same place as the one before
            continue
        if low in lex.not_counted or low in lex.partitives or low in lex.numbers:
            break
        if word[:1].islower() and plural(word, lex):
            if k and words[k - 1][0][:1].islower():
                return f"{words[k - 1][0]} {word}", end
            return word, end
        if word[:1].isupper() and word.isalpha() and (plural(word, lex) or low.endswith(PEOPLE_ENDINGS)):
            capital = (word, end)  # a people's name, unless a lowercase plural follows ("Airbus jets")
        elif word[:1].islower():
            lowercase += not joined  # "criminal charges", "senior military officials"; more is a clause
            joined = False
            if capital or lowercase > LOWERCASE_MODIFIERS:
                break
    return capital


def _joins_modifiers(words: list[tuple[str, int]], k: int, lex: Lexicon) -> bool:
    """"and" between two lowercase modifiers ("security and diplomatic officials")."""
    if not 0 < k < len(words) - 1 or words[k][0].lower() not in lex.modifier_joiners:
        return False
    before, after = words[k - 1][0], words[k + 1][0]
    return before[:1].islower() and after[:1].islower() and after.isalpha() and before.isalpha() \
        and after.lower() not in lex.not_counted and not plural(before, lex)


def partitive(words: list[tuple[str, int]], lex: Lexicon) -> tuple[str, int] | None:
    """"87 of the ships", "dozens of protesters": the noun after "of" and a determiner."""
    if not words or words[0][0].lower() not in lex.partitives:
        return None
    rest = words[1:]
    if rest and rest[0][0].lower() in lex.determiners:
        rest = rest[1:]
    if not rest or not rest[0][0][:1].isalpha():
        return None
    found = counted_after_modifiers(rest, lex)
    return found


def join_ranges(text: str, figures: list[Figure], lex: Lexicon) -> list[Figure]:
    """Figures with "between 200 and 300" and "10 to 15" joined into ranges (value, value_max)."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        a = figures[i]
        if i + 1 < len(figures) and _joined(text, a, figures[i + 1], lex):
            b = figures[i + 1]
            out.append(replace(_unit_of(a, b), end=b.end, value_max=b.value,
                               approximate=a.approximate or b.approximate))
            i += 2
        elif i + 1 < len(figures) and _change(text, a, figures[i + 1], lex):
            out.append(_unit_of(a, figures[i + 1]))  # "from 10 to 15 percent": 10 percent, then 15
            i += 1
        else:
            out.append(a)
            i += 1
    return out


def _unit_of(a: Figure, b: Figure) -> Figure:
    """Figure `a` with the scale, currency and percent sign written only after `b` ("2 to 3
    million", "from 10 to 15 percent")."""
    if a.currency and b.currency and a.currency != b.currency or a.scale != 1:
        return a
    value = a.value if a.words else float(f"{a.value * b.scale:.15g}")
    return replace(a, value=value, currency=a.currency or b.currency, percent=a.percent or b.percent,
                   scale=b.scale)


def _change(text: str, a: Figure, b: Figure, lex: Lexicon) -> bool:
    """"from 10 to 15 percent": a change between two figures sharing the unit written after the second."""
    if a.value_max is not None or text[a.end:b.start].strip().lower() not in lex.range_to:
        return False
    before = re.findall(r"[^\W\d_]+", text[max(0, a.start - 20):a.start].lower())
    return bool(before) and before[-1] in lex.range_breakers


def _joined(text: str, a: Figure, b: Figure, lex: Lexicon) -> bool:
    if a.value_max is not None or b.value_max is not None or a.percent and not b.percent:
        return False
    if a.currency and a.currency != b.currency:
        return False
    gap = text[a.end:b.start].strip().lower()
    before = re.findall(r"[^\W\d_]+", text[max(0, a.start - 20):a.start].lower())
    word = before[-1] if before else ""
    if gap in lex.range_joiners:
        return word in lex.range_openers
    return gap in lex.range_to and word not in lex.range_breakers and b.value > a.value
