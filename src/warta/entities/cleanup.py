"""Tidy tagger candidates before linking: titles off, pieces typed, common words dropped."""
from __future__ import annotations

import re
from functools import cache

from ..kb import load_kb
from .candidates import Candidate
from .gazetteer import lowercased
from .lexicon import citing_phrases, word_list
from .roles import ministries, org_words, strip_honorific, title_tails, title_words, titles

MAX_PERSON_WORDS = 4
MAX_TITLE_TAIL = 3  # words of a title's end a tagger span can start with ("State", "of State")


@cache  # the lists are cached, but their union cost a copy of both for each candidate
def stopwords(code: str) -> frozenset[str]:
    """Capitalised words that are never names on their own (days, months, "Negara")."""
    return word_list(code, "entities_stopwords.txt") | word_list("id", "entities_stopwords.txt")


def _words(text: str) -> list[str]:
    return text.split()


def _piece_type(c: Candidate, common: frozenset[str], title_words: frozenset[str]) -> str:
    """A piece of a cut span that reads like a name (2-4 capitalised words, the first a known
    given name, none an ordinary word) is a person."""
    words = _words(c.text)
    plain = all(w[:1].isupper() and w.casefold() not in common and w.casefold() not in title_words for w in words)
    given = bool(words) and words[0].casefold() in load_kb().given_names
    return "PERSON" if plain and given and 2 <= len(words) <= MAX_PERSON_WORDS else c.type


def _drop_title_head(c: Candidate, text: str, code: str) -> Candidate | None:
    """Cut a span's last word when it begins a title with the next word: "[UK] Home Secretary"."""
    words = c.text.split()
    following = text[c.end:c.end + 40].split()[:1]
    if not following or len(words) < 2:
        return c
    head = f"{words[-1]} {following[0].strip(',.;:')}".casefold()
    if not any(t.words.casefold() == head for t in titles(code)):
        return c
    keep = c.text[:c.text.rstrip().rfind(" ")].rstrip()
    return c.with_(end=c.start + len(keep), text=keep)


def _cut_title_tail(c: Candidate, text: str, code: str) -> Candidate:
    """Cut a span's first words when the words before the span complete a title with them:
    "Secretary of [State Albright]" is the person Albright, with the title's role."""
    words = c.text.split()
    tails = title_tails(code)
    for size in range(min(len(words) - 1, MAX_TITLE_TAIL), 0, -1):
        for head, title in tails.get(" ".join(words[:size]).casefold(), ()):
            before = text[max(0, c.start - len(head) - 2):c.start].casefold()
            if before.endswith(f"{head} ") and not before[:-len(head) - 1].isalnum():
                skip = len(" ".join(words[:size])) + 1
                return c.with_(start=c.start + skip, text=c.text[skip:], type="PERSON", role=c.role or title.role)
    return c


def _trim_lower_head(c: Candidate, common: frozenset[str]) -> Candidate:
    """Drop leading ordinary lower-case words from a span: "kota Teheran" -> "Teheran"
    (particles of names, "de Gaulle", "bin Salman", stay)."""
    words = c.text.split(" ")
    cut = 0
    while cut < len(words) - 1 and words[cut][:1].islower() and len(words[cut]) >= 4 and words[cut] in common:
        cut += 1
    if cut == 0:
        return c
    skip = len(" ".join(words[:cut])) + 1
    return c.with_(start=c.start + skip, text=c.text[skip:])


def _strip_portfolio(c: Candidate, code: str) -> Candidate:
    """"[Menteri] Perindustrian Agus Gumiwang" read as one name: the portfolio is not part of it."""
    if c.type != "PERSON":
        return c
    for portfolio, _ in ministries(code):
        if c.text.startswith(portfolio + " ") and len(c.text.split()) - len(portfolio.split()) >= 1:
            cut = len(portfolio) + 1
            return c.with_(start=c.start + cut, text=c.text[cut:])
    return c


_GLUED_ACRONYM = re.compile(r"(?P<head>.*?\b[A-Z]{2,})(?P<tail>[a-z]{3,})")
# an Indonesian verb (meN-, di-, ber-, ter-) glued to the last name: "Al-Nahyanmenyoroti"
_GLUED_VERB = re.compile(r"(?P<head>.*[a-z])(?P<tail>(?:me|di|ber|ter)[a-z]{4,})")


