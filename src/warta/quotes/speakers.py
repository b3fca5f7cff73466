"""Turn a speaker phrase into a speaker: the linked entity when the entities stage ran, else a
name read from the text (titles and country names stripped, a lone surname completed from a
fuller mention elsewhere in the article). Pronouns go to the most recent speaker of their kind.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from ..model import Article, Entity
from .attribution import Attribution, drop_brackets
from .cues import Cues, tokens
from .described import described_after, described_entity, head_word
from .gender import Genders
from .names import (
    calendar_words,
    coarse,
    cut_or_padded,
    name_tail,
    name_words,
    place_names,
    sentence_subjects,
    split_title,
    surname_index,
)

SPEAKER_TYPES = ("PERSON", "ORG")
DESCRIBED = "DESCRIBED"  # the kind of a speaker only described ("the navy"), whom no pronoun names
PRONOUN_REACH = 400  # characters back to a person a pronoun can stand for when nobody spoke yet
ROLE_REACH = 600  # characters after a role of a place ("China's ambassador to Britain") to the person it names


class SpeakerResolver:
    """Resolves attributions of one article in text order, remembering the last speakers."""

    def __init__(self, article: Article, cues: Cues) -> None:
        self.article = article
        self.text = article.text
        self.cues = cues
        self.mentions = sorted(
            ((m.start, m.end, e) for e in article.entities if coarse(e) in SPEAKER_TYPES for m in e.mentions),
            key=lambda x: x[0])
        self.by_word = name_words(self.mentions)
        self.history: list[tuple[int, dict[str, Any], str]] = []  # (offset, speaker, kind) in text order
        self.genders = Genders(article, cues)

    # Built on first use: most articles have no pronoun to resolve and no lone surname to complete.
    @cached_property
    def subjects(self) -> list[tuple[int, Entity]]:
        """Persons who begin a sentence (see `sentence_subjects`)."""
        return sentence_subjects(self.article, self.mentions)

    @cached_property
    def _place_words(self) -> frozenset[str]:
        """Words of the places the article names ("Britain", which no country list spells so)."""
        return frozenset(w.lower() for e in self.article.entities if coarse(e) == "PLACE"
                         for m in e.mentions for w in self.text[m.start:m.end].split())

    @cached_property
    def _glued(self) -> dict[str, str]:
        """Lone name word -> the person's full name the tagger glued to a workplace
        ("Universitas Andalas Syafruddin Karimi": "syafruddin" and "karimi" -> "Syafruddin Karimi")."""
        out: dict[str, str] = {}
        for _, _, entity in self.mentions:
            pair = name_tail(entity.name.split(), self.cues) if coarse(entity) == "ORG" else None
            for word in pair or ():
                out.setdefault(word.lower(), " ".join(pair))
        return out

    @cached_property
    def _surnames(self) -> dict[str, list[str]]:
        return surname_index(self.article, self.cues) if not self.mentions else {}

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
        if entity is not None and coarse(entity) != "PERSON":
            # "Wakil Menteri ESDM Yuliot Tanjung", "Analis CGS Indonesia, Mino": the organisation
            # is the speaker's employer; a name after it is the speaker.
            person = self._name_after(entity, attribution)
            if person is not None:
                return self.remember(person, "PERSON", attribution.start)
        if entity is not None:
            written = self._from_text(attribution.start, attribution.end)
            if written is not None and cut_or_padded(entity, written["name"], self.cues.affiliations):
                return self.remember(written, "PERSON", attribution.start)
        if entity is not None and coarse(entity) == "PERSON" and entity.name.lower() in self._glued:
            # "tutur Syafruddin": a lone name whose full form the tagger glued to a workplace
            return self.remember(self._phrase(self._glued[entity.name.lower()]), "PERSON", attribution.start)
        if entity is not None:
            return self.remember(_from_entity(entity), coarse(entity), attribution.start)
        if not attribution.named:  # "the expert warned": described, not named; no pronoun goes to it
            phrase = self.text[attribution.start:attribution.end]
            issuer = self._issuer(phrase, attribution.start)
            if issuer is not None:
                return self.remember(_from_entity(issuer), coarse(issuer), attribution.start)
            author = self._document_author(phrase, attribution.start)
            if author is not None:
                return author
            if self._points_back(attribution):  # "kata menteri", "purnawirawan jenderal ini"
                return self._referent("PERSON", attribution.start) or self._phrase(phrase)
            if phrase.lstrip()[:1].isdigit():  # "44 percent say that": a share of those polled
                return None
            # an organisation described ("the Greek foreign ministry") is one "it" may stand for;
            # others are remembered for a document they issued ("the statement said")
            kind = "ORG" if head_word(phrase, self.cues) in self.cues.org_heads else DESCRIBED
            return self.remember(self._phrase(phrase), kind, attribution.start)
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
        is_person = not any(w in self.cues.org_heads or w in place_names() for w in words)
        return self.remember(speaker, "PERSON" if is_person else "ORG", attribution.start)

    def _described(self, phrase: str, at: int) -> dict[str, Any] | None:
        """The person or organisation the article introduced with the description's head word."""
        head = head_word(phrase, self.cues)
        if head is None:
            return None
        kinds = ("ORG",) if head in self.cues.org_heads else ("PERSON", "ORG")
        entity = described_entity(self.text, self.mentions, head, at, kinds, self.cues)
        return None if entity is None else self.remember(_from_entity(entity), coarse(entity), at)

    def remember(self, speaker: dict[str, Any], kind: str, at: int) -> dict[str, Any]:
        """Make `speaker` one a later pronoun of `kind` may refer to."""
        self.history.append((at, speaker, kind))
        return speaker

    def _last(self, kinds: tuple[str, ...], gender: str | None) -> tuple[int, dict[str, Any]] | None:
        """The latest speaker of one of `kinds` a pronoun of `gender` may stand for."""
        return next(((at, sp) for at, sp, k in reversed(self.history)
                     if k in kinds and self.genders.fits(gender, sp)), None)

    def _referent(self, kind: str, at: int, gender: str | None = None) -> dict[str, Any] | None:
        """The later of the last speaker of `kind` and the last person who began a sentence,
        of the pronoun's gender where both are known ("she" skips Mr. Ortiz)."""
        person = kind == "PERSON"
        last = self._last((kind,), gender) or (None if person else self._last(("PERSON",), gender))
        subject = None
        if person:
            subject = next(((s, e) for s, e in reversed(self.subjects)
                            if s < at and self.genders.fits(gender, _from_entity(e))), None)
        if subject and (last is None or subject[0] > last[0]):
            return _from_entity(subject[1])
        if last is None and person:  # no speaker yet: the person named just before
            near = [e for s, _, e in self.mentions if at - PRONOUN_REACH < s < at and coarse(e) == "PERSON"
                    and self.genders.fits(gender, _from_entity(e))]
            return _from_entity(near[-1]) if near else None
        return last[1] if last else None

    def _name_after(self, entity: Entity, attribution: Attribution) -> dict[str, Any] | None:
        """A person's name (one to three capitalised words) after `entity`'s mention in the phrase."""
        ends = [t for s, t, e in self.mentions if e is entity and attribution.start <= s < attribution.end]
        if not ends or max(ends) >= attribution.end:
            return None
        words = [t[2] for t in drop_brackets(tokens(self.text, max(ends), attribution.end)) if t[2] != ","]
        _, name = split_title(words, self.cues)
        if not 1 <= len(name) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in name):
            return None  # "(ESDM)", "RI": an acronym ends the organisation's name, names no one
        if any(w.lower() in self.cues.org_heads or w.lower() in place_names() for w in name):
            return None
        return self._from_words(max(ends), attribution.end)

    def _role_of_place(self, attribution: Attribution) -> Entity | None:
        """"China's ambassador to Britain warned": the places say whose and where, the role word
        (the last title written in lowercase, in the phrase or the few words before it) is the speaker: the person the article introduces
        with it, before the quotation or, failing that, just after it."""
        written = re.findall(r"[^\W\d_]+", self.text[attribution.start:attribution.end])
        if not written or any(w.lower() not in place_names() and w.lower() not in self._place_words for w in written):
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

    def _document_author(self, phrase: str, at: int) -> dict[str, Any] | None:
        """"the statement said" after "…, the US military said in a statement": a document spoken
        of before speaks for the one who spoke in the sentence that brought it up."""
        words = [w for w in re.findall(r"[^\W\d_]+", phrase.lower()) if w not in self.cues.demonstratives]
        pointed = len(words) > 1 or words != re.findall(r"[^\W\d_]+", phrase.lower())  # "the …", "… itu"
        if not words or not pointed or words[-1] not in self.cues.documents or words[0] in self.cues.indefinites:
            return None
        earlier = [m.start() for m in re.finditer(rf"\b{re.escape(words[-1])}\b", self.text[:at], re.IGNORECASE)]
        if not earlier:
            return None
        starts = [s.start for s in self.article.sentences if s.start <= earlier[-1]]
        begin = max(starts) if starts else 0
        said = [(a, sp) for a, sp, _ in self.history if begin <= a <= earlier[-1]]
        return said[-1][1] if said else None

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
        words = [w for w in words if w.isalpha() and w not in calendar_words()]
        return bool(words) and all(w in self.cues.titles for w in words)

    def _entity_in(self, start: int, end: int) -> Entity | None:
        """The entity named inside the phrase: the last PERSON, else the last ORG; a possessor is
        not the one speaking ("a reporter Dana Whitfield's contact said")."""
        inside = [e for s, t, e in self.mentions if s < end and t > start and not self._possessor(t)]
        persons = [e for e in inside if coarse(e) == "PERSON"]
        return (persons or inside or [None])[-1]

    def _possessor(self, end: int) -> bool:
        """Whether a possessive ending ("'s") follows the mention ending at `end`."""
        return any(self.text.startswith(p, end) for p in self.cues.possessives)

    def _from_text(self, start: int, end: int) -> dict[str, Any] | None:
        parts = self.text[start:end].split(",")
        for k in range(len(parts) - 1, 0, -1):  # "Jubir Kemlu RI, Rolliansyah Soemirat": the name part
            offset = start + sum(len(p) + 1 for p in parts[:k])
            if split_title([t[2] for t in tokens(self.text, offset, end)], self.cues)[1]:
                return self._from_words(offset, end)
        return self._from_words(start, end)

    def _from_words(self, start: int, end: int) -> dict[str, Any] | None:
        words = [t[2] for t in drop_brackets(tokens(self.text, start, end)) if t[2] != ","]
        if any(w.lower() in self.cues.org_heads for w in words):  # "Kedutaan Besar India": an organisation
            words = [w for w in words if w.lower() not in self.cues.determiners]
            return {"name": " ".join(words), "entity": None, "role": None, "country": None}
        role, name = split_title(words, self.cues)
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


def _from_entity(entity: Entity) -> dict[str, Any]:
    return {"name": entity.name, "entity": entity.id, "role": entity.role, "country": entity.country}
