#!/usr/bin/env python3
"""The figures of issue 16 ("records an analyst can count") on a fresh store of the 200 corpus
articles: the 171 Indonesian texts of ../shared/corpus/id/articles ingested with their
index.jsonl and the 29 English pages of ../shared/corpus/en/pages/*.html.

Usage:
  python benchmarks/records_check.py [--db FILE] [--shared DIR] [--misses]

Without --db a fresh store is built in a temporary folder (`warta ingest`, as a user would);
with --db an existing store is read. Prints one figure a line, `name=value detail`, and what
the issue asks of it:

- events_dated: share of events with a date (>= 0.95);
- events_before_2000_id_june2025: events before 2000 in Indonesian articles published in
  June 2025 (0);
- events_year_before_published: events dated more than a year before their article's
  publication (0 unless the event's own clause says so: their clause-dated share is printed, and
  --misses lists them to read);
- mirror_pairs: events of one sentence read both ways (A->B and B->A, same code) (0);
- syndicated_num_articles: NumArticles of the event of a copy ingested twice under two URLs (2);
- dyad_total_mixed: dyad amount totals over percentages or counts of unnamed things (0);
- gdelt_igo_type: share of IGO actors with Type1Code IGO (1.0);
- gdelt_actiongeo: share of rows with a located event with ActionGeo lat/lon and country (>= 0.90);
- gdelt_sourceurl: share of rows of articles with a URL whose SOURCEURL is that URL (1.0);
- places_located: share of place entities (each place of one country an article names: cities,
  provinces, islands, sites, countries) geocoded as /api/places does with coordinates and a
  country (>= 0.90);
- regions_located: share of REGION entities (regions of several countries: continents, world
  regions, seas, straits; they have no country by contract) geocoded with coordinates (their centre).
"""
from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SHARED = os.environ.get("WARTA_SHARED") or os.path.join(HERE, "..", "..", "shared")


def inputs(shared: str) -> list[str]:
    """The 200 corpus articles: the Indonesian folder (its index.jsonl is metadata) and the English pages."""
    return [os.path.join(shared, "corpus", "id", "articles"),
            *sorted(glob.glob(os.path.join(shared, "corpus", "en", "pages", "*.html")))]


def ingest(db: str, paths: list[str]) -> None:
    """`warta ingest` as a user runs it (a failing input is reported by warta and not fatal here)."""
    subprocess.run(["warta", "ingest", *paths, "--db", db], check=False, stdout=subprocess.DEVNULL)


def figure(name: str, value: float | int, detail: str = "") -> None:
    shown = f"{value:.3f}" if isinstance(value, float) else str(value)
    print(f"{name}={shown}" + (f" {detail}" if detail else ""))


def share(name: str, hits: int, total: int) -> None:
    figure(name, hits / total if total else 0.0, f"({hits}/{total})")


def dated(store: Any, misses: bool) -> None:
    events = store.query("SELECT e.day, e.date, e.date_source, e.evidence, a.published, a.language"
                         " FROM events e JOIN articles a ON a.id = e.article_id")
    share("events_dated", sum(1 for e in events if e["day"]), len(events))
    early = [e for e in events if e["language"] == "id" and (e["published"] or "").startswith("2025-06")
             and e["day"] and e["day"] < "2000"]
    figure("events_before_2000_id_june2025", len(early))
    old = [e for e in events if _years_before(e["day"], e["published"])]
    figure("events_year_before_published", len(old),
           f"(clause-dated {sum(1 for e in old if e['date_source'] == 'clause')})")
    if misses:
        for e in early + old:
            print(f"  {e['date']} pub {e['published']}: {e['evidence'][:160]}", file=sys.stderr)


def _years_before(day: str | None, published: str | None) -> bool:
    try:
        when, pub = dt.date.fromisoformat(day or ""), dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return False
    return (pub - when).days > 366


def mirror_pairs(store: Any) -> None:
    rows = store.query("SELECT article_id, ev_start, cameo, actor1_name, actor2_name FROM events"
                       " WHERE actor2_name IS NOT NULL AND NOT negated")
    seen = {(r["article_id"], r["ev_start"], r["cameo"], r["actor1_name"], r["actor2_name"]) for r in rows}
    pairs = sum(1 for (a, s, c, x, y) in seen if x < y and (a, s, c, y, x) in seen)
    figure("mirror_pairs", pairs)


