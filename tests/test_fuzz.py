"""The fuzz target `fuzz/fuzz_article.py`: its seeds pass, and a brief atheris run finds no crash.

The atheris run is skipped where atheris is not installed, except when WARTA_REQUIRE_ATHERIS=1
(CI sets it): there a missing atheris fails. WARTA_FUZZ_SECONDS sets how long it runs (20 s).
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "fuzz" / "fuzz_article.py"
SECONDS = int(os.environ.get("WARTA_FUZZ_SECONDS", "20"))


def _target():
    spec = importlib.util.spec_from_file_location("fuzz_article", TARGET)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _target().seeds(tmp_path_factory.mktemp("seeds"))


def test_every_seed_passes_the_target(seeds: list[Path]) -> None:
    target = _target()
    assert len(seeds) > 30
    for seed in seeds:
        target.check(seed.read_bytes())  # raises on a crash, as under atheris


def test_a_headline_amount_is_checked_against_the_title() -> None:
    # an amount only the headline states counts its offsets into the title (in_title): the
    # target's offset check read them in the text and called a right answer a crash
    _target().check("\x01Menteri sepakat kerja sama senilai €5 juta\n\n"
                    "Kedua negara sepakat melanjutkan pembicaraan bulan depan di Paris.\n".encode())


def test_the_target_catches_what_it_should() -> None:
    """A stage's unforeseen exception is a crash for the fuzzer, not a quiet error line."""
    target = _target()
    target.check(b"\x01Judul\n\nIsi berita yang cukup panjang.")
    pipeline = target._STATE["pipeline"]
    original = pipeline.stages

    class Broken:
        name, requires, produces = "broken", frozenset(), frozenset()

        def __call__(self, article):
            raise KeyError("bug")

    pipeline.stages = (*original, Broken())
    try:
        with pytest.raises(KeyError):
            target.check(b"\x01Judul\n\nIsi berita yang cukup panjang.")
    finally:
        pipeline.stages = original


def test_a_brief_atheris_run_finds_no_crash(seeds: list[Path], tmp_path: Path) -> None:
    if importlib.util.find_spec("atheris") is None:
        if os.environ.get("WARTA_REQUIRE_ATHERIS") == "1":
            pytest.fail("atheris is required here (WARTA_REQUIRE_ATHERIS=1): pip install -e '.[fuzz]'")
        pytest.skip("atheris not installed (pip install -e '.[fuzz]')")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in seeds:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    run = subprocess.run(
        [sys.executable, str(TARGET), f"-max_total_time={SECONDS}", "-timeout=60", "-rss_limit_mb=4096",
         f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True, text=True, errors="replace", timeout=SECONDS + 600, cwd=tmp_path, check=False)
    crashes = sorted(p.name for p in tmp_path.glob("crash-*")) + sorted(p.name for p in tmp_path.glob("timeout-*"))
    assert run.returncode == 0 and not crashes, f"{crashes}\n{run.stderr[-4000:]}"
    assert "Done " in run.stderr
