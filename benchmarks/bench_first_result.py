"""The first result: how long a fresh process takes to answer, against `python -c "import
trafilatura"` measured in the same run (each the best of RUNS, to see past a busy machine; the
CPU time is printed too, and the load average before and after).

Targets (issue 17): `warta extract` of a small Indonesian .txt ≤ 2.5× the import, of one English
page ≤ 3.5×, `warta --help` ≤ 1×. Run alone: `python benchmarks/bench_first_result.py`.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

RUNS = 3
SHARED = Path(os.environ.get("WARTA_SHARED") or Path(__file__).resolve().parents[2] / "shared")
ID_TEXT = SHARED / "corpus" / "id" / "articles" / "000-spesifikasi-48-jet-tempur-turki-yang-dibeli-indonesia.txt"
EN_PAGE = SHARED / "corpus" / "en" / "pages" / "04a6711caa7c6875.html"
TARGETS = {"warta --help": 1.0, "extract id .txt": 2.5, "extract en page": 3.5}


def best(args: list[str]) -> tuple[float, float]:
    """The shortest wall time and the least CPU time (user and system) of RUNS runs of a fresh
    process: on a machine others are using, CPU time shows what the process itself costs."""
    walls, cpus = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return min(walls), min(cpus)


def compile_warta() -> None:
    """Compile warta's modules to bytecode first, as installing the package does: run from a
    checkout with PYTHONDONTWRITEBYTECODE set (or from a read-only folder), every process measured
    would compile some 90 modules from source, which an installed warta never does (and
    trafilatura, the unit, is measured installed and compiled)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("warta")
    if spec is not None and spec.origin:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def main() -> None:
    if not ID_TEXT.exists() or not EN_PAGE.exists():
        print(f"skipped: the corpus is not at {SHARED / 'corpus'}")
        return
    compile_warta()
    warta = [sys.executable, "-m", "warta"]
    print(f"load average {os.getloadavg()[0]:.2f} (2 cores; above 2 the wall times wait for the CPU)")
    base, base_cpu = best([sys.executable, "-c", "import trafilatura"])
    print(f"import trafilatura: {base:.2f} s, CPU {base_cpu:.2f} s (the unit)")
    for name, args in (("warta --help", [*warta, "--help"]), ("extract id .txt", [*warta, "extract", str(ID_TEXT)]),
                       ("extract en page", [*warta, "extract", str(EN_PAGE)])):
        seconds, cpu = best(args)
        ratio = seconds / base
        verdict = "ok" if ratio <= TARGETS[name] else f"over the {TARGETS[name]}x target"
        print(f"{name}: {seconds:.2f} s = {ratio:.2f}x ({verdict}); CPU {cpu:.2f} s = {cpu / base_cpu:.2f}x")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
