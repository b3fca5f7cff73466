"""The CLDR world regions (UN M49) in the knowledge base: regions of several countries, named in
English and Indonesian with the shorter forms news writes, placed at their centre."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_entities_regions import read

from warta.store.places import locate

TOOLS = Path(__file__).resolve().parents[1] / "tools"
FORMS = [("Northern", "North"), ("Southern", "South"), ("Eastern", "East"), ("Western", "West"), ("Bagian", "")]


@pytest.fixture
def world_regions(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(TOOLS))
    from warta_build import world_regions

    return world_regions


def test_short_forms_of_a_regions_name(world_regions) -> None:
    assert world_regions.name_forms("Asia Bagian Barat", FORMS) == {"Asia Bagian Barat", "Asia Barat"}
    assert world_regions.name_forms("Northern Africa", FORMS) == {"Northern Africa", "North Africa"}


def test_a_name_another_entry_has_stays_its_and_a_known_region_is_not_added_again(world_regions) -> None:
    taken = {"South Africa": "COUNTRY", "Afrika Selatan": "COUNTRY", "East Asia": "REGION"}
    regions = dict(world_regions.cldr_regions(FORMS, taken.get))
    assert "Eastern Asia" not in regions  # the known East Asia
    assert "South Africa" not in regions["Southern Africa"] and "Afrika Bagian Selatan" in regions["Southern Africa"]
    assert {"North Africa", "Afrika Utara"} <= set(regions["Northern Africa"])
    assert not any(name in regions for name in ("world", "Americas"))


def test_world_regions_are_regions_at_their_centre() -> None:
    found = {e.name: e for e in read("Gelombang panas melanda Afrika Utara dan Asia Barat pekan ini.").entities}
    for name in ("Northern Africa", "Western Asia"):
        assert (found[name].type, found[name].country) == ("REGION", None)
    north_africa = locate("North Africa")
    assert north_africa.iso3 is None and 20 < north_africa.lat < 35 and 0 < north_africa.lon < 30
    assert locate("South Africa").iso3 == "ZAF"  # the country keeps its name
