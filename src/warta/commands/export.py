"""`warta export`: the store as JSON Lines, CSV, Parquet, GDELT 2.0 Events or GKG-like rows."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from enum import Enum
from typing import Annotated, Any

import typer

from ..cli import app
from ..store import open_store
from . import DbOption


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    mentions = "mentions"
    gkg = "gkg"


def _target(out: str | None, output_format: ExportFormat) -> Any:
    """Where text goes: stdout, or the --out file (parquet writes its file itself)."""
    if out is None or output_format is ExportFormat.parquet:
        return nullcontext(sys.stdout)
    return open(out, "w", encoding="utf-8", newline="")


@app.command("export")
def export_command(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl: whole articles; csv/parquet: one "
                             "record table; gdelt: GDELT 2.0 Events (61 columns, TSV, no header); mentions: GDELT 2.0 Mentions (16 columns, one per evidence sentence); gkg: GKG-like TSV.")] = ExportFormat.jsonl,
    table: Annotated[str, typer.Option(help="For csv/parquet: events, quotes, amounts, entities or articles.")] = "events",
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (default: stdout; parquet needs one).")] = None,
    db: DbOption = None,
) -> None:
    """Export the store's articles or records."""
    from ..store.export import export

    with open_store(db, create=False) as store, _target(out, output_format) as handle:
        n = export(store, fmt=output_format.value, out=handle, path=out, table=table)
    print(f"warta: exported {n} {'articles' if output_format.value in ('jsonl', 'gkg') else 'records'}",
          file=sys.stderr)
