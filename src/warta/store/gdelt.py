"""Events as GDELT 2.0 Event records (61 tab-separated columns, no header, as GDELT's own files),
their mentions as GDELT 2.0 Mentions records (16 columns, one per evidence sentence), and articles
as GKG-like rows.

Actor fields are read from the CAMEO actor code (`IDNGOV`: country IDN, type GOV; `IGOUNO`: type
IGO, known group UNO; religion codes go to Religion1/2Code); geo fields come from the geocoded
places (`places.locate`: GeoNames coordinates, FIPS country and ADM1 codes, GeoNames id as
FeatureID); counts are over the cluster of syndicated copies (store/merge.py); DATEADDED is when
the article was ingested; SOURCEURL the article's URL (its file path only when it has none).
Events dated only to a month or a year are written at the best full day (see rows.full_day).
Negated events are left out: GDELT has no way to say an event did not happen.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from .places import Place, country_place, locate

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


# CAMEO actor type codes (GDELT's type lookup) and religion codes; any other 3-letter part after
# the country is a known group (UNO, NAT, EEC, ASN, ...). Ethnic codes are not read.
TYPE_CODES = frozenset("COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED "
                       "REF MOD RAD PKO UIS IGO IMG INT NGM NGO SET PTY".split())
RELIGION_CODES = frozenset("ADR ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS MRN NRM PAG PRO "
                           "SFI SHI SHN SIK SUN TAO UDX ZRO".split())
MENTION_COLUMNS = ("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras")


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


def added(ingested: str | None) -> str:
    """An ingest time as GDELT's DATEADDED (YYYYMMDDHHMMSS, UTC)."""
    try:
        when = dt.datetime.fromisoformat(ingested or "")
    except ValueError:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return when.strftime("%Y%m%d%H%M%S")


def actor_fields(name: str | None, country: str | None, code: str | None) -> list[str]:
    """The 10 GDELT actor fields of a CAMEO actor code."""
    code = (code or country or "").upper()
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    country_code = country.upper() if country else ""
    if parts and parts[0] not in TYPE_CODES and parts[0] not in RELIGION_CODES and len(parts[0]) == 3 \
            and (parts[0] == country_code or not country_code and parts[0] not in ("IGO", "NGO", "MNC")):
        country_code, parts = parts[0], parts[1:]
    types = [p for p in parts if p in TYPE_CODES]
    religions = [p for p in parts if p in RELIGION_CODES]
    groups = [p for p in parts if p not in TYPE_CODES and p not in RELIGION_CODES and len(p) == 3]
    if country_code and not load_country(country_code):
        groups.insert(0, country_code)  # not a country ("UNO" alone): a known group
        country_code = ""
    return [code, (name or "").upper(), country_code, groups[0] if groups else "", "",
            *(religions + ["", ""])[:2], *(types + ["", "", ""])[:3]]


def load_country(code: str) -> bool:
    """Is `code` a country the knowledge base knows?"""
    from ..kb import load_kb

    return load_kb().country(code) is not None


def geo_fields(place: Place | None) -> list[str]:
    """The 8 GDELT geo fields of a place (empty when it could not be placed)."""
    if place is None or place.lat is None or place.lon is None:
        return [""] * 8
    return [str(place.type), place.name, place.fips, place.adm1 or place.fips, "", f"{place.lat:.4f}",
            f"{place.lon:.4f}", str(place.geonames or "")]


def event_record(e: dict[str, Any]) -> list[str] | None:
    """One stored event row (with the article's url/source/tone/ingested) as the 61 GDELT fields, or None if negated."""
    if e.get("negated"):
        return None
    sqldate, month, year, fraction = _dates(e.get("day"))
    cameo = e.get("cameo") or ""
    action = _action_place(e)
    fields = [str(event_id(e["article_id"], e["idx"])), sqldate, month, year, fraction,
              *actor_fields(e.get("actor1_name"), e.get("actor1_country"), e.get("actor1_code")),
              *actor_fields(e.get("actor2_name"), e.get("actor2_country"), e.get("actor2_code")),
              "1" if (e.get("ev_start") or 0) < ROOT_EVENT_CHARS else "0", cameo, cameo[:3], cameo[:2],
              _num(e.get("quad_class")), _num(e.get("goldstein")), _num(e.get("num_mentions") or 1),
              _num(e.get("num_sources") or 1), _num(e.get("num_articles") or 1), _num(e.get("tone") or 0.0),
              *geo_fields(country_place(e.get("actor1_country"))), *geo_fields(country_place(e.get("actor2_country"))),
              *geo_fields(action), added(e.get("ingested")), e.get("url") or e.get("source") or ""]
    assert len(fields) == len(EVENT_COLUMNS) == 61
    return [f.replace("\t", " ").replace("\n", " ") for f in fields]


