"""The quotes stage: quote styles, cues before and after, pronouns, follow-ons, reported speech."""
from __future__ import annotations

import re

import pytest
from conftest import SHARED

from warta.model import Article, Entity, Mention, Span
from warta.quotes import QuoteStage
from warta.quotes.marks import find_quoted
from warta.stages import SegmentStage

CORPUS = SHARED / "corpus"


def article(text: str, language: str = "id", entities: tuple[Entity, ...] = ()) -> Article:
    """An article with paragraphs (one a line), sentences and, optionally, entities."""
    paragraphs = tuple(Span(m.start(), m.end(), language) for m in re.finditer(r"[^\n]+", text))
    base = Article(source="test", text=text, language=language, paragraphs=paragraphs, entities=entities)
    return SegmentStage()(base)


def quotes(text: str, language: str = "id", entities: tuple[Entity, ...] = ()) -> list:
    return list(QuoteStage()(article(text, language, entities)).quotes)


def direct(text: str, language: str = "id", entities: tuple[Entity, ...] = ()) -> list[tuple[str, str | None]]:
    """(quoted words, speaker name) of the direct quotes."""
    return [(q.text, (q.speaker or {}).get("name")) for q in quotes(text, language, entities) if q.direct]


def test_cue_after_the_quote_names_the_speaker_and_offsets_point_into_text():
    text = "Duta besar Kazem Jalali berbicara.\n“Kami telah mengadakan latihan bersama,” kata Jalali."
    found = [q for q in quotes(text) if q.direct]
    assert [(q.text, q.speaker["name"]) for q in found] == [("Kami telah mengadakan latihan bersama", "Kazem Jalali")]
    assert text[found[0].start:found[0].end] == found[0].text
    assert found[0].cue == "kata"


def test_pronoun_cue_goes_to_the_last_speaker():
    text = ("“Kerja sama kami meluas,” kata Presiden Prabowo Subianto.\n"
            "“Kami belum menarik pasukan dari perbatasan,” katanya.")
    assert [s for _, s in direct(text)] == ["Prabowo Subianto", "Prabowo Subianto"]


def test_cue_before_the_quote_with_pronoun_subject():
    text = ("“Latihan bersama sudah berjalan,” kata Jalali.\n"
            "Soal energi, ia menambahkan, “Bulan ini kami meneken perjanjian baru.”")
    assert direct(text)[1] == ("Bulan ini kami meneken perjanjian baru.", "Jalali")


def test_english_styles_colon_it_added_and_apposition():
    text = ("The ruling was published, the Danish Energy Agency said.\n"
            "\"The reason for this ruling is that the figures have changed,\" it added.\n"
            "Ms Larsen said: \"I want to stress that the review was fair to every bidder.\"\n"
            "\"It's an overreach by the federal agency,\" Maria Gonzalez, the attorney general of Nevada, said.")
    got = direct(text, "en")
    assert [s for _, s in got] == ["Danish Energy Agency", "Larsen", "Maria Gonzalez"]


def test_quote_spanning_paragraphs_is_split_and_shares_its_speaker():
    text = ("Sarah Collins said: \"Let us now turn to the harbour project and its costs.\n"
            "\"Our figures have been checked twice by the auditors.\"")
    got = direct(text, "en")
    assert [t.split()[0] for t, _ in got] == ["Let", "Our"]
    assert {s for _, s in got} == {"Sarah Collins"}


def test_short_scare_quotes_without_a_cue_are_not_quotes():
    text = "The deal could raise more if a “green shoe” option is exercised by the banks."
    assert direct(text, "en") == []


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "“Mereka menyebutnya ‘operasi khusus’ sejak awal,” ujar Menlu Sugiono."
    assert direct(text) == [("Mereka menyebutnya ‘operasi khusus’ sejak awal", "Sugiono")]


def test_citing_verb_gives_the_speaker_after_dari():
    text = "“Kami mencapai kesepakatan untuk melanjutkan kerja sama,” kutip kantor berita TASS dari pernyataan Shoigu."
    assert direct(text)[0][1] == "Shoigu"


def test_linked_entity_is_the_speaker_with_role_and_country():
    text = "“Kami siap bekerja sama,” kata Presiden Rusia Vladimir Putin."
    start = text.index("Vladimir")
    putin = Entity(id="e1", name="Vladimir Putin", type="PERSON", role="President", country="RUS",
                   mentions=(Mention(start, start + len("Vladimir Putin"), "Vladimir Putin"),))
    speaker = quotes(text, entities=(putin,))[0].speaker
    assert speaker == {"name": "Vladimir Putin", "entity": "e1", "role": "President", "country": "RUS"}


def test_unattributed_follow_on_paragraph_goes_to_the_last_speaker():
    text = ("“Iran dan Rusia berbagi momen unik,” kata Jalali.\n"
            "“Kita dapat membangun kemitraan yang menguntungkan kedua negara dan kawasan.”")
    assert [s for _, s in direct(text)] == ["Jalali", "Jalali"]


def test_reported_speech_is_not_direct():
    text = "Jalali mengatakan bahwa Rusia tetap menjadi investor asing terbesar Iran."
    found = quotes(text)
    assert [(q.direct, q.speaker["name"]) for q in found] == [(False, "Jalali")]
    assert found[0].text.startswith("Rusia tetap")


def test_english_reported_speech_with_according_to():
    text = "The delegation discussed energy, transport and banking, according to Jalali."
    found = quotes(text, "en")
    assert [(q.direct, q.speaker["name"]) for q in found] == [(False, "Jalali")]


def test_marks_ignore_apostrophes():
    text = "Jalali’s view of the city’s ’90s growth is clear."
    assert find_quoted(text, [(0, len(text))]) == []


