"""Versioned schema migrations for both backends.

Each migration is (version, statements); a store applies, in one transaction each, those newer
than the version it records in `warta_schema`. Never edit a released migration: add one.
The record tables share one DDL (SQLite accepts PostgreSQL's type names); the articles table
and the full-text index differ.
"""
from __future__ import annotations

from . import dyad_latest, dyad_summary, overview_counts
from .dyad_counts import KINDS, TABLE, fill

_RECORD_TABLES = [
    """CREATE TABLE events (article_id TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT, cameo TEXT, root TEXT,
       actor1_name TEXT, actor1_country TEXT, actor1_code TEXT, actor2_name TEXT, actor2_country TEXT,
       actor2_code TEXT, goldstein DOUBLE PRECISION, quad_class INTEGER, context TEXT, negated BOOLEAN,
       modality TEXT, day TEXT, evidence TEXT, ev_start INTEGER, ev_end INTEGER, trigger TEXT,
       confidence DOUBLE PRECISION, location TEXT, PRIMARY KEY (article_id, idx))""",
    """CREATE TABLE quotes (article_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT, q_start INTEGER,
       q_end INTEGER, speaker TEXT, speaker_country TEXT, direct BOOLEAN, cue TEXT, day TEXT, language TEXT,
       PRIMARY KEY (article_id, idx))""",
    """CREATE TABLE amounts (article_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT, a_start INTEGER,
       a_end INTEGER, value DOUBLE PRECISION, unit TEXT, approximate BOOLEAN, value_max DOUBLE PRECISION,
       refers_to TEXT, counted TEXT, status TEXT, day TEXT, PRIMARY KEY (article_id, idx))""",
    """CREATE TABLE entities (article_id TEXT NOT NULL, idx INTEGER NOT NULL, entity_id TEXT, name TEXT,
       type TEXT, iso3 TEXT, country TEXT, wikidata TEXT, geonames BIGINT, cameo TEXT, mentions INTEGER,
       day TEXT, PRIMARY KEY (article_id, idx))""",
    "CREATE INDEX events_dyad ON events (actor1_country, actor2_country, day)",
    "CREATE INDEX events_dyad_rev ON events (actor2_country, actor1_country, day)",
    "CREATE INDEX events_type ON events (type, day)",
    "CREATE INDEX events_day ON events (day)",
    "CREATE INDEX quotes_speaker ON quotes (speaker)",
    "CREATE INDEX quotes_day ON quotes (day)",
    "CREATE INDEX amounts_day ON amounts (day)",
    "CREATE INDEX entities_name ON entities (name, type)",
    "CREATE INDEX entities_type ON entities (type)",
]

_ARTICLES = """CREATE TABLE articles (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
    source TEXT, url TEXT, title TEXT, language TEXT, published TEXT, day TEXT, sitename TEXT, author TEXT,
    text TEXT, n_entities INTEGER, n_quotes INTEGER, n_amounts INTEGER, n_events INTEGER,
    tone DOUBLE PRECISION, json {json_type} NOT NULL{extra})"""

# 3: read speed and cache keys. The dyad index covers what the dyad and actor summaries read (an
# actor's totals scan it instead of the much wider table) and is ordered newest first like the
# event lists (day DESC; NULL days come last in both backends), so "the 50 latest events of
# IDN-RUS" merges two index ranges and stops; entities by article serve "people of a dyad's
# articles"; warta_writes counts write transactions (see SqlStore.data_version).
_DYAD_COLUMNS = "actor1_country, actor2_country, day DESC{nulls}, article_id, idx, type, cameo, goldstein, context, " \
                "actor1_name, actor2_name, actor1_code, actor2_code"
_V3 = ["DROP INDEX events_dyad", "CREATE INDEX events_dyad ON events ({columns})",
       "CREATE INDEX entities_article ON entities (article_id, type, iso3, name)",
       "CREATE TABLE warta_writes (n BIGINT NOT NULL)", "INSERT INTO warta_writes VALUES (0)"]

# 4: one event once. Events get their stated date, its granularity and source, `mutual`, the key
# copies share, the article's own mention count and the counts over a cluster of syndicated
# copies; a copy's events are kept in event_copies (not counted). Articles get their ingest time,
# MinHash signature and cluster; article_bands is the LSH index of signatures (store/merge.py).
_V4_EVENT_COLUMNS = ("date TEXT", "date_granularity TEXT", "date_source TEXT", "mutual BOOLEAN", "ekey TEXT",
                     "mentions INTEGER", "cluster TEXT", "num_mentions INTEGER", "num_articles INTEGER",
                     "num_sources INTEGER")
_V4 = [*(f"ALTER TABLE events ADD COLUMN {c}" for c in _V4_EVENT_COLUMNS),
       "ALTER TABLE articles ADD COLUMN ingested TEXT", "ALTER TABLE articles ADD COLUMN cluster TEXT",
       "ALTER TABLE articles ADD COLUMN signature {blob}",
       "CREATE INDEX events_cluster ON events (cluster, ekey)",
       """CREATE TABLE event_copies (article_id TEXT NOT NULL, idx INTEGER NOT NULL, cluster TEXT NOT NULL,
          ekey TEXT NOT NULL, mentions INTEGER, PRIMARY KEY (article_id, idx))""",
       "CREATE INDEX event_copies_key ON event_copies (cluster, ekey)",
       "CREATE TABLE article_bands (band TEXT NOT NULL, article_id TEXT NOT NULL)",
       "CREATE INDEX article_bands_band ON article_bands (band)",
       "CREATE INDEX article_bands_article ON article_bands (article_id)"]

