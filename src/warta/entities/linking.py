"""Link candidate mentions within one article into entities, one per real-world thing.

- Ambiguous places are read in the light of the article's countries (Astara in Iran when the
  article is about Iran), weak town readings without support are dropped.
- A name first seen as a person stays a person: "Jalali" after "Kazem Jalali" is him, not a
  town in India; short forms join the full name ("Putin" -> "Vladimir Putin").
- Acronyms join their expansion: "Organisasi X (OX)", or capitals that spell a name's initials.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..kb import KBEntry, KnowledgeBase, name_key
from .candidates import Candidate, Occupancy

# A town known only from GeoNames needs support to be kept: the tagger, the article's
# countries, or being big enough to be what a capitalised word most likely means.
BIG_CITY = 1_000_000
FAR_BIGGER = 50  # a big city this many times the size of a namesake in the article's countries keeps its reading
_WORD = re.compile(r"[\w'’.-]+")
_WORDISH = re.compile(r"[\w-]")  # what may not stand right before or after a repeated name
# Short forms of people's names ("Putin", "Vladimir Putin" of "Vladimir Vladimirovich Putin") up
# to this many words are looked up in a table; longer ones (never seen in news) are compared
# with the few names longer still.
_FORM_WORDS = 8
_ACRONYM = range(2, 9)  # lengths of the capitals an acronym is written with


@dataclass
class Cluster:
    """The mentions of one entity in the article."""

    key: str
    type: str
    entry: KBEntry | None
    mentions: list[Candidate] = field(default_factory=list)

    def tokens(self) -> list[list[str]]:
        return [_WORD.findall(m.text) for m in self.mentions]


def article_countries(candidates: list[Candidate]) -> set[str]:
    """ISO3 codes of the countries the article names (directly or through curated entries)."""
    found = set()
    for c in candidates:
        if c.entry is not None and c.entry.type == "COUNTRY":
            found.add(c.entry.iso3 or "")
        elif c.entry is not None and c.entry.curated and c.entry.type != "CITY" and c.entry.country:
            found.add(c.entry.country)
    return found - {""}


def _relink(c: Candidate, kb: KnowledgeBase, countries: set[str]) -> Candidate:
    """Link a tagger's candidate the gazetteer missed, when the KB knows the name: a curated
    entry whatever type the tagger gave ("Alibaba" read as a place), a city only as a place."""
    for entry, strict in kb.lookup(c.text):
        if strict and not c.text.isupper() or (entry.type == "CITY" or not entry.curated) and entry.coarse != c.type:
            continue
        if entry.type != "CITY" and entry.curated or entry.type == "CITY" and (entry.country in countries or entry.population >= BIG_CITY):
            return c.with_(entry=entry, options=(entry,), type=entry.coarse)
    return c


def _city(c: Candidate, countries: set[str], common_words: frozenset[str]) -> Candidate | None:
    """The city reading of a candidate, chosen by the article's countries; None to drop it."""
    assert c.entry is not None
    local = [e for e in c.options if e.type == "CITY" and e.country in countries]
    if local and c.entry.type == "CITY" and c.entry.population >= BIG_CITY \
            and c.entry.population >= FAR_BIGGER * local[0].population:
        local = []  # a world city is itself: "Moscow" in a story about the Pentagon is not Moscow, Idaho
    entry = local[0] if local else c.entry
    big = entry.population >= BIG_CITY and c.text.casefold() not in common_words
    if c.tag_type in ("PERSON", "ORG") and not (local or big):
        return c.with_(entry=None, options=(), type=c.tag_type)  # "Jalali" the man, "Alibaba" the firm
    if not (c.tagged or local or big):
        return None
    return c.with_(entry=entry)


def _surnames(candidates: list[Candidate]) -> set[str]:
    """Last words of the multi-word person names in the article ("Jalali" of "Kazem Jalali")."""
    return {c.text.split()[-1] for c in candidates if c.type == "PERSON" and len(c.text.split()) >= 2}


