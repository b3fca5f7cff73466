"""Sides of an event read from the sentence's dependency parse (Universal Dependencies labels).

The subject of the trigger verb acts, its object, indirect object and obliques marked with a
target preposition ("with", "against", "to", "dengan", "terhadap", "kepada", ...) are acted upon.
A passive turns that round: its subject is acted upon, its agent ("by", "oleh", or the bare
noun after an Indonesian di- verb) acts. A verb without a subject of its own takes the one UD
gives it (the controller of "asked Iran to ..." or the first of "arrived and met"), and a pronoun
subject ("he said he would ...") the subject of the clause that reports it. A participle after a
noun ("a member of Hamas jailed last year") is a passive whose subject is that noun.

Every answer is a list of sides (groups of actor mentions, `roles.SentenceActors.groups`); the
coder decides events from them as before. Sentences without a parse keep the distance rules.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import Actor, Parse, Word
from ..syntax import tree
from .actors import STATE_SECTORS, ActorMention
from .phrases import groups_in, is_verb, phrase, sides_of, word_of
from .role_nouns import acting_role, in_role, role_sides, subject_role
from .roles import Pair, SentenceActors, pairs_of

PASSING = frozenset({"ccomp", "xcomp", "conj", "parataxis"})  # a clause that inherits a subject
ARGUMENT_WORDS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"})
BARE_AGENT = frozenset({"obj", "iobj", "obl", "nmod", "nsubj", "compound", "flat"})  # labels a bare agent gets
DEVERBAL = "deverbal"  # the kind of a verb pattern the parse finds on a noun: an event noun that needs its owner
NOUN_REACH = 2  # words from a pattern's first word, a modifier, to the event noun it modifies
CLIMB = 3  # clauses a pronoun subject is followed up through ("said he would not ...")


@dataclass(frozen=True)


class Support:
    """The words the parse rules read, lemmas or forms as written, and the article's text their
    words are read in: support verbs ("melancarkan", "launch", "respond") that only carry the act
    of the event noun they take, and the others below."""

    verbs: frozenset[str]
    text: str
    # a state's own people ("warganya", "its citizens"): an act on them is inward, and the
    # places its complement names ("to avoid travel to Iran") are no sides
    people: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()  # the possessives that make them the subject's own ("its", "-nya")
    having: frozenset[str] = frozenset()  # verbs of having: an event noun they take is a state ("memiliki")
    # agent words with their CAMEO sector codes ("rebels" REB): a side named by its role only (`role_sides`)
    roles: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    # nouns for economic measures, markets and polls ("production", "prices", "Nikkei"): such a
    # subject is no actor, and the sides it names do not act ("Norway's oil production beat forecasts")
    measures: frozenset[str] = frozenset()
    # verbs whose complement is wished, planned or promised, not done ("wants to leave", `controlled`)
    wishing: frozenset[str] = frozenset()
    # verbs too general to be an event without a named side acted upon ("wants", "denied",
    # "released", "struck"): their sense is their object's, so their subject never acts alone
    general: frozenset[str] = frozenset()
    mishaps: frozenset[str] = frozenset()  # accidents and disasters: a death in one is nobody's act ("killed in a crash")
    # the prepositions that mark a passive's agent ("by", "oleh"): a parser may label the agent a
    # plain oblique ("ditangkap oleh penjaga pantai China" with obl, not obl:agent)
    agent_marks: frozenset[str] = frozenset()

    def written(self, word: Word) -> str:
        """The word as written, lower-cased: a lemma may be the bare root ("pemberontak" -> "berontak")."""
        return self.text[word.start:word.end].lower()

    def among(self, word: Word, words: frozenset[str]) -> bool:
        """Whether the word's lemma or its written form is one of `words`."""
        return word.lemma.lower() in words or self.written(word) in words


@dataclass(frozen=True)


