"""One conformance suite for every store backend: SQLite always, PostgreSQL from
WARTA_TEST_POSTGRES_URL (skipped when unset, unless WARTA_REQUIRE_POSTGRES=1 makes it fail)."""
from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from test_store_data import EN_TEXT, english_article, indonesian_article

from warta.errors import ConfigError, WartaError
from warta.store import Filters, Store, open_store
from warta.store.filters import parse_dyad
from warta.store.rows import article_id, to_rows


def _postgres_url() -> str:
    url = os.environ.get("WARTA_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("WARTA_REQUIRE_POSTGRES") == "1":
            pytest.fail("WARTA_REQUIRE_POSTGRES=1 but WARTA_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL: set WARTA_TEST_POSTGRES_URL to run the suite on it")
    return url


def _fresh_postgres(url: str) -> str:
    """A database of its own for each test, so tests never see each other's rows."""
    import psycopg

    name = f"warta_t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name, name


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    """An empty store of each backend."""
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "warta.db"))
        yield s
        s.close()
        return
    import psycopg

    base = _postgres_url()
    url, name = _fresh_postgres(base)
    s = open_store(url)
    yield s
    s.close()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name}")


@pytest.fixture
def filled(store):
    store.ingest(indonesian_article())
    store.ingest(english_article())
    return store


def test_ingest_round_trips_the_article(store):
    article = indonesian_article()
    assert store.ingest(article) == "added"
    back = store.article(article_id(article))
    assert back is not None
    assert back.to_json() == article.to_json()
    assert store.article("nope") is None


def test_reingesting_the_same_article_changes_nothing(filled):
    before = filled.stats()
    assert filled.ingest(indonesian_article()) == "unchanged"
    assert filled.ingest_many([english_article(), indonesian_article()]) == {"added": 0, "updated": 0, "unchanged": 2}
    assert filled.stats() == before


def test_an_updated_article_replaces_its_records(filled):
    updated = english_article(text=EN_TEXT + " Talks resume next week.", events=english_article().events[:1])
    assert filled.ingest(updated) == "updated"
    rows = filled.events(Filters(article=article_id(updated)))
    assert [r["type"] for r in rows] == ["DISAPPROVE"]
    assert filled.stats()["articles"] == 2
    assert filled.article(article_id(updated)).text.endswith("next week.")
    assert filled.search("resume")  # the full-text index follows the update
    assert filled.search("Canberra")


def test_a_batch_of_rows_is_stored_as_each_article_would_be_in_one_write(store):
    # What bulk runs use: workers build the rows, the writer stores a batch in one transaction.
    first, second = indonesian_article(), english_article()
    updated = english_article(text=EN_TEXT + " Talks resume next week.")
    before = store.data_version()
    outcomes = store.ingest_rows([to_rows(first), to_rows(second), to_rows(second), to_rows(updated)])
    assert outcomes == ["added", "added", "unchanged", "updated"]
    assert store.data_version() != before
    assert store.article(article_id(first)).to_json() == first.to_json()
    assert store.article(article_id(updated)).text.endswith("next week.")
    assert store.stats()["articles"] == 2 and store.search("resume") and store.search("perjanjian")
    version = store.data_version()
    assert store.ingest_rows([to_rows(first)]) == ["unchanged"] and store.ingest_rows([]) == []
    assert store.data_version() == version  # nothing written, nothing to invalidate


def test_dyad_filter_matches_both_directions(filled):
    rows = filled.events(Filters(dyad=("RUS", "IDN")))
    assert len(rows) == 6
    assert {(r["actor1_country"], r["actor2_country"]) for r in rows} == {("IDN", "RUS"), ("RUS", "IDN")}
    assert all(r["evidence"] and r["ev_end"] > r["ev_start"] for r in rows)
    assert filled.events(Filters(dyad=("AUS", "RUS"))) == []


