"""Fuzz target: raw bytes -> Article, through the readers and the first stages of the pipeline.

    python fuzz/fuzz_article.py [libFuzzer flags] [CORPUS_DIR ...]     # needs atheris (`pip install .[fuzz]`)
    python fuzz/fuzz_article.py -max_total_time=60 -timeout=20 /tmp/seeds

The first byte of an input picks the kind of file it is written as (.html, .txt, .jsonl, .html.gz,
.warc.gz, …), the rest is the file. The readers must give a Document or a one-line WartaError;
the stages (read, language, segment, entities, dates, amounts, quotes by default) must give an article whose every
offset points into its text, or a one-line error they meant to raise. Any other exception, a
stage's unforeseen error (StageError), or an offset outside the text is a crash.

`check(data)` is the target itself and runs without atheris: tests/test_fuzz.py runs it over the
seed inputs `seeds()` writes, and runs this file under atheris for a few seconds when it is there.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SUFFIXES = (".html", ".txt", ".jsonl", ".html.gz", ".jsonl.gz", ".warc", ".warc.gz", ".odd")
# WARTA_FUZZ_STAGES=read,language,segment,entities,dates,amounts,quotes,events,tone fuzzes them all (slower)
STAGES = os.environ.get("WARTA_FUZZ_STAGES", "read,language,segment,entities,dates,amounts,quotes")
MAX_BYTES = 1_000_000
_STATE: dict = {}


def _setup() -> None:
    """The pipeline and a scratch folder, made once per process."""
    if not _STATE:
        from warta.pipeline import Pipeline
        from warta.settings import load_settings

        # No per-document limits: libFuzzer's own -timeout and -rss_limit_mb report slow inputs.
        settings = load_settings({"stages": STAGES, "document_timeout": 0, "document_memory_mb": 0})
        _STATE["pipeline"] = Pipeline.build(settings)
        _STATE["folder"] = Path(tempfile.mkdtemp(prefix="warta-fuzz-"))


def check(data: bytes) -> None:
    """Read `data` as the kind its first byte picks and run the pipeline on what comes out."""
    from warta.errors import StageError, WartaError
    from warta.model import Document
    from warta.read.sources import iter_documents

    if not data:
        return
    _setup()
    path = _STATE["folder"] / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    for item in iter_documents([str(path)], max_bytes=MAX_BYTES):
        if isinstance(item, WartaError):
            _one_line(item)
            continue
        assert isinstance(item, Document), type(item)
        outcome = _STATE["pipeline"].run(item)
        if isinstance(outcome.error, StageError):  # an exception no stage foresaw: the bug itself
            raise outcome.error.__cause__ or outcome.error
        if outcome.error is not None:
            _one_line(outcome.error)
        else:
            _offsets_inside(outcome.article)


def _one_line(error: Exception) -> None:
    message = str(error)
    assert message and "\n" not in message and len(message) < 1000, message


def _offsets_inside(article) -> None:
    text = article.text
    for span in (*article.paragraphs, *article.sentences, *article.tokens):
        assert 0 <= span.start < span.end <= len(text), span
    for record in (*article.quotes, *article.amounts, *article.dates):
        # a headline's amount counts its offsets into the title (`in_title`)
        within = (article.title or "") if getattr(record, "in_title", False) else text
        assert 0 <= record.start <= record.end <= len(within) and article.span_text(record) == record.text, record


def seeds(folder: Path) -> list[Path]:
    """Write seed inputs (small cases of the hostile corpus and the test fixtures) into `folder`."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "scripts"))
    try:
        import hostile_corpus
    finally:
        sys.path.remove(str(root / "scripts"))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in hostile_corpus.CASES:
        data = b"" if case.huge else case.build()
        if 0 < len(data) <= 100_000:
            written.append(_seed(folder, case.name, data))
    for fixture in sorted((root / "tests" / "fixtures").glob("*.*")):
        if fixture.stat().st_size <= 100_000:
            written.append(_seed(folder, fixture.name, fixture.read_bytes()))
    return written


def _seed(folder: Path, name: str, data: bytes) -> Path:
    kind = next((i for i, s in sorted(enumerate(SUFFIXES), key=lambda p: -len(p[1])) if name.endswith(s)),
                SUFFIXES.index(".odd"))
    path = folder / name.replace(".", "_")
    path.write_bytes(bytes([kind]) + data)
    return path


def main() -> None:
    """Run under atheris, instrumenting warta's own modules (not the libraries, to stay fast)."""
    import atheris

    with atheris.instrument_imports(include=["warta"]):
        import warta.pipeline
        import warta.read.sources  # noqa: F401 - imported under instrumentation, before _setup uses it
        _setup()
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
