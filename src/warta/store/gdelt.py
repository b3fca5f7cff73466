"""Events as GDELT 2.0 Event records (61 tab-separated columns), and articles as GKG-like rows.

GDELT fields warta cannot know are left empty (ethnic and religion codes, ADM codes, FIPS country
codes of places); counts are per article (one mention, one source). Negated events are left out:
GDELT has no way to say an event did not happen.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from .places import coordinates

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
GKG_COLUMNS = ("GKGRECORDID", "V2.1DATE", "V2SourceCommonName", "V2DocumentIdentifier", "V1Persons",
               "V1Organizations", "V2Locations", "V1.5Tone", "V2.1Quotations", "V2.1Amounts", "V2.1AllNames")
ROOT_EVENT_CHARS = 300  # GDELT's IsRootEvent means "in the lead paragraph": events starting this early


def event_id(article_id: str, idx: int) -> int:
    """A stable numeric id (GDELT ids are integers)."""
    return int(hashlib.sha1(f"{article_id}:{idx}".encode()).hexdigest()[:12], 16)


def _dates(day: str | None) -> tuple[str, str, str, str]:
    try:
        d = dt.date.fromisoformat(day or "")
    except ValueError:
        return "", "", "", ""
    fraction = d.year + (d.timetuple().tm_yday - 1) / 365.0
    return d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{fraction:.4f}"


def _actor(name: str | None, country: str | None, code: str | None) -> list[str]:
    code = code or country or ""
    types = [code[i:i + 3] for i in range(3, min(len(code), 12), 3)] if len(code) > 3 else []
    types += [""] * (3 - len(types))
    return [code, (name or "").upper(), country or "", "", "", "", "", *types[:3]]


def _geo(name: str | None, country: str | None) -> list[str]:
    lat, lon = coordinates(name, country)
    if lat is None:
        return [""] * 8
    return ["1" if not name else "4", name or country or "", "", "", "", f"{lat:.4f}", f"{lon:.4f}", ""]


def event_record(e: dict[str, Any]) -> list[str] | None:
    """One stored event row (with the article's url/source/tone) as the 61 GDELT fields, or None if negated."""
    if e.get("negated"):
        return None
    sqldate, month, year, fraction = _dates(e.get("day"))
    cameo = e.get("cameo") or ""
    fields = [str(event_id(e["article_id"], e["idx"])), sqldate, month, year, fraction,
              *_actor(e.get("actor1_name"), e.get("actor1_country"), e.get("actor1_code")),
              *_actor(e.get("actor2_name"), e.get("actor2_country"), e.get("actor2_code")),
              "1" if (e.get("ev_start") or 0) < ROOT_EVENT_CHARS else "0", cameo, cameo[:3], cameo[:2],
              _num(e.get("quad_class")), _num(e.get("goldstein")), "1", "1", "1", _num(e.get("tone") or 0.0),
              *_geo(None, e.get("actor1_country")), *_geo(None, e.get("actor2_country")),
              *_geo(e.get("location"), None), (sqldate + "000000") if sqldate else "", e.get("url") or e.get("source") or ""]
    assert len(fields) == len(EVENT_COLUMNS) == 61
    return [f.replace("\t", " ").replace("\n", " ") for f in fields]


def _num(value: Any) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def gkg_record(article: Any, article_id: str) -> list[str]:
    """One article as a GKG-like row: persons, organisations, locations, tone, quotations, amounts."""
    def names(*types: str) -> str:
        return ";".join(sorted({e.name for e in article.entities if e.type in types}))

    locations = ";".join(f"1#{e.name}#{e.iso3 or ''}" for e in article.entities
                         if e.type in ("PLACE", "COUNTRY", "CITY", "GPE", "LOC", "FAC"))
    tone = article.tone
    tone_field = f"{tone.score:g},{tone.positive:g},{tone.negative:g}" if tone else ""
    quotes = "#".join(f"{q.start}|{len(q.text)}|{q.cue or ''}|{q.text}" for q in article.quotes)
    amounts = ";".join(f"{a.value:g},{a.unit},{a.start}" for a in article.amounts)
    all_names = ";".join(f"{e.name},{m.start}" for e in article.entities for m in e.mentions)
    day = (article.published or "")[:10].replace("-", "")
    row = [article_id, (day + "000000") if day else "", article.sitename or "", article.url or article.source,
           names("PERSON"), names("ORG"), locations, tone_field, quotes, amounts, all_names]
    return [f.replace("\t", " ").replace("\n", " ") for f in row]
