"""Rebuild the event tables from the published lexicons in ../shared/corpus/lexicons.

    python tools/events/build_tables.py [LEXICONS_DIR]

A build tool, kept out of the installed package: it writes into the source tree. Writes
`src/warta/events/data/cameo_plover.tsv` (from the official CAMEO->PLOVER table,
CC BY-SA 4.0) and `goldstein.tsv` (GDELT's Goldstein lookup), and writes
`warta/lang/en/event_triggers.tsv` from the Phoenix CAMEO verb dictionary and
`warta/lang/en/event_agents.tsv` from the Phoenix agents dictionary (both MIT).
Only the standard library is used, so the tables can be rebuilt anywhere.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parents[1] / "src" / "warta"  # the source tree's package: tables are written there
DATA = PACKAGE / "events" / "data"
DEFAULT_LEXICONS = HERE.parents[2].parent / "shared" / "corpus" / "lexicons"
EN_TRIGGERS = PACKAGE / "lang" / "en" / "event_triggers.tsv"

# PLOVER renamed two CAMEO-era categories after the 2021 table; the scorer and the manual's
# 19 types use the new names. ACCUSE splits on its mode, REQUEST became DEMAND.
RENAMED = {"REQUEST": "DEMAND"}
# Roots the 2021 table leaves out or that the manual's later revision recodes (documented in README).
ROOT_TYPES = {"02": "DEMAND", "19": "FIGHT"}
# Codes the manual places apart from the 2021 table: "International (political or economic)
# sanctions are coded as [SANCTION] `discontinue'" (PLOVER manual, SANCTION modes).
# Easing a curfew or a state of emergency (0813, 0814) is CONCEDE, as the PLOVER gold-standard
# records code it ("Serbia lifted a night curfew", "lifted a state of emergency": PLOVER_GSR_CAMEO),
# with the other easing of administrative restrictions (081), not the 2021 table's RETREAT.
MANUAL_TYPES = {"163": ("SANCTION", "discontinue"), "0813": ("CONCEDE", ""), "0814": ("CONCEDE", "")}
QUAD = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 10)},
        **{f"{r:02d}": 3 for r in range(10, 15)}, **{f"{r:02d}": 4 for r in range(15, 21)}}


def plover_rows(path: Path) -> dict[str, tuple[str, str, str, str]]:
    """CAMEO code -> (PLOVER type, mode, context, description) from CAMEO2PLOVER-2021.txt."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?(.*)$", line)
        if not m:
            continue
        code, kind, mode, context, desc = (g.strip() for g in m.groups())
        if kind == "ACCUSE":
            kind = "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
        kind = ROOT_TYPES["19"] if code[:2] == "19" and kind == "ASSAULT" else RENAMED.get(kind, kind)
        kind, mode = MANUAL_TYPES.get(code, (kind, mode))
        rows[code] = (kind, mode, context.replace(" ", ""), desc)
    return rows


def goldstein_rows(path: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein score from GDELT's lookup."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        code, _, score = line.partition("\t")
        if code.strip().isdigit():
            rows[code.strip()] = float(score)
    return rows


def write_tables(lexicons: Path) -> None:
    """Write cameo_plover.tsv and goldstein.tsv."""
    plover = plover_rows(lexicons / "plover" / "CAMEO2PLOVER-2021.txt")
    goldstein = goldstein_rows(lexicons / "cameo" / "CAMEO.goldsteinscale.txt")
    for code in goldstein:  # codes the PLOVER table drops (01 statements, 02 appeals)
        if len(code) >= 3 and code not in plover and code[:2] in ROOT_TYPES:
            plover[code] = (ROOT_TYPES[code[:2]], "", "", "")
    lines = ["# CAMEO code -> PLOVER type, mode, context, QuadClass, description.",
             "# Derived from openeventdata/PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0); see README.md.",
             "# cameo\tplover\tmode\tcontext\tquad_class\tdescription"]
    for code in sorted(plover):
        kind, mode, context, desc = plover[code]
        lines.append(f"{code}\t{kind}\t{mode}\t{context}\t{QUAD.get(code[:2], '')}\t{desc}")
    (DATA / "cameo_plover.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    glines = ["# CAMEO code -> Goldstein score, from GDELT's CAMEO.goldsteinscale.txt; see README.md.",
              "# cameo\tgoldstein"] + [f"{c}\t{s}" for c, s in sorted(goldstein.items())]
    (DATA / "goldstein.tsv").write_text("\n".join(glines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LEXICONS
    write_tables(root)
    from phoenix_agents import write_english_agents
    from phoenix_verbs import write_english_triggers
    write_english_agents(root / "phoenix" / "Phoenix.agents.txt", EN_TRIGGERS.with_name("event_agents.tsv"))
    write_english_triggers(root / "phoenix" / "CAMEO.2.0.txt", EN_TRIGGERS,
                           valid_codes=set(goldstein_rows(root / "cameo" / "CAMEO.goldsteinscale.txt")))
