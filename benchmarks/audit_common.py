"""What the hand-judged audits (speaker_audit.py, event_audit.py) share: running warta on the
audited documents and matching its records to the judged ones as ../shared/eval/evaluate.py does."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
from collections.abc import Callable, Iterable
from typing import Any


def run(cmd: str, docs: list[str]) -> dict[str, dict]:
    """warta's output for each document, by absolute source path."""
    line = cmd.replace("{docs}", " ".join(shlex.quote(d) for d in docs))
    proc = subprocess.run(line, shell=True, capture_output=True, text=True, check=False)
    out = {}
    for raw in proc.stdout.splitlines():
        obj = json.loads(raw)
        if obj.get("source"):
            out[os.path.abspath(obj["source"])] = obj
    return out


def tally(records: Iterable[Any], golds: list[dict], candidates: Callable[[Any], list[int]],
          wrong: Callable[[Any], str], missed: Callable[[dict], str], misses: list[str]) -> tuple[int, int, int]:
    """True positives, false positives and misses of `records` against `golds`: a record takes the
    first judged record it matches that is still free (a required one before an optional one); a
    record matching only taken ones is neither right nor wrong; optional judged records are never
    missed. `wrong` and `missed` describe the errors appended to `misses`."""
    matched: set[int] = set()
    fp = 0
    for record in records:
        hits = candidates(record)
        free = sorted((i for i in hits if i not in matched), key=lambda i: bool(golds[i].get("optional")))
        if free:
            matched.add(free[0])
        elif not hits:
            fp += 1
            misses.append(wrong(record))
    required = [i for i, g in enumerate(golds) if not g.get("optional")]
    misses.extend(missed(golds[i]) for i in required if i not in matched)
    tp = sum(1 for i in required if i in matched)
    return tp, fp, len(required) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1, rounded to three places (1.0 when there is nothing to count)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0
