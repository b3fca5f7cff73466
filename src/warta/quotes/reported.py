"""Reported speech: "Jalali mengatakan bahwa …", "Trump said that …", "…, menurut Jalali."

Only sentences without quote marks are read; the quoted words of a sentence with marks are the
direct quotation's. The content runs from after the cue (and "bahwa"/"that") to the sentence end.
"""
from __future__ import annotations

from dataclasses import dataclass

from .attribution import STOP, Attribution, _prep_at, _speaker_after, _speaker_before
from .cues import QUOTE_MARKS, Cues, tokens

MIN_WORDS = 4  # shorter content is no claim worth recording ("he said so")


@dataclass(frozen=True, slots=True)
class Reported:
    """A stretch of reported speech and its attribution."""

    start: int
    end: int
    attribution: Attribution


def reported_in(text: str, start: int, end: int, cues: Cues) -> Reported | None:
    """Reported speech in the sentence text[start:end], if any."""
    if any(ch in QUOTE_MARKS for ch in text[start:end] if ch not in "'’"):
        return None
    toks = tokens(text, start, end)
    return _cue_first(text, toks, cues) or _cue_last(text, toks, cues)


def _cue_first(text: str, toks: list, cues: Cues) -> Reported | None:
    """`<speaker> <verb> [bahwa|that] <content>`."""
    for i, (_, _, word) in enumerate(toks[:12]):
        if word.lower() not in cues.verbs or i == 0:
            continue
        attribution = _speaker_before(toks[:i], toks[i], cues)
        j = i + 1
        if j < len(toks) and toks[j][2].lower() in cues.complementisers:
            j += 1
        elif not _is_complement_start(toks, j, cues):
            continue
        content = toks[j:]
        if attribution and len(content) >= MIN_WORDS:
            return Reported(content[0][0], _trim(text, content), attribution)
    return None


def _is_complement_start(toks: list, j: int, cues: Cues) -> bool:
    """A clause can follow the verb directly ("Jalali mengatakan Rusia tetap…", "he said the deal…")."""
    if j >= len(toks):
        return False
    word = toks[j][2]
    return word not in STOP and word.lower() not in cues.not_clause



def _cue_last(text: str, toks: list, cues: Cues) -> Reported | None:
    """`<content>, menurut <speaker>.` or `<content>, <speaker> said.`"""
    commas = [i for i, t in enumerate(toks) if t[2] == ","]
    if not commas:
        return None
    c = commas[-1]
    tail, content = toks[c + 1:], toks[:c]
    if len(content) < MIN_WORDS or not tail or len(tail) > 9:
        return None
    prep = _prep_at(tail, 0, cues)
    attribution = None
    if prep:
        attribution = _speaker_after(tail, prep - 1, cues)
    elif len(tail) > 1 and tail[-2][2].lower() in cues.verbs and tail[-1][2] == ".":
        attribution = _speaker_before(tail[:-2], tail[-2], cues)
    if attribution is None:
        return None
    return Reported(content[0][0], content[-1][1], attribution)


def _trim(text: str, toks: list) -> int:
    """End of the content without the sentence's final mark."""
    end = toks[-1][1]
    while end > toks[0][0] and text[end - 1] in ".!?;:":
        end -= 1
    return end
