"""Descriptions and titles resolved to the person or organisation the article introduced with them.

"the president said" after "President Barack Obama …", "the former secretary of state said"
after "Hillary Clinton, the former secretary of state, …", "the Italian foreign ministry said"
after "Italy's Foreign Ministry …", "kata Menlu" after "Menlu Sugiono …": the description's head
word (its last word, a role or an organisation's kind) is looked for among the words that
introduce each earlier mention — the title before it, the apposition after it, the entity's own
name and role. The nearest such mention before the quotation wins. An indefinite description
("a spokesman", "seorang pejabat") names someone new and is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Entity
from .cues import Cues, is_name_word, name_connectors, tokens
from .names import coarse

INTRO_BEFORE = 60  # characters of title before a mention ("former Secretary of State ")
INTRO_AFTER = 90  # characters of apposition after it (", the former secretary of state,")
_WORDS = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.;!?\n]|\s[“\"]")


def head_word(phrase: str, cues: Cues) -> str | None:
    """The word a description is about ("ministry" of "the Italian foreign ministry"); None for an
    indefinite description or one without a word to look for."""
    written = _WORDS.findall(phrase)
    if not written or written[0].lower() in cues.indefinites:
        return None
    content = [w for w in written if w.lower() not in cues.demonstratives and w.lower() not in cues.descriptors]
    # the role is the last lowercase word: "the Kremlin spokesman", "juru bicara Kremlin itu"
    common = [w for w in content if w.islower()]
    return (common or content or [""])[-1].lower() or None


def described_entity(text: str, mentions: Sequence[tuple[int, int, Entity]], head: str, before: int,
                     kinds: tuple[str, ...], cues: Cues) -> Entity | None:
    """The entity of the nearest mention before `before` that was introduced with `head`; persons
    before organisations unless `kinds` says otherwise."""
    for kind in kinds:
        for start, end, entity in reversed(mentions):
            if start < before and coarse(entity) == kind and head in _introduction(text, start, end, entity, cues):
                return entity
    return None


def described_after(text: str, mentions: Sequence[tuple[int, int, Entity]], head: str, after: int,
                    reach: int, cues: Cues) -> Entity | None:
    """The person of the nearest mention within `reach` characters after `after` introduced with
    `head` ("China's ambassador to Britain warned …" before "… ambassador to Britain Liu Xiaming")."""
    for start, end, entity in mentions:
        if after <= start < after + reach and coarse(entity) == "PERSON" \
                and (head in _lead_words(text, start) or head in _introduction(text, start, end, entity, cues)):
            return entity
    return None


def _lead_words(text: str, start: int) -> set[str]:
    """The lowercased words of the clause right before a mention ("ambassador to Britain" of
    "China's ambassador to Britain Liu Xiaming"), back to a punctuation mark."""
    lead = re.split(r"[.,;:!?“”\"\n]", text[max(0, start - INTRO_BEFORE):start])[-1]
    return {w.lower() for w in _WORDS.findall(lead)}


def _introduction(text: str, start: int, end: int, entity: Entity, cues: Cues) -> set[str]:
    """The lowercased words that introduce a mention: its title (the title words and names right
    before it), its apposition, its own name and role."""
    lead = []
    for _, _, word in reversed(tokens(text, max(0, start - INTRO_BEFORE), start)):
        low = word.lower().rstrip(".")
        if not (is_name_word(word) or low in cues.titles or low in name_connectors()):
            break
        lead.append(low)
    tail = text[end:end + INTRO_AFTER]
    stop = _CLAUSE_END.search(tail)
    tail = tail[:stop.start()] if stop else tail
    if tail.startswith(","):  # an apposition runs to its closing comma
        close = tail.find(",", 1)
        tail = tail[:close] if close > 0 else tail
    else:
        tail = ""
    words = " ".join(lead) + " " + tail + " " + entity.name + " " + (entity.role or "")
    return {w.lower() for w in _WORDS.findall(words)}
