"""Date expressions resolved against the publication date.

Absolute dates ("19 Juni 2025", "June 12, 2025", "Selasa (17/6/2025)", "2025-06-12"), partial
ones ("Jumat (13/6)", "19 Juni": the year comes from the publication date), months ("Juni 2025"),
years after a cue ("tahun 2024", "in 2010"), relative phrases ("kemarin", "pekan lalu", "last
year", "tiga hari lalu", "two weeks ago") and weekdays ("Kamis", "last Tuesday"). Month, weekday
and relative words are data (`lang/<code>/date_*.tsv`). Without a publication date, expressions
that need one keep `value=None`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..amounts.alternation import caseless_words, lowers_like_re, trie_alternation
from ..amounts.lexicon import load_lexicon
from ..lang import language_for
from ..lang.folders import read_lines
from ..model import DateMention

PRODUCER = "dates"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
YEAR = r"(?:1[89]\d\d|20\d\d)"
FUTURE_SLACK = dt.timedelta(days=31)  # a day-month without year lies at most this far after publication
# What every match of a kind holds (see `_cues`): a paragraph without it is not searched for that
# kind. A cheap test first: most paragraphs hold no digit, no month and no weekday name.
NEEDS = {"iso": ("year",), "numeric": ("paren",), "dmy": ("digit", "month"), "ordinal": ("digit", "month"),
         "mdy": ("digit", "month"), "my": ("year", "month"), "month": ("month",), "ago": ("direction",),
         "relative": ("relative",), "weekday": ("weekday",), "year": ("year",)}


@dataclass(frozen=True)
class _Cue:
    """A part some matches need: a pattern searched in the paragraph (in lower case: `caseless`).
    No pattern: the cue cannot be tested, and the paragraph is searched."""

    pattern: re.Pattern[str] | None
    caseless: bool = False


@dataclass(frozen=True, eq=False)
class Calendar:
    """Date words of one language, and the patterns built from them."""

    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]
    units: dict[str, str]
    directions: dict[str, int]
    numbers: dict[str, float]
    month_cues: dict[str, int]  # word before a bare month name -> -1 before publication, 0 nearest, 1 after
    weekday_before: dict[str, int]  # "last"/"next" before a weekday name -> -1 / 1
    weekday_after: dict[str, int]  # "lalu"/"depan" after a weekday name -> -1 / 1
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    cues: dict[str, _Cue]


def _alt(words: Any) -> str:
    return trie_alternation(words)


def _alt_i(words: Any) -> str:
    """An alternation in a part matched in any case."""
    return trie_alternation(words, ignore_case=True)


def _alt_or_none(words: Any) -> str:
    """An alternation of `words`, or a pattern that never matches when a language has none."""
    return _alt(words) if words else "(?!)"


@cache
def load_calendar(code: str | None) -> Calendar:
    """Calendar words of the language that reads `code` (English when warta does not read it)."""
    code = language_for(code).code
    rows = lambda name: [[c.strip() for c in line.split("\t")] for line in read_lines(code, name)]
    months = {r[0]: int(r[1]) for r in rows("date_months.tsv")}
    weekdays = {r[0]: int(r[1]) for r in rows("date_weekdays.tsv")}
    relative = {r[0].lower(): (r[1], int(r[2])) for r in rows("date_relative.tsv")}
    unit_rows = rows("date_units.tsv")
    units = {r[0].lower(): r[2] for r in unit_rows if r[1] == "unit"}
    directions = {r[0].lower(): int(r[2]) for r in unit_rows if r[1] == "direction"}
    year_cues = [r[0] for r in unit_rows if r[1] == "year-cue"]
    signed = {kind: {r[0]: int(r[2]) for r in unit_rows if r[1] == kind}
              for kind in ("month-cue", "weekday-before", "weekday-after")}
    numbers = load_lexicon(code).numbers
    return Calendar(code, months, weekdays, relative, units, directions, numbers, signed["month-cue"],
                    signed["weekday-before"], signed["weekday-after"],
                    _patterns(months, weekdays, relative, units, directions, year_cues, numbers, signed),
                    _cues(months, weekdays, relative, directions))


def _cues(months: dict, weekdays: dict, relative: dict, directions: dict) -> dict[str, _Cue]:
    """The cues of `NEEDS`. Their patterns start with a few possible characters, which the regex
    engine skips ahead to; relative and direction words, matched in any case, are looked for in
    the lower-cased paragraph for that reason."""
    return {"digit": _Cue(re.compile("[0-9]")), "paren": _Cue(re.compile(r"\([0-9]")),
            "year": _Cue(re.compile(r"(?:1[89]|20)\d\d")),  # YEAR
            "month": _Cue(re.compile(_alt(months))), "weekday": _Cue(re.compile(_alt(weekdays))),
            "relative": _Cue(caseless_words(relative), caseless=True),
            "direction": _Cue(caseless_words(directions), caseless=True)}


def _patterns(months: dict, weekdays: dict, relative: dict, units: dict, directions: dict,
              year_cues: list, numbers: dict, signed: dict[str, dict[str, int]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) pairs, most specific first."""
    month_cues = rf"(?i:{_alt_i(signed['month-cue'])})" if signed["month-cue"] else "(?!)"
    mon, wd = rf"(?P<mon>{_alt(months)})\.?", rf"(?:(?P<wd>{_alt(weekdays)}),?\s+)?"
    count = rf"(?P<n>\d{{1,3}}|{_alt_i(numbers)})" if numbers else r"(?P<n>\d{1,3})"
    patterns = [
        ("iso", rf"\b(?P<y>{YEAR})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])\b"),
        ("numeric", rf"{wd}\((?P<d>{DAY})/(?P<m>1[0-2]|0?[1-9])(?:/(?P<y>{YEAR}|\d\d))?\)"),
        ("dmy", rf"{wd}\b(?P<d>{DAY})\s+{mon}(?:\s+(?P<y>{YEAR}))?\b"),
        # "the 12th of June", "12th June 2025": spans read by dateparser (see `_parsed`).
        ("ordinal", rf"{wd}\b(?:the\s+)?(?P<d>{DAY})(?:st|nd|rd|th)\s+(?:of\s+)?{mon}(?:,?\s+(?P<y>{YEAR}))?\b"),
        ("mdy", rf"{wd}\b{mon}\s+(?P<d>{DAY})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{YEAR})\b)?"),
        ("my", rf"\b{mon}\s+(?P<y>{YEAR})\b"),
        ("month", rf"\b(?P<cue>{month_cues})(?:\s+|-)(?P<mon>{_alt(months)})\b(?!\s+\d)"),  # "mid-June"
        ("ago", rf"\b{count}\s+(?P<unit>{_alt_i(units)})\s+(?P<dir>{_alt_i(directions)})\b"),
        ("relative", rf"(?<![\w-])(?P<rel>{_alt_i(relative)})\b"),
        ("weekday", rf"\b(?:(?P<which>{_alt_or_none(signed['weekday-before'])})\s+)?(?P<wd>{_alt(weekdays)})\b"
                    rf"(?:\s+(?P<after>{_alt_or_none(signed['weekday-after'])}))?"),
        ("year", rf"\b(?:{_alt_i(year_cues)})\s+(?P<y>{YEAR})\b"),
    ]
    # Relative phrases and units are matched in any case; month and weekday names as written.
    flags = {"ago": re.IGNORECASE, "relative": re.IGNORECASE, "year": re.IGNORECASE}
    return tuple((kind, re.compile(p, flags.get(kind, 0))) for kind, p in patterns)