def test_long_unbalanced_input_does_not_crash():
    text = ("“" * 2000) + " kata " + ("\"a " * 3000)
    QuoteStage()(article(text))


@pytest.mark.corpus
def test_real_article_quotes_have_named_speakers():
    path = CORPUS / "id" / "articles" / "011-prabowo-dan-putin-bertemu-perjanjian-dagang-ri-eurasia-bakal.txt"
    if not path.exists():
        pytest.skip("corpus absent")
    text = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    got = direct(text)
    assert len(got) == 3
    assert [s.split()[-1] for _, s in got] == ["Subianto", "Putin", "Putin"]


def test_role_then_name_in_apposition():
    text = "“Masih dalam proses pendataan oleh KBRI,” ujar Jubir Kemlu RI, Rolliansyah Soemirat, kepada wartawan."
    assert direct(text)[0][1] == "Rolliansyah Soemirat"


def test_descriptor_then_name_in_apposition():
    text = "\"Our growth strategy is to expand the portfolio,\" said a spokeswoman for Trump hotels, Jennifer Rodstrom."
    assert direct(text, "en")[0][1] == "Jennifer Rodstrom"


def test_title_alone_refers_to_the_person_named_before():
    text = ("Menteri Luar Negeri Sugiono mengatakan ada 380 WNI di Iran.\n"
            "“Perlu saya sampaikan bahwa situasinya tidak baik,” kata Menlu, Kamis (19/6/2025).")
    start = text.index("Sugiono")
    sugiono = Entity(id="e1", name="Sugiono", type="PERSON", mentions=(Mention(start, start + 7, "Sugiono"),))
    assert direct(text, entities=(sugiono,))[0][1] == "Sugiono"


def test_pronoun_goes_to_the_person_who_last_began_a_sentence():
    text = ("“Kita harus siap,” kata Dave Laksono.\n"
            "Rolliansyah belum bisa memastikan jumlahnya.\n"
            "“Masih dalam proses pendataan oleh KBRI,” tuturnya.")
    ents = tuple(Entity(id=f"e{i}", name=n, type="PERSON", mentions=(Mention(text.index(n), text.index(n) + len(n), n),))
                 for i, n in enumerate(["Dave Laksono", "Rolliansyah"]))
    assert [s for _, s in direct(text, entities=ents)] == ["Dave Laksono", "Rolliansyah"]


def test_object_of_a_speech_verb_is_no_speaker():
    text = "Merz bahkan menyebut Tel Aviv melakukan “pekerjaan kotor untuk kita semua” dalam melawan Teheran."
    assert direct(text)[0][1] == "Merz"


def test_described_speaker_is_kept_as_a_description():
    text = "“It is a shame to see a comrade die in this way,” the doctor said."
    assert direct(text, "en")[0][1] == "the doctor"


REPORTED = ["Jalali mengatakan bahwa Rusia tetap berkomitmen pada kerja sama nuklir.",
            "Kerja sama itu akan diperluas tahun depan, menurut Jalali.",
            "The deal will be signed next week, the minister SAID.",
            "Putin told reporters that the talks had gone well and would resume.",
            "Pembangunan jalan tol berlanjut, kata Budi, meski hujan.", "The ministers met in Jakarta on Tuesday.",
            "She’s SAYING that Ка-said x-said 5said _said Said- said’s the talks went well, according to aides."]


@pytest.mark.parametrize("language", ["en", "id", None])
def test_reported_speech_prefilter_changes_nothing(language: str | None) -> None:
    """`reported_in` skips sentences without a speech verb or "according to"/"menurut" word: the
    same answers as reading every sentence."""
    import copy

    from warta.quotes.cues import load_cues
    from warta.quotes.reported import reported_in

    cues = load_cues(language)
    assert cues.openers is not None
    unfiltered = copy.copy(cues)
    unfiltered.__dict__["openers"] = None  # the cached property, as for cues the test cannot serve
    for text in REPORTED + [s[:n] for s in REPORTED for n in range(0, len(s), 7)]:
        assert reported_in(text, 0, len(text), cues) == reported_in(text, 0, len(text), unfiltered), text


@pytest.mark.parametrize("text, language, padded, name", [
    ("“Kami tidak akan menyerah,” kata Budi Santoso dari Kompas.", "id", "Budi Santoso dari Kompas", "Budi Santoso"),
    ("“Harga beras naik lagi,” ujar Rina Wulandari di Lembaga Riset Pangan.", "id",
     "Rina Wulandari di Lembaga Riset Pangan", "Rina Wulandari"),
    ("\"The figures do not add up,\" said Maria Lopez from Reuters.", "en", "Maria Lopez from Reuters", "Maria Lopez"),
    ("\"Nine percent changed their minds,\" wrote Cameron Easley for Morning Consult.", "en",
     "Cameron Easley for Morning Consult", "Cameron Easley"),
])
def test_a_person_padded_with_a_workplace_is_the_name_before_it(text, language, padded, name):
    """The tagger gave one person the words of their workplace; the language's affiliation words
    (quote_words.tsv: "dari", "di"; "from", "for") part the name from it."""
    start = text.index(padded)
    entity = Entity(id="e1", name=padded, type="PERSON", mentions=(Mention(start, start + len(padded), padded),))
    assert direct(text, language, (entity,))[0][1] == name


def test_the_title_before_a_name_is_joined_by_the_languages_words():
    """quote_words.tsv's `title-joiner` words ("of", "untuk") join a sentence-opening title; other
    lowercase words end it."""
    from warta.quotes.cues import title_lead

    for lead in ("Secretary of State ", "Duta Besar Iran untuk Rusia ", "Menteri Luar Negeri (Menlu) "):
        assert title_lead().fullmatch(lead), lead
    assert not title_lead().fullmatch("Presiden bertemu ")
