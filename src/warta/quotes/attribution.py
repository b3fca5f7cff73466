"""Find who a quotation is attributed to: the cue and the speaker phrase around the quote marks.

After the quote: `,” kata Jalali.`, `,” katanya.`, `," the Swedish Prosecution Authority said.`,
`,” kutip kantor berita TASS dari pernyataan Shoigu.` Before it: `Ms Persson said: "`,
`ia menambahkan, “`, `Menurut Jalali, “`, `Jalali: “`. The speaker phrase is a run of
capitalised words (a name, titles included), a pronoun, or a lowercase description.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import QUOTE_MARKS, SENTENCE_END, Cues, is_name_word, name_connectors, tokens

Token = tuple[int, int, str]
STOP = frozenset({",", ";", "(", ")", ":", "—", "–"})
DASHES = frozenset({"―", "—", "–", "-"})
MAX_BYLINE_CHARS = 60
DASHED = re.compile(r"--|[—–]")  # a dash between a name and the quotation it introduces
MAX_LEAD_ROLE = 3  # words before a name that opens an apposition
MAX_AFTER = 40  # tokens read after a closing mark (an apposition can stand before the verb)
MAX_BEFORE = 40  # tokens read back from an opening mark ("X, who …, said, “")
MAX_CUE_AT = 2  # words between a closing mark and a verb whose speaker follows it ("…,” lanjut kata X")
MAX_ROLE_WORDS = 6  # lowercase role words between a cue and the name it introduces


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue and its speaker phrase; `pronoun` names the kind a pronoun stands for."""

    start: int
    end: int
    cue: str
    pronoun: str | None = None
    named: bool = True


def after_quote(text: str, start: int, end: int, cues: Cues) -> Attribution | None:
    """Attribution in text[start:end], the words that follow a closing mark."""
    byline = _dash_byline(text, start, end)
    if byline is not None:
        return byline
    toks = drop_brackets(_clause(tokens(text, start, end), MAX_AFTER))
    for i, (s, e, word) in enumerate(toks):
        low = word.lower()
        if low in cues.pronoun_verbs:
            return Attribution(s, e, word, pronoun=cues.verb_pronoun(word), named=False)
        found = None
        if low in cues.sources:
            # "Iwaya, dikutip dari Japan Times": the speaker stands before, the outlet after "dari";
            # "kutip TASS dari pernyataan Shoigu": with no one before, the speaker follows "dari".
            found = (i and speaker_before(toks[:i], toks[i], cues)) or _source(toks, i, cues) or speaker_after(toks, i, cues)
        elif low in cues.verbs:
            # "said Jalali" (cue first) or "Jalali said" (speaker first). A verb further on whose
            # name follows it ("…", beberapa hari setelah laporan menyebut AS memveto…) has an object.
            found = (speaker_before(toks[:i], toks[i], cues) if i else None) or (
                speaker_after(toks, i, cues) if i <= MAX_CUE_AT else None)
        elif prep_at(toks, i, cues):
            found = speaker_after(toks, i + prep_at(toks, i, cues) - 1, cues)
        if found:  # a cue without a speaker ("…deal" announced in October, said X) reads on
            return found
    return None


def _dash_byline(text: str, start: int, end: int) -> Attribution | None:
    """`“…” ― Sonya Herridge`: a dash and a name alone after the closing mark sign the quotation
    (round-ups of readers' words, epigraphs)."""
    toks = tokens(text, start, min(end, start + MAX_BYLINE_CHARS))
    if len(toks) < 2 or toks[0][2] not in DASHES:
        return None
    k = 1
    while k < len(toks) and (is_name_word(toks[k][2]) or toks[k][2] == "." and toks[k - 1][1] == toks[k][0]):
        k += 1
    names = [t for t in toks[1:k] if t[2] != "."]
    if not 2 <= len(names) <= 5:
        return None
    if k < len(toks) and toks[k][2] not in QUOTE_MARKS and toks[k][2] not in SENTENCE_END and toks[k][2] != ",":
        return None  # "” — Trump said": a name that opens a clause is the verb's business
    return Attribution(names[0][0], names[-1][1], toks[0][2])


