"""Event totals per (actor1 country, actor2 country, type), computed once per version of the store.

The actor summary of a country and the actor network both group every event by its countries:
each of them used to scan the events table (an actor's 120 ms at 10,000 articles, and the twenty
countries of the dashboard one after another on a cold cache). The totals are one pass over the
covering dyad index, kept until the store's data version changes (every write changes it), and
every country's summary and the network are read from them.
"""
from __future__ import annotations

import threading
from collections import Counter
from typing import Any

_LOCK = threading.Lock()


def pair_totals(store: Any) -> list[dict[str, Any]]:
    """Rows (a, b, type, n, g, gn): events, Goldstein sum and scored events per pair and type, for
    the state of the store the caller's snapshot sees."""
    version = store._snapshot_version()  # noqa: SLF001 (the store's own mixin: see DyadMixin)
    with _LOCK:
        kept = store.__dict__.get("_pair_totals")
    if kept is not None and version is not None and kept[0] == version:
        return kept[1]
    if getattr(store, "_counts_dyads", False):  # kept at ingest: a few hundred rows to read
        from .dyad_counts import pair_totals as counted

        rows = counted(store)
    else:
        rows = store._rows(  # noqa: SLF001
            "SELECT actor1_country AS a, actor2_country AS b, type, count(*) AS n, sum(goldstein) AS g,"
            " count(goldstein) AS gn FROM events GROUP BY actor1_country, actor2_country, type")
    if version is not None:
        with _LOCK:
            store.__dict__["_pair_totals"] = (version, rows)
    return rows


def is_country_code(actor: str) -> bool:
    """An actor given as the ISO3 code of a country the knowledge base knows (its summary is read
    from the totals); "Ali" or "UNO" are not."""
    if not (len(actor) == 3 and actor.isascii() and actor.isalpha()):
        return False
    from .gdelt import load_country

    return load_country(actor.upper())


def country_groups(totals: list[dict[str, Any]], code: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The partners (n, Goldstein sum) and event types of country `code`, from the totals."""
    code = code.upper()
    partners: dict[Any, dict[str, Any]] = {}
    types: Counter[Any] = Counter()
    for r in totals:
        if r["a"] != code and r["b"] != code:
            continue
        types[r["type"]] += r["n"]
        if r["a"] == r["b"]:  # its own events (IDN's ministry and IDN's army): no partner
            continue
        partner = r["b"] if r["a"] == code else r["a"]
        p = partners.setdefault(partner, {"partner": partner, "n": 0, "goldstein": None})
        p["n"] += r["n"]
        if r["gn"]:
            p["goldstein"] = (p["goldstein"] or 0.0) + r["g"]
    ranked = sorted(partners.values(), key=lambda p: (-p["n"], p["partner"] or ""))[:30]
    return ranked, [{"type": t, "n": n} for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0] or ""))]


def network_edges(totals: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Directed edges between two different countries: events and mean Goldstein score, most first."""
    edges: dict[tuple[str, str], list[float]] = {}
    for r in totals:
        if r["a"] is None or r["b"] is None or r["a"] == r["b"]:
            continue
        edge = edges.setdefault((r["a"], r["b"]), [0, 0.0, 0])
        edge[0] += r["n"]
        edge[1] += r["g"] or 0.0
        edge[2] += r["gn"]
    rows = [{"source": a, "target": b, "n": int(n), "goldstein": g / gn if gn else None}
            for (a, b), (n, g, gn) in edges.items()]
    return sorted(rows, key=lambda e: (-e["n"], e["source"], e["target"]))[:limit]


def event_types(totals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per type, most first."""
    types: Counter[Any] = Counter()
    for r in totals:
        types[r["type"]] += r["n"]
    return [{"type": t, "n": n} for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0] or ""))]
