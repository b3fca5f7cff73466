"""Stage contracts tell the truth, one runner serves the CLI and the bulk workers, names are unique.

Every registered stage runs on an article whose fields it did not declare in `requires` raise
when read; a failing stage gives the same single line through `warta extract` and a bulk run.
"""
from __future__ import annotations

import inspect
from dataclasses import fields
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.errors import ConfigError
from warta.model import Article, Document
from warta.pipeline import Pipeline, register, registered_stages, stage_reads
from warta.settings import load_settings

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FIELDS = frozenset(f.name for f in fields(Article))
ALWAYS = frozenset({"source", "raw"})  # the input itself: every stage may look at it


class UndeclaredRead(AssertionError):
    """A stage read an article field its contract does not name."""


class Guarded:
    """An article that raises when a field outside `allowed` is read, its methods included."""

    def __init__(self, article: Article, allowed: frozenset[str], stage: str) -> None:
        object.__setattr__(self, "_guard", (article, allowed, stage))

    @property
    def __class__(self) -> type:  # isinstance(guarded, Article) holds, as for the real one
        return Article

    def __getattr__(self, name: str):
        article, allowed, stage = object.__getattribute__(self, "_guard")
        if name in FIELDS and name not in allowed | ALWAYS:
            raise UndeclaredRead(f"stage {stage} reads article.{name} but does not require it")
        if name == "replace":  # the new article is a real one
            return article.replace
        method = inspect.getattr_static(Article, name, None)
        if inspect.isfunction(method):  # a method reads its fields through the guard too
            return method.__get__(self)
        return getattr(article, name)


@cache
def inputs() -> dict[str, dict[str, Article]]:
    """For each sample article, the article each stage of the default pipeline receives."""
    pipeline = Pipeline.build(load_settings())
    seen: dict[str, dict[str, Article]] = {}
    for path in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.html")):
        kind = "html" if path.suffix == ".html" else "text"
        article = Article.from_document(Document(source=str(path), content=path.read_bytes(), kind=kind))
        for stage in pipeline.stages:
            seen.setdefault(stage.name, {})[path.name] = article
            article = stage(article)
    return seen


def default_stages() -> list[str]:
    return [s.strip() for s in load_settings()["stages"].split(",")]


@pytest.mark.parametrize("name", default_stages())
def test_a_stage_reads_only_what_it_requires(name: str) -> None:
    stage = registered_stages()[name](load_settings())
    allowed = stage_reads(stage)
    for sample, article in inputs()[name].items():
        result = stage(Guarded(article, allowed, name))
        changed = {f for f in FIELDS - {"raw"} if getattr(result, f) != getattr(article, f)}
        assert changed <= set(stage.produces), f"{name} on {sample} also wrote {changed - set(stage.produces)}"


def test_every_registered_stage_is_in_the_contract_test() -> None:
    assert set(registered_stages()) == set(default_stages())


def test_the_guard_catches_an_undeclared_read() -> None:
    article = inputs()["events"]["id-kunjungan-menlu.txt"]
    guarded = Guarded(article, frozenset({"sentences"}), "probe")
    assert guarded.sentences == article.sentences
    with pytest.raises(UndeclaredRead):
        _ = guarded.quotes
    with pytest.raises(UndeclaredRead):  # through a method too: span_text reads the text
        guarded.span_text(article.sentences[0])


def test_a_second_stage_under_a_taken_name_is_refused() -> None:
    registered_stages()
    with pytest.raises(ConfigError, match="already registered"):
        register("segment")(lambda settings: None)


def test_registering_the_same_factory_again_is_harmless() -> None:
    factory = registered_stages()["segment"]
    assert register("segment")(factory) is factory


# --- one runner: the same line from `warta extract` and from a bulk run ---------------------------

class Exploding:
    """A stage with a bug: its error message spans lines."""

    name = "explode"
    requires = frozenset({"text"})
    produces: frozenset[str] = frozenset()

    def __call__(self, article: Article) -> Article:
        raise ValueError("first line\nsecond line\n" + "x" * 400)


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if "stage explode failed" in line]


def test_a_failing_stage_gives_the_same_single_line_through_extract_and_bulk(tmp_path: Path, monkeypatch) -> None:
    import warta.pipeline as pipeline_module
    from warta import cli

    registered_stages()  # the built-in stages first, as tests/test_pipeline.py does
    monkeypatch.setitem(pipeline_module._REGISTRY, "explode", lambda settings: Exploding())

    news = tmp_path / "news.txt"
    news.write_text("Judul\n\nMenteri Luar Negeri bertemu mitranya di Jakarta pada Senin untuk membahas kerja sama.\n")
    monkeypatch.setenv("WARTA_JOURNAL_DIR", str(tmp_path / "journals"))
    cli._load_command_modules()
    runner = CliRunner()
    extract = runner.invoke(cli.app, ["extract", str(news), "--stages", "read,explode"])
    bulk = runner.invoke(cli.app, ["ingest", str(news), "--db", str(tmp_path / "w.db"), "--stages", "read,explode",
                               "--engine", "serial", "--quiet"])
    assert extract.exit_code == 1 and bulk.exit_code == 1, bulk.output
    lines = _errors(extract.output)
    assert len(lines) == 1 and len(lines[0]) < 400 and "first line second line" in lines[0]
    assert _errors(bulk.output) == lines, bulk.output