def before_quote(text: str, start: int, end: int, cues: Cues) -> Attribution | None:
    """Attribution in text[start:end], the words of the clause before an opening mark."""
    toks = drop_brackets(tokens(text, start, end))[-MAX_BEFORE:]
    cut = max((i for i, t in enumerate(toks) if t[2] in SENTENCE_END or t[2] in QUOTE_MARKS), default=-1)
    toks = toks[cut + 1:]
    while toks and (toks[-1][2] in STOP or toks[-1][2].lower() in cues.complementisers or set(toks[-1][2]) == {"-"}):
        toks = toks[:-1]
    if not toks:
        return None
    if DASHED.search(text[toks[-1][1]:end]):  # "the former candidate Mitt Romney -- “…”": the name, not "has said"
        named = _colon_speaker(text, toks, end, cues)
        if named is not None and len(tokens(text, named.start, named.end)) > 1:  # a full name, not "Monday —"
            return named
    for i in range(len(toks) - 1, -1, -1):
        found = _cue_before(toks, i, cues)
        if found:
            return found
    return _colon_speaker(text, toks, end, cues)


def _cue_before(toks: list[Token], i: int, cues: Cues) -> Attribution | None:
    s, e, word = toks[i]
    low = word.lower()
    if low in cues.pronoun_verbs:
        return Attribution(s, e, word, pronoun=cues.verb_pronoun(word), named=False)
    prep = prep_at(toks, i, cues)
    if prep:
        return speaker_after(toks, i + prep - 1, cues)
    if low in cues.verbs or low in cues.sources:
        clause = toks[:i]  # `speaker_before` takes the clause, or a name in apposition before it
        # After the cue only a speaker that ends the clause: "kata Jalali, “…" but not
        # "menyebut Tel Aviv melakukan “…" (there Tel Aviv is the object).
        after = speaker_after(toks, i, cues)
        if after is not None and any(t[0] >= after.end and t[2] not in STOP for t in toks[i + 1:]):
            after = None
        return speaker_before(clause, toks[i], cues) or after
    return None


def _colon_speaker(text: str, toks: list[Token], end: int, cues: Cues) -> Attribution | None:
    """`Jalali: “…”` — a name and a colon right before the quote; `Jane Park, Reuters: “…”` — a
    round-up's name and outlet (the name speaks); `Mook agreed: “…”` — a short clause that opens
    with a name; `Mitt Romney -- “…” --` — a name and a dash (an interjected quotation)."""
    gap = text[toks[-1][1]:end]
    dashed = ":" not in gap and DASHED.search(gap) is not None
    if ":" not in gap and not dashed:
        return None
    run = last_run(toks)
    if run and run[-1] == len(toks) - 1:
        runs = runs_of(toks)
        first = runs[-2] if len(runs) > 1 else None
        if first and first[0] == 0 and first[-1] == run[0] - 2 and toks[run[0] - 1][2] == "," \
                and toks[first[0]][2].lower().rstrip(".") not in cues.titles:
            run = first  # "Name, Outlet:"; "Duta Besar Inggris, Jane Miller:" keeps the name after
        return Attribution(toks[run[0]][0], toks[run[-1]][1], ":")
    if dashed:
        return None
    clause = _after_last_stop(toks)
    run = first_run(clause)
    if run and run[0] == 0 and len(clause) - len(run) <= 2 and all(t[2].isalpha() for t in clause):
        return Attribution(clause[run[0]][0], clause[run[-1]][1], ":")
    return None


def _ends_clause(toks: list[Token], k: int) -> bool:
    return k >= len(toks) or toks[k][2] in STOP


def _clause(toks: list[Token], limit: int) -> list[Token]:
    """Tokens up to the end of the sentence or the next quote mark, leading marks skipped."""
    toks = drop_brackets(toks)
    i = 0
    while i < len(toks) and (toks[i][2] in STOP or toks[i][2] in QUOTE_MARKS or toks[i][2] in SENTENCE_END):
        if toks[i][2] in SENTENCE_END and i > 0:
            break
        i += 1
    out = []
    for k in range(i, min(len(toks), i + limit)):
        if toks[k][2] in QUOTE_MARKS or (toks[k][2] in SENTENCE_END and not _abbreviation(toks, k)):
            break
        out.append(toks[k])
    return out


