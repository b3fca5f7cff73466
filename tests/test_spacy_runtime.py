"""spaCy imported without its command line, which stays importable (in a fresh interpreter: the
test process may have imported spaCy already)."""
from __future__ import annotations

import os
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


QUICK_LOAD = """
import os, sys
import spacy.util  # noqa: F401  (a stand-in module must never be imported in its place)
from warta.syntax.parser import load_parser
os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
parser = load_parser("id")
assert parser is not None
assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ, "the Pydantic setting was not given back"
import pydantic.v1  # importable again once spaCy is in
import spacy
exceptions = spacy.blank("id").tokenizer.rules
assert len(exceptions) > 1000, "a later Indonesian tokenizer lost its special cases"
from spacy.lang.id import Indonesian
assert Indonesian.Defaults.tokenizer_exceptions and type(parser.nlp) is not Indonesian
print("ok")
"""


def test_a_quick_load_leaves_spacy_as_it_was_for_everything_else() -> None:
    """Loading the Indonesian parser without its tokenizer's exceptions, Pydantic plugins or
    `pydantic.v1`: a tokenizing Indonesian pipeline made afterwards has every special case, and
    the Pydantic setting and module are back."""
    pytest.importorskip("warta.syntax.quickload")
    done = subprocess.run([sys.executable, "-c", QUICK_LOAD], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_the_quick_parser_parses_as_the_whole_pipeline() -> None:
    """The Indonesian parser loaded quickly tags, attaches and lemmatises a sentence's words as
    the model loaded whole does."""
    from warta.syntax.parser import _model_path, load_parser, set_float_width
    from warta.syntax.runtime import import_spacy

    parser = load_parser("id")
    if parser is None:
        pytest.skip("no Indonesian parser")
    full = import_spacy().load(_model_path(parser.data.model))
    set_float_width(full, "float32")
    from spacy.tokens import Doc

    words = "Presiden Prabowo mengatakan bahwa Indonesia akan membeli 48 jet tempur dari Turki .".split()
    ours, theirs = parser.nlp(Doc(parser.nlp.vocab, words=words)), full(Doc(full.vocab, words=words))
    assert [(t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in ours] == \
        [(t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in theirs]


def test_entry_points_indexed_by_group_are_the_ones_catalogue_had() -> None:
    import catalogue

    from warta.syntax.quickload import EntryPointIndex

    original = catalogue.AVAILABLE_ENTRY_POINTS
    if isinstance(original, EntryPointIndex):
        original = original.found
    index = EntryPointIndex(original)
    for group in ("spacy_architectures", "spacy_loggers", "spacy_factories", "no_such_group"):
        assert list(index.select(group=group)) == list(original.select(group=group))


THREADS = """
import os, sys, threading
from warta.entities.english import load_english
from warta.syntax.parser import load_parser
found = {}
def parser(): found["id"] = load_parser("id")
def ner(): found["en"] = load_english()
threads = [threading.Thread(target=parser), threading.Thread(target=ner)]
[t.start() for t in threads]
[t.join() for t in threads]
assert found["id"] is not None
if found["en"] is not None:
    assert len(found["en"].tokenizer.rules) > 1000, "the English tokenizer lost its special cases"
assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ
import spacy
assert len(spacy.blank("id").tokenizer.rules) > 1000
print("ok")
"""


def test_loads_in_two_threads_at_once_keep_every_tokenizer_whole() -> None:
    """A threaded worker pool: the Indonesian parser (loaded without tokenizer exceptions) and the
    English names model (with its tokenizer) loaded at the same time."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", THREADS], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_the_indonesian_parser_keeps_every_string_its_lemmatizer_edits_name() -> None:
    """Loaded without its string table, the parser still knows each string an edit of its
    lemmatizer replaces or substitutes (and not the 52,000 others)."""
    from warta.syntax.parser import load_parser

    parser = load_parser("id")
    if parser is None:
        pytest.skip("no Indonesian parser")
    trees = parser.nlp.get_pipe("trainable_lemmatizer").trees
    named = [trees[i] for i in range(len(trees)) if "orig" in trees[i]]
    strings = parser.nlp.vocab.strings
    assert named and all(node["orig"] in strings and node["subst"] in strings for node in named)
    assert len(strings) < 10_000


DEFERRED = """
import sys
from warta.syntax.runtime import import_spacy
spacy = import_spacy()
assert "srsly.ruamel_yaml" not in sys.modules and "packaging.markers" not in sys.modules
import srsly, spacy.util
assert srsly.yaml_loads(srsly.yaml_dumps({"a": [1, 2]})) == {"a": [1, 2]}
assert spacy.util.split_requirement("spacy>=3.8,<3.9") == ("spacy", "<3.9,>=3.8")
from packaging.requirements import Requirement
assert isinstance(Requirement("numpy>=2"), Requirement) and sys.modules["packaging.requirements"].__file__
print("ok")
"""


def test_modules_spacy_imports_for_its_command_line_only_come_when_called() -> None:
    """srsly's YAML and packaging's requirements are not imported with spaCy, and work when used."""
    done = subprocess.run([sys.executable, "-c", DEFERRED], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