def repeated_mentions(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Add the other occurrences of names the finders saw once but missed elsewhere.

    A person's surname ("Jalali" of "Kazem Jalali") is him wherever else it is written in
    the article: once a person, always a person. (Spreading other tagged names the same way
    cost precision on NERGrit valid, so only surnames spread.)
    """
    names = {s: "PERSON" for s in _surnames(candidates)}
    names = {n: t for n, t in names.items() if len(n) > 2 and n[:1].isupper()}
    if not names:
        return candidates
    taken = Occupancy.of(((c.start, c.end) for c in candidates), max([len(text), *(c.end for c in candidates)]))
    added = []
    for start, end in _occurrences(text, set(names)):
        if not taken.overlaps(start, end):
            added.append(Candidate(start, end, text[start:end], names[text[start:end]], "link"))
    return sorted(candidates + added, key=lambda c: c.start)


def _occurrences(text: str, names: set[str]) -> Iterator[tuple[int, int]]:
    """Where `names` stand as whole words, longest first at each place, left to right without
    overlaps: what the regex `(?<![\\w-])(name|...)(?![\\w-])` finds, names longest first. The
    regex tries every name at every word, too slow for an article that names thousands of people;
    here each word tries one slice per length of name."""
    lengths = sorted({len(n) for n in names}, reverse=True)
    firsts = "".join(re.escape(c) for c in sorted({n[0] for n in names}))
    done = 0
    for m in re.finditer(rf"(?<![\w-])[{firsts}]", text):
        start = m.start()
        if start < done:
            continue
        for n in lengths:
            if start + n <= len(text) and text[start:start + n] in names and not _WORDISH.match(text, start + n):
                done = start + n
                yield start, done
                break


def disambiguate(candidates: list[Candidate], *, common_words: frozenset[str], kb: KnowledgeBase) -> list[Candidate]:
    """Choose each candidate's reading in the light of the article's countries; drop weak towns."""
    countries = article_countries(candidates)
    surnames = _surnames(candidates)
    kept = []
    for c in candidates:
        if c.text in surnames and (c.entry is None or c.entry.type == "CITY"):
            c = c.with_(entry=None, options=(), type="PERSON")  # a name first seen as a person stays one
        if c.entry is None and c.source in ("crf", "spacy"):
            c = _relink(c, kb, countries)
        if c.entry is not None and c.entry.type == "CITY":
            c = _city(c, countries, common_words)
        if c is not None:
            kept.append(c)
    return kept


class _People:
    """The person clusters' names by their shorter forms, so that finding whose name a mention
    shortens is a lookup rather than a scan of every mention (quadratic when a name repeats)."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.tails: dict[tuple[str, ...], int] = {}  # words -> the last cluster a name of which ends with them
        self.heads: dict[tuple[str, ...], int] = {}  # words -> the first cluster a name of which starts with them
        self.long: list[tuple[int, tuple[str, ...]]] = []  # names of more than _FORM_WORDS + 1 words

    def add(self, number: int, words: list[str]) -> None:
        """Index a name of the `number`th person cluster by its proper heads and tails."""
        name = tuple(words)
        for n in range(1, min(len(name), _FORM_WORDS + 1)):
            tail, head = name[-n:], name[:n]
            self.tails[tail] = max(self.tails.get(tail, number), number)
            self.heads[head] = min(self.heads.get(head, number), number)
        if len(name) > _FORM_WORDS + 1:
            self.long.append((number, name))

    def owner(self, words: list[str]) -> Cluster | None:
        """The person cluster whose full name these words shorten: of those with a name ending with
        them the last (a surname match beats a given-name match), else the first with a name
        starting with them."""
        form = tuple(words)
        if not form:
            return None
        if len(form) <= _FORM_WORDS:
            tail, head = self.tails.get(form), self.heads.get(form)
        else:
            longer = [(k, name) for k, name in self.long if len(name) > len(form)]
            tail = max((k for k, name in longer if name[-len(form):] == form), default=None)
            head = min((k for k, name in longer if name[:len(form)] == form), default=None)
        best = tail if tail is not None else head
        return self.clusters[best] if best is not None else None


def _initials(text: str) -> str:
    return "".join(w[0] for w in _WORD.findall(text) if w[0].isupper())


class _Acronyms:
    """Where mentions end and the initials they spell, with the first cluster (in order of
    creation) that has such a mention: an acronym's cluster without a scan of every mention."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.ends: dict[int, int] = {}
        self.initials: dict[str, int] = {}

    def add(self, number: int, m: Candidate) -> None:
        """Index a mention of the `number`th cluster."""
        self.ends[m.end] = min(self.ends.get(m.end, number), number)
        initials = _initials(m.text)
        if len(initials) in _ACRONYM and len(m.text) > len(initials):
            self.initials[initials] = min(self.initials.get(initials, number), number)

    def target(self, c: Candidate, text: str) -> Cluster | None:
        """The cluster an acronym stands for: the first with a mention just before it, when it
        is in brackets, or with a mention whose capitals spell it."""
        if not (c.text.isupper() and len(c.text) in _ACRONYM and c.text.isalpha()):
            return None
        found = [self.initials[c.text]] if c.text in self.initials else []
        if "(" in text[max(0, c.start - 2):c.start]:
            found += [self.ends[end] for end in range(c.start - 3, c.start + 1) if end in self.ends]
        return self.clusters[min(found)] if found else None


def _key(c: Candidate) -> str:
    """KB id, else the name: the same unlinked name read with two types is still one thing."""
    if c.entry is not None:
        return c.entry.id
    return f"name:{name_key(c.name or c.text)}"


def _settle_type(k: Cluster) -> Cluster:
    """An unlinked cluster takes the type most of its mentions have (person, org, place on ties)."""
    if k.entry is not None:
        return k
    votes = Counter(m.type for m in k.mentions)
    k.type = max(votes, key=lambda t: (votes[t], {"PERSON": 2, "ORG": 1}.get(t, 0)))
    return k


def _person_name(c: Candidate) -> bool:
    return c.type == "PERSON" and len(_WORD.findall(c.text)) >= 2


class _Linker:
    """The clusters of an article as they are built, with what each new mention is checked
    against: the people's names (`_People`) and the acronyms' expansions (`_Acronyms`)."""

    def __init__(self) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.people = _People()
        self.acronyms = _Acronyms()
        self._person: dict[int, int] = {}  # id(cluster) -> its number among the people
        self._number: dict[int, int] = {}  # id(cluster) -> its number in order of creation

    def get(self, key: str, kind: str, entry: KBEntry | None) -> Cluster:
        """The cluster of `key`, created with type `kind` if new."""
        if key not in self.clusters:
            k = self.clusters[key] = Cluster(key, kind, entry)
            self._number[id(k)] = len(self.acronyms.clusters)
            self.acronyms.clusters.append(k)
        return self.clusters[key]

    def person(self, key: str, entry: KBEntry | None) -> Cluster:
        """The person cluster of `key`, created if new."""
        k = self.get(key, "PERSON", entry)
        if id(k) not in self._person:
            self._person[id(k)] = len(self.people.clusters)
            self.people.clusters.append(k)
        return k

    def add(self, k: Cluster, m: Candidate) -> None:
        """Add a mention to a cluster and to the indexes."""
        k.mentions.append(m)
        self.acronyms.add(self._number[id(k)], m)
        if id(k) in self._person:
            self.people.add(self._person[id(k)], _WORD.findall(m.text))


def cluster(candidates: list[Candidate], text: str) -> list[Cluster]:
    """Group candidates into clusters (in order of first mention)."""
    linker = _Linker()
    for c in filter(_person_name, candidates):
        linker.add(linker.person(_key(c), c.entry), c)
    for c in candidates:
        if _person_name(c):
            continue
        curated_thing = c.entry is not None and c.entry.curated and c.entry.type != "PERSON" and c.entry.type != "CITY"
        owner = None if curated_thing else linker.people.owner(_WORD.findall(c.text))
        owner = owner or linker.acronyms.target(c, text) or linker.get(_key(c), c.type, c.entry)
        linker.add(owner, c.with_(type=owner.type, entry=owner.entry) if owner.type == "PERSON" else c.with_(entry=owner.entry))
    return sorted((_settle_type(k) for k in linker.clusters.values()), key=lambda k: min(m.start for m in k.mentions))
