"""CPU seconds per stage of the full pipeline on the benchmark pages, against trafilatura alone,
in one process (`time.process_time`): a steadier figure than `make bench`'s wall-clock one on a
shared machine, for comparing a change before and after.

The 181 pages of corpus/bench/article-extraction are run once to warm up (models, caches), then
WARTA_STAGE_PASSES times (default 3); each stage's and trafilatura's lowest figure is kept. Also
prints what the syntax stage parsed (sentences and tokens).
"""
from __future__ import annotations

import gzip
import os
import time
from bisect import bisect_left
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
HTML_DIR = Path(os.environ.get("WARTA_SHARED") or HERE.parent.parent / "shared") / "corpus" / "bench" / "article-extraction" / "html"


def pages() -> list[tuple[str, bytes]]:
    """The benchmark pages: (file name, HTML)."""
    return [(f.name, gzip.decompress(f.read_bytes())) for f in sorted(HTML_DIR.glob("*.html.gz"))]


def run_pipeline(pipeline, raw: list[tuple[str, bytes]]) -> tuple[Counter, Counter]:
    """(CPU seconds per stage, counts) of one pass over the pages."""
    from warta.model import Article, Document
    from warta.pipeline import run_stage

    cpu, counts = Counter(), Counter()
    for name, content in raw:
        article = Article.from_document(Document(source=name, content=content, kind="html"))
        try:
            for stage in pipeline.stages:
                started = time.process_time()
                try:
                    article = run_stage(stage, article)
                finally:
                    cpu[stage.name] += time.process_time() - started
        except Exception:  # noqa: BLE001 - a dropped page (the pipeline's own errors) counts as such
            counts["dropped"] += 1
            continue
        starts = [t.start for t in article.tokens]
        counts.update(articles=1, sentences=len(article.sentences), parsed=len(article.syntax), tokens=len(starts),
                      parsed_tokens=sum(bisect_left(starts, p.end) - bisect_left(starts, p.start) for p in article.syntax))
    return cpu, counts


def trafilatura_seconds(raw: list[tuple[str, bytes]]) -> float:
    """CPU seconds of trafilatura.extract over the pages."""
    import trafilatura

    started = time.process_time()
    for _, content in raw:
        trafilatura.extract(content, include_comments=False)
    return time.process_time() - started


def main() -> None:
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    raw = pages()
    if not raw:
        print(f"skipped: benchmark pages not found at {HTML_DIR}")
        return
    pipeline = Pipeline.build(load_settings({"batch_size": 16}))
    run_pipeline(pipeline, raw)
    best, baseline, counts = Counter(), float("inf"), Counter()
    for n in range(int(os.environ.get("WARTA_STAGE_PASSES", "3"))):
        cpu, counts = run_pipeline(pipeline, raw)
        best = cpu if not n else Counter({k: min(v, cpu[k]) for k, v in best.items()})
        baseline = min(baseline, trafilatura_seconds(raw))
    for stage in pipeline.stages:
        print(f"  {stage.name:10s} {best[stage.name]:6.2f} s")
    total = sum(best.values())
    print(f"  {'all':10s} {total:6.2f} s; trafilatura alone {baseline:.2f} s; ratio {baseline / total:.3f}")
    print(f"  syntax: {counts['parsed']} of {counts['sentences']} sentences, "
          f"{counts['parsed_tokens'] / max(counts['tokens'], 1):.2f} of the tokens, {counts['articles']} articles")


if __name__ == "__main__":
    main()
