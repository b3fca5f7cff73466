"""XML sitemaps: sitemap indexes, URL sets and Google News sitemaps (gzipped or not).

Parsed with lxml with entities and network access off, so a hostile sitemap can neither expand
into gigabytes nor make the parser fetch anything.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..read.inflate import GZIP_MAGIC, InflateError, inflate, inflate_head
from .feeds import Link

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A parsed sitemap: either an index of further sitemaps or a set of page links."""

    children: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def is_index(self) -> bool:
        return bool(self.children)


def looks_like_sitemap(body: bytes) -> bool:
    """Sniff a sitemap or sitemap index (gzip included) from the first bytes."""
    head = inflate_head(body, 4096).lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(body: bytes, *, max_bytes: int = 50_000_000) -> Sitemap:
    """Parse one sitemap file; raises ValueError when it is not a sitemap."""
    try:
        data = inflate(body, max_bytes, source="sitemap") if body.startswith(GZIP_MAGIC) else body
    except InflateError as error:
        raise ValueError(error.detail) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"not XML ({error})") from None
    if root is None:
        raise ValueError("not XML")
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        return Sitemap(children=tuple(_locs(root, "sitemap")))
    if tag == "urlset":
        return Sitemap(links=tuple(_link(url) for url in root.iter(SM + "url", "url") if _loc(url)))
    raise ValueError(f"root element is <{tag}>, not <urlset> or <sitemapindex>")


def _locs(root: etree._Element, element: str) -> list[str]:
    return [loc for node in root.iter(SM + element, element) if (loc := _loc(node))]


def _loc(node: etree._Element) -> str | None:
    text = node.findtext(SM + "loc") or node.findtext("loc")
    return text.strip() if text and text.strip() else None


def _link(node: etree._Element) -> Link:
    """A <url> entry; a news:news block gives the title and publication date."""
    news = node.find(NEWS + "news")
    title = news.findtext(NEWS + "title") if news is not None else None
    published = news.findtext(NEWS + "publication_date") if news is not None else None
    published = published or node.findtext(SM + "lastmod") or node.findtext("lastmod")
    return Link(_loc(node) or "", title.strip() if title else None, published.strip() if published else None)


