"""Roles from titles: who a person is, for which country, and unnamed office-holders.

"Duta Besar Iran untuk Rusia Kazem Jalali" and "Kazem Jalali, duta besar Iran untuk Rusia"
give Kazem Jalali the role ambassador and the country Iran (the state he acts for; Russia is
where he is posted). "Menteri Energi Rusia", with no name after it, is still an actor: the
Ministry of Energy of Russia. Titles, honorifics and portfolios are data in lang/<code>/.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ..kb import KnowledgeBase, load_kb
from ..lang.folders import read_lines
from .candidates import Candidate
from .lexicon import word_list

# Words allowed between a title and the name: "untuk" (posted to), "of", "the", "RI".
_LINK_WORDS = frozenset({"untuk", "to", "of", "for", "the", "di", "in", "ri", "bidang", "urusan", "sang", "dan", "and"})
_POSTED = frozenset({"untuk", "to", "di", "in"})
_WINDOW = 90
_AFTER_NAME = re.compile(r"\s*,\s*(?:(?:the|sang|seorang|a|an)\s+)?")  # "X, [the] <title>"
_SPACES = re.compile(" *")
_ABBREVIATION = re.compile(r"\([^\s()]{2,15}\)")
_COMMA = re.compile(",")
MAX_BODY_WORDS = 6  # words of a body named between a title and a name
MAX_NAME_WORDS = 5  # words of a name after a title (some Indonesian names have five)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Title:
    """A title as written, the role it names and the CAMEO agent of the role."""

    words: str
    role: str
    agent: str


@cache
def titles(code: str) -> tuple[Title, ...]:
    """Titles of a language, longest first (so "Wakil Presiden" wins over "Presiden")."""
    found = []
    for line in read_lines(code, "titles.tsv"):
        cells = (line.split("\t") + ["", "", ""])[:3]
        found.append(Title(cells[0].strip(), cells[1].strip(), cells[2].strip()))
    return tuple(sorted(found, key=lambda t: -len(t.words)))


@cache
def title_words(code: str) -> frozenset[str]:
    """The words of a language's titles, case-folded (built once per language)."""
    return frozenset(w.casefold() for t in titles(code) for w in t.words.split())


@cache
def title_tails(code: str) -> dict[str, tuple[tuple[str, Title], ...]]:
    """The last words of each title of several words (case-folded) -> (the words before them,
    the title): a tagger span "State Albright" after "Secretary of" starts with a title's tail."""
    tails: dict[str, list[tuple[str, Title]]] = {}
    for title in titles(code):
        words = title.words.casefold().split()
        for cut in range(1, len(words)):
            tails.setdefault(" ".join(words[cut:]), []).append((" ".join(words[:cut]), title))
    return {tail: tuple(found) for tail, found in tails.items()}


@cache
def _title_regex(code: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t.words) for t in titles(code))
    return re.compile(rf"(?<![\w])(?P<title>{alternatives})(?![\w])", re.IGNORECASE)


@cache
def honorifics(code: str) -> tuple[str, ...]:
    """Honorifics written before names ("Pak", "Mr"), longest first."""
    words = [w.strip() for w in read_lines(code, "entities_honorifics.txt")]
    return tuple(sorted(words, key=len, reverse=True))


def _title_of(code: str, text: str) -> Title | None:
    low = text.casefold()
    return next((t for t in titles(code) if t.words.casefold() == low), None)


@cache
def _leads(code: str) -> tuple[tuple[str, str], ...]:
    """(word, its case-folded form and a space) of the honorifics, then the titles."""
    return tuple((lead, lead.casefold() + " ") for lead in honorifics(code) + tuple(t.words for t in titles(code)))


def strip_honorific(c: Candidate, code: str) -> Candidate:
    """Drop an honorific or title from the start of a person's span ("Drs Sabarani" -> "Sabarani")."""
    if c.type != "PERSON":
        return c
    low = c.text.casefold()
    for lead, head in _leads(code):
        if low.startswith(head) and len(c.text) > len(lead) + 2:
            cut = len(lead) + 1
            title = _title_of(code, lead)
            return c.with_(start=c.start + cut, text=c.text[cut:], role=c.role or (title.role if title else None))
    return c


