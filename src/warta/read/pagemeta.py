"""A page's title, author, date, site name and URL, as trafilatura's `extract_metadata` finds them.

warta reads five of the fields `extract_metadata` fills. Two things make that function slow for
them: it also collects categories, tags and a licence (a third of its time), and its author rule
is some forty XPath tests that libxml2 makes on every element of the page, one rule after the
other, on a copy of the page (about 5 ms on a news page). Here the five fields go through
trafilatura's own functions in its order, and the author rule makes the very same tests (the same
tag sets, values and regular expressions) in one pass over the elements, without copying the
page: less than half the time, the same answers.
"""
from __future__ import annotations

import re
from contextlib import suppress
from copy import deepcopy
from typing import Any

# trafilatura's AUTHOR_DISCARD_XPATHS (trafilatura/xpaths.py): elements whose text is no byline.
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_CLASSES = frozenset({"comments", "title", "date"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
                            "|article-(?:share|support)|print|category|meta-date|meta-reviewer")
# ... and its AUTHOR_XPATHS, tried in this order: specific, almost generic, any element.
_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_SPECIFIC_CLASS = re.compile("author-?name|AuthorName|authorName")
_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_GENERIC_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
_GENERIC_ID = re.compile("author|zuozhe|bianji|xiaobian")
_GENERIC_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_ANY_ID = re.compile("[Aa]uthor")
_ANY_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
# A class none of the rules above can match does not contain any of these.
_CLASS_CUE = re.compile("|".join([_DISCARD_CLASS.pattern, _SPECIFIC_CLASS.pattern, _GENERIC_CLASS.pattern,
                                  _ANY_CLASS.pattern, *_DISCARD_CLASSES, *_GENERIC_CLASSES, "author"]))
_OTHER_ATTRIBUTES = ("itemprop", "data-component", "rel", "data-testid")  # the rules' other attributes
_AUTHOR_MAX_CHARS = 120  # trafilatura's length limit for an author text


def page_metadata(tree: Any, url: str | None, *, with_date: bool = True) -> Any:
    """trafilatura's metadata `Document` for the page, with title, author, URL, date and site name.

    `url` is the page's known address (a canonical link on the page wins, as in trafilatura).
    Without `with_date` (the date is known already) the date is not looked for: htmldate's search
    through the page is the dearest of these fields.
    """
    from trafilatura import metadata as tm
    from trafilatura.settings import set_date_params

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with suppress(Exception):  # as in trafilatura: a bug in its JSON-LD reading leaves the <meta> fields
        meta = tm.extract_meta_json(tree, meta)
    meta.title = meta.title or tm.extract_title(tree)
    meta.author = meta.author or page_author(tree)
    meta.url = meta.url or tm.extract_url(tree, url)
    meta.date = tm.find_date(tree, **set_date_params(True), url=meta.url) if with_date else None
    meta.sitename = _sitename(meta.sitename or tm.extract_sitename(tree), meta.url)
    meta.clean_and_trim()
    return meta


def _sitename(name: str | None, url: str | None) -> str | None:
    """trafilatura's site name: no leading @, capitalised when it has no dot; else the URL's domain."""
    from trafilatura.metadata import META_URL

    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name
    match = META_URL.match(url) if url else None
    return match[1] if match else None


def page_author(tree: Any) -> str | None:
    """trafilatura's `extract_author`: the first byline-like element's text (of 3 to 119 characters),
    read as if comment lists, sidebars, dates, <time> and <figure> were taken out of the page.

    trafilatura prunes a copy of the whole page; only a candidate that holds pruned elements is
    copied here, as pruning elsewhere changes nothing in a candidate's text.
    """
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim

    removed, levels = _scan(tree)
    gone = set(removed)
    for candidates in levels:
        for element in candidates:
            if element in gone or any(ancestor in gone for ancestor in element.iterancestors()):
                continue  # pruned with an ancestor
            text = trim(" ".join(_pruned(element, removed, gone).itertext()))
            if text and 2 < len(text) < _AUTHOR_MAX_CHARS:
                return normalize_authors(None, text)
    return None


def _pruned(element: Any, removed: list[Any], gone: set[Any]) -> Any:
    """`element`, or a copy of it without the removed elements inside (their tails stay, as in
    trafilatura's pruning, which removes them in the order of `removed`)."""
    inside = [descendant for descendant in element.iterdescendants() if descendant in gone]
    if not inside:
        return element
    from trafilatura.xml import delete_element

    copy = deepcopy(element)
    counterpart = dict(zip(element.iter(), copy.iter()))
    for original in removed:
        if original in counterpart:
            delete_element(counterpart[original])
    return copy


def _scan(page: Any) -> tuple[list[Any], tuple[list[Any], list[Any], list[Any]]]:
    """(elements trafilatura's pruning removes, in its order; byline candidates of each level, in
    page order)."""
    has_rel = page.find(".//rel") is not None  # XPath's `rel='me'` tests a child element <rel>
    discarded: list[Any] = []
    late: list[Any] = []  # <time> and <figure>: trafilatura's second discard expression
    levels: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
    class_cues: dict[str, bool] = {}  # a page gives the same few classes to many elements
    for element in page.iter():
        tag = element.tag
        if not isinstance(tag, str):  # comments and processing instructions
            continue
        if tag in ("time", "figure"):
            late.append(element)
        cls, ident = element.get("class", ""), element.get("id", "")
        cue = class_cues.get(cls)
        if cue is None:
            cue = class_cues[cls] = bool(_CLASS_CUE.search(cls))
        if not (cue or ident or tag == "author" or has_rel or any(map(element.get, _OTHER_ATTRIBUTES))):
            continue  # no attribute that any rule tests: most elements
        if element is not page and _is_discarded(element, tag, cls, ident):
            discarded.append(element)
        if _is_specific(element, tag, cls, ident, has_rel=has_rel):
            levels[0].append(element)
        if _is_generic(element, tag, cls, ident):
            levels[1].append(element)
        if _is_any(element, cls, ident):
            levels[2].append(element)
    return discarded + late, levels


def _is_discarded(element: Any, tag: str, cls: str, ident: str) -> bool:
    return tag in _DISCARD_TAGS and bool(
        ident == "comments" or cls in _DISCARD_CLASSES or _DISCARD_ID.search(ident)
        or _DISCARD_CLASS.search(cls) or "Figure" in element.get("data-component", ""))


def _is_specific(element: Any, tag: str, cls: str, ident: str, *, has_rel: bool) -> bool:
    if tag == "author":
        return True
    return tag in _SPECIFIC_TAGS and bool(
        element.get("rel") == "author" or ident == "author" or cls == "author"
        or element.get("itemprop") == "author name" or element.get("data-testid") in ("AuthorCard", "AuthorURL")
        or _SPECIFIC_CLASS.search(cls)
        or (has_rel and any(child.tag == "rel" and child.text_content() == "me" for child in element)))


def _is_generic(element: Any, tag: str, cls: str, ident: str) -> bool:
    return tag in _GENERIC_TAGS and bool(
        cls in _GENERIC_CLASSES or "author" in element.get("itemprop", "")
        or _GENERIC_ID.search(ident) or _GENERIC_CLASS.search(cls))


def _is_any(element: Any, cls: str, ident: str) -> bool:
    return bool("Byline" in element.get("data-component", "") or "author" in element.get("itemprop", "")
                or _ANY_ID.search(ident) or _ANY_CLASS.search(cls))

