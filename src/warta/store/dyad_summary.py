"""Each country pair's dyad counts in one row, kept at ingest: what a dyad summary reads.

`dyad_summaries` holds, per unordered pair of countries (a <= b), a JSON object
{kind: {value: [n, g]}}: the pair's events in both directions counted (n), with their Goldstein
scores summed (g), per value of each kind `dyad_counts` keeps for a summary — day, type, source
(direction), context — and the names on its sides (actor, person: n only). The dyad-count
writer (dyad_counts.Tally.flush) patches it with the same changes in the same transaction, so it
always holds the sum of the pair's `dyad_counts` rows; a value whose count falls to 0 goes.

A dyad summary then parses one row instead of reading 3,400 rows of `dyad_counts` one by one
(IDN-USA at 100,000 articles: 2,154 rows of counts and 1,269 of names, 5-7 ms of CPU, most of it
in Python under the interpreter lock, against under 1 ms).
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

GROUPED = ("day", "type", "source", "context")  # dyad_counts.KINDS: what a dyad summary groups by
KINDS = (*GROUPED, "actor", "person")
TABLE = "CREATE TABLE dyad_summaries (a TEXT NOT NULL, b TEXT NOT NULL, counts TEXT NOT NULL, PRIMARY KEY (a, b))"
_PAIR = ("CASE WHEN a <= b THEN a ELSE b END AS x, CASE WHEN a <= b THEN b ELSE a END AS y")
_SUMS = (f"SELECT {_PAIR}, kind, v, sum(n) AS n, sum(g) AS g FROM dyad_counts WHERE a <> '' AND b <> ''"
         f" AND kind IN ({', '.join(repr(k) for k in KINDS)}) GROUP BY 1, 2, 3, 4")
# The migration's fill: the counts already kept, summed per unordered pair, as each backend writes JSON.
FILL_SQLITE = ("INSERT INTO dyad_summaries (a, b, counts) SELECT x, y, json_group_object(kind, json(values_)) FROM"
               " (SELECT x, y, kind, json_group_object(v, json_array(n, g)) AS values_ FROM"
               f" ({_SUMS}) s GROUP BY x, y, kind) k GROUP BY x, y")
FILL_POSTGRES = ("INSERT INTO dyad_summaries (a, b, counts) SELECT x, y, json_object_agg(kind, values_)::text FROM"
                 " (SELECT x, y, kind, json_object_agg(v, json_build_array(n, g)) AS values_ FROM"
                 f" ({_SUMS}) s GROUP BY x, y, kind) k GROUP BY x, y")
_ADD = "INSERT INTO dyad_summaries (a, b, counts) VALUES (?, ?, '{}') ON CONFLICT (a, b) DO NOTHING"
Change = tuple[str, str, int, float]  # kind, value, n, g


def write(store: Any, cur: Any, deltas: dict[tuple[str, str, str, str], list[Any]]) -> None:
    """Patch the pairs' rows with a transaction's changes of `dyad_counts` (key: kind, a, b,
    value; change: n, g, gn), pair by pair in key order (two PostgreSQL writers then take the
    rows' locks in one order), each row read under a write lock (`store.row_lock`)."""
    pairs: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for (kind, a, b, v), (n, g, gn) in deltas.items():
        if kind in KINDS and a and b and (n or gn):
            pairs[(a, b) if a <= b else (b, a)].append((kind, v, n, g))
    for pair in sorted(pairs):
        cur.execute(store.sql(_ADD), pair)
        cur.execute(store.sql("SELECT counts FROM dyad_summaries WHERE a = ? AND b = ?" + store.row_lock), pair)
        counts = json.loads(cur.fetchone()[0])
        _patch(counts, pairs[pair])
        cur.execute(store.sql("UPDATE dyad_summaries SET counts = ? WHERE a = ? AND b = ?"),
                    (json.dumps(counts, separators=(",", ":")), *pair))


def _patch(counts: dict[str, dict[str, list[Any]]], changes: list[Change]) -> None:
    for kind, v, n, g in changes:
        values = counts.setdefault(kind, {})
        entry = values.setdefault(v, [0, 0.0])
        entry[0] += n
        entry[1] += g
        if n < 0 and entry[0] <= 0:  # as dyad_counts drops a row
            del values[v]


def read(store: Any, a: str, b: str) -> dict[str, dict[str, list[Any]]]:
    """The counts of the unordered pair (a, b): {kind: {value: [n, g]}}, empty for a pair with no event."""
    pair = (a, b) if a <= b else (b, a)
    rows = store.query("SELECT counts FROM dyad_summaries WHERE a = ? AND b = ?", pair)
    return json.loads(rows[0]["counts"]) if rows else {}


def groups(counts: dict[str, dict[str, list[Any]]]) -> dict[str, list[tuple[Any, ...]]]:
    """The pair's events counted (n) and their scores summed (g) per value (v, None for none) of
    month, day, type, source and context, as (v, n, g): what `DyadMixin._dyad_groups` gives."""
    out = {kind: [(v or None, n, g) for v, (n, g) in counts.get(kind, {}).items()] for kind in GROUPED}
    months: dict[str | None, list[Any]] = {}
    for day, (n, g) in counts.get("day", {}).items():
        total = months.setdefault(day[:7] or None, [0, 0.0])
        total[0] += n
        total[1] += g
    out["month"] = [(v, n, g) for v, (n, g) in months.items()]
    return out


def sides(counts: dict[str, dict[str, list[Any]]], a: str, b: str) -> dict[str, set[str]]:
    """Lower-cased names on each side of the pair, as `dyad_counts.sides` gives them."""
    out: dict[str, set[str]] = {a: set(), b: set()}
    for kind in ("actor", "person"):
        for v in counts.get(kind, {}):
            country, _, name = v.partition("\t")
            if country in out and name:
                out[country].add(name.lower())
    return out
