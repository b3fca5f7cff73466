"""Build `warta/kb/surnames.tsv`: the country a person named by surname or by title and surname
acts for ("President Bush", "Chirac"), from the Phoenix country actor dictionary (MIT).

The entity index keeps full names only (a surname alone names many people). The event coder
reads this table for a person mention the index could not link: a key is a surname, or the
title and surname of a Phoenix alias line ("PRESIDENT_BUSH_", "SECRETARY_OF_STATE_RICE"), and
is written only when every person it can name acts for one country. Each row keeps the years
that person's codes span, so that an article dated outside them is not read as that person.

Run: `PYTHONPATH=tools python -m warta_build.surnames [--phoenix FOLDER]`.
"""
from __future__ import annotations

import argparse
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path


KB_DIR = Path(__file__).resolve().parents[2] / "src" / "warta" / "kb"
DEFAULT_PHOENIX = Path(os.environ.get("WARTA_SHARED") or KB_DIR.parents[3] / "shared") / "corpus" / "lexicons" / "phoenix"
HEADER = ("# key\tcountry\tcode\tfirst year\tlast year (empty: open)\n"
          "# Derived from Phoenix.Countries.actors.txt of openeventdata/petrarch2 (MIT License,\n"
          "# Copyright (c) 2014 Open Event Data Alliance); built by tools/warta_build/surnames.py.\n")
PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "le", "la", "du", "di"})


def blocks(path: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """(name, alias lines, code lines) of every person entry (`NAME_  # CountryInfo.txt`); a
    line before the codes without the `+` of an alias is an alias too (some entries lack it)."""
    name, aliases, codes = None, [], []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0].isspace():
            codes.append(line.strip())
        elif name and not codes and "CountryInfo" not in line:
            aliases.append(line.lstrip("+").split("#")[0].strip())
        else:
            if name and codes:
                yield name, aliases, codes
            name, aliases, codes = (line.split("#")[0].strip() if "CountryInfo" in line else None), [], []
    if name and codes:
        yield name, aliases, codes


def key(words: list[str]) -> str:
    """Lower case, no accents, hyphens as spaces: "AL-BASHIR" -> "al bashir"."""
    text = unicodedata.normalize("NFKD", " ".join(words).replace("-", " ").replace("_", " "))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def year(date: str) -> int | None:
    """Phoenix's YYMMDD (or YYYYMMDD) as a year: 55 -> 1955, 05 -> 2005."""
    if len(date) == 8:
        return int(date[:4])
    if len(date) == 6:
        yy = int(date[:2])
        return 2000 + yy if yy <= 30 else 1900 + yy
    return None


def span(code_lines: list[str]) -> tuple[str, int | None, int | None] | None:
    """The latest code with the first and last year of all codes (last None: open-ended)."""
    groups = [m.groups(default="") for line in code_lines for m in re.finditer(
        r"\[([A-Z]{3}[A-Z]*)(?:\s+([<>]?)(\d{6,8})?(?:-(\d{6,8}))?)?\]", line)]
    dated = [g for g in groups if g[2] or g[3]]
    if not dated:
        return None
    starts = [year(g[2]) for g in dated if g[2] and g[1] != "<"]
    ends = [year(g[3] or g[2]) for g in dated if g[3] or g[1] == "<"]
    open_ended = any(g[1] == ">" or (g[2] and not g[3] and g[1] != "<") for g in dated)
    latest = max(dated, key=lambda g: ("9" if g[1] == ">" else "") + (g[3] or g[2]))[0]
    return latest, min(starts, default=None), None if open_ended or not ends else max(ends)


def person_keys(raw: str, aliases: list[str], closed: bool) -> set[str]:
    """The surname and the title-and-surname aliases of one person."""
    words = [w for w in re.split(r"[_\s]+", raw.strip("_ ")) if w]
    surname = key(words[-1:])
    # a bare surname for people whose years end (a modern article's date then rules them out) or
    # whom the dictionary gives other names too (the well-known ones): not for everyone still in
    # office in 2014 ("Domagoj Ivan Milosevic"), whose surname a 2025 article may give anyone
    found = {surname} if len(words) >= 2 and len(surname) > 2 and (aliases or closed) else set()
    name_words = {key([w]) for w in words}
    for alias in aliases:
        alias_words = [key([w]) for w in re.split(r"[_\s]+", alias.strip("_ ")) if w]
        if len(alias_words) >= 2 and alias_words[-1] == surname and not name_words & set(alias_words[:-1]):
            found.add(" ".join(alias_words))
    return found


def build(phoenix: Path, out: Path) -> int:
    """Write the table; return its number of keys."""
    named: dict[str, list[tuple[str, str, int | None, int | None]]] = defaultdict(list)
    given: set[str] = set()  # first words of names: "Kim", "Lee" open Korean and Chinese names
    for raw, aliases, codes in blocks(phoenix / "Phoenix.Countries.actors.txt"):
        given.add(key(re.split(r"[_\s]+", raw.strip("_ "))[:1]))
        found = span(codes)
        if found is None or not re.fullmatch(r"[A-Z][A-Z.'_ -]*", raw.strip()):
            continue
        code, first, last = found
        for k in person_keys(raw, aliases, last is not None):
            if k.split()[-1] not in PARTICLES:
                named[k].append((code[:3], code, first, last))
    rows = []
    for k, people in sorted(named.items()):
        if len({country for country, *_ in people}) != 1 or k in given:
            continue  # a surname of people of several countries names none of them
        firsts = [p[2] for p in people if p[2] is not None]
        lasts = [p[3] for p in people]
        last = None if None in lasts else max(lasts)
        rows.append(f"{k}\t{people[0][0]}\t{people[0][1]}\t{min(firsts) if firsts else ''}\t{last or ''}\n")
    out.write_text(HEADER + "".join(rows), encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    """Build surnames.tsv into `warta/kb/`."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX, help="folder of the Phoenix dictionaries")
    args = parser.parse_args(argv)
    if not (args.phoenix / "Phoenix.Countries.actors.txt").is_file():
        parser.error(f"{args.phoenix}: no Phoenix dictionaries there")
    print(f"surnames.tsv: {build(args.phoenix, KB_DIR / 'surnames.tsv')} keys")


if __name__ == "__main__":
    main()
