"""Query filters shared by the CLI, the API and the notebook interface."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import ConfigError

_CODE = re.compile(r"^[A-Za-z]{3}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MAX_ROWS = 2**63 - 1  # SQL integers are 64-bit: a larger limit or offset is an error, not a crash


class FilterError(ConfigError):
    """A filter value that cannot be right (a date that is no date, a malformed code).

    `param` names the filter as the API and the notebook call it (`since`), not as a CLI flag, so
    every front end can say which of its own inputs was wrong."""

    reason = "bad-filter"

    def __init__(self, param: str, value: object, detail: str) -> None:
        super().__init__(f"{param}={value}", detail)
        self.param = param
        self.value = value


@dataclass(frozen=True, slots=True)
class Filters:
    """Which records to return. Every field is optional; `None` means "any"."""

    dyad: tuple[str, str] | None = None  # two ISO3 codes, either order
    actor: str | None = None  # ISO3 code, CAMEO code or (part of) a name, either side
    type: str | None = None  # PLOVER type or CAMEO code prefix
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    language: str | None = None
    text: str | None = None  # substring of the record's text or evidence
    speaker: str | None = None
    article: str | None = None
    context: str | None = None
    quad_class: int | None = None  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    modality: str | None = None  # asserted, hedged, conditional, …
    negated: bool | None = None
    min_confidence: float | None = None
    place: str | None = None  # a place named in the event's article (its canonical name)
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("actor", "type", "since", "until", "language", "text", "speaker", "article", "context",
                     "modality", "place"):
            if getattr(self, name) == "":  # an empty form field or `?type=` means "any"
                object.__setattr__(self, name, None)
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not valid_date(value):
                raise FilterError(name, value, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
        if not (0 <= self.limit <= _MAX_ROWS and 0 <= self.offset <= _MAX_ROWS):
            raise FilterError("limit", self.limit, f"limit and offset must be between 0 and {_MAX_ROWS}")

    @property
    def until_bound(self) -> str | None:
        """An upper bound that includes the whole of a coarse `until` (2025 → 2025-12-31~)."""
        return None if self.until is None else self.until + "~"


def valid_date(value: str) -> bool:
    """Is `value` a calendar date as YYYY, YYYY-MM or YYYY-MM-DD? (2025-13-45 is not.)"""
    match = _DATE.match(value)
    if match is None:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """`IDN-RUS` (or `IDN/RUS`, `IDN,RUS`) → ("IDN", "RUS")."""
    if not value:
        return None
    parts = [p.strip().upper() for p in re.split(r"[-/,: ]", value) if p.strip()]
    if len(parts) != 2 or not all(_CODE.match(p) for p in parts):
        raise FilterError("dyad", value, "expected two ISO 3166 alpha-3 codes, e.g. IDN-RUS")
    return parts[0], parts[1]
