"""Date forms found on unseen English pages: ordinals read by dateparser, "mid-June"."""
from __future__ import annotations

from test_dates import dates


def test_ordinal_days_are_read_and_take_the_year_from_publication():
    got = dates("The talks ended on the 12th of June and resume on 3rd July 2025.", "en")
    assert got == [("the 12th of June", "2025-06-12", "day", True), ("3rd July 2025", "2025-07-03", "day", False)]


def test_ordinal_day_far_after_publication_belongs_to_the_year_before():
    assert dates("The deal was signed on the 21st of December.", "en") == [
        ("the 21st of December", "2024-12-21", "day", True)]


def test_month_with_a_hyphenated_cue():
    assert dates("Prices fell in mid-June.", "en") == [("June", "2025-06", "month", True)]
