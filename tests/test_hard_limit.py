"""The document time limit holds in wall time, also for a call the timer cannot stop (one long call
into C): the worker running such a document is ended a few seconds past `document_timeout`, the
document fails with reason `timeout` in one line, and every other input of the batch is given and
stored exactly once — in `warta extract`, a plain `warta ingest` and a bulk run, on SQLite and
PostgreSQL (WARTA_TEST_POSTGRES_URL).

The stuck document is simulated by tests/hanging_warta.py (`warta` with a `hang` stage that blocks
the timer signal and sleeps). The bounds on time are generous: they tell a kill from the five
minutes the stage would sleep, not how fast anything runs.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_store_conformance import _fresh_postgres, _postgres_url

from warta.errors import DocumentTimeoutError, StageError, WartaError
from warta.model import Document
from warta.store import open_store
from warta.supervise import Supervisor

TESTS = Path(__file__).resolve().parent
BODY = "Menteri Luar Negeri Indonesia bertemu Duta Besar Prancis di Jakarta pada Senin untuk membahas kerja sama."
BOUND = 60  # seconds: far below the stuck stage's sleep (300 s), far above a kill's few seconds
GOOD = ["a.txt", "b.txt", "d.txt", "e.txt", "f.txt"]


def _batch(folder: Path) -> Path:
    """Five good texts and one (c.txt) that gets stuck; with batches of three, the stuck one shares
    its batch with a document before and after it."""
    folder.mkdir()
    for number, name in enumerate(GOOD):
        (folder / name).write_text(f"Judul {number}\n\n{BODY} Nomor {number}.\n", encoding="utf-8")
    (folder / "c.txt").write_text(f"Judul macet\n\nHANG {BODY}\n", encoding="utf-8")
    return folder


def _run(*args: str, env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(TESTS / "hanging_warta.py"), *args], capture_output=True,
                          env=env, timeout=240, check=False)
    return done, time.monotonic() - started


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "WARTA_DOCUMENT_TIMEOUT": "1", "WARTA_BATCH_SIZE": "3", "WARTA_STAGES": "read,hang",
            "WARTA_JOURNAL_DIR": str(tmp_path / "journals")}


def _stderr(done: subprocess.CompletedProcess) -> list[str]:
    text = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    return text.splitlines()


def _timeout_line(folder: Path) -> str:
    return f"warta: {folder / 'c.txt'}: timed out after 1 s (setting document_timeout; its worker was ended)"


def _db(tmp_path: Path, backend: str) -> str:
    return str(tmp_path / "warta.db") if backend == "sqlite" else _fresh_postgres(_postgres_url())[0]


def _sources(db: str) -> list[str]:
    with open_store(db) as store:
        return sorted(Path(row["source"]).name for row in store.query("SELECT source FROM articles"))


def test_extract_ends_a_stuck_document_in_one_line_and_gives_the_others_in_order(tmp_path: Path) -> None:
    folder = _batch(tmp_path / "news")
    done, seconds = _run("extract", str(folder), "--format", "json", env=_env(tmp_path))
    assert seconds < BOUND and done.returncode == 1
    assert [Path(json.loads(line)["source"]).name for line in done.stdout.splitlines()] == GOOD
    assert _stderr(done) == [_timeout_line(folder), "warta: dropped 1 input: timeout 1"]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_plain_ingest_stores_every_good_input_once_around_a_stuck_one(tmp_path: Path, backend: str) -> None:
    folder, db = _batch(tmp_path / "news"), _db(tmp_path, backend)
    done, seconds = _run("ingest", str(folder), "--db", db, env=_env(tmp_path))
    assert seconds < BOUND and done.returncode == 1
    assert _timeout_line(folder) in _stderr(done)
    assert _sources(db) == GOOD


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_bulk_run_ends_the_stuck_worker_retries_its_batch_and_quarantines_the_input(tmp_path: Path,
                                                                                    backend: str) -> None:
    folder, db = _batch(tmp_path / "news"), _db(tmp_path, backend)
    env = _env(tmp_path)
    done, seconds = _run("ingest", str(folder), "--db", db, "--workers", "2", "-q", env=env)
    assert seconds < BOUND + 30 and done.returncode == 1  # + the workers' start, twice over
    assert _timeout_line(folder) in _stderr(done)
    assert re.search(r"6 inputs: 5 done \(added 5;.*\), 1 failed", done.stderr.decode())
    assert _sources(db) == GOOD
    status = subprocess.run([sys.executable, "-m", "warta", "status", "--db", db], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert "quarantined by reason: timeout 1" in status.stdout, status.stdout + status.stderr
    assert f"timeout: {folder / 'c.txt'}: timed out after 1 s" in status.stdout
    again, _ = _run("ingest", str(folder), "--db", db, "--workers", "2", "-q", env=env)
    assert again.returncode == 0 and "6 already done" in again.stderr.decode(), again.stderr.decode()
    assert _sources(db) == GOOD


# -- the supervisor itself, in this process ---------------------------------------------------------


class _Toy:
    """A handler: a document's result is its source, except `stuck` (the timer blocked, a long
    sleep) and `crash` (the worker process dies)."""

    def prepare(self) -> None:
        pass

    def run(self, document: Document) -> str:
        if document.source == "stuck":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(300)
        if document.source == "crash":
            os._exit(3)
        return document.source

    def finish(self) -> int:
        return os.getpid()

    def lost(self, document: Document, error: WartaError) -> str:
        return f"{document.source}: {error.reason}"


def _documents(*names: str) -> list[Document]:
    return [Document(source=name, content="x", kind="text") for name in names]


def test_the_supervisor_fails_only_the_stuck_and_crashed_documents_and_keeps_batch_order() -> None:
    batches = [_documents("1", "stuck", "2"), _documents("3", "4"), _documents("crash", "5"), _documents("6")]
    supervisor = Supervisor(_Toy(), multiprocessing.get_context("fork"), workers=2, seconds=0.5, grace=0.5,
                            in_flight=3)
    started = time.monotonic()
    try:
        results = [items for items, _ in supervisor.map(batches)]
    finally:
        supervisor.close()
    assert time.monotonic() - started < BOUND
    assert results == [["1", "stuck: timeout", "2"], ["3", "4"], ["crash: crashed", "5"], ["6"]]


def test_a_pipeline_that_cannot_be_built_is_reported_from_the_worker() -> None:
    from warta.plain import run_inputs
    from warta.settings import load_settings

    settings = load_settings({"stages": "read,telepathy", "document_timeout": 5})
    with pytest.raises(WartaError, match="telepathy: unknown stage"):
        list(run_inputs(settings, _documents("a.txt")))


def test_errors_cross_processes_whole() -> None:
    error = StageError("a.txt", "stage x failed (ValueError: no)")
    error.stage = "x"
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.source, again.detail, again.stage) == (
        StageError, "a.txt: stage x failed (ValueError: no)", "a.txt", "stage x failed (ValueError: no)", "x")
    timeout = pickle.loads(pickle.dumps(DocumentTimeoutError("b.txt", "timed out")))
    assert timeout.reason == "timeout" and re.fullmatch("b.txt: timed out", str(timeout))


# -- memory bounded before the amplification: per-document caps ------------------------------------


def test_an_input_of_too_many_tokens_is_dropped_as_soon_as_it_is_split() -> None:
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    pipeline = Pipeline.build(load_settings({"stages": "read,language,segment", "max_document_tokens": 500,
                                             "document_timeout": 0}))
    flood = Document(source="flood.txt", kind="text", content=f"Judul\n\n{BODY}\n\n" + "a , " * 400)
    outcome = pipeline.run(flood)
    assert outcome.error is not None and outcome.error.reason == "too-large"
    assert str(outcome.error) == "flood.txt: more than 500 tokens (setting max_document_tokens)"
    assert pipeline.run(Document(source="ok.txt", kind="text", content=f"Judul\n\n{BODY}\n")).article is not None


def test_the_syntax_stage_parses_at_most_its_cap_of_sentences() -> None:
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    settings = {"stages": "read,language,segment,syntax", "syntax_every_sentence": True, "document_timeout": 0}
    text = "Judul\n\n" + " ".join(f"Menteri itu bertemu duta besar pada hari ke-{n}." for n in range(12))
    document = Document(source="many.txt", kind="text", content=text)
    capped = Pipeline.build(load_settings({**settings, "syntax_max_sentences": 5})).run(document).article
    whole = Pipeline.build(load_settings({**settings, "syntax_max_sentences": 0})).run(document).article
    assert capped is not None and whole is not None and len(whole.syntax) == len(whole.sentences) == 13  # and the title
    assert [p.start for p in capped.syntax] == [s.start for s in whole.sentences[:5]]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_a_stuck_worker_dies_with_its_parent(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "c.txt").write_text(f"Judul\n\nHANG {BODY}\n", encoding="utf-8")
    env = {**_env(tmp_path), "WARTA_DOCUMENT_TIMEOUT": "600"}
    parent = subprocess.Popen([sys.executable, str(TESTS / "hanging_warta.py"), "extract", str(folder)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children")
    for _ in range(600):
        if children.read_text().split():
            break
        time.sleep(0.1)
    [worker] = map(int, children.read_text().split())
    time.sleep(1)  # into the stuck stage
    parent.kill()
    parent.wait(timeout=30)
    for _ in range(300):
        if not Path(f"/proc/{worker}").exists() or "Z" in Path(f"/proc/{worker}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its parent")
