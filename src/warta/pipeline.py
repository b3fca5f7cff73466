"""Stages and the pipeline that chains them.

A stage is a small callable `Article -> Article` that declares what it `requires` and what it
`produces` (names of article fields). `Pipeline.build` checks those contracts once, when the
pipeline is assembled from settings, as spaCy checks its components.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import ConfigError, StageError, WartaError
from .limits import DocumentLimits
from .model import Article, Document


class Stage(Protocol):
    """What every stage offers. A stage may also declare `reads`: fields it reads when an earlier
    stage produced them and does without otherwise (`stage_reads`); the build does not demand them."""

    name: str
    requires: frozenset[str]
    produces: frozenset[str]

    def __call__(self, article: Article) -> Article: ...


class StageHook(Protocol):
    """Told of every stage run on an article: its name, the seconds it took and whether it gave an
    article (a bulk worker's per-stage counters are one)."""

    def __call__(self, stage: str, seconds: float, ok: bool) -> None: ...


StageFactory = Callable[[dict[str, Any]], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator: make a stage factory available under `name` in the `stages` setting.

    A second factory under a name already taken is refused (ConfigError): a plug-in must not
    replace a stage silently. Registering the same factory again (a module reloaded) is harmless.
    """
    def add(factory: StageFactory) -> StageFactory:
        known = _REGISTRY.get(name)
        if known is not None and _qualname(known) != _qualname(factory):
            raise ConfigError(f"stage {name}", f"already registered by {_qualname(known)}")
        _REGISTRY[name] = factory
        return factory
    return add


def _qualname(factory: StageFactory) -> str:
    return f"{getattr(factory, '__module__', '?')}.{getattr(factory, '__qualname__', repr(factory))}"


def stage_reads(stage: Stage) -> frozenset[str]:
    """Every field the stage may read: what it requires and what it reads when present."""
    return frozenset(stage.requires) | frozenset(getattr(stage, "reads", ()))


def run_stage(stage: Stage, article: Article) -> Article:
    """Run one stage on one article; whatever goes wrong leaves as a one-line WartaError naming the
    stage, the same for `warta extract` and for the bulk workers."""
    try:
        return stage(article)
    except WartaError as error:
        error.stage = error.stage or stage.name
        raise
    except Exception as error:  # a bug on one input must not stop the batch
        detail = " ".join(str(error).split())[:200]  # the user sees one line, however odd the error
        failure = StageError(article.source, f"stage {stage.name} failed ({error.__class__.__name__}: {detail})")
        failure.stage = stage.name
        raise failure from error


# Modules whose import registers stages; each capability adds its module here.
STAGE_MODULES = ("warta.stages", "warta.syntax", "warta.entities", "warta.events.stage", "warta.dates", "warta.amounts", "warta.quotes",
                 "warta.tone.stage")


def registered_stages() -> dict[str, StageFactory]:
    """Return the known stage factories by name (importing the stage modules first)."""
    import importlib

    for module in STAGE_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


@dataclass(frozen=True)
class Outcome:
    """The result of running one input: an article, or the error that dropped it."""

    source: str
    article: Article | None = None
    error: WartaError | None = None


class Pipeline:
    """An ordered chain of stages whose contracts have been checked."""

    def __init__(self, stages: list[Stage], limits: DocumentLimits | None = None) -> None:
        self.stages = tuple(stages)
        self.limits = limits or DocumentLimits()  # per-document time and memory (warta.limits)

    @classmethod
    def build(cls, settings: dict[str, Any]) -> Pipeline:
        """Assemble the stages named in `settings["stages"]`, checking every contract."""
        factories = registered_stages()
        stages: list[Stage] = []
        available = {"raw", "source"}
        for name in [n.strip() for n in str(settings["stages"]).split(",") if n.strip()]:
            if name not in factories:
                raise ConfigError(f"stage {name}", f"unknown stage; known: {', '.join(sorted(factories))}")
            stage = factories[name](settings)
            missing = stage.requires - available
            if missing:
                raise ConfigError(f"stage {name}", f"needs {', '.join(sorted(missing))}, which no earlier stage produces")
            available |= stage.produces
            stages.append(stage)
        return cls(stages, DocumentLimits.from_settings(settings))

    def __call__(self, article: Article, hook: StageHook | None = None) -> Article:
        """Run every stage on `article` (the one runner: the CLI and the bulk workers use it)."""
        for stage in self.stages:
            started, ok = time.perf_counter(), False
            try:
                article, ok = run_stage(stage, article), True
            finally:
                if hook is not None:
                    hook(stage.name, time.perf_counter() - started, ok)
        return article.replace(raw=None)

    def run(self, document: Document, hook: StageHook | None = None) -> Outcome:
        """Run one input within its limits; an input-level error becomes the outcome instead of propagating."""
        try:
            article = self.limits.run(document.source, lambda: self(Article.from_document(document), hook))
            return Outcome(document.source, article=article)
        except WartaError as error:
            return Outcome(document.source, error=error)

    def run_batches(self, documents: Iterable[Document | WartaError], *, batch_size: int = 64) -> Iterator[Outcome]:
        """Run inputs in batches of `batch_size`, keeping input order; errors from reading pass through."""
        batch: list[Document | WartaError] = []
        for item in documents:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document | WartaError]) -> Iterator[Outcome]:
        for item in batch:
            if isinstance(item, WartaError):
                yield Outcome(item.source, error=item)
            else:
                yield self.run(item)
