"""The dyad counts kept at ingest (store/dyad_counts.py), on every backend: after every kind of
write they equal the counts of the events stored, and the summaries read from them equal those
computed from the events."""
from __future__ import annotations

import json

import pytest
from test_store_conformance import store as backend  # noqa: F401  (the fixture: each backend)
from old_schema import older_store
from test_store_data import english_article, indonesian_article
from test_store_once import _mirrored

from warta.store import Filters, open_store
from warta.store.base import RejectedArticle
from warta.store import dyad_latest, dyad_summary, overview_counts
from warta.store.dyad_counts import recount, recount_names
from warta.store.rows import to_rows


def _kept(store) -> dict:
    return {(r["kind"], r["a"], r["b"], r["v"]): (r["n"], pytest.approx(r["g"]), r["gn"])
            for r in store.query("SELECT kind, a, b, v, n, g, gn FROM dyad_counts")}


def _recounted(store) -> dict:
    return {(r["kind"], r["a"], r["b"], r["v"]): (r["n"], r["g"], r["gn"]) for r in store.query(f"{recount()} UNION ALL {recount_names()} UNION ALL {overview_counts.recount()}"
                                                                                             f" UNION ALL {overview_counts.recount_place_events()}")}


def _summed(store) -> dict:
    """The counts each pair's row holds (dyad_summary.py), as (pair, kind, value): (n, g)."""
    return {((r["a"], r["b"]), kind, v): (n, pytest.approx(g)) for r in store.query("SELECT a, b, counts FROM dyad_summaries")
            for kind, values in json.loads(r["counts"]).items() for v, (n, g) in values.items()}


def _summed_from_counts(store) -> dict:
    """The same, added up from the dyad counts of both directions of each pair."""
    sums: dict = {}
    for (kind, a, b, v), (n, g, _) in _kept(store).items():
        if kind in dyad_summary.KINDS and a and b:
            total = sums.setdefault((tuple(sorted((a, b))), kind, v), [0, 0.0])
            total[0] += n
            total[1] += g.expected
    return {k: (n, pytest.approx(g)) for k, (n, g) in sums.items() if n > 0}


def _rounded(value):
    """The value with every float rounded (sums kept at ingest add in another order)."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def _scanned(store, call):
    """What `call` answers when the store reads the events themselves, not the counts."""
    store._counts_dyads = store._counts_overview = store._sums_dyads = False
    store.__dict__.pop("_pair_totals", None)
    try:
        return call()
    finally:
        store._counts_dyads = store._counts_overview = store._sums_dyads = True
        store.__dict__.pop("_pair_totals", None)


def _articles_by_day(store, sql: str) -> dict:
    return {(r["a"], r["b"], r["day"], r["article_id"]): r["n"] for r in store.query(sql)}


def _check(store) -> None:
    assert _kept(store) == _recounted(store)
    assert _summed(store) and _summed(store) == _summed_from_counts(store)
    assert _articles_by_day(store, "SELECT a, b, day, article_id, n FROM dyad_articles") == \
        _articles_by_day(store, dyad_latest.RECOUNT)
    for a, b in (("IDN", "RUS"), ("RUS", "IDN"), ("AUS", "IDN"), ("IDN", "IDN")):
        store.__dict__.pop("_dyad_memo", None)
        counted = store.dyad(a, b)
        store.__dict__.pop("_dyad_memo", None)
        assert _rounded(counted) == _rounded(_scanned(store, lambda: store.dyad(a, b)))
        f = Filters(dyad=(a, b), limit=5)
        sides = store._actor_sides(f)  # the names that place a speaker on a side
        assert sides == _scanned(store, lambda: store._actor_sides(f))
        assert all(sides.values()) or (a, b) not in {("IDN", "RUS"), ("RUS", "IDN")}  # names on both sides
        assert store.count("events", f) == _scanned(store, lambda: store.count("events", f))
    for actor in ("IDN", "RUS", "AUS"):
        assert _rounded(store.actor(actor)) == _rounded(_scanned(store, lambda: store.actor(actor)))
    assert _rounded(store.stats()) == _rounded(_scanned(store, store.stats))
    assert _rounded(store.network(limit=300)) == _rounded(_scanned(store, lambda: store.network(limit=300)))
    assert store.places() == _scanned(store, store.places)


def test_the_counts_follow_every_write(backend) -> None:
    store = backend
    assert store.query("SELECT count(*) AS n FROM dyad_counts")[0]["n"] == 0
    original = _mirrored(indonesian_article())  # a joint act: initiated by neither side
    assert store.ingest(original) == "added"
    _check(store)
    assert store.ingest(english_article()) == "added"
    copy = original.replace(url="https://mirror.example/copy", source="copy.txt", sitename="Mirror")
    assert store.ingest(copy) == "added"  # a syndicated copy: its events are the original's, counted once
    _check(store)
    before = _kept(store)
    assert store.ingest(original) == "unchanged"  # a rerun counts nothing twice
    assert store.ingest_rows([to_rows(english_article()), to_rows(english_article())]) == ["unchanged"] * 2
    assert _kept(store) == before
    # the original updated with fewer events: its events pass to the copy, none is lost or doubled
    assert store.ingest(original.replace(text=original.text + " Tambahan.", events=original.events[:1])) == "updated"
    _check(store)
    assert store.ingest(english_article(events=english_article().events[1:])) == "updated"
    _check(store)
    assert store.dyad("IDN", "RUS")["events_total"] == len(store.events(Filters(dyad=("IDN", "RUS"))))


def test_a_failed_write_leaves_the_counts_as_they_were(backend, monkeypatch) -> None:
    store = backend
    store.ingest(indonesian_article())
    before = _kept(store)
    real = type(store)._insert
    calls = []

    def failing(self, cur, rows):
        calls.append(rows.id)
        real(self, cur, rows)  # the events are inserted and tallied, then the store refuses the article
        raise ValueError("refused")

    monkeypatch.setattr(type(store), "_insert", failing)
    with pytest.raises(RejectedArticle):
        store.ingest(english_article())
    monkeypatch.setattr(type(store), "_insert", real)
    assert calls and _kept(store) == before
    store.ingest(english_article())
    _check(store)


@pytest.mark.parametrize("backend_name", ["sqlite", "postgres"])
def test_a_store_migrated_to_the_counts_is_counted_from_its_events(backend_name, tmp_path, monkeypatch) -> None:
    from warta.store import migrations

    with older_store(backend_name, migrations.COUNTS_VERSION, tmp_path, monkeypatch) as (where, latest):
        old = open_store(where)
        old.ingest(_mirrored(indonesian_article()))
        old.ingest(english_article())
        old.close()
        latest()
        store = open_store(where)
        try:
            assert store.schema_version() == migrations.LATEST
            assert _kept(store) and _kept(store) == _recounted(store)
            _check(store)
        finally:
            store.close()
