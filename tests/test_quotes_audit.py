"""Speaker and cue cases found by auditing articles never tuned on (issue 19); one construction
per test, in both languages, sentences written for these tests."""
from __future__ import annotations

from functools import cache

from warta.model import Article
from warta.pipeline import Pipeline
from warta.read.sources import text_document
from warta.settings import load_settings

STAGES = "read,language,segment,syntax,entities,quotes"


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings({"stages": STAGES, "syntax_languages": "en,id"}))


def speakers(text: str) -> list[str | None]:
    """The speaker name of each direct quotation, in order."""
    art = _pipeline()(Article.from_document(text_document("t.txt", "Headline\n\n" + text)))
    return [(q.speaker or {}).get("name") for q in art.quotes if q.direct]


def test_indonesian_lone_name_resolves_to_the_full_name_glued_to_a_workplace():
    text = ("Peringatan juga datang dari peneliti Institut Teknologi Bandung Hendrawan Saputro. "
            "Dia menyebut harga pangan akan naik.\n\n"
            '"Pemerintah harus menyiapkan cadangan beras sejak sekarang," tutur Hendrawan kepada wartawan.')
    assert speakers(text) == ["Hendrawan Saputro"]


def test_english_lone_name_resolves_to_the_full_name_glued_to_a_workplace():
    text = ("The warning came from economist at Northfield State University Marcus Whitlow, who studies "
            "grain markets.\n\n"
            '"Prices will rise before the harvest is in," Whitlow told reporters on Monday.')
    assert speakers(text) == ["Marcus Whitlow"]


def test_english_speech_verbs_found_missing_are_cues():
    text = ('"The border will stay open through the winter," Anna Lindqvist affirmed on Monday.\n\n'
            '"Trade has doubled since the spring," she pointed out.')
    assert speakers(text) == ["Anna Lindqvist", "Anna Lindqvist"]


def test_indonesian_speech_verbs_found_missing_are_cues():
    text = ('"Jangan khawatir, pasokan listrik aman sampai akhir tahun," seloroh Bambang Wicaksono.\n\n'
            '"Kami sudah menyiapkan dua pembangkit cadangan," tukasnya.')
    assert speakers(text) == ["Bambang Wicaksono", "Bambang Wicaksono"]


def test_two_single_marks_typed_for_a_double_one_close_the_quotation():
    text = ("“The claim was simply false,’’ Helen Marsh, head of the Civic Data Trust, told the BBC. "
            "“And voters deserve better than that from a party.”")
    assert speakers(text) == ["Helen Marsh", "Helen Marsh"]


def test_a_lone_closing_single_mark_does_not_close_a_double_quotation():
    from warta.quotes.marks import find_quoted
    text = "“We were never part of the nation’ s story, not once,” she wrote."
    (quoted,) = find_quoted(text, [(0, len(text))])
    assert text[quoted.start:quoted.end] == "We were never part of the nation’ s story, not once,"


def test_a_share_of_those_polled_is_no_speaker():
    text = ('A new poll of voters was released on Sunday. 38 percent say that “the council has lost '
            'its way entirely on housing policy”.')
    assert speakers(text) in ([], [None])


def test_a_statement_speaks_for_whoever_issued_it():
    text = ("In the afternoon the Federal Aviation Administration issued a statement warning that “airlines must "
            "inspect every engine before the next flight”.")
    assert speakers(text) == ["Federal Aviation Administration"]


def test_indonesian_statement_speaks_for_whoever_issued_it():
    text = ("Pada sore harinya Lembaga Kajian Pangan Nusantara merilis pernyataan yang menyebutkan "
            "bahwa “harga beras masih akan naik hingga akhir tahun di seluruh Jawa Barat”.")
    assert speakers(text) == ["Lembaga Kajian Pangan Nusantara"]


def test_a_document_spoken_of_before_does_not_speak_for_the_last_name():
    text = ("The watchdog published its findings on Monday. Northwind Bank holds large deposits abroad, and "
            "the report says the bank “keeps most of its profits in offshore accounts every single year”.")
    assert speakers(text) != ["Northwind Bank"]


def test_a_name_cut_at_its_hyphen_is_read_whole():
    text = ('Leung Wai-kit, the commander of the eastern district, said: “The protesters must leave the '
            'campus before nightfall or face arrest.”')
    assert speakers(text) == ["Leung Wai-kit"]


def test_a_role_of_a_place_is_the_person_introduced_with_it_not_the_place():
    text = ("Norway’s ambassador to Canada warned that the government “will not stand by while the fishing "
            "grounds are emptied by foreign fleets”.\n\n"
            "Norway’s ambassador to Canada Ingrid Solberg has said that the talks will resume in March.")
    assert speakers(text) == ["Ingrid Solberg"]


def test_a_term_in_quotation_marks_is_no_quotation():
    text = 'The minister called the plan "very ambitious" and said the agency would study it.'
    assert speakers(text) == []


def test_the_subject_of_a_naming_verb_speaks_the_quoted_words():
    text = ('The committee met on Friday. Senator Ruth Calloway described the budget plan as “a reckless '
            'gamble with the savings of every pensioner”.')
    assert speakers(text) == ["Ruth Calloway"]


def test_an_auxiliary_between_the_apposition_and_the_verb_keeps_the_name():
    text = 'Her deputy, Tomas Lindgren, had said that the merger was "a mistake that would cost thousands of jobs."'
    assert speakers(text) == ["Tomas Lindgren"]


def test_indonesian_adverb_between_the_apposition_and_the_verb_keeps_the_name():
    text = ('Acara itu digelar di Bandung. Wakil Ketua Panitia, Rudi Hartanto, juga telah mengatakan bahwa '
            '"persiapan acara sudah selesai sepenuhnya sejak pekan lalu".')
    assert speakers(text) == ["Rudi Hartanto"]


def test_indonesian_name_after_a_lowercase_role_and_a_comma_is_the_speaker():
    text = ('Acara itu digelar di Bandung. Wakil ketua panitia, Rudi Hartanto, mengatakan bahwa "persiapan '
            'acara sudah selesai sepenuhnya sejak pekan lalu".')
    assert speakers(text) == ["Rudi Hartanto"]
