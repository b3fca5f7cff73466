"""Readers: every input kind becomes Documents (or the error for one input), in input order."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.errors import BinaryInputError, EmptyInputError, InputError, WartaError
from warta.model import Document
from warta.read.sources import decode_text, iter_documents, text_document


def _read(*paths: Path | str) -> list[Document | WartaError]:
    return list(iter_documents([str(p) for p in paths]))


def test_html_and_htm_are_read_as_html(fixtures: Path) -> None:
    items = _read(fixtures / "id_article.html", fixtures / "en_article.htm")
    assert [type(d) for d in items] == [Document, Document]
    assert [d.kind for d in items] == ["html", "html"]
    assert items[0].source.endswith("id_article.html") and items[1].source.endswith("en_article.htm")
    assert b"Sungai Lembayung" in items[0].content


def test_txt_with_blank_line_after_first_line_has_headline(fixtures: Path) -> None:
    [doc] = _read(fixtures / "id_noisy.txt")
    assert doc.kind == "text"
    assert doc.title == "Menteri Luar Negeri Bertolak keJakarta Usai Kunjungan Dua Hari"
    assert doc.content.startswith("Menteri Luar Negeri Sari Pertiwi")


def test_txt_without_blank_line_has_no_headline(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Baris pertama bukan judul.\nBaris kedua menyambung teks.\n", encoding="utf-8")
    [doc] = _read(path)
    assert doc.title is None
    assert doc.content.startswith("Baris pertama bukan judul.")


def test_text_document_normalises_newlines_and_keeps_given_title() -> None:
    doc = text_document("s", "Judul\r\n\r\nIsi berita.", title="Diberikan")
    assert doc.title == "Diberikan" and "\r" not in doc.content
    assert text_document("s", "Judul\r\n\r\nIsi berita.").title == "Judul"


def test_jsonl_fields_and_bad_line_only_fail_that_line(fixtures: Path) -> None:
    items = _read(fixtures / "articles.jsonl")
    assert [i.source.rsplit("#", 1)[1] for i in items] == ["1", "2", "3", "4", "5"]
    first, second, bad, no_text, fifth = items
    assert isinstance(first, Document) and first.kind == "text"
    assert (first.url, first.title, first.published) == ("https://example.org/berita/1", "Harga Cabai Turun di Pasar Induk", "2025-06-10")
    assert isinstance(second, Document) and second.kind == "html"
    assert second.title == "Library extends opening hours" and second.published == "2025-05-02"
    assert isinstance(bad, InputError) and "JSON" in str(bad) and bad.source.endswith("#3")
    assert isinstance(no_text, EmptyInputError)
    assert isinstance(fifth, Document) and fifth.title == "Hujan Deras Rendam Permukiman"


def test_jsonl_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    path.write_text('["not", "an", "object"]\n{"text": "Sebuah teks berita yang cukup panjang untuk dibaca."}\n')
    first, second = _read(path)
    assert isinstance(first, InputError) and "object" in first.detail
    assert isinstance(second, Document)


def test_jsonl_authors_list_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Isi.", "authors": ["Ani", "Budi"], "link": "https://x.id/1"}\n')
    [doc] = _read(path)
    assert doc.author == "Ani, Budi" and doc.url == "https://x.id/1"


@pytest.mark.parametrize("name", ["news.warc", "news.warc.gz"])
def test_warc_yields_html_responses_only(tmp_path: Path, fixtures: Path, make_warc, name: str) -> None:
    path = make_warc(tmp_path / name, [
        ("https://kabar.example/jembatan", (fixtures / "id_article.html").read_bytes()),
        ("https://kabar.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        ("https://herald.example/tidal", (fixtures / "en_article.htm").read_bytes()),
    ])
    items = _read(path)
    assert [type(i) for i in items] == [Document, Document]
    assert [d.url for d in items] == ["https://kabar.example/jembatan", "https://herald.example/tidal"]
    assert all(d.kind == "html" and d.source.startswith(str(path) + "#") for d in items)
    assert items[0].source != items[1].source
    assert items[1].content == (fixtures / "en_article.htm").read_bytes()


def test_warc_without_html_and_corrupt_warc(tmp_path: Path, make_warc) -> None:
    only_image = make_warc(tmp_path / "img.warc", [("https://x/a.png", b"\x89PNG\x00\x00", "image/png")])
    corrupt = tmp_path / "bad.warc.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    [no_html], [broken] = _read(only_image), _read(corrupt)
    assert isinstance(no_html, InputError) and "no HTML" in no_html.detail
    assert isinstance(broken, InputError)


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path, fixtures: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    shutil.copy(fixtures / "en_article.htm", tmp_path / "b" / "deep" / "z.htm")
    shutil.copy(fixtures / "id_noisy.txt", tmp_path / "b" / "a.txt")
    shutil.copy(fixtures / "id_article.html", tmp_path / "a" / "y.html")
    shutil.copy(fixtures / "id_article.html", tmp_path / "0.html")
    (tmp_path / "notes.md").write_text("not an input kind")
    (tmp_path / ".hidden.txt").write_text("hidden file")
    sources = [Path(d.source).relative_to(tmp_path).as_posix() for d in _read(tmp_path)]
    assert sources == ["0.html", "a/y.html", "b/a.txt", "b/deep/z.htm"]


def test_inputs_keep_command_line_order(fixtures: Path) -> None:
    items = _read(fixtures / "id_noisy.txt", fixtures / "en_article.htm", fixtures / "id_article.html")
    assert [Path(d.source).name for d in items] == ["id_noisy.txt", "en_article.htm", "id_article.html"]


def test_missing_empty_and_binary_inputs_become_errors(fixtures: Path, tmp_path: Path) -> None:
    missing, empty, binary, good = _read(tmp_path / "nope.html", fixtures / "empty.txt", fixtures / "binary.html",
                                         fixtures / "id_noisy.txt")
    assert isinstance(missing, InputError) and missing.reason == "unreadable" and "no such file" in missing.detail
    assert isinstance(empty, EmptyInputError) and empty.reason == "empty"
    assert isinstance(binary, BinaryInputError) and binary.reason == "binary"
    assert isinstance(good, Document)
    assert str(missing).startswith(str(tmp_path / "nope.html"))


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("  \n\t\n")
    [item] = _read(path)
    assert isinstance(item, EmptyInputError)


@pytest.mark.skipif(sys.platform == "win32" or (hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0),
                    reason="root ignores file permissions")
def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_text("<html><body><p>rahasia</p></body></html>")
    path.chmod(0)
    try:
        [item] = _read(path)
    finally:
        path.chmod(0o644)
    assert isinstance(item, InputError) and "cannot read" in item.detail


def test_too_large_input_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("kata " * 100)
    [item] = list(iter_documents([str(path)], max_bytes=50))
    assert isinstance(item, InputError) and "larger than 50" in item.detail


def test_unknown_suffix_is_sniffed(tmp_path: Path, fixtures: Path) -> None:
    html = tmp_path / "page.php"
    html.write_bytes((fixtures / "id_article.html").read_bytes())
    lines = tmp_path / "dump.out"
    lines.write_text('{"text": "Satu berita pendek."}\n{"text": "Berita kedua."}\n')
    text = tmp_path / "README"
    text.write_text("Judul\n\nIsi teks biasa.")
    items = list(iter_documents([str(html), str(lines), str(text)]))
    assert [d.kind for d in items] == ["html", "text", "text", "text"]
    assert items[3].title == "Judul"


def test_stdin_is_read_for_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"Judul Berita\n\nIsi berita dari stdin."))
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = list(iter_documents(["-"]))
    assert doc.source == "<stdin>" and doc.title == "Judul Berita"


def test_decode_text_falls_back_to_cp1252() -> None:
    assert decode_text("s", "café".encode("cp1252")) == "café"
    assert decode_text("s", "\ufeffJudul".encode("utf-8")) == "Judul"


def test_permission_error_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same path as a chmod 000 file, without needing a non-root user."""
    path = tmp_path / "secret.html"
    path.write_text("<html><body><p>rahasia</p></body></html>")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("warta.read.sources.os.open", refuse)  # files are opened with os.open (see open_regular)
    [item] = _read(path)
    assert isinstance(item, InputError) and "Permission denied" in item.detail


