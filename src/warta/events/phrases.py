"""Noun phrases and the sides they name, read from a sentence's dependency parse: the leaf
helpers of the event coder's grammar rules (`grammar`), kept apart so that those rules stay short.
"""
from __future__ import annotations

from ..model import Parse
from ..syntax import tree
from .actors import ActorMention

CLAUSES = frozenset({"acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "list"})  # a clause of its own
VERB_WORDS = frozenset({"VERB", "AUX"})
MISTAGGED_VERBS = frozenset({"ADP", "ADV", "SCONJ", "X"})  # tags no word with a subject and an object has
CLOSE = frozenset({"compound", "amod", "flat", "appos", "conj", "det", "nmod:poss", "nummod", "name"})


def word_of(parse: Parse, offset: int) -> int | None:
    """The parse's word at a character offset of the article."""
    return tree.word_at(parse, offset)


def is_verb(parse: Parse, i: int) -> bool:
    """Whether word `i` is used as a verb (a predicate), not a noun, adjective or preposition."""
    word = parse.words[i]
    if word.upos in VERB_WORDS:
        return True
    # a predicate adjective ("is ready", "siap") heads its clause like a verb
    if word.upos == "ADJ" and word.deprel in {"root", "ccomp", "xcomp", "advcl", "conj", "parataxis"}:
        return True
    # a word the tagger misread as a preposition or adverb that the tree gives a subject and an
    # object is a predicate ("Macron mengecam serangan Rusia" with "mengecam" tagged ADP)
    return word.upos in MISTAGGED_VERBS and has_core_arguments(parse, i)


def has_core_arguments(parse: Parse, i: int) -> bool:
    """Whether word `i` has both a subject and an object dependent, as only a predicate has."""
    kinds = {parse.words[j].deprel.partition(":")[0] for j in tree.children(parse, i)}
    return "nsubj" in kinds and "obj" in kinds


def is_noun(parse: Parse, i: int) -> bool:
    return parse.words[i].upos in {"NOUN", "PROPN"}


def phrase(parse: Parse, i: int) -> set[int]:
    """Word `i` and the words of its noun phrase: its subtree without the clauses it heads."""
    found, todo = {i}, [i]
    while todo:
        head = todo.pop()
        for j in tree.children(parse, head):
            if parse.words[j].deprel.partition(":")[0] not in CLAUSES and j not in found:
                found.add(j)
                todo.append(j)
    return found


_GROUP_WORDS = tree.IdentityMemo(256)


def group_words(parse: Parse, groups: list[list[ActorMention]]) -> dict[int, list[int]]:
    """Word index -> the positions in `groups` of the sides whose first mention starts on it,
    computed once per sentence: every trigger asks which sides its phrases name, and a scan of all
    sides each time made a sentence of many sides and triggers cost their product."""
    def index() -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for k, group in enumerate(groups):
            word = word_of(parse, group[0].start)
            if word is not None:
                found.setdefault(word, []).append(k)
        return found

    return _GROUP_WORDS.get((parse, groups), index)


def groups_in(parse: Parse, words: set[int], groups: list[list[ActorMention]]) -> list[list[ActorMention]]:
    """The sides whose first mention starts on one of `words`, in the order of `groups`."""
    index = group_words(parse, groups)
    return [groups[k] for k in sorted(k for w in words for k in index.get(w, ()))]


def sides_of(parse: Parse, i: int | None, groups: list[list[ActorMention]], *,
             places: bool = False) -> list[list[ActorMention]]:
    """The sides word `i`'s phrase names: those named by the word itself or its close modifiers
    ("Iranian officials", "Rusia dan Iran") first, else the first named further in ("the
    commander of the US forces"); never a place after "in"/"di" ("prosecutors in Sweden" are
    Swedish, but "a summit in Zurich" is no side)."""
    if i is None:
        return []
    found = [g for g in groups_in(parse, phrase(parse, i), groups) if places or not g[0].locative]
    close = [g for g in found if close_to(parse, word_of(parse, g[0].start), i)]
    return close or found[:1]


def close_to(parse: Parse, j: int | None, i: int) -> bool:
    """Whether word `j` is `i` or hangs from it through modifiers of a name only."""
    steps = 0
    while j is not None and j != i and steps < 6:
        if parse.words[j].deprel.partition(":")[0] not in CLOSE:
            return parse.words[j].deprel == "nmod:poss" and parse.words[j].head == i
        j, steps = tree.head(parse, j), steps + 1
    return j == i
