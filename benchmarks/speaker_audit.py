#!/usr/bin/env python3
"""The audit of issue 19 ("Speakers v2 and English amounts"): 30 corpus articles the project never
tuned on (15 Indonesian from ../shared/corpus/id/articles, every 11th file from the sixth, none in
../shared/eval/dev; 15 English pages from ../shared/corpus/en/pages), read by hand for every direct
quotation's speaker and every figure that counts.

Usage:
  python benchmarks/speaker_audit.py [--shared DIR] [--cmd 'warta extract {docs} --format json'] [--misses]

The judgement is benchmarks/speaker_audit.json: per article its corpus path, the sha1 of the body
warta extracted when it was judged (offsets count there), and
- quotes: `at` (offset of a quotation's first word), `speaker` ([start, end] of a mention of who
  said it: a name, an organisation or the description the article gives), `optional` (scare
  quotes, phrases a reader cannot attribute: neither required nor penalised);
- amounts: `at`/`end` (offsets, in the title when `in_title`), `value`, `unit` (a currency code,
  percent, count or a measure's unit), `optional` (vague or incidental figures).
No article text is stored. Matching follows ../shared/eval/evaluate.py: a gold quotation is found
when a direct system quotation spans its first word, and its speaker is right when the names or
their last words agree; an amount matches on value (within 0.5%) and kind (same currency, percent,
or neither), a figure stated twice counting once. The last line prints the figures; --misses
prints each wrong speaker and each missed or spurious amount, with its offset.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import unicodedata
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # run as a script or loaded by file: its sibling module is found either way
from audit_common import prf, run, tally  # noqa: E402
DEFAULT_SHARED = os.environ.get("WARTA_SHARED") or os.path.join(HERE, "..", "..", "shared")
GOLD = os.path.join(HERE, "speaker_audit.json")
CURRENCIES = {"USD", "IDR", "EUR", "GBP", "JPY", "CNY", "INR", "HKD", "RUB", "SGD", "AUD", "SAR", "MYR"}


def norm(s: str | None) -> str:
    """Lower case without accents, typographic quotes or repeated spaces (as evaluate.py)."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


def same_speaker(system: str | None, gold: str) -> bool:
    """The names agree, or their last words do (a surname; the head of a description)."""
    sp, want = norm(system), norm(gold)
    return bool(sp) and (sp == want or sp.split()[-1] == want.split()[-1])


def score_quotes(gold: dict, art: dict, misses: list[str]) -> dict[str, int]:
    """Found, missed, spurious direct quotations, and speakers right among those found."""
    text, golds = art["text"], gold["quotes"]
    system = [q for q in art.get("quotes", []) if q.get("direct")]
    found: dict[int, dict] = {}
    spurious = 0
    for q in system:
        hit = next((i for i, g in enumerate(golds) if i not in found and q["start"] <= g["at"] < q["end"]), None)
        if hit is None:
            spurious += 1
            misses.append(f"  spurious quote at {q['start']}")
        else:
            found[hit] = q
    required = [i for i, g in enumerate(golds) if not g.get("optional")]
    judged = right = 0
    for i in required:
        if i not in found:
            misses.append(f"  missed quote at {golds[i]['at']}")
            continue
        span = golds[i].get("speaker")
        if span is None:
            continue
        judged += 1
        said = (found[i].get("speaker") or {}).get("name")
        if same_speaker(said, text[span[0]:span[1]]):
            right += 1
        else:
            misses.append(f"  speaker at {golds[i]['at']}: {said!r}, want {text[span[0]:span[1]]!r}")
    tp = sum(1 for i in required if i in found)
    return {"q_tp": tp, "q_fn": len(required) - tp, "q_fp": spurious, "sp_judged": judged, "sp_right": right}


def kind_agrees(gold_unit: str, unit: str) -> bool:
    """Same currency for money, a percentage for a percentage, neither for counts and measures."""
    g, u = gold_unit.upper(), unit.upper()
    if g in CURRENCIES or g == "PERCENT":
        return u == g or (g == "PERCENT" and u == "%")
    return u not in CURRENCIES and u not in ("PERCENT", "%")


def score_amounts(gold: dict, art: dict, misses: list[str]) -> dict[str, int]:
    """True positives, false positives and misses of the figures, matched as evaluate.py does."""
    golds = gold["amounts"]

    def candidates(a: dict) -> list[int]:
        v, unit = float(a.get("value") or 0), str(a.get("unit") or "")
        return [i for i, g in enumerate(golds)
                if abs(v - g["value"]) <= 0.005 * max(abs(g["value"]), 1) and kind_agrees(g["unit"], unit)]

    tp, fp, fn = tally(art.get("amounts", []), golds, candidates,
                       lambda a: f"  spurious amount at {a.get('start')}{' (title)' if a.get('in_title') else ''}: "
                                 f"{float(a.get('value') or 0):g} {a.get('unit') or ''}",
                       lambda g: f"  missed amount at {g['at']}{' (title)' if g.get('in_title') else ''}: "
                                 f"{g['value']:g} {g['unit']}", misses)
    return {"a_tp": tp, "a_fp": fp, "a_fn": fn}


def figures(totals: dict[str, int], docs: int) -> str:
    """The last line: speaker accuracy, quote and amount P/R/F1 and the counts behind them."""
    qp, qr, qf = prf(totals["q_tp"], totals["q_fp"], totals["q_fn"])
    ap, ar, af = prf(totals["a_tp"], totals["a_fp"], totals["a_fn"])
    acc = round(totals["sp_right"] / totals["sp_judged"], 3) if totals["sp_judged"] else 1.0
    return (f"speaker_acc={acc} speakers={totals['sp_judged']} quotes_p={qp} quotes_r={qr} quotes_f1={qf} "
            f"quotes_found={totals['q_tp']} quotes_missed={totals['q_fn']} quotes_spurious={totals['q_fp']} "
            f"amounts_p={ap} amounts_r={ar} amounts_f1={af} amounts_gold={totals['a_tp'] + totals['a_fn']} "
            f"articles={docs} drifted={totals['drifted']} failed={totals['failed']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--cmd", default="warta extract {docs} --format json")
    ap.add_argument("--misses", action="store_true", help="print each wrong speaker and missed amount")
    args = ap.parse_args(argv)
    golds: list[dict[str, Any]] = json.load(open(GOLD, encoding="utf-8"))["articles"]
    paths = [os.path.abspath(os.path.join(args.shared, "corpus", g["doc"])) for g in golds]
    out = run(args.cmd, paths)
    totals = dict.fromkeys(("q_tp", "q_fn", "q_fp", "sp_judged", "sp_right", "a_tp", "a_fp", "a_fn", "drifted", "failed"), 0)
    for gold, path in zip(golds, paths):
        art = out.get(path)
        if art is None:
            totals["failed"] += 1
            print(f"{gold['doc']}: no output")
            continue
        if hashlib.sha1(art["text"].encode()).hexdigest() != gold["text_sha1"]:
            totals["drifted"] += 1  # the body changed: offsets may no longer point where they did
        misses: list[str] = []
        for k, v in {**score_quotes(gold, art, misses), **score_amounts(gold, art, misses)}.items():
            totals[k] += v
        if args.misses and misses:
            print(gold["doc"], *misses, sep="\n")
    print(figures(totals, len(golds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
