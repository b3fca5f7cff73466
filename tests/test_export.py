"""`warta export`: JSON Lines round trip, CSV, Parquet, GDELT 2.0 Events (61 columns) and GKG-like rows."""
from __future__ import annotations

import csv
import io

import pytest
from test_store_data import english_article, indonesian_article

from warta.errors import ConfigError
from warta.model import Article
from warta.store import open_store
from warta.store.export import export
from warta.store.gdelt import EVENT_COLUMNS, GKG_COLUMNS, event_id


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "x.db"))
    s.ingest(indonesian_article())
    s.ingest(english_article())
    yield s
    s.close()


def test_jsonl_round_trips_articles(store):
    out = io.StringIO()
    assert export(store, fmt="jsonl", out=out) == 2
    back = sorted((Article.from_json(line) for line in out.getvalue().splitlines()), key=lambda a: a.language)
    assert back[0].to_json() == english_article().to_json() and back[1].events == indonesian_article().events


def test_gdelt_events_have_61_columns(store):
    out = io.StringIO()
    n = export(store, fmt="gdelt", out=out)
    lines = out.getvalue().splitlines()
    assert n == len(lines) == 6  # 7 events, the negated REJECT left out
    assert len(EVENT_COLUMNS) == 61
    records = [dict(zip(EVENT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    agree = next(r for r in records if r["EventCode"] == "057")
    assert (agree["SQLDATE"], agree["MonthYear"], agree["Year"]) == ("20250617", "202506", "2025")
    assert (agree["Actor1Code"], agree["Actor1CountryCode"], agree["Actor1Type1Code"]) == ("IDNGOV", "IDN", "GOV")
    assert (agree["Actor2CountryCode"], agree["EventBaseCode"], agree["EventRootCode"]) == ("RUS", "057", "05")
    assert (agree["QuadClass"], agree["GoldsteinScale"]) == ("1", "8")
    assert agree["SOURCEURL"] == "https://example.id/pertahanan-ri-rusia"
    assert agree["GLOBALEVENTID"].isdigit() and int(agree["GLOBALEVENTID"]) > 0
    assert float(agree["Actor2Geo_Lat"]) > 40  # Russia's centroid
    assert not any(r["EventCode"] == "120" for r in records)
    assert event_id("a", 1) == event_id("a", 1) != event_id("a", 2)


def test_gkg_rows(store):
    out = io.StringIO()
    assert export(store, fmt="gkg", out=out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == GKG_COLUMNS
    by_url = {r[3]: dict(zip(GKG_COLUMNS, r)) for r in rows[1:]}
    en = by_url["https://example.com/railway-dispute"]
    assert en["V1Persons"] == "Retno Marsudi" and "Canberra" in en["V2Locations"]
    assert "We expect our partners" in en["V2.1Quotations"] and en["V2.1Amounts"].startswith("2e+09,USD,")


def test_csv_and_parquet_tables(store, tmp_path):
    out = io.StringIO()
    assert export(store, fmt="csv", out=out, table="quotes") == 2
    quotes = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {q["speaker"] for q in quotes} == {"Sergey Lavrov", "Retno Marsudi"}
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export(store, fmt="parquet", out=None, path=str(path)) == 7
    table = pq.read_table(path).to_pylist()
    assert {r["type"] for r in table} >= {"AGREE", "AID", "CONSULT"}
    assert next(r for r in table if r["type"] == "CONSULT")["context"] == "maritime"
    with pytest.raises(ConfigError):
        export(store, fmt="csv", out=out, table="nope")
    with pytest.raises(ConfigError):
        export(store, fmt="parquet", out=None, path=None)
