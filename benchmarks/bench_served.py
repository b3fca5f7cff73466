"""Served-API benchmark: `make loadtest` (benchmarks/loadtest.py: 100 concurrent clients against
`warta serve`, p50/p99 and errors per endpoint) on a store of 100,000 synthetic articles, ten
times the load test's, to show the store's queries stay fast as it grows. WARTA_BENCH_ARTICLES
sets the size (0 skips), WARTA_BENCH_SECONDS the time; the store is built once (stored 500
articles to a transaction, as bulk runs store them) and kept in out/loadtest for the next run."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    articles = int(os.environ.get("WARTA_BENCH_ARTICLES", "100000"))
    if articles <= 0:
        print("served: skipped (WARTA_BENCH_ARTICLES=0)")
        return
    spec = importlib.util.spec_from_file_location("loadtest", HERE / "loadtest.py")
    assert spec is not None and spec.loader is not None
    loadtest = importlib.util.module_from_spec(spec)
    sys.modules["loadtest"] = loadtest  # its dataclasses look their module up there
    spec.loader.exec_module(loadtest)
    loadtest.main(["--articles", str(articles), "--seconds", os.environ.get("WARTA_BENCH_SECONDS", "30")])


if __name__ == "__main__":
    main()
