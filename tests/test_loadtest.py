"""`make loadtest` in miniature: the script builds a small store, serves it with `warta serve`,
drives it with a few clients and reports every endpoint without errors. No timing is asserted
here (the limit is set out of reach): speed is the benchmark's business, not the unit tests'."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "loadtest.py"


def test_loadtest_reports_every_endpoint_without_errors(tmp_path: Path) -> None:
    args = ["--clients", "5", "--seconds", "2", "--articles", "50", "--store-dir", str(tmp_path), "--p99-ms", "1e9"]
    run = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    rows = {line.split()[0]: line.split()[1:] for line in run.stdout.splitlines() if line[:1].isalpha()}
    for group in ("dyad", "dyad-events", "search", "actor", "article", "overview", "total"):
        assert int(rows[group][0]) > 0, f"no {group} requests: {run.stdout}"
    assert rows["total"][5] == "0", run.stdout  # the errors column
    assert "loadtest: OK" in run.stdout
    # again, against two server processes (`warta serve --workers 2`)
    again = subprocess.run([sys.executable, str(SCRIPT), *args, "--server-workers", "2"], capture_output=True, text=True,
                           timeout=300, check=False)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "building" not in again.stderr and "--workers 2" in again.stdout  # the store is reused
