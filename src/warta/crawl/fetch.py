"""Polite HTTP fetching: robots.txt, per-host rate limit and concurrency, retries, conditional GET.

Everything goes through `Fetcher.get`. A host is never hit by more than `per_host` requests at
once nor more often than one request per `delay` seconds (or its robots.txt Crawl-delay, when
larger); transient failures (connection errors, 429, 5xx) are retried with exponential backoff;
validators (ETag, Last-Modified) are remembered per URL so an unchanged feed costs a 304.

Every hop is checked before it is fetched (see `guard`): only http(s), only public addresses
unless `allow_private`, connected at the address that was checked. Redirects are followed here,
not by urllib, so each target gets the same checks (and robots.txt), at most `max_redirects` times.
"""
from __future__ import annotations

import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Protocol, Self
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from ..read.inflate import InflateError, inflate
from .budget import Budget
from .guard import (
    BlockedAddress,
    Connect,
    Resolve,
    check_host,
    pinned_opener,
    system_resolve,
)

# Where a site operator reads who is crawling and why; the `user_agent` setting replaces the whole string.
PROJECT_URL = "https://github.com/warta-news/warta"
USER_AGENT = f"warta/{__version__} (+{PROJECT_URL})"
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# A host as urllib and urlsplit both read it the same way: no user@, backslash, %-escape or space,
# each of which one parser takes as part of the host and the other does not.
_PLAIN_NETLOC = re.compile(r"^(?:[^\W_]|[.\-_])+(?::\d*)?$|^\[[0-9A-Fa-f:.]+\](?::\d*)?$")