class Roles:
    """What the parse says about one trigger: who acts, who is acted upon."""

    subject: list[list[ActorMention]]  # the sides of the grammatical subject (or passive agent)
    targets: list[list[ActorMention]]  # the sides acted upon, in sentence order
    subject_word: bool  # the trigger has a subject at all (named or not)


def passive_verb(parse: Parse, i: int) -> bool:
    """Whether verb `i` is passive, or a past participle modifying a noun."""
    word = parse.words[i]
    if tree.is_passive(parse, i):
        return True
    # "a member of Hamas jailed last year": a past form modifying a noun (not "which jailed")
    return word.deprel == "acl" and ("Tense=Past" in word.feats or "VerbForm=Part" in word.feats) \
        and "Tense=Pres" not in word.feats


def subject_word(parse: Parse, i: int) -> int | None:
    """The subject of predicate `i`, a pronoun followed up to the clause that reports it; a
    participle adjunct without one of its own shares its clause's ("X launched ..., expanding")."""
    found = tree.subject(parse, i)
    if found is None and _adjunct_participle(parse.words[i]) and not tree.children(parse, i, ("mark",)):
        return subject_word(parse, parse.words[i].head)  # not "for breaching ...": a reason, not an act
    if parse.words[i].deprel.startswith("acl") and (found is None or parse.words[found].upos == "PRON"):
        return _carrier_subject(parse, parse.words[i].head)  # "Iran, which attacked ...": the name
    at, steps = i, 0
    while (found is None or parse.words[found].upos == "PRON") and steps < CLIMB:
        if parse.words[at].deprel.partition(":")[0] not in PASSING or parse.words[at].head < 0:
            break
        if found is not None and parse.words[at].deprel.startswith("parataxis"):
            break  # '"... Ukraine ...", he warned': the speaker is not the quotation's subject
        at, steps = parse.words[at].head, steps + 1
        above = tree.subject(parse, at)
        if above is not None and (found is None or parse.words[above].upos != "PRON"):
            found = above
    return found


def _carrier_subject(parse: Parse, noun: int) -> int:
    """Who acts in a participle modifying `noun`: the noun itself ("Rusia, yang menyerang ...",
    "the group demanding ..."), but for a statement-like object or oblique ("issued a declaration
    demanding that ...", "in a statement condemning ...") the subject of the verb that carries
    it: a common noun's own act is its issuer's."""
    word = parse.words[noun]
    if word.upos != "NOUN" or word.deprel.partition(":")[0] not in {"obj", "obl"} or word.head < 0 \
            or not is_verb(parse, word.head) or passive_verb(parse, word.head):
        return noun
    carrier = subject_word(parse, word.head)
    return carrier if carrier is not None else noun


def bare_agents(parse: Parse, i: int) -> list[int]:
    """The bare agent of passive verb `i` ("ditangkap Iran", "diserang militer China"): the
    unmarked nouns right after it. Parsers label it obj, obl, nmod or worse, and may hang the
    name of "militer China" from the verb too, so its place tells, not its label."""
    found, after = [], i + 1
    for j in tree.children(parse, i):
        deprel = parse.words[j].deprel
        if j < after or deprel.partition(":")[0] not in BARE_AGENT or deprel.endswith("tmod"):
            continue
        if tree.case_word(parse, j) is not None or min(phrase(parse, j)) != after:
            break
        found.append(j)
        after = max(phrase(parse, j)) + 1
    return found


def marked_agents(parse: Parse, i: int, support: Support) -> list[int]:
    """The obliques of passive verb `i` marked by an agent preposition, whatever their label."""
    found = []
    for j in tree.children(parse, i, ("obl", "nmod")):
        case = tree.case_word(parse, j)
        if case is not None and support.among(parse.words[case], support.agent_marks):
            found.append(j)
    return found


