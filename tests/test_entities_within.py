"""A site the knowledge base does not know takes the country and city of the place the text puts it in."""
from __future__ import annotations

from test_entities import by_name, read

from warta.model import Entity, Mention
from warta.entities.within import placed_within


def entities_of(text: str, known: dict[str, tuple]) -> tuple[Entity, ...]:
    """Entities of each name in `known` (name -> type, iso3, country, geonames), at every mention."""
    out = []
    for name, (kind, iso3, country, geonames) in known.items():
        at = [i for i in range(len(text)) if text.startswith(name, i)]
        out.append(Entity(id=name, name=name, type=kind, mentions=tuple(Mention(i, i + len(name), name) for i in at),
                          iso3=iso3, country=country, geonames=geonames))
    return tuple(out)


KNOWN = {"Surabaya": ("PLACE", None, "IDN", 1625822), "Jepang": ("PLACE", "JPN", "JPN", 1861060),
         "Balai Kota Lama": ("PLACE", None, None, None), "Dinas Pariwisata": ("ORG", None, None, None),
         "Pak Harjo": ("PERSON", None, None, None)}


def placed(text: str, code: str = "id") -> dict[str, tuple]:
    found = placed_within(entities_of(text, {k: v for k, v in KNOWN.items() if k in text}), text, code)
    return {e.name: (e.country, e.geonames) for e in found}


def test_a_site_named_before_its_city_takes_the_city() -> None:
    assert placed("Acara digelar di Balai Kota Lama, Surabaya, kemarin.")["Balai Kota Lama"] == ("IDN", 1625822)
    assert placed("Acara digelar di Balai Kota Lama di Surabaya.")["Balai Kota Lama"] == ("IDN", 1625822)
    assert placed("The fair opened at Balai Kota Lama in Surabaya.", "en")["Balai Kota Lama"] == ("IDN", 1625822)


def test_an_institution_between_site_and_city_is_stepped_over() -> None:
    text = "Rapat di Balai Kota Lama Dinas Pariwisata, Surabaya."
    assert placed(text)["Balai Kota Lama"] == ("IDN", 1625822)
    assert placed(text)["Dinas Pariwisata"] == (None, None)  # an organisation is not given a place


def test_a_place_after_only_a_space_qualifies_the_name_rather_than_holds_it() -> None:
    assert placed("Balai Kota Lama Surabaya dibuka.")["Balai Kota Lama"] == (None, None)


def test_a_word_introducing_the_place_is_stepped_over() -> None:
    assert placed("Acara di Balai Kota Lama, Kota Surabaya.")["Balai Kota Lama"] == ("IDN", 1625822)
    assert placed("A fair at Balai Kota Lama in the Surabaya area.", "en")["Balai Kota Lama"] == ("IDN", 1625822)


def test_a_site_in_a_country_takes_the_country_but_no_city() -> None:
    assert placed("Pameran di Balai Kota Lama, Jepang.")["Balai Kota Lama"] == ("JPN", None)


def test_a_site_with_no_place_after_it_stays_unplaced() -> None:
    assert placed("Balai Kota Lama dibuka kembali. Surabaya menyambutnya.")["Balai Kota Lama"] == (None, None)
    assert placed("Balai Kota Lama dan Pak Harjo, Surabaya.")["Balai Kota Lama"] == (None, None)
    assert placed("Pak Harjo, Surabaya.")["Pak Harjo"] == (None, None)  # a person is no place


def test_a_region_of_several_countries_gets_no_country_from_the_next_name() -> None:
    text = "Ketegangan di Timur Tengah, Jepang ikut khawatir."
    found = placed_within(entities_of(text, {"Timur Tengah": ("PLACE", None, None, None), "Jepang": KNOWN["Jepang"]}),
                          text, "id")
    assert found[0].country is None


def test_the_entities_stage_places_a_hotel_in_its_city() -> None:
    found = by_name(read("Menteri itu berbicara di Hotel Cendrawasih, Surabaya, Senin (2/6)."))
    assert found["Hotel Cendrawasih"].country == "IDN"
    assert found["Hotel Cendrawasih"].geonames == found["Surabaya"].geonames is not None


def test_nouns_of_the_sites_kind_around_the_word_putting_it_inside_are_stepped_over() -> None:
    assert placed("He is held at Balai Kota Lama prison in Surabaya.", "en")["Balai Kota Lama"] == ("IDN", 1625822)
    assert placed("A visit to the Balai Kota Lama settlement bloc in Surabaya.", "en")["Balai Kota Lama"] == ("IDN", 1625822)
    assert placed("Warga berkumpul di Balai Kota Lama di pusat kota Surabaya.")["Balai Kota Lama"] == ("IDN", 1625822)


def test_a_verb_between_a_name_and_a_place_does_not_put_the_name_there() -> None:
    assert placed("Balai Kota Lama menggelar rapat di Surabaya.")["Balai Kota Lama"] == (None, None)
    assert placed("Balai Kota Lama hosted talks in Surabaya.", "en")["Balai Kota Lama"] == (None, None)
