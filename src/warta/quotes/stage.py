"""The "quotes" stage: direct quotations and reported speech with their speakers.

Attributions come from the dependency parse where the `syntax` stage parsed the sentence (the
subject of the speech verb: `syntactic`), else from the words around the quote marks
(`attribution`). Speakers are the linked entities of the "entities" stage when it found them,
else names read from the text. Attributions are resolved in text
order so that "katanya", "he said" or "it added" go to the most recent speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..model import Article, Quote, Span
from ..pipeline import register
from ..syntax import register_selector
from .attribution import Attribution, after_quote, before_quote
from .cues import load_cues
from .marks import MIN_WORDS, Quoted, find_quoted, mask_nicknames, paragraph_of, quote_bounds, word_count
from .reported import reported_in, speaker_in_clause
from .syntactic import parsed_attribution, speech_sentences
from .speakers import SpeakerResolver

register_selector("quotes", speech_sentences)  # the syntax stage parses the sentences read here

MIN_UNATTRIBUTED_WORDS = 6  # shorter quoted words without a cue are titles or scare quotes
PRODUCER = "quotes"
MAX_GAP = 80  # characters between quote marks and the speaker phrase
FOLLOW_REACH = 3  # paragraphs (headings included) a follow-on looks back
PROSE_ENDS = ".!?\"”’'…)"  # how a paragraph of prose ends (not a heading, a link line)


@dataclass
class _Found:
    """A quotation on its way to becoming a Quote."""

    quoted: Quoted
    paragraph: int
    attribution: Attribution | None = None
    speaker: dict[str, Any] | None = None


@dataclass(frozen=True)
class _Said:
    """Reported speech as a quotation after it may follow on from it."""

    start: int
    paragraph: int
    speaker: dict[str, Any] | None


@dataclass(frozen=True)
class QuoteStage:
    """Find direct quotations and reported speech, and who said them."""

    name: str = "quotes"
    requires: frozenset[str] = frozenset({"text", "paragraphs", "sentences", "language", "entities"})
    reads: frozenset[str] = frozenset({"syntax"})  # when a syntax stage ran: attribution from the parse
    produces: frozenset[str] = frozenset({"quotes"})

    def __call__(self, article: Article) -> Article:
        cues = load_cues(article.language)
        paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
        # read with quoted nicknames blanked ('Robert "Bobby" Scott'); quotations keep the words
        masked = mask_nicknames(article.text)
        work = article if masked == article.text else article.replace(text=masked)
        found = _attributed(work, paragraphs, cues)
        resolver = SpeakerResolver(work, cues)
        reported = _reported(work, cues, found)
        quotes = [q.replace(text=article.text[q.start:q.end]) if work is not article else q
                  for q in _resolve(work, found, reported, resolver)]
        return article.replace(quotes=_unrepeated(sorted(quotes, key=lambda q: q.start)))


def _unrepeated(quotes: list[Quote]) -> tuple[Quote, ...]:
    """Quotes without repeats: news pages restate a quotation (a lead, then the body), and the
    words were said once."""
    seen: set[tuple[bool, str]] = set()
    out = []
    for quote in quotes:
        key = (quote.direct, " ".join(re.findall(r"\w+", quote.text.casefold())))
        if key not in seen:
            seen.add(key)
            out.append(quote)
    return tuple(out)


def _attributed(article: Article, paragraphs: list[tuple[int, int]], cues: Any) -> list[_Found]:
    """Every quotation with the attribution found around its marks: by the parse where the
    sentence has one, else by the words around the marks."""
    text, sentences = article.text, article.sentences
    quoted = find_quoted(text, paragraphs)
    bounds = quote_bounds(quoted, paragraphs)
    found = [_Found(q, k) for q, (k, _, _) in zip(quoted, bounds)]
    for item, (_, prev, nxt) in zip(found, bounds):
        q, p_start = item.quoted, paragraphs[item.paragraph][0]
        after = after_quote(text, q.close_at, nxt, cues) if q.close_at is not None else None
        before = before_quote(text, prev or p_start, q.open_at, cues) if not q.continues else None
        if before is None and after is None and q.open_at == p_start and item.paragraph:
            before = _colon_paragraph(text, paragraphs[item.paragraph - 1], cues)
        words = _near(after, q.close_at, before, q.open_at) or _in_sentence(text, item, sentences, cues)
        parsed = None if q.continues and q.close_at is None else \
            parsed_attribution(article, q.open_at, q.close_at, (prev or p_start, nxt), cues)
        item.attribution = _choose(parsed, words)
    _share_across_paragraphs(found)
    found = [f for f in found if not _named_thing(text, f.quoted, cues)]
    return [f for f in found if word_count(text, f.quoted) >= MIN_WORDS
            and (f.attribution or f.quoted.continues or word_count(text, f.quoted) >= MIN_UNATTRIBUTED_WORDS)]


def _choose(parsed: Attribution | None, words: Attribution | None) -> Attribution | None:
    """The parse's attribution, else the words' one; a name the words found beats a description
    the parse found ("the ad uses footage of Hillary Clinton asking": a participle misattached)."""
    if parsed is None:
        return words
    if words is not None and words.named and not parsed.named and parsed.pronoun is None:
        return words
    return parsed


def _in_sentence(text: str, item: _Found, sentences: tuple[Span, ...], cues: Any) -> Attribution | None:
    """A quotation ending a sentence of reported speech belongs to that speech's speaker."""
    q = item.quoted
    if q.continues:
        return None
    # sentences are in text order and do not overlap: the last one starting at or before the
    # opening mark is the only one that can hold it (a bisection, not a scan per quotation)
    k = bisect.bisect_right(sentences, q.open_at, key=lambda s: s.start) - 1
    sentence = sentences[k] if k >= 0 and q.open_at < sentences[k].end else None
    if sentence is None or sentence.start >= q.open_at:
        return None
    return speaker_in_clause(text, sentence.start, q.open_at, cues)


