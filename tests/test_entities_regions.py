"""Regions of several countries (a continent, a world region, a sea or strait) are entities of
type REGION: placed on a map at their centre, with no country; places of one country stay PLACE.

The texts are written for these tests.
"""
from __future__ import annotations

from functools import cache

from warta.kb import load_kb
from warta.model import Article
from warta.pipeline import Pipeline
from warta.read.sources import text_document
from warta.settings import load_settings
from warta.store.gdelt import gkg_record
from warta.store.places import locate


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings({"stages": "read,language,segment,entities"}))


def read(text: str) -> Article:
    outcome = _pipeline().run(text_document("test.txt", text, title="Berita"))
    assert outcome.article is not None, outcome.error
    return outcome.article


def test_a_region_of_several_countries_is_a_region_without_a_country() -> None:
    text = ("Ketegangan di Timur Tengah meningkat setelah kapal tanker dihadang di Selat Hormuz. "
            "Menteri Luar Negeri Indonesia berbicara kepada wartawan di Jakarta, Senin.")
    found = {e.name: e for e in read(text).entities}
    for name in ("Middle East", "Strait of Hormuz"):
        assert (found[name].type, found[name].country, found[name].iso3) == ("REGION", None, None)
        place = locate(found[name].name)
        assert place is not None and place.lat is not None  # its centre
    assert found["Jakarta"].type == "PLACE" and found["Jakarta"].country == "IDN"
    assert found["Indonesia"].type == "PLACE"


def test_a_region_inside_one_country_stays_a_place() -> None:
    found = {e.name: e for e in read("Banjir melanda Jawa Barat dan Sumatera Utara pekan ini.").entities}
    assert (found["West Java"].type, found["West Java"].country) == ("PLACE", "IDN")
    assert (found["North Sumatra"].type, found["North Sumatra"].country) == ("PLACE", "IDN")


def test_knowledge_base_tells_a_region_of_several_countries() -> None:
    kb = load_kb()
    readings = {e.name: e for form in ("Laut China Selatan", "Eropa", "Jawa Barat") for e, _ in kb.lookup(form)}
    assert readings["South China Sea"].spans_countries and readings["Europe"].spans_countries
    assert not readings["West Java"].spans_countries


def test_gkg_locations_leave_regions_out() -> None:
    article = read("Ketegangan di Timur Tengah membuat Menteri Luar Negeri Indonesia terbang ke Jakarta.")
    locations = next(cell for cell in gkg_record(article, "a1") if cell.startswith("1#"))
    assert "1#Jakarta#" in locations and "Middle East" not in locations  # GDELT has no geo type for it


def test_seas_and_straits_of_several_countries_are_regions_and_of_one_a_place() -> None:
    found = {e.name: e for e in read("Kapal induk itu berlayar dari Laut Arab ke Mediterania Timur, "
                                     "lalu melintasi Selat Sunda.").entities}
    for name in ("Arabian Sea", "Eastern Mediterranean"):
        assert (found[name].type, found[name].country) == ("REGION", None)
        assert locate(name).lat is not None
    assert (found["Sunda Strait"].type, found["Sunda Strait"].country) == ("PLACE", "IDN")
    assert locate("Sunda Strait").iso3 == "IDN"
