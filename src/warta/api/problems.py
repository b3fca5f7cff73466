"""One error shape for the whole API: RFC 9457 problem details (`application/problem+json`).

Every error — a bad parameter, an unknown route or record, a refused write, a store failure, a
bug — is answered as `{type, title, status, detail}`, with `errors` (one `{param, detail}` per
wrong parameter) when the request itself was wrong. Messages name the API's own parameters
(`since`), never a CLI flag, and never carry a traceback.
"""
from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from ..errors import ConfigError, WartaError
from ..store.filters import FilterError

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("warta.api")


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field("about:blank", description="A URI naming the kind of problem; about:blank: see `title`")
    title: str = Field(description="The HTTP status phrase")
    status: int
    detail: str = Field(description="What went wrong, for a person")
    errors: list[dict[str, str]] | None = Field(None, description="The wrong parameters ({param, detail}), "
                                                "when the request was wrong")


def problem(status: int, detail: str, *, errors: list[dict[str, str]] | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    """A problem response."""
    body: dict[str, Any] = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status,
                            "detail": detail}
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


# What the OpenAPI document says every operation may answer besides its success, the request
# guards' refusals included (api/guards.py: 414 for a URL over api_max_url_bytes, before any route;
# 413 for a write's body over api_max_body_bytes). (Inline: FastAPI would file a model's schema
# under application/json.)
def _problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"description": HTTPStatus(code).phrase, "content": {MEDIA_TYPE: {"schema": Problem.model_json_schema()}}}
            for code in codes}


RESPONSES = _problems(400, 404, 414, 422, 500)
WRITE_RESPONSES = {**RESPONSES, **_problems(401, 403, 413)}


def add_problem_handlers(app: FastAPI) -> None:
    """Answer every error of `app` as a problem."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(WartaError, _warta_error)
    app.add_exception_handler(Exception, _unexpected)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    return problem(error.status_code, detail, headers=getattr(error, "headers", None))


async def _invalid_request(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = [_param_error(e) for e in error.errors()]
    in_body = any(e.get("loc", ("",))[0] == "body" for e in error.errors())
    summary = "; ".join(f"{e['param']}: {e['detail']}" for e in errors[:5])
    return problem(422 if in_body else 400, summary or "invalid request", errors=errors)


def _param_error(error: dict[str, Any]) -> dict[str, str]:
    location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "header")]
    return {"param": ".".join(location) or "request", "detail": str(error.get("msg", "invalid"))}


async def _warta_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, WartaError)
    if isinstance(error, FilterError):
        detail = f"{error.param}: {error.detail} (got {str(error.value)[:80]!r})"
        return problem(400, detail, errors=[{"param": error.param, "detail": error.detail}])
    if isinstance(error, ConfigError):
        return problem(400, error.detail)
    if error.reason != "store":  # the input could not be read as an article: the request's fault
        return problem(422, f"{error.reason}: {error.detail}")
    log.error("%s %s: %s", request.method, request.url.path, error)
    return problem(500, f"the store could not answer ({error.reason})")


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path)
    return problem(500, "the server failed to answer this request")
