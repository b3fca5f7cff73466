"""spaCy imported without its command line, and pipelines loaded without a tokenizer.

`spacy/__init__.py` imports `spacy.cli` only to offer `spacy.info`, and with it typer, weasel,
httpx, rich, pygments and jinja2: a third of spaCy's import time, paid by every process that
parses a sentence (the first result of `warta extract` on an English page). While spaCy is
imported, a stand-in takes the command line's place; it is removed right after, so that
`import spacy.cli` (`warta train`) loads the real one, and `spacy.info` still calls the real one.

warta never asks a parser to tokenise: it builds each sentence's `Doc` from its own words. A
pipeline is loaded with an empty tokenizer in place of its language's (thousands of special cases
built and read from disk: half the load time of en_core_web_sm); the parses are the same. What
else is skipped while spaCy is imported and a pipeline loads is in `warta.syntax.quickload`.
"""
from __future__ import annotations

import sys
import types
from typing import Any

from .quickload import (LOADING, decoders_listed_once, deferred_modules, index_entry_points, tokenizerless,
                        without_pydantic_plugins, without_pydantic_v1)


def import_spacy() -> Any:
    """The `spacy` module, imported (once) without importing `spacy.cli`."""
    with LOADING:
        if "spacy" in sys.modules or "spacy.cli" in sys.modules:
            import spacy

            return spacy
        return _import_spacy()


def _import_spacy() -> Any:
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `spacy.cli.info` is looked up in sys.modules
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        index_entry_points()
        with without_pydantic_plugins(), without_pydantic_v1(), deferred_modules():
            import spacy
    except ImportError:  # a spaCy that wants more of its command line: forget the attempt, import it whole
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy

        return spacy
    finally:
        for name, stand_in in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        package = sys.modules.get("spacy")
        if package is not None and getattr(package, "cli", None) is cli:
            delattr(package, "cli")
    return spacy


WORDS_TOKENIZER = "warta.words_only.v1"


def load_pipeline(name: str, exclude: list[str]) -> Any:
    """The spaCy pipeline `name` (a package or a folder) without the components in `exclude`, and
    with an empty tokenizer: it takes `Doc`s only."""
    spacy = import_spacy()
    exclude = [*exclude, "tokenizer"]
    config = {"nlp": {"tokenizer": {"@tokenizers": WORDS_TOKENIZER}}}
    with LOADING:
        index_entry_points()  # spaCy may have been imported elsewhere
        spacy.registry.tokenizers.register(WORDS_TOKENIZER, func=_words_only)
        with without_pydantic_plugins(), decoders_listed_once():
            try:
                with tokenizerless():
                    return spacy.load(name, exclude=exclude, config=config)
            except ImportError:  # a language that imports more than its exceptions from that module
                return spacy.load(name, exclude=exclude, config=config)


def load_whole(name: str, exclude: list[str]) -> Any:
    """The spaCy pipeline `name` with its tokenizer (never while another thread loads one without)."""
    spacy = import_spacy()
    with LOADING:
        return spacy.load(name, exclude=exclude)


def _words_only() -> Any:
    """A tokenizer factory: spaCy's tokenizer with no rules (splits on spaces only)."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`: the real one, imported when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
