"""The amounts stage: money, percentages and counts in Indonesian and English styles."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.amounts import AmountStage, find_figures, parse_number
from warta.amounts.lexicon import load_lexicon
from warta.model import Article, DateMention, Span


def amounts(text: str, language: str = "id", dates: tuple[DateMention, ...] = ()) -> list[tuple[float, str, str | None]]:
    art = Article(source="t", text=text, language=language, paragraphs=(Span(0, len(text), language),), dates=dates)
    return [(a.value, a.unit, a.counted) for a in AmountStage()(art).amounts]


def test_indonesian_separators_and_scale_words():
    assert amounts("Iran menandatangani memorandum senilai $1,1 miliar dan Rp16.312 per dolar.") == [
        (1_100_000_000, "USD", None), (16312, "IDR", None)]


def test_currency_names_after_the_figure_and_iso_codes():
    got = amounts("Perdagangan mencapai 5 juta dolar AS, 300 miliar rupiah dan USD 2 juta.")
    assert got == [(5e6, "USD", None), (3e11, "IDR", None), (2e6, "USD", None)]


def test_english_money_with_glued_scale_and_names():
    got = amounts("Alibaba raised $12.9bn (£10bn), or 88 billion Hong Kong dollars, at $185.25.", "en")
    assert got == [(12.9e9, "USD", None), (10e9, "GBP", None), (88e9, "HKD", None), (185.25, "USD", None)]


def test_percentages():
    assert amounts("naik 36% dan turun 2,5 persen", "id") == [(36, "percent", None), (2.5, "percent", None)]
    assert amounts("a 2.8 per cent discount", "en") == [(2.8, "percent", None)]


def test_counts_with_the_thing_counted():
    got = amounts("Delegasi terdiri dari sekitar 80 pejabat Rusia dan 5.000 personel serta dua brigade.")
    assert got == [(80, "count", "pejabat"), (5000, "count", "personel")]
    assert amounts("Assange faces 18 criminal charges.", "en") == [(18, "count", "criminal charges")]


def test_approximation_and_ranges():
    art = Article(source="t", text="sekitar $8 miliar dan 5-7 persen", language="id", paragraphs=(Span(0, 32, "id"),))
    first, second = AmountStage()(art).amounts
    assert first.approximate and not second.approximate
    assert (second.value, second.value_max) == (5, 7)


def test_dates_ages_durations_ordinals_and_names_are_not_amounts():
    text = ("Pada 2024, selama 4 bulan, the 48-year-old, G7, F-35, COVID-19, Jumat (13/6), "
            "untuk kedua kalinya, tiga tahun, pasal 5, seven years, ke-28, pukul 10.00 WIB.")
    assert amounts(text) == []


def test_figures_inside_found_dates_are_skipped():
    text = "Pertemuan 19 Juni 2025 dihadiri 19 menteri."
    date = DateMention(text="19 Juni 2025", start=10, end=22, value="2025-06-19")
    assert amounts(text, dates=(date,)) == [(19, "count", "menteri")]


def test_refers_to_from_nearby_words():
    text = "dengan sekitar $2,4 miliar sudah diinvestasikan dari perkiraan total $9 miliar."
    art = Article(source="t", text=text, language="id", paragraphs=(Span(0, len(text), "id"),))
    assert [a.refers_to for a in AmountStage()(art).amounts] == ["invested", "estimated"]


def _id_style(value: float, decimals: int) -> str:
    """16312.5 -> "16.312,5" (Indonesian thousands dots and decimal comma)."""
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=3))
def test_round_trip_indonesian_and_english_styles(whole, decimals):
    value = whole / 10**decimals
    english = f"{value:,.{decimals}f}"
    assert parse_number(english, decimal=".") == float(english.replace(",", ""))
    assert parse_number(_id_style(value, decimals), decimal=",") == float(english.replace(",", ""))


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("juta", 1e6), ("miliar", 1e9), ("ribu", 1e3)]))
def test_round_trip_money_sentences(figure, scale):
    word, factor = scale
    assert amounts(f"Nilainya mencapai Rp {figure} {word} tahun ini.") == [(figure * factor, "IDR", None)]


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="0123456789.,$% RpmiliarbnUSD-–", min_size=0, max_size=3000))
def test_arbitrary_figure_soup_does_not_crash(text):
    for code in ("id", "en"):
        find_figures(text, 0, len(text), load_lexicon(code))
        amounts(text, code)


# Words and characters the figure pattern reacts to, in any case, with the ones whose case rules
# differ between str.lower() and re.IGNORECASE ("İ", "ı", "ſ").
FIGURE_PARTS = ["about", "approximately", "more than", "sekitar", "lebih dari", "Rp", "rp", "US$", "$", "€", "RM", "Rs.",
                "5", "1,5", "16.312", "2.000.000", "3-5", "٣", "juta", "miliar", "million", "bn", "m", "%", "persen",
                "per cent", "one", "someone", "twenty-one", "Twenty", "SEVEN", "dua puluh lima", "ribuan", "thousands",
                "dollars", "US dollars", "İ", "ı", "ſ", "x", "_", "-", "–", "(", ".", ",", " ", "  ", "\n", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PARTS), max_size=30).map("".join), st.data())
def test_figures_are_those_a_whole_paragraph_scan_finds(text, data):
    # find_figures tries the pattern only near digits and number words: the same matches as finditer.
    from warta.amounts.figures import _anchors, _pattern
    from warta.amounts.scan import matches

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for code in ("id", "en"):
        lex = load_lexicon(code)
        whole = [(m.span(), m.groupdict()) for m in _pattern(lex).finditer(text, start, end)]
        assert [(m.span(), m.groupdict()) for m in matches(_pattern(lex), _anchors(lex), text, start, end)] == whole


def test_very_long_inputs_finish():
    for text in ("1" * 50_000, "1." * 20_000 + "x", "Rp " * 10_000, "$1,1 miliar " * 2_000):
        amounts(text)


def test_figures_after_names_models_and_verbs_are_not_counts():
    assert amounts("Indeks S&P 500 melemah 0,84% dan 2 menjadi tersangka.") == [(0.84, "percent", None)]
    assert amounts("Boeing’s 787-9 jet and the 3-2 win.", "en") == []


def test_figure_after_a_capitalised_word_mid_sentence_is_a_name():
    assert amounts("They reached a “historic” Phase 1 trade agreement with 20 lawyers.", "en") == [
        (20, "count", "lawyers")]
