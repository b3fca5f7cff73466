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
