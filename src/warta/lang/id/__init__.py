"""Indonesian: the word lists are this folder's files; what follows is the rest."""
from warta.lang import Language


class Indonesian(Language):
    """Indonesian as warta reads it."""

    # Malay is told apart by language_markers.tsv; Malay, Javanese and Sundanese texts (short
    # Indonesian texts are often identified as the latter two) are read with Indonesian's data.
    confused_with = ("ms",)
    also_reads = ("jv", "su")
    decimal, thousands = ",", "."  # 1.100.000,5
    agent_before_country = True  # "Menteri Luar Negeri Indonesia", "pasukan Rusia"
    possessor_after_noun = True  # "serangan Israel": an event noun takes its doer after it
    entity_tagger = "crf"  # models/ner-id.crfsuite, trained on IndoNLU NERGrit
    tone = "lexicon"  # tone_words.tsv
    stemmer = "sastrawi"
    search_config = "indonesian"
    negators = ("tidak", "tak", "bukan", "belum", "tanpa")
    noun_endings = ("an", "si", "ade")  # -an nouns and loan nouns: serangan, invasi, agresi, blokade
    verb_prefixes = ("me", "di", "ber", "ter")  # meN-/di-/ber-/ter- words are verbs
    headline_connectors = ("di", "ke", "dari", "dan", "yang", "untuk", "soal", "vs", "atau", "&", "-", "–", "—",
                           "di-", "ke-")
