"""Property tests on every parser, on arbitrary and news-like text: nothing crashes, and every
offset a record holds lies inside the article's text with text[start:end] equal to the record's text.

Sentence and token spans have their own properties in test_segment.py; number round trips are in
test_amounts.py and date round trips in test_dates.py. This file adds what they do not cover.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from html import escape as html_escape
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from warta.amounts import AmountStage
from warta.amounts.figures import find_figures
from warta.amounts.lexicon import load_lexicon
from warta.read.cleaning import PARAGRAPH_SEPARATOR, clean, raw_offset
from warta.dates import find_dates, load_calendar
from warta.read.encoding import decode_html, decode_text
from warta.errors import WartaError
from warta.read.extraction import split_paragraphs
from warta.lang.folders import available_languages, load_language
from warta.model import Article, Document, Span
from warta.pipeline import Pipeline
from warta.quotes import QuoteStage
from warta.quotes.marks import find_quoted
from warta.settings import load_settings
from warta.read.sources import KNOWN_SUFFIXES, iter_documents, text_document
from warta.stages import SegmentStage

# Words that make the parsers work: names, titles, cue verbs, currencies, scales, months, quote
# marks, abbreviations; and characters that break naive code.
WORDS = [
    "Menteri", "Luar", "Negeri", "Sugiono", "Presiden", "Joko", "Widodo", "Lavrov", "Rusia", "Indonesia",
    "Jakarta", "kata", "mengatakan", "menurut", "said", "told", "bahwa", "that", "dia", "he", "Dr.", "Jl.",
    "U.S.", "Mr.", "Rp", "Rp5", "US$", "$", "€", "5", "1,5", "16.312", "2.000.000", "juta", "miliar", "million",
    "%", "persen", "Senin", "12", "Juni", "2025", "June", "kemarin", "pekan", "lalu", "last", "week", "(13/6)",
    "“", "”", '"', "‘", "’", "'", "«", "»", "(", ")", ".", ",", ":", ";", "!", "?", "…", "-", "—", "/",
    "\n", "\n\n", "\t", "\u200b", "\ufeff", "\u2028", "\x85", "é", "e\u0301", "ي", "🇮🇩", "ﬁ", "İ", "ß",
]
NEWSY = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", "", "\n"])), max_size=120).map(
    lambda parts: "".join(w + sep for w, sep in parts))
TEXTS = st.one_of(NEWSY, st.text(max_size=400), st.text(alphabet="“”\"'‘’«».,!?…Rp$%0123456789 \nAa", max_size=400))
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _paragraph_spans(text: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), "id") for m in re.finditer(r"[^\n]+", text))


def _segmented(text: str, language: str = "id") -> Article:
    return SegmentStage()(Article(source="p", text=text, language=language, paragraphs=_paragraph_spans(text)))


def _inside(text: str, start: int, end: int) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))


# -- amounts --------------------------------------------------------------------------------------

@PROPERTY
@given(TEXTS, st.sampled_from(["id", "en"]))
def test_figures_lie_inside_the_text_and_are_finite(text: str, code: str) -> None:
    for figure in find_figures(text, 0, len(text), load_lexicon(code)):
        _inside(text, figure.start, figure.end)
        assert math.isfinite(figure.value) and figure.value >= 0
        assert figure.value_max is None or math.isfinite(figure.value_max)


@PROPERTY
@given(TEXTS, st.sampled_from(["id", "en"]))
def test_amount_records_point_at_their_text(text: str, code: str) -> None:
    for amount in AmountStage()(_segmented(text, code)).amounts:
        _inside(text, amount.start, amount.end)
        assert text[amount.start:amount.end] == amount.text
        assert math.isfinite(amount.value) and amount.unit


@PROPERTY
@given(TEXTS, TEXTS, st.sampled_from(["id", "en"]))
def test_amounts_of_the_title_point_into_the_title_and_others_into_the_text(title: str, text: str, code: str) -> None:
    article = _segmented(text, code).replace(title=title)
    amounts = AmountStage()(article).amounts
    for amount in amounts:
        where = title if amount.in_title else text
        _inside(where, amount.start, amount.end)
        assert where[amount.start:amount.end] == amount.text
    body = {(a.unit, a.value, a.value_max) for a in amounts if not a.in_title}
    headline = [(a.unit, a.value, a.value_max) for a in amounts if a.in_title]
    assert not body & set(headline) and len(headline) == len(set(headline))  # no figure counted twice


# -- dates ----------------------------------------------------------------------------------------

@PROPERTY
@given(TEXTS, st.sampled_from(["id", "en"]), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_date_mentions_point_at_their_text(text: str, code: str, published: dt.date) -> None:
    mentions = find_dates(text, 0, len(text), calendar=load_calendar(code), published=published)
    for mention in mentions:
        _inside(text, mention.start, mention.end)
        assert text[mention.start:mention.end] == mention.text
        assert mention.value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?|\d{4}-W\d{2}",
                                                     mention.value), mention.value
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))  # no two mentions overlap


# -- quotes ---------------------------------------------------------------------------------------

@PROPERTY
@given(TEXTS)
def test_quoted_stretches_lie_inside_their_paragraph(text: str) -> None:
    paragraphs = [(s.start, s.end) for s in _paragraph_spans(text)]
    for quoted in find_quoted(text, paragraphs):
        _inside(text, quoted.start, quoted.end)
        assert any(s <= quoted.open_at and quoted.end <= e for s, e in paragraphs)
        assert quoted.open_at <= quoted.start
        assert quoted.close_at is None or quoted.end < quoted.close_at <= len(text)


@PROPERTY
@example('Ia pergi."', "id")  # a straight mark closing the text once ran off its end (found by fuzzing)
@given(TEXTS, st.sampled_from(["id", "en"]))
def test_quote_records_point_at_their_text(text: str, code: str) -> None:
    for quote in QuoteStage()(_segmented(text, code)).quotes:
        _inside(text, quote.start, quote.end)
        assert text[quote.start:quote.end] == quote.text and quote.text.strip()


# -- cleaning and extraction of plain text --------------------------------------------------------

@PROPERTY
@given(st.lists(TEXTS.map(lambda t: " ".join(t.split())), max_size=6))
def test_cleaning_keeps_a_map_back_to_every_character(paragraphs: list[str]) -> None:
    paragraphs = tuple(p for p in paragraphs if p)
    languages = [load_language(code) for code in available_languages()]
    cleaned = clean(paragraphs, languages, known_names=frozenset({"Indonesia", "Rusia", "Iran"}))
    extracted = PARAGRAPH_SEPARATOR.join(paragraphs)
    for start, end in cleaned.paragraphs:
        _inside(cleaned.text, start, end)
        assert cleaned.text[start:end] == cleaned.text[start:end].strip()
    for i, ch in enumerate(cleaned.text):
        if not ch.isspace():  # spaces may be inserted (glued words) or stand for other whitespace
            assert extracted[raw_offset(cleaned.anchors, i)] == ch, (i, ch)


@PROPERTY
@given(TEXTS)
def test_plain_text_paragraphs_are_trimmed_and_keep_every_word(text: str) -> None:
    paragraphs = split_paragraphs(text)
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert "".join("".join(p.split()) for p in paragraphs) == "".join(text.split()).replace("\u200b", "").replace("\ufeff", "")


# -- decoding and reading raw bytes ---------------------------------------------------------------

CP1252_CHARS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
# Each non-ASCII character followed by ASCII: such windows-1252 bytes are never valid UTF-8.
LEGACY = st.lists(st.tuples(st.sampled_from(CP1252_CHARS), st.text(alphabet="abc XYZ.,1", min_size=1, max_size=6)),
                  min_size=1, max_size=40).map(lambda parts: "".join(c + a for c, a in parts))


@PROPERTY
@given(st.binary(max_size=2000))
def test_decoding_never_fails(data: bytes) -> None:
    assert isinstance(decode_text(data), str) and isinstance(decode_html(data), str)


@PROPERTY
@given(st.text(max_size=300).filter(lambda t: "\ufffd" not in t),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
def test_unicode_encodings_with_a_byte_order_mark_round_trip(text: str, encoding: str) -> None:
    assume(not (encoding in ("utf-16", "utf-16-le") and text.startswith("\x00")))  # FF FE 00 00 is UTF-32's mark
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)
    elif encoding == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]  # a leading U+FEFF in UTF-8 is a byte-order mark
    assert decode_text(data) == text


@PROPERTY
@given(LEGACY)
def test_windows_1252_round_trips(text: str) -> None:
    assert decode_text(text.encode("cp1252")) == text
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{text}</p></body></html>'
    assert decode_html(page.encode("cp1252")) == page
    assert decode_html(page.replace(' charset="windows-1252"', "").encode("cp1252")) == page.replace(
        ' charset="windows-1252"', "")


@SLOW
@given(st.binary(max_size=3000), st.sampled_from([s for s in KNOWN_SUFFIXES if not s.startswith(".warc")] + [".odd"]))
def test_reading_any_bytes_gives_documents_or_errors(tmp_path_factory, data: bytes, suffix: str) -> None:
    path: Path = tmp_path_factory.mktemp("raw") / f"input{suffix}"
    path.write_bytes(data)
    for item in iter_documents([str(path)], max_bytes=10_000):
        assert isinstance(item, (Document, WartaError))
        if isinstance(item, WartaError):
            assert "\n" not in str(item)


# -- the whole pipeline ---------------------------------------------------------------------------

_PIPELINE: list[Pipeline] = []


def _pipeline() -> Pipeline:
    if not _PIPELINE:
        _PIPELINE.append(Pipeline.build(load_settings({"document_timeout": 0})))
    return _PIPELINE[0]


def _check_article(article: Article) -> None:
    text = article.text
    for span in (*article.paragraphs, *article.sentences, *article.tokens):
        _inside(text, span.start, span.end)
        assert span.start < span.end
    for entity in article.entities:
        for mention in entity.mentions:
            _inside(text, mention.start, mention.end)
            assert text[mention.start:mention.end] == mention.text
    for record in (*article.quotes, *article.amounts, *article.dates):
        where = (article.title or "") if getattr(record, "in_title", False) else text  # a headline's amount
        _inside(where, record.start, record.end)
        assert where[record.start:record.end] == record.text
    for event in article.events:
        _inside(text, event.evidence.start, event.evidence.end)
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text


@SLOW
@given(TEXTS, st.sampled_from(["", "Judul Berita Hari Ini\n\n", "Ministers Meet\n\n"]))
def test_every_offset_of_a_processed_text_points_into_it(body: str, headline: str) -> None:
    outcome = _pipeline().run(text_document("prop.txt", headline + body))
    assert outcome.error is None or "\n" not in str(outcome.error)
    if outcome.article is not None:
        _check_article(outcome.article)


@SLOW
@given(st.lists(TEXTS, min_size=1, max_size=5))
def test_every_offset_of_a_processed_page_points_into_it(paragraphs: list[str]) -> None:
    lead = "Menteri Luar Negeri Indonesia bertemu mitranya di Jakarta pada Senin, kata juru bicara."
    body = "".join(f"<p>{lead} {html_escape(p)}</p>" for p in paragraphs)
    html = f"<html><head><title>Judul</title></head><body><article>{body}</article></body></html>"
    outcome = _pipeline().run(Document(source="prop.html", content=html.encode("utf-8"), kind="html"))
    assert outcome.error is None or "\n" not in str(outcome.error)
    if outcome.article is not None:
        _check_article(outcome.article)