def find_dates(text: str, start: int, end: int, *, calendar: Calendar, published: dt.date | None) -> list[DateMention]:
    """Date expressions in text[start:end], longest first where they overlap."""
    found: list[DateMention] = []
    taken = bytearray(end - start)  # 1 where a mention was found: a linear overlap test, however many
    present = _Present(text, start, end, calendar.cues)
    for kind, pattern in calendar.patterns:
        if not all(present(cue) for cue in NEEDS[kind]):
            continue
        for m in pattern.finditer(text, start, end):
            span = (m.start("y"), m.end("y")) if kind == "year" else (m.start(), m.end())
            if kind == "month" and m.group("cue").lower() not in {"last", "next", "this"}:
                span = (m.start("mon"), m.end("mon"))
            if taken.find(1, span[0] - start, span[1] - start) >= 0:
                continue
            mention = _mention(kind, m, span, text, calendar, published)
            if mention is not None:
                found.append(mention)
                taken[span[0] - start:span[1] - start] = b"\x01" * (span[1] - span[0])
    return sorted(found, key=lambda d: d.start)


class _Present:
    """Which cues a paragraph holds, each tested once, when first asked."""

    def __init__(self, text: str, start: int, end: int, cues: dict[str, _Cue]) -> None:
        self.text, self.start, self.end, self.cues = text, start, end, cues
        self.known: dict[str, bool] = {}
        self.lowered: str | None = None

    def __call__(self, name: str) -> bool:
        if name not in self.known:
            self.known[name] = self._test(self.cues[name])
        return self.known[name]

    def _test(self, cue: _Cue) -> bool:
        if cue.pattern is None:
            return True
        if not cue.caseless:
            return cue.pattern.search(self.text, self.start, self.end) is not None
        if not lowers_like_re(self.text, self.start, self.end):
            return True
        if self.lowered is None:
            self.lowered = self.text[self.start:self.end].lower()
        return cue.pattern.search(self.lowered) is not None


def _mention(kind: str, m: re.Match[str], span: tuple[int, int], text: str, cal: Calendar,
             published: dt.date | None) -> DateMention | None:
    try:
        value, granularity, relative = _resolve(kind, m, cal, published)
    except KeyError:
        # The patterns match case-insensitively under Unicode's rules, so "yeſterday" or "KEMARİN"
        # match a word whose lower case is not in the tables: such a match is dropped, not the article.
        return None
    if value is False:
        return None
    return DateMention(text=text[span[0]:span[1]], start=span[0], end=span[1], value=value,
                       granularity=granularity, relative=relative, producer=PRODUCER)


