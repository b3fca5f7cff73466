"""Train the Indonesian CRF entity tagger, reproducibly (`warta train entities`, `make models`).

Data: the IndoNLU NERGrit train split (Apache-2.0; PERSON, PLACE, ORGANISATION in BIO) for
the tagger; the validation split only to report scores; the test split never. The nlp-id
wheel's tagged corpus (dataset_postag.txt, 560k tokens) gives the word classes: words that
are mostly common words, words that are mostly proper nouns.
"""
from __future__ import annotations

import importlib.util
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warta.entities.crf import spans  # noqa: F401 - scored here and by the tests as before
from warta.entities.features import Lexicon, sentence_features
from warta.kb import KnowledgeBase

TAG_MAP = {"PERSON": "PERSON", "PLACE": "PLACE", "ORGANISATION": "ORG", "ORGANIZATION": "ORG"}
# CRFsuite settings: elastic net keeps the model small (L1) and smooth (L2).
CRF_PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 200, "feature.possible_transitions": True}


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of a token<TAB>tag file, tags mapped to PERSON/PLACE/ORG (others become O)."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        word, _, tag = line.partition("\t")
        prefix, _, label = tag.strip().partition("-")
        mapped = TAG_MAP.get(label)
        tags.append(f"{prefix}-{mapped}" if mapped and prefix in "BI" else "O")
        words.append(word.strip())


def postag_corpus() -> Path:
    """The tagged corpus shipped in the nlp-id wheel (install it with `pip install --no-deps nlp-id`)."""
    spec = importlib.util.find_spec("nlp_id")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("nlp-id is not installed: pip install --no-deps 'nlp-id==0.1.23.0'")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset_postag.txt"


def word_classes(path: Path, *, min_count: int = 2) -> tuple[list[str], list[str]]:
    """(common words, name words): lower-case words tagged NNP under 20% / over 80% of the time."""
    total: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, tag = line.partition("\t")
        if not word.strip() or not any(c.isalpha() for c in word):
            continue
        low = word.strip().casefold()
        total[low] += 1
        proper[low] += tag.strip() == "NNP"
    common = sorted(w for w, n in total.items() if n >= min_count and proper[w] / n < 0.2)
    names = sorted(w for w, n in total.items() if n >= min_count and proper[w] / n > 0.8)
    return common, names


def train_crf(sentences: list[tuple[list[str], list[str]]], lex: Lexicon, kb: KnowledgeBase | None,
              model_path: Path) -> float:
    """Train and save the model; return the seconds it took."""
    import pycrfsuite

    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(sentence_features(words, lex, kb), tags)
    trainer.set_params(CRF_PARAMS)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return time.perf_counter() - began


def score(model_path: Path, sentences: list[tuple[list[str], list[str]]], lex: Lexicon,
          kb: KnowledgeBase | None) -> dict[str, float]:
    """Mention-level precision, recall and F1 of the model on BIO sentences."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    tp = fp = fn = 0
    for words, tags in sentences:
        gold, guess = spans(tags), spans(tagger.tag(sentence_features(words, lex, kb)))
        tp, fp, fn = tp + len(gold & guess), fp + len(guess - gold), fn + len(gold - guess)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
