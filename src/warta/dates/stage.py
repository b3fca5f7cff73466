"""The "dates" stage: every paragraph's date expressions, resolved against the publication date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..model import Article, DateMention, Span
from ..pipeline import register
from .find import find_dates, load_calendar, safe_date


def parse_published(value: str | None) -> dt.date | None:
    """The date part of an ISO publication timestamp, or None."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return safe_date(*map(int, match.groups())) if match else None


@dataclass(frozen=True)
class DateStage:
    """Find and resolve date expressions."""

    name: str = "dates"
    requires: frozenset[str] = frozenset({"text", "paragraphs", "published"})
    produces: frozenset[str] = frozenset({"dates"})

    def __call__(self, article: Article) -> Article:
        published = parse_published(article.published)
        found: list[DateMention] = []
        for paragraph in article.paragraphs or (Span(0, len(article.text)),):
            calendar = load_calendar(paragraph.language or article.language)
            found.extend(find_dates(article.text, paragraph.start, paragraph.end,
                                    calendar=calendar, published=published))
        return article.replace(dates=tuple(found))


@register("dates")
def _dates(settings: dict[str, Any]) -> DateStage:
    return DateStage()