def test_event_filters(filled):
    assert {r["type"] for r in filled.events(Filters(type="AID"))} == {"AID"}
    assert {r["cameo"] for r in filled.events(Filters(type="05"))} == {"057"}
    assert len(filled.events(Filters(actor="AUS"))) == 1
    assert len(filled.events(Filters(actor="australia"))) == 1
    assert {r["language"] for r in filled.events(Filters(language="id"))} == {"id"}
    june = filled.events(Filters(since="2025-06-01", until="2025-06"))
    assert june and {r["day"] for r in june} == {"2025-06-17"}
    assert len(filled.events(Filters(since="2025-07-01"))) == 4
    negated = [r for r in filled.events(Filters(type="REJECT"))]
    assert negated and negated[0]["negated"] is True
    assert filled.events(Filters(context="maritime"))[0]["context"] == ["maritime"]
    assert len(filled.events(Filters(limit=2))) == 2


def test_event_rows_point_into_the_article_text(filled):
    for row in filled.events(Filters()):
        text = filled.article(row["article_id"]).text
        assert text[row["ev_start"]:row["ev_end"]] == row["evidence"]


def test_dyad_summary(filled):
    d = filled.dyad("IDN", "RUS")
    assert d["events_total"] == 6
    assert d["goldstein_sum"] == pytest.approx(8.0 + 7.4 - 4.0 - 2.0 + 7.4 + 7.4)
    assert {m["month"]: m["n"] for m in d["by_month"]} == {"2025-06": 3, "2025-07": 3}
    assert {t["type"]: t["n"] for t in d["by_type"]}["AID"] == 3
    assert {c["context"]: c["n"] for c in d["by_context"]} == {"economic": 4, "military": 1}
    statuses = {a["text"]: a["status"] for a in d["amounts"]["items"]}
    assert statuses == {"US$1,5 miliar": "promised", "$2 billion": "promised", "$300 million": "realised"}
    totals = {(t["unit"], t["status"]): t["value"] for t in d["amounts"]["totals"]}
    assert totals[("USD", "promised")] == pytest.approx(3.5e9)
    sides = {q["speaker"]: q["side"] for q in d["quotes"]}
    assert sides == {"Sergey Lavrov": "RUS", "Retno Marsudi": "IDN"}
    assert len(d["events"]) == 6


def test_quotes_amounts_entities_articles(filled):
    assert [q["speaker"] for q in filled.quotes(Filters(speaker="lavrov"))] == ["Sergey Lavrov"]
    assert filled.quotes(Filters(speaker="lavrov"))[0]["direct"] is True
    assert len(filled.amounts(Filters(type="USD"))) == 3
    assert len(filled.amounts(Filters(type="realised"))) == 1
    entities = {e["name"]: e for e in filled.entities(Filters())}
    assert entities["Indonesia"]["articles"] == 2 and entities["Canberra"]["type"] == "CITY"
    assert [e["name"] for e in filled.entities(Filters(type="PERSON", text="retno"))] == ["Retno Marsudi"]
    articles = filled.articles(Filters())
    assert [a["language"] for a in articles] == ["en", "id"]  # newest first
    assert articles[0]["n_events"] == 4 and "text" not in articles[0]
    assert len(filled.articles(Filters(actor="AUS"))) == 1


def test_full_text_search_in_both_languages(filled):
    assert [r["language"] for r in filled.search("railway")] == ["en"]
    assert [r["language"] for r in filled.search("railways")] == ["en"]  # English stemming
    assert [r["language"] for r in filled.search("perjanjian")] == ["id"]
    assert [r["language"] for r in filled.search("berjanji")] == ["id"]  # Indonesian stemming: janji
    hit = filled.search("investasi")[0]
    assert "\x02" in hit["snippet"] and hit["title"].startswith("RI dan Rusia")
    assert filled.search("railway", language="id") == []
    assert filled.search("") == [] and filled.search("zzqx") == []
    assert isinstance(filled.search('"quoted" AND (odd) -syntax* NEAR'), list)  # query syntax is not passed through


