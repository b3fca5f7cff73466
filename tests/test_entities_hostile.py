"""Hostile paragraphs (one phrase repeated over tens of thousands of characters) cost the entities
and events stages work in proportion to their length.

The stages once compared every mention, candidate or side with every other one: "(AP) " repeated
over 50k characters took 50 s, "Rusia menyerang Ukraina, " over 20k a minute, each only stopped
by the per-document timeout. Rather than timing the stages, the tests count the Python lines
they run (a deterministic measure of work) on a paragraph and on one twice as long: linear work
doubles, quadratic work quadruples. A few end-to-end runs of 50k-character paragraphs under a
lowered `document_timeout` check the whole pipeline; the limit is generous, not a speed test.
The fast paths' helpers are also checked against the plain scans they replace.
"""
from __future__ import annotations

import random
import re
import sys
from functools import cache
from types import FrameType
from typing import Any

import pytest

from warta.entities.candidates import Occupancy
from warta.entities.linking import _occurrences
from warta.events.roles import _outermost
from warta.model import Article
from warta.pipeline import Pipeline
from warta.settings import load_settings
from warta.read.sources import text_document

LEAD = ("Menteri Luar Negeri Indonesia bertemu Duta Besar Prancis di Jakarta pada Senin untuk membahas "
        "kerja sama energi senilai €5 juta, kata juru bicara kementerian.")
# Each phrase once made one step quadratic: settling overlapping candidates, acronyms, people's
# short names, titles before names, hyphenated names the tagger reads as one, event sides.
PHRASES = ("keRusia ", "(AP) ", "Joko Widodo ", "Presiden Joko Widodo kata ", "Abcd-Rusia-", "AS dan ",
           "Rusia menyerang Ukraina, ", "kata Putin, Rusia menyerang Ukraina. ", "“Ya,” kata Putin. ")
SIZE = 3_000  # characters of the shorter paragraph; the longer one has twice as many
LINEAR = 2.5  # most growth of the work allowed when the paragraph doubles (linear: 2, quadratic: 4)


def hostile_text(phrase: str, size: int) -> str:
    """An ordinary lead paragraph, then `phrase` repeated over `size` characters."""
    return f"Judul\n\n{LEAD}\n\nMenurut menteri, {phrase * (size // len(phrase))} kata pejabat itu.\n"


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings())


class _TooMuchWork(Exception):
    """Raised by the line counter past its budget, so quadratic code fails fast instead of hanging."""


class _Lines:
    """Counts the Python lines run (loop iterations included) while it traces, up to a budget."""

    def __init__(self, budget: float) -> None:
        self.count = 0
        self.budget = budget

    def __call__(self, frame: FrameType, event: str, arg: Any) -> _Lines:
        if event == "line":
            self.count += 1
            if self.count > self.budget:
                raise _TooMuchWork(f"more than {self.budget:.0f} lines")
        return self


def _work(phrase: str, size: int, budgets: dict[str, float]) -> dict[str, int]:
    """Lines the entities and events stages run on a hostile text (the other stages untraced)."""
    article = Article.from_document(text_document("hostile.txt", hostile_text(phrase, size)))
    lines = {}
    for stage in _pipeline().stages:
        if stage.name not in ("entities", "events"):
            article = stage(article)
            continue
        counter = _Lines(budgets.get(stage.name, float("inf")))
        sys.settrace(counter)
        try:
            article = stage(article)
        finally:
            sys.settrace(None)
        lines[stage.name] = counter.count
    return lines


@pytest.mark.parametrize("phrase", PHRASES)
def test_work_grows_linearly_with_a_hostile_paragraph(phrase: str) -> None:
    short = _work(phrase, SIZE, {})
    budgets = {stage: LINEAR * count for stage, count in short.items()}
    try:
        long = _work(phrase, 2 * SIZE, budgets)
    except _TooMuchWork as error:
        pytest.fail(f"{phrase!r}: twice the text, more than {LINEAR} times the work ({error}; shorter: {short})")
    assert all(long[stage] <= budgets[stage] for stage in short), (short, long)


@pytest.mark.parametrize("phrase", ["(AP) ", "Presiden Joko Widodo kata ", "Rusia menyerang Ukraina, "])
def test_a_50k_hostile_paragraph_finishes_well_within_the_time_limit(phrase: str) -> None:
    pipeline = Pipeline.build(load_settings({"document_timeout": 10}))
    outcome = pipeline.run(text_document("hostile.txt", hostile_text(phrase, 50_000)))
    assert outcome.error is None, outcome.error
    names = {e.name: e for e in outcome.article.entities}
    assert len(names["Indonesia"].mentions) >= 1  # the lead paragraph is read as ever
    if "Rusia" in phrase:
        assert len(names["Russia"].mentions) > 1000 and outcome.article.events


# -- the fast paths give what the scans they replace gave ------------------------------------------


def _spans(rng: random.Random, count: int, size: int) -> list[tuple[int, int]]:
    """Random spans of a text of `size` characters, empty ones included."""
    spans = []
    for _ in range(count):
        start = rng.randrange(size + 1)
        spans.append((start, min(size, start + rng.choice((0, 1, 2, 3, 5, 8)))))
    return spans


def test_occupancy_answers_as_a_scan_of_the_taken_spans() -> None:
    rng = random.Random(5)
    for _ in range(200):
        size = rng.randrange(1, 30)
        taken = _spans(rng, rng.randrange(6), size)
        occupancy = Occupancy.of(taken, size)
        for start, end in _spans(rng, 20, size):
            assert occupancy.overlaps(start, end) == any(s < end and start < e for s, e in taken), (taken, start, end)
            assert occupancy.inside(start) == any(s < start < e for s, e in taken), (taken, start)


def test_name_occurrences_are_those_the_regex_finds() -> None:
    rng = random.Random(6)
    for _ in range(300):
        names = {rng.choice(("Ali", "Alib", "Alibaba", "Bo-Ra", "Bo", "Jalali", "Li.")) for _ in range(rng.randrange(1, 5))}
        text = "".join(rng.choice(("Ali", "baba", "Bo", "-Ra", " ", "-", "Jalali", "x", "Li.", ",")) for _ in range(30))
        regex = r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])"
        assert list(_occurrences(text, names)) == [m.span() for m in re.finditer(regex, text)], (names, text)


def test_outermost_mentions_are_those_no_longer_mention_holds() -> None:
    from warta.events.actors import ActorMention
    from warta.model import Actor

    rng = random.Random(7)
    actor = Actor(name="Rusia", country="RUS", code="RUS")
    for _ in range(200):
        mentions = sorted((ActorMention(s, e, actor) for s, e in _spans(rng, rng.randrange(8), 20)), key=lambda m: m.start)
        expected = [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                                   and o.end - o.start > m.end - m.start for o in mentions)]
        assert _outermost(mentions) == expected, mentions
