"""Distil spaCy's English NER into the CRF of `english_crf` (`warta train entities-en`).

The teacher is en_core_web_sm 3.8.0 (MIT): its names on warta's own tokens become BIO labels,
exactly as `english.spacy_candidates` reads them (leading "the" dropped; NORP kept only when it
is a country's people, as PLACE). Training text is English news under open licences, read from
../shared/corpus by path (never copied): the article-extraction benchmark pages and en/pages
(MIT), WikiEvents documents (MIT) and the PETRARCH unit-test sentences (MIT). PolNeAR (no licence stated) is
only read to score the student against the teacher, never to train it.
"""
from __future__ import annotations

import gzip
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.entities.crf import spans
from warta.model import Article, Document

Sentence = tuple[list[str], list[str]]  # words, BIO tags
# c1 (L1) keeps the model small; it was chosen on held-out PolNeAR agreement (0.02-0.1 differ by < 0.01).
CRF_PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 300, "feature.possible_transitions": True}


def training_documents(corpus: Path) -> Iterator[Document]:
    """The openly licensed English news the student learns from."""
    for page in sorted((corpus / "bench" / "article-extraction" / "html").glob("*.html.gz")):
        yield Document(source=page.name, content=gzip.decompress(page.read_bytes()), kind="html")
    for page in sorted((corpus / "en" / "pages").glob("*.html")):
        yield Document(source=page.name, content=page.read_bytes(), kind="html")
    yield from _jsonl_texts(corpus / "en" / "wikievents" / "articles.jsonl", "wikievents")
    # PETR2_GSR_validation is left out: cameo_bench scores the pipeline on those sentences.
    for name in ("PETR.UnitTest.records.sentences.jsonl",):
        texts = [json.loads(line)["text"] for line in (corpus / "annotations" / "petrarch-cameo" / name).open()]
        for k in range(0, len(texts), 20):  # twenty sentences a document, one a paragraph
            yield Document(source=f"{name}#{k}", content="Sentences\n\n" + "\n\n".join(texts[k:k + 20]), kind="text")


def scoring_documents(corpus: Path) -> Iterator[Document]:
    """Held-out English news for the agreement score (PolNeAR articles)."""
    yield from _jsonl_texts(corpus / "en" / "polnear" / "articles.jsonl", "polnear")


def _jsonl_texts(path: Path, name: str) -> Iterator[Document]:
    for n, line in enumerate(path.open(encoding="utf-8")):
        record = json.loads(line)
        yield Document(source=f"{name}#{n}", content=record["text"], kind="text", title=record.get("title"))


def teacher_sentences(documents: Iterable[Document]) -> list[Sentence]:
    """spaCy's names on warta's tokens, sentence by sentence, for the English documents."""
    from warta.pipeline import Pipeline
    from warta.settings import load_settings
    from warta.entities.english import spacy_candidates
    from warta.entities.gazetteer import sentence_tokens

    reader = Pipeline.build(load_settings({"stages": "read,language,segment"}))
    out: list[Sentence] = []
    for document in documents:
        article = reader.run(document).article
        if article is None or article.language != "en":
            continue
        names = sorted((c.start, c.end, c.type) for c in spacy_candidates(article) or [])
        out += [_labelled(article, tokens, names) for tokens in sentence_tokens(article) if tokens]
    return out


def _labelled(article: Article, tokens: list, names: list[tuple[int, int, str]]) -> Sentence:
    words = [article.text[t.start:t.end] for t in tokens]
    tags = ["O"] * len(tokens)
    first, last = tokens[0].start, tokens[-1].end
    for start, end, kind in names:
        if end <= first or start >= last:
            continue
        inside = [k for k, t in enumerate(tokens) if t.start >= start and t.end <= end]
        for n, k in enumerate(inside):
            tags[k] = ("B-" if n == 0 else "I-") + kind
    return words, tags


def case_classes(sentences: list[Sentence], *, min_count: int = 2) -> tuple[list[str], list[str]]:
    """(common, names): words written capitalised mid-sentence under 20% / over 80% of the time."""
    total: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for words, _ in sentences:
        for word in words[1:]:
            if word.isalpha():
                low = word.casefold()
                total[low] += 1
                capital[low] += word[:1].isupper()
    common = sorted(w for w, n in total.items() if n >= min_count and capital[w] / n < 0.2)
    names = sorted(w for w, n in total.items() if n >= min_count and capital[w] / n > 0.8)
    return common, names


def train_english(sentences: list[Sentence], model_path: Path) -> float:
    """Train the student on the capitalised runs of `sentences`; returns the seconds it took."""
    import pycrfsuite

    from warta.kb import load_kb
    from warta.entities.english_crf import load_english_lexicon, name_runs, run_features

    began = time.perf_counter()
    lex, kb = load_english_lexicon(), load_kb()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        runs = name_runs(words)
        for (start, end), features in zip(runs, run_features(words, runs, lex, kb) if runs else []):
            trainer.append(features, tags[start:end])
    trainer.set_params(CRF_PARAMS)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return time.perf_counter() - began


def agreement(model_path: Path, sentences: list[Sentence]) -> dict[str, float]:
    """Mention-level precision, recall and F1 of the student against the teacher's labels."""
    import pycrfsuite

    from warta.kb import load_kb
    from warta.entities.english_crf import load_english_lexicon, tag_words

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    lex, kb = load_english_lexicon(), load_kb()
    tp = fp = fn = 0
    for words, tags in sentences:
        gold, guess = spans(tags), spans(tag_words(words, tagger, lex, kb))
        tp, fp, fn = tp + len(gold & guess), fp + len(guess - gold), fn + len(gold - guess)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
