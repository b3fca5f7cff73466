"""The knowledge base: countries, places, organisations and people, as committed TSV tables.

`load_kb()` reads the tables once per process (about a hundred thousand names) and indexes
every name and alias by its `name_key`, so a gazetteer can look spans of text up directly.
The tables are built by `tools/warta_build/kb.py`; README.md names their sources and licences.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

TABLES = ("countries.tsv", "places.tsv", "orgs.tsv", "people.tsv")
# How types rank when one name has several readings: a country beats a city of the same name,
# a curated organisation beats a town ("Hamas"), a city beats a 2014 Phoenix person.
TYPE_RANK = {"COUNTRY": 0, "REGION": 1, "ORG": 2, "FAC": 2, "PERSON": 3, "CITY": 4}
PLACE_TYPES = frozenset({"COUNTRY", "CITY", "REGION", "FAC"})
_MEMO_SIZE = 200_000  # remembered lookups per process (a few tens of MB at most)


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One real-world thing the knowledge base knows."""

    id: str
    type: str  # COUNTRY, CITY, REGION, FAC, ORG, PERSON
    name: str
    iso3: str | None = None
    country: str | None = None
    cameo: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    population: int = 0
    role: str | None = None
    curated: bool = True

    @property
    def coarse(self) -> str:
        """PERSON, ORG or PLACE, the types the scorers compare."""
        return "PLACE" if self.type in PLACE_TYPES else self.type

    @property
    def spans_countries(self) -> bool:
        """A region of several countries (a continent, a world region, a sea or strait): a place
        with a centre on the map but no one country, which entities type REGION."""
        return self.type == "REGION" and not self.country


@lru_cache(maxsize=_MEMO_SIZE)
def name_key(text: str) -> str:
    """The form names are compared in: no accents, lower case, one kind of dash and space."""
    if text.isascii():  # nothing to decompose or replace (most words): lower case, single spaces
        return " ".join(text.split()).casefold() if not text.isalnum() else text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def parse_row(line: str) -> tuple[KBEntry, list[str], list[str]]:
    """One row of a KB table: the entry, its aliases and its demonyms."""
    cells = (line.rstrip("\n").split("\t") + [""] * 12)[:12]
    id_, type_, name, iso3, country, cameo, wikidata, geonames, population, role, aliases, demonyms = cells
    entry = KBEntry(id=id_, type=type_, name=name, iso3=iso3 or None, country=country or None, cameo=cameo or None,
                    wikidata=wikidata or None, geonames=_int(geonames), population=_int(population) or 0,
                    role=role or None, curated=not id_.startswith("phoenix:"))
    return entry, [a for a in aliases.split("|") if a], [d for d in demonyms.split("|") if d]


def entry_rank(entry: KBEntry) -> tuple[int, int, int]:
    """Sort key among entries of one name: curated first, then by type, then the most populous."""
    return (not entry.curated, TYPE_RANK.get(entry.type, 5), -entry.population)


class SortedTable:
    """A read-only str → str table as its sorted keys and one text of all its values.

    Loaded from warta's compiled tables in a quarter of the time of a dict of the same (fifty
    thousand keys: a list and two strings unpickle, a dict is rebuilt key by key), and its sorted
    keys are what a prefix test searches anyway. A look-up is a binary search.
    """

    def __init__(self, items: dict[str, str]) -> None:
        self.keys = sorted(items)
        values = [items[k] for k in self.keys]
        self.text = "".join(values)
        self.ends = array("L")
        end = 0
        for value in values:
            end += len(value)
            self.ends.append(end)

    def get(self, key: str) -> str | None:
        """The value of `key`, None when it has none."""
        at = bisect.bisect_left(self.keys, key)
        if at == len(self.keys) or self.keys[at] != key:
            return None
        return self.text[self.ends[at - 1] if at else 0:self.ends[at]]

    def has_prefix(self, prefix: str) -> bool:
        """Whether a key starts with `prefix`."""
        at = bisect.bisect_left(self.keys, prefix)
        return at < len(self.keys) and self.keys[at].startswith(prefix)

    def __len__(self) -> int:
        return len(self.keys)


