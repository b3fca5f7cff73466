"""Printing store rows as a rich table, JSON Lines or CSV (shared by the store commands)."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any

# The columns a table shows for each kind (JSON and CSV give every column).
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("day", "type", "cameo", "actor1_country", "actor2_country", "actor1_name", "actor2_name",
               "goldstein", "negated", "evidence"),
    "quotes": ("day", "speaker", "speaker_country", "direct", "text", "title"),
    "amounts": ("day", "text", "value", "unit", "status", "refers_to", "in_title", "title"),
    "entities": ("name", "type", "iso3", "wikidata", "articles", "mentions"),
    "articles": ("id", "day", "language", "n_events", "n_quotes", "title"),
    "search": ("id", "day", "language", "title", "snippet"),
}
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"  # search snippets mark matches with these
_WRAPPED = {"evidence", "text", "snippet", "title", "actor1_name", "actor2_name", "name", "refers_to", "speaker"}
_SHORT_NAMES = {"actor1_country": "from", "actor2_country": "to", "actor1_name": "actor 1", "actor2_name": "actor 2",
                "goldstein": "gold.", "negated": "neg", "language": "lang", "speaker_country": "ctry",
                "in_title": "headline"}


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def print_rows(rows: list[dict[str, Any]], *, kind: str, output_format: TableFormat) -> None:
    """Print rows in the chosen format on stdout."""
    if output_format is TableFormat.json:
        for row in rows:
            print(json.dumps(_plain(row), ensure_ascii=False, default=str))
    elif output_format is TableFormat.csv:
        _print_csv(rows)
    else:
        _print_table(rows, kind)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.replace(_MARK_OPEN, "").replace(_MARK_CLOSE, "") if isinstance(v, str) else v for k, v in row.items()}


def _print_csv(rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ",".join(v) if isinstance(v, list) else v for k, v in _plain(row).items()})


def _print_table(rows: list[dict[str, Any]], kind: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    columns = [c for c in COLUMNS.get(kind, tuple(rows[0]) if rows else ()) if not rows or c in rows[0]]
    console = Console()
    if not console.is_terminal:  # piped output: do not squeeze evidence into 80 columns
        console = Console(width=160)
    table = Table(show_lines=False, title=f"{len(rows)} {kind}")
    for column in columns:
        wrapped = column in _WRAPPED
        table.add_column(_SHORT_NAMES.get(column, column), overflow="fold", no_wrap=not wrapped,
                         ratio=3 if column in ("evidence", "text", "snippet") else (1 if wrapped else None))
    for row in rows:
        table.add_row(*(_cell(row.get(c), Text) for c in columns))
    console.print(table)


def _cell(value: Any, text_type: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and _MARK_OPEN in value:
        cell = text_type()
        for i, part in enumerate(value.replace(_MARK_CLOSE, _MARK_OPEN).split(_MARK_OPEN)):
            cell.append(part, style="bold yellow" if i % 2 else "")
        return cell
    return text_type(str(value))  # Text, not markup: article words must not be read as rich markup
