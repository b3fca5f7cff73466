"""Indonesian military and police ranks (titles.tsv) are titles: the name after one is a person,
the rank alone is no name, and the rank gives the role. The texts are written for these tests."""
from __future__ import annotations

from test_entities import by_name, read


def test_a_name_after_a_rank_and_its_bracketed_abbreviation_is_a_person() -> None:
    found = by_name(read("Juru bicara TNI Angkatan Laut Laksamana Pertama (Laksma) Wiratmo Sukendar "
                         "mengatakan kapal itu terdeteksi di Selat Malaka."))
    assert found["Wiratmo Sukendar"].type == "PERSON"


def test_a_rank_alone_is_no_place() -> None:
    found = by_name(read("Pengungkapan dari Brigjen (purn.) Dov Halevi, mantan pejabat pertahanan, mengejutkan banyak pihak."))
    assert "Brigjen" not in found and found["Dov Halevi"].type == "PERSON"


def test_a_police_rank_is_cut_from_the_name_and_gives_the_role() -> None:
    found = by_name(read("Kapolda Jawa Barat Irjen Rudi Hartono Setiawan menyampaikan hal itu di Bandung."))
    person = found["Rudi Hartono Setiawan"]
    assert person.type == "PERSON" and person.role == "police inspector general"
