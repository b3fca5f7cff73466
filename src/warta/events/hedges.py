"""Whether a trigger's clause asserts its event: the scope of "if"/"jika" read from the parse, and
yes-no questions.

The word rule (`cues.modality`) calls a trigger conditional when a conditional cue comes before it
anywhere in the sentence, which makes the main clause of "If Israel attacks, Iran will respond"
conditional too and misses "... could face a downturn if dragged into a trade war". In a parsed
sentence the cue's clause is known: a trigger is conditional when it, or a word it hangs from,
heads a clause marked by a conditional cue (UD `mark`). A question that opens with no question
word ("Will Russia invade?", "Apakah Rusia akan menyerang?") asks whether the event happens.
"""
from __future__ import annotations

from ..model import Parse
from ..syntax.tree import children, head, word_at
from .cues import Cues, Token, modality

QUESTION_REACH = 3  # words a question word may stand after the sentence's start ("and", "so", "lalu")
MAX_DEPTH = 30  # a guard against a malformed parse's cycle


def in_conditional(parse: Parse, offset: int, text: str, conditional: frozenset[str]) -> bool | None:
    """Whether the word at `offset` lies in a clause a conditional cue marks; None when the parse
    has no word there (the word rule decides)."""
    i = word_at(parse, offset)
    if i is None:
        return None
    for _ in range(MAX_DEPTH):
        marks = children(parse, i, ("mark",))
        if any(text[parse.words[j].start:parse.words[j].end].lower() in conditional for j in marks):
            return True
        i = head(parse, i)
        if i is None:
            return False
    return False


def yes_no_question(cues: Cues, tokens: list[Token]) -> bool:
    """A sentence ending in "?" that opens with no question word: it asks whether, not what."""
    if not tokens or tokens[-1].text != "?":
        return False
    words = [t for t in tokens if any(c.isalnum() for c in t.text)]
    # "And why would ...", "Lalu mengapa ...": a question word among the first few words
    return bool(words) and not any(cues.has("question_word", words, i) for i in range(min(QUESTION_REACH, len(words))))


def clause_modality(cues: Cues, tokens: list[Token], i: int, *, parse: Parse | None, text: str,
                    conditionals: list[int], framed: bool) -> str:
    """asserted, planned, conditional or hypothetical for the trigger at token `i`: a conditional
    cue's scope from the parse when there is one, a yes-no question hypothetical, else the cue
    words before the trigger (`cues.modality`). `framed`: the trigger was made an intent, a threat
    or a refusal ("said it would allow", "would not meet"), which its "would" asserts."""
    offset = tokens[i].start
    scoped = None if parse is None else in_conditional(parse, offset, text, cues.words("conditional"))
    if scoped:
        return "conditional"
    mode = modality(cues, tokens, i, conditionals=conditionals if scoped is None else [], text=text)
    if mode in {"asserted", "planned"} and yes_no_question(cues, tokens):
        return "hypothetical"
    return "asserted" if mode == "hypothetical" and framed else mode
