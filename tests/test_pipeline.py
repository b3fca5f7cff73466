"""The pipeline: stage contracts, failures that stay with one input, and what the built-in stages produce."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from warta import pipeline as pipeline_module
from warta.read.cleaning import PARAGRAPH_SEPARATOR, raw_offset
from warta.errors import ConfigError, InputError, NotArticleError, StageError
from warta.read.extraction import extract
from warta.lang.identify import identify
from warta.model import Article, Document
from warta.pipeline import Pipeline
from warta.settings import load_settings
from warta.read.sources import text_document

NOISY = (
    "Menlu Bertolak keJakarta Usai Kunjungan\n\n"
    "Menteri Luar Negeri Sari Pertiwi bertolak keJakarta pada Rabu malam setelah kunjungan dua hari di Kuala Lumpur. "
    "SCROLL TO CONTINUE WITH CONTENT Dalam kunjungan itu ia bertemu mitranya untuk membahas kerja sama perbatasan.\n\n"
    "Advertisement\n\n"
    "“Kami sepakat mempercepat perundingan batas laut. Kedua negara ingin selesai tahun ini,” ujar Sari kepada wartawan.\n\n"
    "Pertemuan berlangsung di Jl. Diponegoro No. 7 pk. 10.00 waktu setempat dan dihadiri sejumlah pejabat tinggi. "
    "Baca Juga: Presiden Tinjau Pelabuhan Baru di Sorong Pertemuan tersebut juga membahas perlindungan pekerja migran "
    "yang jumlahnya terus bertambah setiap tahun, terutama di sektor perkebunan dan konstruksi. ADVERTISEMENT Kedua "
    "menteri menandatangani nota kesepahaman.\n\n"
    "Menurut catatan kementerian, nilai perdagangan kedua negara mencapai US$ 2,5 miliar pada tahun lalu."
)
MALAY = ("Kerajaan negeri akan menyediakan bas percuma kepada penduduk bandar raya mulai bulan hadapan. Menurut kenyataan "
         "yang dikeluarkan semalam, langkah itu bertujuan mengurangkan kesesakan lalu lintas di pusat bandar. Beliau berkata "
         "kerajaan telah memperuntukkan wang sebanyak RM5 juta untuk tujuan tersebut.")
INDONESIAN = ("Pemerintah daerah akan menyediakan bus gratis bagi warga kota mulai bulan depan. Menurut keterangan yang "
              "disampaikan kemarin, langkah itu bertujuan mengurangi kemacetan lalu lintas di pusat kota. Ia mengatakan "
              "pemerintah telah mengalokasikan uang sebesar Rp5 miliar untuk keperluan tersebut.")
ENGLISH = ("The regional government will provide free buses for city residents starting next month. According to a "
           "statement released yesterday, the move aims to reduce traffic congestion in the city centre.")


@dataclass(frozen=True)
class FakeStage:
    """A test stage with a chosen contract; `fail_on` makes it raise for one source."""

    name: str = "fake"
    requires: frozenset[str] = frozenset({"text"})
    produces: frozenset[str] = frozenset({"entities"})
    fail_on: str | None = None
    error: type[Exception] = ValueError

    def __call__(self, article: Article) -> Article:
        if article.source == self.fail_on:
            raise self.error(article.source, "boom") if issubclass(self.error, NotArticleError) else self.error("boom")
        return article.replace(title=(article.title or "") + "+" + self.name)


@pytest.fixture
def add_stage(monkeypatch: pytest.MonkeyPatch):
    """Register a FakeStage under `name` for this test only."""
    def add(name: str, **kwargs) -> None:
        monkeypatch.setitem(pipeline_module._REGISTRY, name, lambda settings: FakeStage(name=name, **kwargs))
    pipeline_module.registered_stages()  # import the built-in stages before patching
    return add


def _pipeline(stages: str) -> Pipeline:
    return Pipeline.build(load_settings({"stages": stages}))


def _doc(source: str, text: str = INDONESIAN) -> Document:
    return text_document(source, text)


def test_default_pipeline_has_the_built_in_stages() -> None:
    settings = load_settings()
    names = [s.name for s in Pipeline.build(settings).stages]
    assert names == settings["stages"].split(",") and names[:3] == ["read", "language", "segment"]
    assert [s.name for s in _pipeline(" read , ,segment ").stages] == ["read", "segment"]


def test_unknown_stage_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="stage nope: unknown stage; known: .*read"):
        _pipeline("read,nope")


def test_stage_needing_what_no_earlier_stage_produces_fails_at_build(add_stage) -> None:
    with pytest.raises(ConfigError, match="stage segment: needs paragraphs, text"):
        _pipeline("segment,read")
    add_stage("linker", requires=frozenset({"text", "entities"}), produces=frozenset({"events"}))
    with pytest.raises(ConfigError, match="stage linker: needs entities, which no earlier stage produces"):
        _pipeline("read,linker")
    add_stage("ner", requires=frozenset({"text"}), produces=frozenset({"entities"}))
    assert [s.name for s in _pipeline("read,ner,linker").stages] == ["read", "ner", "linker"]


def test_unexpected_exception_becomes_stage_error_and_batch_goes_on(add_stage) -> None:
    add_stage("flaky", fail_on="b.txt")
    pipeline = _pipeline("read,flaky")
    items = [_doc("a.txt"), _doc("b.txt"), InputError("c.txt", "no such file"), _doc("d.txt")]
    outcomes = list(pipeline.run_batches(items, batch_size=2))
    assert [o.source for o in outcomes] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [o.article is not None for o in outcomes] == [True, False, False, True]
    error = outcomes[1].error
    assert isinstance(error, StageError) and error.reason == "stage-failed"
    assert str(error) == "b.txt: stage flaky failed (ValueError: boom)"
    assert isinstance(outcomes[2].error, InputError)
    assert outcomes[3].article.title == "+flaky"


def test_warta_errors_from_stages_are_kept_as_they_are(add_stage) -> None:
    add_stage("picky", fail_on="a.txt", error=NotArticleError)
    outcome = _pipeline("read,picky").run(_doc("a.txt"))
    assert type(outcome.error) is NotArticleError and outcome.article is None


def test_pipeline_drops_the_raw_document() -> None:
    outcome = _pipeline("read").run(_doc("a.txt"))
    assert outcome.error is None and outcome.article.raw is None and outcome.article.text.startswith("Pemerintah daerah")


def test_short_text_is_taken_as_given_but_a_short_page_is_not_an_article() -> None:
    outcome = _pipeline("read").run(_doc("short.txt", "Terlalu pendek."))
    assert outcome.error is None and outcome.article.text == "Terlalu pendek."
    page = Document(source="p.html", content=b"<html><body><article><p>Terlalu pendek.</p></article></body></html>", kind="html")
    outcome = _pipeline("read").run(page)
    assert isinstance(outcome.error, NotArticleError) and "no article body" in str(outcome.error)


def test_html_without_body_is_not_an_article(fixtures: Path) -> None:
    document = Document(source="p.html", content=(fixtures / "not_article.html").read_bytes(), kind="html")
    outcome = Pipeline.build(load_settings()).run(document)
    assert isinstance(outcome.error, NotArticleError)


# --- offsets after cleaning -------------------------------------------------------------------

@pytest.fixture(scope="module")
def noisy() -> tuple[Article, str]:
    """The noisy text through the default pipeline, and the extracted text it was cleaned from."""
    document = text_document("noisy.txt", NOISY)
    extracted = PARAGRAPH_SEPARATOR.join(extract(document).paragraphs)
    outcome = Pipeline.build(load_settings()).run(document)
    assert outcome.error is None
    return outcome.article, extracted


def test_scraper_noise_is_cleaned(noisy: tuple[Article, str]) -> None:
    article, _ = noisy
    assert article.title == "Menlu Bertolak keJakarta Usai Kunjungan"
    for noise in ("SCROLL TO CONTINUE", "Advertisement", "ADVERTISEMENT", "Baca Juga", "Tinjau Pelabuhan"):
        assert noise not in article.text
    assert "bertolak ke Jakarta pada" in article.text
    assert "Pertemuan tersebut juga membahas perlindungan pekerja migran" in article.text
    assert "Kedua menteri menandatangani" in article.text


def _assert_sorted_disjoint(spans, lo: int, hi: int) -> None:
    previous = lo
    for span in spans:
        assert previous <= span.start < span.end <= hi
        previous = span.end


def test_spans_slice_the_clean_text(noisy: tuple[Article, str]) -> None:
    article, _ = noisy
    text = article.text
    assert len(article.paragraphs) == 4
    _assert_sorted_disjoint(article.paragraphs, 0, len(text))
    _assert_sorted_disjoint(article.sentences, 0, len(text))
    _assert_sorted_disjoint(article.tokens, 0, len(text))
    assert "".join(text[p.start:p.end] + PARAGRAPH_SEPARATOR for p in article.paragraphs) == text + PARAGRAPH_SEPARATOR
    for sentence in article.sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in article.paragraphs)
        assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace()
    assert all(t.end > t.start and not any(c.isspace() for c in article.span_text(t)) for t in article.tokens)
    sentences = [article.span_text(s) for s in article.sentences]
    assert "“Kami sepakat mempercepat perundingan batas laut. Kedua negara ingin selesai tahun ini,” ujar Sari kepada wartawan." in sentences
    assert any(s.startswith("Pertemuan berlangsung di Jl. Diponegoro No. 7 pk. 10.00") for s in sentences)


def test_raw_offsets_map_clean_characters_back(noisy: tuple[Article, str]) -> None:
    article, extracted = noisy
    anchors = article.raw_offsets
    assert anchors and anchors[0] == (0, 0) and list(anchors) == sorted(anchors)
    mapped = [raw_offset(anchors, i) for i in range(len(article.text))]
    assert mapped == sorted(mapped)
    for i, ch in enumerate(article.text):
        if not ch.isspace():
            assert extracted[mapped[i]] == ch, (i, ch, extracted[mapped[i] - 10:mapped[i] + 10])
    jakarta = article.text.index("Jakarta")
    assert extracted[raw_offset(anchors, jakarta) - 2:raw_offset(anchors, jakarta) + 7] == "keJakarta"
    kedua = article.text.index("Kedua menteri")
    assert extracted[raw_offset(anchors, kedua):].startswith("Kedua menteri")


def test_language_of_article_and_paragraphs(noisy: tuple[Article, str]) -> None:
    article, _ = noisy
    assert article.language == "id"
    assert [p.language for p in article.paragraphs] == ["id"] * 4
    assert all(s.language == "id" for s in article.sentences)


# --- language ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [(INDONESIAN, "id"), (ENGLISH, "en"), (MALAY, "ms"),
                                            (INDONESIAN[:120], "id"), (ENGLISH[:90], "en"), (MALAY[:150], "ms")])
def test_identify_indonesian_english_malay(text: str, code: str) -> None:
    assert identify(text) == code


def test_too_little_text_has_no_language() -> None:
    assert identify("") is None and identify("Ya") is None and identify("2025 — 14.00") is None


def test_whole_indonesian_articles_are_not_malay(fixtures: Path) -> None:
    pipeline = Pipeline.build(load_settings())
    for name in ("id_article.html", "id_noisy.txt"):
        document = Document(source=name, content=(fixtures / name).read_bytes(), kind="html") if name.endswith(".html") \
            else text_document(name, (fixtures / name).read_text(encoding="utf-8"))
        assert pipeline.run(document).article.language == "id"


def test_real_indonesian_articles_are_not_malay(corpus: Path) -> None:
    pipeline = Pipeline.build(load_settings({"stages": "read,language"}))
    paths = sorted((corpus / "id" / "articles").glob("*.txt"))[:8]
    languages = [pipeline.run(text_document(str(p), p.read_text(encoding="utf-8"))).article.language for p in paths]
    assert languages == ["id"] * len(paths)


def test_short_paragraph_after_related_headline_keeps_its_sentence(fixtures: Path) -> None:
    text = (fixtures / "id_noisy.txt").read_text(encoding="utf-8")
    article = Pipeline.build(load_settings({"stages": "read"})).run(text_document("n.txt", text)).article
    assert "Pertemuan tersebut juga membahas perlindungan pekerja migran" in article.text


def test_a_multi_line_stage_error_is_reported_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    class Exploding:
        name = "exploding"
        requires = frozenset({"text"})
        produces = frozenset()

        def __call__(self, article: Article) -> Article:
            raise RuntimeError("first line\nsecond line\n" + "x" * 500)

    pipeline = Pipeline([*_pipeline("read").stages, Exploding()])
    error = pipeline.run(_doc("m.txt")).error
    assert isinstance(error, StageError) and "\n" not in str(error)
    assert "first line second line" in str(error) and len(str(error)) < 300
