"""The published CAMEO tables: CAMEO code -> PLOVER type, mode, context, QuadClass, Goldstein.

Read from `events/data/` (built by `tools/events/build_tables.py` from the official CAMEO->PLOVER table
and GDELT's Goldstein lookup; see data/README.md for sources and licences).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

DATA_PACKAGE = "warta.events.data"


@dataclass(frozen=True, slots=True)
class CameoCode:
    """What one CAMEO event code means in PLOVER, with its Goldstein score."""

    code: str
    plover: str
    mode: str | None
    context: tuple[str, ...]
    quad_class: int | None
    goldstein: float | None
    description: str = ""


def _rows(filename: str) -> list[list[str]]:
    text = (resources.files(DATA_PACKAGE) / filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein score (GDELT's lookup)."""
    return {row[0]: float(row[1]) for row in _rows("goldstein.tsv") if len(row) >= 2}


@cache
def cameo_table() -> dict[str, CameoCode]:
    """CAMEO code -> its PLOVER reading and Goldstein score."""
    goldstein = goldstein_table()
    table = {}
    for row in _rows("cameo_plover.tsv"):
        row += [""] * (6 - len(row))
        code, plover, mode, context, quad, description = row[:6]
        table[code] = CameoCode(code, plover, mode or None, tuple(c for c in context.split(";") if c),
                                int(quad) if quad else None, _goldstein_of(code, goldstein), description)
    return table


def _goldstein_of(code: str, goldstein: dict[str, float]) -> float | None:
    """The code's score, else its parent's (a 4-digit code without its own row)."""
    for length in (len(code), 3, 2):
        if code[:length] in goldstein:
            return goldstein[code[:length]]
    return None


def lookup(code: str) -> CameoCode | None:
    """The reading of a CAMEO code, falling back to its 3-digit parent; None for statements (01)."""
    table = cameo_table()
    return table.get(code) or table.get(code[:3]) if code.isdigit() else None