def test_mojibake_from_upstream_is_repaired_before_controls_go() -> None:
    """UTF-8 read as windows-1252 by a scraper: "€2" arrives as "â\\x82¬2", an en dash as
    "â\\x80\\x93". Dropping the C1 controls first would leave "â¬2" for good."""
    broken = "Nilainya \u00e2\x82\u00ac2 miliar, naik 30\u00e2\x80\x9350 persen; kata \u201cbaik\u201d tetap."
    doc = text_document("a.txt", broken, title="Judul \u00e2\x80\x94 berita")
    assert doc.content == "Nilainya €2 miliar, naik 30–50 persen; kata \u201cbaik\u201d tetap."
    assert doc.title == "Judul — berita"


# Everyday text characters, the ones ftfy's mojibake test looks for, and its pairs' neighbours.
_MIXED = st.text(alphabet=st.sampled_from(list(
    "aeZ .,!?:'\"\n\u00a0\u00ad\u00b7\u2013\u2014\u2026\u2019\u2018\u201c\u201d\u201a\u00ab\u00bb\u00a9\u00ae\u2122"
    "\u00e2\u00c3\u00c2\u00e9\u00a3\u20ac\u00b0\u00bc\u00d8\u0432\u0420\u0393\u03b2\u0101\u2591\u0080\u0093\u009d")),
    max_size=12)


@given(_MIXED)
@settings(max_examples=400, deadline=None)
def test_mojibake_repair_is_ftfys_fix_encoding(text: str) -> None:
    """The cheap character test in front of ftfy never skips a text ftfy would change."""
    import ftfy

    from warta.read.encoding import repair_mojibake

    assert repair_mojibake(text) == ftfy.fix_encoding(text)


def test_mojibake_in_a_page_body_is_repaired() -> None:
    from warta.read.extraction import extract

    body = "<p>" + "Harga minyak naik 30\u00e2\u20ac\u201c50 persen menurut para analis di Jakarta. " * 4 + "</p>"
    page = f"<html><head><title>Minyak</title></head><body><article><h1>Minyak</h1>{body}</article></body></html>"
    extracted = extract(Document(source="p.html", content=page.encode(), kind="html"))
    assert "30–50 persen" in " ".join(extracted.paragraphs)
