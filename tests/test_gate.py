"""The accuracy gate: every output warta scores on the dev set and the public benches has a floor.

Modelled on trafilatura's evaluation gate. `tests/gate/baseline.json` holds, per bench, the floors
(figures that must not fall), the ceilings (counts that must not rise: forbidden events, failed
documents) and the sha256 of the corpus and scorer files they were measured on. Each bench runs
the real command line once over all its documents (`warta extract {docs} --format json`), scored
by the shared scorers in ../shared/eval, and fails when a figure drops below its floor.

`pytest tests/test_gate.py --update-baseline` raises floors (and lowers ceilings) to what was
measured; it never lowers a floor, except for a bench whose input files changed, whose figures
are then measured afresh (the old floors were measured on other files). Without the flag a changed
input file fails the bench, naming the file. Skips without ../shared, fails instead under
WARTA_REQUIRE_CORPUS=1 (CI).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SHARED

BASELINE = Path(__file__).resolve().parent / "gate" / "baseline.json"
EVAL = SHARED / "eval"
CORPUS = SHARED / "corpus"
NERP = CORPUS / "annotations" / "indonlu-nerp" / "test_preprocess.txt"
PLOVER = CORPUS / "lexicons" / "plover" / "PLOVER_GSR_CAMEO.txt"
COMMAND = f"{shlex.quote(sys.executable)} -m warta extract {{docs}} --format json"
TIMEOUT = 900
_FIGURE = re.compile(r"([a-z_0-9]+)=(-?[0-9.]+)")


def digest(path: Path) -> str:
    """sha256 of a file, or of a folder's files (their relative paths and contents, in sorted order)."""
    h = hashlib.sha256()
    if path.is_file():
        h.update(path.read_bytes())
        return h.hexdigest()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(f.relative_to(path).as_posix().encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def last_figures(out: str) -> dict[str, float]:
    """The `name=value` figures of a scorer's last line."""
    lines = [line for line in out.splitlines() if "=" in line]
    if not lines:
        raise AssertionError(f"the scorer printed no figures: {out[-500:]!r}")
    return {k: float(v) for k, v in _FIGURE.findall(lines[-1])}


def scorer(script: str, *args: str) -> dict[str, float]:
    """Run one shared scorer on warta's command line and return its last line's figures."""
    proc = subprocess.run([sys.executable, str(EVAL / script), "--cmd", COMMAND, *args],
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if proc.returncode not in (0, 1):  # 1: below the scorer's own floor, which we do not pass
        raise AssertionError(f"{script} exited {proc.returncode}: {proc.stderr[-800:]}")
    return last_figures(proc.stdout)


def dev_set() -> dict[str, float]:
    """evaluate.py's figures on ../shared/eval/dev, with one `warta extract` run over all documents."""
    spec = importlib.util.spec_from_file_location("shared_evaluate", EVAL / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(evaluate)
    golds = [(g, json.loads(g.read_text(encoding="utf-8"))) for g in sorted((EVAL / "dev").glob("*.gold.json"))]
    docs = [os.path.abspath(g.parent / gold["doc"]) for g, gold in golds]
    proc = subprocess.run(COMMAND.replace("{docs}", " ".join(shlex.quote(d) for d in docs)), shell=True,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    by_source = {os.path.abspath(o["source"]): o for o in map(json.loads, proc.stdout.splitlines()) if o.get("source")}
    per_doc = {}
    for (_, gold), doc in zip(golds, docs):
        art = by_source.get(doc)
        per_doc[gold["doc"]] = evaluate.score_doc(gold, art) if art else {"error": proc.stderr[-300:]}
    return {k: round(float(v), 3) for k, v in evaluate.flat(evaluate.aggregate(per_doc)).items()}


def project_bench(script: str, *args: str) -> dict[str, float]:
    """One of this project's benchmarks/ scorers run on warta's command line: its last line's figures."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / script
    proc = subprocess.run([sys.executable, str(path), *args, "--cmd", COMMAND],
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"{script} exited {proc.returncode}: {proc.stderr[-800:]}")
    return last_figures(proc.stdout)


def plover_records() -> dict[str, float]:
    """benchmarks/plover_gsr.py's figures on the PLOVER gold-standard records (each sentence a document)."""
    return project_bench("plover_gsr.py", "--data", str(PLOVER))


def speaker_audit() -> dict[str, float]:
    """benchmarks/speaker_audit.py's figures: 30 corpus articles judged by hand (issue 19)."""
    return project_bench("speaker_audit.py", "--shared", str(SHARED))


def event_audit() -> dict[str, float]:
    """benchmarks/event_audit.py's figures: the events of 12 corpus articles judged by hand (issue 15)."""
    return project_bench("event_audit.py", "--shared", str(SHARED))


def publication_dates() -> dict[str, float]:
    """benchmarks/dates_bench.py's figures: the publication day of real Indonesian pages."""
    return project_bench("dates_bench.py", "--pages", str(CORPUS / "id" / "pages"))


# name -> (how to measure it, the files its figures depend on, relative to ../shared)
BENCHES: dict[str, tuple[Callable[[], dict[str, float]], tuple[str, ...]]] = {
    "dev": (dev_set, ("eval/evaluate.py", "eval/dev")),
    "extraction-id": (lambda: scorer("extraction.py", "--pages", str(CORPUS / "id" / "pages")),
                      ("eval/extraction.py", "corpus/id/pages")),
    "extraction-en": (lambda: scorer("extraction.py", "--pages", str(CORPUS / "en" / "pages")),
                      ("eval/extraction.py", "corpus/en/pages")),
    "ner-nergrit": (lambda: scorer("ner_bench.py"),
                    ("eval/ner_bench.py", "corpus/annotations/indonlu-nergrit/test_preprocess.txt")),
    "ner-nerp": (lambda: scorer("ner_bench.py", "--map", "PPL=PERSON,PLC=PLACE,IND=ORG", "--data", str(NERP)),
                 ("eval/ner_bench.py", "corpus/annotations/indonlu-nerp/test_preprocess.txt")),
    "polnear-dev": (lambda: scorer("polnear_bench.py", "--split", "dev"),
                    ("eval/polnear_bench.py", "corpus/en/polnear/dev")),
    "polnear-test": (lambda: scorer("polnear_bench.py", "--split", "test"),
                     ("eval/polnear_bench.py", "corpus/en/polnear/test")),
    "dates-pages": (publication_dates, ("corpus/id/pages",)),
    "speaker-audit": (speaker_audit, ("corpus/id/articles", "corpus/en/pages")),
    "event-audit": (event_audit, ("corpus/id/articles", "corpus/en/pages")),
    "plover": (plover_records, ("corpus/lexicons/plover/PLOVER_GSR_CAMEO.txt",)),
    "cameo": (lambda: scorer("cameo_bench.py"),
              ("eval/cameo_bench.py", "corpus/annotations/petrarch-cameo/PETR2_GSR_validation.sentences.jsonl")),
}


def load_baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def changed_inputs(entry: dict) -> list[str]:
    """The input files of a bench whose content is no longer what its floors were measured on."""
    return [rel for rel, sha in entry.get("inputs", {}).items() if not (SHARED / rel).exists() or digest(SHARED / rel) != sha]


def below(entry: dict, figures: dict[str, float]) -> list[str]:
    """Every floor the figures fall below and every ceiling they rise above, as readable lines."""
    missing = [f"{k}: not measured" for k in {**entry.get("floors", {}), **entry.get("ceilings", {})} if k not in figures]
    low = [f"{k}={figures[k]} below its floor {v}" for k, v in entry.get("floors", {}).items() if k in figures and figures[k] < v]
    high = [f"{k}={figures[k]} above its ceiling {v}" for k, v in entry.get("ceilings", {}).items() if k in figures and figures[k] > v]
    return missing + low + high


def raised(entry: dict, figures: dict[str, float], inputs: tuple[str, ...], fresh: bool) -> dict:
    """The bench's baseline entry after --update-baseline: floors only rise unless the inputs changed."""
    keep = (lambda old, new: new) if fresh else None
    floors = {k: (keep or max)(v, figures.get(k, v)) for k, v in entry.get("floors", {}).items()}
    ceilings = {k: int((keep or min)(v, figures.get(k, v))) for k, v in entry.get("ceilings", {}).items()}
    return {"inputs": {rel: digest(SHARED / rel) for rel in inputs}, "floors": floors, "ceilings": ceilings}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(BENCHES))
def test_no_output_falls_below_its_floor(name: str, request: pytest.FixtureRequest) -> None:
    measure, inputs = BENCHES[name]
    absent = [rel for rel in inputs if not (SHARED / rel).exists()]
    if absent:
        pytest.skip(f"corpus absent: {', '.join(str(SHARED / rel) for rel in absent)}")
    entry = load_baseline()["benches"][name]
    changed = changed_inputs(entry)
    update = request.config.getoption("--update-baseline")
    if changed and not update:
        pytest.fail(f"{name}: {', '.join(changed)} changed since the floors were measured; "
                    "re-measure with `pytest tests/test_gate.py --update-baseline`")
    figures = measure()
    if update:
        baseline = load_baseline()  # re-read: the other benches may have been updated in this run
        baseline["benches"][name] = raised(entry, figures, inputs, fresh=bool(changed))
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    failures = below(entry if not update else load_baseline()["benches"][name], figures)
    assert not failures, f"{name}: " + "; ".join(failures)


def test_baseline_names_every_bench_and_its_inputs() -> None:
    benches = load_baseline()["benches"]
    assert set(benches) == set(BENCHES)
    for name, (_, inputs) in BENCHES.items():
        assert set(benches[name]["inputs"]) == set(inputs), name
        assert benches[name]["floors"], f"{name} has no floor"


def test_a_drop_below_a_floor_is_reported() -> None:
    entry = {"floors": {"events_f1": 0.974}, "ceilings": {"forbidden_event_hits": 0}}
    assert below(entry, {"events_f1": 0.974, "forbidden_event_hits": 0}) == []
    assert below(entry, {"events_f1": 0.973, "forbidden_event_hits": 1}) == [
        "events_f1=0.973 below its floor 0.974", "forbidden_event_hits=1 above its ceiling 0"]
    assert below(entry, {"forbidden_event_hits": 0}) == ["events_f1: not measured"]


def test_floors_only_rise_on_the_same_inputs() -> None:
    entry = {"floors": {"f1": 0.9}, "ceilings": {"failed": 1}}
    assert raised(entry, {"f1": 0.8, "failed": 3}, (), fresh=False)["floors"] == {"f1": 0.9}
    assert raised(entry, {"f1": 0.95, "failed": 0}, (), fresh=False) == {"inputs": {}, "floors": {"f1": 0.95}, "ceilings": {"failed": 0}}
    assert raised(entry, {"f1": 0.8, "failed": 3}, (), fresh=True)["floors"] == {"f1": 0.8}


def test_last_figures_reads_a_scorers_last_line() -> None:
    out = "x: missed\ncameo_f1=0.566 p=0.569 r=0.562 root_acc=0.951 sentences=77 failed=0 seconds=7.4\n"
    assert last_figures(out)["cameo_f1"] == 0.566 and last_figures(out)["failed"] == 0
