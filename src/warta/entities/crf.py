"""Placeholder until the CRF lands: no Indonesian statistical candidates."""
from __future__ import annotations

from ..model import Article
from .candidates import Candidate


def crf_candidates(article: Article) -> list[Candidate]:
    """Candidates the Indonesian CRF finds (none yet)."""
    return []
