"""Sides a sentence names by their role, read from the parse: "the rebels", "Turkish Kurd
refugees", "opposition leader Maulana X", "demonstrators in Baghdad".

CAMEO codes such a side as a sector of its country (MOZREB, TURREF, IRQOPP): the role comes from
the agent words (`Support.roles`), the country from a name in the side's own phrase (a demonym, a
place), else from the sentence. A role of the acting side's own country is another side than its
state: the Sudanese government acts on Sudanese rebels, Turkey on Turkish refugees.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor, Parse
from ..syntax import tree
from .actors import OPPOSING_SECTORS, STATE_SECTORS, ActorMention, acts_on
from .phrases import close_to, groups_in, phrase, word_of

if TYPE_CHECKING:
    from .grammar import Support

Groups = list[list[ActorMention]]
ROLE_WORDS = frozenset({"NOUN", "ADJ"})
# sectors whose members act on their own as sides of a conflict: rebels, insurgents, armed groups,
# separatists, radicals, the opposition and protesters, the military
ALONE_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "RAD", "OPP", "MIL"})  # a role noun's unmarked modifiers that may name the role
TITLE_DEPTH = 3  # compound words before a name that may hold its title ("outgoing Prime Minister X")


def role_code(parse: Parse, i: int, support: Support) -> str | None:
    """The CAMEO sector the role noun at word `i` names: its modifiers first ("opposition
    leader" OPP, "police officers" COP), then the noun itself; for a name the KB does not link, the
    title before it ("President Kagame", "Prime Minister Iyad Allawi"); None for no role."""
    word = parse.words[i]
    if word.upos == "PROPN":
        return _title_code(parse, i, support)
    if word.upos != "NOUN":
        return None
    # an unmarked modifier on either side: "opposition leader", "kelompok pemberontak", "puluhan demonstran"
    mods = [j for j in tree.children(parse, i, ("compound", "amod", "nmod", "flat"))
            if parse.words[j].upos in ROLE_WORDS and tree.case_word(parse, j) is None]
    # a compound's own modifier comes first: "opposition leader Maulana X" is the opposition's
    mods = sorted(mods + [k for j in mods for k in tree.children(parse, j, ("compound",))
                          if parse.words[k].upos in ROLE_WORDS])
    return _first_role(parse, i, mods, support) or _title_code(parse, i, support)


def _first_role(parse: Parse, i: int, mods: list[int], support: Support) -> str | None:
    """The role of a modifier paired with the head ("armed groups"), else of one word alone."""
    written = {j: support.written(parse.words[j]) for j in (*mods, i)}  # as written, not the lemma
    pairs = [(written[min(i, j)], written[max(i, j)]) for j in mods]
    found = [support.roles.get(pair) for pair in pairs] + [support.roles.get((written[j],)) for j in (*mods, i)]
    return next((c for c in found if c), None)


def _title_code(parse: Parse, i: int, support: Support) -> str | None:
    """The role of the title a name carries as compounds before it ("opposition leader Maulana
    Fazl-ur-Rehman", "President Kagame"): the name itself is someone in particular, no role."""
    titles, todo = [], [i]
    for _ in range(TITLE_DEPTH):
        todo = [j for k in todo for j in tree.children(parse, k, ("compound", "flat")) if j < i]
        titles += todo
    words = sorted(titles)
    written = [support.written(parse.words[j]) for j in words]
    pairs = [support.roles.get(pair) for pair in zip(written, written[1:])]
    # the modifier first, as in "opposition leader" (OPP, not the leader's GOV)
    return next((c for c in pairs + [support.roles.get((w,)) for w in written] if c), None)


def role_sides(parse: Parse, i: int | None, groups: Groups, support: Support | None, doers: Groups) -> Groups:
    """A side acted upon that the sentence names by its role only ("accepted demands from the
    rebels", "accused Darfur rebels", "outlawed an extremist group in Northern Ireland"): CAMEO
    codes it as a sector of its country (MOZREB), the country of a place in its own phrase, else
    the one country its sentence names (`_unplaced`); nothing when it names several, or when
    it would be one side with its doers ("Iraq" and "the Iraqi government")."""
    code = role_code(parse, i, support) if i is not None and support is not None and support.roles else None
    if code is None or i is None or support is None:
        return []
    own = [m.actor.country for g in groups_in(parse, phrase(parse, i), groups) for m in g]
    if own and not all(own):
        return []  # its phrase names a side of no country ("its European Community partners")
    countries = set(own) or _unplaced(parse, groups)
    if len(countries) != 1:
        return []
    actor = _role_actor(parse, i, countries.pop(), code, support)
    if not all(acts_on(m.actor, actor) for g in doers for m in g):
        return []
    word = parse.words[i]
    return [[ActorMention(word.start, word.end, actor, "role")]]


def _unplaced(parse: Parse, groups: Groups) -> set[str | None]:
    """The countries a role with no country of its own may belong to: those its sentence names
    outside a clause set beside it ("..., a member of the Chadian team said": who reports does
    not place the role)."""
    aside = {j for k, word in enumerate(parse.words) if word.deprel == "parataxis" for j in tree.subtree(parse, k)}
    return {m.actor.country for g in groups if word_of(parse, g[0].start) not in aside for m in g if m.actor.country}


def _role_actor(parse: Parse, i: int, country: str, code: str, support: Support) -> Actor:
    """The actor of role `code` in `country`, named by word `i` and its close modifiers."""
    close = sorted(j for j in phrase(parse, i) if close_to(parse, j, i))
    name = support.text[parse.words[close[0]].start:parse.words[close[-1]].end]
    return Actor(name=name, country=country, code=country + code)


def in_role(parse: Parse, i: int, found: Groups, support: Support | None) -> Groups:
    """The sides phrase `i` names, a country named only as the modifier of a role noun taken as
    that role of the country: "Turkish Kurd refugees" TURREF, "Palestinian armed groups" PSEUAF
    (the neighbour-word rule, `actors.with_agents`, sees "Russian troops" but not these)."""
    if support is None or not support.roles or parse.words[i].upos != "NOUN":
        return found
    code = role_code(parse, i, support)
    if code is None:
        return found
    result = []
    for group in found:
        mention = group[0]
        actor, at = mention.actor, word_of(parse, mention.start)
        if len(group) == 1 and actor.country and actor.code == actor.country and at is not None and at != i \
                and close_to(parse, at, i):
            group = [ActorMention(mention.start, mention.end, _role_actor(parse, i, actor.country, code, support),
                                  "role")]
        result.append(group)
    return result


def subject_role(parse: Parse, i: int | None, groups: Groups, support: Support | None, upon: Groups = ()) -> Groups:
    """The acting side a subject names by its role: that role of the one country its own phrase
    names ("opposition groups in Zimbabwe", "demonstrators in Baghdad"); a state's role with no
    country of its own ("police", "troops") acting on parts of one country that are not its state
    ("police arrested opposition leaders in Chile") is that country's. Asked only for a verb that
    acts on a named side: alone, "prosecutors in Sweden dropped an investigation" is no event
    between sides; and "gunmen attacked a US convoy" are not American."""
    if i is None or support is None or not support.roles:
        return []
    code = role_code(parse, i, support)
    own = {m.actor.country for g in groups_in(parse, phrase(parse, i), groups) for m in g}
    if not own and code in STATE_SECTORS:
        own = _domestic(upon)
    elif not own and code in ALONE_SECTORS:  # "rebels attacked a military base in northern Mali"
        own = _located(groups) or (_states(upon) if code in OPPOSING_SECTORS - {"UAF"} else set())
    if code is None or len(own) != 1 or None in own:
        return []
    word = parse.words[i]
    return [[ActorMention(word.start, word.end, _role_actor(parse, i, own.pop(), code, support), "role")]]


def acting_role(parse: Parse, i: int | None, groups: Groups, support: Support | None) -> Groups:
    """The acting side a subject names by a role of contention alone, with nobody named acted upon
    ("rebels attacked a military base in northern Mali", "demonstrators in Baghdad blocked a road"):
    that role of the one country its phrase, else the place it happens in, names. Only rebels, insurgents,
    militants, protesters and troops (`ALONE_SECTORS`): police or prosecutors alone are crime news,
    not events between sides."""
    if i is None or support is None or not support.roles:
        return []
    code = role_code(parse, i, support)
    if code is None or code[:3] not in ALONE_SECTORS:
        return []
    own = {m.actor.country for g in groups_in(parse, phrase(parse, i), groups) for m in g} or _located(groups)
    if len(own) != 1 or None in own:
        return []
    word = parse.words[i]
    return [[ActorMention(word.start, word.end, _role_actor(parse, i, own.pop(), code, support), "role")]]


def _located(groups: Groups) -> set[str | None]:
    """The countries of the places the sentence says it happens in ("in northern Mali"): not of a
    side's own modifier ("gunmen attacked a US convoy" are not American)."""
    return {m.actor.country for g in groups for m in g if m.locative}


def _states(upon: Groups) -> set[str | None]:
    """The one country whose state (or a sector of it) all the sides acted upon are: rebels and
    protesters act on their own state ("fundamentalists demand the resignation of Algerian
    President X"); armed men of no known side may be anyone's ("gunmen attacked a US convoy")."""
    actors = [m.actor for g in upon for m in g]
    if not actors or not all(len(a.code or "") == 3 or (a.code or "")[3:6] in STATE_SECTORS for a in actors):
        return set()
    return {a.country for a in actors}


def _domestic(upon: Groups) -> set[str | None]:
    """The one country of sides acted upon that are all parts of it other than its state."""
    actors = [m.actor for g in upon for m in g]
    if not actors or not all(len(a.code or "") > 3 and (a.code or "")[3:6] not in STATE_SECTORS for a in actors):
        return set()
    return {a.country for a in actors}