def _cut_glued_acronym(c: Candidate, common: frozenset[str]) -> Candidate:
    """Scrapers glue a word to a name ("BBCmenyebut", "NATOdan", "Al-Nahyanmenyoroti"): keep
    the name when the tail is an ordinary word (names like "McDonald" have no such tail)."""
    m = _GLUED_ACRONYM.fullmatch(c.text)
    if m is None or not (m["tail"] in common or m["tail"] in word_list("id", "glue_words.txt")):
        m = _GLUED_VERB.fullmatch(c.text)
        if m is None or m["tail"] not in common:
            return c
    return c.with_(end=c.start + len(m["head"]), text=m["head"])


def _cut_prefix(c: Candidate) -> Candidate:
    """"Kota Enerhodar" -> "Enerhodar", "KTT Kazan" -> "Kazan": a leading word that only
    introduces the name (entities_prefixes.txt) or a plural noun ("Kota-kota") is no part of it."""
    low = c.text.casefold()
    first, _, rest = c.text.partition(" ")
    head, _, tail = first.casefold().partition("-")
    if head and head == tail and rest[:1].isupper():  # "Kota-kota Ukraina", "Negara-negara Arab"
        return c.with_(start=c.start + len(first) + 1, text=rest)
    for prefix in _prefixes():
        rest = c.text[len(prefix) + 1:]
        if low.startswith(prefix + " ") and rest[:1].isupper():
            return c.with_(start=c.start + len(prefix) + 1, text=rest)
    return c


def _cut_citing_phrase(c: Candidate, code: str) -> Candidate:
    """"Melansir Al Arabiya" read as one name: a citing phrase opening a span (entities_outlet_cues.txt)
    is no part of the name after it, which the outlet rule (retype.py) then reads as an outlet."""
    low = c.text.casefold()
    for cue in citing_phrases(code):
        rest = c.text[len(cue) + 1:]
        if low.startswith(cue + " ") and rest[:1].isupper():
            return c.with_(start=c.start + len(cue) + 1, text=rest)
    return c


@cache
def _prefixes() -> tuple[str, ...]:
    """The words that introduce a name, longest first (sorted once, not for each candidate)."""
    return tuple(sorted(word_list("id", "entities_prefixes.txt"), key=len, reverse=True))


def _org_by_word(c: Candidate, code: str) -> Candidate:
    """A person span that starts or ends with an organisation word ("Wilmar Group"), or a place
    span that ends with one ("Krakatau Steel"), is an org."""
    words = c.text.casefold().split()
    org = org_words(code)
    if c.type == "PERSON" and len(words) >= 2 and (words[0] in org or words[-1] in org):
        return c.with_(type="ORG")
    if c.type == "PLACE" and len(words) >= 2 and words[-1] in org:  # "Krakatau Steel"
        return c.with_(type="ORG")
    return c


def clean_tagged(found: list[Candidate], *, code: str, common: frozenset[str], text: str = "") -> list[Candidate]:
    """Strip titles from tagger spans, type the pieces `split_tagged` left, drop lone common words."""
    titled = title_words(code)
    cased = not lowercased(text)
    out = []
    for c in found:
        if c.source in ("crf", "spacy") and c.entry is None:
            if cased and not any(ch.isupper() or ch.isdigit() for ch in c.text):
                continue  # names are capitalised somewhere; "lorry crash" is not one
            if c.tag_type == "PIECE":
                c = strip_honorific(c.with_(type="PERSON"), code).with_(type=c.type)
                c = c.with_(type=_piece_type(c, common, titled))
            else:
                c = strip_honorific(c, code)
            c = _drop_title_head(_cut_title_tail(_cut_prefix(_cut_citing_phrase(_cut_glued_acronym(c, common), code)), text, code), text, code)
            if cased:
                c = _trim_lower_head(c, common)
            c = _org_by_word(_strip_portfolio(c, code), code)
            words = _words(c.text)
            if len(words) == 1 and (c.text.casefold() in common or c.text.casefold() in titled):
                continue
        if c.text.casefold() in stopwords(code) and not (c.entry is not None and c.entry.curated and c.entry.type != "CITY"):
            continue
        out.append(c)
    return out
