"""The read endpoints' response cache: JSON bodies kept per (path, query) and store data version.

A store counts its write transactions (`data_version()`), and a body is served only for the
version it was computed at, so an answer is never staler than the store, whoever wrote to it
(this server, `warta ingest` in another process, another machine on PostgreSQL). The version is
read before the answer is computed, so an answer that already saw a newer write is at worst kept
under an older version nobody asks for again. Concurrent requests for the same uncached answer
wait for the first one instead of computing it again; the least recently used bodies go first
once the cache holds `MAX_BYTES`, counting keys (a query string may be 50 KB) and bookkeeping.
"""
from __future__ import annotations

import asyncio
import functools
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pydantic_core
from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool

from .direct import answer
from .shared import SharedAnswers

MAX_BYTES = 256 * 2**20
# Worker threads per lane (see ResponseCache.run): few, as they share one interpreter lock.
LANES = {"quick": 8, "summary": 4, "scan": 1}
# An answer that cost less CPU than this is not shared: writing it costs about what computing it did.
SHARED_CPU = 0.001
CLAIMED = ("summary", "scan")  # lanes whose answers one process computes while the others wait
_BYPASS = ("semantic",)  # semantic search is answered fresh: one query embedding and a scan of the stored vectors

Key = tuple[str, str, int]
_ENTRY = 300  # bytes of bookkeeping per entry (the dict slot, the tuples, the objects' headers)


def _cost(key: tuple[str, str], body: bytes) -> int:
    """What one entry holds: its body, its key (a query string may be 50 KB) and its bookkeeping."""
    return len(body) + len(key[0]) + len(key[1]) + _ENTRY


class ResponseCache:
    """JSON bodies by (path, query, version), least recently used dropped first; used from the
    event loop only, so it needs no lock."""

    def __init__(self, max_bytes: int = MAX_BYTES, shared: SharedAnswers | None = None) -> None:
        self.max_bytes = max_bytes
        self.shared = shared  # the answers of the other server processes (shared.py), if any
        self._bodies: OrderedDict[tuple[str, str], tuple[int, bytes]] = OrderedDict()
        self._bytes = 0
        self._pending: dict[Key, asyncio.Future[bytes | None]] = {}

    def get(self, key: Key) -> bytes | None:
        found = self._bodies.get(key[:2])
        if found is None or found[0] != key[2]:
            return None
        self._bodies.move_to_end(key[:2])
        return found[1]

    def put(self, key: Key, body: bytes) -> None:
        old = self._bodies.pop(key[:2], None)
        self._bytes -= _cost(key[:2], old[1]) if old else 0
        if _cost(key[:2], body) > self.max_bytes // 8:
            return  # one huge answer must not push out hundreds of ordinary ones
        self._bodies[key[:2]] = (key[2], body)
        self._bytes += _cost(key[:2], body)
        while self._bytes > self.max_bytes:
            dropped_key, (_, dropped) = self._bodies.popitem(last=False)
            self._bytes -= _cost(dropped_key, dropped)

    @property
    def size(self) -> int:
        """Bytes held: bodies, keys and the bookkeeping of each entry."""
        return self._bytes

    async def fill(self, key: Key, compute: Callable[[], bytes], lane: str) -> bytes:
        """The body for `key`, computed in a worker thread once however many ask at the same time."""
        pending = self._pending.get(key)
        if pending is not None:
            body = await asyncio.shield(pending)
            if body is not None:
                return body
            return await self.run(compute, lane)  # the first one failed: fail (or not) on our own
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        body = None
        try:
            body = await self.run(self._through_shared(key, compute, lane), lane)
            self.put(key, body)
            return body
        finally:
            del self._pending[key]
            future.set_result(body)

    def _through_shared(self, key: Key, compute: Callable[[], bytes], lane: str) -> Callable[[], bytes]:
        """`compute`, asking the other server processes' answers first and leaving its own there
        (not for "inline" answers: a primary-key look-up costs what reading the shared file does)."""
        shared = self.shared
        if shared is None or lane == "inline":
            return compute

        def first_shared() -> bytes:
            body = shared.get(key)
            # A costly answer is computed by one process while the others wait for it.
            if body is None and lane in CLAIMED and not shared.claim(key):
                body = shared.wait(key)
            if body is None:
                spent = time.thread_time()
                try:
                    body = compute()
                except BaseException:
                    if lane in CLAIMED:
                        shared.release(key)
                    raise
                shared_it = time.thread_time() - spent >= SHARED_CPU and shared.put_later(key, body)
                if not shared_it and lane in CLAIMED:
                    shared.release(key)  # nobody need wait for it
            return body

        return first_shared

    async def run(self, compute: Callable[[], bytes], lane: str) -> bytes:
        """Run `compute` in a worker thread of its lane, so that answers of one cost never queue
        behind many of a greater: "quick" (a search, a page of records, an actor's page),
        "summary" (the dyad page: tens of milliseconds) and "scan" (whole-store aggregates: the overview,
        the network, places); "inline" runs it on the event loop itself."""
        if lane == "inline":
            return compute()
        # A pool of its own per lane: a thread takes the next answer as soon as it has finished
        # one, however long the busy event loop takes to send the last one out.
        return await asyncio.get_running_loop().run_in_executor(_pool(lane), compute)


