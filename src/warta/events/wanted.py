"""The sentences the event coder reads a parse of: its selector for the `syntax` stage.

The coder reads the parse of the sentence it codes and of no other (`coder.code_sentence`), and
codes only a sentence that names a side and holds a trigger its finder finds. So the selector
asks for those sentences alone, found by the coder's own means: the trigger finder's matches on
the sentence's words (only those that may make an event: not a statement, CAMEO 01, nor a
verb of saying, nor one its selection drops whatever the parse says: inside a title,
or what someone talks about) or an obligation cue ("must": the verb reporting it may be a demand,
`framing.obligations`), the actor mentions of the article's entities, and the "both countries" and "we"
words the coder turns into sides. A "we" is a side only inside a quotation whose speaker is known
(`actors.Speakers`), which the quotes stage finds after the parse: a sentence is asked for when
one of its "we" words lies where a quotation can be, between quote marks or in the reported
speech of its sentence (the quotes stage's own `find_quoted` and `reported_in`), and the article
names an entity of a country (the speaker it stands for must be one); a "we" of the article's
own voice ("We'd like to hear what you think") never is.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate

from ..model import Article, Span
from ..quotes.cues import load_cues as quote_cues
from ..quotes.marks import find_quoted
from ..quotes.reported import reported_in
from ..syntax import register_selector
from ..syntax.select import Selector, selectors
from .actors import main_countries, named_mentions
from .coder import lexicon_language
from .cues import Cues, Token, cues_for, is_topic, tokenize
from .selection import plain_trigger
from .lexicon import Match
from .reading import sentence_matches, sentence_tokens
from .tables import lookup
from .triggers import trigger_finder

NAME = "events"


def trigger_selector(finder: str = "lexicon") -> Selector:
    """The selector of the sentences that name a side and hold a trigger `finder` finds."""
    def select(article: Article) -> list[int]:
        language = lexicon_language(article)
        cues, lexicon = cues_for(language), trigger_finder(language, finder)
        mentions = named_mentions(article, dated=False)
        starts = sorted(m.start for m in mentions)
        both = len(main_countries(article, dated=False, mentions=mentions)) == 2
        speech = _Speech(article)
        chosen = []
        for i, sentence in enumerate(article.sentences):
            text = article.text[sentence.start:sentence.end]
            named = bisect_left(starts, sentence.start) < bisect_left(starts, sentence.end)
            if not (named or _resolvable(cues, text, both, sentence, speech)):
                continue
            tokens = sentence_tokens(article.text, sentence.start, sentence.end)  # the coder reads them again
            if cues.starts("obligation", tokens) or any(
                    _codable(m, tokens, cues) and _selectable(m, tokens, article.text, cues)
                    for m in sentence_matches(lexicon, article.text, sentence.start, sentence.end)):
                chosen.append(i)
        return chosen
    return select


def _codable(match: Match, tokens: list[Token], cues: Cues) -> bool:
    """A trigger that may make an event whatever the parse says: not a statement (CAMEO 01, no
    PLOVER event) and not a verb of saying, which the coder passes through (`selection.select`)."""
    return lookup(match.pattern.cameo) is not None and not cues.has("say", tokens, match.start)


def _selectable(match: Match, tokens: list[Token], text: str, cues: Cues) -> bool:
    """Not a trigger the coder's selection drops whatever the parse says (`selection.select`'s
    first filter, but for the names, which the coder may see fewer of, and the topic test after it)."""
    return plain_trigger(match, tokens, text) and not is_topic(cues, tokens, match.start)


def _resolvable(cues: Cues, text: str, both: bool, sentence: Span, speech: _Speech) -> bool:
    """Whether the sentence may hold a word the coder makes a side: "both countries" (with two
    main countries), "we"/"kami" where a quotation may hold it (its speaker's side)."""
    if both and cues.may_start("both", text) and cues.starts("both", tokenize(text)):
        return True
    if not (speech.voiced and cues.may_start("self", text)):
        return False
    tokens = tokenize(text, sentence.start)
    return any(speech.may_quote(sentence, tokens[k].start) for k in cues.starts("self", tokens))


class _Speech:
    """Where an article's quotations can be before the quotes stage has run: a quotation (direct
    or reported, `warta.quotes`) only ever covers words between quote marks or the reported
    speech of a sentence, so a word elsewhere is in none, whatever the quotes stage decides."""

    def __init__(self, article: Article) -> None:
        self.article = article
        # a "we" stands for its speaker's country (`actors.Speakers`), known only for a speaker
        # the quotes stage links to an entity with a country: an article without one has no such side
        self.voiced = any(e.iso3 or e.country for e in article.entities)

    @cached_property
    def _quoted(self) -> tuple[list[int], list[int]]:
        """The starts of the quoted stretches, and the farthest end among the first n (found on
        first use: most articles hold no "we" outside a named side's sentence)."""
        article = self.article
        paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
        quoted = sorted((q.start, q.end) for q in find_quoted(article.text, paragraphs))
        return [s for s, _ in quoted], list(accumulate((e for _, e in quoted), max))

    def may_quote(self, sentence: Span, offset: int) -> bool:
        """Whether a quotation may cover `offset` (in `sentence`)."""
        starts, reach = self._quoted
        n = bisect_right(starts, offset)
        if n and reach[n - 1] > offset:
            return True
        reported = reported_in(self.article.text, sentence.start, sentence.end, quote_cues(self.article.language))
        return reported is not None and reported.start <= offset < reported.end


def register(finder: str = "lexicon") -> None:
    """Register (or replace) the event coder's selector with the syntax stage."""
    register_selector(NAME, trigger_selector(finder))


def follow_finder(finder: str) -> None:
    """Make the registered selector find triggers with `finder` (the `event_triggers` setting);
    a selector set aside (`unregister_selector`) stays aside."""
    if NAME in selectors():
        register(finder)

