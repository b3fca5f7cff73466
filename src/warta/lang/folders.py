"""Language knowledge as data: one folder per language under `warta/lang/<code>/`.

Each folder holds plain data files (one entry a line, `#` comments), a README naming the
source and licence of each file and an `__init__.py` with its `warta.lang.Language`. Folders are
found in this package and in the `lang_path` setting's folders; the `languages` setting says
which are read. Adding a language means adding a folder; no code changes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

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


DEFAULT_LANGUAGE = "en"  # the language of texts in a language warta does not read


def search_path() -> tuple[Path, ...]:
    """Folders holding language folders: the `lang_path` setting's, then the built-in one."""
    from ..settings import load_settings

    extra = [Path(p).expanduser() for p in str(load_settings()["lang_path"]).split(":") if p.strip()]
    return (*extra, Path(str(resources.files(LANG_PACKAGE))))


@cache
def _folders() -> dict[str, Path]:
    """Every language folder found, by code; a folder of `lang_path` hides a built-in one."""
    found: dict[str, Path] = {}
    for root in search_path():
        if root.is_dir():
            for folder in sorted(root.iterdir()):
                if folder.is_dir() and (folder / "__init__.py").is_file() and not folder.name.startswith("_"):
                    found.setdefault(folder.name, folder)
    return found


def folder_of(code: str) -> Path | None:
    """The data folder of language `code`, if there is one."""
    return _folders().get(code)


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the languages warta reads: the folders found that the `languages` setting names
    (all of them when it is empty), sorted. Read once: stages ask per paragraph."""
    from ..settings import load_settings

    wanted = {c.strip() for c in str(load_settings()["languages"]).split(",") if c.strip()}
    return tuple(sorted(code for code in _folders() if not wanted or code in wanted))


def read_lines(code: str, filename: str) -> list[str]:
    """Non-empty, non-comment lines of a language data file (empty if the file is absent)."""
    folder = folder_of(code)
    path = folder / filename if folder is not None else None
    if path is None or not path.is_file():
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