def _adjunct_participle(word) -> bool:
    """An -ing adjunct of a clause ("..., expanding its campaign"), not a past participle (passive)."""
    return word.deprel == "advcl" and word.head >= 0 and "VerbForm=" in word.feats \
        and "Tense=Past" not in word.feats and "VerbForm=Fin" not in word.feats and "VerbForm=Inf" not in word.feats


def _targets(parse: Parse, i: int, marks: frozenset[str], passive: bool) -> tuple[list[int], list[int]]:
    """(words acted upon, the agent words) of verb `i`: objects and obliques marked as targets."""
    agent = tree.agent(parse, i) if passive else None
    agents = [agent] if agent is not None else bare_agents(parse, i) if passive else []
    targets = []
    for j in tree.children(parse, i):
        deprel = parse.words[j].deprel
        base = deprel.partition(":")[0]
        if deprel == "obl:agent" or j in agents:
            continue
        if base in {"obj", "iobj"}:
            # "condemned Israel's attack on Iran": the owner of the act is whom the verb is aimed
            # at; "lifted the sanctions on Iran": without one, whom the object is aimed at comes first
            targets += _owners(parse, j)
            targets += [k for k in tree.children(parse, j, ("nmod",)) if _marked(parse, k, marks)]
            targets.append(j)
        elif base in {"obl", "nmod"} and _marked(parse, j, marks):
            targets.append(j)
    for j in tree.clausal_complements(parse, i):
        found = tree.subject(parse, j, inherit=False)
        if found is not None:  # "demanded that Israel withdraw": Israel
            targets.append(found)
        elif parse.words[j].deprel == "xcomp":  # "wants to attack Switzerland", "agreed to lift sanctions on Iran"
            targets += _targets(parse, j, marks, False)[0]
    return targets, agents


def _owners(parse: Parse, j: int) -> list[int]:
    """The words that own noun `j` ("Israel's attack", "the US sanctions", "serangan Israel"):
    its possessor and its unmarked modifiers."""
    return [k for k in tree.children(parse, j) if parse.words[k].deprel == "nmod:poss" or (
        parse.words[k].deprel.partition(":")[0] in {"nmod", "compound", "flat", "amod"} and tree.case_word(parse, k) is None)]


def _marked(parse: Parse, i: int, marks: frozenset[str]) -> bool:
    """Whether word `i` is marked by one of the target prepositions."""
    case = tree.case_word(parse, i)
    return case is not None and _text(parse, case) in marks


def _text(parse: Parse, i: int) -> str:
    return parse.words[i].lemma.lower()


def inward(parse: Parse, i: int, groups: list[list[ActorMention]], support: Support | None) -> bool:
    """Whether active verb `i` acts on its subject's own people ("Kanada meminta warganya untuk
    menghindari perjalanan ke Israel", "urged its citizens to leave Iran"): a word for people
    that a pronoun owns or that names no side but the subject's own country."""
    if support is None or not support.people or passive_verb(parse, i):
        return False
    subject = sides_of(parse, subject_word(parse, i), groups)
    own = {m.actor.country for g in subject for m in g}
    for j in tree.children(parse, i, ("obj", "iobj")):
        if not support.among(parse.words[j], support.people):
            continue
        words = phrase(parse, j)
        named = {m.actor.country for g in groups_in(parse, words, groups) for m in g}
        owned = any(support.written(parse.words[k]) in support.owners for k in words)
        if (owned or named) and named <= own and own:
            return True
    return False


