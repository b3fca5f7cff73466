"""Languages are objects and data: every folder meets the manifest, and a new language needs no code.

The test language `xx` is `lang/en` copied into a temporary folder with a handful of entries
translated into German, put on the `lang_path` setting: it gives its events, quotes and amounts
through `warta extract` with no code change, as the README's "Adding a language" promises.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_warta

from warta.lang import REQUIRED_FILES, Language, allowed_file, get_language, language_for
from warta.lang.folders import available_languages

SRC = Path(__file__).resolve().parents[1] / "src" / "warta"
LANG = SRC / "lang"


@pytest.mark.parametrize("code", sorted(p.name for p in LANG.iterdir() if p.is_dir() and not p.name.startswith("_")))
def test_every_language_folder_meets_the_manifest(code: str) -> None:
    files = {p.name for p in (LANG / code).iterdir() if p.is_file()}
    assert REQUIRED_FILES <= files, f"lang/{code} lacks {sorted(REQUIRED_FILES - files)}"
    assert all(map(allowed_file, files)), f"lang/{code} holds files no one reads: {sorted(f for f in files if not allowed_file(f))}"
    language = get_language(code)
    assert isinstance(language, Language) and language.code == code
    assert language.decimal != language.thousands and language.tone in ("vader", "lexicon")


def test_every_language_is_read_and_others_fall_back() -> None:
    assert set(available_languages()) == {"en", "id"}  # the `languages` setting's default
    assert language_for("ms").code == "id" and language_for("fr").code == "en" and language_for(None).code == "en"
    assert (language_for("id").decimal, language_for("en").decimal) == (",", ".")


# Comparisons of a language code with a literal: a component that branches on the language.
BRANCH = re.compile(r"""[=!]=\s*["'](?:id|en|ms)["']|\bin\s*[\(\{\[]\s*["'](?:id|en|ms)["']""")
BUILD_TOOLS = {"commands/train.py"}


def test_no_component_branches_on_a_language_code() -> None:
    found = [f"{path.relative_to(SRC)}:{n}: {line.strip()}" for path in sorted(SRC.rglob("*.py"))
             if str(path.relative_to(SRC)) not in BUILD_TOOLS
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if BRANCH.search(line) and not line.lstrip().startswith("for ")]  # a loop over lists is no branch
    assert not found, "\n".join(found)


# --- the test language --------------------------------------------------------------------------

TRANSLATED = {  # file -> lines added (German), the "handful of translated entries"
    "event_extra.tsv": ["trafen|traf|treffen	040	verb", "Gespräche|Gesprächen	040	noun"],
    "event_cues.tsv": ["coordination	und|sowie"],
    "quote_cues.tsv": ["sagte	verb", "erklärte	verb"],
    "amount_words.tsv": ["Millionen	scale	1e6", "Milliarden	scale	1e9"],
    "currencies.tsv": ["Euro	EUR	after"],
}
ARTICLE = """Japan und Iran vereinbaren engere Zusammenarbeit

Japan und Iran trafen sich am Dienstag zu Gesprächen über Handel und Energie in der Region.

“Wir wollen in Zukunft enger zusammenarbeiten und den Handel zwischen unseren Ländern stärken,” sagte der Minister.

Japan hat für die Zusammenarbeit Hilfe im Wert von 5 Millionen Dollar zugesagt, und die beiden Länder wollen bis zum nächsten Jahr Geschäfte über 1,5 Milliarden Euro abschließen.
"""


def make_xx(root: Path) -> Path:
    """lang/en copied as root/xx: identified as German, decimal comma, a few German entries."""
    folder = root / "xx"
    shutil.copytree(LANG / "en", folder, ignore=shutil.ignore_patterns("__pycache__"))
    init = (folder / "__init__.py").read_text(encoding="utf-8")
    init = init.replace('decimal, thousands = ".", ","', 'decimal, thousands = ",", "."')
    init = init.replace('    """English as warta reads it."""\n', '    """A test language."""\n\n    identified_as = ("de",)\n')
    (folder / "__init__.py").write_text(init, encoding="utf-8")
    for name, lines in TRANSLATED.items():
        with open(folder / name, "a", encoding="utf-8") as f:
            f.write("\n" + "\n".join(lines) + "\n")
    return folder


def extract(path: Path, root: Path, languages: str) -> dict:
    env = {**os.environ, "WARTA_LANG_PATH": str(root), "WARTA_LANGUAGES": languages}
    done = run_warta("extract", str(path), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout.decode().splitlines()[0])


def test_a_copied_language_gives_events_quotes_and_amounts_with_no_code_change(tmp_path: Path) -> None:
    make_xx(tmp_path / "langs")
    doc = tmp_path / "artikel.txt"
    doc.write_text(ARTICLE, encoding="utf-8")
    article = extract(doc, tmp_path / "langs", "id,en,xx")
    assert article["language"] == "xx"
    pairs = {(e["type"], frozenset(a["country"] for a in (e["actor1"], e["actor2"]) if a)) for e in article["events"]}
    assert ("CONSULT", frozenset({"JPN", "IRN"})) in pairs, article["events"]
    assert any(q["direct"] and q["text"].startswith("Wir wollen") for q in article["quotes"]), article["quotes"]
    amounts = {(a["value"], a["unit"]) for a in article["amounts"]}
    assert {(5e6, "USD"), (1.5e9, "EUR")} <= amounts, article["amounts"]
    # Without the folder among the languages read, the same text is German read as English.
    plain = extract(doc, tmp_path / "langs", "id,en")
    assert plain["language"] == "de" and (1.5e9, "EUR") not in {(a["value"], a["unit"]) for a in plain["amounts"]}
