"""`warta export`: the store as JSON Lines (whole articles), CSV or Parquet (one record table),
or GDELT 2.0 Events / Mentions / GKG-like tab-separated files."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import ConfigError
from .gdelt import EVENT_COLUMNS, GKG_COLUMNS, event_record, gkg_record, mention_records

TABLES = {"events": "SELECT e.*, a.url, a.source, a.tone, a.language, a.ingested FROM events e JOIN articles a ON a.id = e.article_id"
                    " ORDER BY e.article_id, e.idx",
          "quotes": "SELECT q.*, a.url FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.article_id, q.idx",
          "amounts": "SELECT m.*, a.url FROM amounts m JOIN articles a ON a.id = m.article_id ORDER BY m.article_id, m.idx",
          "entities": "SELECT n.* FROM entities n ORDER BY n.article_id, n.idx",
          "articles": "SELECT id, key, source, url, title, language, published, day, sitename, author, n_entities,"
                      " n_quotes, n_amounts, n_events, tone FROM articles ORDER BY id"}
PAGE = 2000  # rows fetched at a time, so a large store is never held in memory whole
# the GDELT export's events, with the country and GeoNames id of the place entity each is located
# at (a site the text puts in a city has the city's: entities/within.py)
_LOCATION = ("(SELECT max(p.{column}) FROM entities p WHERE p.article_id = e.article_id AND p.name = e.location)"
             " AS location_{column}")
GDELT_EVENTS = TABLES["events"].replace(
    " FROM events e", ", " + ", ".join(_LOCATION.format(column=c) for c in ("country", "geonames")) + " FROM events e", 1)


def rows(store: Any, table: str, query: str | None = None) -> Iterator[dict[str, Any]]:
    """Every row of a record table (or of `query` over it), in a stable order, page by page."""
    if table not in TABLES:
        raise ConfigError(f"--table {table}", f"choose one of {', '.join(TABLES)}")
    offset = 0
    while True:
        page = store.query((query or TABLES[table]) + " LIMIT ? OFFSET ?", [PAGE, offset])
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def article_ids(store: Any) -> Iterator[str]:
    for row in rows(store, "articles"):
        yield row["id"]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how it writes the store, and what it counts."""

    name: str
    write: Callable[[Any, IO[str] | None, str | None, str], int]  # (store, out, path, table) -> records
    help: str
    counts: str = "records"  # what the closing line counts: records or articles
    writes_file: bool = False  # writes --out itself (a binary format) instead of text to `out`


FORMATS: dict[str, ExportFormat] = {}


def export_format(name: str, help: str, **options: Any) -> Callable:
    """Decorator: register a writer under `name` (the CLI's --format choices come from here)."""
    def add(write: Callable[[Any, IO[str] | None, str | None, str], int]) -> Callable:
        if name in FORMATS:
            raise ConfigError(f"export format {name}", "already registered")
        FORMATS[name] = ExportFormat(name, write, help, **options)
        return write
    return add


def export(store: Any, *, fmt: str, out: IO[str] | None, path: str | None = None, table: str = "events") -> int:
    """Write the export; returns how many records were written. Every page is read in one snapshot
    of the store, so an export taken while an ingest writes neither repeats nor skips a row."""
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt}", f"choose one of {', '.join(FORMATS)}")
    snapshot = getattr(store, "snapshot", None)
    if snapshot is None:
        return FORMATS[fmt].write(store, out, path, table)
    with snapshot():
        return FORMATS[fmt].write(store, out, path, table)


@export_format("jsonl", "whole articles, one JSON object a line", counts="articles")
def _jsonl(store: Any, out: IO[str] | None, path: str | None, table: str) -> int:
    return _write_lines(out, (store.article(i).to_json() for i in article_ids(store)))


@export_format("csv", "one record table (--table)")
def _csv(store: Any, out: IO[str] | None, path: str | None, table: str) -> int:
    return _write_csv(out, rows(store, table))


@export_format("parquet", "one record table (--table), to --out", writes_file=True)
def _parquet(store: Any, out: IO[str] | None, path: str | None, table: str) -> int:
    return _write_parquet(path, rows(store, table))


@export_format("gdelt", "GDELT 2.0 Events (61 columns, TSV, no header)")
def _gdelt(store: Any, out: IO[str] | None, path: str | None, table: str) -> int:
    records = (r for r in (event_record(e) for e in rows(store, "events", GDELT_EVENTS)) if r is not None)
    return _write_tsv(out, records, header=None)


@export_format("mentions", "GDELT 2.0 Mentions (16 columns, one per evidence sentence)")
def _mentions(store: Any, out: IO[str] | None, path: str | None, table: str) -> int:
    return _write_tsv(out, (r for i in article_ids(store) for r in mention_records(store, i)), header=None)


@export_format("gkg", "GKG-like TSV", counts="articles")
def _gkg(store: Any, out: IO[str] | None, path: str | None, table: str) -> int:
    return _write_tsv(out, (gkg_record(store.article(i), i) for i in article_ids(store)), header=GKG_COLUMNS)


def _write_lines(out: IO[str] | None, lines: Iterator[str]) -> int:
    n = 0
    for line in lines:
        out.write(line + "\n")  # type: ignore[union-attr]
        n += 1
    return n


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for k, v in row.items()}


def _write_csv(out: IO[str] | None, records: Iterator[dict[str, Any]]) -> int:
    writer, n = None, 0
    for row in records:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))  # type: ignore[arg-type]
            writer.writeheader()
        writer.writerow(_flat(row))
        n += 1
    return n


def _write_parquet(path: str | None, records: Iterator[dict[str, Any]]) -> int:
    if not path:
        raise ConfigError("--format parquet", "needs --out FILE.parquet")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("--format parquet", "needs pyarrow: pip install 'warta[pandas]'") from None
    data = [_flat(r) for r in records]
    pq.write_table(pa.Table.from_pylist(data), path)
    return len(data)


def _write_tsv(out: IO[str] | None, records: Iterator[list[str]], *, header: tuple[str, ...] | None) -> int:
    # GDELT's event files have no header line (columns are documented); the GKG-like file names them.
    if header:
        out.write("\t".join(header) + "\n")  # type: ignore[union-attr]
    return _write_lines(out, ("\t".join(r) for r in records))


__all__ = ["EVENT_COLUMNS", "FORMATS", "ExportFormat", "export", "export_format", "rows"]