def _countries(between: list[Candidate], text: str, offset: int) -> tuple[str | None, str | None]:
    """(the country a title-holder acts for, the country they are posted to) in a title phrase."""
    home = posted = None
    for c in between:
        if c.entry is None or c.entry.type != "COUNTRY":
            continue
        before = text[offset:c.start].split()
        if before and before[-1].casefold() in _POSTED:
            posted = posted or c.entry.iso3
        else:
            home = home or c.entry.iso3
    return home, posted


def _plain_phrase(phrase: str, inside: list[Candidate], start: int, text: str) -> bool:
    """True when a title phrase holds only names, capitalised portfolio words and link words."""
    rest = list(phrase)
    for c in inside:
        rest[c.start - start:c.end - start] = " " * (c.end - c.start)
    words = "".join(rest).split()
    return all(w[:1].isupper() or w.casefold() in _LINK_WORDS for w in words)


class _Found:
    """An article's candidates sorted by start and by end, to gather those in a stretch of text by
    bisection: a scan of them all for each person made roles quadratic on long texts."""

    def __init__(self, found: list[Candidate]) -> None:
        self.found = found
        self.by_start = sorted(range(len(found)), key=lambda n: found[n].start)
        self.starts = [found[n].start for n in self.by_start]
        self.by_end = sorted(range(len(found)), key=lambda n: found[n].end)
        self.ends = [found[n].end for n in self.by_end]

    def within(self, start: int, end: int) -> list[Candidate]:
        """The candidates inside [start, end], in list order."""
        window = self.by_start[bisect_left(self.starts, start):bisect_right(self.starts, end)]
        return [self.found[n] for n in sorted(window) if self.found[n].end <= end]

    def last_ending(self, lo: int, hi: int) -> Candidate | None:
        """The last in list order of the candidates ending in [lo, hi]."""
        window = self.by_end[bisect_left(self.ends, lo):bisect_right(self.ends, hi)]
        return self.found[max(window)] if window else None


