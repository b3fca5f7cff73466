"""Quote errors found on unseen news articles: each test uses sentences written for it."""
from __future__ import annotations

from test_quotes import direct, quotes

from warta.model import Entity, Mention


def reported(text: str, language: str = "id") -> list[tuple[str, str | None]]:
    return [(q.text, (q.speaker or {}).get("name")) for q in quotes(text, language) if not q.direct]


def test_reported_speech_after_a_verb_and_comma_sets_the_pronoun_referent():
    text = ("Analis Budi Santoso menuturkan, kondisi pasar diharapkan membaik pekan depan.\n"
            "“Harga minyak yang naik dapat menekan anggaran negara,” ujar dia.")
    assert reported(text)[0][1] == "Budi Santoso"
    assert direct(text)[0][1] == "Budi Santoso"


def test_reported_speech_with_an_addressee_before_bahwa_and_a_late_verb():
    text = ("Seusai pembicaraan telepon kedua pemimpin, penasihat istana Andrei Morozov menyampaikan "
            "kepada wartawan bahwa kedua negara menolak penggunaan kekuatan militer.\n"
            "“Tidak ada jalan keluar militer untuk krisis ini,” ujarnya.")
    assert reported(text)[0] == ("kedua negara menolak penggunaan kekuatan militer", "Andrei Morozov")
    assert direct(text)[0][1] == "Andrei Morozov"


def test_straight_mark_glued_after_a_caption_still_opens_the_quotation():
    text = ("Wamen Rina Hartono meninjau lokasi.\n"
            "FOTO/Ilustrasi pembangkit listrik tenaga surya.\" Jadi kami memilih teknologi yang paling murah,\" "
            "ujar Rina di Jakarta.")
    assert direct(text) == [("Jadi kami memilih teknologi yang paling murah", "Rina Hartono")]


def test_closing_mark_then_new_sentence_opens_nothing_without_a_plain_close():
    text = "“Kami siap berunding,” kata Rina Hartono. Ia menutup rapat.\" Setelah itu “kata” muncul lagi."
    assert [t for t, _ in direct(text)] == ["Kami siap berunding"]


def _entity(name: str, kind: str, text: str, *spans: str) -> Entity:
    mentions = tuple(Mention(text.index(s), text.index(s) + len(s), s) for s in spans)
    return Entity(id=name, name=name, type=kind, mentions=mentions)


def test_person_named_after_the_organisation_of_the_speaker_is_the_speaker():
    text = "“Saham itu ditutup menguat tajam kemarin,” ungkap Kepala Riset Sinar Sekuritas, Dodi, Rabu."
    org = _entity("Sinar Sekuritas", "ORG", text, "Sinar Sekuritas")
    assert direct(text, entities=(org,)) == [("Saham itu ditutup menguat tajam kemarin", "Dodi")]


def test_pronoun_without_an_earlier_speaker_goes_to_the_person_named_just_before():
    text = ("Dalam rapat itu hadir Menteri Rina Hartono dan para pejabat daerah.\n"
            "“Kita harus bersiap menghadapi kenaikan harga,” ujarnya.")
    person = _entity("Rina Hartono", "PERSON", text, "Rina Hartono")
    assert direct(text, entities=(person,)) == [("Kita harus bersiap menghadapi kenaikan harga", "Rina Hartono")]


def test_quotation_closing_a_sentence_of_reported_speech_takes_its_speaker():
    text = ("Ancaman itu disampaikan oleh Wakil Menteri Luar Negeri Boris Petrov, yang mengatakan bahwa "
            "campur tangan asing bisa \"mengacaukan seluruh kawasan secara drastis.\"")
    assert direct(text) == [("mengacaukan seluruh kawasan secara drastis.", "Boris Petrov")]
    text = ("Anna Weber, a senior analyst at a Berlin institute, told a radio station last year that the "
            "group was \"moderate by regional standards and a reliable partner.\"")
    assert direct(text, "en") == [("moderate by regional standards and a reliable partner.", "Anna Weber")]


def test_a_quotation_restated_later_is_reported_once():
    text = ("“Kita harus mencari jalan damai bersama,” kata Presiden Rina Hartono.\n"
            "Ia berbicara di Jakarta.\n"
            "“Kita harus mencari jalan damai bersama,” kata Rina Hartono lagi.")
    assert len(direct(text)) == 1


def test_role_of_several_lowercase_words_before_the_name():
    text = "“Emas masih menjadi tempat berlindung yang aman,” kata ahli strategi mata uang Rina Hartono di Jakarta."
    assert direct(text) == [("Emas masih menjadi tempat berlindung yang aman", "Rina Hartono")]