@functools.cache
def _pool(lane: str) -> ThreadPoolExecutor:
    return ThreadPoolExecutor(LANES[lane], thread_name_prefix=f"warta-{lane}")


def cache_key(scope: Any) -> tuple[str, str]:
    """What an answer is cached under: the request's path and query string as sent."""
    return scope.get("root_path", "") + scope["path"], scope.get("query_string", b"").decode("latin-1")


class CachedResponses:
    """ASGI middleware answering a GET whose JSON is cached for the store's current version
    straight away: routing, parameter validation and the endpoint wrapper cost three times what
    the look-up does, and a cached answer went through them when it was computed."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        read = scope["type"] == "http" and scope["method"] == "GET"
        body = self._cached(scope) if read else None
        if body is None:
            routes = getattr(scope["app"].state, "direct_routes", None) if read else None
            if not (routes and await answer(routes, scope, receive, send)):  # direct.py, else FastAPI
                await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", str(len(body)).encode()), (b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _cached(scope: Any) -> bytes | None:
        state = scope["app"].state
        cache, store = getattr(state, "response_cache", None), getattr(state, "store", None)
        if cache is None or not getattr(store, "quick_version", False):
            return None  # reading the version is a round trip: let the endpoint do it off the loop
        return cache.get((*cache_key(scope), store.data_version()))


def _cache(request: Request) -> ResponseCache:
    state = request.app.state
    if getattr(state, "response_cache", None) is None:
        answers = getattr(state, "shared_answers", None)  # create_app's: `warta serve --workers N`
        state.response_cache = ResponseCache(shared=SharedAnswers(answers) if answers else None)
    return state.response_cache


async def _version(store: Any) -> int | None:
    """The store's data version: read on the event loop when that takes microseconds (SQLite),
    in a worker thread when it is a round trip to a server; None when the store has none."""
    if not hasattr(store, "data_version"):
        return None
    if getattr(store, "quick_version", False):
        return store.data_version()
    return await run_in_threadpool(store.data_version)


def cached(endpoint: Callable[..., Any] | None = None, *, lane: str = "quick") -> Any:
    """Serve a read endpoint (a plain function of the request and its parameters, returning JSON-ready
    data) from the cache; FastAPI still sees the endpoint's own parameters and return type.
    `@cached(lane=...)` names the worker threads that compute it (see ResponseCache.run); "inline"
    is for answers of bounded cost (one primary-key look-up), computed on the event loop itself
    when the store is a local file: a quarter of a millisecond, less than a thread hand-off."""
    if endpoint is None:
        return functools.partial(cached, lane=lane)

    @functools.wraps(endpoint)
    async def serve(request: Request, **params: Any) -> Response:
        def compute() -> bytes:
            # pydantic-core writes what FastAPI would have written (NaN as null), only faster.
            return pydantic_core.to_json(endpoint(request=request, **params), inf_nan_mode="null")

        cache = _cache(request)
        store = request.app.state.store
        where = "quick" if lane == "inline" and not getattr(store, "quick_version", False) else lane
        version = await _version(store)
        if version is None or any(params.get(flag) for flag in _BYPASS):
            return Response(await cache.run(compute, where), media_type="application/json")
        key = (*cache_key(request.scope), version)
        body = cache.get(key)
        if body is None:
            body = await cache.fill(key, compute, where)
        return Response(body, media_type="application/json")

    serve.cached_lane = lane  # type: ignore[attr-defined]  (direct.py takes the cached reads)
    return serve

