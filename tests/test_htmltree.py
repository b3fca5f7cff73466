"""warta.read.htmltree: the same tree as trafilatura's load_html, every element an HtmlElement."""
from __future__ import annotations

import pytest
import trafilatura
from lxml import html
from lxml.html import HtmlElement

from warta.read.htmltree import parse_html

PAGES = [
    "<html><head><title>A</title></head><body><form><input name='q'><select><option>x</option>"
    "</select><textarea>t</textarea><label>l</label></form><p>Body text.</p><!-- note --></body></html>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" />\n<html><body><p>doctype repaired</p></body></html>",
    "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>declared encoding in a str</p></body></html>",
    "<html><body><p>control\x00 char\x0b</p></body></html>",
    "<div><p>a fragment</p><p>of two blocks</p></div>",
]


@pytest.mark.parametrize("page", PAGES)
def test_same_tree_as_trafilatura(page):
    ours, theirs = parse_html(page), trafilatura.load_html(page)
    assert ours is not None and theirs is not None
    assert html.tostring(ours) == html.tostring(theirs)


def test_every_element_is_a_plain_html_element():
    tree = parse_html(PAGES[0])
    classes = {type(element) for element in tree.iter() if isinstance(element.tag, str)}
    assert classes == {HtmlElement}
    assert tree.find(".//form").text_content() == "xtl"  # lxml.html's methods are there


@pytest.mark.parametrize("text", ["just words, no markup at all", "<p>one block</p>"])
def test_no_html_is_refused_as_trafilatura_refuses_it(text):
    assert parse_html(text) is None
    assert trafilatura.load_html(text) is None