def _resolve(kind: str, m: re.Match[str], cal: Calendar, pub: dt.date | None) -> tuple[Any, str, bool]:
    """(ISO value or None, granularity, relative); value False drops the match."""
    if kind == "ordinal":
        return _parsed(m.group(), cal.code, m.group("y") is not None, pub)
    if kind in {"iso", "numeric", "dmy", "mdy"}:
        month = cal.months[m.group("mon")] if "mon" in m.re.groupindex and m.group("mon") else int(m.group("m"))
        return _day(int(m.group("y") or 0) if m.group("y") else None, month, int(m.group("d")), pub)
    if kind == "my":
        return f"{int(m.group('y')):04d}-{cal.months[m.group('mon')]:02d}", "month", False
    if kind == "year":
        return m.group("y"), "year", False
    if kind == "month":
        direction = cal.month_cues.get(m.group("cue").lower(), 0)
        return _month(cal.months[m.group("mon")], direction, pub), "month", True
    if kind == "relative":
        unit, offset = cal.relative[m.group("rel").lower()]
        return _shift(pub, unit, offset), unit, True
    if kind == "ago":
        n = m.group("n")
        amount = int(n) if n.isdigit() else int(cal.numbers.get(n.lower(), 0))
        unit = cal.units[m.group("unit").lower()]
        return _shift(pub, unit, amount * cal.directions[m.group("dir").lower()]), unit, True
    return _weekday(m, cal, pub)


def _parsed(span: str, code: str, has_year: bool, pub: dt.date | None) -> tuple[Any, str, bool]:
    """A span the tables find but do not read, parsed by dateparser (on this span only, never a
    document-wide search); a missing year follows the same rule as the tables' dates."""
    parser = _dateparser(code, pub)
    parsed = parser.get_date_data(span).date_obj if parser is not None else None
    if parsed is None:
        return False, "day", False
    return _day(parsed.year if has_year else None, parsed.month, parsed.day, pub)


@lru_cache(maxsize=64)
def _dateparser(code: str, pub: dt.date | None) -> Any:
    """A dateparser parser per language and publication date (RELATIVE_BASE), built once: its
    language fixed, so no language-detection model is ever fetched."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # dateparser is a dependency; without it these spans are skipped
        return None
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"],
                "PARSERS": ["custom-formats", "absolute-time"], "DATE_ORDER": "DMY"}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=[code], settings=settings)


def _day(year: int | None, month: int, day: int, pub: dt.date | None) -> tuple[Any, str, bool]:
    if year is not None and year < 100:
        year += 2000
    inferred = year is None
    if year is None:
        if pub is None:
            return None, "day", True
        year = pub.year
        if safe_date(year, month, day) and safe_date(year, month, day) > pub + FUTURE_SLACK:
            year -= 1
    date = safe_date(year, month, day)
    if date is None:
        return False, "day", False
    return date.isoformat(), "day", inferred


def _month(month: int, direction: int, pub: dt.date | None) -> str | None:
    """A month named without its year: the nearest such month to publication ("in April"), or
    the one before / after it ("last March", "next May")."""
    if pub is None:
        return None
    here = pub.year * 12 + pub.month - 1
    candidates = [(year * 12 + month - 1) for year in (pub.year - 1, pub.year, pub.year + 1)]
    if direction < 0:
        candidates = [c for c in candidates if c < here]
    elif direction > 0:
        candidates = [c for c in candidates if c > here]
    # News tells of the past more than of plans: a month ahead counts as twice as far.
    best = min(candidates, key=lambda c: (c - here) * 2 if c > here else here - c)
    return f"{best // 12:04d}-{best % 12 + 1:02d}"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday(m: re.Match[str], cal: Calendar, pub: dt.date | None) -> tuple[Any, str, bool]:
    """The named weekday nearest before publication ("Kamis", "last Tuesday"), or after ("next")."""
    name, which, after = m.group("wd"), m.group("which"), m.group("after")
    if after and name.lower() in cal.units:  # "minggu lalu" is last week, not Sunday (Minggu)
        return False, "day", True
    if pub is None:
        return None, "day", True
    target = cal.weekdays[name]
    sign = cal.weekday_before.get(which, 0) if which else cal.weekday_after.get(after, 0) if after else 0
    ahead = sign > 0
    if ahead:
        delta = (target - pub.isoweekday()) % 7 or 7
    else:
        delta = -((pub.isoweekday() - target) % 7)
        if sign < 0:
            delta = delta or -7
    return (pub + dt.timedelta(days=delta)).isoformat(), "day", True


def _shift(pub: dt.date | None, unit: str, offset: int) -> str | None:
    """The publication date moved by `offset` units, written at the unit's granularity."""
    if pub is None:
        return None
    if unit == "day":
        return (pub + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        year, week, _ = (pub + dt.timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 + offset
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{pub.year + offset:04d}"
