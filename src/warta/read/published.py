"""Publication dates as written by news sites ("Kamis, 12 Jun 2025 13:07 WIB", "Diperbarui 22 Apr
2025, 16:00 WIB", "10/21/2025 20:43") into ISO 8601, with the time zone when one is stated.

A site's prefix ("Tayang:", "Kompas.com-") is dropped, a time written with a dot ("09.16") gets a
colon, and a zone abbreviation becomes its offset from the language's `date_zones.tsv` (WIB →
+07:00). dateparser then reads the rest in the article's language first, then the others (so a
numeric date is read day-first in Indonesian). What cannot be read gives None: a date that is
not a date is not stored.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..lang.folders import available_languages, read_lines

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_DOT_TIME = re.compile(r"(?<=\s)([01]?\d|2[0-3])\.([0-5]\d)\b")
_SEPARATORS = re.compile(r"\s*[|]\s*|\s+-\s+")


@cache
def zones() -> dict[str, str]:
    """Zone abbreviation -> UTC offset, from every language's `date_zones.tsv`."""
    found: dict[str, str] = {}
    for code in available_languages():
        for line in read_lines(code, "date_zones.tsv"):
            name, _, offset = line.partition("\t")
            found.setdefault(name.strip(), offset.strip())
    return found


@cache
def _zone_pattern() -> re.Pattern[str]:
    names = sorted(zones(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else re.compile(r"(?!)")


@cache
def _start_pattern() -> re.Pattern[str]:
    """Where a written date starts: a digit or a month name of any language."""
    months = {line.partition("\t")[0].strip() for code in available_languages()
              for line in read_lines(code, "date_months.tsv")}
    names = "|".join(map(re.escape, sorted(filter(None, months), key=len, reverse=True)))
    return re.compile(rf"\d|\b(?:{names})\b" if names else r"\d")


def _tidy(raw: str) -> tuple[str, str | None]:
    """The date part of `raw` (from its first digit or month name on) and the offset of a zone it names."""
    text = " ".join(raw.split())
    zone = _zone_pattern().search(text)
    offset = zones()[zone.group(1)] if zone else None
    text = _zone_pattern().sub(" ", text)
    first = _start_pattern().search(text)
    if first is None:
        return "", offset
    text = _SEPARATORS.sub(" ", text[first.start():]).strip(" ,;-")
    return _DOT_TIME.sub(r"\1:\2", " " + text).strip(), offset


def normalize_published(raw: str | None, languages: Sequence[str | None] = ()) -> str | None:
    """`raw` as ISO 8601 (`2025-06-12T13:07:00+07:00`, or `2025-06-20` for a date alone), reading it
    in `languages` first and then every other language warta has; None if it is not a date."""
    if raw is None or not str(raw).strip():
        return None
    raw = str(raw).strip()
    if _ISO.match(raw):
        return raw.replace(" ", "T", 1) if len(raw) > 10 else raw
    text, offset = _tidy(raw)
    if not text:
        return None
    order = [c for c in dict.fromkeys([*languages, *available_languages()]) if c]
    for code in order:
        parsed = _plain(text, code) or _parse(text, code)
        if parsed is not None:
            return _iso(parsed, offset, has_time=":" in text)
    return None


# "12 Jun 2025 13:07", "June 12, 2025": a day, a month name and a year, then perhaps a time, as
# most sites write them; read with the language's month names, without loading dateparser
# (a third of a second: the first result of a process).
_PLAIN = re.compile(r"(?:(?P<d>\d{1,2}) (?P<m>[^\W\d_]+)\.?|(?P<m2>[^\W\d_]+)\.? (?P<d2>\d{1,2}),?) (?P<y>\d{4})"
                    r"(?:,? (?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?")


@cache
def _months(code: str) -> dict[str, int]:
    """Month name or abbreviation (case folded) -> month number, from the language's `date_months.tsv`."""
    rows = (line.split("\t") for line in read_lines(code, "date_months.tsv"))
    return {row[0].strip().casefold(): int(row[1]) for row in rows if len(row) > 1 and row[1].strip().isdigit()}


def _plain(text: str, code: str) -> dt.datetime | None:
    """`text` read as a plain day, month name and year (and time) in language `code`, or None."""
    found = _PLAIN.fullmatch(text)
    month = _months(code).get((found.group("m") or found.group("m2")).casefold()) if found else None
    if found is None or month is None:
        return None
    hour, minute, second = (int(found.group(k) or 0) for k in ("H", "M", "S"))
    try:
        return dt.datetime(int(found.group("y")), month, int(found.group("d") or found.group("d2")), hour, minute, second)
    except ValueError:  # 31 June: left to dateparser, which refuses it too
        return None


def _parse(text: str, code: str) -> dt.datetime | None:
    try:
        import dateparser
    except ImportError:  # a dependency; without it only ISO dates are kept
        return None
    try:
        return dateparser.parse(text, languages=[code], settings=_SETTINGS)
    except (ValueError, OverflowError, LookupError):
        return None


_SETTINGS: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


def _iso(value: dt.datetime, offset: str | None, *, has_time: bool) -> str:
    if not has_time and value.tzinfo is None:
        return value.date().isoformat()
    text = value.replace(microsecond=0).isoformat()
    if value.tzinfo is None and offset:
        text += offset
    return text