def _abbreviation(toks: list[Token], k: int) -> bool:
    """A full stop glued to a short capitalised word ("Del.", "R-Ky.") ends no sentence."""
    if toks[k][2] != "." or not k or toks[k - 1][1] != toks[k][0]:
        return False
    word = toks[k - 1][2].replace("-", "")
    return word[:1].isupper() and len(word) <= 4


def _after_last_stop(toks: list[Token]) -> list[Token]:
    cut = max((i for i, t in enumerate(toks) if t[2] in STOP), default=-1)
    return toks[cut + 1:]


def prep_at(toks: list[Token], i: int, cues: Cues) -> int:
    """Length of the cue phrase ("according to", "menurut") starting at token i, else 0."""
    for phrase in cues.preps:
        words = tuple(t[2].lower() for t in toks[i:i + len(phrase)])
        if words == phrase:
            return len(phrase)
    return 0


def speaker_before(phrase: list[Token], cue: Token, cues: Cues) -> Attribution | None:
    """`Jalali said`, `it added`, `the influential US daily wrote`: the words just before the cue;
    `Scott Pruitt, the attorney general of Oklahoma, said`: the name before an apposition."""
    phrase = drop_brackets(phrase)
    tail = _after_last_stop(phrase)
    if not tail:
        return _apposition(phrase, cue, cues)
    if all(t[2].lower() in cues.adverbs for t in tail):  # "Fiona Hill, had dubbed", "Rudi, juga mengatakan"
        return _apposition(phrase[:len(phrase) - len(tail)], cue, cues)
    for k in range(len(tail) - 1, -1, -1):  # "he said", "He instead told"
        if tail[k][2].lower() in cues.pronouns:
            if all(t[2].lower() in cues.adverbs for t in tail[k + 1:]):
                return Attribution(tail[k][0], tail[k][1], cue[2], pronoun=cues.pronouns[tail[k][2].lower()], named=False)
            break
    run = last_run(tail)
    if run and all(t[2].lower() in cues.adverbs for t in tail[run[-1] + 1:]):  # "Jalali also said"
        run = _affiliated(tail, run, cues)
        return Attribution(tail[run[0]][0], tail[run[-1]][1], cue[2])
    if len(tail) <= 5 and tail[0][2].lower() in cues.descriptors and all(t[2].isalpha() for t in tail):
        return Attribution(tail[0][0], tail[-1][1], cue[2], named=False)
    return None


def _affiliated(toks: list[Token], run: list[int], cues: Cues) -> list[int]:
    """`Mr. Morgan of the Sierra Club said`: the name before "of (the)" rather than the
    organisation after it, when a name stands there."""
    j = run[0] - 1
    while j >= 0 and toks[j][2].lower() in cues.determiners:
        j -= 1
    if j < 1 or toks[j][2].lower() not in cues.affiliations:
        return run
    before = last_run(toks[:j])
    return before if before and before[-1] == j - 1 else run


def _apposition(phrase: list[Token], cue: Token, cues: Cues) -> Attribution | None:
    """`Scott Pruitt, the attorney general of Oklahoma, said`: the name opening the phrase;
    `Duta Besar Inggris, Jane Miller, mengkritik`, `Sweden's deputy prosecutor, Eva-Marie Persson,
    said`: a role first, then the person's name in apposition right before the verb."""
    if not phrase or phrase[-1][2] != ",":
        return None
    # the name opening the phrase, after at most a few role words ("Democratic nominee Hillary
    # Clinton, at a later press gaggle, said")
    first = next((r for r in runs_of(phrase) if r[0] <= MAX_LEAD_ROLE and phrase[r[-1] + 1][2] == ","), None)
    first = first or first_run(phrase)
    last = last_run(phrase[:-1])
    opening = bool(first) and first[0] <= MAX_LEAD_ROLE and phrase[first[-1] + 1][2] == ","
    named_last = bool(last) and last[-1] == len(phrase) - 2 and last[0] > 0 and phrase[last[0] - 1][2] == "," \
        and _person_like(phrase, last, cues)
    if named_last and (not opening or phrase[first[0]][2].lower() in cues.titles):
        first = last
    elif not opening:
        return None
    return Attribution(phrase[first[0]][0], phrase[first[-1]][1], cue[2])