# 5: the dyad index also covers `mutual`, so the summary counts a joint act as initiated by
# neither side without reading the table.
_V5 = ["DROP INDEX events_dyad", "CREATE INDEX events_dyad ON events ({columns}, mutual)"]

# 6: dyad counts kept at ingest (store/dyad_counts.py), filled from the events already stored.
_V6 = [TABLE, fill(KINDS)]

# 7: an actor's latest events: each side's range of events newest first, so "the 50 latest
# events of IDN" merges two index ranges and stops (it used to collect and sort 40,000 events);
# the dyad counts also count each pair's events per article (their quotes, amounts and people),
# and its actors' and people's names (a dyad summary's sides).
_V7 = [*(f"CREATE INDEX events_actor{n} ON events (actor{n}_country, day DESC{{nulls}}, article_id, idx)"
         for n in (1, 2)), fill(("article",)), fill(("names",))]

# 8: an amount stated in the headline only (`Amount.in_title`: its offsets count into the title);
# the amounts stored before were all read from the body, which the default says.
_V8 = ["ALTER TABLE amounts ADD COLUMN in_title BOOLEAN NOT NULL DEFAULT FALSE"]

# 9: the overview's counts kept at ingest (store/overview_counts.py: the tables' rows, languages,
# days, the network's edges and the places), filled from what is stored.
_V9 = [overview_counts.fill()]

# 10: quotes and amounts in the listings' order (newest first, then by article and position), so
# walking them newest first (a common pair's: queries.py) reads the index alone, looking each
# one's article up, and fetches only the rows it keeps, unsorted.
_V10 = [f"CREATE INDEX {t}_latest ON {t} (day DESC{{nulls}}, article_id, idx)" for t in ("quotes", "amounts")]

# 11: each dyad's articles by day, kept at ingest (store/dyad_latest.py): a dyad's newest quotes
# and amounts are those of its newest articles.
_V11 = [dyad_latest.TABLE, dyad_latest.INDEX, dyad_latest.FILL]

# 12: each pair's dyad counts summed in one row, kept at ingest (store/dyad_summary.py), filled
# from the counts already kept.
_V12 = [dyad_summary.TABLE]

# 13: the events of the articles naming each place, kept at ingest (overview_counts.py): the map
# sizes a place by them.
_V13 = ["INSERT INTO dyad_counts (kind, a, b, v, n, g, gn) " + overview_counts.recount_place_events()]

SQLITE: list[tuple[int, list[str]]] = [
    (1, [_ARTICLES.format(json_type="TEXT", extra=""), "CREATE INDEX articles_day ON articles (day)",
         *_RECORD_TABLES,
         # porter stems English; the id_stem column holds Sastrawi stems of Indonesian text.
         ("CREATE VIRTUAL TABLE article_fts USING fts5(title, body, id_stem, article_id UNINDEXED,"
          " tokenize = 'porter unicode61 remove_diacritics 2')")]),
    (2, ["CREATE TABLE embeddings (article_id TEXT PRIMARY KEY, model TEXT NOT NULL, vector BLOB NOT NULL)"]),
    (3, [q.format(columns=_DYAD_COLUMNS.format(nulls="")) for q in _V3]),
    (4, [q.format(blob="BLOB") for q in _V4]),
    (5, [q.format(columns=_DYAD_COLUMNS.format(nulls="")) for q in _V5]),
    (6, _V6),
    (7, [q.format(nulls="") for q in _V7]),
    (8, _V8),
    (9, _V9),
    (10, [q.format(nulls="") for q in _V10]),
    (11, _V11),
    (12, [*_V12, dyad_summary.FILL_SQLITE]),
    (13, _V13),
]

POSTGRES: list[tuple[int, list[str]]] = [
    (1, [_ARTICLES.format(json_type="JSONB", extra=", tsv TSVECTOR"),
         "CREATE INDEX articles_day ON articles (day)", "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
         "CREATE INDEX articles_json ON articles USING GIN (json jsonb_path_ops)", *_RECORD_TABLES]),
    (2, ["CREATE TABLE embeddings (article_id TEXT PRIMARY KEY, model TEXT NOT NULL, vector BYTEA NOT NULL)"]),
    (3, [q.format(columns=_DYAD_COLUMNS.format(nulls=" NULLS LAST")) for q in _V3]),
    (4, [q.format(blob="BYTEA") for q in _V4]),
    (5, [q.format(columns=_DYAD_COLUMNS.format(nulls=" NULLS LAST")) for q in _V5]),
    (6, _V6),
    (7, [q.format(nulls=" NULLS LAST") for q in _V7]),
    (8, _V8),
    (9, _V9),
    (10, [q.format(nulls=" NULLS LAST") for q in _V10]),
    (11, _V11),
    (12, [*_V12, dyad_summary.FILL_POSTGRES]),
    (13, _V13),
]

LATEST = max(v for v, _ in SQLITE)
WRITES_VERSION = 3  # the first version with warta_writes
MERGE_VERSION = 4  # the first version counting one event once (clusters, event_copies)
COUNTS_VERSION = 6  # the first version keeping dyad counts
OVERVIEW_VERSION = 9  # the first version keeping the overview's counts
DATED_VERSION = 11  # the first version keeping the dyads' articles by day
SUMMARY_VERSION = 12  # the first version keeping each pair's counts in one row
PLACE_EVENTS_VERSION = 13  # the first version keeping the events of each place's articles
OLD_EVENT_COLUMNS = 23  # the events columns before version 4
TITLE_VERSION = 8  # the first version storing `in_title`
OLD_AMOUNT_COLUMNS = 13  # the amounts columns before version 8
