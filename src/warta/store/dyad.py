"""The dyad summary: everything about the relations of two countries, read in one snapshot.

The summary of (A, B) and of (B, A) differ only in which country is named first (and so which
side a speaker both sides could claim is given to), so the store computes the parts once per
unordered pair, filters and data version, keeps the last few, and orients them per request.
"""
from __future__ import annotations

from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from . import dyad_counts, dyad_summary
from .dyad_memo import Memo, Packed
from .filters import Filters
from .where import events_where, render

# The amounts a dyad answer reads, newest first; its totals are theirs (`totals_over`, `complete`).
AMOUNTS_READ = 200


class DyadMixin:
    """`dyad(a, b)`; needs `_rows`, `snapshot`, `events`, `quotes` and `amounts`."""

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def snapshot(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def dyad(self, a: str, b: str, *, filters: Filters | None = None) -> dict[str, Any]:
        """Everything about the relations of two countries: counts by month, type and context,
        the Goldstein sum, amounts (promised vs realised), quotes of each side, latest events."""
        base = filters or Filters(limit=50)
        pair = (a.upper(), b.upper())
        f = replace(base, dyad=tuple(sorted(pair)), offset=0)  # every other filter kept
        with self.snapshot():  # every part of the summary from one state of the store
            version = self._snapshot_version()
            memo: Memo = self.__dict__.setdefault("_dyad_memo", Memo())
            parts = memo.get((f, version)) if version is not None else None
            if parts is None:
                parts = self._dyad_parts(f)
                if version is not None:
                    memo.put((f, version), parts)
        # Rows made anew (the groups made rows here, the records unpacked, once per answer): the
        # caller may change what it gets, the memo must not see it.
        summary = {k: _rows(k, v) if isinstance(v, list) else v for k, v in parts["summary"].items()}
        kept = parts["amounts"]
        amounts = {"items": kept["items"].rows(), "totals": [dict(x) for x in kept["totals"]],
                   "totals_over": kept["totals_over"], "complete": kept["complete"]}
        quotes = parts["quotes"].rows()
        sided = parts["sided"]  # each orientation's speakers' sides, found once (a search of hundreds of names)
        if pair not in sided:
            sided[pair] = _sides(quotes, parts["sides"], pair)
        for quote, side in zip(quotes, sided[pair]):
            quote["side"] = side
        return {"a": pair[0], "b": pair[1], **summary, "amounts": amounts, "quotes": quotes,
                "events": parts["events"].rows()}

    def _snapshot_version(self) -> int | None:
        """The data version of the open snapshot (None for a store that does not count writes)."""
        if not getattr(self, "_counts_writes", False):
            return None
        return int(self._rows("SELECT n FROM warta_writes")[0]["n"])

    def _dyad_parts(self, f: Filters) -> dict[str, Any]:
        """The summary of the unordered pair `f.dyad`, in no particular orientation."""
        # The pair's counts in one row (dyad_summary.py), where the store keeps them: the groups
        # without other filters, and the sides' names whatever the filters.
        counts = dyad_summary.read(self, *f.dyad) if getattr(self, "_sums_dyads", False) else None  # type: ignore[misc]
        plain = counts is not None and dyad_counts.plain(replace(f, limit=0))
        groups = dyad_summary.groups(counts) if plain else self._dyad_groups(f)  # type: ignore[arg-type]
        contexts: Counter[str] = Counter()
        for v, n, _ in groups["context"]:
            for c in filter(None, (v or "").split(",")):
                contexts[c] += n
        # Groups kept as (value, n, Goldstein sum), sorted; `dyad` makes them rows (_ROW_KEYS).
        summary = {"events_total": sum(n for _, n, _ in groups["type"]),
                   "goldstein_sum": sum(g or 0.0 for _, _, g in groups["type"]),
                   "by_month": _group(groups["month"], by_key=True),
                   # Days for a time axis at any granularity; "2025" or "2025-06" alone is no day.
                   "by_day": _group([x for x in groups["day"] if x[0] and len(x[0]) == 10], by_key=True),
                   "undated": sum(n for v, n, _ in groups["day"] if not v or len(v) != 10),
                   "by_type": _group(groups["type"]),
                   "by_direction": _group(groups["source"], by_key=True),
                   "by_context": sorted(contexts.items(), key=_by_count)}
        quotes = self.quotes(Filters(dyad=f.dyad, since=f.since, until=f.until, limit=40))  # type: ignore[attr-defined]
        # The sides' names are needed only for speakers without one of the two countries.
        unplaced = any(r.get("speaker") and r.get("speaker_country") not in f.dyad for r in quotes)  # type: ignore[operator]
        sides = {} if not unplaced else self._actor_sides(f) if counts is None else dyad_summary.sides(counts, *f.dyad)  # type: ignore[misc]
        amounts = self._dyad_amounts(f)
        return {"summary": summary, "amounts": {**amounts, "items": Packed(amounts["items"])},
                "quotes": Packed(quotes), "sides": sides, "sided": {},
                "events": Packed(self.events(f))}  # type: ignore[attr-defined]

    def _dyad_groups(self, f: Filters) -> dict[str, list[tuple[Any, ...]]]:
        """The dyad's events counted (n) and their Goldstein scores summed (g) per value (v) as (v, n, g), of
        month, day, type, source (direction) and context list: one read of the covering dyad index,
        grouped four ways in SQL, so only the groups travel to Python. Without other filters, the
        counts kept at ingest (dyad_counts.py) give them in a few hundred rows."""
        if getattr(self, "_counts_dyads", False) and dyad_counts.plain(replace(f, limit=0)):
            return dyad_counts.dyad_groups(self, *f.dyad)  # type: ignore[misc]
        join = " JOIN articles a ON a.id = e.article_id" if f.language else ""
        # a joint act (mutual) is initiated by neither side: its source is null ("both")
        source_sql = "CASE WHEN e.mutual THEN NULL ELSE e.actor1_country END" if getattr(self, "_merges", True) \
            else "e.actor1_country"
        sql, params = directed(f, "SELECT NULLIF(substr(e.day, 1, 7), '') AS month, e.day, e.type,"
                                  f" {source_sql} AS source, e.context, e.goldstein FROM events e{join}")
        kinds = ("month", "day", "type", "source", "context")
        rows = self._rows(f"WITH d AS MATERIALIZED ({sql}) " + " UNION ALL ".join(
            f"SELECT '{k}' AS k, {k} AS v, count(*) AS n, sum(goldstein) AS g FROM d GROUP BY {k}" for k in kinds),
            params)
        groups: dict[str, list[tuple[Any, ...]]] = {k: [] for k in kinds}
        for r in rows:
            groups[r["k"]].append((r["v"], r["n"], r["g"]))
        return groups

    def _dyad_amounts(self, f: Filters) -> dict[str, Any]:
        """The pair's newest AMOUNTS_READ amounts and their totals, saying how many amounts the totals
        cover and whether that is all of the pair's (one row more read tells): a large pair's totals
        are those of its newest amounts only, and the answer must not present them as all of them."""
        rows = self.amounts(Filters(dyad=f.dyad, since=f.since, until=f.until, limit=AMOUNTS_READ + 1))  # type: ignore[attr-defined]
        complete = len(rows) <= AMOUNTS_READ
        rows = rows[:AMOUNTS_READ]
        return {"items": rows, "totals": amount_totals(rows), "totals_over": len(rows), "complete": complete}

    def _actor_sides(self, f: Filters) -> dict[str, set[str]]:
        """Lower-cased names on each side: event actors, and people the entity stage gave a country."""
        if getattr(self, "_counts_dyads", False):  # kept at ingest
            return dyad_counts.sides(self, *f.dyad)  # type: ignore[misc]
        clauses, params = events_where(Filters(dyad=f.dyad, limit=0))
        sides: dict[str, set[str]] = {code: set() for code in f.dyad}  # type: ignore[union-attr]
        names = " UNION ".join(f"SELECT e.actor{n}_name AS name, e.actor{n}_country AS country FROM events e"
                               + render(clauses) for n in (1, 2))
        for r in self._rows(names, params * 2):
            if r["country"] in sides and r["name"]:
                sides[r["country"]].add(r["name"].lower())
        articles, ids = dyad_counts.articles_sql(*f.dyad)  # type: ignore[misc]
        people = self._rows("SELECT DISTINCT n.name, n.iso3 FROM entities n WHERE n.type = 'PERSON' AND n.iso3 IN (?, ?)"
                            f" AND n.article_id IN ({articles})", [*f.dyad, *ids])  # type: ignore[misc]
        for r in people:
            sides[r["iso3"]].add(r["name"].lower())
        return sides


def amount_totals(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sums over like with like only: money per currency and status, counts per counted thing and
    status; never percentages (a sum of shares means nothing), never a count of nothing named. An
    amount an article repeats (same value, unit and thing) counts once for it."""
    totals: dict[tuple[str, str, str], float] = {}
    seen: set[tuple[Any, ...]] = set()
    for r in rows:
        unit, counted = r["unit"], (r.get("counted") or "").strip().lower()
        if unit == "percent" or r["value"] is None or (unit == "count" and not counted):
            continue
        once = (r["article_id"], unit, r["value"], counted)
        if once in seen:
            continue
        seen.add(once)
        key = (unit, r["status"] or "unknown", counted if unit == "count" else "")
        totals[key] = totals.get(key, 0.0) + r["value"]
    return [{"unit": u, "status": s, **({"counted": c} if c else {}), "value": v}
            for (u, s, c), v in sorted(totals.items())]


def _sides(quotes: list[dict[str, Any]], sides: dict[str, set[str]], pair: tuple[str, str]) -> list[str | None]:
    """The side each quote's speaker belongs to: their own country if it is one of the pair,
    else the first side, in the order asked for, naming them (the one containing the other)."""
    order = [(side, sides[side], "\n".join(sides[side])) for side in dict.fromkeys(pair) if side in sides]
    found: dict[str, str | None] = {}
    out: list[str | None] = []
    for r in quotes:
        country, name = r.get("speaker_country"), (r.get("speaker") or "").lower()
        if country in pair or not name:
            side = country if country in pair else None
        elif name in found:
            side = found[name]
        else:  # "name in n" for some n is one search of the names joined (a name holds no newline)
            side = found[name] = next((s for s, names, joined in order
                                       if name in joined or any(n in name for n in names)), None)
        out.append(side)
    return out


def directed(f: Filters, select: str) -> tuple[str, list[Any]]:
    """`select` (over events `e`) for the events of `f.dyad` in each direction, as a UNION ALL:
    each branch is one range of the dyad index (a plain OR makes SQLite collect and re-read rows)."""
    assert f.dyad is not None
    clauses, params = events_where(replace(f, dyad=None))
    a, b = f.dyad[0].upper(), f.dyad[1].upper()
    parts, out = [], []
    for x, y in [(a, b)] if a == b else [(a, b), (b, a)]:
        parts.append(select + render([*clauses, "e.actor1_country = ? AND e.actor2_country = ?"]))
        out += [*params, x, y]
    return " UNION ALL ".join(parts), out


def either_side(f: Filters, select: str) -> tuple[str, list[Any]]:
    """`select` (over events `e`) for the events of the country `f.actor` on either side, as a
    UNION ALL of each side's index range (an event with the country on both sides once)."""
    assert f.actor is not None
    clauses, params = events_where(replace(f, actor=None))
    code = f.actor.upper()
    first = select + render([*clauses, "e.actor1_country = ?"])
    second = select + render([*clauses, "e.actor2_country = ? AND (e.actor1_country IS NULL OR e.actor1_country <> ?)"])
    return f"{first} UNION ALL {second}", [*params, code, *params, code, code]


def _group(groups: list[tuple[Any, ...]], *, by_key: bool = False) -> list[tuple[Any, ...]]:
    """Groups (v, n, g), g 0 for none; ordered by value (none last), or by count then value."""
    order = sorted(groups, key=lambda r: (r[0] is None, r[0] or "") if by_key else (-r[1], r[0] or ""))
    return [(v, n, g or 0.0) for v, n, g in order]


# The summary's groups as rows: the key of each group's value (then "n" and, but for contexts, "goldstein").
_ROW_KEYS = {"by_month": "month", "by_day": "day", "by_type": "type", "by_direction": "source", "by_context": "context"}


def _rows(part: str, groups: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    key = _ROW_KEYS[part]
    if part == "by_context":
        return [{key: v, "n": n} for v, n in groups]
    return [{key: v, "n": n, "goldstein": g} for v, n, g in groups]


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