def test_titles_in_quote_marks_after_naming_words_are_no_quotations():
    text = ("Dalam artikel berjudul “Jalan Panjang Menuju Perdamaian Abadi di Kawasan”, Rina Hartono "
            "mengatakan kawasan itu butuh waktu.")
    assert direct(text) == []
    text = "He wrote an essay titled \"Why Small Nations Must Trade With Everyone\" last spring, he said."
    assert direct(text, "en") == []


def test_a_lead_with_a_long_title_makes_the_person_the_subject_for_a_pronoun():
    text = ("Direktur Jenderal Strategi Ekonomi dan Fiskal Kemenkeu Bima Arya Santoso mengatakan untuk "
            "langkah antisipasi pemerintah terus bekerja.\n"
            "“Kita harus menjaga disiplin fiskal di tengah ketidakpastian,” kata dia.")
    person = _entity("Bima Arya Santoso", "PERSON", text, "Bima Arya Santoso")
    assert direct(text, entities=(person,))[0][1] == "Bima Arya Santoso"


def test_speaker_before_a_citing_verb_wins_over_the_outlet_after_dari():
    text = "“Keadaan makin genting di ibu kota,” Menteri Luar Negeri Kenji Sato, dikutip dari Tokyo Herald."
    assert direct(text) == [("Keadaan makin genting di ibu kota", "Kenji Sato")]


def test_a_verb_far_after_the_quote_with_its_object_names_no_speaker():
    text = ("Menteri Rina Hartono mengancam. Rina menegaskan Budi Santoso \"tidak boleh lagi memimpin partai\", "
            "beberapa hari setelah laporan menyebut Amerika Serikat menolak rencana itu.")
    assert direct(text)[0][1] != "Amerika Serikat"


def test_connective_opening_a_sentence_is_no_speaker_and_more_speech_verbs():
    text = ("Sementara Rina Hartono mengatakan kota itu aman bagi wisatawan asing.\n"
            "Duta Besar Inggris, Jane Miller, mengkritik keputusan itu dengan keras sekali.\n"
            "“Tidak dapat dibenarkan dan tidak proporsional,” ucapnya.\n"
            "“Mohon doanya agar perjalanan kami lancar,” pinta Rina.")
    assert [s for _, s in direct(text)] == ["Jane Miller", "Rina Hartono"]


def test_described_speaker_with_a_demonstrative_points_back_to_the_person():
    text = ("Mantan Kapolri Budi Santoso meminta pengawasan diperketat di semua lini.\n"
            "“Kasus ini harus menjadi pelajaran penting bagi semua,” tandas purnawirawan jenderal polisi ini.\n"
            "“Biaya tahun ini turun dibanding tahun lalu,” kata menteri berusia 64 tahun tersebut.")
    assert [s for _, s in direct(text)] == ["Budi Santoso", "Budi Santoso"]


def test_sentence_opening_dan_is_no_speaker():
    text = ("“Kami menemukan fasilitas baru di utara,” kata Rafael Moreno.\n"
            "Dan menambahkan, “kelanjutan program itu sangat mengkhawatirkan kami semua.”")
    assert [s for _, s in direct(text)] == ["Rafael Moreno", "Rafael Moreno"]


def test_name_in_apposition_after_a_role_and_before_said():
    text = ("“After a careful review the case is closed,” Norway’s deputy director of prosecutions, "
            "Anna-Lena Berg, said.\n"
            "Tom Baker, the commander of the northern district, said: “These men will face the courts for this.”")
    assert [s for _, s in direct(text, "en")] == ["Anna-Lena Berg", "Tom Baker"]


def test_capitalised_preposition_opening_a_sentence_is_no_speaker():
    text = ("On Monday, the party newspaper warned that there is “absolutely no room for compromise now”. "
            "Nobody replied.")
    assert [s for _, s in direct(text, "en")] != ["On"]


def test_described_speaker_after_the_cue():
    text = "“The prince is not entitled to any form of immunity,” said one legal expert, as reported by a paper."
    assert direct(text, "en") == [("The prince is not entitled to any form of immunity", "one legal expert")]


def test_bunyi_introduces_the_words_of_a_statement():
    text = "“Tim akan segera mengevakuasi warga yang bersedia,” bunyi pernyataan singkat KBRI Ankara di media sosial."
    assert direct(text)[0][1] == "KBRI Ankara"
