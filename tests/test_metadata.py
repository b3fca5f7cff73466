"""Metadata beside inputs (sidecar .json, a folder's index.jsonl) and publication dates read into ISO 8601."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from warta.model import Document
from warta.read.published import normalize_published
from warta.read.sources import iter_documents

TEXT = "Menteri bertemu di Jakarta\n\nMenteri Luar Negeri Indonesia bertemu mitranya dari Rusia di Jakarta pada Kamis.\n"


@pytest.mark.parametrize("raw, language, expected", [
    ("Kamis, 12 Jun 2025 13:07 WIB", "id", "2025-06-12T13:07:00+07:00"),
    ("Tayang: Senin, 9 Juni 2025 20:51 WIB", "id", "2025-06-09T20:51:00+07:00"),
    ("Senin, 9 Juni 2025 20:51 WITA", "id", "2025-06-09T20:51:00+08:00"),
    ("Selasa, 10 Juni 2025 - 07:40 WIT", "id", "2025-06-10T07:40:00+09:00"),
    ("19 Juni 2025 | 09.16 WIB", "id", "2025-06-19T09:16:00+07:00"),
    ("Diperbarui 22 Apr 2025, 16:00 WIB", "id", "2025-04-22T16:00:00+07:00"),
    ("Kompas.com- 19/06/2025, 09:37 WIB", "id", "2025-06-19T09:37:00+07:00"),
    ("05/06/2025", "id", "2025-06-05"),  # day first in Indonesian
    ("05/06/2025", "en", "2025-05-06"),  # month first in English
    ("10/21/2025 20:43", "id", "2025-10-21T20:43:00"),  # not a day-first date: read as the next language does
    ("June 12, 2025 3:04 PM EDT", "en", "2025-06-12T15:04:00-04:00"),
    ("2015-11-04T00:28:00Z", "en", "2015-11-04T00:28:00Z"),
    ("2025-06-20", None, "2025-06-20"),
    ("Scroll ke bawah untuk membaca berita", "id", None),
    ("", "id", None),
])
def test_published_dates_in_news_formats(raw, language, expected) -> None:
    assert normalize_published(raw, [language]) == expected


@pytest.mark.parametrize("raw, language, expected", [
    ("Kamis, 12 Jun 2025 13:07 WIB", "id", "2025-06-12T13:07:00+07:00"),
    ("Diperbarui 22 Apr 2025, 16:00 WIB", "id", "2025-04-22T16:00:00+07:00"),
    ("June 12, 2025", "en", "2025-06-12"),
    ("12 Mei 2025 08:05:09", "id", "2025-05-12T08:05:09"),
    ("31 Juni 2025", "id", None),  # no such day
])
def test_plain_dates_are_read_without_dateparser(raw, language, expected, monkeypatch) -> None:
    """A day, a month name and a year (and a time): the language's month names read them; dateparser,
    slow to load, is not needed (an import of it fails here)."""
    monkeypatch.setitem(sys.modules, "dateparser", None)
    assert normalize_published(raw, [language]) == expected


def _docs(*paths: Path) -> list[Document]:
    items = list(iter_documents([str(p) for p in paths]))
    assert all(isinstance(i, Document) for i in items), items
    return items  # type: ignore[return-value]


def test_sidecar_gives_a_text_its_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"url": "https://example.id/a", "date": "Kamis, 12 Jun 2025 13:07 WIB",
                                                 "outlet": "example.id", "authors": ["Ani", "Budi"]}), encoding="utf-8")
    [doc] = _docs(tmp_path / "a.txt")
    assert (doc.url, doc.published, doc.sitename, doc.author) == (
        "https://example.id/a", "Kamis, 12 Jun 2025 13:07 WIB", "example.id", "Ani, Budi")
    assert doc.title == "Menteri bertemu di Jakarta"  # the headline line is still the title


def test_folder_index_by_file_name_is_metadata_not_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("Kamis", "Jumat"), encoding="utf-8")
    rows = [{"file": "a.txt", "url": "https://example.id/a", "title": "Judul A", "date": "20/06/2025", "outlet": "Ex"},
            {"file": "b.txt", "url": "https://example.id/b", "date": "Jumat, 20 Jun 2025 18:29 WIB"}]
    (tmp_path / "index.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "Judul B dari sidecar"}), encoding="utf-8")
    a, b = _docs(tmp_path)  # two articles: index.jsonl is not read as one
    assert (a.url, a.title, a.published, a.sitename) == ("https://example.id/a", "Judul A", "20/06/2025", "Ex")
    assert (b.url, b.title) == ("https://example.id/b", "Judul B dari sidecar")  # the sidecar wins over the index


def test_index_matches_a_page_by_its_url_or_its_file_name(tmp_path: Path) -> None:
    import warta.read.sources
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    page = ('<html><head><link rel="canonical" href="https://example.org/x"></head><body><article>'
            + "<p>The minister met his counterpart in Jakarta on Thursday to sign a trade agreement.</p>" * 3
            + "</article></body></html>")
    (tmp_path / "x.html").write_text(page, encoding="utf-8")
    (tmp_path / "index.jsonl").write_text(json.dumps({"url": "https://example.org/x", "date": "2019-11-19",
                                                      "outlet": "Example"}), encoding="utf-8")
    pipeline = Pipeline.build(load_settings({"stages": "read,language"}))
    [outcome] = list(pipeline.run_batches(warta.read.sources.iter_documents([str(tmp_path)]), batch_size=2))
    assert (outcome.article.published, outcome.article.sitename) == ("2019-11-19", "Example")
    (tmp_path / "index.jsonl").write_text(json.dumps({"html_file": "x.html", "date": "2019-11-18"}), encoding="utf-8")
    [doc] = _docs(tmp_path / "x.html")
    assert doc.published == "2019-11-18"


def test_an_index_with_texts_is_read_as_articles(tmp_path: Path) -> None:
    (tmp_path / "index.jsonl").write_text(json.dumps({"text": TEXT, "date": "2025-06-20"}), encoding="utf-8")
    [doc] = _docs(tmp_path)
    assert doc.published == "2025-06-20"


def test_article_published_is_iso_with_zone(tmp_path: Path) -> None:
    import warta

    article = warta.extract(TEXT, metadata={"published": "Kamis, 12 Jun 2025 13:07 WIB", "sitename": "Ex"})
    assert article.published == "2025-06-12T13:07:00+07:00"
    assert article.sitename == "Ex"
    line = json.dumps({"text": TEXT, "date": "Selasa, 10 Juni 2025 - 07:40 WIB", "outlet": "Sindonews"})
    (tmp_path / "in.jsonl").write_text(line, encoding="utf-8")
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    [outcome] = list(Pipeline.build(load_settings()).run_batches(iter_documents([str(tmp_path / "in.jsonl")]), batch_size=4))
    assert outcome.article.published == "2025-06-10T07:40:00+07:00"
    assert outcome.article.sitename == "Sindonews"


def test_api_post_reads_the_published_date(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from warta.api import create_app
    from warta.store import open_store

    store = open_store(str(tmp_path / "w.db"))
    with TestClient(create_app(store=store, token="t")) as client:
        body = {"text": TEXT, "url": "https://example.id/z", "published": "Jumat, 20 Jun 2025 18:29 WIB", "outlet": "Ex"}
        made = client.post("/api/articles", json=body, headers={"Authorization": "Bearer t"})
        assert made.status_code == 201
        stored = client.get(f"/api/articles/{made.json()['id']}").json()
    store.close()
    assert stored["published"] == "2025-06-20T18:29:00+07:00"
    assert stored["sitename"] == "Ex"


def test_a_page_given_its_date_is_not_searched_for_one(monkeypatch) -> None:
    """The date beside a page (sidecar, index, JSON line) wins, so htmldate's search is skipped."""
    from trafilatura import metadata as trafilatura_metadata

    from warta.read.extraction import extract

    searched: list[object] = []
    real = trafilatura_metadata.find_date
    monkeypatch.setattr(trafilatura_metadata, "find_date", lambda *a, **k: searched.append(a) or real(*a, **k))
    page = ('<html><head><meta property="article:published_time" content="2024-01-02"></head><body><article>'
            + "<p>The minister met his counterpart in Jakarta on Thursday to sign a trade agreement.</p>" * 3
            + "</article></body></html>")
    given = extract(Document(source="p.html", content=page.encode(), kind="html", published="2019-11-19"))
    assert given.published == "2019-11-19" and not searched
    found = extract(Document(source="p.html", content=page.encode(), kind="html"))
    assert found.published == "2024-01-02" and searched
