"""Attribution cues of a language, read from `lang/<code>/quote_*` data files.

`quote_cues.tsv` lists speech verbs and phrases with their kind (verb, pronoun, prep,
quote-source), `quote_pronouns.tsv` the pronouns that stand for a speaker and the kind of
speaker they stand for, `quote_titles.txt` the titles and role words that precede a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import islice

from ..lang.folders import available_languages, read_lines

# A word (letters, inner apostrophes and hyphens, a final dot for "Mr."), a number, or one mark.
TOKEN = re.compile(r"(?:Mrs?|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Capt|Sgt|Del|Adm|Maj|Amb|Supt|Cmdr)\.(?=\s)"
                   r"|[A-Z]\.(?=\s[A-Z])"  # a middle initial: John D. Podesta
                   r"|[^\W\d_](?:[\w’']|-(?=\w))*|\d(?:[\d.,]*\d)?|[^\w\s]")  # "82," is a number and a comma
SENTENCE_END = frozenset(".!?…")
QUOTE_MARKS = frozenset("“”„«»‹›‘’\"'`")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Cues:
    """Attribution knowledge of one language (or of all, merged)."""

    verbs: frozenset[str]
    pronoun_verbs: frozenset[str]
    preps: tuple[tuple[str, ...], ...]  # multi-word phrases as word tuples: ("according", "to")
    sources: frozenset[str]
    pronouns: dict[str, str]
    titles: frozenset[str]
    complementisers: frozenset[str]  # "that", "bahwa": open the reported clause
    org_heads: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    descriptors: frozenset[str] = frozenset()
    not_clause: frozenset[str] = frozenset()
    naming: frozenset[str] = frozenset()  # "berjudul", "titled": quote marks after them hold a name
    connectives: frozenset[str] = frozenset()  # "Sementara", "Meanwhile": start a sentence, name no one
    demonstratives: frozenset[str] = frozenset()  # "ini", "tersebut": "kata menteri ini" points back
    honorifics: frozenset[str] = frozenset()  # "Mr", "Pak": the next word is a name ("Mr. King")
    indefinites: frozenset[str] = frozenset()  # "a spokesman", "seorang pejabat": someone not named before
    affiliations: frozenset[str] = frozenset()  # "of", "for": "Morgan of the Sierra Club" is Morgan
    connectors: frozenset[str] = frozenset()  # "of", "bin", "untuk": join the words of a name or role
    determiners: frozenset[str] = frozenset()  # "the", "sang": may stand before a speaker
    relatives: frozenset[str] = frozenset()  # "who", "yang": "Lamrani, who said …"
    genders: dict[str, str] = field(default_factory=dict)  # "she", "Mrs", "Maria" -> female (quote_gender.tsv)
    title_joiners: frozenset[str] = frozenset()  # "of", "dan": join the words of a title opening a sentence
    source_preps: frozenset[str] = frozenset()  # "from", "dari": "kutip TASS dari pernyataan Shoigu"
    documents: frozenset[str] = frozenset()  # "statement", "pernyataan": "issued a statement warning"
    possessives: frozenset[str] = frozenset()  # "'s": "Whitfield's contact said" names the contact

    def verb_pronoun(self, verb: str) -> str:
        """The kind of the pronoun glued to a speech verb ("katanya": the kind of "nya"), PERSON
        when no listed pronoun ends it."""
        low = verb.lower()
        return next((kind for word, kind in self.pronouns.items() if low.endswith(word) and low != word), "PERSON")

    @cached_property
    def openers(self) -> frozenset[str] | None:
        """Words that reported speech cannot do without: the speech verbs and the first words of
        phrases like "according to"; None unless each is a word of letters only (then a token
        of one is a whole run of letters in the text, which a quick test can look for)."""
        words = self.verbs | {phrase[0] for phrase in self.preps if phrase}
        return frozenset(words) if all(_LETTERS.fullmatch(w) for w in words) else None

    def is_cue(self, word: str) -> bool:
        """True for any single-word cue."""
        low = word.lower()
        return low in self.verbs or low in self.pronoun_verbs or low in self.sources


@cache
def load_cues(code: str | None) -> Cues:
    """Cues of language `code`; None (or an unknown code) merges every language."""
    codes = (code,) if code in available_languages() else available_languages()
    verbs, pverbs, sources, preps = set(), set(), set(), set()
    pronouns: dict[str, str] = {}
    titles: set[str] = set()
    heads: set[str] = set()
    words: dict[str, set[str]] = {}
    genders: dict[str, str] = {}
    for c in codes:
        for line in read_lines(c, "quote_cues.tsv"):
            word, _, kind = (part.strip() for part in line.partition("\t"))
            {"verb": verbs, "pronoun": pverbs, "quote-source": sources}.get(kind, set()).add(word.lower())
            if kind == "prep":
                preps.add(tuple(word.lower().split()))
        for line in read_lines(c, "quote_pronouns.tsv"):
            word, _, kind = (part.strip() for part in line.partition("\t"))
            pronouns[word.lower()] = kind or "PERSON"
        titles.update(t.strip().lower().rstrip(".") for t in read_lines(c, "quote_titles.txt"))
        heads.update(t.strip().lower() for t in read_lines(c, "quote_org_heads.txt"))
        for line in read_lines(c, "quote_gender.tsv"):
            word, _, gender = (part.strip() for part in line.partition("\t"))
            genders.setdefault(word.lower(), gender)
        for line in read_lines(c, "quote_words.tsv"):
            word, _, kind = (part.strip() for part in line.partition("\t"))
            words.setdefault(kind, set()).add(word.lower())
    return Cues(frozenset(verbs), frozenset(pverbs), tuple(sorted(preps, key=len, reverse=True)),
                frozenset(sources), pronouns, frozenset(titles), frozenset(words.get("complementiser", ())),
                frozenset(heads), frozenset(words.get("adverb", ())), frozenset(words.get("descriptor", ())),
                frozenset(words.get("not-clause", ())), frozenset(words.get("naming", ())),
                frozenset(words.get("connective", ())), frozenset(words.get("demonstrative", ())),
                frozenset(words.get("honorific", ())), frozenset(words.get("indefinite", ())),
                frozenset(words.get("affiliation", ())), frozenset(words.get("connector", ())),
                frozenset(words.get("determiner", ())), frozenset(words.get("relative", ())), genders,
                title_joiners=frozenset(words.get("title-joiner", ())),
                source_preps=frozenset(words.get("source-prep", ())),
                documents=frozenset(words.get("document", ())),
                possessives=frozenset(words.get("possessive", ())))


def name_connectors() -> frozenset[str]:
    """The connectors of every language: a name in one language's article may be written with
    another's particles ("Osama bin Laden", "Ursula von der Leyen")."""
    return load_cues(None).connectors


@cache
def title_lead() -> re.Pattern[str]:
    """Capitalised words, the title joiners of every language between them (a title may be written
    in another language's words, as a name may) and short brackets: the title before a name that
    opens a sentence ("Menteri Luar Negeri (Menlu) ", "Secretary of State ")."""
    joiners = "|".join(re.escape(w) for w in sorted(load_cues(None).title_joiners, key=len, reverse=True))
    joined = rf"|(?:{joiners})\s+(?=[A-Z])" if joiners else ""
    return re.compile(rf"(?:[A-Z][\w.-]*\s+{joined}|\([^)]{{1,20}}\)\s+)*")


def tokens(text: str, start: int, end: int, *, limit: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, token) of text[start:end]; only the first `limit` tokens when given."""
    return [(m.start(), m.end(), m.group()) for m in islice(TOKEN.finditer(text, start, end), limit)]


def is_name_word(word: str) -> bool:
    """A capitalised word (Jalali, Eva-Marie, McCain, AS) that can belong to a name."""
    return word[:1].isupper() and word[:1].isalpha()
