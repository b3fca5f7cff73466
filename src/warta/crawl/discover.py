"""From seed URLs (article pages, RSS/Atom feeds, sitemaps) to raw `Document`s, politely fetched."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..errors import WartaError
from ..model import Document
from ..read.sources import text_document
from .feeds import Link, looks_like_feed, parse_feed
from .fetch import Fetcher, FetchError, Response
from .sitemaps import looks_like_sitemap, parse_sitemap


def is_url(text: str) -> bool:
    """Is this input a URL to fetch rather than a path to read?"""
    return text.lower().startswith(("http://", "https://"))


class Crawler:
    """Expand seeds into article links and fetch them; feeds and sitemaps are told apart by content."""

    def __init__(self, fetcher: Fetcher, *, max_depth: int = 3, max_links: int = 100_000, threads: int = 8) -> None:
        self.fetcher = fetcher
        self.max_depth = max_depth
        self.max_links = max_links
        self.threads = threads

    def links(self, seed: str) -> list[Link]:
        """The article links a feed or sitemap lists (none when it is unchanged since last time)."""
        expanded = self._expand(seed, depth=0)
        return expanded if isinstance(expanded, list) else [Link(seed)]

    def documents(self, seeds: Iterable[str], *, skip: Callable[[str], bool] = lambda url: False) -> Iterator[Document | WartaError]:
        """Documents for every article under `seeds`, in order; `skip(url)` leaves known ones unfetched."""
        for seed in seeds:
            try:
                expanded = self._expand(seed, depth=0, skip=skip)
            except FetchError as error:
                yield error
                continue
            if isinstance(expanded, Response):
                yield page_document(Link(seed), expanded)
                continue
            wanted = [link for link in expanded if not skip(link.url)]
            by_url = {link.url: link for link in wanted}
            for url, result in self.fetcher.fetch_all(by_url, threads=self.threads):
                yield result if isinstance(result, FetchError) else page_document(by_url[url], result)

    def _expand(self, url: str, *, depth: int, skip: Callable[[str], bool] = lambda url: False) -> Response | list[Link]:
        """Fetch `url`: a listing becomes its links (sitemap indexes recursively), a page stays a page."""
        if skip(url):
            return []
        response = self.fetcher.get(url, conditional=True)
        if response.not_modified:
            return []
        if looks_like_feed(response.body):
            return parse_feed(response.body, base_url=response.url)[: self.max_links]
        if looks_like_sitemap(response.body):
            return self._sitemap_links(response, depth=depth)
        return response

    def _sitemap_links(self, response: Response, *, depth: int) -> list[Link]:
        try:
            sitemap = parse_sitemap(response.body, max_bytes=self.fetcher.policy.max_bytes)
        except ValueError as error:
            raise FetchError(response.url, f"unreadable sitemap ({error})", reason="bad-sitemap") from None
        links = list(sitemap.links)
        if depth < self.max_depth:
            for child in sitemap.children:
                if len(links) >= self.max_links:
                    break
                try:
                    found = self._expand(child, depth=depth + 1)
                except FetchError:
                    continue  # one broken child sitemap must not hide the others
                links.extend(found if isinstance(found, list) else [Link(child)])
        return links[: self.max_links]


def page_document(link: Link, response: Response) -> Document | WartaError:
    """A fetched page as a Document, keyed by the URL it was asked for; non-HTML is refused."""
    kind = response.content_type
    if kind and "html" not in kind and "xml" not in kind and "text/plain" not in kind:
        return FetchError(link.url, f"not a page ({kind.split(';')[0]})", reason="not-html")
    if not response.body.strip():
        return FetchError(link.url, "empty response", reason="empty")
    if "text/plain" in kind:
        return text_document(link.url, response.body.decode("utf-8", errors="replace"), url=response.url,
                             title=link.title, published=link.published)
    return Document(source=link.url, content=response.body, kind="html", url=response.url,
                    title=link.title, published=link.published)
