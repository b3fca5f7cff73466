"""warta.read.xpathrules: compiled rules select what trafilatura's XPath selects, in the same order."""
from __future__ import annotations

import pytest
from lxml import html
from lxml.etree import XPath

from warta.read.xpathrules import PRUNING_LISTS, Rule, Unsupported, compile_rule, install

RE = {"re": "http://exslt.org/regular-expressions"}

# Markup written for these tests: the attributes the rules read, in both orders, absent and empty,
# comments between elements, nested matches, and the tags of trafilatura's converted tree.
PAGE = """<html><head><title>t</title></head><body>
<div id="share-top" class="post">a</div><div class="post" id="share-top">b</div>
<div class="social-links"><!-- a comment --><span class="reply-to">c</span></div>
<section id="" class="">d</section><p style="display:none">e</p><p style="display: none" id="x">f</p>
<div role="Navigation">g</div><span data-lp-replacement-content="">h</span>
<aside class="infinite-scroll"><h1>kept</h1></aside><aside class="infinite-scroll"><p>i</p></aside>
<div class="mvp-post-add-box"><h1>j</h1></div><ul class="comments-list"><li class="comment">k</li></ul>
<ol id="comments"><li>l</li></ol><div class="article-comments"><div class="comment-body">m</div></div>
<list class="menu-bar"><item class="tags">n</item></list><div aria-hidden="true">o</div>
<div style="hidden" id="visible">p</div><div id="visible" style="hidden">q</div>
<div class="elementor-share-buttons">r</div><div class="Teaser-box">s</div><div class="image-caption">t</div>
<div class="bottom-bar"><p class="link">u</p></div><div class="ad-slot banner">v</div><header>w</header>
</body></html>"""


@pytest.fixture(scope="module")
def page():
    return html.fromstring(PAGE)


def _trafilatura_expressions():
    from trafilatura import xpaths

    for name in PRUNING_LISTS:
        for index, expression in enumerate(getattr(xpaths, name)):
            yield pytest.param(expression, id=f"{name}[{index}]")


@pytest.mark.parametrize("expression", list(_trafilatura_expressions()))
def test_every_pruning_expression_selects_what_libxml2_selects(page, expression):
    path = expression.path
    try:
        rule = compile_rule(path)
    except Unsupported:
        pytest.skip("left to libxml2")
    assert rule(page) == XPath(path, namespaces=RE)(page)


@pytest.mark.parametrize("path", [
    ".//*[re:test(@id|@class, '^share')]",  # the attribute written first decides
    ".//*[starts-with(@class|@id, 'post')]",
    ".//*[re:test(@id, '^$')]",  # a missing attribute is the empty string
    ".//*[self::div or self::p][contains(translate(@role, 'NX', 'n'), 'nav') or @aria-hidden='true']",
    ".//*[self::aside][not(.//h1) or re:test(@class, 'mvp')]",
    ".//*[self::ul or self::ol or self::div][not(self::ol or self::ul) or re:test(@id, '^comments')]",
    ".//*[re:test(@class, 'SHARE|AD-', 'i')]",
    ".//*[@data-lp-replacement-content or @style='display:none']",
    ".//*[contains(@style, '')]",  # contains() of the empty string is true on every element
])
def test_xpath_semantics_kept(page, path):
    assert compile_rule(path)(page) == XPath(path, namespaces=RE)(page)


@pytest.mark.parametrize("path", [
    "(.//article)[1]", ".//div[@class='post']", ".//*[@id and @class]", ".//*[string-length(@id) > 3]",
    ".//*[contains(., 'x')]", ".//*", ".//*[re:replace(@id, 'a', 'g', 'b')]",
])
def test_expressions_beyond_the_subset_are_refused(path):
    with pytest.raises(Unsupported):
        compile_rule(path)


def test_install_replaces_the_hot_rules_once():
    from trafilatura import xpaths

    install()
    assert all(isinstance(rule, Rule) for rule in xpaths.OVERALL_DISCARD_XPATH)
    assert all(isinstance(rule, Rule) for rule in xpaths.RAW_TREE_PRUNE_XPATH)
    assert not install.__wrapped__()  # a second install finds nothing left to compile


def test_pruning_with_rules_leaves_the_same_page(page):
    """trafilatura's own pruning, run with the XPath and with the rules, deletes the same elements."""
    from copy import deepcopy

    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura import xpaths

    install()
    rules = xpaths.OVERALL_DISCARD_XPATH
    expressions = [XPath(rule.path, namespaces=RE) for rule in rules]
    with_rules, with_xpath = deepcopy(page), deepcopy(page)
    prune_unwanted_nodes(with_rules, rules)
    prune_unwanted_nodes(with_xpath, expressions)
    assert html.tostring(with_rules) == html.tostring(with_xpath)
    assert b"share-top" not in html.tostring(with_rules)
