"""A line in title case (a related article's headline) gives the taggers no names the KB does not know."""
from __future__ import annotations

from test_entities import by_name, read

from warta.entities.headlines import is_headline


def test_title_case_lines_are_headlines_and_sentences_are_not() -> None:
    assert is_headline("- Heboh! Warga Desa Panen Raya Jagung di Tengah Kemarau")
    assert is_headline("Lihat juga: Harga Cabai Naik Lagi Jelang Lebaran")
    assert not is_headline("Warga desa memanen jagung di tengah kemarau panjang tahun ini.")
    assert not is_headline("Budi Santoso, Joko Susilo, Ahmad Wirawan, dan Slamet Riyadi hadir.")  # a list of names
    assert not is_headline("Jakarta, Kamis")  # too short to judge


def test_a_headline_line_yields_only_names_the_kb_knows() -> None:
    text = ("Petani di Jawa Timur memanen jagung lebih awal tahun ini.\n\n"
            "- Heboh! Warga Desa Panen Raya Jagung Bersama Menteri di Surabaya\n\n"
            "Kepala Dinas Pertanian Budi Santoso mengatakan hasil panen naik.")
    found = by_name(read(text))
    assert "Surabaya" in found  # the KB knows it, headline or not
    assert not any("Panen" in name or "Warga" in name for name in found)