class KnowledgeBase:
    """All entries, with every name and alias indexed by `name_key` (built by tools/warta_build/kb.py).

    Rows are kept as text and parsed on first use: a lookup touches a handful of the
    fifty thousand entries, so loading stays a matter of reading two sorted tables.
    """

    def __init__(self, rows: SortedTable, index: SortedTable, demonyms: dict[str, str]) -> None:
        self._rows = rows
        self._index = index
        self._demonyms = demonyms
        self._entries: dict[str, KBEntry] = {}
        # Lookups repeat (the same names, sentence after sentence): remember them. The KB never
        # changes after loading, so the memo never goes stale; it is bounded to keep workers small.
        self._found: dict[str, tuple[tuple[KBEntry, bool], ...]] = {}
        self._begins: dict[str, bool] = {}  # text -> whether a name begins with it (name_prefixes)

    def entry(self, id_: str) -> KBEntry | None:
        """The entry with this id (e.g. "country:IRN", "geonames:524901")."""
        if id_ not in self._entries:
            row = self._rows.get(id_)
            if row is None:
                return None
            self._entries[id_] = parse_row(row)[0]
        return self._entries[id_]

    def lookup(self, text: str) -> tuple[tuple[KBEntry, bool], ...]:
        """(entry, strict) pairs one of whose names is `text`, best reading first.

        `strict` means the name is a capitalised acronym ("AS") that must match exactly.
        """
        found = self._found.get(text)
        if found is None:
            found = self._lookup(name_key(text))
            if len(self._found) >= _MEMO_SIZE:
                self._found.clear()
            self._found[text] = found
        return found

    def _lookup(self, key: str) -> tuple[tuple[KBEntry, bool], ...]:
        ids = self._index.get(key)
        if not ids:
            return ()
        found = []
        for id_ in ids.split("|"):
            entry = self.entry(id_.rstrip("!"))
            if entry is not None:
                found.append((entry, id_.endswith("!")))
        return tuple(found)

    def may_start_name(self, text: str) -> bool:
        """False when no name in the KB begins with `text` (a word): the gazetteer then need
        not try the longer runs of words that start with it."""
        return self._index.has_prefix(name_key(text))

    def name_prefixes(self, surfaces: Iterable[str]) -> int:
        """How many of `surfaces`, each the one before with more words after it ("New", "New
        York", "New York Times"), begin a name in the KB: the ones after them cannot be names, as
        a longer text's key starts with a shorter one's, so a finder need not look them up."""
        count, begins = 0, self._begins
        for surface in surfaces:
            known = begins.get(surface)
            if known is None:
                if len(begins) >= _MEMO_SIZE:
                    begins.clear()
                known = begins[surface] = self._index.has_prefix(name_key(surface))
            if not known:
                break
            count += 1
        return count

    def demonym(self, text: str) -> KBEntry | None:
        """The country an English adjective names ("Russian" -> Russia), or its people in the
        plural ("Algerians": a regular plural of a listed adjective)."""
        key = name_key(text)
        iso3 = self._demonyms.get(key)
        if iso3 is None and key.endswith("s"):
            iso3 = self._demonyms.get(key[:-1])
        return self.country(iso3)

    def country(self, iso3: str | None) -> KBEntry | None:
        """The country entry of an ISO 3166 alpha-3 code."""
        return self.entry(f"country:{iso3}") if iso3 else None

    @property
    def given_names(self) -> frozenset[str]:
        """Lower-case given names of the people the KB knows (first words of their names)."""
        if not hasattr(self, "_given"):
            text = (resources.files(__name__) / "given_names.tsv").read_text(encoding="utf-8")
            self._given = frozenset(w.casefold() for w in text.splitlines() if w and not w.startswith("#"))
        return self._given

    def __len__(self) -> int:
        return len(self._rows)


@cache
def load_kb() -> KnowledgeBase:
    """Read the tables and the name index (once per process; once per change of the tables, as
    warta's compiled tables, and unpickled by later processes in half the time)."""
    from ..compiled import compiled, content_key

    root = resources.files(__name__)
    inputs = [content_key(str(root / table)) for table in (*TABLES, "index.tsv")]
    return KnowledgeBase(*compiled("kb", inputs, _read_tables))


def _read_tables() -> tuple[SortedTable, SortedTable, dict[str, str]]:
    """Rows by id, the name index and demonyms, from the TSV tables."""
    root = resources.files(__name__)
    rows: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for table in TABLES:
        for line in (root / table).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                id_ = line[:line.index("\t")]
                rows[id_] = line
                if table == "countries.tsv":
                    for adjective in (line.split("\t") + [""] * 12)[11].split("|"):
                        if adjective:
                            demonyms[name_key(adjective)] = id_[len("country:"):]
    index = dict(line.split("\t", 1) for line in (root / "index.tsv").read_text(encoding="utf-8").splitlines())
    return SortedTable(rows), SortedTable(index), demonyms


@cache
def surname_table() -> dict[str, tuple[str, str, int | None, int | None]]:
    """`surnames.tsv` (surnames, and titles with surnames, of one country's people, from the Phoenix
    country actors): key -> (country, CAMEO code, first year, last year or None when open-ended)."""
    table = {}
    text = (resources.files("warta.kb") / "surnames.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, country, code, first, last = (line.split("\t") + [""] * 5)[:5]
            table[key] = (country, code, int(first) if first else None, int(last) if last else None)
    return table
