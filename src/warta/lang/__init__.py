"""Languages as objects: one folder per language, `lang/<code>/`, as spaCy's `lang/xx`.

A folder holds plain data files (word lists, lexicons, patterns; see MANIFEST) and an
`__init__.py` that defines one `Language` subclass: what is not a word list (decimal and
thousands separators, word order, the stemmer, the full-text search configuration, the taggers).
Components ask the article's Language (`language_for(article.language)`) and never branch on a
language code. Folders are found in this package and in the folders of the `lang_path` setting;
the `languages` setting says which of them warta reads.
"""
from __future__ import annotations

import importlib
import importlib.util
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

from .folders import DEFAULT_LANGUAGE, available_languages, folder_of, load_language, read_lines

# The files a language folder must hold, and those it may hold (names or the README's families of
# names, as fnmatch patterns); nothing else (tests/test_languages.py).
REQUIRED_FILES = frozenset({
    "__init__.py", "README.md", "abbreviations.txt", "boilerplate.tsv", "camelcase.txt", "titles.tsv",
    "entities_honorifics.txt", "entities_stopwords.txt",
    "quote_cues.tsv", "quote_pronouns.tsv", "quote_titles.txt", "quote_org_heads.txt", "quote_words.tsv",
    "amount_words.tsv", "amount_refers.tsv", "currencies.tsv",
    "date_months.tsv", "date_weekdays.tsv", "date_relative.tsv", "date_units.tsv", "date_zones.tsv",
    "event_triggers.tsv", "event_cues.tsv", "event_agent_words.tsv", "event_date_cues.tsv",
    "syntax.tsv",
})
OPTIONAL_FILES = frozenset({
    "glue_words.txt",  # function words scrapers glue to names (glue repair)
    "language_markers.tsv",  # words telling this language from the ones it is confused with
    "language_words.txt",  # function words that show a text is in this language (no identifier needed)
    "tone_words.tsv",  # the tone lexicon (when tone is not VADER's)
    "event_extra.tsv", "event_agents.tsv",  # hand-written triggers read first; generated agent words
    "entities_common.txt", "entities_names.txt", "entities_case_common.txt", "entities_case_names.txt",
    "entities_name_joiners.txt", "entities_org_words.txt", "entities_patterns.tsv", "entities_prefixes.txt",
    "entities_ministries.tsv",  # features and rules of the entity taggers
    # the README's families: a component may read a new file of its family
    "entities_*.txt", "entities_*.tsv", "quote_*.tsv", "quote_*.txt", "amount_*.tsv", "date_*.tsv",
    "event_*.tsv", "tone_*.tsv", "syntax_*.tsv",
})


def allowed_file(name: str) -> bool:
    """Whether a language folder may hold a file of this name (REQUIRED_FILES or OPTIONAL_FILES)."""
    return name in REQUIRED_FILES or any(fnmatch(name, pattern) for pattern in OPTIONAL_FILES)


class Language:
    """What warta knows of one language; a folder's `__init__.py` subclasses it.

    The word lists are the folder's files (`lines`, `words`); the class attributes are the rest.
    """

    code: str = ""  # the folder's name, set when the folder is loaded
    identified_as: tuple[str, ...] = ()  # codes language identification gives it, besides `code`
    confused_with: tuple[str, ...] = ()  # codes told apart from it by language_markers.tsv (Malay for Indonesian)
    also_reads: tuple[str, ...] = ()  # other languages read with this one's data
    decimal: str = "."  # decimal separator of figures
    thousands: str = ","  # thousands separator
    agent_before_country: bool = False  # "Menteri Luar Negeri Indonesia" (True), "Indonesia's foreign minister"
    possessor_after_noun: bool = False  # an event noun takes its doer after it: "serangan Israel"
    entity_tagger: str | None = None  # "crf" (models/ner-<code>.crfsuite), "english" (CRF or spaCy), None
    tone: str = "lexicon"  # "vader", or "lexicon" (tone_words.tsv)
    stemmer: str | None = None  # "sastrawi": the full-text index also holds stems
    search_config: str = "english"  # PostgreSQL text search configuration
    negators: tuple[str, ...] = ()  # words that turn the tone of the next word ("not", "tidak")
    noun_endings: tuple[str, ...] = ()  # endings of derived event nouns ("serangan", "agresi")
    verb_prefixes: tuple[str, ...] = ()  # beginnings of verb forms, which are no such nouns ("menyerang")
    headline_connectors: tuple[str, ...] = ()  # lower-case words inside a title-case headline ("of", "dan")

    def __init__(self, code: str, folder: Path) -> None:
        self.code = code
        self.folder = folder

    def __repr__(self) -> str:
        return f"<Language {self.code} ({type(self).__name__})>"

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code this language's data reads: its own, those it is identified as, and also_reads."""
        return (self.code, *self.identified_as, *self.confused_with, *self.also_reads)

    def lines(self, filename: str) -> list[str]:
        """Non-empty, non-comment lines of one of the folder's files (none when absent)."""
        return read_lines(self.code, filename)

    def words(self, filename: str) -> frozenset[str]:
        """The entries of a one-word-a-line file, stripped."""
        return frozenset(w.strip() for w in self.lines(filename))

    @property
    def abbreviations(self) -> frozenset[str]:
        """Abbreviations that do not end a sentence."""
        return load_language(self.code).abbreviations

    @property
    def parser(self) -> str | None:
        """The spaCy pipeline that parses this language (syntax.tsv's `model`)."""
        return next((line.split("\t")[1].strip() for line in self.lines("syntax.tsv") if line.startswith("model\t")), None)


@cache
def get_language(code: str) -> Language:
    """The Language of the folder `code` (KeyError when no such folder is read)."""
    if code not in available_languages():
        raise KeyError(code)
    folder = folder_of(code)
    assert folder is not None
    module = _module(code, folder)
    found = [obj for obj in vars(module).values()
             if isinstance(obj, type) and issubclass(obj, Language) and obj is not Language
             and obj.__module__ == module.__name__]
    if len(found) != 1:
        raise ValueError(f"{folder / '__init__.py'} must define one Language subclass, not {len(found)}")
    return found[0](code, folder)


def _module(code: str, folder: Path):
    """The folder's module: a package module for the built-in folders, else loaded from its file."""
    if folder.parent == Path(__file__).resolve().parent:
        return importlib.import_module(f"{__name__}.{code}")
    spec = importlib.util.spec_from_file_location(f"warta_lang_{code}", folder / "__init__.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def reader_of(code: str | None) -> Language | None:
    """The Language that reads text in `code`: its folder, else the folder whose codes name it;
    None for a language warta does not read."""
    if code in available_languages():
        return get_language(code)
    return next((lang for lang in languages() if code and code in lang.codes), None)


@cache
def language_for(code: str | None) -> Language:
    """The Language that reads text in `code` (`reader_of`), else the default language (English)."""
    found = reader_of(code)
    if found is not None:
        return found
    return get_language(DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available_languages() else available_languages()[0])


def languages() -> tuple[Language, ...]:
    """Every language warta reads (the `languages` setting), in order."""
    return tuple(get_language(code) for code in available_languages())


@cache
def words_of_all(attribute: str) -> frozenset[str]:
    """One word-list attribute of every language read, together (for rules that read mixed text)."""
    return frozenset(w for lang in languages() for w in getattr(lang, attribute))


__all__ = ["OPTIONAL_FILES", "REQUIRED_FILES", "Language", "allowed_file", "get_language", "language_for", "languages", "reader_of",
           "words_of_all"]