def _space_before(text: str, end: int) -> int:
    """Where the run of white space that ends at `end` starts."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def _role_before(c: Candidate, text: str, code: str, found: _Found, sentence_start: int) -> Candidate:
    window_start = max(sentence_start, c.start - _WINDOW)
    window = text[window_start:c.start]
    last = None
    for m in _title_regex(code).finditer(window):
        last = m
    if last is None:
        return c
    start = window_start + last.end()
    inside = found.within(start, c.start)
    phrase = text[start:c.start]
    if not _plain_phrase(phrase.rstrip(" ,"), inside, start, text) or len(phrase.split()) > 6:
        return c
    home, posted = _countries(inside, text, start)
    title_start = window_start + last.start()
    # the last candidate with only white space between it and the title
    before = found.last_ending(_space_before(text, title_start), title_start) if home is None else None
    if before is not None and before.entry is not None and before.entry.type == "COUNTRY":
        home = before.entry.iso3  # "Austrian Interior Minister X", "Russian President X"
    return _with_role(c, _title_of(code, last.group("title")), home, posted)


def _role_after(c: Candidate, text: str, code: str, found: _Found) -> Candidate:
    m = _AFTER_NAME.match(text, c.end)  # matched in place: a slice of the rest of the text for each name is quadratic
    if not m:
        return c
    start = m.end()
    t = _title_regex(code).match(text, start)
    if not t:
        return c
    stop = re.search(r"[,.;:()\"“”]|$", text[t.end():t.end() + _WINDOW])
    end = t.end() + (stop.start() if stop else 0)
    inside = found.within(t.end(), end)
    if not _plain_phrase(text[t.end():end], inside, t.end(), text):
        return c
    return _with_role(c, _title_of(code, t.group("title")), *_countries(inside, text, t.end()))


def _with_role(c: Candidate, title: Title | None, home: str | None, posted: str | None) -> Candidate:
    if title is None:
        return c
    country = c.country or home
    cameo = c.cameo or (f"{country}{title.agent}" if country and title.agent else None)
    return c.with_(role=c.role or title.role, country=country, cameo=cameo)


def assign_roles(found: list[Candidate], text: str, code: str, sentence_starts: list[int]) -> list[Candidate]:
    """Give people the roles their titles name (before or after the name)."""
    out = []
    index, starts = _Found(found), sorted(sentence_starts)
    for c in found:
        c = strip_honorific(c, code)
        if c.type == "PERSON":
            at = bisect_right(starts, c.start)
            start = starts[at - 1] if at else 0  # the start of the person's sentence
            c = _role_before(c, text, code, index, start)
            c = _role_after(c, text, code, index)
        out.append(c)
    return out


@cache
def ministries(code: str) -> tuple[tuple[str, str], ...]:
    """(portfolio, English ministry name) pairs, longest portfolio first."""
    pairs = [tuple((line.split("\t") + [""])[:2]) for line in read_lines(code, "entities_ministries.tsv")]
    return tuple(sorted(((p.strip(), e.strip()) for p, e in pairs), key=lambda pe: -len(pe[0])))


def ministry_candidates(text: str, code: str, found: list[Candidate], kb: KnowledgeBase) -> list[Candidate]:
    """Ministries named by "Kementerian X [Negara]" or by an unnamed "Menteri X Negara"."""
    if not ministries(code):
        return []
    portfolios = "|".join(re.escape(p) for p, _ in ministries(code))
    english = dict(ministries(code))
    starting: dict[int, list[Candidate]] = {}  # by start, so that each match looks up its neighbours
    for c in found:
        starting.setdefault(c.start, []).append(c)
    out = []
    for m in re.finditer(rf"\b(?P<head>Kementerian|Menteri) (?P<p>{portfolios})\b", text):
        country = next((c for c in starting.get(m.end() + 1, ()) if c.entry is not None and c.entry.type == "COUNTRY"), None)
        if m.group("head") == "Menteri" and (country is None or _names_person_next(country.end, starting)):
            continue  # "Menteri Luar Negeri Sugiono" is a person's title, not the ministry
        iso3 = country.entry.iso3 if country and country.entry else "IDN"
        where = country.entry.name if country and country.entry else "Indonesia"
        name = f"Ministry of {english[m.group('p')]}" + (f" ({where})" if iso3 == "IDN" else f" of {where}")
        entry = next((e for e, _ in kb.lookup(name) if e.coarse == "ORG"), None)
        end = country.end if country else m.end()
        out.append(Candidate(m.start(), end, text[m.start():end], "ORG", "rule", entry=entry, name=name,
                             country=iso3, cameo=f"{iso3}GOV", nested=True))
    return out


def _names_person_next(end: int, starting: dict[int, list[Candidate]]) -> bool:
    return any(c.type == "PERSON" for at in range(end, end + 3) for c in starting.get(at, ()))


_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


def titled_people(text: str, code: str, found: list[Candidate], *, common: frozenset[str]) -> list[Candidate]:
    """People named right after a title, past any country or body in it.

    "Menteri Perdagangan Komisi Uni Ekonomi Eurasia Andrey Slepnev": after the title and the
    names the KB knows comes a run of two to five capitalised words that are not ordinary
    words or titles: a person, whether or not a tagger saw it.
    """
    stop = _stop_words(code, common)
    spans = _Spans(sorted((c.start, c.end) for c in found if c.source == "kb"))
    out = []
    portfolios = _portfolios(code)
    for m in _title_regex(code).finditer(text):
        pos = _skip_known(text, m.end(), spans)
        portfolio = next((p for p in portfolios if text.startswith(p + " ", pos)), None)
        pos = _skip_known(text, pos + len(portfolio), spans) if portfolio else pos
        body = _body_end(text, pos, code)  # the title's body, unknown to the KB: the name comes after it
        words = _name_words(text, _skip_known(text, body, spans) if body is not None else pos, stop)
        if 2 <= len(words) and not spans.overlap(words[0][0], words[-1][1]):
            start, end = words[0][0], words[-1][1]
            if not word_list(code, "entities_common.txt") and text[start:words[0][1]].casefold() not in load_kb().given_names:
                continue  # no common-word list for the language (English): ask for a known given name
            if _is_body(text[start:end], code):
                continue  # "Russian Direct Investment Fund" follows a title but is a body
            out.append(Candidate(start, end, text[start:end], "PERSON", "rule"))
    return out


@cache
def _stop_words(code: str, common: frozenset[str]) -> frozenset[str]:
    """Words that end a name after a title: `common` words and the language's title words (the
    union of tens of thousands of words, made once per language, not once per article)."""
    return common | title_words(code)


@cache
def _portfolios(code: str) -> tuple[str, ...]:
    return tuple(p for p, _ in ministries(code))


def _name_words(text: str, pos: int, stop: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of up to MAX_NAME_WORDS capitalised words from `pos` that are no ordinary words or titles."""
    words: list[tuple[int, int]] = []
    for w in re.finditer(r"\S+", text[pos:pos + 80]):
        token = w.group(0).rstrip(",.;:)")
        if not _CAPITALISED.fullmatch(token) or token.casefold() in stop or len(words) == MAX_NAME_WORDS:
            break
        words.append((pos + w.start(), pos + w.start() + len(token)))
        if token != w.group(0):
            break
    return words


