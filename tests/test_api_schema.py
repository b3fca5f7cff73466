"""The served OpenAPI document checked against the API itself with schemathesis: for generated
requests, valid and not, no answer is a server error and every answer matches the document
(status code, content type, response schema)."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi import checks
from test_store_data import english_article, indonesian_article

from warta.api import create_app
from warta.store import open_store

TOKEN = "schema-token"
CHECKS = [not_a_server_error, checks.response_schema_conformance, checks.content_type_conformance,
          checks.status_code_conformance]


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("schema") / "api.db"))
    store.ingest(indonesian_article())
    store.ingest(english_article())
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(store=store, token=TOKEN))
    store.close()


def operations(schema) -> list:
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) >= 12  # every route is in the document
    return found


def test_api_conforms_to_its_openapi_document(schema):
    failures = []
    for operation in operations(schema):
        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            post = case.method.upper() == "POST"
            headers = {"Authorization": f"Bearer {TOKEN}"} if post else None
            # A POSTed page is read in the extraction worker, which loads the models when it starts.
            response = case.call(headers=headers, **({"timeout": 180} if post else {}))
            try:
                case.validate_response(response, checks=CHECKS)
            except Exception as error:  # a schemathesis failure (group); noted, the search goes on
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {str(error)[:400]}")

        check()
    assert not failures, "\n".join(failures[:10])


def test_answers_about_stored_records_conform(schema):
    """Paths schemathesis cannot guess (a stored article, a dyad and an actor with events)."""
    from warta.store.rows import article_id

    known = {"/api/articles/{article_id}": {"article_id": article_id(indonesian_article())},
             "/api/dyads/{a}/{b}": {"a": "IDN", "b": "RUS"}, "/api/actors/{actor}": {"actor": "IDN"}}
    for operation in operations(schema):
        if operation.path in known:
            case = operation.Case(path_parameters=known[operation.path])
            response = case.call()
            assert response.status_code == 200, (operation.path, response.text[:200])
            case.validate_response(response, checks=CHECKS)
    for query in ({"q": "perjanjian"}, {"q": "railway", "limit": 1}, {"dyad": "IDN-RUS", "limit": 2}):
        for operation in operations(schema):
            if operation.method == "get" and operation.path in ("/api/search", "/api/events"):
                case = operation.Case(query={k: v for k, v in query.items() if k != "q" or "search" in operation.path})
                case.validate_response(case.call(), checks=CHECKS)



def test_the_guards_refusals_are_documented(schema):
    """A URL over `api_max_url_bytes` is refused (414) before any route runs, on every operation:
    the answer is in each operation's document (found by schemathesis against `warta serve`)."""
    from warta.settings import load_settings

    long_value = "x" * (load_settings()["api_max_url_bytes"] + 1)
    for operation in operations(schema):
        assert "414" in operation.definition.raw["responses"], operation.path
        if operation.method == "get" and "{" not in operation.path:
            case = operation.Case(query={"q": long_value} if operation.path.endswith("search") else {"pad": long_value})
            response = case.call()
            assert response.status_code == 414, (operation.path, response.status_code)
            case.validate_response(response, checks=CHECKS)
        if operation.method == "post":
            assert {"401", "403", "413"} <= set(operation.definition.raw["responses"]), operation.path
