"""A decoded page into an lxml tree, as trafilatura's `load_html` makes it, without the Python
call that lxml.html makes for every element it hands to Python.

lxml.html's parser picks each element's class (FormElement for <form>, InputElement, ...) in a
Python method, called whenever Python first touches an element: some 3,600 times per news page
across trafilatura's passes (and the copies it makes of the tree, which keep the parser). Here
every element is an `HtmlElement`, chosen by libxml2-side lookup; warta and trafilatura use none
of the form classes' extras. The steps (repairs, the bytes fallback, the rejection of a page that
is no HTML) are trafilatura's own, so the tree is the same.
"""
from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _parser() -> Any:
    """trafilatura's parser settings (trafilatura.utils.HTML_PARSER) with a C-level class lookup."""
    from lxml import etree
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                              remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


def parse_html(text: str) -> Any:
    """The page's tree (an lxml.html element), or None when it is no HTML (trafilatura's test)."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    tree, tried_bytes = None, False
    try:
        tree = fromstring(text, parser=_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, tried_bytes = _from_bytes(text), True
    except Exception:  # noqa: BLE001, S110 - as trafilatura: lxml raises many types, bytes are tried next
        pass
    if (tree is None or len(tree) < 1) and not tried_bytes:
        tree = _from_bytes(text)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # not well-formed HTML at all
    return tree


def _from_bytes(text: str) -> Any:
    from lxml.html import fromstring

    try:
        return fromstring(text.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:  # noqa: BLE001 - as trafilatura: no tree
        return None
