"""spaCy imported without its command line, which stays importable (in a fresh interpreter: the
test process may have imported spaCy already)."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("spacy")

SCRIPT = """
import sys
from warta.syntax.runtime import import_spacy
spacy = import_spacy()
assert "spacy.cli" not in sys.modules and "weasel" not in sys.modules, "the command line was imported"
nlp = spacy.blank("en")
assert [t.text for t in nlp("It works.")] == ["It", "works", "."]
from spacy.cli.train import train  # the real command line, still there for `warta train`
import spacy.cli
assert callable(train) and hasattr(spacy.cli, "download")
print("ok")
"""


def test_spacy_without_its_command_line_and_the_command_line_after() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_a_parser_loaded_without_its_tokenizer_parses_words_as_before() -> None:
    """The parser takes Docs of warta's words: an empty tokenizer in place of the language's gives
    the same tags, heads and relations."""
    from warta.syntax.parser import load_parser
    from warta.syntax.runtime import import_spacy

    parser = load_parser("en")
    if parser is None:
        pytest.skip("no English parser installed")
    assert not parser.nlp.tokenizer.rules  # the language's special cases were never built
    spacy = import_spacy()
    full = spacy.load(parser.data.model, exclude=list(parser.data.exclude))
    from spacy.tokens import Doc

    words = "Indonesia and Russia didn't sign the deal , officials said on Tuesday .".split()
    ours, theirs = parser.nlp(Doc(parser.nlp.vocab, words=words)), full(Doc(full.vocab, words=words))
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in ours] == [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in theirs]


def test_a_spacy_that_needs_more_of_its_command_line_is_imported_whole() -> None:
    """Should spaCy's __init__ import more than `info` from its command line, the stand-in fails it:
    spaCy is then imported as usual, never left half-imported."""
    script = """
import sys, builtins
real_import = builtins.__import__
def strict(name, globals=None, locals=None, fromlist=(), level=0):
    module = real_import(name, globals, locals, fromlist, level)
    if level == 1 and name == "cli.info" and getattr(module, "__file__", None) is None:  # the stand-in
        raise ImportError("cannot import name 'download' from 'spacy.cli.info'")
    return module
builtins.__import__ = strict
from warta.syntax.runtime import import_spacy
spacy = import_spacy()
builtins.__import__ = real_import
assert "spacy.cli" in sys.modules and spacy.blank("en")("a b").text == "a b"
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
