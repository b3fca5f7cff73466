"""Language knowledge as data: one folder per language under `warta/lang/<code>/`.

Each folder holds plain data files (one entry a line, `#` comments) and a README naming the
source and licence of each file. Adding a language means adding a folder; no code changes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANG_PACKAGE = "warta.lang"


@dataclass(frozen=True)
class LanguageData:
    """The data files of one language, parsed."""

    code: str
    boilerplate_paragraphs: tuple[re.Pattern[str], ...]
    boilerplate_inline: tuple[re.Pattern[str], ...]
    boilerplate_tails: tuple[re.Pattern[str], ...]
    abbreviations: frozenset[str]
    camelcase_words: frozenset[str]
    glue_words: frozenset[str]


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the languages that have a data folder (read once: stages ask per paragraph)."""
    root = resources.files(LANG_PACKAGE)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


def read_lines(code: str, filename: str) -> list[str]:
    """Non-empty, non-comment lines of a language data file (empty if the file is absent)."""
    path = resources.files(LANG_PACKAGE) / code / filename
    if not path.is_file():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            lines.append(line.rstrip("\n"))
    return lines


def _patterns(code: str, kind: str) -> tuple[re.Pattern[str], ...]:
    """Patterns of one kind from boilerplate.tsv: lines of `kind<TAB>regex`."""
    found = []
    for line in read_lines(code, "boilerplate.tsv"):
        line_kind, _, regex = line.partition("\t")
        if line_kind.strip() == kind:
            found.append(re.compile(regex.strip(), re.IGNORECASE if kind != "inline-case" else 0))
    return tuple(found)


@cache
def load_language(code: str) -> LanguageData:
    """Parse and cache the data folder of language `code`."""
    return LanguageData(
        code=code,
        boilerplate_paragraphs=_patterns(code, "paragraph"),
        boilerplate_inline=_patterns(code, "inline") + _patterns(code, "inline-case"),
        boilerplate_tails=_patterns(code, "tail"),
        abbreviations=frozenset(w.strip() for w in read_lines(code, "abbreviations.txt")),
        camelcase_words=frozenset(w.strip() for w in read_lines(code, "camelcase.txt")),
        glue_words=frozenset(w.strip().lower() for w in read_lines(code, "glue_words.txt")),
    )
