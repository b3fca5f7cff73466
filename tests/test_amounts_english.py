"""English counts (issue 19): number words, modifiers before the noun, elided nouns, ranges, measures.
Sentences written for these tests."""
from __future__ import annotations

from warta.amounts import AmountStage
from warta.model import Article, Span


def found(text: str, language: str = "en") -> list[tuple]:
    paragraphs = []
    pos = 0
    for block in text.split("\n\n"):
        paragraphs.append(Span(pos, pos + len(block), language))
        pos += len(block) + 2
    art = Article(source="t", text=text, language=language, paragraphs=tuple(paragraphs))
    return [(a.value, a.value_max, a.unit, a.counted) for a in AmountStage()(art).amounts]


def test_counts_written_in_words():
    assert found("Two journalists were held and four million Sudanese need food.") == [
        (2, None, "count", "journalists"), (4e6, None, "count", "Sudanese")]
    assert found("Dozens of protesters gathered as hundreds of people watched.") == [
        (12, None, "count", "protesters"), (100, None, "count", "people")]


def test_number_words_that_point_back_or_count_nothing_are_skipped():
    assert found("The two leaders met for three hours, and one official said so.") == []
    assert found("It was one of two storms; the world's two biggest ports closed.") == []


def test_capitalised_and_multiword_modifiers_before_the_noun():
    got = found("Paris sent 150 French military advisers, 2.3 million Afghan refugees fled, "
                "and the airline bought 40 Airbus jets and 300 A320 jets.")
    assert got == [(150, None, "count", "military advisers"), (2.3e6, None, "count", "refugees"),
                   (40, None, "count", "jets"), (300, None, "count", "jets")]


def test_a_clause_after_the_figure_is_no_modifier():
    assert found("Even now at 86 she still says it.") == []


def test_elided_nouns_take_the_last_counted_noun():
    assert found("About 40,000 refugees crossed.\n\nBy Tuesday nearly 25,000 had returned.") == [
        (40000, None, "count", "refugees"), (25000, None, "count", "refugees")]
    assert found("The navy lost 87 of the ships.") == [(87, None, "count", "ships")]
    assert found("The team scored 98.") == []  # no count before it: a bare number


def test_ranges_keep_both_ends():
    assert found("Between 200 and 300 soldiers and 2 to 3 million people were moved.") == [
        (200, 300, "count", "soldiers"), (2e6, 3e6, "count", "people")]
    # "from … to …" is a change: two figures, the first taking the unit written after the second
    assert found("Prices rose from 10 to 15 percent, sales from $10 to $12 billion.") == [
        (10, None, "percent", None), (15, None, "percent", None), (10e9, None, "USD", None), (12e9, None, "USD", None)]


def test_measures_carry_their_unit():
    got = found("It pumps 1.2 million barrels a day, grows 500,000 tonnes, makes 1,200 MW over 450 km.")
    assert got == [(1.2e6, None, "barrel", None), (5e5, None, "tonne", None), (1200, None, "MW", None),
                   (450, None, "km", None)]


def test_indonesian_measures_and_ranges_from_its_own_data():
    got = found("Kilang itu mengolah 300 ribu barel, dan antara 200 dan 300 tentara dikirim.", "id")
    assert got == [(3e5, None, "barrel", None), (200, 300, "count", "tentara")]


def test_money_in_words_is_money():
    assert found("He made millions of dollars.") == [(1e6, None, "USD", None)]


def test_a_number_right_after_a_count_names_a_model():
    got = found("The carrier grounded its 120 747 Max planes and ordered five 320 Skyliner jets.")
    assert got == [(120, None, "count", "planes"), (5, None, "count", "jets")]


def test_a_singular_noun_after_a_figure_above_one_is_no_count():
    assert found("The 747 project slipped, and the 12 route map was redrawn.") == []
    assert found("The fleet has 210 aircraft and 1 runway.") == [
        (210, None, "count", "aircraft"), (1, None, "count", "runway")]


def test_indonesian_counts_keep_singular_nouns():
    assert found("Sebanyak 75 petugas dan 3 unit mobil dikerahkan.", "id") == [
        (75, None, "count", "petugas"), (3, None, "count", "unit")]


def test_a_number_word_inside_a_short_quoted_phrase_is_a_name():
    assert found('Beijing backs the “one nation, three orders” model and the so-called "four horsemen".') == []
    assert found('He said: “We sent three inspectors to the site yesterday morning.”') == [
        (3, None, "count", "inspectors")]


def test_an_abbreviation_with_dots_is_a_modifier():
    assert found("Roughly 350 U.K. naval engineers and 20 U.N. staff stayed behind.") == [
        (350, None, "count", "naval engineers"), (20, None, "count", "staff")]


def test_two_lowercase_modifiers_before_the_counted_noun():
    assert found("The army sent 120 senior field commanders and six junior naval officers.") == [
        (120, None, "count", "field commanders"), (6, None, "count", "naval officers")]
    assert found("Even at 86 he still runs marathons.") == []  # a clause, not modifiers


def test_letters_of_a_currency_code_inside_a_word_are_no_currency():
    # "sebesar" ends in "sar" (the riyal's code, written "SAR"): the measure after it still counts
    assert found("Pabrik itu menghasilkan minyak sebesar 640 juta liter tahun lalu.", "id") == [
        (640e6, None, "litre", None)]


def test_modifiers_joined_by_and_before_the_counted_noun():
    assert found("The panel heard five naval and diplomatic officers, and 40 dead and 90 hurt.") == [
        (5, None, "count", "diplomatic officers")]


def test_a_number_word_after_a_noun_and_of_counts():
    assert found("The ruling rests on the reports of three independent auditors.") == [
        (3, None, "count", "independent auditors")]
    assert found("Each of three auditors signed, and one of two reports was lost.") == []


def test_tens_and_hundreds_of_thousands():
    assert found("Hundreds of thousands of residents fled and tens of thousands of homes burned.") == [
        (1e5, None, "count", "residents"), (1e4, None, "count", "homes")]
