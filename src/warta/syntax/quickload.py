"""Loading a spaCy pipeline without the work that gives warta nothing (the first result of
`warta extract`: each measured on the Indonesian parser's load, 0.12 s of CPU before).

- Registry look-ups by entry-point group: catalogue asks its snapshot of the installed entry
  points for one group on every look-up of a registered function (some 120 while a pipeline is
  built), and on Python 3.11 each ask flattens and filters every entry point of every installed
  package. `index_entry_points` gives catalogue the same snapshot indexed by group.
- No Pydantic plugin scan: spaCy builds its config schemas as Pydantic models while it is
  imported and loads, and the first model makes Pydantic read every installed package's entry
  points for its plugins. Plugins (observability hooks) are left out of spaCy's own schemas, as
  typer does for its parameters; the setting comes back afterwards, so any later model gets them.
- No tokenizer exceptions for a pipeline loaded without its tokenizer: importing a language's
  `tokenizer_exceptions` builds thousands of special cases (Indonesian: a fifth of the load) that
  only the tokenizer reads. While such a pipeline loads, that module is a stand-in with none; once
  loaded, the language module built on it is forgotten, so anything that later asks spaCy for the
  language (a tokenizing pipeline, `spacy.blank`) imports the real one.
- srsly's msgpack decoders listed once: every array read scans the whole registry for them.
- All of it under one lock (`LOADING`), which every spaCy load of warta's holds: two threads
  loading at once (a threaded worker pool) neither undo each other's settings nor hand a
  tokenizing pipeline a language built without its exceptions; the stand-ins serve only the
  thread that loads.
- Two modules spaCy imports for its command line only are stand-ins while spaCy is imported:
  srsly's YAML functions (with ruamel.yaml, some thirty modules) and packaging's `Requirement`
  (with the platform tags and markers). Each stand-in function imports the real module when
  called, and the modules themselves import as usual afterwards.
- No `pydantic.v1` while spaCy is imported: confection imports it (a tenth of spaCy's import) only
  to recognise schemas written for Pydantic 1, and spaCy, thinc and weasel write theirs for
  Pydantic 2; confection then works as it does where `pydantic.v1` is missing (Python 3.14).
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import EntryPoints
from itertools import chain
from typing import Any

NO_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"
LOADING = threading.RLock()  # held while spaCy is imported and while any pipeline loads


class EntryPointIndex:
    """catalogue's entry-point snapshot, answering `select(group=...)` from an index."""

    def __init__(self, found: Any) -> None:
        self.found = found
        # Python 3.11 hands a dict of groups (whose dict methods warn); later ones a flat list
        every = chain.from_iterable(dict.values(found)) if isinstance(found, dict) else found
        groups: dict[str, list[Any]] = {}
        for entry_point in every:
            groups.setdefault(entry_point.group, []).append(entry_point)
        self.groups = {group: EntryPoints(points) for group, points in groups.items()}

    def select(self, **params: Any) -> Any:
        """The entry points of one group (in the snapshot's order); any other query as before."""
        if params.keys() == {"group"}:
            return self.groups.get(params["group"], EntryPoints(()))
        return self.found.select(**params)


def index_entry_points() -> None:
    """Give catalogue its entry points indexed by group (once; the same snapshot it took)."""
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if not isinstance(found, EntryPointIndex) and hasattr(found, "select"):
        catalogue.AVAILABLE_ENTRY_POINTS = EntryPointIndex(found)


@contextmanager
def without_pydantic_plugins() -> Iterator[None]:
    """No Pydantic plugin scan while spaCy builds its schemas (the user's setting restored after)."""
    previous = os.environ.get(NO_PLUGINS)
    os.environ[NO_PLUGINS] = "__all__"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(NO_PLUGINS, None)
        else:
            os.environ[NO_PLUGINS] = previous


