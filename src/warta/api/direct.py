"""The read endpoints' direct path: a GET answered without FastAPI's per-request machinery.

An answer not in the response cache went through FastAPI's router, its dependency solver and its
middleware stack: about 1 ms of CPU a request at 100,000 articles, most of it the solver asking
each parameter's type what it is (is it a sequence? a model? aliased?) again on every request —
as much as reading a dyad's events from the store. The routes' parameters do not change, so they
are read once here: a GET for a `@cached` read endpoint whose parameters are all plain query
and path values has each value validated by the very field FastAPI would validate it with, and
the endpoint called with them.

Anything else — a wrong or missing value, a route or parameter kind not read here, any error the
endpoint raises (a 404, a bad filter) — goes the usual way through FastAPI, which answers it as
before (an endpoint that raised is asked again there: errors are rare and cost little). So the
answers, the status codes and the problem documents are FastAPI's own.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fastapi.dependencies.utils import field_annotation_is_sequence
from fastapi.routing import APIRoute
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.routing import compile_path

_MISSING = object()


@dataclass(frozen=True)
class _Param:
    """One query or path parameter: its name, the name it is sent as, and FastAPI's field."""

    name: str
    alias: str
    field: Any
    required: bool
    default: Any


@dataclass(frozen=True)
class DirectRoute:
    """A read route taken directly: its path's pattern, the endpoint and its parameters."""

    pattern: re.Pattern[str]
    endpoint: Any
    request_name: str
    query: tuple[_Param, ...]
    path: tuple[_Param, ...]

    def values(self, groups: dict[str, str], query_string: bytes) -> dict[str, Any] | None:
        """The endpoint's arguments, validated; None when any is wrong or missing (FastAPI says why)."""
        out: dict[str, Any] = {}
        query = QueryParams(query_string) if self.query and query_string else {}
        for params, given in ((self.path, groups), (self.query, query)):
            for p in params:
                value = given.get(p.alias, _MISSING)
                if value is _MISSING:
                    if p.required:
                        return None
                    out[p.name] = p.default
                    continue
                valid, errors = p.field.validate(value, {}, loc=("query", p.alias))
                if errors:
                    return None
                out[p.name] = valid
        return out


def _param(field: Any) -> _Param | None:
    info = field.field_info
    required = info.is_required()
    plain = required or _immutable(field.default)
    if field_annotation_is_sequence(info.annotation) or info.validate_default or not plain:
        return None
    return _Param(field.name, field.alias or field.name, field, required, None if required else field.default)


def _immutable(value: Any) -> bool:
    """Defaults FastAPI deep-copies for each request; these need no copy."""
    return value is None or isinstance(value, (str, int, float, bool, bytes, tuple, frozenset))


def direct_route(route: APIRoute, prefix: str) -> DirectRoute | None:
    """The route taken directly, or None when it is not a plain cached read (see the module's docstring)."""
    d = route.dependant
    if ("GET" not in route.methods or not getattr(route.endpoint, "cached_lane", None) or d.dependencies
            or d.header_params or d.cookie_params or d.body_params or not d.request_param_name
            or d.response_param_name or d.background_tasks_param_name or d.websocket_param_name):
        return None
    query = [_param(f) for f in d.query_params]
    path = [_param(f) for f in d.path_params]
    if any(p is None for p in (*query, *path)):
        return None
    pattern, _, convertors = compile_path(prefix + route.path)
    if any(type(c).__name__ != "StringConvertor" for c in convertors.values()):
        return None  # a path value given as anything but the text sent: leave it to the router
    return DirectRoute(pattern, route.endpoint, d.request_param_name,
                       tuple(query), tuple(path))  # type: ignore[arg-type]


def direct_routes(routes: Iterable[Any], prefix: str) -> list[DirectRoute]:
    """The plain cached reads among `routes` (an APIRouter's), served under `prefix`."""
    found = (direct_route(r, prefix) for r in routes if isinstance(r, APIRoute))
    return [r for r in found if r is not None]


async def answer(routes: list[DirectRoute], scope: Any, receive: Any, send: Any) -> bool:
    """Answer the GET in `scope` directly when a route takes it and it succeeds; False (nothing
    sent) when FastAPI must answer it."""
    path = scope["path"]
    root = scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root):]
    for route in routes:
        match = route.pattern.match(path)
        if match is None:
            continue
        values = route.values(match.groupdict(), scope.get("query_string", b""))
        if values is None:
            return False
        try:
            response = await route.endpoint(**{route.request_name: Request(scope, receive, send)}, **values)
        except Exception:  # noqa: BLE001 (FastAPI asks the endpoint again and answers the error its way)
            return False
        await response(scope, receive, send)
        return True
    return False
