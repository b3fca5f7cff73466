"""Language identification: the shared langid walk gives exactly what py3langid gives on its own."""
from __future__ import annotations

import pytest

from warta.lang import identify as language
from warta.lang.function_words import shown_language
from warta.lang.identify import SharedWalk, identify, identify_article

ENGLISH = ("Indonesia and Russia agreed on Tuesday to expand their cooperation in energy and defence, "
           "the two foreign ministers said after talks in Moscow that lasted most of the day.")
INDONESIAN = ("Indonesia dan Rusia sepakat memperluas kerja sama di bidang energi dan pertahanan, kata kedua "
              "menteri luar negeri setelah perundingan di Moskow yang berlangsung hampir sepanjang hari.")
PARAGRAPHS = [ENGLISH, "Photo: Reuters", INDONESIAN, ENGLISH.upper(), "Cafe\u0301 " + ENGLISH,
              "“Kami siap,” katanya — " + INDONESIAN, ("Ein kurzer Satz auf Deutsch über Politik und Wirtschaft. " * 5).strip()]


def _article(title: str | None, paragraphs: list[str], lead: str = "") -> tuple[str | None, str, list[tuple[int, int]]]:
    text, spans = lead, []
    for paragraph in paragraphs:
        spans.append((len(text), len(text) + len(paragraph)))
        text += paragraph + "\n"
    return title, text, spans


@pytest.mark.parametrize("title", [None, "", "Kerja sama energi", "  Spaced headline  "])
@pytest.mark.parametrize("lead", ["", "  \n"])
def test_article_and_paragraphs_as_if_identified_one_by_one(title: str | None, lead: str) -> None:
    title, text, spans = _article(title, PARAGRAPHS, lead)
    whole, found = identify_article(title, text, spans)
    assert whole == identify(((title or "") + "\n" + text).strip())
    # a short paragraph that does not show its language by its function words is the article's
    assert found == [identify(text[s:e]) if e - s >= language.SHORT_TEXT or shown_language(text[s:e]) else None
                     for s, e in spans]
    assert found[1] is None  # "Photo: Reuters"


def test_texts_that_show_their_language_load_no_model(monkeypatch) -> None:
    """English and Indonesian paragraphs full of their function words, short or long, and a caption:
    no statistical identifier is asked (both fail here)."""
    def no_model():
        raise AssertionError("a model was loaded")
    monkeypatch.setattr(language, "_lingua", no_model)
    monkeypatch.setattr(language, "_langid", no_model)
    short_english = "“Ready,” he said to them."
    paragraphs = [INDONESIAN, short_english, "Foto: Reuters", INDONESIAN, INDONESIAN]
    whole, found = identify_article("Kerja sama energi", *_article(None, paragraphs)[1:])
    assert (whole, found) == ("id", ["id", "en", None, "id", "id"])


@pytest.mark.parametrize("text", [
    "Kindle for PCをCtrl＋Alt＋Kのショートカットキーで立ち上がらなくする方法 and the rest of it",  # few spaces
    "Indonesia and Russia di Jakarta dan Moskow",  # both languages' words
    "Ein kurzer Satz auf Deutsch über Politik und Wirtschaft.",  # none
    "the Fed",  # one word
])
def test_texts_that_do_not_show_their_language(text: str) -> None:
    assert shown_language(text) is None


@pytest.mark.parametrize("decomposed", [False, True])
def test_shared_counts_give_the_same_scores_as_py3langid(decomposed: bool) -> None:
    if language._tables() is None:
        pytest.skip("another py3langid: the walk is not shared")
    identifier = language._langid()
    paragraphs = [p for p in PARAGRAPHS if decomposed or "\u0301" not in p]
    title, text, spans = _article("Headline", paragraphs)
    whole = (title + "\n" + text).strip()
    walk = SharedWalk(whole)
    for at, part in [(0, whole)] + [(len(title) + 1 + s, text[s:e]) for s, e in spans]:
        counted = walk.counted(at, part)
        if decomposed or part.isupper():
            assert counted is None  # py3langid normalises or lower-cases these itself: not shared
        else:
            assert counted is not None and identifier.classify(counted) == identifier.classify(part)


@pytest.mark.slow
def test_langid_automaton_forgets_its_start_after_sync_bytes() -> None:
    """Any two states reading the same SYNC_BYTES bytes end in the same state (the shared walk's premise)."""
    np = pytest.importorskip("numpy")
    tables = language._tables()
    if tables is None:
        pytest.skip("another py3langid: the walk is not shared")
    nextmove, rowbase, _ = tables
    count = len(rowbase)
    left, right = np.arange(count, dtype=np.int64), np.zeros(count, dtype=np.int64)
    for _ in range(language.SYNC_BYTES):
        moves = np.arange(256)
        left = nextmove[(rowbase[left][:, None] + moves).ravel()].astype(np.int64)
        right = nextmove[(rowbase[right][:, None] + moves).ravel()].astype(np.int64)
        pairs = np.unique(left[left != right] * count + right[left != right])
        left, right = pairs // count, pairs % count
    assert len(left) == 0


def test_settled_labels_are_py3langid_labels() -> None:
    """`SharedWalk.labels` sums all parts' counts at once, in float64: each label it gives is the
    one py3langid gives (Indonesian and Malay alike), and it gives one for clear texts."""
    if language._tables() is None:
        pytest.skip("another py3langid: the walk is not shared")
    identifier = language._langid()
    title, text, spans = _article("Headline", [p for p in PARAGRAPHS if "\u0301" not in p])  # NFC: shared
    whole = (title + "\n" + text).strip()
    parts = [(0, whole)] + [(len(title) + 1 + s, text[s:e]) for s, e in spans]
    labels = SharedWalk(whole).labels(parts)
    malayic = {"id", "ms"}
    for (_, part), label in zip(parts, labels):
        expected, _ = identifier.classify(part)
        assert label is None or label == expected or {label, expected} <= malayic, part
    assert labels[0] is not None and sum(label is not None for label in labels) >= 4


def test_close_scores_are_left_to_py3langid() -> None:
    np = pytest.importorskip("numpy")
    classes = language._langid().nb_classes
    scores = np.full((3, len(classes)), -1000.0)
    en, de, ident, malay = (classes.index(c) for c in ("en", "de", "id", "ms"))
    scores[0, en], scores[0, de] = -10.0, -10.000001  # a near tie: py3langid's rounding decides
    scores[1, en], scores[1, de] = -10.0, -40.0
    scores[2, ident], scores[2, malay] = -10.0, -10.0000001  # Indonesian or Malay: `identify` decides
    bounds = np.full(scores.shape, 1e-3)
    sure = language._beyond_doubt(scores, bounds, np.array([30.0, 30.0, 30.0]))
    assert sure == [-1, en, ident]
