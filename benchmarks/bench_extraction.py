"""Extraction throughput and peak memory: warta's read stage against trafilatura alone.

Both run on the 181 pages of the article-extraction benchmark (../shared/corpus), each in its own
child process so that peak resident memory (ru_maxrss from wait4) belongs to one side only. The
figures are printed as ratios (warta / trafilatura) measured in the same run, never as pass/fail.
Run by `make bench` (benchmarks/run.py) or directly: `python benchmarks/bench_extraction.py`.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench" / "article-extraction"
SIDES = ("trafilatura", "warta")


def _pages() -> list[tuple[str, bytes]]:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        path = BENCH / "html" / f"{page_id}.html.gz"
        if path.exists():
            pages.append((str(path), gzip.decompress(path.read_bytes())))
    return pages


def _extract_all(side: str, pages: list[tuple[str, bytes]]) -> int:
    """Extract every page with one side; return how many gave a body."""
    if side == "trafilatura":
        import trafilatura

        return sum(bool(trafilatura.extract(raw)) for _, raw in pages)
    from warta.model import Document
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    pipeline = Pipeline.build(load_settings({"stages": "read"}))
    return sum(pipeline.run(Document(source=src, content=raw, kind="html")).error is None for src, raw in pages)


def worker(side: str) -> None:
    """Child process: time one side over all pages and print the figures as JSON."""
    pages = _pages()
    _extract_all(side, pages[:3])  # warm up imports and caches outside the timed loop
    start = time.perf_counter()
    bodies = _extract_all(side, pages)
    seconds = time.perf_counter() - start
    print(json.dumps({"pages": len(pages), "bodies": bodies, "seconds": seconds, "peak_kb": _own_peak_kb()}))


def _own_peak_kb() -> int | None:
    """This process's own high-water mark (VmHWM). wait4's ru_maxrss is not enough on Linux: a
    child forked from a large parent (make bench runs other benchmarks first) starts at the
    parent's peak, which would hide the difference between the two sides."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _run_side(side: str) -> dict:
    """Run one side in a child process; add its peak resident memory in MB."""
    child = subprocess.Popen([sys.executable, __file__, "--worker", side], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{side} benchmark failed (exit {child.returncode})")
    figures = json.loads(output.strip().splitlines()[-1])
    figures["peak_mb"] = (figures.get("peak_kb") or usage.ru_maxrss) / 1024  # Linux reports kilobytes
    return figures


def main() -> None:
    """Print warta's extraction speed and memory against trafilatura's, as ratios."""
    if not (BENCH / "ground-truth.json").exists():
        print(f"extraction: skipped, benchmark pages absent ({BENCH})")
        return
    results = {side: _run_side(side) for side in SIDES}
    speed = {side: r["pages"] / r["seconds"] for side, r in results.items()}
    warta, base = results["warta"], results["trafilatura"]
    print(f"extraction: {warta['pages']} pages; warta {speed['warta']:.1f} pages/s, trafilatura "
          f"{speed['trafilatura']:.1f} pages/s, speed ratio {speed['warta'] / speed['trafilatura']:.2f}")
    print(f"extraction: peak memory warta {warta['peak_mb']:.0f} MB, trafilatura {base['peak_mb']:.0f} MB, "
          f"memory ratio {warta['peak_mb'] / base['peak_mb']:.2f}; bodies {warta['bodies']} vs {base['bodies']}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
    else:
        main()
