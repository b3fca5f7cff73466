"""Sentence and token segmentation: quotes, abbreviations, offsets, and robustness on any input."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.lang.folders import load_language
from warta.segment import sentence_spans, token_spans

ID = load_language("id").abbreviations
EN = load_language("en").abbreviations


def sentences(text: str, abbreviations: frozenset[str] = ID) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text), abbreviations=abbreviations)]


def tokens(text: str, abbreviations: frozenset[str] = ID) -> list[str]:
    return [text[s:e] for s, e in token_spans(text, 0, len(text), abbreviations=abbreviations)]


def test_plain_sentences_split_at_full_stops() -> None:
    assert sentences("Hujan turun sejak pagi. Jalan utama tergenang! Apakah sekolah libur? 3 sekolah tutup.") == [
        "Hujan turun sejak pagi.", "Jalan utama tergenang!", "Apakah sekolah libur?", "3 sekolah tutup."]


def test_no_split_before_lowercase_or_inside_numbers() -> None:
    assert sentences("Nilainya naik 1.5 persen. dan itu belum semuanya.") == ["Nilainya naik 1.5 persen. dan itu belum semuanya."]


def test_sentence_ending_inside_curly_quote_stays_whole() -> None:
    text = "“Kami siap. Semua sudah diatur,” kata Budi. Ia lalu pergi."
    assert sentences(text) == ["“Kami siap. Semua sudah diatur,” kata Budi.", "Ia lalu pergi."]


def test_sentence_ending_inside_straight_quote_stays_whole() -> None:
    text = '"We are ready. It is done," the minister said. Talks resume on Monday.'
    assert sentences(text, EN) == ['"We are ready. It is done," the minister said.', "Talks resume on Monday."]


def test_quote_that_ends_a_sentence_closes_it() -> None:
    text = "Ia berkata, “Kami tidak akan mundur.” Setelah itu rapat selesai."
    assert sentences(text) == ["Ia berkata, “Kami tidak akan mundur.”", "Setelah itu rapat selesai."]


def test_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    assert sentences("“Kami siap. Semua sudah diatur. Ia lalu pergi.") == [
        "“Kami siap.", "Semua sudah diatur.", "Ia lalu pergi."]


def test_apostrophe_is_not_a_closing_quote() -> None:
    text = "‘Don’t stop. Keep going,’ he said. Then he left."
    assert sentences(text, EN) == ["‘Don’t stop. Keep going,’ he said.", "Then he left."]


def test_indonesian_abbreviations_do_not_end_sentences() -> None:
    text = ("Acara digelar di Jl. Sudirman No. 12 mulai pk. 09.00 WIB. Dr. Anwar hadir bersama H. Salim. "
            "Kepala dinas, Ir. Bambang Sulistyo, M.Si., menyatakan siap.")
    assert sentences(text) == ["Acara digelar di Jl. Sudirman No. 12 mulai pk. 09.00 WIB.", "Dr. Anwar hadir bersama H. Salim.",
                               "Kepala dinas, Ir. Bambang Sulistyo, M.Si., menyatakan siap."]


def test_english_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Smith met Gen. Jones and Sen. Warren. J.K. Rowling was not there. W. Bush sent regards."
    assert sentences(text, EN) == ["Mr. Smith met Gen. Jones and Sen. Warren.", "J.K. Rowling was not there.",
                                   "W. Bush sent regards."]


def test_abbreviation_list_is_per_language() -> None:
    assert len(sentences("Kantor di Jl. Merdeka dibuka.", ID)) == 1
    assert len(sentences("Kantor di Jl. Merdeka dibuka.", frozenset())) == 2


def test_spans_are_offsets_into_the_whole_text() -> None:
    text = "Judul\n\nKalimat satu. Kalimat dua.\n\nLain."
    start = text.index("Kalimat")
    end = text.index("\n\nLain")
    spans = sentence_spans(text, start, end, abbreviations=ID)
    assert [text[s:e] for s, e in spans] == ["Kalimat satu.", "Kalimat dua."]
    assert all(start <= s < e <= end for s, e in spans)


def test_tokens_keep_numbers_currencies_hyphens_and_abbreviations() -> None:
    assert tokens("Harga Rp16.312 naik 1,1% di Jl. Sudirman, negara-negara A.S. membeli F-35.") == [
        "Harga", "Rp", "16.312", "naik", "1,1%", "di", "Jl.", "Sudirman", ",", "negara-negara", "A.S.",
        "membeli", "F-35", "."]


def test_tokens_english() -> None:
    assert tokens("Mr. Smith paid $5.5 million (about €5m) on 13/6.", EN) == [
        "Mr.", "Smith", "paid", "$", "5.5", "million", "(", "about", "€", "5", "m", ")", "on", "13/6", "."]


def test_sentence_final_dot_is_its_own_token() -> None:
    assert tokens("Ia pergi ke pasar.")[-2:] == ["pasar", "."]


ALPHABET = st.sampled_from(list("aAbZé 1\n.,!?…“”‘’\"'«»()-%$") + ["Jl.", "No.", "Dr.", "M.Si.", " ", ". ", "\u00a0"])
TEXTS = st.one_of(st.text(max_size=300), st.lists(ALPHABET, max_size=200).map("".join))


def _check_spans(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    previous_end = start
    for s, e in spans:
        assert previous_end <= s < e <= end
        previous_end = e


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.integers(0, 5), st.integers(0, 5))
def test_sentence_spans_property(body: str, pad_left: int, pad_right: int) -> None:
    text = "x" * pad_left + body + "y" * pad_right
    start, end = pad_left, pad_left + len(body)
    spans = sentence_spans(text, start, end, abbreviations=ID)
    _check_spans(text, start, end, spans)
    for s, e in spans:
        assert not text[s].isspace() and not text[e - 1].isspace()
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i in range(start, end) if not text[i].isspace())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.integers(0, 5))
def test_token_spans_property(body: str, pad: int) -> None:
    text = "x" * pad + body + "y" * pad
    start, end = pad, pad + len(body)
    spans = token_spans(text, start, end, abbreviations=ID)
    _check_spans(text, start, end, spans)
    assert not any(c.isspace() for s, e in spans for c in text[s:e])
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i in range(start, end) if not text[i].isspace())


@pytest.mark.parametrize("unit", [".", '.\"', "“Ab. Cd.” Ef. ", '"Ab." Cd. ', "a-", "1.", "Jl. ", "!?", "A.", "“", "x" * 50 + " "])
def test_long_inputs_finish(unit: str) -> None:
    """200k characters of a pathological pattern: must not backtrack catastrophically."""
    text = unit * (200_000 // len(unit)) + " Akhir."
    spans = sentence_spans(text, 0, len(text), abbreviations=ID)
    assert spans and spans[-1][1] == len(text)
    assert token_spans(text, 0, len(text), abbreviations=ID)[-1][1] == len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans())
def test_paragraph_tokens_are_its_sentences_tokens(body: str, english: bool) -> None:
    """The segment stage tokenises whole paragraphs: that must give what tokenising each sentence gives."""
    abbreviations = EN if english else ID
    text = "x. " + body + " y"
    start, end = 3, 3 + len(body)
    by_sentence = [t for s, e in sentence_spans(text, start, end, abbreviations=abbreviations)
                   for t in token_spans(text, s, e, abbreviations=abbreviations)]
    assert by_sentence == token_spans(text, start, end, abbreviations=abbreviations)


def test_marks_and_joiners_stay_with_their_character() -> None:
    from warta.segment import token_spans

    text = "e" + "\u0301" * 1000 + " Indo\u200dnesia \u202eabc\u202c x\ufe0f"
    tokens = [text[s:e] for s, e in token_spans(text, 0, len(text))]
    assert tokens == ["e" + "\u0301" * 1000, "Indo\u200dnesia", "\u202e", "abc\u202c", "x\ufe0f"]


def test_a_sentence_without_end_is_cut_into_pieces() -> None:
    from warta.segment import capped, token_spans

    text = "kata " * 2500
    tokens = token_spans(text, 0, len(text))
    pieces = capped([(0, len(text) - 1)], tokens, 1000)
    assert len(pieces) == 3 and pieces[0] == (0, tokens[999][1]) and pieces[-1][1] == len(text) - 1
    assert all(text[s:e].split() for s, e in pieces) and pieces[1][0] == tokens[1000][0]
    assert capped([(0, 9)], tokens[:2], 1000) == [(0, 9)]
