"""What a trigger's clause says of it, read from the dependency parse: whether it is done or only
wished, planned or asked (`controlled`), negated by the parse (`denied`), a state the subject has
rather than an act (`held`), a purpose (`purpose`), passive, done by a subject that names nobody
(`nameless_subject`), and how much it is what the sentence asserts (`prominence`).

The sides themselves are read in `grammar`; these answers let the coder drop, demote or mark an
event. Sentences without a parse never reach them.
"""
from __future__ import annotations

from ..model import Parse
from ..syntax import tree
from .grammar import Support, passive_verb, subject_word
from .phrases import groups_in, is_verb, word_of
from .roles import SentenceActors

# acts on people (arrest, detain; assault; fighting; mass violence), which a figure cannot undergo
ON_PEOPLE = frozenset({"173", "18", "19", "20"})


def held(parse: Parse, offset: int, support: Support) -> bool:
    """Whether the event noun at `offset` is what its clause's subject has ("Moskow, yang memiliki
    hubungan diplomatik dengan Teheran", "Russia, which has a treaty with Iran"): a state the
    sentence recalls, not an act it reports."""
    i = word_of(parse, offset)
    if i is None or (parse.words[i].upos != "NOUN" and parse.words[i].deprel not in {"nmod", "compound", "flat"}):
        return False
    # "memiliki perjanjian kerja sama": the noun may modify the object the verb has
    while parse.words[i].deprel in {"nmod", "compound", "flat"} and parse.words[i].head >= 0:
        i = parse.words[i].head
    if parse.words[i].deprel.partition(":")[0] != "obj":
        return False
    verb = parse.words[parse.words[i].head] if parse.words[i].head >= 0 else None
    return verb is not None and support.among(verb, support.having)


def on_measure(code: str, parse: Parse, offset: int, support: Support) -> bool:
    """Whether the verb at `offset`, of an act on people (`ON_PEOPLE`), takes an economic measure as
    its object ("menahan inflasi", "The Fed menahan suku bunga"): a policy on a figure, no act; or
    says the harm came in a mishap ("killed in a helicopter crash", "tewas dalam kecelakaan")."""
    i = word_of(parse, offset)
    if i is None or not (code[:3] in ON_PEOPLE or code[:2] in ON_PEOPLE):
        return False
    return any(support.among(parse.words[j], support.measures) for j in tree.children(parse, i, ("obj",))) or \
        any(support.among(parse.words[j], support.mishaps) for j in tree.children(parse, i, ("obl", "advcl")))


def purpose(parse: Parse, offset: int) -> bool:
    """Whether the infinitive at `offset` is a purpose clause or a noun's complement ("met to
    discuss", "a plan to attack"), not the event a verb of its clause states ("continued to send")."""
    i = word_of(parse, offset)
    return i is None or parse.words[i].deprel.partition(":")[0] in {"advcl", "acl"}


def controlled(parse: Parse, offset: int, support: Support | None = None) -> str | None:
    """What gives the verb at `offset` its subject when it has none of its own: "adjective" ("eager
    to withdraw", "likely to deploy"), "object" ("forced the U.S. to abandon", "urged Vietnam to
    push back") or "wish" (a verb of wishing, planning or promising: "wants to withdraw"); its act
    is then what that word wishes, plans or asks, not an act its subject did. None for a purpose,
    an attempt or an aspect, which pass the act through ("went to Moscow to discuss", "tried to
    raid", "continued to fire")."""
    i = word_of(parse, offset)
    if i is None or not is_verb(parse, i):
        return None
    while parse.words[i].deprel == "conj" and parse.words[i].head >= 0 \
            and tree.subject(parse, i, inherit=False) is None:
        i = parse.words[i].head  # "wants to leave and return": the first conjunct's complement
    word = parse.words[i]
    if tree.subject(parse, i, inherit=False) is not None or word.deprel.partition(":")[0] != "xcomp" or word.head < 0:
        return None
    head = parse.words[word.head]
    if passive_verb(parse, word.head):
        return None  # "the points offered by Indonesia to negotiate": a purpose
    if head.upos == "ADJ":
        return "adjective"
    if tree.object_of(parse, word.head) is not None:
        return "object"
    return "wish" if support is not None and support.among(head, support.wishing) else None


def general_verb(parse: Parse, offset: int, support: Support) -> bool:
    """Whether the trigger at `offset` is one of the verbs too general to act alone (`Support.general`)."""
    i = word_of(parse, offset)
    return i is not None and support.among(parse.words[i], support.general)


def denied(parse: Parse, offset: int, negators: frozenset[str], only: frozenset[str] = frozenset()) -> bool:
    """Whether the parse negates the verb at `offset` where the words before it do not tell:
    "neither can Xi allow", "Not the U.S. nor its allies are preventing" (a negator on the verb
    or on its subject); "not only" (`only`: "tak hanya membahas") is emphasis."""
    i = word_of(parse, offset)
    if i is None or not is_verb(parse, i):
        return False
    subject = tree.subject(parse, i, inherit=False)
    heads = [i] if subject is None else [i, subject]
    return any(parse.words[k].deprel.partition(":")[0] in {"advmod", "cc", "det"}
               and parse.words[k].lemma.lower() in negators
               and not (k + 1 < len(parse.words) and parse.words[k + 1].lemma.lower() in only)
               for h in heads for k in tree.children(parse, h))


def passive_at(parse: Parse, offset: int) -> bool:
    """Whether the verb at `offset` is passive in the parse ("a trip aimed at", "men sought in")."""
    i = word_of(parse, offset)
    return i is not None and is_verb(parse, i) and passive_verb(parse, i)


def nameless_subject(parse: Parse, offset: int, sides: SentenceActors, support: Support | None = None) -> bool:
    """Whether the active verb at `offset` has a common noun for subject that names no side
    ("such a step enjoyed support from Moscow") or names a measure or a market (`Support.measures`:
    "Norway's October oil production beat forecasts", "Japan's Nikkei declined"): its doer is then
    known to be nobody named, and no side elsewhere in the sentence (a reporter, the name before
    it, the measure's owner) is to be taken for it."""
    i = word_of(parse, offset)
    if i is None or not is_verb(parse, i) or passive_verb(parse, i):
        return False
    subject = subject_word(parse, i)
    if subject is None or parse.words[subject].upos not in {"NOUN", "PROPN"}:
        return False
    if support is not None and support.among(parse.words[subject], support.measures):
        return True
    if parse.words[subject].upos != "NOUN":
        return False
    groups = sides.groups + [[m] for m in sides.reporters]
    # the whole subtree ("a report released in the Rwandan capital" is Rwanda's), but not the
    # trigger's own clause when it modifies the subject ("a formula granting Hong Kong autonomy")
    words = set(tree.subtree(parse, subject))
    if i in words:
        words -= set(tree.subtree(parse, i))
    return not groups_in(parse, words, groups)


def prominence(parse: Parse, offset: int) -> float:
    """How much the clause of the trigger at `offset` is what the sentence asserts: +1 for the
    main predicate or what it reports ("said it would sanction"), -1 inside a subordinate clause
    or a noun's modifier ("after the attack", "a member jailed last year"), 0 otherwise."""
    i = word_of(parse, offset)
    steps = 0
    while i is not None and steps < 8:
        base = parse.words[i].deprel.partition(":")[0]
        if base in {"advcl", "acl"}:
            return -1.0
        if base == "root":
            return 1.0
        if base not in {"ccomp", "xcomp", "conj", "parataxis", "obj", "nmod", "obl", "compound", "amod"}:
            return 0.0
        i, steps = tree.head(parse, i), steps + 1
    return 0.0
