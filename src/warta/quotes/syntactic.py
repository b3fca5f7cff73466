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
from collections.abc import Callable
from functools import cache

from ..model import Article, Parse, Span
from ..syntax import tree
from ..syntax.data import clitic_endings
from .attribution import Attribution, drop_brackets, runs_of
from .cues import Cues, load_cues, tokens
from .marks import a_term, find_quoted, mask_nicknames, quote_bounds

SHARED_SUBJECT = ("advcl", "acl", "xcomp", "conj", "parataxis")  # "…, saying", "and added"
_LETTERS = re.compile(r"[^\W\d_]+")
DATELINE_DASH = re.compile(r"\s[-–](?![-–])")  # "Jakarta - Menteri", "Washington D.C -Donald"
DATELINE_CHARS = 3  # the outlet opens the sentence
NOUN_DEPENDENTS = ("nmod", "obj", "appos", "flat", "compound")
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "X", "DET", "SYM")  # parts of speech a subject may have
CLAUSES = ("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "conj")  # not part of a noun's phrase
QUOTE_CLOSERS = ("”", '"')  # a quotation before a speech verb, which may then come before its subject
NAME_OVERRUN = 60  # characters a name may run on past its sentence's end
DESCRIPTION_PARTS = ("det", "amod", "compound", "nmod:poss", "nummod")
# modifiers a description may hold after its noun (UD; head-initial languages put them there):
# "juru bicara Kremlin itu" (compound, nmod, det), "the president himself"; an nmod with a case
# word ("the president of France") or a clause ends it
DESCRIPTION_AFTER = ("det", "amod", "compound", "flat", "nmod", "nmod:poss", "nummod")


def speech_sentences(article: Article) -> list[int]:
    """The sentences the quotes stage reads a parse of (its `syntax` selector, for
    `warta.syntax.register_selector`): the sentence holding a quotation's opening mark and the one
    covering the offset past its closing mark (`parsed_attribution` looks at no other), when it
    holds a speech cue where `parsed_attribution` looks for one: between the closing mark and the
    next quotation of the paragraph, or between the previous one (or the paragraph's start) and
    the opening mark. A parse elsewhere finds no speech verb there. A term in quote marks
    (`marks.a_term`) becomes no quotation, whoever the parse would say said it. The text is read
    as the stage reads it, with quoted nicknames blanked (`marks.mask_nicknames`)."""
    text, sentences = mask_nicknames(article.text), article.sentences
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    starts = [s.start for s in sentences]
    cues = _cue_words(article.language)
    out: set[int] = set()
    quoted = find_quoted(text, paragraphs)
    for q, (k, prev, high) in zip(quoted, quote_bounds(quoted, paragraphs)):
        low = prev or paragraphs[k][0]
        if (q.continues and q.close_at is None) or a_term(text, q):
            continue  # parsed_attribution is not asked for the first; the stage drops the second
        for offset, side in ((q.close_at, (q.close_at, high)), (q.open_at, (low, q.open_at))):
            k = bisect_right(starts, offset) - 1 if offset is not None else -1
            if k >= 0 and offset < sentences[k].end and k not in out and \
                    _holds(text, max(side[0], sentences[k].start), min(side[1], sentences[k].end), cues):
                out.add(k)
    return sorted(out)


def _holds(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether a word of text[start:end], lower-cased, is one of `words`."""
    return start < end and any(w.lower() in words for w in _LETTERS.findall(text, start, end))


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
        found = _from_verb(article, close_at, cues, (close_at, high), after=True, opened=open_at)
        if found is not None:
            return found
    return _from_verb(article, open_at, cues, (low, open_at), after=False)


def _from_verb(article: Article, offset: int, cues: Cues, side: tuple[int, int], *, after: bool,
               opened: int = 0) -> Attribution | None:
    """The speaker of the speech verb nearest the quotation on one side of it; verb and speaker
    both on that side (a subject inside the quotation or across it is a misparse). After the
    quotation, a verb coordinated with one before its opening mark ("X said it saw the move as
    “…” and said it would respond") is that verb's second statement: the first one frames it."""
    parse = tree.parse_at(article, offset)
    if parse is None:
        return None
    text = article.text
    inside = [side[0] <= w.start and w.end <= side[1] for w in parse.words]
    verbs = [i for i, w in enumerate(parse.words) if inside[i] and _is_cue(text[w.start:w.end], cues)
             and not (after and _second_statement(parse, i, opened))]
    for v in (verbs if after else reversed(verbs)):
        found = _speaker(parse, v, text, cues, inside)
        if found is not None:
            return found
    return None


def _second_statement(parse: Parse, v: int, opened: int) -> bool:
    """Whether verb `v` is coordinated with a verb standing before offset `opened` and has a
    pronoun for its own subject ("and said it would"; without one it shares the first verb's)."""
    h = parse.words[v].head
    s = tree.subject(parse, v, inherit=False)
    return parse.words[v].deprel == "conj" and 0 <= h < len(parse.words) and parse.words[h].end <= opened \
        and s is not None and parse.words[s].upos == "PRON"


def _is_cue(word: str, cues: Cues) -> bool:
    low = word.lower()
    return low in cues.verbs or low in cues.pronoun_verbs or low in cues.sources


def _speaker(parse: Parse, v: int, text: str, cues: Cues, inside: list[bool]) -> Attribution | None:
    cue = _word(parse, v, text)
    clitic = _clitic_pronoun(parse, v, text, cues)  # "katanya" split into "kata" + "nya"
    if clitic is not None:
        return clitic
    s = _subject(parse, v, text, lambda i: _is_cue(_word(parse, i, text), cues))
    if s is None or not (inside[s] or _shared_before(parse, s, v, text)):
        return None
    word = parse.words[s]
    # the pronoun table first: a parser may tag "beliau" a noun, and it stands for a speaker
    kind = cues.pronouns.get(_word(parse, s, text).lower())
    if kind is not None:
        return Attribution(word.start, word.end, cue, pronoun=kind, named=False)
    if word.upos == "PRON":
        s = _antecedent(parse, s)  # "Dahl, who …"
        if s is None or not inside[s]:
            return None
        word = parse.words[s]
    if word.upos not in NOMINAL or _across_dateline(parse, s, v, text):
        return None  # "katanya mengacu pada…": a verb taken for the subject is a misparse
    named = _named(parse, s, text, cues)
    if named is None:
        start, end = _description(parse, s, text, cues)
        return Attribution(start, end, cue, named=False)
    return Attribution(named[0], named[1], cue)


def _shared_before(parse: Parse, s: int, v: int, text: str) -> bool:
    """"X claimed “…” and concluded “…”": a subject shared with an earlier verb stands before an
    earlier quotation; it is the speaker still when it is outside every quotation."""
    if s > v or tree.subject(parse, v, inherit=False) == s:
        return False
    before = text[parse.start:parse.words[s].start]
    return before.count("“") <= before.count("”") and before.count('"') % 2 == 0


def _clitic_pronoun(parse: Parse, v: int, text: str, cues: Cues) -> Attribution | None:
    """The pronoun glued to the speech verb ("katanya", "ucapnya"), a word of its own in a parse."""
    verb = parse.words[v]
    if v + 1 >= len(parse.words) or parse.words[v + 1].start != verb.end:
        return None
    kind = cues.pronouns.get(_word(parse, v + 1, text).lower())
    if kind is None:
        return None
    return Attribution(parse.words[v + 1].start, parse.words[v + 1].end, text[verb.start:parse.words[v + 1].end],
                       pronoun=kind, named=False)


def _proper(parse: Parse, i: int, text: str, cues: Cues) -> bool:
    """A proper noun written with a capital (the tagger calls "ministry" in "foreign ministry said"
    one), and no title or describing word ("Menteri", "Juru" of "Juru bicara tersebut")."""
    word = parse.words[i]
    written = text[word.start:word.end]
    low = written.lower().rstrip(".")
    return (word.upos == "PROPN" and written[:1].isupper()
            and low not in cues.titles and low not in cues.descriptors)


def _named(parse: Parse, s: int, text: str, cues: Cues) -> tuple[int, int] | None:
    """The span of the name of the subject: the subject itself, else the name its title or
    description introduces after a comma ("Menteri Pertahanan Jepang, Taro Sato"; "pengamat pasar
    uang, Ibrahim Wijaya"; parsers hang that apposition on any noun of the title or make it a
    second subject), else, after a capitalised title, its flat name ("Presiden Prabowo Subianto");
    None for a description ("juru bicara Kremlin itu")."""
    if _proper(parse, s, text, cues):
        return _name_span(parse, s, text)
    word = parse.words[s]
    # a parser may also make the apposition a conjunct ("Wakil ketua panitia, Rudi Hartanto,")
    later = range(s + 1, len(parse.words))
    appositions = [j for j in _phrase(parse, s) if parse.words[j].deprel == "appos"] + [
        j for j in later if parse.words[j].head == s and parse.words[j].deprel == "conj"] + [
        j for j in later
        if parse.words[j].head == word.head and parse.words[j].deprel in (word.deprel, "appos")]
    for j in appositions:
        # "…, former trade adviser Carla Moss": the phrase (its own comma aside) opens after a comma
        first = next(k for k in tree.subtree(parse, j) if parse.words[k].upos != "PUNCT" or k == j)
        opening = _word(parse, first, text).lower()  # "…, a prominent New York Democrat": described
        described = opening in cues.determiners or opening in cues.indefinites
        name = _own_name(parse, j, text, cues) if first and _word(parse, first - 1, text) == "," \
            and not described else None
        if name is not None:  # "…, Brigjen Andi Suci,": a title and a name in the apposition
            return _name_span(parse, name, text)
    written = _word(parse, s, text)
    if not written[:1].isupper():
        return None
    name = _own_name(parse, s, text, cues)
    if name is not None:
        return _name_span(parse, name, text)
    # "Menteri Luar Negeri (Menlu) RI Sugiono", "Perdana Menteri (PM)Benjamin Netanyahu…": a
    # capitalised title heads a name the parse hung elsewhere; its phrase holds it
    low = written.lower().rstrip(".")
    if low in cues.titles and low not in cues.descriptors:  # "Juru bicara tersebut" is described
        return word.start, max(parse.words[_modifiers_after(parse, s, cased=False)].end, _title_run_end(parse, s, text))
    return None


def _title_run_end(parse: Parse, s: int, text: str) -> int:
    """The end of the capitalised run a title opens, brackets skipped ("Duta Besar (Dubes) Iran
    untuk Indonesia Mohammad Boroujerdi dalam…": the parser hung the name on a later word)."""
    toks = drop_brackets(tokens(text, parse.words[s].start, parse.end))
    runs = runs_of(toks)
    return toks[runs[0][-1]][1] if runs and runs[0][0] == 0 else parse.words[s].end


def _own_name(parse: Parse, j: int, text: str, cues: Cues) -> int | None:
    """Word `j` when it is a proper noun, else the first proper noun of its flat name."""
    if _proper(parse, j, text, cues):
        return j
    return next((k for k in tree.children(parse, j, ("flat",)) if _proper(parse, k, text, cues)), None)


def _phrase(parse: Parse, s: int) -> list[int]:
    """The words of noun `s`'s phrase: its subtree less the clauses hanging from it."""
    out, todo = [], [s]
    while todo:
        i = todo.pop()
        out.append(i)
        todo.extend(j for j in tree.children(parse, i) if parse.words[j].deprel not in CLAUSES)
    return sorted(out)


def _across_dateline(parse: Parse, s: int, v: int, text: str) -> bool:
    """"Tempo.co, Jakarta - Menteri Sri Mulyani mengatakan": a dateline's outlet, opening the
    sentence, parsed as the subject; a single dash after a space between it and the verb marks it
    (a "--" or "—" apposition does not)."""
    if parse.words[s].start - parse.start > DATELINE_CHARS:
        return False
    low, high = sorted((parse.words[s].end, parse.words[v].start))
    return DATELINE_DASH.search(text, low, high) is not None


def _subject(parse: Parse, v: int, text: str, is_cue: Callable[[int], bool]) -> int | None:
    """The verb's subject, or the one it shares with the clause it hangs from ("…, saying"); for a
    speech verb the parser took for a noun ("ucap", "tutur" of "…,” ucap pengamat X"), its first
    nominal dependent after it. A participle the parser hung on a reported clause ("X said Y had
    found it “…”, saying") shares the subject of the speech verb reporting it."""
    if parse.words[v].upos not in ("VERB", "AUX"):
        found = tree.subject(parse, v, inherit=False)
        return found if found is not None else next(
            (j for j in tree.children(parse, v, NOUN_DEPENDENTS) if j > v and tree.case_word(parse, j) is None), None)
    inverted = _inverted_subject(parse, v, text)
    if inverted is not None:
        return inverted
    seen = set()
    while v is not None and v not in seen:
        seen.add(v)
        found = tree.subject(parse, v, inherit=False)
        h = tree.head(parse, v)
        reported = len(seen) > 1 and parse.words[v].deprel == "ccomp" and h is not None and is_cue(h)
        if found is not None and not reported:
            return found
        if reported:
            v = h
            continue
        if parse.words[v].deprel not in SHARED_SUBJECT:
            return None
        if parse.words[v].deprel == "acl" and h is not None:
            return h  # "footage of Hillary Clinton asking, “…”": the noun the participle describes
        v = h
    return None


def _inverted_subject(parse: Parse, v: int, text: str) -> int | None:
    """"“…” despite his title, said another witness in the probe, Carla Moss": a finite speech
    verb after a quotation, without a subject of its own or a conjunct's, the noun phrase right
    after it taken for its object, is inverted: that noun is its subject."""
    word = parse.words[v]
    if "VerbForm=Fin" not in (word.feats or "") or tree.subject(parse, v) is not None \
            or not any(mark in text[parse.start:word.start] for mark in QUOTE_CLOSERS):
        return None
    objects = [j for j in tree.children(parse, v, ("obj",)) if j > v and parse.words[j].upos in ("NOUN", "PROPN")]
    if not objects:
        return None
    j = objects[0]
    between = range(v + 1, tree.subtree(parse, j)[0])
    return j if not any(parse.words[k].upos not in ("PUNCT",) for k in between) else None


def _antecedent(parse: Parse, s: int) -> int | None:
    """"who" of "Dahl, who said…": the noun the relative clause hangs from."""
    verb = tree.head(parse, s)
    if verb is None or parse.words[verb].deprel != "acl:relcl":
        return None
    return tree.head(parse, verb)


def _name_span(parse: Parse, s: int, text: str) -> tuple[int, int]:
    """The name around proper noun `s`: the run of capitalised words (titles, initials and
    connectors such as "bin" included) holding it, up to a comma or a preposition the parse marks
    after it ("Budi di Kementerian ESDM", "Hollis of the Sierra Club": a workplace, not the name);
    the speaker resolver then strips titles and links the name."""
    # read on past the parse's end: a sentence cut after a title ("said Del. | Stacey Plaskett")
    sentence = tokens(text, parse.start, min(len(text), parse.end + NAME_OVERRUN))
    word = parse.words[s]
    cut = next((w.start for w in parse.words[s + 1:] if w.deprel == "case"), len(text))
    for run in runs_of(sentence):
        start, end = sentence[run[0]][0], sentence[run[-1]][1]
        if start <= word.start and word.end <= end:
            return start, max(word.end, min(end, _end_before(sentence, run, cut)))
    return word.start, word.end


def _end_before(sentence: list, run: list[int], cut: int) -> int:
    """The end of the run's last token that ends by `cut`."""
    ends = [sentence[k][1] for k in run if sentence[k][1] <= cut]
    return ends[-1] if ends else sentence[run[-1]][1]


def _description(parse: Parse, s: int, text: str, cues: Cues) -> tuple[int, int]:
    """"the Italian foreign ministry", "the president", "juru bicara Kremlin itu": the noun with
    its determiners and modifiers on either side; a second subject right after it is read as more
    of it ("mantan | penasihat ekonomi …": the parser split one phrase)."""
    parts = [j for j in tree.children(parse, s, DESCRIPTION_PARTS) if j < s] + [s]
    last = s
    while True:
        last = _modifiers_after(parse, last)
        nxt = last + 1
        if not (nxt < len(parse.words) and parse.words[nxt].head == parse.words[s].head
                and parse.words[nxt].deprel == parse.words[s].deprel):
            break
        last = nxt
    if last + 1 < len(parse.words) and _word(parse, last + 1, text).lower() in cues.demonstratives:
        last += 1  # "… itu" hung on the verb: still the description's
    return parse.words[min(parts)].start, parse.words[last].end


def _modifiers_after(parse: Parse, s: int, *, cased: bool = True) -> int:
    """The last word of the modifiers after noun `s` (an nmod with a case word — "the president
    of France", "Budi di Kementerian" — or a clause ends them, unless `cased` is False; a
    one-word acl is "bicara" of "juru bicara", a compound the parser split)."""
    last = s
    for j in (j for j in tree.children(parse, s) if j > s):
        rel = parse.words[j].deprel
        rel = rel if rel in DESCRIPTION_AFTER else rel.partition(":")[0]  # "flat:name" is a flat
        leaf_acl = rel == "acl" and not tree.children(parse, j)
        if not (rel in DESCRIPTION_AFTER or leaf_acl or rel == "appos" and not cased) \
                or cased and tree.case_word(parse, j) is not None:
            break
        last = tree.subtree(parse, j)[-1]
    return last


def _word(parse: Parse, i: int, text: str) -> str:
    return text[parse.words[i].start:parse.words[i].end]
