#!/usr/bin/env python3
"""The events audit of issue 15 (recall): 12 corpus articles the project never tuned on, none in
../shared/eval/dev, chosen by a fixed rule (the first six of every 28th file from the third of
../shared/corpus/id/articles; every 5th page from the second of ../shared/corpus/en/pages), read by
hand for the events a human coder following the dev gold's conventions would count.

Usage:
  python benchmarks/event_audit.py [--shared DIR] [--cmd 'warta extract {docs} --format json'] [--misses]

The judgement is benchmarks/event_audit.json: per article its corpus path, the sha1 of the body
warta extracted when it was judged (offsets count there), and events with `types` (the PLOVER
types accepted), `dyad` (the two countries; one country twice for a domestic or one-sided event),
`evidence` ([start, end] spans of phrases stating it) and `optional` (background, hypothetical or
non-state events: neither required nor penalised). Only the first `judged_chars` characters of each
body were judged, so system events whose sentence starts later are ignored. No article text is
stored. Matching follows ../shared/eval/evaluate.py: the type among the accepted ones, the same set of
countries, and a gold evidence span inside the system's evidence sentence; negated events are
skipped; a second system event on an already matched gold event is neither right nor wrong.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # run as a script or loaded by file: its sibling module is found either way
from audit_common import prf, run, tally  # noqa: E402
DEFAULT_SHARED = os.environ.get("WARTA_SHARED") or os.path.join(HERE, "..", "..", "shared")
GOLD = os.path.join(HERE, "event_audit.json")


def dyad_of(e: dict) -> set[str]:
    """The set of countries on the event's two sides."""
    return {c for c in ((e.get(k) or {}).get("country") for k in ("actor1", "actor2")) if c}


def matches(e: dict, g: dict) -> bool:
    """Type accepted, same countries, and a gold evidence span inside the system's sentence."""
    ev = e.get("evidence") or {}
    start, end = ev.get("start", -1), ev.get("end", -1)
    return (e.get("type") in g["types"] and dyad_of(e) == set(g["dyad"])
            and any(start <= s and t <= end for s, t in g["evidence"]))


def describe(e: dict) -> str:
    """One line naming a system event."""
    ev = e.get("evidence") or {}
    return f"{e.get('type')} {sorted(dyad_of(e))} at {ev.get('start')} ({ev.get('trigger')!r})"


def score(gold: dict, art: dict, limit: int, misses: list[str]) -> dict[str, int]:
    """True positives, false positives and misses of one article's events."""
    golds = gold["events"]
    system = [e for e in art.get("events", [])
              if e.get("negated") is not True and (e.get("evidence") or {}).get("start", 0) < limit]
    tp, fp, fn = tally(system, golds, lambda e: [i for i, g in enumerate(golds) if matches(e, g)],
                       lambda e: f"  wrong {describe(e)}",
                       lambda g: f"  missed {'/'.join(g['types'])} {g['dyad']} at {g['evidence'][0][0]}", misses)
    return {"tp": tp, "fp": fp, "fn": fn}


def main(argv: list[str] | None = None) -> int:
    """Run the command on the audited articles and print recall, precision and F1."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--cmd", default="warta extract {docs} --format json")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    data: dict[str, Any] = json.load(open(GOLD, encoding="utf-8"))
    docs = [os.path.abspath(os.path.join(args.shared, a["doc"])) for a in data["articles"]]
    if not all(os.path.exists(d) for d in docs):
        print(f"event_audit: corpus not found under {args.shared}", file=sys.stderr)
        return 2
    out = run(args.cmd, docs)
    total = {"tp": 0, "fp": 0, "fn": 0}
    for gold, doc in zip(data["articles"], docs):
        art = out.get(doc, {})
        misses: list[str] = []
        if hashlib.sha1((art.get("text") or "").encode()).hexdigest() != gold["text_sha1"]:
            misses.append("  (body changed since judged: offsets may be off)")
        for k, v in score(gold, art, data["judged_chars"], misses).items():
            total[k] += v
        if args.misses and misses:
            print(os.path.basename(doc), *misses, sep="\n")
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    p, r, f1 = prf(tp, fp, fn)
    print(f"events tp={tp} fp={fp} fn={fn} precision={p:.3f} recall={r:.3f} f1={f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
