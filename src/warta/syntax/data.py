"""What a language's `syntax.tsv` says: which parser, its label scheme and the words the
conversion to Universal Dependencies needs (see warta/lang/en/syntax.tsv); `syntax_clitics.tsv`,
when present, is the clitic table `warta train parser-id` derives from the treebanks."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..lang.folders import available_languages, read_lines


@dataclass(frozen=True)
class SyntaxData:
    """The syntax settings of one language."""

    code: str
    model: str = ""  # an installed spaCy package, or "warta:NAME" for warta/models/NAME
    exclude: tuple[str, ...] = ()
    word_components: tuple[str, ...] = ()  # components that read one word at a time: run once per distinct word
    scheme: str = "ud"  # "clear": spaCy's English labels, converted to UD
    copulas: frozenset[str] = frozenset()
    infinitive: frozenset[str] = frozenset()
    clitics: tuple[str, ...] = ()  # endings split off any token (but `keep` words) as words of their own
    min_stem: int = 1  # what must be left of a token before a clitic
    splits: dict[str, str] = field(default_factory=dict)  # token → its clitic, seen split in the treebanks
    keep: frozenset[str] = frozenset()  # tokens that end like a clitic but are one word
    labels: dict[str, str] = field(default_factory=dict)


@cache
def syntax_data(code: str) -> SyntaxData:
    """Parse `lang/<code>/syntax.tsv` (an empty SyntaxData when the language has none)."""
    if code not in available_languages():
        return SyntaxData(code)
    values: dict[str, list[list[str]]] = {}
    for line in read_lines(code, "syntax.tsv") + read_lines(code, "syntax_clitics.tsv"):
        kind, *rest = [part.strip() for part in line.split("\t")]
        values.setdefault(kind, []).append(rest)
    first = {kind: rows[0][0] for kind, rows in values.items() if rows and rows[0]}
    words = {kind: [row[0] for row in rows if row] for kind, rows in values.items()}
    return SyntaxData(
        code=code, model=first.get("model", ""),
        exclude=_names(first.get("exclude", "")), word_components=_names(first.get("word_components", "")),
        scheme=first.get("scheme", "ud"),
        copulas=frozenset(words.get("copula", ())), infinitive=frozenset(words.get("infinitive", ())),
        # longest first, so "n't" is tried before "'t" would be
        clitics=tuple(sorted(words.get("clitic", ()), key=len, reverse=True)),
        labels={row[0]: row[1] for row in values.get("label", ()) if len(row) >= 2},
        min_stem=int(first.get("min_stem", "1")), keep=frozenset(words.get("keep", ())),
        splits={row[0]: row[1] for row in values.get("split", ()) if len(row) >= 2})


@cache
def clitic_endings() -> tuple[str, ...]:
    """Every ending any language's parser splits off a token as a word of its own ("'s", "nya",
    "lah"): a consumer finding a word the parse will hold looks past them."""
    endings = set()
    for code in available_languages():
        data = syntax_data(code)
        endings.update(data.clitics, data.splits.values())
    return tuple(sorted(endings, key=len, reverse=True))


def _names(value: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in value.split(",") if n.strip())
