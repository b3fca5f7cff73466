"""Approximate coordinates for the map of places: country centroids and capitals.

Entities carry ISO3 codes (and sometimes GeoNames ids) but no coordinates, and warta may not
fetch a gazetteer at run time, so the map uses this small hand-written table (rounded to a
degree or so: enough to place a dot on a world map, not for geography).
"""
from __future__ import annotations

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

CITIES: dict[str, tuple[float, float]] = {
    "jakarta": (-6.2, 106.8), "bandung": (-6.9, 107.6), "surabaya": (-7.25, 112.75), "bali": (-8.4, 115.2),
    "papua": (-4.3, 138.1), "moscow": (55.75, 37.6), "st. petersburg": (59.9, 30.3), "saint petersburg": (59.9, 30.3),
    "beijing": (39.9, 116.4), "washington": (38.9, -77.0), "new york": (40.7, -74.0), "tokyo": (35.7, 139.7),
    "seoul": (37.6, 127.0), "new delhi": (28.6, 77.2), "canberra": (-35.3, 149.1), "kuala lumpur": (3.1, 101.7),
    "bangkok": (13.75, 100.5), "hanoi": (21.0, 105.85), "manila": (14.6, 121.0), "ankara": (39.9, 32.85),
    "istanbul": (41.0, 29.0), "tehran": (35.7, 51.4), "baghdad": (33.3, 44.4), "jerusalem": (31.8, 35.2),
    "gaza": (31.5, 34.45), "tel aviv": (32.1, 34.8), "riyadh": (24.7, 46.7), "cairo": (30.0, 31.2),
    "kyiv": (50.45, 30.5), "kiev": (50.45, 30.5), "london": (51.5, -0.1), "paris": (48.85, 2.35),
    "berlin": (52.5, 13.4), "brussels": (50.85, 4.35), "geneva": (46.2, 6.15), "rome": (41.9, 12.5),
    "doha": (25.3, 51.5), "singapore": (1.35, 103.8), "minsk": (53.9, 27.55), "warsaw": (52.2, 21.0),
    "washington, d.c.": (38.9, -77.0), "new york city": (40.7, -74.0), "damascus": (33.5, 36.3),
    "homs": (34.7, 36.7), "tangerang": (-6.2, 106.6), "kabupaten tangerang": (-6.2, 106.5), "yogyakarta": (-7.8, 110.4),
    "medan": (3.6, 98.7), "makassar": (-5.15, 119.4), "kremlin": (55.75, 37.6), "sochi": (43.6, 39.7),
    "south china sea": (12.0, 114.0), "natuna": (3.9, 108.3), "strait of hormuz": (26.6, 56.3),
}


def coordinates(name: str | None, iso3: str | None) -> tuple[float | None, float | None]:
    """(lat, lon) for a place name, falling back to its country's centroid; (None, None) if unknown."""
    if name and name.lower() in CITIES:
        return CITIES[name.lower()]
    if iso3 and iso3.upper() in COUNTRIES:
        return COUNTRIES[iso3.upper()]
    return None, None
