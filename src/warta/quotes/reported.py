"""Reported speech: "Jalali mengatakan bahwa …", "Trump said that …", "…, menurut Jalali."

Only sentences without quote marks are read; the quoted words of a sentence with marks are the
direct quotation's. The content runs from after the cue (and "bahwa"/"that") to the sentence end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import (
    STOP,
    Attribution,
    last_run,
    prep_at,
    speaker_after,
    speaker_before,
)
from .cues import QUOTE_MARKS, Cues, tokens

MIN_WORDS = 4  # shorter content is no claim worth recording ("he said so")
MAX_CUE_AT = 24  # the verb may follow a long opening ("Sebagaimana dilaporkan …, Ushakov menyampaikan")
MAX_ADDRESSEE = 6  # words between the verb and "bahwa"/"that" ("kepada wartawan", "reporters")
MAX_TAIL = 9  # words of "…, menurut <speaker>." / "…, <speaker> said." after the last comma
DATE_TAIL = 3  # tokens after a last comma that only date the sentence (", Jumat.")
MAX_CUE_TAIL = 6  # words after a sentence-closing speech verb ("said in a statement on Friday")
_MARKS = QUOTE_MARKS - {"'", "’"}  # an apostrophe is no quotation mark here
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Reported:
    """A stretch of reported speech and its attribution."""

    start: int
    end: int
    attribution: Attribution


def reported_in(text: str, start: int, end: int, cues: Cues) -> Reported | None:
    """Reported speech in the sentence text[start:end], if any."""
    if not _MARKS.isdisjoint(text[start:end]):
        return None
    # A cheap test first: either reading needs a speech verb or a word opening "according to" /
    # "menurut" (`Cues.openers`), and most sentences hold none
    openers = cues.openers
    if openers is not None and openers.isdisjoint(map(str.lower, _LETTERS.findall(text, start, end))):
        return None
    toks = tokens(text, start, end)
    return _cue_first(text, toks, cues) or _cue_last(text, toks, cues)


def _cue_first(text: str, toks: list, cues: Cues) -> Reported | None:
    """`<speaker> <verb> [bahwa|that] <content>`, `<speaker> <verb>, <content>` and
    `<speaker> <verb> kepada wartawan bahwa <content>`."""
    for i, (_, _, word) in enumerate(toks[:MAX_CUE_AT]):
        if word.lower() not in cues.verbs or i == 0:
            continue
        attribution = speaker_before(toks[:i], toks[i], cues)
        j = _content_start(toks, i + 1, cues)
        if j is None or (attribution and toks[i + 1][2] == "," and not (attribution.named or attribution.pronoun)):
            continue  # "The decision was announced, …": a described subject before a comma says nothing
        content = toks[j:]
        if attribution and len(content) >= MIN_WORDS:
            return Reported(content[0][0], _trim(text, content), attribution)
    return None


def _content_start(toks: list, j: int, cues: Cues) -> int | None:
    """Index of the first reported word after a verb ending at j, or None when none follows."""
    if j < len(toks) and toks[j][2] == ",":  # "Nafan Aji menuturkan, kondisi …"
        j += 1
    if j < len(toks) and toks[j][2].lower() in cues.complementisers:
        return j + 1
    # An addressee may stand between the verb and "bahwa": "menyampaikan kepada wartawan bahwa".
    for k in range(j + 1, min(len(toks), j + 1 + MAX_ADDRESSEE)):
        if toks[k][2] in STOP or toks[k][2] in QUOTE_MARKS:
            break
        if toks[k][2].lower() in cues.complementisers:
            return k + 1
    return j if _is_complement_start(toks, j, cues) else None


def _is_complement_start(toks: list, j: int, cues: Cues) -> bool:
    """A clause can follow the verb directly ("Jalali mengatakan Rusia tetap…", "he said the deal…")."""
    if j >= len(toks):
        return False
    word = toks[j][2]
    return word not in STOP and word.lower() not in cues.not_clause



def _cue_last(text: str, toks: list, cues: Cues) -> Reported | None:
    """`<content>, menurut <speaker>.`, `<content>, kata <speaker>.` or `<content>, <speaker> said.`"""
    commas = [i for i, t in enumerate(toks) if t[2] == ","]
    if not commas:
        return None
    c = commas[-1]
    if len(commas) > 1 and len(toks) - c <= DATE_TAIL:  # "…, kata X dalam pernyataan, Jumat."
        c = commas[-2]
    tail, content = toks[c + 1:], toks[:c]
    if len(content) < MIN_WORDS or not tail or len(tail) > MAX_TAIL + MAX_CUE_TAIL:
        return None
    prep = prep_at(tail, 0, cues)
    attribution = None
    if prep and len(tail) <= MAX_TAIL:
        attribution = speaker_after(tail, prep - 1, cues)
    elif tail[0][2].lower() in cues.verbs and len(tail) <= MAX_TAIL:  # "…, kata Kementerian X."
        attribution = speaker_after(tail, 0, cues)
    elif not prep:
        verb = _closing_verb(tail, cues)
        attribution = speaker_before(tail[:verb], tail[verb], cues) if verb and verb < MAX_TAIL else None
    if attribution is None:
        return None
    return Reported(content[0][0], content[-1][1], attribution)


def _closing_verb(tail: list, cues: Cues) -> int | None:
    """Index of the speech verb closing a sentence after its speaker: "…, the navy said." or
    with a few words of when and how after it ("…, the navy said in a statement on Friday.")."""
    if tail[-1][2] != ".":
        return None
    for k in range(1, len(tail) - 1):
        if tail[k][2].lower() in cues.verbs:
            after = tail[k + 1:-1]
            return k if len(after) <= MAX_CUE_TAIL and all(t[2] not in STOP for t in after) else None
    return None


def _trim(text: str, toks: list) -> int:
    """End of the content without the sentence's final mark."""
    end = toks[-1][1]
    while end > toks[0][0] and text[end - 1] in ".!?;:":
        end -= 1
    return end


def speaker_in_clause(text: str, start: int, end: int, cues: Cues) -> Attribution | None:
    """The speaker of reported speech that runs into a quotation opening at `end`: `Lamrani told
    Business Insider that MaT was "fairly secular…"`, `Ryabkov, yang mengatakan bahwa … "…"`."""
    # Only the tokens a cue within MAX_CUE_AT and its addressee can reach: a long sentence with
    # many quotations would otherwise be tokenized once per quotation.
    toks = tokens(text, start, end, limit=MAX_CUE_AT + MAX_ADDRESSEE + 8)
    for i, (_, _, word) in enumerate(toks[:MAX_CUE_AT]):
        if word.lower() not in cues.verbs or i == 0 or _content_start(toks, i + 1, cues) is None:
            continue
        if i >= 3 and toks[i - 1][2].lower() in cues.relatives and toks[i - 2][2] == ",":
            run = last_run(toks[:i - 2])
            if run and run[-1] == i - 3:
                return Attribution(toks[run[0]][0], toks[run[-1]][1], word)
        found = speaker_before(toks[:i], toks[i], cues)
        if found and (found.named or found.pronoun):
            return found
    return None
