"""Entity error classes seen on unannotated Indonesian news (texts written for these tests)."""
from __future__ import annotations

from test_entities import by_name, read


def test_glued_acronym_keeps_the_acronym() -> None:
    names = by_name(read("Laporan itu, seperti BBCmenyebut kemarin, beredar luas di Jakarta."))
    assert not any("menyebut" in n for n in names)


def test_glued_verb_is_cut_from_a_name() -> None:
    text = "Menteri Luar Negeri Uni Emirat Arab Sheikh Abdullah bin Zayed Al-Nahyanmenyoroti bahaya perang."
    names = by_name(read(text))
    assert "Abdullah bin Zayed Al Nahyan" in names
    assert not any("menyoroti" in n for n in names)


def test_cabinet_secretary_is_a_title_not_part_of_the_name() -> None:
    names = by_name(read("Pertemuan itu didampingi Sekretaris Kabinet Teddy Indra Wijaya di Jakarta."))
    assert "Teddy Indra Wijaya" in names and names["Teddy Indra Wijaya"].type == "PERSON"
    assert not any(n.startswith("Kabinet") for n in names)


def test_country_before_a_minister_surname_is_not_part_of_it() -> None:
    names = by_name(read("Inggris menghukum Menteri Keuangan Israel Smotrich dan Menteri Keamanan Israel Ben Gvir."))
    assert names["Bezalel Smotrich"].type == "PERSON" and names["Itamar Ben-Gvir"].type == "PERSON"
    assert "Israel Smotrich" not in names


def test_city_and_summit_words_introduce_the_name() -> None:
    names = by_name(read("Presiden hadir di KTT Kazan tahun lalu, lalu berkunjung ke Kota Enerhodar."))
    assert "KTT Kazan" not in names and "Kota Enerhodar" not in names
    assert "Kazan" in names


def test_palace_names_link_to_one_entity() -> None:
    names = by_name(read("Prabowo bertemu Putin di Istana Constantine, dekat Saint Petersburg."))
    assert "Konstantinovsky Palace" in names


def test_soviet_union_is_named_in_english() -> None:
    names = by_name(read("Diplomat itu mewakili Ukraina di PBB selama era Uni Soviet."))
    assert "Soviet Union" in names


def test_generic_words_are_not_towns() -> None:
    names = by_name(read("Menurut para analis, Central Bank dan Bank lain waspada terhadap inflasi."))
    assert "Bank" not in names and "Central" not in names
