"""The JSON Schema of the article JSON: it matches the model, and real `warta extract` output validates."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from test_model import full_article

from warta import model
from warta.model import SCHEMA_VERSION, Article
from warta.schema import article_schema

RECORDS = {"Span": model.Span, "Mention": model.Mention, "Entity": model.Entity, "Quote": model.Quote,
           "Amount": model.Amount, "DateMention": model.DateMention, "Actor": model.Actor, "Evidence": model.Evidence,
           "Event": model.Event, "Tone": model.Tone, "Word": model.Word, "Parse": model.Parse}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(validator: jsonschema.Draft202012Validator, data: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_schema_is_draft_2020_12_and_versioned() -> None:
    schema = article_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION, "description": "Version of this schema."}
    assert article_schema(SCHEMA_VERSION) == schema


def test_article_schema_returns_a_fresh_copy() -> None:
    article_schema()["properties"].clear()
    assert "text" in article_schema()["properties"]


def test_article_properties_match_the_model() -> None:
    schema = article_schema()
    fields = {f.name for f in dataclasses.fields(Article)} - {"raw"}
    assert set(schema["properties"]) == fields | {"schema_version"}
    assert set(schema["required"]) == fields - {"tokens", "syntax"} | {"schema_version"}
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_record_definitions_match_the_model(name: str) -> None:
    definition = article_schema()["$defs"][name]
    fields = {f.name for f in dataclasses.fields(RECORDS[name])}
    assert set(definition["properties"]) == fields
    assert set(definition["required"]) == fields  # to_dict always writes every field
    assert definition["additionalProperties"] is False


def test_nullability_follows_the_type_hints() -> None:
    """A field may be null in the schema exactly when its type hint allows None."""
    import typing

    schema = article_schema()
    defs = schema["$defs"]

    def allows_null(node: dict) -> bool:
        if "$ref" in node:
            return allows_null(defs[node["$ref"].rsplit("/", 1)[1]])
        kinds = node.get("type", [])
        return "null" in (kinds if isinstance(kinds, list) else [kinds]) or any(allows_null(n) for n in node.get("anyOf", []))

    for name, record in {**RECORDS, "Article": Article}.items():
        properties = schema["properties"] if name == "Article" else defs[name]["properties"]
        hints = typing.get_type_hints(record)
        for field in dataclasses.fields(record):
            if field.name == "raw":
                continue
            nullable = type(None) in typing.get_args(hints[field.name])
            assert allows_null(properties[field.name]) == nullable, (name, field.name)


def test_model_output_with_every_annotation_validates(validator) -> None:
    article = full_article()
    for line in (article.to_json(), article.to_json(tokens=True)):
        assert _errors(validator, json.loads(line)) == []
    assert _errors(validator, json.loads(Article(source="bare").to_json())) == []


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d.pop("text"), ""),
    (lambda d: d.update(extra=1), ""),
    (lambda d: d.update(schema_version="0.9"), "schema_version"),
    (lambda d: d["paragraphs"][0].update(start=-1), "paragraphs/0/start"),
    (lambda d: d["paragraphs"][0].update(start="0"), "paragraphs/0/start"),
    (lambda d: d["entities"][0]["mentions"][0].pop("producer"), "entities/0/mentions/0"),
    (lambda d: d["quotes"][0].update(direct="yes"), "quotes/0/direct"),
    (lambda d: d["amounts"][0].update(value=None), "amounts/0/value"),
    (lambda d: d["amounts"][1].update(in_title="yes"), "amounts/1/in_title"),
    (lambda d: d["amounts"][1].pop("in_title"), "amounts/1"),
    (lambda d: d["events"][0].update(evidence=None), "events/0/evidence"),
    (lambda d: d["events"][0]["actor1"].update(country=3), "events/0/actor1"),
    (lambda d: d.update(tone={"score": 1}), "tone"),
    (lambda d: d.update(raw_offsets=[[0, 0, 0]]), "raw_offsets/0"),
    (lambda d: d.update(language=7), "language"),
])
def test_schema_rejects_wrong_output(validator, change, where: str) -> None:
    data = json.loads(full_article().to_json(tokens=True))
    change(data)
    errors = _errors(validator, data)
    assert errors and any(e.startswith(where) for e in errors), errors


def test_cli_output_on_fixtures_validates(warta_cli, fixtures: Path, validator) -> None:
    inputs = ["id_article.html", "en_article.htm", "id_noisy.txt", "articles.jsonl"]
    result = warta_cli("extract", *(str(fixtures / name) for name in inputs), "--tokens")
    objects = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(objects) == 6
    for data in objects:
        assert _errors(validator, data) == [], data["source"]


def test_cli_output_on_real_news_validates(warta_cli, corpus: Path, validator) -> None:
    paths = sorted((corpus / "id" / "articles").glob("*.txt"))[:4] + sorted((corpus / "en" / "pages").glob("*.html"))[:3]
    if not paths:
        pytest.skip("no corpus articles")
    result = warta_cli("extract", *map(str, paths))
    objects = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["source"] for o in objects] == [str(p) for p in paths], result.stderr.decode()
    for data in objects:
        assert _errors(validator, data) == [], data["source"]
        assert data["text"] and data["language"] in ("id", "en")


def test_cli_output_on_repository_samples_validates(warta_cli, validator) -> None:
    samples = Path(__file__).resolve().parents[1] / "samples"
    paths = sorted(p for p in samples.glob("*") if p.suffix in (".html", ".txt", ".jsonl"))
    if not paths:
        pytest.skip("no samples folder")
    result = warta_cli("extract", *map(str, paths), "--tokens")
    objects = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 0, result.stderr.decode()
    assert len(objects) >= len(paths)
    for data in objects:
        assert _errors(validator, data) == [], data["source"]


def test_schema_ships_as_package_data() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "schema/*.json" in pyproject["tool"]["setuptools"]["package-data"]["warta"]
    from importlib import resources

    assert (resources.files("warta.schema") / f"article-{SCHEMA_VERSION}.schema.json").is_file()


def test_cli_output_marks_amounts_of_the_headline(warta_cli, tmp_path: Path, validator) -> None:
    """The JSON contract: a figure only the headline states is an amount with `in_title` and
    offsets into `title`; one the body repeats is the body's record only."""
    (tmp_path / "berita.txt").write_text(
        "Indonesia Kirim 1.200 Relawan dan Rp 5 Triliun ke Gaza\n\n"
        "Pemerintah mengumumkan bantuan senilai Rp 5 triliun pada hari Senin. Bantuan itu dikirim lewat laut.\n",
        encoding="utf-8")
    result = warta_cli("extract", str(tmp_path / "berita.txt"), "--format", "json")
    data = json.loads(result.stdout.decode().splitlines()[0])
    assert _errors(validator, data) == []
    assert all(isinstance(a["in_title"], bool) for a in data["amounts"])
    headline = [a for a in data["amounts"] if a["in_title"]]
    body = [a for a in data["amounts"] if not a["in_title"]]
    assert [(a["value"], a["unit"], a["counted"]) for a in headline] == [(1200.0, "count", "relawan")]
    assert all(data["title"][a["start"]:a["end"]] == a["text"] for a in headline)
    assert [(a["value"], a["unit"]) for a in body] == [(5e12, "IDR")]
    assert all(data["text"][a["start"]:a["end"]] == a["text"] for a in body)