def _named_thing(text: str, quoted: Quoted, cues: Any) -> bool:
    """Quote marks right after "berjudul", "bertajuk", "titled", "dubbed" hold a title or a name
    (an article, an operation, a slogan), not words someone said."""
    if quoted.continues:
        return False
    if _a_name(text[quoted.start:quoted.end], cues):
        return True
    before = re.findall(r"[^\W\d_]+", text[max(0, quoted.open_at - 30):quoted.open_at])
    return bool(before) and before[-1].lower() in cues.naming and not text[quoted.open_at - 1:quoted.open_at].isalnum()


def _a_name(quoted: str, cues: Any) -> bool:
    """"'St. Petersburg International Economic Forum (SPIEF)'": every word capitalised (a name's
    joiners aside — "of", "dan") and no sentence ending inside: a name in quote marks."""
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    if len(words) < 2 or re.search(r"[!?]|\.\s*$", quoted):
        return False
    joiners = cues.title_joiners | cues.connectors
    return all(w[:1].isupper() or w.lower() in joiners for w in words)


def _share_across_paragraphs(found: list[_Found]) -> None:
    """A quotation spanning paragraphs has one attribution, wherever its cue stands."""
    chains: list[list[_Found]] = []
    for item in found:
        if chains and item.quoted.continues and chains[-1][-1].quoted.close_at is None:
            chains[-1].append(item)
        else:
            chains.append([item])
    for chain in chains:
        shared = next((c.attribution for c in reversed(chain) if c.attribution), None)
        for c in chain:
            c.attribution = c.attribution or shared


def _colon_paragraph(text: str, paragraph: tuple[int, int], cues: Any) -> Attribution | None:
    """"Caddell continued:" ending the paragraph before a quotation introduces it."""
    start, end = paragraph
    if not text[start:end].rstrip().endswith(":"):
        return None
    return before_quote(text, start, end, cues)


def _near(after: Attribution | None, close_at: int | None, before: Attribution | None, open_at: int) -> Attribution | None:
    """The attribution after the quotation, else before it; a speaker phrase far from the marks
    (over MAX_GAP characters) belongs to some other clause."""
    if after is not None and close_at is not None and after.start - close_at <= MAX_GAP:
        return after
    if before is not None and open_at - before.end <= MAX_GAP:
        return before
    return None


