"""World regions of the UN M49 scheme as Unicode CLDR names them (via Babel), for places.tsv.

Each region of CLDR's numeric codes becomes a REGION of no one country, named in English and
Indonesian, with the shorter forms news writes ("North Africa" for CLDR's "Northern Africa",
"Asia Barat" for "Asia Bagian Barat": `kb/curated/region_name_forms.tsv`). A region one of whose
names the knowledge base already gives another entry (a curated region, a continent, a country:
"Southern Africa" shortened is "South Africa") keeps only its other names, and a region left with
none is skipped; the world and "the Americas" (Indonesian "Amerika" is most often the United
States) are left out. Their centres are in `kb/curated/region_coordinates.tsv`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from warta.kb import name_key

LEFT_OUT = frozenset({"001", "019"})  # the world; the Americas


def name_forms(name: str, forms: list[tuple[str, str]]) -> set[str]:
    """A region's name and its shorter forms (each long form of `forms` replaced by its short one)."""
    out = {name}
    for long, short in forms:
        out |= {re.sub(rf"\b{re.escape(long)}\b", short, n) for n in out}
    return {" ".join(n.split()) for n in out}


def cldr_regions(forms: list[tuple[str, str]], taken: Callable[[str], str | None]) -> list[tuple[str, list[str]]]:
    """(English name, other names) of each CLDR world region the knowledge base lacks; `taken`
    gives the type of the entry a name already names (REGION: the region is known already)."""
    from babel import Locale

    en, id_ = Locale.parse("en").territories, Locale.parse("id").territories
    regions = []
    for code in sorted(c for c in en if re.fullmatch(r"\d{3}", c) and c not in LEFT_OUT):
        names = name_forms(en[code], forms) | (name_forms(id_[code], forms) if code in id_ else set())
        if any(taken(n) == "REGION" for n in names):
            continue  # "Eastern Asia" is the curated "East Asia", "Northern America" near enough North America
        kept = sorted(n for n in names if taken(n) is None)  # "South Africa" stays the country's
        if en[code] in kept:
            regions.append((en[code], [n for n in kept if n != en[code]]))
    return regions


def region_and_country_names(lines: list[str], countries: Path) -> dict[str, str]:
    """name key -> type of every name and alias of the REGION rows and of countries.tsv."""
    found: dict[str, str] = {}
    rows = [line.rstrip("\n").split("\t") for line in lines + countries.read_text(encoding="utf-8").splitlines(True)]
    for cells in rows:
        if len(cells) > 10 and cells[1] in ("REGION", "COUNTRY"):
            for name in [cells[2], *cells[10].split("|")]:
                if name:
                    found.setdefault(name_key(name), cells[1])
    return found
