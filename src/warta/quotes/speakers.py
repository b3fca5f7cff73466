"""Turn a speaker phrase into a speaker: the linked entity when the entities stage ran, else a
name read from the text (titles and country names stripped, a lone surname completed from a
fuller mention elsewhere in the article). Pronouns go to the most recent speaker of their kind.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache, cached_property
from typing import Any

from ..cldr import territory_names
from ..lang.folders import available_languages, read_lines
from ..model import Article, Entity
from .attribution import Attribution, drop_brackets, runs_of
from .cues import Cues, name_connectors, title_lead, tokens
from .described import described_after, described_entity, head_word
from .gender import Genders

SPEAKER_TYPES = ("PERSON", "ORG")
PRONOUN_REACH = 400  # characters back to a person a pronoun can stand for when nobody spoke yet
LEAD_CHARS = 200
ROLE_REACH = 600  # characters after a role of a place ("China's ambassador to Britain") to the person it names


@cache
def _place_names() -> frozenset[str]:
    """Country names in the languages warta reads (CLDR via Babel): not part of a person's name."""
    names: set[str] = set()
    for name in territory_names():
        # Every word of "Amerika Serikat", "Korea Utara": none of them is a person's name.
        # Lowercase words ("dan" of "Trinidad dan Tobago", "and") are no place names.
        names.update(w.lower() for w in name.split() if w.isalpha() and len(w) > 2 and w[:1].isupper())
    return frozenset(names)


