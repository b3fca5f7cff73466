"""Reading the article out of a raw input: trafilatura for HTML, the headline rule for text.

HTML goes through trafilatura in precision mode (on the Indonesian and English page sets and the
article-extraction benchmark it beats the default mode: menus, photo strips and related lists are
left out), with two repairs measured on real pages:

- loose text: paragraphs written as bare text beside <p>/<div> children (old Indonesian CMSs put
  the lead paragraph there, after a <strong> dateline) are wrapped into <p> first, because
  trafilatura drops text that is not inside a block element;
- recall fallback: when the precision pass keeps almost nothing (photo galleries), a default pass
  runs and wins if it finds much more;
- split bodies: later blocks with the class and depth of the block holding the body (layouts that
  cut the article with advertisements) are appended;
- the headline repeated at the head of the body is dropped, table rows become plain lines.

The headline is the page's <h1> when the <title> confirms it (the visible headline), else
trafilatura's title (often og:title, which outlets rewrite for social media). The metadata comes
from trafilatura's own metadata functions (`warta.read.pagemeta`), read once a body has been found.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from .encoding import decode_html, repair_mojibake
from .htmltree import parse_html
from ..errors import NotArticleError
from ..model import Document
from .pagemeta import page_metadata
from .xpathrules import install as install_xpath_rules

_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\u00a0\u200b\ufeff]+")
_NOT_WORD = re.compile(r"\W+")
_TITLE_SEPARATOR = re.compile(r"(\s+[-|–—:»]{1,2}\s+|:\s+)")
_DOMAIN = re.compile(r"\w\.(?:com|co\.id|id|net|org|co\.uk|co)\b", re.IGNORECASE)
# Inline tags that stay inside a paragraph; any other element ends a run of loose text.
_INLINE = frozenset(["a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "mark", "q", "s", "small",
                     "span", "strong", "sub", "sup", "time", "u"])
_LOOSE_TEXT_TAGS = frozenset(["div", "span", "td", "article", "section", "main"])
_LOOSE_TEXT_MIN = 50  # characters of bare text that make a run worth keeping as a paragraph
_SHORT_BODY = 500  # a precision body shorter than this gets a second, default-mode pass
_RECALL_FACTOR = 5  # ... which wins when it is this many times longer
_PROSE_CHARS = 150  # a paragraph this long is body text, not page furniture around the headline
_CONTINUATION_CHARS = 60  # body lines this long identify the block that holds them


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
    """Extract the body and metadata of `document` (HTML through trafilatura, text as is).

    `favor_precision` turns the recall fallback off: only trafilatura's precision pass is used.
    """
    if document.kind == "html":
        return _extract_html(document, favor_precision=favor_precision)
    return Extracted(paragraphs=split_paragraphs(str(document.content)), title=document.title,
                     author=document.author, published=document.published, url=document.url,
                     sitename=document.sitename)


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
    tree = _load_tree(document)
    body = _body(_trafilatura(document, tree, precision=True))
    if not favor_precision and len(body) < _SHORT_BODY:
        recall = _body(_trafilatura(document, tree, precision=False))
        if len(recall) >= _RECALL_FACTOR * max(len(body), 1):
            body = recall
    if not body.strip():
        raise NotArticleError(document.source, "no article body found in the page")
    meta = _metadata(document, tree)
    sitename = document.sitename or _clean_meta(meta.sitename)
    body = continue_split_body(tree, body)
    title = headline(tree, _clean_meta(meta.title), sitename=sitename) or document.title
    paragraphs = _drop_leading_title(_lines(repair_mojibake(body)), title)
    return Extracted(
        paragraphs=paragraphs, title=title,
        author=_clean_meta(meta.author) or document.author,
        # The date given with the page (a sidecar, an index, a JSON line) beats one guessed from it.
        published=document.published or meta.date or _htmldate(tree),
        sitename=sitename,
        url=document.url or meta.url)


def _load_tree(document: Document) -> Any:
    """Parse the page once (every pass reuses the tree) and wrap loose text into paragraphs."""
    install_xpath_rules()  # trafilatura's pruning rules without a Python call per element and test
    try:  # decoded here, not by trafilatura's detector: see warta.read.encoding
        tree = parse_html(decode_html(document.content))
    except Exception as error:  # noqa: BLE001 - lxml raises many types on malformed markup
        raise NotArticleError(document.source, f"cannot parse HTML ({error.__class__.__name__})") from None
    if tree is None:
        raise NotArticleError(document.source, "cannot parse HTML")
    wrap_loose_text(tree)
    return tree


def _trafilatura(document: Document, tree: Any, *, precision: bool) -> Any:
    """One trafilatura pass over `tree` (trafilatura copies it, so passes do not interfere)."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree, url=document.url, include_comments=False,
            include_tables=True, favor_precision=precision, deduplicate=False)
    except Exception as error:  # noqa: BLE001 - trafilatura raises many types on odd markup
        raise NotArticleError(document.source, f"cannot read the page ({error.__class__.__name__})") from None


