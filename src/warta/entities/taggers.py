"""Statistical taggers: which one reads an article, by its language.

Indonesian (and Malay) articles go to the CRF this project trains (`warta train entities`);
English ones to the English CRF distilled from spaCy (`warta train entities-en`), or with the
setting `english_tagger=spacy` to spaCy's en_core_web_sm 3.8.0 itself (some 8x slower). Articles in
any other language get no statistical tagger: an Indonesian model reading Portuguese or German
finds noise, not names, so the gazetteer and rules do the work there. A missing model leaves
the gazetteer and rules to do the work, with a warning in the logs.
"""
from __future__ import annotations

from functools import partial

from ..kb import KnowledgeBase
from ..lang import reader_of
from ..model import Article, Span
from .candidates import Candidate



def tag_article(article: Article, *, kb: KnowledgeBase, english: str = "crf",
                groups: list[list[Span]] | None = None) -> list[Candidate]:
    """Candidates a statistical tagger finds in the article (none in a language without one).

    `english` names the English tagger: "crf" or "spacy"; when it cannot run, the other one does.
    `groups` are the article's sentence tokens (`gazetteer.sentence_tokens`) when already built.
    """
    # The tagger of the article's Language (Indonesian's CRF also reads Malay, Javanese and Sundanese)
    reader = reader_of(article.language)
    if reader is None or reader.entity_tagger is None:
        return []
    if reader.entity_tagger == "english":
        from .english import spacy_candidates
        from .english_crf import english_crf_candidates

        crf = partial(english_crf_candidates, groups=groups)
        for tagger in (spacy_candidates, crf) if english == "spacy" else (crf, spacy_candidates):
            found = tagger(article)
            if found is not None:
                return found
    from .crf import crf_candidates

    return crf_candidates(article, groups)