class SpeakerResolver:
    """Resolves attributions of one article in text order, remembering the last speakers."""

    def __init__(self, article: Article, cues: Cues) -> None:
        self.article = article
        self.text = article.text
        self.cues = cues
        self.mentions = sorted(
            ((m.start, m.end, e) for e in article.entities if _coarse(e) in SPEAKER_TYPES for m in e.mentions),
            key=lambda x: x[0])
        self.by_word = _name_words(self.mentions)
        self.history: list[tuple[int, dict[str, Any], str]] = []  # (offset, speaker, kind) in text order
        self.genders = Genders(article, cues)

    # Built on first use: most articles have no pronoun to resolve and no lone surname to complete.
    @cached_property
    def subjects(self) -> list[tuple[int, Entity]]:
        """Persons who begin a sentence (see `_subjects`)."""
        return _subjects(self.article, self.mentions)

    @cached_property
    def _place_words(self) -> frozenset[str]:
        """Words of the places the article names ("Britain", which no country list spells so)."""
        return frozenset(w.lower() for e in self.article.entities if _coarse(e) == "PLACE"
                         for m in e.mentions for w in self.text[m.start:m.end].split())

    @cached_property
    def _glued(self) -> dict[str, str]:
        """Lone name word -> the person's full name the tagger glued to a workplace
        ("Universitas Andalas Syafruddin Karimi": "syafruddin" and "karimi" -> "Syafruddin Karimi")."""
        out: dict[str, str] = {}
        for _, _, entity in self.mentions:
            pair = _name_tail(entity.name.split(), self.cues) if _coarse(entity) == "ORG" else None
            for word in pair or ():
                out.setdefault(word.lower(), " ".join(pair))
        return out

    @cached_property
    def _surnames(self) -> dict[str, list[str]]:
        return _surname_index(self.article, self.cues) if not self.mentions else {}

    def resolve(self, attribution: Attribution) -> dict[str, Any] | None:
        """The speaker of an attribution, updating who was last speaking."""
        if attribution.pronoun:
            gender = self.genders.of_word(self.text[attribution.start:attribution.end])
            return self._referent(attribution.pronoun, attribution.start, gender)
        if not attribution.named:  # "the president", "juru bicara Kremlin itu": the one introduced so
            known = self._described(self.text[attribution.start:attribution.end], attribution.start)
            if known is not None:
                return known
        entity = self._entity_in(attribution.start, attribution.end)
        if entity is not None and _coarse(entity) != "PERSON":
            # "Wakil Menteri ESDM Yuliot Tanjung", "Analis CGS Indonesia, Mino": the organisation
            # is the speaker's employer; a name after it is the speaker.
            person = self._name_after(entity, attribution)
            if person is not None:
                return self.remember(person, "PERSON", attribution.start)
        if entity is not None:
            written = self._from_text(attribution.start, attribution.end)
            if written is not None and _cut_or_padded(entity, written["name"], self.cues.affiliations):
                return self.remember(written, "PERSON", attribution.start)
        if entity is not None and _coarse(entity) == "PERSON" and entity.name.lower() in self._glued:
            # "tutur Syafruddin": a lone name whose full form the tagger glued to a workplace
            return self.remember(self._phrase(self._glued[entity.name.lower()]), "PERSON", attribution.start)
        if entity is not None:
            return self.remember(_from_entity(entity), _coarse(entity), attribution.start)
        if not attribution.named:  # "the expert warned": described, not named; no pronoun goes to it
            phrase = self.text[attribution.start:attribution.end]
            issuer = self._issuer(phrase, attribution.start)
            if issuer is not None:
                return self.remember(_from_entity(issuer), _coarse(issuer), attribution.start)
            if self._points_back(attribution):  # "kata menteri", "purnawirawan jenderal ini"
                return self._referent("PERSON", attribution.start) or self._phrase(phrase)
            if phrase.lstrip()[:1].isdigit():  # "44 percent say that": a share of those polled
                return None
            return self._phrase(phrase)
        person = self._role_of_place(attribution)
        if person is not None:
            return self.remember(_from_entity(person), "PERSON", attribution.start)
        return self._written(attribution)

    def _written(self, attribution: Attribution) -> dict[str, Any] | None:
        """The speaker of a name no entity holds, read from the text."""
        speaker = self._from_text(attribution.start, attribution.end)
        if speaker is None and self._only_titles(attribution):  # "kata Menlu": the minister named before
            phrase = self.text[attribution.start:attribution.end]
            return self._described(phrase, attribution.start) or self._referent("PERSON", attribution.start)
        if speaker is None:
            return None
        # A name read from the text is a person's unless it names an organisation or a place.
        words = speaker["name"].lower().split()
        is_person = not any(w in self.cues.org_heads or w in _place_names() for w in words)
        return self.remember(speaker, "PERSON" if is_person else "ORG", attribution.start)

    def _described(self, phrase: str, at: int) -> dict[str, Any] | None:
        """The person or organisation the article introduced with the description's head word."""
        head = head_word(phrase, self.cues)
        if head is None:
            return None
        kinds = ("ORG",) if head in self.cues.org_heads else ("PERSON", "ORG")
        entity = described_entity(self.text, self.mentions, head, at, kinds, self.cues)
        return None if entity is None else self.remember(_from_entity(entity), _coarse(entity), at)

    def remember(self, speaker: dict[str, Any], kind: str, at: int) -> dict[str, Any]:
        """Make `speaker` one a later pronoun of `kind` may refer to."""
        self.history.append((at, speaker, kind))
        return speaker

    def _last(self, kind: str, gender: str | None) -> tuple[int, dict[str, Any]] | None:
        """The latest speaker of `kind` a pronoun of `gender` may stand for."""
        return next(((at, sp) for at, sp, k in reversed(self.history)
                     if k == kind and self.genders.fits(gender, sp)), None)

    def _referent(self, kind: str, at: int, gender: str | None = None) -> dict[str, Any] | None:
        """The later of the last speaker of `kind` and the last person who began a sentence,
        of the pronoun's gender where both are known ("she" skips Mr. Ortiz)."""
        last = self._last(kind, gender) or (self._last("PERSON", gender) if kind != "PERSON" else None)
        subject = None
        if kind == "PERSON":
            subject = next(((s, e) for s, e in reversed(self.subjects)
                            if s < at and self.genders.fits(gender, _from_entity(e))), None)
        if subject and (last is None or subject[0] > last[0]):
            return _from_entity(subject[1])
        if last is None and kind == "PERSON":  # no speaker yet: the person named just before
            near = [e for s, _, e in self.mentions if at - PRONOUN_REACH < s < at and _coarse(e) == "PERSON"
                    and self.genders.fits(gender, _from_entity(e))]
            return _from_entity(near[-1]) if near else None
        return last[1] if last else None

    def _name_after(self, entity: Entity, attribution: Attribution) -> dict[str, Any] | None:
        """A person's name (one to three capitalised words) after `entity`'s mention in the phrase."""
        ends = [t for s, t, e in self.mentions if e is entity and attribution.start <= s < attribution.end]
        if not ends or max(ends) >= attribution.end:
            return None
        words = [t[2] for t in drop_brackets(tokens(self.text, max(ends), attribution.end)) if t[2] != ","]
        _, name = _split_title(words, self.cues)
        if not 1 <= len(name) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in name):
            return None  # "(ESDM)", "RI": an acronym ends the organisation's name, names no one
        if any(w.lower() in self.cues.org_heads or w.lower() in _place_names() for w in name):
            return None
        return self._from_words(max(ends), attribution.end)

    def _role_of_place(self, attribution: Attribution) -> Entity | None:
        """"China's ambassador to Britain warned": the places say whose and where, the role word
        (the last title written in lowercase, in the phrase or the few words before it) is the speaker: the person the article introduces
        with it, before the quotation or, failing that, just after it."""
        written = re.findall(r"[^\W\d_]+", self.text[attribution.start:attribution.end])
        if not written or any(w.lower() not in _place_names() and w.lower() not in self._place_words for w in written):
            return None  # a name or a title, not a place alone
        lead = re.split(r"[.,;:!?“”\"\n]", self.text[max(0, attribution.start - 60):attribution.start])[-1]
        words = re.findall(r"[^\W\d_]+", lead)[-4:] + re.findall(r"[^\W\d_]+", self.text[attribution.start:attribution.end])
        roles = [w for w in words if w.islower() and w in self.cues.titles]
        if not roles:
            return None
        head = roles[-1]
        return described_entity(self.text, self.mentions, head, attribution.start, ("PERSON",), self.cues) \
            or described_after(self.text, self.mentions, head, attribution.end, ROLE_REACH, self.cues)

    def _issuer(self, phrase: str, at: int) -> Entity | None:
        """"The Electoral Commission … issued a statement warning that": a document just issued ("a
        statement", or the bare noun) speaks for the person or organisation last named before it in
        its sentence."""
        words = re.findall(r"[^\W\d_]+", phrase.lower())
        if not words or words[-1] not in self.cues.documents:
            return None
        if len(words) > 1 and words[0] not in self.cues.indefinites:
            return None  # "the report says": one spoken of before, not the one just issued
        starts = [s.start for s in self.article.sentences if s.start <= at]
        begin = max(starts) if starts else 0
        named = [e for s, t, e in self.mentions if begin <= s and t <= at]
        return named[-1] if named else None

    @staticmethod
    def _phrase(phrase: str) -> dict[str, Any]:
        return {"name": phrase, "entity": None, "role": None, "country": None}

    def _points_back(self, attribution: Attribution) -> bool:
        """A description of titles alone ("menteri"), or one a demonstrative closes
        ("purnawirawan jenderal polisi ini"), whose role was not found among the article's
        introductions: it stands for a person spoken of, like a pronoun."""
        words = [t[2].lower() for t in tokens(self.text, attribution.start, attribution.end) if t[2].isalpha()]
        if not words or not any(w in self.cues.titles for w in words):
            return False
        return words[-1] in self.cues.demonstratives or all(w in self.cues.titles for w in words)

    def _only_titles(self, attribution: Attribution) -> bool:
        words = [t[2].lower().rstrip(".") for t in tokens(self.text, attribution.start, attribution.end)]
        words = [w for w in words if w.isalpha() and w not in _calendar()]
        return bool(words) and all(w in self.cues.titles for w in words)

    def _entity_in(self, start: int, end: int) -> Entity | None:
        """The entity named inside the phrase: the last PERSON, else the last ORG."""
        inside = [e for s, t, e in self.mentions if s < end and t > start]
        persons = [e for e in inside if _coarse(e) == "PERSON"]
        return (persons or inside or [None])[-1]

    def _from_text(self, start: int, end: int) -> dict[str, Any] | None:
        parts = self.text[start:end].split(",")
        for k in range(len(parts) - 1, 0, -1):  # "Jubir Kemlu RI, Rolliansyah Soemirat": the name part
            offset = start + sum(len(p) + 1 for p in parts[:k])
            if _split_title([t[2] for t in tokens(self.text, offset, end)], self.cues)[1]:
                return self._from_words(offset, end)
        return self._from_words(start, end)

    def _from_words(self, start: int, end: int) -> dict[str, Any] | None:
        words = [t[2] for t in drop_brackets(tokens(self.text, start, end)) if t[2] != ","]
        if any(w.lower() in self.cues.org_heads for w in words):  # "Kedutaan Besar India": an organisation
            words = [w for w in words if w.lower() not in self.cues.determiners]
            return {"name": " ".join(words), "entity": None, "role": None, "country": None}
        role, name = _split_title(words, self.cues)
        if not name or len(" ".join(name)) < 2:
            return None
        known = self.by_word.get(name[0].lower()) if len(name) == 1 else None
        if len(name) == 1 and name[0].lower() in self._glued and (known is None or len(known.name.split()) == 1):
            return self.remember(self._phrase(self._glued[name[0].lower()]), "PERSON", start)
        if len(name) == 1 and name[0].lower() in self.by_word:  # "imbuh Dave": Dave Laksono
            entity = self.by_word[name[0].lower()]
            return self.remember(_from_entity(entity), "PERSON", start)
        if len(name) == 1:
            name = self._surnames.get(name[0].lower(), name)
        return {"name": " ".join(name), "entity": None, "role": " ".join(role) or None, "country": None}


