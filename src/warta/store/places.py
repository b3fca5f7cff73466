"""Geocoding places: coordinates, FIPS country and ADM1 codes from the knowledge base.

Cities and countries come from GeoNames (`kb/geo.tsv`, built by `tools/warta_build/kb.py`), and
regencies and provinces the knowledge base does not know by name from `kb/divisions.tsv`;
a country is placed at its centroid from the small hand-written table below (rounded to a degree
or so) or else at its capital; a region or site the knowledge base knows only by its country is
placed at that country (GDELT's geo type says how precise a place is).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..kb import load_kb

COUNTRIES: dict[str, tuple[float, float]] = {
    "IDN": (-2.5, 118.0), "RUS": (61.5, 96.0), "USA": (39.8, -98.6), "CHN": (35.0, 103.0), "JPN": (36.5, 138.5),
    "KOR": (36.5, 127.9), "PRK": (40.2, 127.4), "IND": (22.0, 79.0), "PAK": (30.0, 70.0), "AUS": (-25.7, 134.5),
    "NZL": (-41.5, 172.5), "MYS": (4.2, 102.0), "SGP": (1.35, 103.8), "THA": (15.5, 101.0), "VNM": (16.0, 107.5),
    "PHL": (12.5, 122.5), "MMR": (21.0, 96.0), "KHM": (12.5, 105.0), "LAO": (18.5, 103.5), "BRN": (4.5, 114.7),
    "TLS": (-8.8, 125.9), "PNG": (-6.5, 145.0), "TUR": (39.0, 35.0), "IRN": (32.5, 54.0), "IRQ": (33.0, 43.5),
    "SYR": (35.0, 38.5), "ISR": (31.4, 35.0), "PSE": (31.9, 35.2), "LBN": (33.9, 35.9), "JOR": (31.2, 36.5),
    "SAU": (24.0, 45.0), "ARE": (24.0, 54.0), "QAT": (25.3, 51.2), "EGY": (26.5, 30.0), "YEM": (15.8, 47.5),
    "AFG": (33.9, 67.7), "UKR": (49.0, 31.5), "BLR": (53.7, 28.0), "POL": (52.0, 19.4), "DEU": (51.2, 10.4),
    "FRA": (46.6, 2.4), "GBR": (54.0, -2.5), "ITA": (42.8, 12.5), "ESP": (40.2, -3.6), "NLD": (52.2, 5.5),
    "BEL": (50.6, 4.6), "CHE": (46.8, 8.2), "SWE": (62.0, 15.0), "NOR": (64.5, 12.0), "FIN": (64.0, 26.0),
    "CAN": (57.0, -101.0), "MEX": (23.6, -102.5), "BRA": (-10.8, -52.9), "ARG": (-35.4, -65.2), "ZAF": (-29.0, 24.7),
    "NGA": (9.1, 8.7), "ETH": (9.1, 40.5), "KEN": (0.2, 37.9), "DZA": (28.0, 2.6), "MAR": (31.8, -7.1),
    "KAZ": (48.0, 67.0), "UZB": (41.4, 64.6), "BGD": (23.7, 90.3), "LKA": (7.9, 80.7), "NPL": (28.4, 84.1),
    "TWN": (23.7, 121.0), "HKG": (22.3, 114.2), "GRC": (39.1, 22.0), "HUN": (47.2, 19.5), "SRB": (44.0, 20.9),
    "VEN": (7.0, -66.0), "CUB": (21.5, -79.5), "COL": (4.6, -74.1), "CHL": (-35.7, -71.5), "PER": (-9.2, -75.0),
    "KGZ": (41.2, 74.8), "TJK": (38.9, 71.3), "TKM": (38.97, 59.6), "MNG": (46.9, 103.8),
    "ARM": (40.1, 45.0), "AZE": (40.3, 47.6), "GEO": (42.3, 43.4), "LBY": (26.3, 17.2), "SDN": (15.6, 30.2),
}



@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place: GDELT's geo type (1 country, 2 US state, 3 US city, 4 world city, 5 world
    state or region), names and codes, and coordinates."""

    type: int
    name: str
    iso3: str | None
    fips: str
    adm1: str
    lat: float | None
    lon: float | None
    geonames: int | None


