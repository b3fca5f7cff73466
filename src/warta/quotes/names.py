"""Reading names in a speaker phrase: titles and places stripped from a person's name, a lone
surname completed from a fuller mention, persons who begin a sentence (pronouns' antecedents),
names the entity tagger cut or padded.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache

from ..cldr import territory_names
from ..lang.folders import available_languages, read_lines
from ..model import Article, Entity
from .attribution import runs_of
from .cues import Cues, name_connectors, title_lead, tokens

LEAD_CHARS = 200  # characters of title a sentence may open with before a person's name


@cache
def place_names() -> frozenset[str]:
    """Country names in the languages warta reads (CLDR via Babel): not part of a person's name."""
    names: set[str] = set()
    for name in territory_names():
        # Every word of "Amerika Serikat", "Korea Utara": none of them is a person's name.
        # Lowercase words ("dan" of "Trinidad dan Tobago", "and") are no place names.
        names.update(w.lower() for w in name.split() if w.isalpha() and len(w) > 2 and w[:1].isupper())
    return frozenset(names)


def name_words(mentions: list) -> dict[str, Entity]:
    """First and last names of linked persons -> the person ("Dave" -> Dave Laksono); a word two
    persons share ("Sergei" of Sergei Ryabkov and Sergei Naryshkin) names neither."""
    persons = {id(e): e for _, _, e in mentions if coarse(e) == "PERSON" and e.name.split()}.values()
    owners: dict[str, list[Entity]] = {}
    for e in persons:
        for w in {e.name.split()[0].lower(), e.name.split()[-1].lower()}:
            if len(w) > 2:
                owners.setdefault(w, []).append(e)
    return {w: found[0] for w, found in owners.items() if len(found) == 1}


def sentence_subjects(article: Article, mentions: list) -> list[tuple[int, Entity]]:
    """Persons who begin a sentence, titles aside ("Menlu Sugiono mengatakan…"): linked mentions,
    and lone first or last names of linked persons ("Rolliansyah belum bisa…")."""
    by_word = name_words(mentions)
    starts = sorted(s.start for s in article.sentences)
    out = []
    for start, _, entity in mentions:
        k = bisect.bisect_right(starts, start) - 1
        lead_start = starts[k] if k >= 0 else start
        # a title is no longer than LEAD_CHARS: a longer lead is not read (a run of capitalised
        # words would otherwise be matched again for every mention in it)
        if (coarse(entity) == "PERSON" and start - lead_start <= LEAD_CHARS
                and title_lead().fullmatch(article.text, lead_start, start)):
            out.append((start, entity))
    for start in starts:
        lead = title_lead().match(article.text, start, start + 80)
        for word in re.finditer(r"[A-Z][\w-]+", lead.group() if lead else ""):
            if word.group().lower() in by_word:
                out.append((start + word.start(), by_word[word.group().lower()]))
                break
    return sorted(out, key=lambda x: x[0])


def cut_or_padded(entity: Entity, written: str, affiliations: frozenset[str]) -> bool:
    """The entity tagger cut a person's name ("Elijah E" of "Elijah E. Cummings", "Cheuk Hau" of
    "Cheuk Hau-yip", "Chuck" of
    "Chuck Jordan") or padded it with a workplace ("Cameron Easley for Morning Consult", "Budi
    dari Kompas"): the name as written, holding the entity's words or held in them, is better.
    `affiliations` are the language's words joining a name to a workplace (`affiliation` in
    `quote_words.tsv`: "for", "at", "of"; "dari", "di")."""
    own = [w.lower().rstrip(".") for w in entity.name.split()]
    words = [w.lower().rstrip(".") for w in written.split()]
    if not words or not own or own == words:
        return False
    if coarse(entity) == "PERSON" and len(own) == len(words) and own[:-1] == words[:-1] \
            and words[-1].startswith(own[-1] + "-"):
        return True  # "Cheuk Hau" of "Cheuk Hau-yip": cut at the hyphen
    if coarse(entity) == "PERSON" and set(own) < set(words) and words[-1] not in own:
        return not set(words) & (name_connectors() | affiliations)  # "Budi di Kementerian …" is no longer name
    return set(words) < set(own) and bool(affiliations & set(own[1:-1])) and not affiliations & set(words)


