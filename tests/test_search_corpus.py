"""Search on the corpus's real Indonesian articles (skips without ../shared/corpus): a quoted phrase
finds the articles that hold it (stemmed forms allowed) and no others; unquoted words are all
required; OR widens; ranking puts an article about the words above one that merely holds them."""
from __future__ import annotations

import re

import pytest
from conftest import CORPUS

from warta.model import Article
from warta.store import open_store
from warta.store.stem import stem_text

pytestmark = pytest.mark.corpus
PHRASES = ["perang dagang", "kerja sama ekonomi", "jet tempur"]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    folder = CORPUS / "id" / "articles"
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {folder}")
    store = open_store(str(tmp_path_factory.mktemp("search") / "search.db"))
    texts = {}
    for path in sorted(folder.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        article = Article(source=path.name, url=f"https://corpus.example/{path.stem}", title=title.strip(),
                          text=body.strip(), language="id")
        store.ingest(article)
        texts[article.url] = f"{article.title}\n{article.text}"
    yield store, texts
    store.close()


def holds(text: str, phrase: str) -> bool:
    """The phrase's words in a row, in the text (any case and spacing)."""
    return re.search(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", text, re.IGNORECASE) is not None


def hits(store, query: str) -> set[str]:
    found = store.search(query, limit=500)
    assert store.search_total(query) == len(found)
    return {h["url"] for h in found}


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_quoted_phrase_finds_the_articles_holding_it(corpus_store, phrase):
    store, texts = corpus_store
    holding = {url for url, text in texts.items() if holds(text, phrase)}
    stemmed = {url for url, text in texts.items() if holds(stem_text(text), stem_text(phrase))}
    found = hits(store, f'"{phrase}"')
    assert holding and holding <= found, sorted(holding - found)
    assert found <= holding | stemmed, sorted(found - holding - stemmed)  # nothing without the phrase
    loose = hits(store, " OR ".join(phrase.split()))
    assert len(found) < len(loose)  # the words apart are found in many more


@pytest.mark.parametrize("query", ["kerja sama pertahanan", "sanksi ekonomi Rusia", "ekspor minyak"])
def test_unquoted_words_are_all_required(corpus_store, query):
    store, texts = corpus_store
    found = hits(store, query)
    assert found
    for url in found:
        stems = set(stem_text(texts[url]).split()) | set(texts[url].lower().split())
        assert all(w in stems or stem_text(w) in stems for w in query.lower().split()), (url, query)
    for word in query.split():
        assert found <= hits(store, word)


def test_or_prefix_and_exclusion(corpus_store):
    store, texts = corpus_store
    either = hits(store, "Turki OR Iran")
    assert hits(store, "Turki") | hits(store, "Iran") == either
    assert hits(store, "ekspor*") >= hits(store, "ekspor")
    without = hits(store, "Rusia -Ukraina")
    assert without and without <= hits(store, "Rusia") and not without & hits(store, "Ukraina")


def test_snippets_mark_the_matched_words(corpus_store):
    store, _ = corpus_store
    for hit in store.search('"jet tempur"', limit=5):
        marked = re.findall("\x02(.*?)\x03", hit["snippet"])
        assert any(m.lower() in ("jet", "tempur") for m in marked), hit["snippet"]
    ranked = store.search("jet tempur", limit=3)
    assert "jet tempur" in ranked[0]["title"].lower() and ranked[0]["score"] >= ranked[-1]["score"]


def test_words_in_a_row_rank_first(corpus_store):
    store, texts = corpus_store
    ranked = [h["url"] for h in store.search("perang dagang", limit=500)]
    holding = [holds(texts[url], "perang dagang") for url in ranked]
    assert any(holding) and not all(holding)
    assert holding == sorted(holding, reverse=True)  # every article with the phrase before any without