@cache
def _geo() -> dict[int, tuple[float | None, float | None, str, str]]:
    """GeoNames id -> (lat, lon, FIPS country code, ADM1 code), from kb/geo.tsv (tools/warta_build/kb.py)."""
    out: dict[int, tuple[float | None, float | None, str, str]] = {}
    text = (resources.files("warta.kb") / "geo.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            gid, lat, lon, fips, adm1 = (line.split("\t") + [""] * 5)[:5]
            out[int(gid)] = (float(lat) if lat else None, float(lon) if lon else None, fips, adm1)
    return out


def _fips(iso3: str | None) -> str:
    country = load_kb().country(iso3.upper()) if iso3 else None
    return _geo().get(country.geonames or 0, (None, None, "", ""))[2] if country else ""


def country_place(iso3: str | None) -> Place | None:
    """The country as a place (GDELT type 1), at its centroid (or capital)."""
    if not iso3:
        return None
    iso3 = iso3.upper()
    entry = load_kb().country(iso3)
    lat, lon, fips, _ = _geo().get(entry.geonames or 0, (None, None, "", "")) if entry else (None, None, "", "")
    lat, lon = COUNTRIES.get(iso3, (lat, lon))
    name = entry.name if entry else iso3
    return Place(1, name, iso3, fips, "", lat, lon, entry.geonames if entry else None) if lat is not None else None


def locate(name: str | None, *, iso3: str | None = None, geonames: int | None = None,
           countries: Iterable[str] = ()) -> Place | None:
    """Geocode a place named in an article: by its GeoNames id when the entity has one, else the
    knowledge base's readings of the name — the one in the article's countries, then the one the
    KB ranks first (curated, then the most populous: one Moscow is not Moscow, Idaho) — or of the last place named inside it
    ("Embassy of Indonesia in Tehran", "Kabupaten Tangerang"); a place known only by its country
    is placed at the country."""
    if geonames is not None and geonames in _geo():
        found = _by_id(name, geonames, iso3)
        if found is not None:
            return found
    state = _us_states().get(name or "")
    if state is not None and state in _geo():  # GeoNames' US states, read by geocoding only
        lat, lon, fips, adm1 = _geo()[state]
        return Place(2, name or "", "USA", fips, adm1, lat, lon, state)
    entry = _reading(name, countries) if name else None
    division = _divisions().get(name or "")
    if division is not None and not any(e.type in _PLACE_KINDS for e, _ in load_kb().lookup(name or "")):
        return division  # a division the KB does not know by its whole name ("Raja Ampat", "Zabul")
    if entry is not None:
        if entry.type == "COUNTRY":
            return country_place(entry.iso3)
        if entry.geonames is not None and entry.geonames in _geo():
            found = _by_id(name, entry.geonames, entry.country)
            if found is not None:
                return found
        region = _regions().get(entry.name)
        if region is not None:
            country = country_place(entry.country)
            return Place(2 if entry.country == "USA" else 5, entry.name, entry.country,
                         country.fips if country else "", "", region[0], region[1], None)
        iso3 = entry.country or iso3
    return country_place(iso3)


def _by_id(name: str | None, geonames: int, iso3: str | None) -> Place | None:
    lat, lon, fips, adm1 = _geo()[geonames]
    entry = load_kb().entry(f"geonames:{geonames}")
    if lat is None or (entry is not None and entry.type == "COUNTRY"):
        return None
    country = entry.country if entry else iso3
    if entry is not None and entry.type == "REGION":  # a continent
        return Place(5, entry.name, None, "", "", lat, lon, geonames)
    return Place(3 if country == "USA" else 4, name or (entry.name if entry else ""), country, fips, adm1, lat, lon,
                 geonames)


def _reading(name: str, countries: Iterable[str]) -> Any:
    """The knowledge base's best place reading of `name`, or of the last place named in it."""
    kb = load_kb()
    wanted = {c.upper() for c in countries if c}
    words = name.split()
    # the whole name first, then shorter spans, rightmost first: "Sidang Pleno St. Petersburg"
    spans = [" ".join(words[i:j]) for size in range(len(words), 0, -1)
             for i in range(len(words) - size, -1, -1) for j in [i + size]]
    for span in spans:
        if span != name and (len(span) < 4 or not span[:1].isupper()):
            continue  # a short or lower-case word inside a name is no place ("AS", "kota")
        # a hyphen joins the words of a name as often as a space does ("Timor-Timur", "Timor Timur")
        readings = [e for form in dict.fromkeys((span, span.replace("-", " "))) for e, _ in kb.lookup(form)
                    if e.type in _PLACE_KINDS]
        if readings:
            # the knowledge base ranks readings (curated first, then by type and population)
            readings.sort(key=lambda e: bool(wanted) and (e.country or e.iso3) not in wanted)
            return readings[0]
    return None


_PLACE_KINDS = ("CITY", "REGION", "FAC", "COUNTRY")


@cache
def _us_states() -> dict[str, int]:
    """US state name -> GeoNames id, from kb/us_states.tsv (tools/warta_build/kb.py)."""
    text = (resources.files("warta.kb") / "us_states.tsv").read_text(encoding="utf-8")
    return {line.split("\t")[0]: int(line.split("\t")[1]) for line in text.splitlines()
            if line and not line.startswith("#")}


@cache
def _divisions() -> dict[str, Place]:
    """Division name -> its place, from kb/divisions.tsv (tools/warta_build/divisions.py): Indonesia's
    regencies and cities at their seat (GDELT type 4), other countries' provinces at their centre (5)."""
    text = (resources.files("warta.kb") / "divisions.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, iso3, lat, lon, fips, adm1, kind = (line.split("\t") + [""] * 7)[:7]
            out[name] = Place(int(kind or 4), name, iso3, fips, adm1, float(lat), float(lon), None)
    return out


@cache
def _regions() -> dict[str, tuple[float, float]]:
    """Curated region name -> (lat, lon), from kb/curated/region_coordinates.tsv."""
    text = (resources.files("warta.kb") / "curated" / "region_coordinates.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, lat, lon = line.split("\t")[:3]
            out[name] = (float(lat), float(lon))
    return out


def coordinates(name: str | None, iso3: str | None) -> tuple[float | None, float | None]:
    """(lat, lon) for a place name, falling back to its country's centroid; (None, None) if unknown."""
    place = locate(name, iso3=iso3, countries=[iso3] if iso3 else ())
    return (place.lat, place.lon) if place else (None, None)
