"""The "tone" stage: the article's tone on GDELT's scale."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lang import language_for
from ..model import Article
from ..pipeline import register
from .score import article_tone


@dataclass(frozen=True)
class ToneStage:
    """Score the tone of the article on GDELT's scale."""

    name: str = "tone"
    requires: frozenset[str] = frozenset({"text", "language", "sentences"})
    produces: frozenset[str] = frozenset({"tone"})

    def __call__(self, article: Article) -> Article:
        # read with its Language's word lists: Malay as Indonesian, a language warta lacks as English
        return article.replace(tone=article_tone(article, language_for((article.language or "").lower()).code))


@register("tone")
def tone_stage(settings: dict[str, Any]) -> ToneStage:
    """Factory for the tone stage (no settings yet)."""
    return ToneStage()