def verb_roles(parse: Parse, i: int, groups: list[list[ActorMention]], marks: frozenset[str],
               support: Support | None = None) -> Roles:
    """Who acts and who is acted upon for the verb trigger at word `i`."""
    passive = passive_verb(parse, i)
    subject = subject_word(parse, i) if not (passive and parse.words[i].deprel.startswith("acl")) \
        else parse.words[i].head
    targets, agents = _targets(parse, i, marks, passive)
    if passive and not agents and support is not None:
        agents = marked_agents(parse, i, support)
    if passive:
        acted = ([subject] if subject is not None else []) + targets
        doers = next((found for found in (sides_of(parse, w, groups) for w in agents) if found), [])
        upon = [g for w in acted for g in sides_of(parse, w, groups) or role_sides(parse, w, groups, support, doers)]
        return Roles(doers, upon, bool(agents))
    doers = sides_of(parse, subject, groups)
    upon = _acted(parse, i, targets, groups, support, doers)
    if not doers and upon:  # "opposition groups in Zimbabwe demanded that President Mugabe ..."
        doers = subject_role(parse, subject, groups, support, upon)
        upon = _acted(parse, i, targets, groups, support, doers)
    if not doers and not upon:  # "rebels attacked a military base in northern Mali"
        doers = acting_role(parse, subject, groups, support)
    return Roles(doers, upon, subject is not None)


def _acted(parse: Parse, i: int, targets: list[int], groups: list[list[ActorMention]], support: Support | None,
           doers: list[list[ActorMention]]) -> list[list[ActorMention]]:
    """The sides verb `i`'s target words name; an owner of its object from the doer's own country
    is the doer's ("Trump withheld US military aid to Ukraine"), not acted upon."""
    own = {m.actor.country for g in doers for m in g}
    owners = {k for j in tree.children(parse, i, ("obj", "iobj")) for k in _owners(parse, j)}
    return [g for w in targets for g in _acted_upon(parse, w, groups, support, doers)
            if not (w in owners and all(m.actor.country in own and _state(m.actor) for m in g))]


def _state(actor: Actor) -> bool:
    """A state or a sector of it ("US", "US military"), not its people or opposition."""
    code = actor.code or ""
    return len(code) == 3 or code[3:6] in STATE_SECTORS


def _acted_upon(parse: Parse, w: int, groups: list[list[ActorMention]], support: Support | None,
                doers: list[list[ActorMention]]) -> list[list[ActorMention]]:
    """The sides object `w` names; a role noun whose phrase names only where it is ("an extremist
    group in Northern Ireland") is that role of the place's country, not the place."""
    found = sides_of(parse, w, groups, places=True)
    if found and not all(g[0].locative for g in found):
        return in_role(parse, w, found, support)
    return role_sides(parse, w, groups, support, doers) or found


def noun_roles(parse: Parse, i: int, groups: list[list[ActorMention]], marks: frozenset[str],
               patient_marks: frozenset[str] = frozenset(), support: Support | None = None) -> Roles | None:
    """Owner and target of an event noun ("Iran's attack on Israel", "serangan Israel ke Gaza"):
    its possessor or modifier names the owner, a noun marked as a target what it is aimed at.
    None when the noun names no owner (the clause then decides, as without a parse)."""
    owners, targets, patients = [], [], []
    for j in tree.children(parse, i):
        deprel = parse.words[j].deprel
        case = tree.case_word(parse, j)
        if case is not None and _text(parse, case) in marks:
            targets.append(j)
        elif deprel == "nmod:poss" or (deprel in {"amod", "compound", "nmod", "flat"} and case is None):
            owners.append(j)  # "Iran's attack" (its "'s" marks the owner), "serangan Israel"
        elif case is not None and _text(parse, case) in patient_marks:
            patients.append(j)
    source = [g for w in owners for g in sides_of(parse, w, groups)]
    if not source and support is not None:
        source = _supported(parse, i, groups, support)
    if not source:
        return None
    # with its owner named, the noun's "of" complement is whom it is done to ("Russia's invasion of Ukraine")
    upon = [g for w in targets + patients for g in sides_of(parse, w, groups)]
    return Roles(source, upon, True)