def _action_place(e: dict[str, Any]) -> Place | None:
    """The event's location geocoded: by the place entity's country and GeoNames id when the row
    has them (export.GDELT_EVENTS), else by its name among the actors' countries."""
    if not e.get("location"):
        return None
    own = e.get("location_country")
    countries = [own] if own else [c for c in (e.get("actor1_country"), e.get("actor2_country")) if c]
    return locate(e["location"], iso3=own, geonames=e.get("location_geonames"), countries=countries)


def mention_records(store: Any, article_id: str) -> list[list[str]]:
    """The article's event mentions as GDELT 2.0 Mentions rows: one per evidence sentence, each
    naming the event it restates (the cluster's, when the article is a syndicated copy)."""
    from .rows import event_key

    found = store.query("SELECT id, url, source, sitename, ingested, tone, cluster FROM articles WHERE id = ?", [article_id])
    article = store.article(article_id)
    if not found or article is None:
        return []
    meta = found[0]
    events = {r["ekey"]: r for r in store.query("SELECT article_id, idx, ekey, day FROM events WHERE cluster = ?",
                                                  [meta["cluster"] or article_id])}
    starts = [s.start for s in article.sentences]
    out = []
    for event in article.events:
        if event.negated:
            continue
        target = events.get(event_key(event)) or events.get(event_key(event.replace(mutual=True)))
        if target is None:
            continue
        out.append(_mention(event, target, meta, article, starts))
    return out


def _mention(event: Any, target: dict[str, Any], meta: dict[str, Any], article: Any, starts: list[int]) -> list[str]:
    ev = event.evidence
    trigger = article.text.lower().find((ev.trigger or "").lower(), ev.start, ev.end) if ev.trigger else -1
    sentence = sum(1 for s in starts if s <= ev.start) or 1
    sqldate = _dates(target.get("day"))[0]
    row = [str(event_id(target["article_id"], target["idx"])), (sqldate + "000000") if sqldate else "",
           added(meta.get("ingested")), "1", meta.get("sitename") or "", meta.get("url") or meta.get("source") or "",
           str(sentence), str(_offset(article.text, event.actor1, ev)), str(_offset(article.text, event.actor2, ev)),
           str(trigger), "1", str(round(event.confidence * 100)), str(len(article.text)),
           _num(meta.get("tone") or 0.0), "", f"<EvidenceStart>{ev.start}</EvidenceStart><EvidenceEnd>{ev.end}</EvidenceEnd>"]
    return [f.replace("\t", " ").replace("\n", " ") for f in row]


def _offset(text: str, actor: Any, ev: Any) -> int:
    """Where the actor is named in the evidence sentence (-1 when it is not, as GDELT writes)."""
    if actor is None or not actor.name:
        return -1
    return text.lower().find(actor.name.lower(), ev.start, ev.end)


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
    # GKG's offset is into the document; the headline opens it, so a figure of the headline only is at 0.
    amounts = ";".join(f"{a.value:g},{a.unit},{0 if a.in_title else a.start}" for a in article.amounts)
    all_names = ";".join(f"{e.name},{m.start}" for e in article.entities for m in e.mentions)
    day = (article.published or "")[:10].replace("-", "")
    row = [article_id, (day + "000000") if day else "", article.sitename or "", article.url or article.source,
           names("PERSON"), names("ORG"), locations, tone_field, quotes, amounts, all_names]
    return [f.replace("\t", " ").replace("\n", " ") for f in row]
