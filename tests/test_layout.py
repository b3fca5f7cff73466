"""The code's layout keeps its rules: no private names imported across modules, no import cycle
between the bulk engines, and training never writes into an installed copy."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

SRC = Path(__file__).resolve().parents[1] / "src" / "warta"
# Private names imported across modules (issue 13 made the last ones, quotes/attribution.py's
# helpers, public); the set may only shrink, and it is empty.
KNOWN_PRIVATE_IMPORTS: set[tuple[str, str]] = set()


def private_imports() -> set[tuple[str, str]]:
    """(module, name) for every `from x import _name` in warta's source."""
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                found.update((path.relative_to(SRC).as_posix(), a.name) for a in node.names
                             if a.name.startswith("_") and not a.name.startswith("__"))
    return found


def test_no_new_private_names_are_imported_across_modules() -> None:
    assert private_imports() <= KNOWN_PRIVATE_IMPORTS, sorted(private_imports() - KNOWN_PRIVATE_IMPORTS)


def imports_of(module: Path) -> set[str]:
    """The sibling modules `module` imports (relative imports, anywhere in the file)."""
    names = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            names.add(node.module)
    return names


def test_the_dask_engine_does_not_import_the_engines_that_import_it() -> None:
    bulk = SRC / "bulk"
    assert "dask_engine" in imports_of(bulk / "engines.py")
    assert "engines" not in imports_of(bulk / "dask_engine.py")


def test_training_refuses_to_write_into_an_installed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from warta import cli
    from warta.commands import train

    cli._load_command_modules()
    monkeypatch.setattr(train, "PACKAGE", tmp_path / "site-packages" / "warta")
    result = CliRunner().invoke(cli.app, ["train", "entities", "--data", str(tmp_path)])
    assert result.exit_code != 0 and "not a source checkout" in str(result.exception)


def test_training_code_lives_outside_the_installed_package() -> None:
    """Trainers (spaCy's train, CRFsuite's Trainer) are called only from tools/warta_build, which
    `warta train` loads from a checkout; the wheel ships models, not the code that makes them."""
    trainers = ("spacy.cli.train", "pycrfsuite.Trainer", "crfsuite.Trainer")
    inside = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
              if any(t in p.read_text(encoding="utf-8") for t in trainers)]
    assert inside == []
    tools = SRC.parents[1] / "tools" / "warta_build"
    assert {"entities_id.py", "entities_en.py", "parser_id.py", "parser-id.cfg", "kb.py", "phoenix.py"} <= {p.name for p in tools.iterdir()}
    assert not (SRC / "kb" / "build.py").exists()
