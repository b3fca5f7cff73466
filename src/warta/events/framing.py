"""What the frame around a trigger makes of its CAMEO code: a wish, an appeal or a stated future.

CAMEO codes the act someone asks another to do as an appeal (02x: "Obama wants Putin to attack
Switzerland" is an appeal to Russia, not a threat), the act one says one will do as an intent
(03x: "Finland will give Tanzania a grant", "wants to help Israel") when it is cooperative and as
a threat (13x: "said they would boycott ...") when it is hostile. The cue words are language
data (`event_cues.tsv`: `wish`, `intent`, `reported_intent`); who the wish is aimed at is read
from the parse (an object before the verb's infinitive complement), or, without a parse, from
the word after the wish verb.
"""
from __future__ import annotations

from ..model import Parse
from ..syntax import tree
from .cues import Cues, Token
from .lexicon import Choice, Match, TriggerPattern
from .phrases import word_of

STEP_REACH = 4  # words (adverbs, "not") between an intent cue and its trigger: "will also soon give"
# the appeal (02x) for another to do an act of each root; any other act asked for is a plain appeal
APPEALS = {"03": "020", "04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
# the intent (03x) to do a cooperative act of each root
INTENTS = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030"}
# the threat (13x) of a hostile act of each root; sanctions, embargoes and boycotts have their own
THREATS = {"12": "130", "14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
SANCTION_THREAT = "1312"
SIGNING = "057"
DEMAND = "100"
# generic violent acts the means named in their sentence refine, and the cue kind of each means
MEANS_REFINED = frozenset({"190", "180", "200", "202"})
MEANS = (("means_aerial", "195"), ("means_heavy", "194"), ("means_bombing", "183"), ("means_assault", "182"))
# what an obligation clause makes of the verb that reports it ("said that Sudan must return ..."):
# a demand on the clause's subject, as specific as a two-word pattern
OBLIGATION = TriggerPattern((Choice((("that",),)), Choice((("must",),))), DEMAND, "verb", "that _ must", -1)
# an appeal (02x) that is one's own wish is the intent to do it: "wants to help" 023 -> 033; and
# the other way round, the intent a wish verb's pattern promised is asked of another
OWN_WISH = {"027": "039", "028": "037"}
ASKED = {intent: asked for asked, intent in OWN_WISH.items()}


def controller(parse: Parse | None, tokens: list[Token], offset: int, index: int) -> str | None:
    """Whose act a wish verb at `offset` (token `index`) is about: "other" when an object stands
    before its infinitive ("wants Putin to attack"), "self" when it has the infinitive alone
    ("wants to help"), None when it has no infinitive complement."""
    if parse is None:
        following = tokens[index + 1].text if index + 1 < len(tokens) else ""
        return "self" if following == "to" else None
    i = word_of(parse, offset)
    if i is None:
        return None
    complements = tree.children(parse, i, ("xcomp",))
    if not complements:
        return None
    objects = [j for j in tree.children(parse, i, ("obj", "iobj")) if j < complements[0]]
    return "other" if objects else "self"


def appeal(code: str) -> str:
    """The appeal for another to do the act of `code` (an appeal stays itself)."""
    if code.startswith("02"):
        return code
    if code.startswith("03") and len(code) >= 3:
        return ASKED.get(code[:3], "02" + code[2])
    return APPEALS.get(code[:2], "020")


def own_wish(code: str) -> str:
    """The intent to do what an appeal code asks (a wish for oneself: "wants to help")."""
    if not code.startswith("02"):
        return code
    return OWN_WISH.get(code[:3], "03" + code[2:3])


def stated_future(code: str) -> str:
    """The intent (cooperative acts) or threat (hostile ones) that a stated future act is."""
    if code.startswith("163"):
        return SANCTION_THREAT
    if code.startswith(SIGNING):  # signing is an agreement already, planned or not
        return code
    return INTENTS.get(code[:2]) or THREATS.get(code[:2]) or code


def future(cues: Cues, tokens: list[Token], trigger: int) -> bool:
    """Whether an intent cue ("will", "shall") stands before the trigger, only fillers between,
    or a reported one ("said it would allow"): a reporting word earlier in the sentence."""
    i = trigger
    while i > 0 and trigger - i < STEP_REACH:
        if cues.ends("intent", tokens, i):
            return True
        if cues.ends("reported_intent", tokens, i):
            return any(cues.has("report", tokens, k) for k in range(0, i - 1))
        step = cues.ends("intent_filler", tokens, i)
        if not step:
            return False
        i -= step
    return False


def reframed(code: str, cues: Cues, tokens: list[Token], index: int, parse: Parse | None) -> str:
    """The code of the trigger at token `index` once its frame is read: a wish verb's appeal or
    intent, a stated future's intent or threat; else `code` itself."""
    if cues.has("wish", tokens, index):
        control = controller(parse, tokens, tokens[index].start, index)
        if control == "other":
            return appeal(code)
        if control == "self":
            return own_wish(code)
    if future(cues, tokens, index):
        return stated_future(code)
    return code


def obligations(cues: Cues, tokens: list[Token], parse: Parse | None,
                names: tuple[int, ...] | None = None) -> list[tuple[Match, set[int]]]:
    """Demands stated as obligations: "Russia said that Sudan must return the helicopter" is a
    demand by Russia on Sudan, not Sudan's return. For each obligation cue ("must", "harus") on a
    verb that is another verb's complement clause: a demand match on that other verb, and the
    tokens of the demanded act and its coordinated verbs, whose own triggers are no events.
    `names`: where the sentence's actor mentions start; an obligation on a common noun that names
    none of them ("orang-orang harus menahan diri", "people must avoid travel") is advice to
    nobody in particular, no demand on a side."""
    if parse is None:
        return []
    found = []
    index = {t.start: n for n, t in enumerate(tokens)}
    for k in cues.starts("obligation", tokens):
        i = word_of(parse, tokens[k].start)
        verb = tree.head(parse, i) if i is not None and parse.words[i].deprel.startswith("aux") else None
        if verb is None or parse.words[verb].deprel.partition(":")[0] != "ccomp":
            continue
        reporter = index.get(parse.words[tree.head(parse, verb)].start)
        if reporter is None or (names is not None and _nobody(parse, verb, names)):
            continue
        acts = [verb] + tree.children(parse, verb, ("conj",)) + tree.children(parse, verb, ("xcomp",))
        demanded = {index[parse.words[j].start] for j in acts if parse.words[j].start in index}
        found.append((Match(reporter, reporter + 1, OBLIGATION), demanded))
    return found


def _nobody(parse: Parse, verb: int, names: tuple[int, ...]) -> bool:
    """Whether the subject of `verb` is a common noun whose phrase holds no actor mention."""
    subject = tree.subject(parse, verb, inherit=False)
    if subject is None or parse.words[subject].upos != "NOUN":
        return False
    words = [parse.words[j] for j in tree.subtree(parse, subject)]
    return not any(w.start <= n < w.end for w in words for n in names)


def by_means(code: str, cues: Cues, tokens: list[Token]) -> str:
    """The violent act as its means tell it (PLOVER's line between ASSAULT and FIGHT): a generic
    act of violence (190, 180, 200, 202) with aircraft or artillery is the use of military force (195,
    194), else with bombs or explosives non-military bombing (183), with machetes or blows a
    physical assault (182)."""
    if code not in MEANS_REFINED:
        return code
    for kind, refined in MEANS:  # military means first: "tanks fired shell bombs" is fighting
        if cues.starts(kind, tokens):
            return refined
    return code


def with_obligations(matches: list[Match], found: list[tuple[Match, set[int]]]) -> list[Match]:
    """The sentence's triggers with the demands its obligation clauses state, and without the
    demanded acts, which did not happen (`obligations`)."""
    if not found:
        return matches
    demanded = set().union(*(acts for _, acts in found))
    reporters = {demand.start for demand, _ in found}
    # a statement verb ("reiterated", CAMEO 01) that reports the obligation is the demand
    kept = [m for m in matches if m.start not in demanded and not (m.start in reporters and m.pattern.cameo.startswith("01"))]
    starts = {m.start for m in kept}
    kept += [demand for demand, _ in found if demand.start not in starts]
    return sorted(kept, key=lambda m: m.start)