def name_tail(words: list[str], cues: Cues) -> tuple[str, str] | None:
    """"Universitas Andalas Syafruddin Karimi": a long organisation's name (a workplace, then a
    person) may end in a two-word name; the pair is a name when neither word is a title, a place,
    a connector or an organisation's head word."""
    if len(words) <= 3 or not all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words[-2:]):
        return None
    low = [w.lower() for w in words[-2:]]
    if any(w in cues.titles or w in cues.org_heads or w in place_names() for w in low):
        return None
    return words[-2], words[-1]


def coarse(entity: Entity) -> str:
    """PERSON, ORG or PLACE: the kind of speaker an entity's type makes it."""
    kind = entity.type.upper()
    if kind in {"PERSON", "PER"}:
        return "PERSON"
    return "ORG" if kind in {"ORG", "ORGANIZATION", "ORGANISATION"} else "PLACE"


def split_title(words: list[str], cues: Cues) -> tuple[list[str], list[str]]:
    """("Presiden", "Rusia", "Vladimir", "Putin") -> (["Presiden", "Rusia"], ["Vladimir", "Putin"]);
    "Elijah Cummings of Maryland" -> the name before "of"."""
    def skip(word: str) -> bool:
        low = word.lower().rstrip(".")
        return low in cues.titles or low in place_names() or low in cues.determiners or low in calendar_words() \
            or low in cues.connectives or low in cues.demonstratives  # "Ini menegaskan": no name

    cut, honoured = 0, False
    while cut < len(words) and (skip(words[cut]) or words[cut].lower() in name_connectors()):
        cut += 1
        honoured = words[cut - 1].lower().rstrip(".") in cues.honorifics and cut < len(words)
        if honoured:
            break  # "Mr. King": after an honorific comes the name, whatever it looks like
    if cut == len(words) and words and words[-1].lower() in place_names():
        return words[:-1], words[-1:]  # "Monaco said", "Rusia mengatakan": a place can speak too
    role, name = words[:cut], [w for w in words[cut:] if w.lower().rstrip(".") not in calendar_words()]
    for i, word in enumerate(name):
        if word.lower() in name_connectors():
            name = name[:i]
            break
    # "Kazem Jalali Iran": a title or place after the name goes; not the name's own last word
    # ("Mr. King", "Chuck Jordan")
    while len(name) > (1 if honoured else 2) and skip(name[-1]) or len(name) == 2 and _title_only(name[-1], cues):
        name = name[:-1]
    if len(name) > 4:  # a long run is an organisation's name, or a role and a name: keep it whole
        return [], words
    return role, name


def _title_only(word: str, cues: Cues) -> bool:
    low = word.lower().rstrip(".")
    return low in cues.titles or low in cues.determiners or low in calendar_words() or low in cues.connectives


@cache
def calendar_words() -> frozenset[str]:
    """Weekday and month names (Thursday, Kamis), which start capitalised but name no one."""
    words = set()
    for code in available_languages():
        for name in ("date_weekdays.tsv", "date_months.tsv"):
            words.update(line.split("\t")[0].strip().lower() for line in read_lines(code, name))
    return frozenset(words)


def _headline(text: str, start: int, end: int) -> bool:
    """A line whose words are mostly capitalised (a headline) is no place to learn names from."""
    words = text[start:end].split()
    return len(words) > 2 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def surname_index(article: Article, cues: Cues) -> dict[str, list[str]]:
    """Lone name word -> the fuller name it is short for ("Jalali" -> ["Kazem", "Jalali"])."""
    text = article.text
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    full: Counter[tuple[str, ...]] = Counter()
    for start, end in paragraphs:
        if _headline(text, start, end):
            continue
        toks = tokens(text, start, end)
        for run in runs_of(toks):
            _, name = split_title([toks[k][2] for k in run], cues)
            if 2 <= len(name) <= 3 and all(w[:1].isupper() for w in name):
                full[tuple(name)] += 1
    index: dict[str, list[str]] = {}
    for name, _ in full.most_common():
        for word in (name[0], name[-1]):
            index.setdefault(word.lower(), list(name))
    return index
