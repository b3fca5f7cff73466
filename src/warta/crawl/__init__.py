"""Crawling: polite fetching (robots.txt, rate limits, retries, conditional GET), feeds, sitemaps."""
from __future__ import annotations

from .discover import Crawler, is_url, page_document
from .feeds import Link, looks_like_feed, parse_feed
from .fetch import (
           USER_AGENT,
           Fetcher,
           FetchError,
           FetchPolicy,
           MemoryValidators,
           Response,
           ValidatorCache,
           policy_from,
)
from .sitemaps import Sitemap, looks_like_sitemap, parse_sitemap

__all__ = [
           "USER_AGENT",
           "Crawler",
           "FetchError",
           "FetchPolicy",
           "Fetcher",
           "Link",
           "MemoryValidators",
           "Response",
           "Sitemap",
           "ValidatorCache",
           "is_url",
           "looks_like_feed",
           "looks_like_sitemap",
           "page_document",
           "parse_feed",
           "parse_sitemap",
           "policy_from",
]
