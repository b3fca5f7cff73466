"""spaCy's English (ClearNLP) dependency labels restructured into Universal Dependencies.

The English model attaches a preposition to the verb and its noun to the preposition
(`prep`, `pobj`), makes a copula the head of its clause, and gives "wants X to go" a clause with
X as its subject. UD makes the noun the dependent (`obl`, `nmod`, `obl:agent`) with the preposition
as its `case`, the predicate the head with the copula as `cop`, and X the object of "wants" with an
`xcomp`. The rules below do those moves on the trees' arrays; all other labels are renamed through
the language's label table (warta/lang/en/syntax.tsv).
"""
from __future__ import annotations

from dataclasses import dataclass

from .data import SyntaxData

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "SYM"})


@dataclass
class Tree:
    """A parse as parallel arrays; `heads[i]` is -1 for the root."""

    lemmas: list[str]
    upos: list[str]
    heads: list[int]
    deps: list[str]

    def children(self, i: int, *deps: str) -> list[int]:
        """The dependents of word `i`, only those with one of `deps` when given."""
        return [j for j, h in enumerate(self.heads) if h == i and (not deps or self.deps[j] in deps)]

    def promote(self, new: int, old: int, rel: str) -> None:
        """Make `new` take the place of `old` in the tree; `old` hangs from `new` as `rel`."""
        self.heads[new], self.deps[new] = self.heads[old], self.deps[old]
        self.heads[old], self.deps[old] = new, rel


def to_ud(tree: Tree, data: SyntaxData) -> Tree:
    """Convert `tree` (ClearNLP labels) to UD in place and return it."""
    _raise_objects(tree, data)
    _copulas(tree, data)
    _prepositions(tree)
    _coordinators(tree)
    _fronted_complements(tree)
    tree.deps = [data.labels.get(dep, dep) for dep in tree.deps]
    return tree


def _raise_objects(tree: Tree, data: SyntaxData) -> None:
    """"wants Russia to invest": Russia becomes the object of "wants", "to invest" its xcomp."""
    marks = [j for j, dep in enumerate(tree.deps) if dep == "aux" and tree.lemmas[j].lower() in data.infinitive]
    for j in marks:
        tree.deps[j] = "mark"
    for i in sorted({tree.heads[j] for j in marks if tree.heads[j] >= 0}):
        subjects = tree.children(i, "nsubj")
        if tree.deps[i] == "ccomp" and subjects and tree.heads[i] >= 0:
            tree.heads[subjects[0]], tree.deps[subjects[0]] = tree.heads[i], "dobj"
            tree.deps[i] = "xcomp"


def _copulas(tree: Tree, data: SyntaxData) -> None:
    """"X is a member": the attribute heads the clause; "is" becomes its `cop`."""
    for i in range(len(tree.heads)):
        if tree.lemmas[i].lower() not in data.copulas:
            continue
        predicates = tree.children(i, "attr", "acomp")
        if not predicates:
            continue
        predicate = predicates[0]
        tree.promote(predicate, i, "cop")
        for j in tree.children(i):  # subject, auxiliaries, punctuation... go with the predicate
            tree.heads[j] = predicate


def _prepositions(tree: Tree) -> None:
    """`prep`/`agent` + `pobj` → the object as `obl`/`nmod`/`obl:agent` with the preposition as `case`."""
    for i, dep in enumerate(list(tree.deps)):
        if dep not in ("prep", "agent", "dative"):
            continue
        objects = tree.children(i, "pobj")
        clauses = tree.children(i, "pcomp")
        if objects:
            head = tree.heads[i]
            nominal_head = head >= 0 and tree.upos[head] in NOMINAL
            rel = "obl:agent" if dep == "agent" else ("nmod" if nominal_head else "obl")
            tree.promote(objects[0], i, "case")
            tree.deps[objects[0]] = rel
        elif clauses:
            tree.promote(clauses[0], i, "mark")
            head = tree.heads[clauses[0]]
            tree.deps[clauses[0]] = "acl" if head >= 0 and tree.upos[head] in NOMINAL else "advcl"


def _coordinators(tree: Tree) -> None:
    """"China and India": `cc` hangs from the conjunct it introduces, not from the first one."""
    for i, dep in enumerate(tree.deps):
        if dep not in ("cc", "preconj") or tree.heads[i] < 0:
            continue
        following = [j for j in tree.children(tree.heads[i], "conj") if j > i]
        if following and dep == "cc":
            tree.heads[i] = following[0]


def _fronted_complements(tree: Tree) -> None:
    """"Talks ended, police said": the reported clause before the verb of saying is the main
    clause and the verb its `parataxis` (UD), not the verb's ccomp (ClearNLP)."""
    for i, dep in enumerate(list(tree.deps)):
        verb = tree.heads[i]
        if dep != "ccomp" or verb < 0 or verb < i or tree.heads[verb] >= 0:
            continue
        tree.promote(i, verb, "parataxis")
        for j in tree.children(verb, "punct"):
            if j > verb:  # the full stop closes the sentence, whose head is now the clause
                tree.heads[j] = i
