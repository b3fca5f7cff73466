"""Read people and their latest CAMEO code from the Phoenix country actor dictionary (MIT).

An entry is a name line (`VLADIMIR_PUTIN_  # CountryInfo.txt`), `+` alias lines and indented
`[RUSGOV >080508]` code lines with date ranges; the open-ended or latest-ending code is the
one in force when the dictionary was made (2014), which is the best Phoenix can say.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_CODE = re.compile(r"\[([A-Z]{3}[A-Z]*)(?:\s+([<>]?)(\d{6})?(?:-(\d{6}))?)?\]")
# Aliases with a title or a description are not names: "PRESIDENT_PUTIN_", "RUSSIAN_PRIME_MINISTER_..."
_TITLE_WORDS = frozenset([
    "PRESIDENT", "MINISTER", "PRIME", "KING", "QUEEN", "PRINCE", "GENERAL", "GEN", "COLONEL",
    "SECRETARY", "CHIEF", "LEADER", "AMBASSADOR", "SENATOR", "GOVERNOR", "MAYOR", "FORMER",
    "DEPUTY", "VICE", "SPEAKER", "CHAIRMAN", "MR", "MRS", "MS", "DR", "SHEIKH", "EMIR", "SULTAN",
    "AYATOLLAH", "RUSSIAN", "AMERICAN", "CHINESE", "BRITISH", "FRENCH", "IRANIAN", "ISRAELI",
    "SAINT", "ST",
])


@dataclass(frozen=True)
class PhoenixPerson:
    """One person of the dictionary: display name, latest code and plain-name aliases."""

    name: str
    cameo: str
    aliases: tuple[str, ...]


def _display(raw: str) -> str:
    """VLADIMIR_V._PUTIN_ -> Vladimir V. Putin (Phoenix keeps names upper-case)."""
    words = [w for w in raw.strip().strip("_").split("_") if w]
    return " ".join(w.capitalize() for w in words)


def _latest_code(codes: list[tuple[str, str, str, str]]) -> str | None:
    """The code in force last: open-ended (`>date`) first, else the latest end date."""
    best: tuple[str, str] | None = None
    for code, mark, start, end in codes:
        key = ("9" + (start or "")) if mark == ">" else (end or "")
        if key and (best is None or key > best[0]):
            best = (key, code)
    return best[1] if best else None


def _name_alias(raw: str, surname: str) -> str | None:
    words = [w for w in raw.strip().strip("_").split("_") if w]
    if len(words) < 2 or words[-1] != surname or _TITLE_WORDS & set(words):
        return None
    return _display(raw)


def _blocks(path: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """Yield (name, alias lines, code lines) for every person entry."""
    name, aliases, codes = None, [], []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("+"):
            aliases.append(line[1:].split("#")[0].strip())
        elif line[0].isspace():
            codes.append(line.strip())
        else:
            if name and codes:
                yield name, aliases, codes
            head = line.split("#")[0].strip()
            name, aliases, codes = (head if "CountryInfo" in line else None), [], []
    if name and codes:
        yield name, aliases, codes


def phoenix_people(path: Path) -> Iterator[PhoenixPerson]:
    """People with at least two name words and a dated code."""
    for raw, alias_lines, code_lines in _blocks(path):
        words = [w for w in raw.strip("_").split("_") if w]
        if len(words) < 2 or not all(re.fullmatch(r"[A-Z][A-Z.'-]*", w) for w in words):
            continue
        codes = [m.groups(default="") for line in code_lines for m in _CODE.finditer(line)]
        code = _latest_code(codes)
        if not code:
            continue
        aliases = sorted({a for a in (_name_alias(x, words[-1]) for x in alias_lines) if a and a != _display(raw)})
        yield PhoenixPerson(_display(raw), code, tuple(aliases))