def test_stats_network_places_actor(filled):
    stats = filled.stats()
    assert (stats["articles"], stats["events"], stats["quotes"], stats["amounts"]) == (2, 7, 2, 3)
    assert stats["languages"] == {"id": 1, "en": 1}
    net = filled.network()
    assert {(e["source"], e["target"]) for e in net["edges"]} == {("IDN", "RUS"), ("RUS", "IDN"), ("AUS", "IDN")}
    places = {p["name"]: p for p in filled.places()}
    assert places["Jakarta"]["lat"] == pytest.approx(-6.2146) and "Sergey Lavrov" not in places
    actor = filled.actor("RUS")
    assert actor["partners"][0]["partner"] == "IDN" and actor["partners"][0]["n"] == 6
    assert actor["quotes"][0]["speaker"] == "Sergey Lavrov"


def test_stored_json_and_read_only_queries(filled):
    aid = article_id(english_article())
    stored = filled.article_json(aid)
    data = json.loads(stored) if isinstance(stored, str) else stored
    assert data["title"] == english_article().title and filled.article_json("absent") is None
    rows = filled.query("SELECT id, language FROM articles WHERE language = ? ORDER BY id", ["en"])
    assert rows == [{"id": aid, "language": "en"}]
    with filled.snapshot():
        assert filled.data_version() == filled.data_version()


def test_identity_and_each_article_of_a_batch_on_its_own(store):
    assert store.identity() and store.identity() == store.identity()
    first, second = english_article(), indonesian_article()
    assert store.ingest_each([to_rows(first), to_rows(second)]) == ["added", "added"]
    assert store.ingest_each([to_rows(first)]) == ["unchanged"]
    assert store.stats()["articles"] == 2


def test_the_suite_runs_everything_the_protocol_declares():
    declared = {name for name in vars(Store) if not name.startswith("_") and callable(getattr(Store, name))}
    source = Path(__file__).read_text(encoding="utf-8")
    assert not sorted(name for name in declared if f".{name}(" not in source)


def test_schema_is_versioned(store):
    from warta.store.migrations import LATEST

    assert store.schema_version() == LATEST


def test_bad_filters_are_config_errors():
    with pytest.raises(ConfigError):
        parse_dyad("IDN")
    with pytest.raises(ConfigError):
        Filters(since="last week")
    assert parse_dyad("idn/rus") == ("IDN", "RUS")


def test_unknown_scheme_and_missing_store(tmp_path):
    with pytest.raises(ConfigError):
        open_store("mysql://x")
    with pytest.raises(WartaError):
        open_store(str(tmp_path / "absent.db"), create=False)


def test_sqlite_migrates_an_older_store_forward(tmp_path, monkeypatch):
    from warta.store import migrations, sqlite

    path = str(tmp_path / "old.db")
    monkeypatch.setattr(sqlite, "SQLITE", migrations.SQLITE[:1])
    old = open_store(path)
    old.ingest(indonesian_article())
    assert old.schema_version() == 1
    old.close()
    monkeypatch.setattr(sqlite, "SQLITE", migrations.SQLITE)
    new = open_store(path)
    assert new.schema_version() == migrations.LATEST
    assert new.stats()["articles"] == 1 and new._rows("SELECT count(*) AS n FROM embeddings")[0]["n"] == 0
    new.close()


def test_search_ranks_words_in_a_row_first(store):
    from warta.model import Article

    apart = Article(source="t/apart", url="https://example.id/apart", title="Ekonomi",
                    text="Perang di utara membuat dagang sepi. Perang lagi, dagang lagi, perang dan dagang.", language="id")
    together = Article(source="t/together", url="https://example.id/together", title="Tarif",
                       text="Perang dagang kedua negara berlanjut.", language="id")
    store.ingest(apart)
    store.ingest(together)
    hits = store.search("perang dagang")
    assert [h["url"] for h in hits] == ["https://example.id/together", "https://example.id/apart"]
    assert [h["phrase"] for h in hits] == [True, False]
    assert [h["url"] for h in store.search('"perang dagang"')] == ["https://example.id/together"]
    assert store.search_total("perang dagang") == 2 and store.search_total("perang -dagang") == 0
