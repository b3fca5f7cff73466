"""The dates stage: absolute, partial and relative dates resolved against publication."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.dates import DateStage, find_dates, load_calendar
from warta.model import Article, Span

PUB = "2025-06-20T10:00:00+07:00"  # a Friday


def dates(text: str, language: str = "id", published: str | None = PUB) -> list[tuple[str, str | None, str, bool]]:
    art = Article(source="t", text=text, language=language, published=published,
                  paragraphs=(Span(0, len(text), language),))
    return [(d.text, d.value, d.granularity, d.relative) for d in DateStage()(art).dates]


def test_indonesian_absolute_and_partial_dates():
    assert dates("Selasa (17/6/2025) dan Jumat (13/6) serta 19 Juni 2025, Desember 2022.") == [
        ("Selasa (17/6/2025)", "2025-06-17", "day", False),
        ("Jumat (13/6)", "2025-06-13", "day", True),
        ("19 Juni 2025", "2025-06-19", "day", False),
        ("Desember 2022", "2022-12", "month", False)]


def test_relative_phrases_resolve_against_publication():
    assert dates("kemarin, pekan lalu, tahun ini dan tiga hari lalu") == [
        ("kemarin", "2025-06-19", "day", True), ("pekan lalu", "2025-W24", "week", True),
        ("tahun ini", "2025", "year", True), ("tiga hari lalu", "2025-06-17", "day", True)]


def test_english_dates_and_weekdays():
    assert dates("On June 12, 2025 and last Tuesday, in 2010, last month.", "en") == [
        ("June 12, 2025", "2025-06-12", "day", False), ("last Tuesday", "2025-06-17", "day", True),
        ("2010", "2010", "year", False), ("last month", "2025-05", "month", True)]


def test_weekday_alone_is_the_latest_one_up_to_publication():
    assert dates("Pertemuan digelar Kamis siang.")[0][1] == "2025-06-19"
    assert dates("They meet next Tuesday.", "en")[0][1] == "2025-06-24"


def test_without_publication_date_relative_ones_stay_unresolved():
    got = dates("kemarin dan 19 Juni 2025 dan Jumat (13/6)", published=None)
    assert [(t, v) for t, v, _, _ in got] == [("kemarin", None), ("19 Juni 2025", "2025-06-19"), ("Jumat (13/6)", None)]


def test_day_month_without_year_far_ahead_belongs_to_last_year():
    assert dates("pada 25 Desember", published="2025-01-05")[0][1] == "2024-12-25"


def test_impossible_dates_are_dropped():
    assert dates("Jumat (31/2/2025)") == [("Jumat", "2025-06-20", "day", True)]


MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


@settings(deadline=None)  # correctness, not speed: a loaded machine must not fail it
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_round_trip_generated_dates(day):
    iso = day.isoformat()
    assert dates(f"pada {day.day} {MONTHS_ID[day.month - 1]} {day.year} lalu")[0][1] == iso
    assert dates(f"Senin ({day.day}/{day.month}/{day.year})")[0][1] == iso
    assert dates(f"on {MONTHS_EN[day.month - 1]} {day.day}, {day.year}.", "en")[0][1] == iso
    assert dates(f"on {day.day} {MONTHS_EN[day.month - 1]} {day.year}.", "en")[0][1] == iso


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="0123456789/() JuniMeiKamslpekanagoweeklastdy,", max_size=3000))
def test_arbitrary_text_does_not_crash(text):
    for code in ("id", "en"):
        find_dates(text, 0, len(text), calendar=load_calendar(code), published=dt.date(2025, 6, 20))


DATE_PARTS = ["12", "Juni", "2025", "June", "(13/6)", "(17/6/2025)", "2025-06-12", "Senin", "Monday", "Tues", "kemarin",
              "KEMARIN", "pekan", "lalu", "last", "week", "next", "in", "pada", "tahun", "tiga", "three", "days", "ago",
              "AGO", "earlier", "from now", "yang lalu", "1999", "12th", "of", "mid", "-", "Yesterday", "TODAY", "hari ini",
              "Minggu", "depan", "İ", "ı", "ſ", "Sept", "May", "2", "31", "٣", ",", ".", "/", " ", "  ", "\n", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_PARTS), max_size=30).map("".join))
def test_skipping_kinds_whose_cues_are_absent_changes_nothing(text):
    import warta.dates.find

    def found(code: str) -> list:
        return find_dates(text, 0, len(text), calendar=load_calendar(code), published=dt.date(2025, 6, 20))

    for code in ("id", "en"):
        try:
            fast = found(code)
        except KeyError:  # "yeſterday" matches in any case but is no key of the table (as before)
            continue
        needs = warta.dates.find.NEEDS
        warta.dates.find.NEEDS = {kind: () for kind in needs}
        try:
            assert found(code) == fast
        finally:
            warta.dates.find.NEEDS = needs


def test_very_long_inputs_finish():
    for text in ("1" * 50_000, "(1/" * 10_000, "Juni " * 10_000, "tiga hari " * 5_000):
        dates(text)


def test_bare_month_after_a_cue_takes_the_nearest_year():
    got = dates("He was evicted in April and the hearing is in February.", "en", published="2019-11-19")
    assert [(t, v) for t, v, _, _ in got] == [("April", "2019-04"), ("February", "2020-02")]
    assert dates("Theresa May said so.", "en") == []


def test_words_matched_only_by_unicode_case_rules_drop_the_match_not_the_article() -> None:
    from warta.model import Document
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    pipeline = Pipeline.build(load_settings({"stages": "read,language,segment,dates"}))
    for text in ("The minister met reporters yeſterday in Jakarta and said the talks went well for all.",
                 "Menteri itu bertemu wartawan KEMARİN di Jakarta dan mengatakan pembicaraan berjalan baik."):
        outcome = pipeline.run(Document(source="t", content=text, kind="text", title="Judul", published="2025-06-10"))
        assert outcome.error is None and outcome.article is not None