def _body_end(text: str, pos: int, code: str) -> int | None:
    """Where a body the KB does not know ends when one follows a title, closed by an abbreviation
    in brackets or a comma ("Direktur Utama PT Kilang Minyak Nusantara (KMN) Budi Santoso")."""
    end = None
    for n, w in enumerate(re.finditer(r"\S+", text[pos:pos + 80])):
        if n == MAX_BODY_WORDS or not _CAPITALISED.fullmatch(w.group(0).rstrip(",")):
            break
        end = pos + w.start() + len(w.group(0).rstrip(","))
        if w.group(0).endswith(","):
            break
    if end is None or not _is_body(text[pos:end], code):
        return None
    following = text[end:end + 2].lstrip(" ")
    return end if following[:1] in ("(", ",") else None


def _is_body(name: str, code: str) -> bool:
    """Does a name hold an organisation word ("Fund", "PT")?"""
    return any(w.casefold() in org_words(code) for w in name.split())


@cache
def org_words(code: str) -> frozenset[str]:
    """Words that make a name an organisation's ("Group", "Fund"), of `code` and of Indonesian."""
    return word_list(code, "entities_org_words.txt") | word_list("id", "entities_org_words.txt")


class _Spans:
    """Sorted (start, end) spans of the KB's names, for the two questions `titled_people` asks of
    them at each title, answered without a scan of them all (quadratic on long texts)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # the farthest end among the first n
        self.first_end: dict[int, int] = {}  # start -> the end of the first span there
        for s, e in spans:
            self.first_end.setdefault(s, e)

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end): one starting before `end` reaches past `start`."""
        n = bisect_left(self.starts, end)
        return n > 0 and self.reach[n - 1] > start


def _skip_known(text: str, pos: int, spans: _Spans) -> int:
    """Move past spaces and KB names (and link words) that follow a title."""
    while True:
        pos = _SPACES.match(text, pos).end()  # matched in place: slicing the rest of the text is quadratic
        nxt = spans.first_end.get(pos)
        word = _WORD.match(text, pos)
        if nxt is not None:
            pos = nxt
        elif word and word.group(0).casefold() in _LINK_WORDS:
            pos = word.end()
        elif _ABBREVIATION.match(text, pos) or text.startswith(",", pos):
            # an abbreviation in brackets ("Wakil Menteri Perdagangan (Wamendag) X") or the comma
            # closing the title ("Jubir Kemlu RI, X")
            pos = (_ABBREVIATION.match(text, pos) or _COMMA.match(text, pos)).end()
        else:
            return pos
