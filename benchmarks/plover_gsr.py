#!/usr/bin/env python3
"""Event coding on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt, CC BY-SA 4.0).

Usage:
  python benchmarks/plover_gsr.py [--data FILE] [--cmd 'warta extract {docs} --format json']
                                  [--min-f1 0.3] [--misses]

Each record's sentence becomes a document (its id line, a blank line, the sentence, as
../shared/eval/cameo_bench.py writes them). The system's answer for a sentence is its most
confident event that is not negated (the first of equals); no event is no answer. Scored:

- `type`: micro-F1 over PLOVER root types: right = the answer's type is the gold type,
  precision = right / answered, recall = right / gold sentences.
- `sides`: as `type`, and the sides agree: a directed gold (source and target) needs actor1 in
  the gold sources and actor2 in the gold targets; a joint gold (two or more sources, no
  target) needs the two sides among the sources, in either order (or a mutual event); a
  one-sided gold needs actor1 in its sources (actor2 free). Sides compare by country, else by
  the first three letters of the CAMEO code ("IGO").

Prints the misses with `--misses` and a last line
`plover_type_f1=... plover_sides_f1=... answered=... right_type=... right_sides=... sentences=...`.
Exit 1 below --min-f1 (on type F1). Standard library only.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

DEFAULT_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus", "lexicons",
                            "plover", "PLOVER_GSR_CAMEO.txt")


def load(path: str) -> list[dict]:
    """The records with a sentence and an event (the documentation record is left out)."""
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    return [r for r in records if (r.get("text") or "").strip() and r.get("event") != "DOCUMENT"]


def codes(actors) -> set[str]:
    """The sides of a gold actor list by country code (IGO for international bodies)."""
    return {str(a.get("code") or "")[:3].upper() for a in actors or [] if isinstance(a, dict) and a.get("code")}


def side(actor) -> str:
    """A system actor's side: its country, else the first three letters of its CAMEO code."""
    if not isinstance(actor, dict):
        return ""
    return str(actor.get("country") or str(actor.get("code") or "")[:3]).upper()


def answer(article: dict | None) -> dict | None:
    """The most confident event that is not negated, the first of equals."""
    events = [e for e in (article or {}).get("events") or [] if isinstance(e, dict) and not e.get("negated")]
    return max(events, key=lambda e: e.get("confidence") or 0.0, default=None)


def sides_agree(record: dict, event: dict) -> bool:
    """Whether the answer's sides are the gold record's (see the module docstring)."""
    sources, targets = codes(record.get("source")), codes(record.get("target"))
    a1, a2 = side(event.get("actor1")), side(event.get("actor2"))
    if targets:
        return a1 in sources and a2 in targets
    if len(sources) >= 2:
        return a1 in sources and a2 in sources and a1 != a2
    return a1 in sources


def run(cmd: str, records: list[dict]) -> list[dict | None]:
    """Run the command on one document per record; the article printed for each, by source."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, record in enumerate(records):
            path = os.path.join(folder, f"{n:03d}-{record['id']}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"{record['id']}\n\n{record['text'].strip()}\n")
            paths.append(path)
        done = subprocess.run(cmd.replace("{docs}", " ".join(shlex.quote(p) for p in paths)), shell=True,
                              capture_output=True, text=True)
        by_name = {}
        for line in done.stdout.splitlines():
            try:
                article = json.loads(line)
            except json.JSONDecodeError:
                continue
            by_name[os.path.basename(str(article.get("source") or ""))] = article
        if not by_name and done.returncode:
            sys.exit(f"plover_gsr: the command failed: {done.stderr.strip()[-300:]}")
        return [by_name.get(os.path.basename(p)) for p in paths]


def f1(right: int, answered: int, gold: int) -> float:
    precision, recall = right / max(1, answered), right / max(1, gold)
    return round(2 * precision * recall / (precision + recall), 3) if right else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--cmd", default="warta extract {docs} --format json")
    parser.add_argument("--min-f1", type=float, default=None)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    records = load(args.data)
    answered = right_type = right_sides = 0
    for record, article in zip(records, run(args.cmd, records)):
        event = answer(article)
        typed = event is not None and str(event.get("type") or "").upper() == record["event"]
        sided = typed and sides_agree(record, event)
        answered += event is not None
        right_type += typed
        right_sides += sided
        if args.misses and not sided:
            got = f"{event.get('type')} {side(event.get('actor1'))}->{side(event.get('actor2'))}" if event else "-"
            want = f"{record['event']} {'/'.join(sorted(codes(record.get('source'))))}->" \
                   f"{'/'.join(sorted(codes(record.get('target'))))}"
            print(f"{record['id']}: want {want} got {got} | {record['text'][:120]}")
    type_f1, sides_f1 = f1(right_type, answered, len(records)), f1(right_sides, answered, len(records))
    print(f"plover_type_f1={type_f1} plover_sides_f1={sides_f1} answered={answered} right_type={right_type} "
          f"right_sides={right_sides} sentences={len(records)}")
    return 1 if args.min_f1 is not None and type_f1 < args.min_f1 else 0


if __name__ == "__main__":
    sys.exit(main())
