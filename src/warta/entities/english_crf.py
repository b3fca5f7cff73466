"""Tag English names with the CRF this project distils from spaCy (models/ner-en.crfsuite).

English writes names with capitals, so only runs of capitalised words (joined by "of", "bin",
"&"… from lang/en/entities_name_joiners.txt) are read: about one token in six. The rest of a
sentence still informs the tagger through its neighbour features. `warta train entities-en`
builds the model from spaCy en_core_web_sm's labels on openly licensed English news (see
models/MODEL_CARD_EN.md); on held-out PolNeAR articles it agrees with spaCy at F1 about 0.8,
and the pipeline's speaker and CAMEO scores stay within about a point of spaCy's, at about a
tenth of spaCy's time.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from ..kb import KnowledgeBase, load_kb
from ..lang.folders import read_lines
from ..model import Article, Span
from .candidates import Candidate
from .crf import open_model, tagged_candidates
from .features import Lexicon, describe_word, kb_tags, neighbour_features
from .gazetteer import sentence_tokens

MODEL_FILE = "ner-en.crfsuite"
MAX_JOINERS = 2  # "Bank of the West": a run crosses at most two joining words


@cache
def _joiners() -> frozenset[str]:
    return frozenset(w.strip() for w in read_lines("en", "entities_name_joiners.txt"))


@cache
def load_english_lexicon() -> Lexicon:
    """Word classes by how English news capitalises a word mid-sentence, and the title words."""
    titles = {w.casefold() for line in read_lines("en", "titles.tsv") for w in line.split("\t")[0].split()}
    return Lexicon(common=frozenset(read_lines("en", "entities_case_common.txt")),
                   names=frozenset(read_lines("en", "entities_case_names.txt")),
                   titles=frozenset(titles))


@cache
def load_english_tagger() -> Any | None:
    """The English CRF tagger, or None when the model or python-crfsuite is missing."""
    return open_model(MODEL_FILE, command="warta train entities-en")


def _name_like(word: str) -> bool:
    """Capitalised ("Jakarta", "G20") or with a capital inside ("al-Sharaa", "iPhone")."""
    return word[:1].isupper() or (not word.islower() and any(c.isupper() for c in word))


def name_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) word ranges of capitalised runs, joined over at most two joining words."""
    joiners, runs, n, i = _joiners(), [], len(words), 0
    while i < n:
        if not _name_like(words[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _name_like(words[j]):
                j += 1
                continue
            k = j
            while k < n and k - j < MAX_JOINERS and words[k].casefold() in joiners:
                k += 1
            if j < k < n and _name_like(words[k]):
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def run_features(words: Sequence[str], runs: list[tuple[int, int]], lex: Lexicon,
                 kb: KnowledgeBase | None) -> list[list[list[str]]]:
    """CRFsuite features for the words of each run; neighbours come from the whole sentence."""
    gaz = kb_tags(words, kb)
    given = kb.given_names if kb is not None else frozenset()
    last = len(words) - 1
    # Only the runs' words and the two words either side of each are read (about half a sentence)
    described: list[Any] = [None] * len(words)
    for start, end in runs:
        for k in range(max(start - 2, 0), min(end + 2, last + 1)):
            if described[k] is None:
                described[k] = describe_word(words[k], lex, given)
    heads = _organisation_heads()
    out = []
    for start, end in runs:
        # The run's first and last words and whether it holds an organisation's head word
        # ("Bank of America" is a bank before it is a country) inform every word in it.
        run = (f"rw0={described[start].w}", f"rwn={described[end - 1].w}",
               f"rorg={any(described[k].w in heads for k in range(start, end))}")
        out.append([_token_features(described, gaz, i, start, end, last, run) for i in range(start, end)])
    return out


@cache
def _organisation_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_lines("en", "quote_org_heads.txt"))


def _token_features(described: list[Any], gaz: list[str], i: int, start: int, end: int, last: int,
                    run: tuple[str, ...]) -> list[str]:
    me = described[i]
    f = [*me.base, *run, f"gz={gaz[i]}", f"rl={min(end - start, 5)}", f"ri={min(i - start, 3)}"]
    if i == 0:
        f.append("BOS")
    if i == start:
        f.append("RS")
    if i == end - 1:
        f.append("RE")
    f += neighbour_features(described, gaz, i, last, pad=True)
    if i > 0:
        f.append(f"-1w|w={described[i - 1].w}|{me.w}")
    if i < last:
        f.append(f"w|+1w={me.w}|{described[i + 1].w}")
    return f


def tag_words(words: Sequence[str], tagger: Any, lex: Lexicon, kb: KnowledgeBase | None) -> list[str]:
    """BIO tags for a sentence's words: O outside capitalised runs, the CRF's tags inside."""
    tags = ["O"] * len(words)
    runs = name_runs(words)
    if runs:
        for (start, end), features in zip(runs, run_features(words, runs, lex, kb)):
            tags[start:end] = tagger.tag(features)
    return tags


def english_crf_candidates(article: Article, groups: list[list[Span]] | None = None) -> list[Candidate] | None:
    """Names the English CRF finds, or None when it cannot run here."""
    tagger = load_english_tagger()
    if tagger is None:
        return None
    lex, kb, text = load_english_lexicon(), load_kb(), article.text
    found: list[Candidate] = []
    for tokens in sentence_tokens(article) if groups is None else groups:
        if tokens:
            words = [text[t.start:t.end] for t in tokens]
            tags = tag_words(words, tagger, lex, kb)
            found += tagged_candidates(text, tokens, tags, kb) + _demonyms(text, tokens, words, tags, kb)
    return [_as_demonym(c, kb) for c in found]


def _demonyms(text: str, tokens: list[Span], words: list[str], tags: list[str], kb: KnowledgeBase) -> list[Candidate]:
    """A people's adjective the CRF left untagged ("Georgian demonstrators", "Syrian rebels"):
    spaCy reads each as NORP, which names the country's side in an event, so every one counts."""
    found = []
    for k, word in enumerate(words):
        if tags[k] == "O" and word[:1].isupper() and (country := kb.demonym(word)) is not None:
            t = tokens[k]
            found.append(Candidate(t.start, t.end, text[t.start:t.end], "PLACE", "crf", country, options=(country,), tagged=True))
    return found


def _as_demonym(c: Candidate, kb: KnowledgeBase) -> Candidate:
    """A name tagged on a people's adjective alone ("Russian", "Ugandan" read as a person) is a
    mention of its country, as the teacher's NORP labels were read when the model was trained."""
    if (country := kb.demonym(c.text)) is not None:
        return Candidate(c.start, c.end, c.text, "PLACE", "crf", country, options=(country,), tagged=True)
    return c