@contextmanager
def without_pydantic_v1() -> Iterator[None]:
    """`import pydantic.v1` fails meanwhile, unless it is imported already; it works again after."""
    blocked = "pydantic.v1" not in sys.modules
    if blocked:
        sys.modules["pydantic.v1"] = None  # type: ignore[assignment]  # import raises ModuleNotFoundError
    try:
        yield
    finally:
        if blocked and "pydantic.v1" in sys.modules and sys.modules["pydantic.v1"] is None:
            del sys.modules["pydantic.v1"]


# Module → the names its importers take from it; every one is a function or a class called only
DEFERRED = {
    "srsly._yaml_api": ("read_yaml", "write_yaml", "yaml_dumps", "yaml_loads", "is_yaml_serializable"),
    "packaging.requirements": ("Requirement",),
}


@contextmanager
def deferred_modules() -> Iterator[None]:
    """The modules of `DEFERRED` not imported yet are stand-ins meanwhile (see the docstring)."""
    stand_ins = {name: _stand_in(name, names) for name, names in DEFERRED.items() if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name, stand_in in stand_ins.items():
            _drop(name, stand_in)


def _stand_in(name: str, names: tuple[str, ...]) -> types.ModuleType:
    module = types.ModuleType(name, "A stand-in (warta.syntax.quickload): each name imports the real module.")
    for attribute in names:
        setattr(module, attribute, _deferred(name, attribute, module))
    return module


def _deferred(name: str, attribute: str, stand_in: types.ModuleType) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        _drop(name, stand_in)  # called while the stand-in is still in place: make way for the real one
        return getattr(importlib.import_module(name), attribute)(*args, **kwargs)
    call.__name__ = call.__qualname__ = attribute
    return call


def _drop(name: str, stand_in: types.ModuleType) -> None:
    """Forget a stand-in (in sys.modules and as its package's attribute) if it is still there."""
    if sys.modules.get(name) is stand_in:
        del sys.modules[name]
    package, _, child = name.rpartition(".")
    if getattr(sys.modules.get(package), child, None) is stand_in:
        delattr(sys.modules[package], child)


class _NoExceptions(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves `spacy.lang.<code>.tokenizer_exceptions` as a module with no special cases."""

    def __init__(self) -> None:
        self.served: list[str] = []
        self.thread = threading.get_ident()

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        parts = name.split(".")
        if threading.get_ident() == self.thread and len(parts) == 4 and parts[:2] == ["spacy", "lang"] and parts[3] == "tokenizer_exceptions":
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        # Only the name every language imports: one that wants more (TOKEN_MATCH) fails to import,
        # and the caller loads it again the usual way
        module.TOKENIZER_EXCEPTIONS = {}  # type: ignore[attr-defined]
        self.served.append(module.__name__)


@contextmanager
def tokenizerless() -> Iterator[None]:
    """While a pipeline without its tokenizer loads: languages imported with no tokenizer
    exceptions, forgotten afterwards (see the module's docstring)."""
    finder = _NoExceptions()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        _forget(finder.served)


def _forget(served: list[str]) -> None:
    """Drop the language modules built on stand-ins, and their registration with spaCy."""
    import catalogue

    for name in served:
        language = name.rsplit(".", 1)[0]
        sys.modules.pop(name, None)
        module = sys.modules.pop(language, None)
        code = language.rsplit(".", 1)[1]
        registered = catalogue.REGISTRY.get(("spacy", "languages", code))
        if module is not None and getattr(registered, "__module__", None) == language:
            del catalogue.REGISTRY[("spacy", "languages", code)]
        parent = sys.modules.get("spacy.lang")
        if parent is not None and getattr(parent, code, None) is module:
            delattr(parent, code)


@contextmanager
def decoders_listed_once() -> Iterator[None]:
    """srsly's msgpack decoders looked up once for the whole load, not once per array."""
    from srsly import msgpack

    registry = msgpack.msgpack_decoders
    decoders = registry.get_all()
    registry.get_all = lambda: dict(decoders)  # type: ignore[method-assign]
    try:
        yield
    finally:
        del registry.get_all  # the class's own method again
