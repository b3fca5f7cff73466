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


def test_iso_codes_before_the_figure_and_south_asian_scales():
    assert amounts("senilai EUR 5 juta dan SGD 1,5 miliar serta CNY 200 juta") == [
        (5e6, "EUR", None), (1.5e9, "SGD", None), (2e8, "CNY", None)]
    assert amounts("He spent Rs 24 lakh and Rs. 3 crore on the trip.", "en") == [(2.4e6, "INR", None), (3e7, "INR", None)]
    assert amounts("a fine of CHF 20 million", "en") == [(2e7, "CHF", None)]


def test_iso_code_after_the_figure_is_money_and_jutaan_is_a_scale():
    assert amounts("Mobil itu dijual setara 7.000 USD atau sekitar Rp 115 jutaan.") == [
        (7000, "USD", None), (115e6, "IDR", None)]


def test_ranks_are_no_amounts():
    got = amounts("Indonesia turun 13 peringkat ke peringkat 40 dari 69 negara.")
    assert got == [(69, "count", "negara")]
    assert amounts("The country ranked 40 of 69 nations after falling 13 places.", "en") == [(69, "count", "nations")]


def test_scale_word_glued_to_the_figure():
    assert amounts("Biaya turun dari rerata Rp93,4juta menjadi Rp89,4 juta.") == [(93.4e6, "IDR", None), (89.4e6, "IDR", None)]
