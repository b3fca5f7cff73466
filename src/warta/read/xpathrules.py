"""trafilatura's discard rules evaluated in one Python pass instead of by libxml2 (same elements).

trafilatura prunes a page with XPath expressions such as
`.//*[self::div or self::p][re:test(@class, 'share|footer') or contains(@style, 'display:none')]`.
Each `re:test` is an EXSLT function that lxml implements in Python, so libxml2 calls back into
Python for every element and every test: on a news page the precision pass spent about a third
of its time in five such rules. Here a rule of that shape is compiled into Python tests on the
element's attributes (the regular expression's answer kept per attribute value, as a page repeats
a few classes on many elements), which selects the same elements in the same (document) order.

Only the XPath subset these rules use is understood: `.//*` followed by predicates that are `or`
chains of `self::tag`, `@attr`, `@attr='value'`, `contains(...)`, `starts-with(...)`,
`re:test(...)` (on attributes or a `translate(...)` of them) and `not(...)` of those or of
`.//tag`. An expression outside it is left to libxml2, so a trafilatura release that changes its
rules stays correct (only slower). XPath semantics kept: a union `@id|@class` stands for the
attribute written first in the tag, a missing attribute for the empty string, `re:test` is
`re.search` (case-insensitive with flag `i`), as in lxml.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

Test = Callable[[Any], bool]
# The lists of trafilatura.xpaths that prune the page in the default and precision passes (all
# used through trafilatura's prune_unwanted_nodes, which only calls each expression on a tree).
PRUNING_LISTS = ("OVERALL_DISCARD_XPATH", "RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH",
                 "REMOVE_COMMENTS_XPATH", "PRECISION_DISCARD_XPATH", "TEASER_DISCARD_XPATH",
                 "DISCARD_IMAGE_ELEMENTS")
_MAX_ANSWERS = 4096  # answers kept per rule; the keys hold attribute values, so memory stays bounded
_TOKEN = re.compile(r"\s*('[^']*'|\"[^\"]*\"|\.//|::|[()\[\],|=@*]|[A-Za-z_][\w-]*(?::(?!:)[A-Za-z_][\w-]*)?)")


class Unsupported(ValueError):
    """The expression uses XPath beyond the subset compiled here."""


class Rule:
    """A compiled `.//*[...]` expression: called on an element, the descendants it selects."""

    def __init__(self, path: str, tags: tuple[str, ...], predicates: tuple[_Remembered, ...]) -> None:
        self.path = path  # the XPath it stands for
        self._tags = tags  # () for any element
        self._predicates = predicates

    def __call__(self, tree: Any) -> list[Any]:
        from lxml.etree import Element

        # `*` is any element: lxml's Element tag filter leaves comments and processing instructions out
        elements = tree.iterdescendants(*(self._tags or (Element,)))
        for predicate in self._predicates:  # they filter one after the other, as in XPath
            elements = predicate.select(elements)
        return list(elements)


def compile_rule(path: str) -> Rule:
    """Compile `path` (see the module docstring for the subset); Unsupported when outside it."""
    parser = _Parser(_tokenize(path))
    parser.expect(".//", "*")
    predicates: list[list[_Term]] = []
    while parser.peek() == "[":
        parser.expect("[")
        predicates.append(parser.or_terms())
        parser.expect("]")
    if parser.peek() is not None or not predicates:
        raise Unsupported(f"unexpected {parser.peek()!r}")
    tags: tuple[str, ...] = ()
    if all(term.tag for term in predicates[0]):  # a tag filter: lxml walks those elements only
        tags = tuple(term.tag for term in predicates[0])
        predicates = predicates[1:]
    return Rule(path, tags, tuple(_Remembered(_either(terms)) for terms in predicates))


@dataclass(frozen=True)
class _Term:
    """A compiled test, the attributes it reads (None: it reads more, e.g. the tag or the
    descendants) and the unions among them (`@id|@class`: their order in the tag matters)."""

    test: Test
    reads: frozenset[str] | None = frozenset()
    unions: tuple[tuple[str, ...], ...] = ()
    tag: str | None = None  # for `self::tag`


@dataclass(frozen=True)
class _Value:
    """A string argument: how to read it from an element, and the attributes it reads."""

    read: Callable[[Any], str]
    reads: frozenset[str]
    unions: tuple[tuple[str, ...], ...] = ()


def _tokenize(path: str) -> list[str]:
    tokens, position, text = [], 0, path.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise Unsupported(f"cannot read {text[position:position + 20]!r}")
        tokens.append(match.group(1))
        position = match.end()
        while position < len(text) and text[position].isspace():
            position += 1
    return tokens


class _Parser:
    """Recursive descent over the tokens of one expression."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens, self.at = tokens, 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise Unsupported("expression ends too early")
        self.at += 1
        return token

    def expect(self, *wanted: str) -> None:
        for token in wanted:
            if self.take() != token:
                raise Unsupported(f"expected {token!r}")

    def string(self) -> str:
        token = self.take()
        if len(token) < 2 or token[0] not in "'\"" or token[-1] != token[0]:
            raise Unsupported(f"expected a string, got {token!r}")
        return token[1:-1]

    def or_terms(self) -> list[_Term]:
        terms = [self.term()]
        while self.peek() == "or":
            self.take()
            terms.append(self.term())
        if self.peek() not in ("]", ")"):
            raise Unsupported(f"unexpected {self.peek()!r}")  # `and`, comparisons: not compiled
        return terms

    def term(self) -> _Term:
        token = self.take()
        if token == "self":
            self.expect("::")
            tag = self.take()
            return _Term(lambda element: element.tag == tag, reads=None, tag=tag)
        if token == "@":
            return self.attribute_test()
        if token == "not":
            self.expect("(")
            inner = self.descendant_test() if self.peek() == ".//" else _either(self.or_terms())
            self.expect(")")
            return _Term(lambda element: not inner.test(element), inner.reads, inner.unions)
        if token in ("contains", "starts-with", "re:test"):
            return self.function(token)
        raise Unsupported(f"unknown term {token!r}")

    def attribute_test(self) -> _Term:
        name = self.take()
        if self.peek() != "=":
            return _Term(lambda element: element.get(name) is not None, frozenset([name]))
        self.take()
        value = self.string()
        return _Term(lambda element: element.get(name) == value, frozenset([name]))

    def descendant_test(self) -> _Term:
        self.expect(".//")
        tag = self.take()
        return _Term(lambda element: next(element.iterdescendants(tag), None) is not None, reads=None)

    def function(self, name: str) -> _Term:
        self.expect("(")
        value = self.value()
        self.expect(",")
        argument = self.string()
        flags = ""
        if name == "re:test" and self.peek() == ",":
            self.take()
            flags = self.string()
        self.expect(")")
        read = value.read
        if name == "contains":
            test: Test = lambda element: argument in read(element)  # noqa: E731
        elif name == "starts-with":
            test = lambda element: read(element).startswith(argument)  # noqa: E731
        else:
            test = _regex_test(read, argument, flags)
        return _Term(test, value.reads, value.unions)

    def value(self) -> _Value:
        """An attribute, a union of attributes, or a translate() of one of those."""
        if self.peek() == "translate":
            self.take()
            self.expect("(")
            inner = self.value()
            self.expect(",")
            source = self.string()
            self.expect(",")
            table = _translation(source, self.string())
            self.expect(")")
            return _Value(lambda element: inner.read(element).translate(table), inner.reads, inner.unions)
        names = [self.attribute_name()]
        while self.peek() == "|":
            self.take()
            names.append(self.attribute_name())
        if len(names) == 1:
            name = names[0]
            return _Value(lambda element: element.get(name, ""), frozenset(names))
        return _Value(_first_attribute(tuple(names)), frozenset(names), (tuple(names),))

    def attribute_name(self) -> str:
        self.expect("@")
        return self.take()


