"""The API's shared query parameters: their validation (a value that cannot match is a 400, not
an empty 200) and paging (totals and next-page cursors)."""
from __future__ import annotations

import base64
import binascii
import re
from functools import cache
from importlib import resources
from typing import Annotated, Any

from fastapi import HTTPException, Query

from ..store.filters import FilterError, parse_dyad

Since = Annotated[str | None, Query(description="From this date (YYYY[-MM[-DD]]), inclusive.", examples=["2025-06"])]
Until = Annotated[str | None, Query(description="Up to this date (YYYY[-MM[-DD]]), inclusive.")]
Limit = Annotated[int, Query(ge=0, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=2**62, description="Rows to skip (or use `cursor`).")]
Cursor = Annotated[str | None, Query(description="The `next` of the previous page.", max_length=64)]
Language = Annotated[str | None, Query(description="ISO 639-1 code of the article's language, e.g. id or en.")]
EventType = Annotated[str | None, Query(description="PLOVER type (e.g. AGREE) or CAMEO code prefix (e.g. 05).")]
QuadClass = Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation … 4 material conflict.")]
Modality = Annotated[str | None, Query(description="asserted, hedged, conditional, …", max_length=40)]
Confidence = Annotated[float | None, Query(ge=0, le=1, description="Only events at least this confident.")]

_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_CURSOR = re.compile(r"^o(\d{1,19})$")


@cache
def country_names() -> dict[str, str]:
    """ISO 3166 alpha-3 code -> English name, for the knowledge base's countries."""
    table = resources.files("warta.kb").joinpath("countries.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))
    return {row[3]: row[2] for row in rows}


def countries() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes of the knowledge base's countries."""
    return frozenset(country_names())


@cache
def plover_types() -> frozenset[str]:
    """The PLOVER event types of the CAMEO table."""
    from ..events.tables import cameo_table

    return frozenset(code.plover for code in cameo_table().values() if code.plover)


def country(code: str, param: str, *, status: int = 400) -> str:
    """`code` upper-cased if it names a country; else a 400 (a parameter) or 404 (a path)."""
    upper = code.strip().upper()
    if upper not in countries():
        if status == 404:
            raise HTTPException(404, f"no country {code[:40]!r} (expected an ISO 3166 alpha-3 code, e.g. IDN)")
        raise FilterError(param, code[:80], "not an ISO 3166 alpha-3 country code")
    return upper


def dyad(value: str | None) -> tuple[str, str] | None:
    """A dyad parameter: two known country codes."""
    pair = parse_dyad(value)
    return None if pair is None else (country(pair[0], "dyad"), country(pair[1], "dyad"))


def event_type(value: str | None) -> str | None:
    """A PLOVER type or a CAMEO prefix, else a 400."""
    if not value:
        return None
    if value.upper() in plover_types() or _CAMEO.match(value):
        return value.upper()
    raise FilterError("type", value[:80], "expected a PLOVER type (e.g. AGREE) or a CAMEO code prefix (e.g. 05)")


def language(value: str | None) -> str | None:
    """An ISO 639 language code, else a 400."""
    if value and not _LANGUAGE.match(value):
        raise FilterError("language", value[:80], "expected an ISO 639-1 code such as id or en")
    return value or None


def start(offset: int, cursor: str | None) -> int:
    """Where a page starts: the cursor's position, else `offset`."""
    if not cursor:
        return offset
    try:
        match = _CURSOR.match(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        match = None
    if match is None or int(match.group(1)) > 2**62:
        raise FilterError("cursor", cursor[:80], "not a cursor this API gave (use the `next` of a page)")
    return int(match.group(1))


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    """A page of `items` with the total and the cursor of the next page (None on the last one)."""
    more = limit > 0 and offset + len(items) < total
    cursor = base64.urlsafe_b64encode(f"o{offset + len(items)}".encode()).decode().rstrip("=") if more else None
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next": cursor}
