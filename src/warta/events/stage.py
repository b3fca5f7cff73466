"""The "events" stage."""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from ..model import Article
from ..pipeline import register
from ..errors import ConfigError
from .coder import build_context, code_article, lexicon_language
from .triggers import finder_names
from .dating import date_events
from ..tone.score import sentence_tone
from .wanted import follow_finder, register as register_selector

# modalities of an event a clause supposes without asserting it; an intent, a threat or a promise
# (CAMEO 03, 13, 05) is asserted as such, and "plans to"/"akan" is planned, not supposed
SUPPOSED = frozenset({"conditional", "hypothetical"})

register_selector()  # the syntax stage parses the sentences the coder reads (wanted.py)


@dataclass(frozen=True)
class EventsStage:
    """Code the events of the article in PLOVER and CAMEO, with actors and evidence."""

    finder: str = "lexicon"  # how triggers are found and typed (events.triggers; the event_triggers setting)
    hypotheticals: bool = False  # keep events a clause only supposes (the event_hypotheticals setting)
    name: str = "events"
    requires: frozenset[str] = frozenset({"text", "language", "published", "sentences", "paragraphs", "syntax", "entities",
                                          "quotes", "dates"})
    produces: frozenset[str] = frozenset({"events"})

    def __call__(self, article: Article) -> Article:
        tone = partial(sentence_tone, language=lexicon_language(article))
        events = code_article(build_context(article, tone=tone, finder=self.finder))
        if not self.hypotheticals:  # "if Israel attacks", "Iran is weighing sanctions": not facts
            events = tuple(e for e in events if e.modality not in SUPPOSED)
        return article.replace(events=date_events(article, events))  # when each happened: dating.py


@register("events")
def events_stage(settings: dict[str, Any]) -> EventsStage:
    """Factory for the events stage: `event_triggers` names the trigger finder."""
    name = str(settings.get("event_triggers") or "lexicon")
    if name not in finder_names():
        raise ConfigError("setting event_triggers", f"unknown trigger finder {name!r}; known: {', '.join(finder_names())}")
    follow_finder(name)  # the configured finder says which sentences hold a trigger
    return EventsStage(finder=name, hypotheticals=bool(settings.get("event_hypotheticals", False)))

