"""Bulk throughput and memory, as ratios against baselines measured in the same run.

1. The full pipeline from raw HTML (the 181 benchmark pages, repeated to WARTA_BENCH_PAGES,
   default 2,000) through the process pool into a SQLite store, against trafilatura alone on the
   same pages in the same pool: pages/s, the ratio (target >= 0.33, goal 0.5), peak RSS per worker;
   and what the syntax stage parsed of the distinct pages (WARTA_BENCH_PARSE_PAGES, default all
   181; 0 skips it): sentences and tokens, against all of them.
2. Indonesian text (detik-2025, WARTA_BENCH_ID_ARTICLES, default 1,000): articles/s and peak RSS
   per worker (the issue's "under 1 GB per worker on a 1,000-article run").
3. The Dask engine on a local cluster with 2 workers against 1 (WARTA_BENCH_DASK_PAGES, default
   a quarter of the pages): the speed-up (goal >= 1.7x on a machine with 2 free cores).
Workers are started and their pipelines built before timing starts. WARTA_BENCH_WORKERS sets the
pool size (default: all cores). Set the sizes small (e.g. WARTA_BENCH_PAGES=200) for a quick run.
"""
from __future__ import annotations

import gzip
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("WARTA_SHARED") or HERE.parent.parent / "shared") / "corpus"
HTML_DIR = CORPUS / "bench" / "article-extraction" / "html"
DETIK = CORPUS / "id" / "detik-2025" / "articles.jsonl"
BATCH = 16


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _pages(count: int) -> list:
    """The benchmark pages repeated to `count`, each copy a distinct input."""
    from warta.model import Document

    files = sorted(HTML_DIR.glob("*.html.gz"))
    raw = [(f.name, gzip.decompress(f.read_bytes())) for f in files]
    return [Document(source=f"{raw[n % len(raw)][0]}#{n // len(raw)}", content=raw[n % len(raw)][1], kind="html")
            for n in range(count)]


def trafilatura_batch(pages: list[bytes]) -> tuple[int, int, int]:
    """The baseline: trafilatura alone on each page. Returns (pages, pid, peak RSS in KB)."""
    import trafilatura

    for html in pages:
        trafilatura.extract(html, include_comments=False)
    return len(pages), os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _warm_trafilatura(_: int) -> int:
    import trafilatura  # noqa: F401 (import is the warm-up)

    time.sleep(0.2)  # keep this worker busy so each warm-up task starts its own process
    return os.getpid()


def _baseline(docs: list, workers: int) -> tuple[float, float]:
    """trafilatura alone in a pool of `workers`: (pages/s, max peak RSS per worker in MB)."""
    # benchmarks/run.py loads this file without registering it; the pool's processes need a module
    # they can import by name, so use the functions of a regular import of it.
    sys.path.insert(0, str(HERE))
    import bench_bulk as me

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))
    with pool:
        list(pool.map(me._warm_trafilatura, range(workers)))
        started = time.perf_counter()
        chunks = [[d.content for d in docs[i:i + BATCH]] for i in range(0, len(docs), BATCH)]
        results = list(pool.map(me.trafilatura_batch, chunks))
        seconds = time.perf_counter() - started
    peaks: dict[int, int] = {}
    for _, pid, peak in results:
        peaks[pid] = max(peaks.get(pid, 0), peak)
    return sum(n for n, _, _ in results) / seconds, max(peaks.values()) / 1024


def _pipeline(items: list, engine_name: str, workers: int, settings: dict):
    """The full pipeline through an engine into a fresh SQLite store; returns the run report."""
    from warta.bulk import BulkRunner, Journal
    from warta.bulk.engines import make_engine
    from warta.bulk.dedup import Deduplicator
    from warta.store import open_store

    engine = make_engine(engine_name, settings, workers=workers)
    try:
        engine.warm(settings)
        with tempfile.TemporaryDirectory() as folder:
            db = str(Path(folder) / "bench.db")
            with open_store(db) as store:
                runner = BulkRunner(settings=settings, store=store, journal=Journal(db), engine=engine,
                                    dedup=Deduplicator())
                return runner.run(items)
    finally:
        engine.close()