def _metadata(document: Document, tree: Any) -> Any:
    """trafilatura's metadata for the page (see warta.read.pagemeta); no date search when the
    date came with the page."""
    try:
        return page_metadata(tree, document.url, with_date=not document.published)
    except Exception as error:  # noqa: BLE001 - trafilatura raises many types on odd markup
        raise NotArticleError(document.source, f"cannot read the page ({error.__class__.__name__})") from None


def _body(result: Any) -> str:
    return (getattr(result, "text", None) or "") if result is not None else ""


def _lines(body: str) -> tuple[str, ...]:
    return tuple(p for p in (_table_row(_SPACES.sub(" ", ln).strip()) for ln in body.split("\n")) if p)


def _table_row(line: str) -> str:
    """A table row as trafilatura writes it ("| Penulis | : Ani |") as plain text ("Penulis : Ani")."""
    if len(line) < 2 or not (line.startswith("|") and line.endswith("|")):
        return line
    cells = [cell.strip() for cell in line[1:-1].split("|")]
    return " ".join(cell for cell in cells if cell.strip("-: "))


def wrap_loose_text(tree: Any) -> None:
    """Wrap runs of bare text that sit beside block children into <p> elements, in place.

    trafilatura reads paragraphs from block elements; in `<div><strong>Jakarta</strong> - lead
    text<br><br><p>...</p></div>` the lead paragraph is the div's own text and gets lost.
    """
    candidates = [el for el in _loose_text_holders()(tree) if el.tag in _LOOSE_TEXT_TAGS and _has_loose_text(el)]
    for element in candidates:
        _wrap_runs(element)


@cache
def _loose_text_holders() -> Any:
    """Elements that may hold loose text: a <p> or <div> child and some text of their own (libxml2
    finds them faster than a Python loop over every container could). Compiled on the first page:
    lxml is not imported for a text file."""
    from lxml.etree import XPath

    return XPath("//*[p or div][text()[normalize-space()]]")


def _has_loose_text(element: Any) -> bool:
    children = [c for c in element if isinstance(c.tag, str)]
    if not any(c.tag in ("p", "div") for c in children):
        return False
    loose = (element.text or "") + "".join(c.tail or "" for c in element)
    return len(loose.strip()) >= _LOOSE_TEXT_MIN


def _wrap_runs(element: Any) -> None:
    """Rebuild `element`'s children: runs of text and inline tags become <p>, blocks stay."""
    from lxml import html

    children = list(element)
    paragraph = html.Element("p")
    paragraph.text, element.text = element.text, None
    for child in children:
        element.remove(child)
    for child in children:
        if isinstance(child.tag, str) and child.tag not in _INLINE:
            tail, child.tail = child.tail, None
            _append_if_text(element, paragraph)
            if child.tag != "br":
                element.append(child)
            paragraph = html.Element("p")
            paragraph.text = tail
        else:
            paragraph.append(child)
    _append_if_text(element, paragraph)


def _append_if_text(element: Any, paragraph: Any) -> None:
    if paragraph.text_content().strip():
        element.append(paragraph)


