"""RSS and Atom feeds: the article URLs a feed announces (feedparser does the parsing)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf ")


@dataclass(frozen=True, slots=True)
class Link:
    """An article URL found in a feed or sitemap, with what the listing says about it."""

    url: str
    title: str | None = None
    published: str | None = None


def looks_like_feed(body: bytes) -> bool:
    """Sniff RSS 2.0, RSS 1.0 (RDF) and Atom from the first bytes."""
    head = body.lstrip()[:2048].lower()
    return any(marker in head for marker in FEED_MARKERS)


def parse_feed(body: bytes, *, base_url: str) -> list[Link]:
    """The entries of a feed, in feed order, with relative links resolved against `base_url`."""
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    links: list[Link] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        url = entry.get("link") or _alternate(entry)
        if not url:
            continue
        url = urljoin(base_url, url.strip())
        if url in seen:
            continue
        seen.add(url)
        links.append(Link(url, (entry.get("title") or "").strip() or None, _published(entry)))
    return links


def _alternate(entry: dict) -> str | None:
    for link in entry.get("links", ()):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _published(entry: dict) -> str | None:
    """ISO 8601 in UTC when feedparser understood the date, else the date as written."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp)
    return entry.get("published") or entry.get("updated") or None
