#!/usr/bin/env python3
"""Publication dates of real Indonesian news pages (../shared/corpus/id/pages, MIT).

Usage:
  python benchmarks/dates_bench.py [--pages DIR] [--cmd 'warta extract {docs} --format json'] [--misses]

Each page's gold date is `expected_extraction.json`'s `date` (epoch milliseconds), read as a day
in Western Indonesian Time (UTC+07:00, where the outlets publish). The command runs once over all
pages; a page is right when its `published` starts with that day (`YYYY-MM-DD`). An empty or
missing `published` is a miss. Prints the misses with `--misses` and a last line
`published_acc=... dated=... pages=...` (`dated`: the share of pages given any date).
Standard library only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("WARTA_SHARED") or os.path.join(HERE, "..", "..", "shared")
DEFAULT_PAGES = os.path.join(SHARED, "corpus", "id", "pages")
WIB = dt.timezone(dt.timedelta(hours=7))


def gold_days(pages: str) -> dict[str, str]:
    """Absolute page path -> its gold publication day, for the pages that have one."""
    with open(os.path.join(pages, "expected_extraction.json"), encoding="utf-8") as f:
        records = json.load(f)
    days = {}
    for record in records:
        path = os.path.abspath(os.path.join(pages, os.path.basename(record["fixture"])))
        if record.get("date") and os.path.isfile(path):
            days[path] = dt.datetime.fromtimestamp(record["date"] / 1000, WIB).date().isoformat()
    return days


def published(cmd: str, paths: list[str]) -> dict[str, str]:
    """Absolute source path -> the `published` the command printed for it."""
    line = cmd.replace("{docs}", " ".join(shlex.quote(p) for p in paths))
    proc = subprocess.run(line, shell=True, capture_output=True, text=True, check=False)
    if proc.returncode != 0 and not proc.stdout:
        sys.exit(f"dates_bench: the command failed ({proc.returncode}): {proc.stderr.strip()[-300:]}")
    found = {}
    for row in proc.stdout.splitlines():
        article = json.loads(row)
        if article.get("source"):
            found[os.path.abspath(article["source"])] = article.get("published") or ""
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=DEFAULT_PAGES)
    parser.add_argument("--cmd", default="warta extract {docs} --format json")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    gold = gold_days(args.pages)
    got = published(args.cmd, sorted(gold))
    right = sum(got.get(path, "").startswith(day) for path, day in gold.items())
    dated = sum(bool(got.get(path)) for path in gold)
    if args.misses:
        for path, day in sorted(gold.items()):
            if not got.get(path, "").startswith(day):
                print(f"miss: {os.path.basename(path)} gold {day} got {got.get(path) or '-'}")
    n = len(gold) or 1
    print(f"published_acc={right / n:.3f} dated={dated / n:.3f} pages={len(gold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