def syndicated(shared: str, folder: str) -> None:
    """One Indonesian article with events, written twice under two URLs into a store of its own."""
    index = os.path.join(shared, "corpus", "id", "articles", "index.jsonl")
    with open(index, encoding="utf-8") as f:
        meta = [json.loads(line) for line in f if line.strip()]
    path = os.path.join(folder, "copies.jsonl")
    text = open(os.path.join(os.path.dirname(index), meta[1]["file"]), encoding="utf-8").read()
    with open(path, "w", encoding="utf-8") as out:
        for n, site in enumerate(("https://one.example/a", "https://two.example/b")):
            out.write(json.dumps({"url": site, "title": meta[1]["title"], "text": text, "date": meta[1]["date"],
                                  "outlet": f"outlet{n}"}) + "\n")
    db = os.path.join(folder, "copies.db")
    ingest(db, [path])
    from warta.store import open_store

    store = open_store(db)
    rows = store.query("SELECT max(num_articles) AS n, count(*) AS events FROM events")
    figure("syndicated_num_articles", int(rows[0]["n"] or 0), f"(events {rows[0]['events']})")


def dyad_totals(store: Any) -> None:
    pairs = store.query("SELECT DISTINCT actor1_country AS a, actor2_country AS b FROM events"
                        " WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL AND actor1_country < actor2_country")
    mixed = total = 0
    for p in pairs:
        for t in store.dyad(p["a"], p["b"])["amounts"]["totals"]:
            total += 1
            mixed += t["unit"] == "percent" or (t["unit"] == "count" and not t.get("counted"))
    figure("dyad_total_mixed", mixed, f"(of {total} totals over {len(pairs)} dyads)")


def gdelt(store: Any, misses: bool) -> None:
    from warta.store.export import GDELT_EVENTS
    from warta.store.export import rows as table_rows
    from warta.store.gdelt import EVENT_COLUMNS, event_record

    col = {c: i for i, c in enumerate(EVENT_COLUMNS)}
    igo = igo_ok = located = geo_ok = wide = with_url = url_ok = 0
    for e in table_rows(store, "events", GDELT_EVENTS):
        rec = event_record(e)
        if rec is None:
            continue
        for side in ("Actor1", "Actor2"):
            if rec[col[f"{side}Code"]].startswith("IGO"):
                igo += 1
                igo_ok += rec[col[f"{side}Type1Code"]] == "IGO"
        if e.get("location"):
            located += 1
            ok = all(rec[col[f"ActionGeo_{c}"]] for c in ("Lat", "Long", "CountryCode"))
            geo_ok += ok
            wide += not ok and bool(rec[col["ActionGeo_Lat"]])  # placed, but in several countries
            if misses and not ok:
                print(f"  ActionGeo miss: {e['location']!r} -> {rec[col['ActionGeo_FullName']]!r}", file=sys.stderr)
        if e.get("url"):
            with_url += 1
            url_ok += rec[col["SOURCEURL"]] == e["url"]
    share("gdelt_igo_type", igo_ok, igo)
    figure("gdelt_actiongeo", geo_ok / located if located else 0.0,
           f"({geo_ok}/{located}; of the misses {wide} are regions of several countries)")
    share("gdelt_sourceurl", url_ok, with_url)


def places(store: Any, misses: bool) -> None:
    """Each place entity of each article, geocoded as /api/places does (its distinct names in brackets);
    a REGION (of several countries) has no country to have and is counted apart, by its coordinates."""
    from warta.store.places import locate

    rows = store.query("SELECT name, type, iso3, country, geonames FROM entities WHERE type IN"
                       " ('PLACE', 'COUNTRY', 'CITY', 'GPE', 'LOC', 'FAC', 'REGION')")
    ok, wide, missed = Counter(), 0, Counter()
    for r in rows:
        place = locate(r["name"], iso3=r["iso3"] or r["country"], geonames=r["geonames"],
                       countries=[r["country"]] if r["country"] else ())
        kind = "region" if r["type"] == "REGION" else "place"
        if place is not None and place.lat is not None and (kind == "region" or r["country"] or place.iso3):
            ok[kind] += 1
        else:
            wide += kind == "place" and place is not None and place.lat is not None  # placed, no country
            missed[(kind, r["name"])] += 1
    listed = store.places()
    named = sum(1 for r in listed if r["lat"] is not None and r["country"])
    regions = sum(1 for r in rows if r["type"] == "REGION")
    total = len(rows) - regions
    figure("places_located", ok["place"] / total if total else 0.0,
           f"({ok['place']}/{total}; names {named}/{len(listed)}; of the misses {wide} are placed without a country)")
    share("regions_located", ok["region"], regions)
    if misses:
        for (kind, name), n in missed.most_common():
            print(f"  {kind} miss: {name!r} x{n}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="an existing store to read instead of building a fresh one")
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--misses", action="store_true", help="list what misses each figure on stderr")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or os.path.join(folder, "records.db")
        if not args.db:
            ingest(db, inputs(args.shared))
        from warta.store import open_store

        store = open_store(db, create=False)
        for check in (dated, gdelt, places):
            check(store, args.misses)
        mirror_pairs(store)
        dyad_totals(store)
        syndicated(args.shared, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
