"""Amount errors found on unseen news articles: each test uses sentences written for it."""
from __future__ import annotations

from test_amounts import amounts


def test_acronyms_and_capitalised_nouns_are_counted():
    got = amounts("Ada 194 WNI di Israel, 3 BUMN ikut membangun, dan 13 Menteri Pertahanan hadir.")
    assert got == [(194, "count", "WNI"), (3, "count", "BUMN"), (13, "count", "Menteri")]


def test_time_zones_after_a_figure_are_no_count():
    assert amounts("Kapal itu terlihat sekitar 9 WIB di utara pulau.") == []
    assert amounts("The ship was seen at 10 GMT near the island.", "en") == []


def test_a_figure_after_a_comma_is_not_part_of_the_name_before_it():
    assert amounts("Di Kupang, 2.100 rumah sudah selesai dibangun.") == [(2100, "count", "rumah")]
    assert amounts("Harga saham Boeing 737 turun.") == []


def test_about_suffix_an_makes_an_approximate_count():
    assert amounts("Ada kurang lebih 380-an WNI yang berada di kota itu.") == [(380, "count", "WNI")]
    assert amounts("Pada tahun 1990-an ekonomi tumbuh pesat.") == []


def test_compound_number_words_for_percent_and_money():
    assert amounts("Fifty-one percent say the deal was wrong.", "en") == [(51, "percent", None)]
    assert amounts("Anggaran naik dua puluh lima persen tahun ini.") == [(25, "percent", None)]
