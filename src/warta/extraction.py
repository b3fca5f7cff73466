"""Reading the article out of a raw input: trafilatura for HTML, the headline rule for text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import NotArticleError
from .model import Document

_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\u00a0\u200b\ufeff]+")


@dataclass(frozen=True, slots=True)
class Extracted:
    """What extraction reads from a page: the body as paragraphs, plus metadata."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None


def extract(document: Document, *, favor_precision: bool = False) -> Extracted:
    """Extract the body and metadata of `document` (HTML through trafilatura, text as is)."""
    if document.kind == "html":
        return _extract_html(document, favor_precision=favor_precision)
    return Extracted(paragraphs=split_paragraphs(str(document.content)), title=document.title,
                     author=document.author, published=document.published, url=document.url)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of plain text: blocks between blank lines, or lines when there are none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text) else text.split("\n")
    parts: list[str] = []
    for block in blocks:
        for line in block.split("\n") if _has_hard_lines(block) else [block.replace("\n", " ")]:
            line = _SPACES.sub(" ", line).strip()
            if line:
                parts.append(line)
    return tuple(parts)


def _has_hard_lines(block: str) -> bool:
    """A block whose lines end in sentence punctuation is several paragraphs, not one wrapped one."""
    lines = [ln for ln in block.split("\n") if ln.strip()]
    return len(lines) > 1 and sum(ln.rstrip()[-1:] in '.!?"”:' for ln in lines) >= len(lines) / 2


def _extract_html(document: Document, *, favor_precision: bool) -> Extracted:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            document.content, url=document.url, with_metadata=True, include_comments=False,
            include_tables=False, favor_precision=favor_precision, deduplicate=False)
    except Exception as error:  # lxml/trafilatura raise many types on malformed markup
        raise NotArticleError(document.source, f"cannot parse HTML ({error.__class__.__name__})") from None
    if result is None or not (getattr(result, "text", None) or "").strip():
        raise NotArticleError(document.source, "no article body found in the page")
    published = result.date or _htmldate(document)
    return Extracted(
        paragraphs=tuple(p for p in (_SPACES.sub(" ", ln).strip() for ln in result.text.split("\n")) if p),
        title=_clean_meta(result.title) or document.title, author=_clean_meta(result.author) or document.author,
        published=published or document.published, sitename=_clean_meta(result.sitename),
        url=document.url or result.url)


def _htmldate(document: Document) -> str | None:
    """htmldate as a fallback when trafilatura finds no date."""
    try:
        from htmldate import find_date

        return find_date(document.content, outputformat="%Y-%m-%d")
    except Exception:  # htmldate fails on odd markup; a missing date is not an error
        return None


def _clean_meta(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None
