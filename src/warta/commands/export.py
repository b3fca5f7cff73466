"""`warta export`: the store as JSON Lines, CSV, Parquet, GDELT 2.0 Events or GKG-like rows."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from enum import Enum
from typing import Annotated, Any

import typer

from ..cli import app
from ..store import open_store
from ..store.export import FORMATS, ExportFormat, export
from . import DbOption


# The --format choices are the registered formats (warta.store.export.FORMATS).
ExportChoice = Enum("ExportChoice", {name: name for name in FORMATS}, type=str)
FORMAT_HELP = "; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()) + "."


def _target(out: str | None, output_format: ExportFormat) -> Any:
    """Where text goes: stdout, or the --out file (parquet writes its file itself)."""
    if out is None or output_format.writes_file:
        return nullcontext(sys.stdout)
    return open(out, "w", encoding="utf-8", newline="")


@app.command("export")
def export_command(
    output_format: Annotated[ExportChoice, typer.Option("--format", "-f", help=FORMAT_HELP)] = ExportChoice.jsonl,  # type: ignore[attr-defined]
    table: Annotated[str, typer.Option(help="For csv/parquet: events, quotes, amounts, entities or articles.")] = "events",
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (default: stdout; parquet needs one).")] = None,
    db: DbOption = None,
) -> None:
    """Export the store's articles or records."""
    chosen = FORMATS[output_format.value]
    with open_store(db, create=False) as store, _target(out, chosen) as handle:
        n = export(store, fmt=chosen.name, out=handle, path=out, table=table)
    print(f"warta: exported {n} {chosen.counts}", file=sys.stderr)
