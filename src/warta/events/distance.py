"""Sides of a trigger by the words around it: the rules for a sentence without a parse, and
for what the parse leaves open (an event noun without an owner, a source acting alone).

A passive is told by its words ("was presented", a di- prefix), a patient verb before an event
noun makes its sides suffer it ("menghadapi embargo"), and an Indonesian event noun takes its
doer right after it ("serangan udara Israel").
"""
from __future__ import annotations

from ..lang import Language
from .cues import Cues, Token
from .lexicon import Match
from .roles import Pair, SentenceActors, pairs_for, patient_pairs
from .selection import noun_form

PATIENT_REACH = 2  # tokens between a patient verb and the event noun it suffers ("menghadapi embargo")
PASSIVE_REACH = 6  # tokens back from "and" to the auxiliary of a passive the trigger is joined to
POSSESSOR_REACH = 2  # modifier words between an event noun and its doer ("serangan udara Israel")


def distance_pairs(cues: Cues, language: Language, tokens: list[Token], match: Match, sides: SentenceActors,
                   options: dict, *, alone: bool, start: int, head_end: int) -> list[Pair]:
    """The sides of a trigger by their places around it (the rules without a parse); `options` are
    `roles.pairs_for`'s."""
    if noun_form(match, tokens) and any(cues.has("patient", tokens, i)
                                          for i in range(max(0, match.start - PATIENT_REACH), match.start)):
        return patient_pairs(sides, start, tokens[match.end - 1].end)
    possessor = _possessor(cues, language, tokens, match, sides)
    pairs = pairs_for(sides, start, head_end, possessor=possessor, **options) if possessor is not None else []
    if not pairs and (possessor is None or options["joint"] == "joint"):
        # a cooperative noun whose owner has no named target relates the owner to the clause's
        # subject ("Rusia menjadi investor terbesar Iran", "Indonesia menyambut kunjungan Putin");
        # a hostile one does not ("Korea Utara prihatin atas serangan Israel"); only a verb's
        # subject acts alone ("Hezbollah released two prisoners")
        pairs = pairs_for(sides, start, head_end, alone=alone, **options)
    return pairs


def _possessor(cues: Cues, language: Language, tokens: list[Token], match: Match, sides: SentenceActors) -> int | None:
    """Offset of the side an Indonesian event noun belongs to: "serangan (militer) Israel",
    "blokade Rusia". A noun, unlike a verb, takes its doer right after it; then the subject of
    the clause ("Korea Utara menyatakan kekhawatiran atas serangan Israel") is not the doer."""
    if not language.possessor_after_noun or not noun_form(match, tokens):
        return None
    starts = sides.index.group_starts
    for i in range(match.end, min(len(tokens), match.end + 1 + POSSESSOR_REACH)):
        if tokens[i].start in starts:
            return tokens[i].start
        word = tokens[i].text
        if not word.isalpha() or not word.islower() or any(
                cues.has(kind, tokens, i) for kind in ("target", "relative", "coordination", "clause")):
            return None
    return None


def passive_words(cues: Cues, tokens: list[Token], match: Match) -> bool:
    """Whether the trigger is a passive verb by its words, without a parse ("was presented", "ditandatangani"): then "by X"/"oleh X" names who acts."""
    if match.pattern.kind != "verb":
        return False
    word = tokens[match.start].text
    if any(word.startswith(p[0]) for p in cues.phrases.get("passive_prefix", ())):
        return True
    if any(cues.has("passive", tokens, i) for i in range(max(0, match.start - 2), match.start)):
        return True
    # a participle joined to a passive one shares its auxiliary: "was evicted in April and sentenced"
    if match.start > 0 and cues.has("coordination", tokens, match.start - 1):
        for i in range(match.start - 2, max(-1, match.start - 2 - PASSIVE_REACH), -1):
            if not tokens[i].text[:1].isalnum():
                return False
            if cues.has("passive", tokens, i):
                return True
    return False
