"""Read organisations from the Phoenix international and non-state actor dictionaries (MIT).

`Phoenix.International.actors.txt` holds intergovernmental bodies, NGOs, multinational companies
and media (IGOEUREEC, NGOHRIAMN, MNCUSA…), `Phoenix.MilNonState.actors.txt` rebel and militant
groups (LBNHEZ, IMGMUSALQ…). An entry is a name line (`UNITA_ [ANGREB]`), `+` alias lines and
code lines (`\t[IGOWSTNAT]`, dated as in the country file). Both files also list people (the
bodies' leaders, a group's founder); those are left out here: the knowledge base takes people
from the country dictionary.

Names are upper case with underscores; they are written back in title case ("Kurdistan
Workers' Party"), a bracketed acronym ("(MILF)") becomes an alias of its own, and names that
would match ordinary text are dropped (see `usable`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_CODE = re.compile(r"\[([A-Z]{3}[A-Z]*)(?:\s+([<>]?)(\d{6,8})?(?:-(\d{6,8}))?)?\s*\]")
# Prefixes of CAMEO actor codes that name no country even where they spell an ISO code (IGOWST…
# is "the West", not Samoa); NGO and MNC codes carry their country after the prefix (MNCUSA).
NON_STATE_PREFIXES = ("IGO", "IMG", "INT", "MED", "NGO", "MNC")
COUNTRY_AFTER = ("NGO", "MNC")
SMALL_WORDS = frozenset("a an and at by de del der des di du et for from in la las le les los of on or the to y van von".split())
# Words that make an alias describe people, a statement or a relation rather than name a body:
# "WORLD_BANK_PRESIDENT", "AL_QAEDA_OPERATIVES", "QATAR-BASED_BROADCASTER_AL-JAZEERA", "AL_QAIDA_OFFSHOOT".
DESCRIPTIVE = frozenset("""
affiliated affiliate ambassador based broadcaster chairman chief commander delegate delegates delegation
director envoy extremist extremists fighter fighters former guerrilla guerrillas head journalist journalists leader leaders
linked member members militant militants minister offshoot official officials operative operatives
peacekeeper peacekeepers president reporter reporters representative secretary spokesman spokeswoman
spokesperson supporters sympathizers sg secy sec gen mr mrs dr sheikh sheik sayyid sayyed seyyed general colonel ministers presidents
chiefs commanders envoys ambassadors representatives spokesmen secretaries directors chairmen monitor monitors
""".split())
# The first words of people's names in the dictionaries ("GRAEME_WHEELER_"): an entry of two to
# four words that starts with one of these and has no word an organisation's name has is a person.
ORG_WORDS = frozenset("""
academy action agency aid alert alliance army assembly association authority bank bancorp battalion board
brigade brigades brotherhood bureau campaign cartel cell cells center centre charities church coalition
command commission committee communications community company conference congress corp corporation council
court faction federation fellowship force forces forum foundation front fund gang group guard holdings inc
industries institute international jihad league liberation limited ltd media mission missions movement
mujahideen nation network nuclei nucleus office organisation organization partners party plc program
programme project relief resistance rights service services society solutions solidarity sons systems
tribunal trust union university unit watch worldwide
""".split())
# Company suffixes news leaves out: "Applied Materials, Inc" is "Applied Materials".
COMPANY_SUFFIXES = frozenset("ag co corp corporation inc inc. l.p. llc lp ltd ltd. n.v. nv plc s.a. s.p.a. sa".split())
_INITIAL = re.compile(r"[A-Z]\.?|(?:[A-Z]\.\s?){2,3}")  # "R.", "R", "R.K." (not "RED")


@dataclass(frozen=True)
class PhoenixOrg:
    """One organisation: display name, CAMEO code in force last, its country and aliases."""

    name: str
    cameo: str
    country: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One record of a Phoenix actor file: its phrases (name first) and code groups."""

    phrases: tuple[str, ...]
    codes: tuple[tuple[str, str, str, str], ...]
    comment: str


def entries(path: Path) -> Iterator[Entry]:
    """Every record of an actor file, in file order."""
    phrases: list[str] = []
    codes: list[tuple[str, str, str, str]] = []
    comment = ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, note = line.partition("#")
        if not body.strip():
            continue
        found = [m.groups(default="") for m in _CODE.finditer(body)]
        if line.startswith("+"):
            phrases += [p for p in body[1:].split("+") if p.strip()]  # "A_+B_": two aliases run together
        elif line[0].isspace():
            codes += found  # an indented name ("\tJOHN_MCCLOY_ [..]") adds its codes only
        else:
            if phrases and codes:
                yield Entry(tuple(phrases), tuple(codes), comment)
            phrases, codes, comment = [body.split("[")[0]], found, note
            continue
        comment += note
    if phrases and codes:
        yield Entry(tuple(phrases), tuple(codes), comment)


