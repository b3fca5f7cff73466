"""Request limits, checked before a request costs anything: the Host header, the URL's length, the
API token of a write, and the size of a body (declared, then counted as it arrives).

A write without the token is refused from its headers alone, so its body is never read; a body
over `api_max_body_bytes` is refused with 413 as soon as it says so (Content-Length) or grows past
it (chunked). A Host the server does not answer to (DNS rebinding against a server on localhost)
gets 400. Plain ASGI middleware, as the other guards (see app.py).
"""
from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from typing import Any

from fastapi import HTTPException
from fastapi.responses import JSONResponse

from .problems import problem

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def trusted_hosts(bound: str, extra: str = "") -> frozenset[str] | None:
    """The Host names a server bound to `bound` answers to: that address (and the loopback names
    when it is loopback), plus the comma-separated `extra` (the `allowed_hosts` setting). None
    (any Host) when `extra` holds "*"."""
    names = {name.strip().lower().rstrip(".") for name in extra.split(",") if name.strip()}
    if "*" in names:
        return None
    names.add(bound.strip("[]").lower().rstrip("."))
    if _is_loopback(bound) or bound in ("0.0.0.0", "::"):
        names.update(LOOPBACK_NAMES)
    return frozenset(names)


def _is_loopback(host: str) -> bool:
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a Host header, without its port, lower-cased (`[::1]:8000` → `::1`)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") == 1 else header.rstrip(".")


class RequestLimits:
    """Refuses, from the request line and headers alone, what the server must not spend on."""

    def __init__(self, app: Any, *, max_body: int, max_url: int, hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.max_url = max_url
        self.hosts = frozenset(hosts) if hosts is not None else None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refusal = self._refusal(scope)
        if refusal is not None:
            return await refusal(scope, receive, send)
        if scope["method"] in READ_METHODS:
            return await self.app(scope, receive, send)
        await self._capped(scope, receive, send)

    def _refusal(self, scope: Any) -> JSONResponse | None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        if len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b"")) > self.max_url:
            return problem(414, f"the URL is longer than {self.max_url} bytes")
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            return problem(400, "this server does not answer to that Host (setting allowed_hosts)")
        if scope["method"] in READ_METHODS:
            return None
        denied = token_refusal(scope["app"].state, headers)
        if denied is not None:
            return denied
        declared = headers.get("content-length", "0").strip()
        if not declared.isdigit() or int(declared) > self.max_body:
            return problem(413, f"the body is larger than {self.max_body} bytes (setting api_max_body_bytes)")
        return None

    async def _capped(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass the request on, refusing its body once more of it arrived than allowed."""
        received = 0
        started = False

        async def counted() -> Any:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise HTTPException(413, f"the body is larger than {self.max_body} bytes (setting api_max_body_bytes)")
            return message

        async def watched(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except HTTPException as error:
            if started or error.status_code != 413:
                raise
            await problem(413, str(error.detail))(scope, receive, send)


def token_refusal(state: Any, headers: dict[str, str]) -> JSONResponse | None:
    """403 when the server takes no writes (no api_token), 401 unless the headers carry the token."""
    expected = getattr(state, "token", "")
    if not expected:
        return problem(403, "writes are disabled: start the server with WARTA_API_TOKEN set")
    scheme, _, bearer = headers.get("authorization", "").strip().partition(" ")
    given = (headers.get("x-api-token") or (bearer if scheme.lower() == "bearer" else "")).strip()
    # compare_digest takes as long whatever the first wrong character, so timing cannot guess the token.
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        return problem(401, "writes need the API token (Authorization: Bearer …)", headers={"WWW-Authenticate": "Bearer"})
    return None