def _supported(parse: Parse, i: int, groups: list[list[ActorMention]], support: Support) -> list[list[ActorMention]]:
    """The sides of the subject of the support verb event noun `i` is the object of ("Israel
    melancarkan serangan udara", "Iran menanggapi dengan serangan rudal", "Iran responded with
    missile attacks"): a verb that only carries the noun's act makes its subject the act's doer."""
    word = parse.words[i]
    head = word.head
    if head < 0 or word.deprel.partition(":")[0] not in {"obj", "obl", "xcomp"} or not is_verb(parse, head):
        return []
    verb = parse.words[head]
    if not support.among(verb, support.verbs):
        return []
    return sides_of(parse, subject_word(parse, head), groups)


def gate(parse: Parse, offset: int, kind: str) -> str | None:
    """What a trigger pattern of `kind` is where the parse puts its first word at `offset`: a
    verb pattern on a verb stays a verb, on a common noun becomes an event noun (DEVERBAL: "the
    release", "Iran's attack"), on anything else is no trigger ("according to", "overwhelming",
    "rebel-controlled", "Free Tibet")."""
    i = word_of(parse, offset)
    if kind != "verb" or i is None or is_verb(parse, i):
        return kind
    # a proper noun is a name ("Free Tibet" banners), not an event
    return DEVERBAL if parse.words[i].upos == "NOUN" else None


def parsed_pairs(parse: Parse, offset: int, kind: str, sides: SentenceActors, marks: frozenset[str], *,
                 joint: str, alone: bool, mains: tuple[Actor, ...],
                 patient_marks: frozenset[str] = frozenset(),
                 support: Support | None = None, end: int | None = None) -> list[Pair] | None:
    """The pairs of sides of the trigger at `offset` read from the parse; None when the parse
    cannot tell (an event noun without an owner: the clause decides, as without a parse); no
    pairs when the parse tells there is no event between sides (`inward`)."""
    i = word_of(parse, offset)
    if i is None:
        return None
    groups = sorted(sides.groups + [[m] for m in sides.reporters], key=lambda g: g[0].start)
    if kind == "verb" and is_verb(parse, i):
        if inward(parse, i, groups, support):
            return []  # an act on one's own people names no other side: no event between sides
        found = verb_roles(parse, i, groups, marks, support)
        if passive_verb(parse, i) and not found.subject_word and _unnamed_doer(parse, i, groups):
            return []  # "Russia has been accused of ...": a named side suffers it, who did it is not named
        alone = alone and not passive_verb(parse, i)
    else:
        found = noun_roles(parse, _noun_head(parse, i, end), groups, marks, patient_marks, support)
        if found is None:
            return None
        # a support verb's subject is the doer the parse found; its target may be left to the
        # distance rules ("melancarkan serangan udara Jumat lalu terhadap Iran")
        alone = support is not None and bool(_supported(parse, i, groups, support))
    # a parse that names nobody for the trigger leaves it to the distance rules: parses of news
    # sentences miss attachments often enough that "nobody" is more often a parse error
    return pairs_of(found.subject, found.targets, joint=joint, alone=alone, mains=mains) or None


def _unnamed_doer(parse: Parse, i: int, groups: list[list[ActorMention]]) -> bool:
    """Whether passive verb `i` without an agent has a subject that names a side and no oblique
    that names one ("were killed in Israeli shelling", "put under investigation in Italy" may
    name the doer): who acts is then nobody named ("Russia has been accused of ...")."""
    if not sides_of(parse, tree.subject(parse, i, inherit=False), groups):
        return False
    return not any(sides_of(parse, j, groups, places=True) for j in tree.children(parse, i, ("obl", "nmod")))


def _noun_head(parse: Parse, i: int, end: int | None) -> int:
    """The event noun a pattern (ending at offset `end`) starting on modifier `i` names ("military
    aid": "aid"), whose own modifiers name its owner ("Iranian military aid")."""
    word = parse.words[i]
    if end is not None and word.deprel in {"amod", "compound"} and 0 < word.head - i <= NOUN_REACH \
            and parse.words[word.head].upos == "NOUN" and parse.words[word.head].end <= end:
        return word.head
    return i