def _date(value: str) -> str:
    """YYMMDD or YYYYMMDD -> YYYYMMDD (two-digit years up to 30 are this century's)."""
    if len(value) == 6:
        return ("20" if value[:2] <= "30" else "19") + value
    return value


def latest_code(codes: tuple[tuple[str, str, str, str], ...]) -> str | None:
    """The code in force last: open-ended (`>date`, the latest start), else an undated default
    (in force once every range has ended), else the range that ends latest."""
    def rank(group: tuple[str, str, str, str]) -> tuple[int, str]:
        code, mark, start, end = group
        if mark == ">":
            return (3, _date(start))
        if not start and not end:
            return (2, "")
        return (1, _date(end or start)) if mark != "<" else (0, _date(start))

    usable = [g for g in codes if g[0] != "---"]
    return max(usable, key=rank)[0] if usable else None


def country_of(code: str, countries: frozenset[str]) -> str:
    """The ISO 3166 alpha-3 country a code belongs to: LBNHEZ -> LBN, MNCUSA -> USA, IGOWSTNAT -> ""."""
    if code[:3] in countries and not code.startswith(NON_STATE_PREFIXES):
        return code[:3]
    if code.startswith(COUNTRY_AFTER) and code[3:6] in countries:
        return code[3:6]
    return ""


def _word(raw: str, first: bool) -> str:
    """One word in title case: "AL-QAEDA" Al-Qaeda, "WORKERS'" Workers', "OF" of, "U.N." U.N."""
    low = raw.lower()
    if low in SMALL_WORDS and not first:
        return low
    if "." in raw.strip(".") or not re.search(r"[AEIOUY]", raw) and len(re.sub(r"\W", "", raw)) >= 2:
        return raw  # initials and acronyms without vowels (U.N., NGO, PKK) keep their capitals
    return "-".join(part[:1].upper() + part[1:].lower() for part in raw.split("-"))


def display(phrase: str) -> tuple[str, list[str]]:
    """A phrase of the dictionary as written in news, and the acronyms it brackets:
    "MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_" -> ("Moro Islamic Liberation Front", ["MILF"])."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
    acronyms = [w.strip("()") for w in words if w.startswith("(")]
    words = [w.strip(",;:") for w in words if not (w.startswith("(") or w.endswith(")"))]
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and (len(words[-1]) == 1 or words[-1].lower() in SMALL_WORDS):
        words = words[:-1]  # cut off mid-word in the company list: "ANNTAYLOR_STORES_C"
    if len(words) == 1 and len(words[0]) <= 5 and words[0].isalpha():
        # UNITA, FARC: a short single word is an acronym, matched in capitals only ("Eyal" is a name, not EYAL)
        return words[0].upper(), acronyms
    return " ".join(_word(w, n == 0) for n, w in enumerate(words)), acronyms


def is_person(entry: Entry, given_names: frozenset[str], ordinary: Callable[[str], bool] = lambda w: False) -> bool:
    """Whether a record names a person: dated codes (a term of office), the bodies' rulers list,
    or a name that looks like a person's (`person_name`)."""
    if "rulers" in entry.comment or any(start or end for _, _, start, end in entry.codes):
        return True
    company = any(code.startswith("MNC") for code, *_ in entry.codes)
    raw = [w for w in re.split(r"[_\s]+", entry.phrases[0].strip()) if w]
    if any(code.startswith(("IGO", "IMG")) for code, *_ in entry.codes) and _bare_name(raw, ordinary):
        return True  # "GILLIAN_MELLSOP_ [IGOUNOKID]": the bodies' and networks' lists name their people
    return person_name(raw, given_names, ordinary, company=company)


def _bare_name(raw: list[str], ordinary: Callable[[str], bool]) -> bool:
    """Two or three plain words, none of them an ordinary or a small word or one of an
    organisation's name: how a person is named."""
    words = [w.lower() for w in raw]
    plain = all(w.isalpha() and w not in SMALL_WORDS and not ordinary(w) for w in words)
    return 2 <= len(words) <= 3 and plain and not ORG_WORDS & set(words)


