"""Statistical taggers: which one reads an article, by its language.

Indonesian (and Malay) articles go to the CRF this project trains (`warta train`); English
ones to spaCy's en_core_web_sm 3.8.0 when it is installed, else to the same CRF. Articles in
any other language get no statistical tagger: an Indonesian model reading Portuguese or German
finds noise, not names, so the gazetteer and rules do the work there. A missing model leaves
the gazetteer and rules to do the work, with a warning in the logs.
"""
from __future__ import annotations

from ..kb import KnowledgeBase
from ..model import Article
from .candidates import Candidate

# Languages the Indonesian CRF reads: Malay is written almost alike, and short Indonesian
# texts are often identified as Javanese or Sundanese.
CRF_LANGUAGES = frozenset({"id", "ms", "jv", "su"})


def tag_article(article: Article, *, kb: KnowledgeBase) -> list[Candidate]:
    """Candidates a statistical tagger finds in the article (none in a language without one)."""
    language = article.language or "id"
    if language not in CRF_LANGUAGES | {"en"}:
        return []
    if language == "en":
        from .english import spacy_candidates

        found = spacy_candidates(article)
        if found is not None:
            return found
    from .crf import crf_candidates

    return crf_candidates(article)