def continue_split_body(tree: Any, body: str) -> str:
    """Add the paragraphs of containers that continue the body trafilatura found.

    Some layouts split the article into several blocks of the same class with advertisements
    between them (Wired's `article__body` grid items); trafilatura keeps only the first block.
    Later blocks with the very class and depth of the one holding the body continue it.
    """
    kept = {_norm(line) for line in body.split("\n") if len(line) >= _CONTINUATION_CHARS}
    holders = Counter(p.getparent() for p in tree.iter("p") if _norm(p.text_content()) in kept)
    if not holders:
        return body
    container = holders.most_common(1)[0][0]
    if container is None or not container.get("class"):
        return body
    depth = _depth(container)
    after: list[str] = []
    for block in _following(tree, container):
        # the same class at the same depth: a quote box of a generic class ("wsw") nests deeper
        if block.get("class") == container.get("class") and _depth(block) == depth:
            after.extend(_new_paragraphs(block, kept))
    return "\n".join([body, *after]) if after else body


def _following(tree: Any, element: Any) -> list[Any]:
    """Elements of `element`'s tag that come after it in document order."""
    blocks = list(tree.iter(element.tag))
    return blocks[blocks.index(element) + 1:]


def _depth(element: Any) -> int:
    return sum(1 for _ in element.iterancestors())


def _new_paragraphs(block: Any, kept: set[str]) -> list[str]:
    """Texts of `block`'s own <p> children that the body does not have yet."""
    texts = [_clean_meta(p.text_content()) or "" for p in block if p.tag == "p"]
    texts = [t for t in texts if t and _norm(t) not in kept]
    return texts if sum(len(t) for t in texts) >= _CONTINUATION_CHARS * 4 else []


def headline(tree: Any, meta_title: str | None, *, sitename: str | None = None) -> str | None:
    """The page's visible headline: an <h1>/<h2> that the <title> contains, else `meta_title`.

    The outlet's name is taken off either end ("... - Kompas.com", "KapanLagi.com: ...").
    """
    page_title = _norm(" ".join(t.text_content() for t in tree.iter("title")))
    for heading in tree.iter("h1", "h2"):
        text = _clean_meta(heading.text_content())
        # half the <title> at least, so a logo or a section name in a heading is not the headline
        if text and 2 * len(_norm(text)) >= len(page_title) and _norm(text) in page_title:
            return text
    return _strip_site(meta_title, sitename) if meta_title else None


def _strip_site(title: str, sitename: str | None) -> str:
    """Drop a leading or trailing part of `title` that names the site."""
    pieces = _TITLE_SEPARATOR.split(title)  # parts at even indexes, separators between them
    if len(pieces) < 3:
        return title
    if _names_site(pieces[-1], sitename):
        return "".join(pieces[:-2]).strip()
    if _names_site(pieces[0], sitename):
        return "".join(pieces[2:]).strip()
    return title


def _names_site(part: str, sitename: str | None) -> bool:
    part = part.strip()
    if len(part.split()) > 4:
        return False
    if _DOMAIN.search(part):
        return True
    site = _norm(sitename or "").replace(" ", "")
    return bool(site) and (site in _norm(part).replace(" ", "") or _norm(part).replace(" ", "") in site)


def _drop_leading_title(paragraphs: tuple[str, ...], title: str | None) -> tuple[str, ...]:
    """Drop the headline where trafilatura repeats it in the head of the body.

    The head ends at the first paragraph of prose length: a dateline and a few timestamps
    may come before the repeated headline, but it is never further down.
    """
    if not title:
        return paragraphs
    key = _norm(title)
    head_end = next((i for i, p in enumerate(paragraphs) if len(p) >= _PROSE_CHARS), len(paragraphs))
    head = [p for p in paragraphs[:head_end] if _norm(p) != key]
    return tuple(head) + paragraphs[head_end:]


def _norm(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _htmldate(tree: Any) -> str | None:
    """htmldate as a fallback when trafilatura finds no date."""
    try:
        from htmldate import find_date

        return find_date(tree, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate fails on odd markup; a missing date is no error
        return None


def _clean_meta(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None
