"""Regex alternations of many literal words, written as a trie.

Python's regex engine tries the branches of an alternation one by one at every position it
scans, so "one|two|...|ninety-nine" costs a hundred comparisons per character. Written as a trie
("t(?:w(?:o|elve|enty(?:-one|...|))|...)") it costs one comparison per character of the text,
and the matches are the same: at each node the branches start with different characters, so at
most one of them can match, and longer words are tried before the word that ends at the node,
as in a longest-first alternation.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""  # the key marking a word that ends at a node


def trie_alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex matching any of `words`, longest first where several match at one place.

    With `ignore_case`, words that differ only in case share their branches (the regex is meant
    to be compiled with re.IGNORECASE, which matches them the same way).
    """
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(_fold(char) if ignore_case else char, {})
        node[_END] = {}
    return _regex(root)


def _fold(char: str) -> str:
    """The lower case the regex engine compares with (one character; "İ" keeps its own)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _regex(node: _Node) -> str:
    branches = [re.escape(char) + _regex(child) for char, child in node.items() if char != _END]
    if _END in node and branches:
        branches.append("")  # the word ending here comes after every longer one
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})" if branches else ""


# re.IGNORECASE takes "ı" for "i" and "ſ" for "s", which str.lower() keeps; "İ" lowers to two
# characters. In text without them, str.lower() compares ASCII words as re.IGNORECASE does.
_UNFOLDED = re.compile("[İıſ]")


def caseless_words(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern finding `words`, in lower-cased text, wherever re.IGNORECASE finds them in the
    text; None for words beyond ASCII (whose case rules could differ from str.lower()'s).

    Searching lower-cased text is the fast way: the regex engine skips ahead to the characters
    the words start with, which it cannot do in any case.
    """
    lowered = sorted({w.lower() for w in words})
    if not all(w.isascii() for w in lowered):
        return None
    return re.compile(trie_alternation(lowered) if lowered else "(?!)")


def lowers_like_re(text: str, start: int, end: int) -> bool:
    """Does text[start:end].lower() hold `caseless_words` wherever re.IGNORECASE finds them?"""
    return _UNFOLDED.search(text, start, end) is None