class FetchError(InputError):
    """A URL could not be fetched; `reason` says why (robots, http-404, timeout, too-large...)."""

    def __init__(self, source: str, detail: str, *, reason: str = "fetch-failed") -> None:
        super().__init__(source, detail)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely to fetch; the defaults suit a news site."""

    user_agent: str = USER_AGENT
    delay: float = 1.0  # seconds between two requests to one host
    per_host: int = 2  # requests in flight to one host
    retries: int = 3
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_backoff: float = 60.0
    timeout: float = 20.0  # seconds for one whole fetch: connections, redirects, retries and waits, to the last byte
    max_bytes: int = 20_000_000
    robots: bool = True
    max_redirects: int = 5
    allow_private: bool = False  # loopback, private and link-local hosts (never metadata services)


def policy_from(settings: dict, **changes: object) -> FetchPolicy:
    """The fetch policy the settings ask for (user_agent, fetch_delay, max_input_bytes, fetch_*)."""
    options = {"user_agent": settings.get("user_agent") or USER_AGENT, "delay": float(settings.get("fetch_delay", 1.0)),
               "max_bytes": int(settings.get("max_input_bytes", 20_000_000)),
               "max_redirects": int(settings.get("fetch_max_redirects", 5)),
               "allow_private": bool(settings.get("fetch_allow_private", False))} | changes
    return FetchPolicy(**options)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Response:
    """What a GET returned; `not_modified` is a 304 answering a conditional GET (body empty)."""

    url: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    not_modified: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").lower()


class ValidatorCache(Protocol):
    """Where ETag and Last-Modified are kept per URL between fetches (and runs)."""

    def validators(self, url: str) -> tuple[str | None, str | None]: ...

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None: ...


class MemoryValidators:
    """A ValidatorCache that lives as long as the process."""

    def __init__(self) -> None:
        self._data: dict[str, tuple[str | None, str | None]] = {}
        self._lock = threading.Lock()

    def validators(self, url: str) -> tuple[str | None, str | None]:
        with self._lock:
            return self._data.get(url, (None, None))

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            self._data[url] = (etag, last_modified)


class HostGate:
    """Per-host concurrency and spacing between requests."""

    def __init__(self, *, per_host: int, delay: float) -> None:
        self._slots = threading.BoundedSemaphore(max(1, per_host))
        self._lock = threading.Lock()
        self._next = 0.0
        self.delay = delay

    def __enter__(self) -> Self:
        self._slots.acquire()
        with self._lock:  # reserve the next free moment, then wait for it outside the lock
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.delay
        time.sleep(max(0.0, start - now))
        return self

    def __exit__(self, *exc: object) -> None:
        self._slots.release()


class Fetcher:
    """Fetch URLs politely; thread-safe, so `fetch_all` can run several hosts at once."""

    def __init__(self, *, policy: FetchPolicy | None = None, cache: ValidatorCache | None = None,
                 sleep: Callable[[float], None] = time.sleep, resolve: Resolve = system_resolve,
                 connect: Connect = socket.create_connection) -> None:
        """`resolve` (host, port → addresses) and `connect` (socket.create_connection's signature)
        are the network's two ends, replaceable in tests."""
        from .robots import RobotsCache

        self.policy = policy or FetchPolicy()
        self.cache = cache or MemoryValidators()
        self.robots = RobotsCache(self._get_robots, user_agent=self.policy.user_agent)
        self._sleep = sleep
        self._resolve = resolve
        self._connect = connect
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()

    def get(self, url: str, *, conditional: bool = True) -> Response:
        """GET `url` (after robots.txt allows it), following redirects and retrying transient
        failures; raise FetchError (reason "blocked-address" for a host that is not public)."""
        headers = self._conditional_headers(url) if conditional else {}
        with Budget(self.policy.timeout) as budget:
            response = self._follow(url, headers, obey_robots=self.policy.robots, budget=budget)
        if response.status == 200 and conditional:
            self.cache.remember(url, response.headers.get("etag"), response.headers.get("last-modified"))
        return response

    def _follow(self, url: str, headers: dict[str, str], *, obey_robots: bool, budget: Budget) -> Response:
        """Fetch `url` and the redirects it leads to, checking every hop as if it were the first,
        all within `budget` (connections, reads, retries and their waits)."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            try:
                _check_url(current)
                if obey_robots and not self.robots.allowed(current):
                    raise self._refusal(current)
                response = self._with_retries(current, headers, budget)
            except FetchError as error:
                if error.source == url:
                    raise
                hop = "" if current == url else f"redirected to {current}: "  # name the input, say where it led
                raise FetchError(url, hop + error.detail, reason=error.reason) from None
            target = _redirect_target(current, response)
            if target is None:
                return response
            current = target
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects", reason="too-many-redirects")

    def _refusal(self, url: str) -> FetchError:
        """Why robots.txt keeps us out: its rules, or a site that did not answer for it."""
        status = self.robots.status(url)
        if status == 599:
            return FetchError(url, "site unreachable (no answer for robots.txt)", reason="connection")
        if status >= 500:
            return FetchError(url, f"robots.txt unavailable (HTTP {status}), so nothing is fetched", reason="robots-unavailable")
        return FetchError(url, "disallowed by robots.txt", reason="robots")

    def fetch_all(self, urls: Iterable[str], *, threads: int = 8) -> Iterator[tuple[str, Response | FetchError]]:
        """Fetch many URLs with `threads` threads (each host still gated), yielding in input order."""
        def one(url: str) -> Response | FetchError:
            try:
                return self.get(url, conditional=False)
            except FetchError as error:
                return error

        # A bounded window of requests ahead of the consumer: a sitemap of 100,000 links must not
        # be downloaded into memory faster than the pipeline takes the pages.
        window: deque[tuple[str, Future]] = deque()
        with ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="warta-fetch") as pool:
            for url in urls:
                window.append((url, pool.submit(one, url)))
                if len(window) >= threads * 2:
                    url, future = window.popleft()
                    yield url, future.result()
            while window:
                url, future = window.popleft()
                yield url, future.result()

    def _conditional_headers(self, url: str) -> dict[str, str]:
        etag, modified = self.cache.validators(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return headers

    def _gate(self, url: str) -> HostGate:
        host = urlsplit(url).netloc.lower()
        # Crawl-delay is read from robots.txt only once it is cached: fetching it here would recurse.
        asked = self.robots.cached_delay(url) if self.policy.robots else None
        delay = min(max(self.policy.delay, asked or 0.0), 60.0)
        with self._lock:
            gate = self._gates.setdefault(host, HostGate(per_host=self.policy.per_host, delay=delay))
        gate.delay = delay
        return gate

    def _with_retries(self, url: str, headers: dict[str, str], budget: Budget) -> Response:
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                with self._gate(url):
                    budget.check(url)
                    response = self._request(url, headers, budget)
            except FetchError as error:
                if last or error.reason not in ("timeout", "connection") or budget.expired:
                    raise
                self._sleep(budget.wait(url, self._backoff(attempt, None)))
                continue
            if response.status in RETRY_STATUSES and not last:
                self._sleep(budget.wait(url, self._backoff(attempt, response.headers.get("retry-after"))))
                continue
            return _checked(url, response)
        raise AssertionError("unreachable")  # the loop always returns or raises

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        """Exponential backoff, or the server's Retry-After when it asks for longer (both capped)."""
        wait = self.policy.backoff * (2 ** attempt)
        asked = _retry_after_seconds(retry_after)
        return min(max(wait, asked or 0.0), self.policy.max_backoff)

    def _request(self, url: str, headers: dict[str, str], budget: Budget) -> Response:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate", **headers})
        try:
            with self._opener(url, budget).open(request, timeout=budget.remaining()) as raw:
                return self._read(url, raw, raw.status, budget)
        except BlockedAddress as error:
            raise FetchError(url, str(error), reason="blocked-address") from None
        except urllib.error.HTTPError as error:
            with error:
                return self._read(url, error, error.code, budget)
        except (TimeoutError, OSError, urllib.error.URLError, http.client.HTTPException) as error:
            budget.check(url)  # a socket shut at the deadline says so, not "cannot connect"
            return _raise_network(url, error)

    def _opener(self, url: str, budget: Budget) -> urllib.request.OpenerDirector:
        """An opener bound to the checked addresses of `url`'s host (resolved once, here), whose
        sockets the budget shuts down at its deadline."""
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = check_host(parts.hostname or "", port, allow_private=self.policy.allow_private,
                               resolve=self._resolve)
        return pinned_opener(parts.hostname or "", addresses, budget.connect(self._connect))

    def _read(self, url: str, raw, status: int, budget: Budget) -> Response:
        """Read the body as it comes (whatever arrived, not a fixed size: a server dripping a byte a
        second is seen at once), enforcing the size limit and the fetch's deadline."""
        headers = {k.lower(): v for k, v in raw.headers.items()}
        limit = self.policy.max_bytes
        if int(headers.get("content-length") or 0) > limit:
            raise FetchError(url, f"larger than {limit} bytes", reason="too-large")
        chunks: list[bytes] = []
        size = 0
        read = getattr(raw, "read1", raw.read)
        while chunk := read(65536):
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"larger than {limit} bytes", reason="too-large")
            budget.check(url)
            chunks.append(chunk)
        budget.check(url)  # a body cut short by the deadline is not a whole body
        body = _decode_body(url, b"".join(chunks), headers.get("content-encoding", ""), limit)
        return Response(url, status, body, headers, not_modified=status == 304)

    def _get_robots(self, url: str) -> tuple[int, bytes]:
        """Fetch robots.txt (gated and retried like any request, but not checked against itself)."""
        try:
            with Budget(self.policy.timeout) as budget:
                response = self._follow(url, {}, obey_robots=False, budget=budget)
        except FetchError as error:
            if error.reason == "blocked-address":  # say why the site is refused, not "robots.txt unavailable"
                raise FetchError(url, error.detail, reason=error.reason) from None
            status = int(error.reason[5:]) if error.reason.startswith("http-") else 599
            return status, b""
        return response.status, response.body[:512_000]