def _person_like(toks: list[Token], run: list[int], cues: Cues) -> bool:
    """Two or three title-case words, none a title: "Jane Miller", not "R-Texas" or "Foreign Minister"."""
    words = [toks[k][2] for k in run]
    parts = [p for w in words for p in w.split("-")]  # "Eva-Marie"
    return 2 <= len(words) <= 3 and all(len(p) > 1 and p.isalpha() and p[:1].isupper() and p[1:].islower()
                                        and p.lower() not in cues.titles for p in parts)


def drop_brackets(toks: list[Token]) -> list[Token]:
    """Tokens outside parentheses: "Rep. John Mica (R-Fla.) said" -> "Rep. John Mica said"."""
    out, depth = [], 0
    for tok in toks:
        if tok[2] in "([":
            depth += 1
        elif tok[2] in ")]":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(tok)
    return out


def speaker_after(toks: list[Token], i: int, cues: Cues) -> Attribution | None:
    """`kata Presiden Prabowo`, `said Mr Smith`, `according to officials`: the words after the cue."""
    rest = toks[i + 1:i + 9]
    if not rest:
        return None
    first = rest[0][2].lower()
    if first in cues.pronouns:
        return Attribution(rest[0][0], rest[0][1], toks[i][2], pronoun=cues.pronouns[first], named=False)
    anaphor = _described_anaphor(rest, cues)
    if anaphor is not None:
        return Attribution(rest[0][0], rest[anaphor][1], toks[i][2], pronoun="PERSON", named=False)
    runs = runs_of(rest)
    described = _role_of(rest, runs, cues)
    if described is not None:  # "ujar juru bicara Kremlin itu": the spokesman introduced before
        return Attribution(rest[0][0], rest[described][1], toks[i][2], named=False)
    if runs and _role_words(rest[:runs[0][0]], cues):  # "kata ahli strategi mata uang Rodrigo Catril"
        run = runs[0]
        return Attribution(rest[run[0]][0], rest[run[-1]][1], toks[i][2])
    if runs and runs[0][0] <= 3:
        run = _before_affiliation(rest, runs[0], cues)
        # "ujar Jubir Kemlu RI, Rolliansyah Soemirat, kepada…": a role, then the name in apposition.
        if len(runs) > 1 and runs[1][0] == run[-1] + 2 and rest[run[-1] + 1][2] == "," \
                and any(rest[k][2].lower().rstrip(".") in cues.titles for k in run):
            run = run + runs[1]
        elif run[0] > 0:  # "said a spokeswoman for Trump hotels, Jennifer Rodstrom"
            run = next((r for r in runs[1:] if rest[r[0] - 1][2] == "," and _ends_clause(rest, r[-1] + 1)), run)
        elif len(runs) > 1 and _role_between(rest[run[-1] + 1:runs[1][0]], cues):
            run = runs[1]  # "said MSNBC host Chris Matthews": the organisation, a role, the name
        return Attribution(rest[run[0]][0], rest[run[-1]][1], toks[i][2])
    return _described_after(rest, toks[i], cues) if not runs else None


def _before_affiliation(toks: list[Token], run: list[int], cues: Cues) -> list[int]:
    """`kata Arifin di Kementerian ESDM Jakarta`: the name before "di"/"of" that joined the run,
    when it is a name (not a title or an organisation's head: "Ministry of Energy", "Secretary
    of State Hillary Clinton" stay whole)."""
    for n, k in enumerate(run):
        if n and toks[k][2].lower() in cues.affiliations:
            head = [toks[j][2].lower().rstrip(".") for j in run[:n]]
            if any(w not in cues.titles and w not in cues.org_heads for w in head):
                return run[:n]
            return run
    return run


