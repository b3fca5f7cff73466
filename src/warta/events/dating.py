"""When each event happened: the date its own clause states, else the publication date.

GDELT dates an event by the article that reports it; warta does better when the sentence says
when ("Kamis (19/6)", "on June 12"), and falls back to GDELT's rule otherwise. A date is the
event's only if it lies in the trigger's clause: not after a background word ("since 1989",
"sejak 1989", "born in 1889"), not a decade ("1940-an", "1940s"), not in another clause opened between it and the trigger ("the
house where Hitler was born in 1889", "..., yang dipimpinnya sejak 1989"), and not more than a
month after publication (a target, "by 2040", is not when anything happened). The words are
language data (`lang/<code>/event_date_cues.tsv`). Where the sentence has a dependency parse, the
date must also hang from the trigger's own predicate: a date that modifies another noun ("in the
wake of the September 11, 2001 attacks", "the release of the files in 2010") or another verb is not
the event's. The date keeps its granularity ("2025-06");
`date_source` says "clause" or "published".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..lang import language_for
from ..lang.folders import read_lines
from ..model import Article, DateMention, Event, Parse
from ..syntax.tree import parse_at
from .date_parse import governs

FUTURE_SLACK = dt.timedelta(days=31)  # a plan a month ahead is still dated; a target years ahead is not
_PUNCT_SEGMENT = re.compile(r"[,;:]")


@dataclass(frozen=True)
class DateCues:
    """A language's background words and clause openers, as patterns over lower-cased text."""

    background: re.Pattern[str]
    opener: re.Pattern[str]
    decade: re.Pattern[str]


@cache
def date_cues(code: str | None) -> DateCues:
    """The cues of the language that reads `code` (English's when warta does not read it)."""
    code = language_for(code).code
    words: dict[str, list[str]] = {"background": [], "opener": [], "decade": []}
    for line in read_lines(code, "event_date_cues.tsv"):
        kind, _, phrases = line.partition("\t")
        words.setdefault(kind.strip(), []).extend(p.replace("~", " ") for p in phrases.strip().split("|") if p)
    decade = "|".join(re.escape(w) for w in sorted(words["decade"], key=len, reverse=True))
    return DateCues(background=_words(words["background"], tail=True), opener=_words(words["opener"]),
                    decade=re.compile(rf"(?:{decade})\b") if decade else re.compile(r"(?!)"))


def _words(phrases: list[str], *, tail: bool = False) -> re.Pattern[str]:
    if not phrases:
        return re.compile(r"(?!)")
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    # A background word binds the date right after it: "since 1989", "sejak tahun 1989", "born in 1889".
    suffix = r"(?:\s+(?:in|on|tahun|pada|the|year|of))*\s*$" if tail else r"\b"
    return re.compile(rf"(?<!\w)(?:{alternation}){suffix}")


def date_events(article: Article, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """`events` with `date` and `date_source` set (see the module docstring)."""
    published = _published_day(article.published)
    cues = date_cues(article.language)
    text = article.text
    out = []
    for event in events:
        parse = parse_at(article, event.evidence.start) if article.syntax else None
        mention = _clause_date(text, event, article.dates, published, cues, parse)
        if mention is not None:
            out.append(event.replace(date=mention.value, date_source="clause"))
        elif published is not None:
            out.append(event.replace(date=published.isoformat(), date_source="published"))
        else:
            out.append(event.replace(date=None, date_source=None))
    return tuple(out)


def _published_day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _trigger_at(text: str, event: Event) -> int:
    """Where the trigger starts (the sentence start when it cannot be found)."""
    ev = event.evidence
    if event.evidence.trigger:
        found = text.lower().find(event.evidence.trigger.lower(), ev.start, ev.end)
        if found >= 0:
            return found
    return ev.start


def _clause_date(text: str, event: Event, dates: tuple[DateMention, ...], published: dt.date | None,
                 cues: DateCues, parse: Parse | None = None) -> DateMention | None:
    """The date mention of the event's own clause nearest its trigger, if any (with a parse, one
    the trigger's predicate governs)."""
    ev = event.evidence
    trigger = _trigger_at(text, event)
    best: tuple[int, DateMention] | None = None
    for mention in dates:
        if not mention.value or mention.start < ev.start or mention.end > ev.end:
            continue
        if not _in_clause(text, ev.start, trigger, mention, cues) or _too_late(mention.value, published):
            continue
        if mention.granularity == "year" and cues.decade.match(text, mention.end):
            continue  # "pada tahun 1940-an": a decade, not a date
        if parse is not None and not _parse_allows(parse, text, event, trigger, mention):
            continue
        distance = abs(mention.start - trigger)
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


def _parse_allows(parse: Parse, text: str, event: Event, trigger: int, mention: DateMention) -> bool:
    """The parse lets the date be the event's (see date_parse; a trigger not found cannot say no)."""
    words = event.evidence.trigger or ""
    if not words or text[trigger:trigger + len(words)].lower() != words.lower():
        return True
    return governs(parse, (trigger, trigger + len(words)), mention.start, mention.end)


def _in_clause(text: str, sentence_start: int, trigger: int, mention: DateMention, cues: DateCues) -> bool:
    """Is the date part of the trigger's clause (not background, not in a clause of its own)?"""
    lower = text.lower()
    ends = [m.end() for m in _PUNCT_SEGMENT.finditer(lower, sentence_start, mention.start)]
    segment_start = ends[-1] if ends else sentence_start
    if cues.background.search(lower[max(segment_start, mention.start - 40):mention.start]):
        return False
    if mention.start >= trigger:  # after the trigger: no clause may open between them
        return cues.opener.search(lower, trigger + 1, mention.start) is None
    # Before the trigger: a clause opened before the date and closed by punctuation ahead of the
    # trigger ("Iran, yang dipimpin ... 1989, mengancam") is another clause; so is a date after
    # which an opener starts the trigger's own clause ("Pada 2019, setelah ..., ia bertemu").
    between = lower[mention.end:trigger]
    opened = cues.opener.search(lower, segment_start, mention.start) is not None
    return not (opened and _PUNCT_SEGMENT.search(between)) and cues.opener.search(between) is None


def _too_late(value: str, published: dt.date | None) -> bool:
    """Does the date start more than a month after publication (a target, not an event)?"""
    if published is None:
        return False
    try:
        start = dt.date.fromisoformat(_first_day(value))
    except ValueError:
        return False
    return start > published + FUTURE_SLACK


def _first_day(value: str) -> str:
    """The first day of a date of any granularity: "2025" → "2025-01-01", "2025-06" → "2025-06-01"."""
    parts = value[:10].split("-")
    return "-".join([*parts, *["01"] * (3 - len(parts))][:3]) if parts[0].isdigit() else value