def _reported(article: Article, cues: Any, found: list[_Found]) -> list[tuple[int, int, Attribution]]:
    """Reported speech in sentences that hold no direct quotation."""
    taken = _Taken([(f.quoted.open_at, f.quoted.close_at or f.quoted.end) for f in found])
    out = []
    for sentence in article.sentences or (Span(0, len(article.text)),):
        if taken.meets(sentence.start, sentence.end):
            continue
        reported = reported_in(article.text, sentence.start, sentence.end, cues)
        if reported:
            out.append((reported.start, reported.end, reported.attribution))
    return out


class _Taken:
    """The stretches direct quotations take, to ask whether one meets a sentence by bisection (a
    scan of them all for each sentence is quadratic on a page of many short quotations)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = sorted(s for s, _ in spans)
        self.ends = sorted(e for _, e in spans)
        self.ordered = all(s <= e for s, e in spans)

    def meets(self, start: int, end: int) -> bool:
        """Whether a stretch (s, e) has s < end and e > start."""
        if not self.ordered or start >= end:
            return any(s < end and e > start for s, e in self.spans)
        # those starting before `end`, less those ending by `start` (which all start before it)
        return bisect.bisect_left(self.starts, end) > bisect.bisect_right(self.ends, start)


def _resolve(article: Article, found: list[_Found], reported: list, resolver: SpeakerResolver) -> list[Quote]:
    """Speakers in text order, so pronouns find the speaker named last; then follow-ons."""
    events = [(f.quoted.start, f) for f in found] + [(r[0], r) for r in reported]
    quotes: list[Quote] = []
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    statements: list[_Found | _Said] = []  # in text order
    for _, item in sorted(events, key=lambda x: x[0]):
        if isinstance(item, _Found):
            item.speaker = resolver.resolve(item.attribution) if item.attribution else None
            statements.append(item)
            continue
        start, end, attribution = item
        speaker = resolver.resolve(attribution)
        if attribution.named or attribution.pronoun:  # "Mereka", "sejumlah spekulasi": no one to follow
            statements.append(_Said(start, paragraph_of(paragraphs, start), speaker))
        quotes.append(_quote(article.text, start, end, speaker, attribution, direct=False))
    _follow_on(found, statements, _prose(article.text, paragraphs))
    for item in found:
        q = item.quoted
        quotes.append(_quote(article.text, q.start, q.end, item.speaker, item.attribution, direct=True))
    return quotes


def _follow_on(found: list[_Found], statements: list[_Found | _Said], prose: list[int]) -> None:
    """A quotation without a speaker goes to the speaker of the last statement (a quotation or
    reported speech: "Erekat said it was a trick.¶“They wanted us on our knees.”") in the same or
    the previous paragraph of prose (a heading or a link line between them — "SEE MORE: …" — is
    skipped), when that one is attributed: the text then makes the speaker clear; failing that, of
    a quotation after it in its paragraph."""
    offsets = [o.quoted.start if isinstance(o, _Found) else o.start for o in statements]  # ascending
    for i, item in enumerate(found):
        if item.speaker is not None:  # an attribution that named no one ("Dan menambahkan") counts as none
            continue
        before = bisect.bisect_left(offsets, item.quoted.start)
        for other in (statements[j] for j in range(before - 1, -1, -1)):  # speakers as follow-ons gave them
            if prose[item.paragraph] - prose[other.paragraph] > 1 or item.paragraph - other.paragraph > FOLLOW_REACH:
                break
            if other.speaker is not None:
                item.speaker = other.speaker
                break
        if item.speaker is None and i + 1 < len(found) and found[i + 1].paragraph == item.paragraph:
            item.speaker = found[i + 1].speaker


def _prose(text: str, paragraphs: list[tuple[int, int]]) -> list[int]:
    """Each paragraph's rank among the paragraphs of prose (those ending as a sentence or a
    quotation ends): a heading or a link line takes the rank of the paragraph before it."""
    out, rank = [], 0
    for start, end in paragraphs:
        last = text[start:end].rstrip()[-1:]
        rank += bool(last) and last in PROSE_ENDS
        out.append(rank)
    return out


def _quote(text: str, start: int, end: int, speaker: dict | None, attribution: Attribution | None,
           *, direct: bool) -> Quote:
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    return Quote(text=text[start:end], start=start, end=end, speaker=speaker, direct=direct,
                 cue=attribution.cue if attribution else None, producer=PRODUCER)


@register("quotes")
def _quotes(settings: dict[str, Any]) -> QuoteStage:
    return QuoteStage()
