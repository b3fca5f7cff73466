"""The sentences the event coder reads a parse of: its selector for the `syntax` stage.

The coder reads the parse of the sentence it codes and of no other (`coder.code_sentence`), and
codes only a sentence that names a side and holds a trigger its finder finds. So the selector
asks for those sentences alone, found by the coder's own means: the trigger finder's matches on
the sentence's words (only those that may make an event: not a statement, CAMEO 01, nor a
verb of saying) or an obligation cue ("must": the verb reporting it may be a demand,
`framing.obligations`), the actor mentions of the article's entities, and the "both countries" and "we"
words the coder turns into sides (a "we" needs a quotation's speaker, known only after the quotes
stage: any sentence with such a word is asked for).
"""
from __future__ import annotations

from bisect import bisect_left

from ..model import Article
from ..syntax import register_selector
from ..syntax.select import Selector, selectors
from .actors import main_countries, named_mentions
from .coder import lexicon_language
from .cues import Cues, Token, cues_for, tokenize
from .lexicon import Match
from .tables import lookup
from .triggers import trigger_finder

NAME = "events"


def trigger_selector(finder: str = "lexicon") -> Selector:
    """The selector of the sentences that name a side and hold a trigger `finder` finds."""
    def select(article: Article) -> list[int]:
        language = lexicon_language(article)
        cues, lexicon = cues_for(language), trigger_finder(language, finder)
        starts = sorted(m.start for m in named_mentions(article))
        both = len(main_countries(article)) == 2
        chosen = []
        for i, sentence in enumerate(article.sentences):
            text = article.text[sentence.start:sentence.end]
            named = bisect_left(starts, sentence.start) < bisect_left(starts, sentence.end)
            if not (named or _resolvable(cues, text, both)):
                continue
            tokens = tokenize(text, sentence.start)
            if cues.starts("obligation", tokens) or \
                    any(_codable(m, tokens, cues) for m in lexicon.matches([t.text for t in tokens])):
                chosen.append(i)
        return chosen
    return select


def _codable(match: Match, tokens: list[Token], cues: Cues) -> bool:
    """A trigger that may make an event whatever the parse says: not a statement (CAMEO 01, no
    PLOVER event) and not a verb of saying, which the coder passes through (`selection.select`)."""
    return lookup(match.pattern.cameo) is not None and not cues.has("say", tokens, match.start)


def _resolvable(cues: Cues, text: str, both: bool) -> bool:
    """Whether the sentence may hold a word the coder makes a side: "both countries" (with two
    main countries), "we"/"kami" (a quotation's speaker)."""
    if both and cues.may_start("both", text) and cues.starts("both", tokenize(text)):
        return True
    return cues.may_start("self", text) and bool(cues.starts("self", tokenize(text)))


def register(finder: str = "lexicon") -> None:
    """Register (or replace) the event coder's selector with the syntax stage."""
    register_selector(NAME, trigger_selector(finder))


def follow_finder(finder: str) -> None:
    """Make the registered selector find triggers with `finder` (the `event_triggers` setting);
    a selector set aside (`unregister_selector`) stays aside."""
    if NAME in selectors():
        register(finder)

