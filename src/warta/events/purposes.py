"""A mission's purpose is its event: "the UN sent personnel to Bosnia to investigate ...", "the
IAEA dispatched inspectors to Iran to monitor ...", "mengirim tim ke Suriah untuk menyelidiki ...".

A verb of sending (the language's `sending` cues) codes the sending of people or goods (CAMEO 06,
07, 04); when the parse hangs a purpose clause on it ("to investigate", "untuk menyelidiki") whose
verb is itself a cooperative or investigative trigger, that purpose is what the sender does to the other side: the sending
trigger takes the purpose's code, with its own sides (the sender and where it sends), and the
purpose trigger, whose subject is implicit, is left to it.
"""
from __future__ import annotations

import dataclasses

from ..model import Parse
from ..syntax import tree
from .cues import Cues, Token
from .lexicon import Match
from .phrases import word_of

PURPOSE_CLAUSES = ("advcl", "xcomp")
# a hostile purpose has its own target ("sent troops to Syria to fight the rebels": not Syria), so
# only cooperative and investigative purposes (CAMEO 01-09) recode the sending
HOSTILE = "10"


def purposed(matches: list[Match], tokens: list[Token], parse: Parse | None, cues: Cues, text: str) -> list[Match]:
    """The matches, a sending verb's recoded with its purpose clause's trigger (which is dropped)."""
    if parse is None or not matches:
        return matches
    sending, marks = cues.words("sending"), cues.words("purpose")
    at = {word_of(parse, tokens[m.start].start): n for n, m in enumerate(matches)}
    result, dropped = list(matches), set()
    for n, match in enumerate(matches):
        i = word_of(parse, tokens[match.start].start)
        if i is None or match.pattern.kind != "verb" or _written(parse, i, text) not in sending \
                and parse.words[i].lemma.lower() not in sending:
            continue
        for j in tree.children(parse, i, PURPOSE_CLAUSES):
            k = at.get(j)
            # a purpose of the sending's own kind says no more ("mengirim pekerja militer ... untuk membantu")
            if k is not None and k != n and matches[k].pattern.cameo[:2] < HOSTILE \
                    and matches[k].pattern.cameo[:2] != match.pattern.cameo[:2] \
                    and any(_written(parse, c, text) in marks for c in tree.children(parse, j, ("mark",))):
                result[n] = dataclasses.replace(match, pattern=dataclasses.replace(match.pattern, cameo=matches[k].pattern.cameo))
                dropped.add(k)
                break
    return [m for n, m in enumerate(result) if n not in dropped]


def _written(parse: Parse, i: int, text: str) -> str:
    return text[parse.words[i].start:parse.words[i].end].lower()