def person_name(raw: list[str], given_names: frozenset[str], ordinary: Callable[[str], bool] = lambda w: False, *,
                company: bool = False) -> bool:
    """Whether words name a person: initials ("R.K._PACHAURI_", "ASHFAQ_M_WANI_"), or — outside
    the companies ("MORGAN_STANLEY_") — a given name and no word an organisation's name has
    ("GRAEME_WHEELER_", "HASSAN_NASRALLAH"; not "RED_CRESCENT_": a given name that is an ordinary
    word is not taken for one)."""
    raw = [w for w in raw if w]
    words = [w.lower() for w in raw]
    if not 2 <= len(words) <= 4 or ORG_WORDS & set(words):
        return False
    if len(raw) == 2 and _INITIAL.fullmatch(raw[0]) or len(raw) == 3 and re.fullmatch(r"[B-DF-HJ-NP-TV-Z]\.?", raw[1]):
        return True
    return words[0] in given_names and not ordinary(words[0]) and not company


# Names in the dictionaries that are a kind of actor, not one body's name.
NOT_NAMES = frozenset("igo mnc mncs ngo ngos".split())


def usable(alias: str, ordinary: Callable[[str], bool]) -> bool:
    """Whether an alias may be matched in text without matching ordinary words: Latin letters,
    no word describing people ("… President", "… operatives"), not an ordinary word alone
    ("YOUTH", "HOUSE"), an acronym of three letters or more, and not one or two ordinary
    words with small words ("Party of God", "Operation Mercy")."""
    words = alias.split()
    lower = [w.lower() for w in words]
    if not alias.isascii() or not any(c.isalpha() for c in alias) or DESCRIPTIVE & set(lower):
        return False
    if len(words) == 1:
        bare = re.sub(r"[^a-z]", "", lower[0])
        return len(bare) >= 3 and bare not in NOT_NAMES and not ordinary(lower[0]) and not ordinary(bare)
    content = [w for w in lower if w not in SMALL_WORDS]
    return len(content) > 2 or not all(ordinary(w) for w in content)


def organisation(entry: Entry, countries: frozenset[str], ordinary: Callable[[str], bool],
                 given_names: frozenset[str] = frozenset()) -> PhoenixOrg | None:
    """The organisation a record names, with its usable aliases (a leader the record lists among
    them, "HASSAN_NASRALLAH", is left out); None when nothing is left."""
    code = latest_code(entry.codes)
    if code is None:
        return None
    names: list[str] = []
    people = [p for p in entry.phrases if person_name(re.split(r"[_\s]+", p.strip()), given_names, ordinary)]
    surnames = {display(p)[0].split()[-1] for p in people}
    for phrase in entry.phrases:
        if phrase in people or display(phrase)[0] in surnames:
            continue
        shown, acronyms = display(phrase)
        short = shown.split()
        while len(short) > 1 and short[-1].lower().strip(",") in COMPANY_SUFFIXES | {"and"}:
            short = short[:-1]
        # without its suffix a name must keep two words: "RAND_CORPORATION_" is not "Rand" (Paul);
        # a bracketed acronym of three letters is too often something else ("KGK" a bomb kit)
        names += [" ".join(short).strip(",") if len(short) > 1 else shown, shown]
        names += [a for a in acronyms if a.isupper() and a.isalpha() and 4 <= len(a) <= 6]
        if len(shown) == 5 and shown.isalpha() and shown.isupper() and len(re.findall("[AEIOU]", shown)) >= 2:
            names.append(shown.capitalize())  # five letters and two vowels read as a word: "Oxfam", "Unita"
    listed = "$" in entry.comment  # the bulk list of listed companies ("# Semiconductors $14,000,000,000")
    names = list(dict.fromkeys(n for n in names if usable(n, ordinary) and not (listed and " " not in n)))
    if not names:
        return None
    return PhoenixOrg(names[0], code, country_of(code, countries), tuple(names[1:]))


def phoenix_orgs(paths: list[Path], *, countries: frozenset[str], ordinary: Callable[[str], bool],
                 given_names: frozenset[str]) -> Iterator[PhoenixOrg]:
    """The organisations of the actor files, people left out; `ordinary` tells an ordinary
    word of the news' languages, `given_names` the first words of people's names."""
    for path in paths:
        for entry in entries(path):
            if not is_person(entry, given_names, ordinary):
                org = organisation(entry, countries, ordinary, given_names)
                if org is not None:
                    yield org
