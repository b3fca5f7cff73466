"""`warta ingest / query / search / info` end to end on small texts written by the test."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from warta import cli

ID_NEWS = ("Indonesia dan Jepang sepakat memperluas kerja sama maritim\n\n"
           "Menteri Luar Negeri Indonesia bertemu mitranya dari Jepang di Tokyo pada Senin untuk membahas "
           "keamanan maritim dan perdagangan. Kedua negara sepakat memperluas latihan bersama di Laut Natuna.\n")
EN_NEWS = ("Malaysia and Indonesia discuss border trade\n\n"
           "Officials from Malaysia and Indonesia met in Kuala Lumpur on Tuesday to discuss border trade and "
           "the management of shared fisheries, a statement from the ministry said.\n")


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_DB", str(tmp_path / "cli.db"))
    cli._load_command_modules()
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli.app, list(args))
    return invoke


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "id-jepang.txt").write_text(ID_NEWS, encoding="utf-8")
    (folder / "en-malaysia.txt").write_text(EN_NEWS, encoding="utf-8")
    return folder


def test_ingest_then_query_and_search(run, news, tmp_path):
    first = run("ingest", str(news))
    assert first.exit_code == 0, first.output
    assert "added 2" in first.output
    again = run("ingest", str(news))
    assert "unchanged 2" in again.output
    rows = [json.loads(line) for line in run("query", "articles", "--format", "json").output.splitlines()]
    assert {r["language"] for r in rows} == {"id", "en"}
    table = run("query", "articles", "--language", "id").output
    assert "Jepang" in table
    out = run("query", "articles", "--format", "csv").output
    assert len(list(csv.DictReader(io.StringIO(out)))) == 2
    hits = [json.loads(line) for line in run("search", "latihan", "--format", "json").output.splitlines()]
    assert [h["language"] for h in hits] == ["id"] and "\x02" not in hits[0]["snippet"]
    info = run("info").output
    assert str(tmp_path / "cli.db") in info and "articles: 2" in info


def test_db_option_and_bad_input(run, news, tmp_path):
    other = tmp_path / "other.db"
    result = run("ingest", str(news / "id-jepang.txt"), "https://example.com/x", "--db", str(other))
    assert result.exit_code == 1 and "fetched in bulk mode" in result.output and "added 1" in result.output
    assert "articles: 1" in run("info", "--db", str(other)).output
    missing = run("query", "events", "--db", str(tmp_path / "absent.db"))
    assert missing.exit_code != 0
    bad = run("query", "events", "--dyad", "IDN", "--db", str(other))
    assert bad.exit_code != 0


def test_notebook_interface(tmp_path):
    from test_store_data import english_article, indonesian_article

    import warta

    with warta.open(str(tmp_path / "nb.db")) as w:
        assert w.ingest(indonesian_article()) == "added"
        w.ingest(english_article())
        events = w.events(dyad="IDN-RUS", type="AID")
        assert len(events) == 3 and events[0]["type"] == "AID"
        assert w.dyad("IDN", "RUS")["events_total"] == 6
        assert len(w.search("railway")) == 1
        pd = pytest.importorskip("pandas")
        frame = w.quotes().to_pandas()
        assert isinstance(frame, pd.DataFrame) and set(frame["speaker"]) == {"Sergey Lavrov", "Retno Marsudi"}
        assert w.events(actor="AUS").to_pandas().loc[0, "actor1_country"] == "AUS"