def _name_words(mentions: list) -> dict[str, Entity]:
    """First and last names of linked persons -> the person ("Dave" -> Dave Laksono)."""
    persons = [e for _, _, e in mentions if _coarse(e) == "PERSON" and e.name.split()]
    return {w.lower(): e for e in persons for w in (e.name.split()[0], e.name.split()[-1]) if len(w) > 2}


def _subjects(article: Article, mentions: list) -> list[tuple[int, Entity]]:
    """Persons who begin a sentence, titles aside ("Menlu Sugiono mengatakan…"): linked mentions,
    and lone first or last names of linked persons ("Rolliansyah belum bisa…")."""
    by_word = _name_words(mentions)
    starts = sorted(s.start for s in article.sentences)
    out = []
    for start, _, entity in mentions:
        k = bisect.bisect_right(starts, start) - 1
        lead_start = starts[k] if k >= 0 else start
        # a title is no longer than LEAD_CHARS: a longer lead is not read (a run of capitalised
        # words would otherwise be matched again for every mention in it)
        if (_coarse(entity) == "PERSON" and start - lead_start <= LEAD_CHARS
                and title_lead().fullmatch(article.text, lead_start, start)):
            out.append((start, entity))
    for start in starts:
        lead = title_lead().match(article.text, start, start + 80)
        for word in re.finditer(r"[A-Z][\w-]+", lead.group() if lead else ""):
            if word.group().lower() in by_word:
                out.append((start + word.start(), by_word[word.group().lower()]))
                break
    return sorted(out, key=lambda x: x[0])