def parse_share(count: int) -> str:
    """What the syntax stage parsed of the first `count` distinct benchmark pages, run in this
    process: sentences and tokens parsed against all of them (the consumers' selectors at work)."""
    from bisect import bisect_left

    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    pipeline = Pipeline.build(load_settings({"batch_size": BATCH}))
    sentences = parsed = tokens = parsed_tokens = articles = 0
    for document in _pages(count):
        article = pipeline.run(document).article
        if article is None:
            continue
        starts = [t.start for t in article.tokens]
        articles += 1
        sentences, tokens, parsed = sentences + len(article.sentences), tokens + len(starts), parsed + len(article.syntax)
        parsed_tokens += sum(bisect_left(starts, p.end) - bisect_left(starts, p.start) for p in article.syntax)
    if not sentences:
        return "syntax: no sentences"
    return (f"syntax: {parsed} of {sentences} sentences parsed ({parsed / sentences:.0%}; {parsed / articles:.1f} of "
            f"{sentences / articles:.1f} per article), {parsed_tokens / max(tokens, 1):.2f} of the tokens, "
            f"over {articles} distinct pages")


def _parse_share() -> str:
    """`parse_share` in a process of its own (the driver's memory figure stays the driver's)."""
    sys.path.insert(0, str(HERE))
    import bench_bulk as me

    count = _env_int("WARTA_BENCH_PARSE_PAGES", 181)
    if count <= 0:
        return "syntax: parse share skipped (WARTA_BENCH_PARSE_PAGES=0)"
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        return pool.submit(me.parse_share, count).result()


def _rate(report: Any) -> float:
    return (report.done + report.failed) / report.seconds if report.seconds else 0.0


def _busy(report: Any) -> float:
    """Workers busy in stages, summed, per second of the run: near the worker count means the
    engine kept every worker fed (a speed-up below that is the machine's, e.g. cores shared)."""
    return sum(report.stage_seconds.values()) / report.seconds if report.seconds else 0.0


def _driver_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_html(settings: dict, workers: int) -> None:
    count = _env_int("WARTA_BENCH_PAGES", 2000)
    docs = _pages(count)
    print(f"html: {count} pages ({len({d.content for d in docs})} distinct), {workers} workers, stages {settings['stages']}")
    report = _pipeline(docs, "processes", workers, settings)
    base_rate, base_mb = _baseline(docs, workers)
    rate = _rate(report)
    print(f"  full pipeline:     {rate:8.1f} pages/s  peak RSS per worker {report.max_rss_mb():6.0f} MB"
          f"  ({report.done} articles, {report.failed} dropped, {report.duplicates} near-duplicates)")
    print(f"  trafilatura alone: {base_rate:8.1f} pages/s  peak RSS per worker {base_mb:6.0f} MB")
    print(f"  ratio full/trafilatura: {rate / base_rate:.2f} (target >= 0.33, goal 0.5); "
          f"workers busy {_busy(report):.2f} of {workers}")
    print("  " + "\n  ".join(report.stage_lines()))
    print("  " + _parse_share())


def bench_indonesian(settings: dict, workers: int) -> None:
    from warta.read.sources import iter_documents

    if not DETIK.exists():
        print("indonesian: skipped (detik-2025 corpus absent)")
        return
    limit = _env_int("WARTA_BENCH_ID_ARTICLES", 1000)
    items = list(iter_documents([str(DETIK)]))[:limit]
    report = _pipeline(items, "processes", workers, settings)
    print(f"indonesian text: {len(items)} articles, {_rate(report):.1f} articles/s, peak RSS per worker "
          f"{report.max_rss_mb():.0f} MB (limit 1024), driver {_driver_mb():.0f} MB")


def bench_dask(settings: dict) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("dask: skipped (pip install 'warta[dask]')")
        return
    count = _env_int("WARTA_BENCH_DASK_PAGES", max(64, _env_int("WARTA_BENCH_PAGES", 2000) // 4))
    if count <= 0:
        print("dask: skipped (WARTA_BENCH_DASK_PAGES=0)")
        return
    docs = _pages(count)
    single = _pipeline(docs, "dask", 1, settings)
    double = _pipeline(docs, "dask", 2, settings)
    one, two = _rate(single), _rate(double)
    print(f"dask local cluster, {count} pages: 1 worker {one:.1f} pages/s, 2 workers {two:.1f} pages/s, "
          f"speed-up {two / one:.2f}x (goal >= 1.7x; cores on this machine: {os.cpu_count()}, "
          f"load average now {os.getloadavg()[0]:.1f}); workers busy {_busy(single):.2f} of 1, {_busy(double):.2f} of 2")


def main() -> None:
    from warta.bulk.engines import default_workers
    from warta.settings import load_settings

    if not HTML_DIR.is_dir():
        print(f"skipped: benchmark pages not found at {HTML_DIR}")
        return
    settings = load_settings({"batch_size": BATCH})
    workers = _env_int("WARTA_BENCH_WORKERS", default_workers())
    bench_html(settings, workers)
    bench_indonesian(settings, workers)
    bench_dask(settings)


if __name__ == "__main__":
    main()
