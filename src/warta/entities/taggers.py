"""Statistical taggers: which one reads an article, by its language.

Indonesian (and Malay) articles go to the CRF this project trains (`warta train`); English
ones to spaCy's en_core_web_sm 3.8.0 when it is installed, else to the same CRF. A missing
model leaves the gazetteer and rules to do the work, with a warning in the logs.
"""
from __future__ import annotations

from ..kb import KnowledgeBase
from ..model import Article
from .candidates import Candidate


def tag_article(article: Article, *, kb: KnowledgeBase) -> list[Candidate]:
    """Candidates a statistical tagger finds in the article."""
    if (article.language or "id") == "en":
        from .english import spacy_candidates

        found = spacy_candidates(article)
        if found is not None:
            return found
    from .crf import crf_candidates

    return crf_candidates(article)
