"""robots.txt, fetched once per origin and obeyed (urllib.robotparser).

As the major crawlers do: a missing robots.txt (4xx other than 401/403) allows everything;
401/403 disallows everything; a server error or no answer disallows everything for this run,
since a site that is down may be down because it is overloaded.
"""
from __future__ import annotations

import threading
import urllib.robotparser
from collections.abc import Callable
from urllib.parse import urlsplit


class RobotsCache:
    """robots.txt rules per origin (scheme://host:port), fetched on first use."""

    def __init__(self, fetch: Callable[[str], tuple[int, bytes]], *, user_agent: str) -> None:
        self._fetch = fetch
        self._agent = user_agent.split("/", 1)[0]  # robots.txt groups name the product token
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._fractional: dict[str, float] = {}  # robotparser reads whole seconds only
        self._status: dict[str, int] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        """May `url` be fetched?"""
        return self._parser(url).can_fetch(self._agent, url)

    def status(self, url: str) -> int:
        """The HTTP status robots.txt was answered with (599: no answer at all)."""
        self._parser(url)
        return self._status.get(_origin(url), 200)

    def cached_delay(self, url: str) -> float | None:
        """The Crawl-delay for `url`'s site if its robots.txt is already known (never fetches)."""
        parser = self._parsers.get(_origin(url))
        if parser is None:
            return None
        delay = parser.crawl_delay(self._agent)
        return float(delay) if delay is not None else self._fractional.get(_origin(url))

    def sitemaps(self, url: str) -> list[str]:
        """Sitemap URLs that the site's robots.txt lists."""
        return list(self._parser(url).site_maps() or [])

    def _parser(self, url: str) -> urllib.robotparser.RobotFileParser:
        origin = _origin(url)
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch per origin, even when many threads ask at once
            if origin not in self._parsers:
                self._parsers[origin] = self._load(origin)
            return self._parsers[origin]

    def _load(self, origin: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        status, body = self._fetch(origin + "/robots.txt")
        self._status[origin] = status
        if status in (401, 403) or status >= 500:
            parser.disallow_all = True
        elif 400 <= status < 500:
            parser.allow_all = True
        else:
            lines = body.decode("utf-8", errors="replace").splitlines()
            parser.parse(lines)
            if (delay := fractional_delay(lines, self._agent)) is not None:
                self._fractional[origin] = delay
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def fractional_delay(lines: list[str], agent: str) -> float | None:
    """A Crawl-delay such as 0.5 for `agent` (or for *), which robotparser ignores as not an integer."""
    found: dict[str, float] = {}
    group: list[str] = []
    in_rules = False
    for raw in lines:
        field, _, value = raw.split("#", 1)[0].partition(":")
        field, value = field.strip().lower(), value.strip()
        if field == "user-agent":
            group = [] if in_rules else group
            group.append(value.lower())
            in_rules = False
        elif field:
            in_rules = True
            if field == "crawl-delay" and _is_number(value):
                for name in group:
                    found.setdefault(name, float(value))
    mine = next((d for name, d in found.items() if name != "*" and name in agent.lower()), None)
    return mine if mine is not None else found.get("*")


def _is_number(text: str) -> bool:
    try:
        return float(text) >= 0
    except ValueError:
        return False
