"""English: the word lists are this folder's files; what follows is the rest."""
from warta.lang import Language


class English(Language):
    """English as warta reads it."""

    decimal, thousands = ".", ","  # 1,100,000.5
    agent_before_country = False  # "Indonesia's foreign minister", "Russian troops"
    possessor_after_noun = False  # "Israel's attack": the doer stands before the event noun
    entity_tagger = "english"  # the English CRF (or spaCy's tagger, the english_tagger setting)
    tone = "vader"
    stemmer = None  # the full-text index's porter stemmer knows English
    search_config = "english"
    negators = ("not", "never", "no")
    headline_connectors = ("the", "of", "and", "for", "to", "in", "on", "a")
