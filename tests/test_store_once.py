"""One event once: mirror pairs, restatements and syndicated copies in the store, API and exports."""
from __future__ import annotations

import io

from test_store_conformance import store as backend  # noqa: F401  (the fixture: each backend)
from test_store_data import IDN, RUS, _sentence, english_article, indonesian_article

from warta.model import Event
from warta.store import Filters, open_store
from warta.store.export import export


def _mirrored(article):
    """The article with its first event read twice, A→B and B→A, as a joint act is."""
    first = article.events[0]
    mirror = first.replace(actor1=first.actor2, actor2=first.actor1)
    return article.replace(events=(first, mirror, *article.events[1:]))


def test_a_mirror_pair_is_one_mutual_event(tmp_path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    article = indonesian_article()
    store.ingest(_mirrored(article))
    rows = store.events(Filters(limit=50))
    assert len(rows) == len(article.events)
    agree = [r for r in rows if r["type"] == "AGREE"]
    assert len(agree) == 1 and agree[0]["mutual"]
    assert store.dyad("IDN", "RUS")["events_total"] == len(article.events)
    store.close()


def test_a_restatement_is_a_mention_of_the_same_event(tmp_path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    article = indonesian_article()
    again = Event(type="AGREE", cameo="057", actor1=IDN, actor2=RUS, evidence=_sentence(article.text, "Rusia berjanji"))
    store.ingest(article.replace(events=(*article.events, again)))
    agree = [r for r in store.events(Filters(limit=50)) if r["type"] == "AGREE"]
    assert [(r["mentions"], r["num_mentions"]) for r in agree] == [(2, 2)]
    store.close()


def test_a_syndicated_copy_under_another_url_adds_to_the_event_not_a_new_one(backend) -> None:
    store = backend
    original = indonesian_article()
    copy = original.replace(url="https://mirror.example/copy", source="copy.txt", sitename="Mirror")
    assert store.ingest(original) == "added" and store.ingest(copy) == "added"
    assert store.stats()["articles"] == 2
    rows = store.events(Filters(limit=50))
    assert len(rows) == len(original.events)  # once, not twice
    assert {(r["num_articles"], r["num_sources"]) for r in rows} == {(2, 2)}
    assert store.dyad("IDN", "RUS")["events_total"] == len(original.events)
    out = io.StringIO()
    export(store, fmt="gdelt", out=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len([e for e in original.events if not e.negated])
    assert {tuple(line.split("\t")[31:34]) for line in lines} == {("2", "2", "2")}  # NumMentions, NumSources, NumArticles
    # the first copy replaced: the other keeps the events, counted once each
    store.ingest(original.replace(text=original.text + " Tambahan.", events=original.events[:1]))
    rows = store.events(Filters(limit=50))
    assert len(rows) == len(original.events)


def test_an_unrelated_article_is_its_own_cluster(tmp_path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    store.ingest(indonesian_article())
    store.ingest(english_article())
    clusters = store._rows("SELECT DISTINCT cluster FROM articles")
    assert len(clusters) == 2
    store.close()


def test_dyad_totals_add_like_with_like_only() -> None:
    from warta.store.dyad import amount_totals

    def row(article, value, unit, counted=None, status="promised"):
        return {"article_id": article, "value": value, "unit": unit, "counted": counted, "status": status}

    rows = [row("a", 4.3e9, "USD"), row("a", 4.3e9, "USD"),  # repeated in one article: once
            row("b", 4.3e9, "USD"), row("b", 1e9, "USD", status="realised"), row("a", 5e11, "IDR"),
            row("a", 40.0, "percent"), row("b", 12.5, "percent"),  # percentages are never summed
            row("a", 1_000_000, "count", "barrels"), row("b", 243_230_297, "count", "people"),
            row("c", 2_000_000, "count", "barrels"), row("c", 81, "count")]  # a count of nothing named: left out
    assert amount_totals(rows) == [
        {"unit": "IDR", "status": "promised", "value": 5e11},
        {"unit": "USD", "status": "promised", "value": 8.6e9},
        {"unit": "USD", "status": "realised", "value": 1e9},
        {"unit": "count", "status": "promised", "counted": "barrels", "value": 3_000_000},
        {"unit": "count", "status": "promised", "counted": "people", "value": 243_230_297}]


def test_a_mutual_event_is_initiated_by_neither_side(tmp_path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    store.ingest(_mirrored(indonesian_article()))
    directions = {d["source"]: d["n"] for d in store.dyad("IDN", "RUS")["by_direction"]}
    assert directions.get(None) == 1  # the agreement, a joint act
    assert sum(directions.values()) == store.dyad("IDN", "RUS")["events_total"]
    store.close()
