"""Attribution from the dependency parse: the speaker is the subject of the speech verb.

`“…,” said X`, `X, who …, said: “…”`, `“…,” X, 92, told me`, `X swiped at Y in a series of
tweets: “…”`, `X returned the compliment, telling Reuters, “…”`: the verb nearest the quotation
in the sentence holding its closing mark (after it) or its opening mark (before it), and that
verb's subject — through appositions ("the president's envoy, Jane Miller"), relative clauses
("who said") and the subject a participle shares with its head ("…, saying"). Sentences without a
parse get None, and the quotes stage keeps its word-pattern reading for them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ..model import Article, Parse, Span
from ..syntax import tree
from ..syntax.data import clitic_endings
from .attribution import Attribution, runs_of
from .cues import Cues, load_cues, tokens
from .marks import find_quoted

SHARED_SUBJECT = ("advcl", "acl", "xcomp", "conj", "parataxis")  # "…, saying", "and added"
_LETTERS = re.compile(r"[^\W\d_]+")
NAME_OVERRUN = 60  # characters a name may run on past its sentence's end
DESCRIPTION_PARTS = ("det", "amod", "compound", "nmod:poss", "nummod")


def speech_sentences(article: Article) -> list[int]:
    """The sentences the quotes stage reads a parse of (its `syntax` selector, for
    `warta.syntax.register_selector`): the sentence holding a quotation's opening mark and the one
    covering the offset past its closing mark (`parsed_attribution` looks at no other), when it
    holds a speech cue (the parse's speaker is the subject of one)."""
    text, sentences = article.text, article.sentences
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    starts = [s.start for s in sentences]
    cues = _cue_words(article.language)
    out: set[int] = set()
    for q in find_quoted(text, paragraphs):
        if q.continues and q.close_at is None:
            continue  # parsed_attribution is not asked for these
        for offset in (q.open_at, q.close_at):
            k = bisect_right(starts, offset) - 1 if offset is not None else -1
            if k >= 0 and offset < sentences[k].end and k not in out and _holds(text, sentences[k], cues):
                out.add(k)
    return sorted(out)


def _holds(text: str, sentence: Span, words: frozenset[str]) -> bool:
    """Whether a word of the sentence, lower-cased, is one of `words`."""
    return any(w.lower() in words for w in _LETTERS.findall(text, sentence.start, sentence.end))


@cache
def _cue_words(language: str | None) -> frozenset[str]:
    """The language's single-word speech cues (as `load_cues` reads them), alone and with each
    clitic a parser splits off after them ("katanya" is "kata" + "nya" to the parser)."""
    cues = load_cues(language)
    single = cues.verbs | cues.pronoun_verbs | cues.sources
    return single | {word + clitic for word in single for clitic in clitic_endings()}


def parsed_attribution(article: Article, open_at: int, close_at: int | None, bounds: tuple[int, int],
                       cues: Cues) -> Attribution | None:
    """The speaker of the quotation text[open_at:close_at] by the parse, None without one.

    `bounds` are the offsets the verb must lie within (the previous quotation's close and the
    next one's opening), so a verb belonging to a neighbouring quotation is not taken."""
    low, high = bounds
    if close_at is not None:  # "…,” said X" / "…,” X said": verb and speaker after the quotation
        found = _from_verb(article, close_at, cues, (close_at, high), after=True)
        if found is not None:
            return found
    return _from_verb(article, open_at, cues, (low, open_at), after=False)


def _from_verb(article: Article, offset: int, cues: Cues, side: tuple[int, int], *, after: bool) -> Attribution | None:
    """The speaker of the speech verb nearest the quotation on one side of it; verb and speaker
    both on that side (a subject inside the quotation or across it is a misparse)."""
    parse = tree.parse_at(article, offset)
    if parse is None:
        return None
    text = article.text
    inside = [side[0] <= w.start and w.end <= side[1] for w in parse.words]
    verbs = [i for i, w in enumerate(parse.words) if inside[i] and _is_cue(text[w.start:w.end], cues)]
    for v in (verbs if after else reversed(verbs)):
        found = _speaker(parse, v, text, cues, inside)
        if found is not None:
            return found
    return None


def _is_cue(word: str, cues: Cues) -> bool:
    low = word.lower()
    return low in cues.verbs or low in cues.pronoun_verbs or low in cues.sources


def _speaker(parse: Parse, v: int, text: str, cues: Cues, inside: list[bool]) -> Attribution | None:
    cue = text[parse.words[v].start:parse.words[v].end]
    s = _subject(parse, v)
    if s is None or not inside[s]:
        return None
    word = parse.words[s]
    written = text[word.start:word.end]
    if word.upos == "PRON":
        kind = cues.pronouns.get(written.lower())
        if kind is not None:
            return Attribution(word.start, word.end, cue, pronoun=kind, named=False)
        antecedent = _antecedent(parse, s)  # "Dahl, who …"
        if antecedent is None:
            return None
        s, word = antecedent, parse.words[antecedent]
    if not _proper(parse, s, text):
        named = next((j for j in tree.children(parse, s, ("appos",)) if _proper(parse, j, text)), None)
        if named is None:
            start, end = _description(parse, s)
            return Attribution(start, end, cue, named=False)
        s = named
    start, end = _name_span(parse, s, text)
    return Attribution(start, end, cue)


def _proper(parse: Parse, i: int, text: str) -> bool:
    """A proper noun written with a capital (the tagger calls "ministry" in "foreign ministry said" one)."""
    word = parse.words[i]
    return word.upos == "PROPN" and text[word.start:word.start + 1].isupper()


def _subject(parse: Parse, v: int) -> int | None:
    """The verb's subject, or the one it shares with the clause it hangs from ("…, saying")."""
    seen = set()
    while v is not None and v not in seen:
        seen.add(v)
        found = tree.subject(parse, v, inherit=False)
        if found is not None:
            return found
        if parse.words[v].deprel not in SHARED_SUBJECT:
            return None
        h = tree.head(parse, v)
        if parse.words[v].deprel == "acl" and h is not None:
            return h  # "footage of Hillary Clinton asking, “…”": the noun the participle describes
        v = h
    return None


def _antecedent(parse: Parse, s: int) -> int | None:
    """"who" of "Dahl, who said…": the noun the relative clause hangs from."""
    verb = tree.head(parse, s)
    if verb is None or parse.words[verb].deprel != "acl:relcl":
        return None
    return tree.head(parse, verb)


def _name_span(parse: Parse, s: int, text: str) -> tuple[int, int]:
    """The name around proper noun `s`: the run of capitalised words (titles, initials and
    connectors such as "bin" included) holding it, up to a comma; the speaker resolver then
    strips titles and links the name."""
    # read on past the parse's end: a sentence cut after a title ("said Del. | Stacey Plaskett")
    sentence = tokens(text, parse.start, min(len(text), parse.end + NAME_OVERRUN))
    word = parse.words[s]
    for run in runs_of(sentence):
        start, end = sentence[run[0]][0], sentence[run[-1]][1]
        if start <= word.start and word.end <= end:
            return start, end
    return word.start, word.end


def _description(parse: Parse, s: int) -> tuple[int, int]:
    """"the Italian foreign ministry", "the president": the noun with its determiner and modifiers."""
    parts = [j for j in tree.children(parse, s, DESCRIPTION_PARTS) if j < s] + [s]
    return parse.words[min(parts)].start, parse.words[s].end