def _role_of(rest: list[Token], runs: list[list[int]], cues: Cues) -> int | None:
    """Index of the demonstrative closing "juru bicara Kremlin itu", "mantan penasihat Presiden
    Trump itu": lowercase role words, a name, a demonstrative: someone introduced before (the name
    is whom the role belongs to, not the speaker)."""
    lead = rest[:runs[0][0]] if runs else []
    if not lead or len(lead) > MAX_ROLE_WORDS or not all(w[2].isalpha() and w[2].islower() for w in lead):
        return None
    k = runs[0][-1] + 1
    return k if k < len(rest) and rest[k][2].lower() in cues.demonstratives else None


def _role_between(words: list[Token], cues: Cues) -> bool:
    """One to three lowercase titles ("host", "juru bicara") between an organisation and a name;
    other words make the name something else ("kata Luhut usai mengisi Seminar Nasional")."""
    return 1 <= len(words) <= 3 and all(w[2].islower() and w[2] in cues.titles for w in words)


def _described_after(rest: list[Token], cue: Token, cues: Cues) -> Attribution | None:
    """`,” said one legal expert, as reported by…`: a described speaker (no name) after the cue,
    up to the end of its clause."""
    if rest[0][2].lower() not in cues.descriptors:
        return None
    words = []
    for tok in rest:
        if tok[2] in STOP or tok[2] in SENTENCE_END:
            break
        words.append(tok)
    if not 2 <= len(words) <= 5 or not all(t[2].isalpha() and t[2].islower() for t in words):
        return None
    if any(t[2] in cues.not_clause for t in words):
        return None
    return Attribution(words[0][0], words[-1][1], cue[2], named=False)


def _described_anaphor(rest: list[Token], cues: Cues) -> int | None:
    """Index of the demonstrative ending a described speaker ("tandas purnawirawan jenderal ini",
    "kata menteri berusia 64 tahun tersebut"): a lowercase phrase that points back to the person
    spoken of. None when the phrase is anything else."""
    for k, (_, _, word) in enumerate(rest[:MAX_ROLE_WORDS + 1]):
        if word in STOP or word in SENTENCE_END or is_name_word(word):
            return None
        if k and word.lower() in cues.demonstratives:
            return k
    return None


def _role_words(words: list[Token], cues: Cues) -> bool:
    """Four to six lowercase words of a role before a name ("ahli strategi mata uang", "senior
    currency strategist at"); a preposition among them means the name is someone else."""
    return 4 <= len(words) <= MAX_ROLE_WORDS and all(
        w[2].isalpha() and w[2].islower() and w[2] not in cues.not_clause and w[2] not in cues.pronouns
        for w in words)


def _source(toks: list[Token], i: int, cues: Cues) -> Attribution | None:
    """`kutip kantor berita TASS dari pernyataan Shoigu`: the speaker after "dari"/"from" (the
    language's `source-prep` words)."""
    for j in range(i + 1, len(toks)):
        if toks[j][2].lower() in cues.source_preps:
            run = first_run(toks[j + 1:j + 6])
            if run:
                base = j + 1
                return Attribution(toks[base + run[0]][0], toks[base + run[-1]][1], toks[i][2])
    return None


def runs_of(toks: list[Token]) -> list[list[int]]:
    """Indexes of the runs of capitalised words (a name and its titles) in `toks`, connectors
    allowed inside ("Ministry of Energy")."""
    connectors = name_connectors()
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, (_, _, word) in enumerate(toks):
        if is_name_word(word) or cur and word.lower() in connectors and k + 1 < len(toks) and is_name_word(toks[k + 1][2]):
            cur.append(k)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def last_run(toks: list[Token]) -> list[int] | None:
    runs = runs_of(toks)
    return runs[-1] if runs else None


def first_run(toks: list[Token]) -> list[int] | None:
    runs = runs_of(toks)
    return runs[0] if runs else None