def _check_url(url: str) -> None:
    """Refuse what is not an http(s) URL with a plain host and a valid port (file:, ftp:, gopher:...)."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):  # urlsplit drops some, urllib keeps them
        raise FetchError(url, "spaces or control characters in the URL", reason="bad-url")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port outside 0-65535 raises here, as a broken [IPv6] host does above)
    except ValueError as error:
        raise FetchError(url, f"malformed URL ({error})", reason="bad-url") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"not an http(s) URL ({parts.scheme or 'no'} scheme)", reason="bad-url")
    if not parts.hostname:
        raise FetchError(url, "no host", reason="bad-url")
    if not _PLAIN_NETLOC.match(parts.netloc):
        raise FetchError(url, "the host part is ambiguous (credentials, escapes or odd characters)", reason="bad-url")


def _redirect_target(url: str, response: Response) -> str | None:
    """Where a redirect points (resolved against `url`, fragment dropped), or None for other answers."""
    location = response.headers.get("location", "").strip()
    if response.status not in REDIRECT_STATUSES or not location:
        return None
    return urljoin(url, location).split("#", 1)[0]


def _checked(url: str, response: Response) -> Response:
    """Turn an HTTP error status into a FetchError whose reason names the status."""
    if response.status >= 400:
        raise FetchError(url, f"HTTP {response.status}", reason=f"http-{response.status}")
    return response


def _raise_network(url: str, error: BaseException) -> Response:
    reason = getattr(error, "reason", error)
    if isinstance(reason, TimeoutError) or isinstance(error, TimeoutError) or "timed out" in str(reason):
        raise FetchError(url, "timed out", reason="timeout") from None
    raise FetchError(url, f"cannot connect ({reason})", reason="connection") from None


def _decode_body(url: str, body: bytes, encoding: str, limit: int) -> bytes:
    """Undo gzip/deflate content encoding through the one bounded path (`warta.read.inflate`): a bomb
    stops at `limit`, and a gzip body is read as gzip whatever the header claims."""
    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    try:
        return inflate(body, limit, source=url, encoding=encoding)
    except InflateError as error:
        reason = "too-large" if error.detail.startswith("larger") else "bad-encoding"
        raise FetchError(url, error.detail, reason=reason) from None


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After is either seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