def _either(terms: list[_Term]) -> _Term:
    """The `or` of `terms`."""
    if len(terms) == 1:
        return terms[0]
    tests = tuple(term.test for term in terms)

    def either(element: Any) -> bool:
        for test in tests:
            if test(element):
                return True
        return False
    reads = None if any(term.reads is None for term in terms) else frozenset().union(*(t.reads for t in terms))
    return _Term(either, reads, tuple(union for term in terms for union in term.unions))


class _Remembered:
    """A predicate's test, answered once per combination of the attribute values it reads (a page
    gives the same few classes to many elements). An answer is not kept when two attributes of a
    union are present (their order in the tag decides); a test that reads more than attributes
    (the tag, the descendants) is asked for every element."""

    def __init__(self, term: _Term) -> None:
        self._test = term.test
        self._names = tuple(sorted(term.reads)) if term.reads is not None else None
        self._unions = tuple(tuple(self._names.index(name) for name in union)
                             for union in term.unions) if self._names else ()
        self._answers: dict[Any, bool] = {}

    def select(self, elements: Iterable[Any]) -> Iterable[Any]:
        """The elements of `elements` that pass, in their order."""
        if self._names is None:
            return filter(self._test, elements)
        names, answers, found = self._names, self._answers, []
        for element in elements:
            key = tuple(map(element.get, names))
            answer = answers.get(key)
            if answer is None:
                answer = self._answer(element, key)
            if answer:
                found.append(element)
        return found

    def _answer(self, element: Any, key: tuple[str | None, ...]) -> bool:
        answer = self._test(element)
        if not any(sum(key[i] is not None for i in union) > 1 for union in self._unions):
            if len(self._answers) > _MAX_ANSWERS:  # a page of unique ids must not grow it without end
                self._answers.clear()
            self._answers[key] = answer
        return answer


def _first_attribute(names: tuple[str, ...]) -> Callable[[Any], str]:
    """The string value of `@a|@b`: the one of them written first in the tag ("" when none is)."""
    wanted = frozenset(names)

    def first(element: Any) -> str:
        present = [name for name in names if element.get(name) is not None]
        if len(present) < 2:
            return element.get(present[0]) if present else ""
        return element.get(next(key for key in element.keys() if key in wanted))
    return first


def _translation(source: str, target: str) -> dict[int, str | None]:
    """XPath translate(): a character's first place in `source` names its replacement, or its removal."""
    table: dict[int, str | None] = {}
    for index, char in enumerate(source):
        table.setdefault(ord(char), target[index] if index < len(target) else None)
    return table


def _regex_test(read: Callable[[Any], str], pattern: str, flags: str) -> Test:
    """lxml's re:test: re.search, ignoring case with flag `i`."""
    search = re.compile(pattern, re.IGNORECASE if "i" in flags else 0).search
    return lambda element: search(read(element)) is not None


@cache
def install() -> int:
    """Put compiled rules in place of trafilatura's pruning expressions (once per process).

    The lists are changed in place, so every trafilatura module that imported them uses the
    rules. Returns how many expressions were replaced; one outside the subset stays XPath.
    """
    from trafilatura import xpaths

    replaced = 0
    for name in PRUNING_LISTS:
        expressions = getattr(xpaths, name, None)
        for index, expression in enumerate(expressions or ()):
            path = getattr(expression, "path", None)
            if isinstance(expression, Rule) or path is None:
                continue
            try:
                expressions[index] = compile_rule(path)
                replaced += 1
            except Unsupported:
                continue
    return replaced