def _cut_or_padded(entity: Entity, written: str, affiliations: frozenset[str]) -> bool:
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
    if _coarse(entity) == "PERSON" and len(own) == len(words) and own[:-1] == words[:-1] \
            and words[-1].startswith(own[-1] + "-"):
        return True  # "Cheuk Hau" of "Cheuk Hau-yip": cut at the hyphen
    if _coarse(entity) == "PERSON" and set(own) < set(words) and words[-1] not in own:
        return not set(words) & (name_connectors() | affiliations)  # "Budi di Kementerian …" is no longer name
    return set(words) < set(own) and bool(affiliations & set(own[1:-1])) and not affiliations & set(words)


def _name_tail(words: list[str], cues: Cues) -> tuple[str, str] | None:
    """"Universitas Andalas Syafruddin Karimi": a long organisation's name (a workplace, then a
    person) may end in a two-word name; the pair is a name when neither word is a title, a place,
    a connector or an organisation's head word."""
    if len(words) <= 3 or not all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words[-2:]):
        return None
    low = [w.lower() for w in words[-2:]]
    if any(w in cues.titles or w in cues.org_heads or w in _place_names() for w in low):
        return None
    return words[-2], words[-1]


def _coarse(entity: Entity) -> str:
    kind = entity.type.upper()
    if kind in {"PERSON", "PER"}:
        return "PERSON"
    return "ORG" if kind in {"ORG", "ORGANIZATION", "ORGANISATION"} else "PLACE"


def _from_entity(entity: Entity) -> dict[str, Any]:
    return {"name": entity.name, "entity": entity.id, "role": entity.role, "country": entity.country}


def _split_title(words: list[str], cues: Cues) -> tuple[list[str], list[str]]:
    """("Presiden", "Rusia", "Vladimir", "Putin") -> (["Presiden", "Rusia"], ["Vladimir", "Putin"]);
    "Elijah Cummings of Maryland" -> the name before "of"."""
    def skip(word: str) -> bool:
        low = word.lower().rstrip(".")
        return low in cues.titles or low in _place_names() or low in cues.determiners or low in _calendar() \
            or low in cues.connectives

    cut, honoured = 0, False
    while cut < len(words) and (skip(words[cut]) or words[cut].lower() in name_connectors()):
        cut += 1
        honoured = words[cut - 1].lower().rstrip(".") in cues.honorifics and cut < len(words)
        if honoured:
            break  # "Mr. King": after an honorific comes the name, whatever it looks like
    if cut == len(words) and words and words[-1].lower() in _place_names():
        return words[:-1], words[-1:]  # "Monaco said", "Rusia mengatakan": a place can speak too
    role, name = words[:cut], [w for w in words[cut:] if w.lower().rstrip(".") not in _calendar()]
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
    return low in cues.titles or low in cues.determiners or low in _calendar() or low in cues.connectives


@cache
def _calendar() -> frozenset[str]:
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


def _surname_index(article: Article, cues: Cues) -> dict[str, list[str]]:
    """Lone name word -> the fuller name it is short for ("Jalali" -> ["Kazem", "Jalali"])."""
    text = article.text
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    full: Counter[tuple[str, ...]] = Counter()
    for start, end in paragraphs:
        if _headline(text, start, end):
            continue
        toks = tokens(text, start, end)
        for run in runs_of(toks):
            _, name = _split_title([toks[k][2] for k in run], cues)
            if 2 <= len(name) <= 3 and all(w[:1].isupper() for w in name):
                full[tuple(name)] += 1
    index: dict[str, list[str]] = {}
    for name, _ in full.most_common():
        for word in (name[0], name[-1]):
            index.setdefault(word.lower(), list(name))
    return index
