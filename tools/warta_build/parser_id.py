"""Training the Indonesian parser (`warta train parser-id`) from the UD treebanks in
../shared/corpus/annotations/ud-indonesian (CC BY-SA; see its README).

Reproducible: the four training files are read in a fixed order, shuffled with a fixed seed, the
first DEV_SIZE sentences held out to choose the best step (early stopping), and spaCy trains the
pipeline in parser-id.cfg (its seed fixed there). The test file (id_csui-ud-test, news) is never
read here; `warta eval parser` scores the result on it. Also writes the multiword-token table the
stage uses to split clitics ("menyetujuinya" → menyetujui + nya) as the treebanks do.
"""
from __future__ import annotations

import os
import random
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

from warta.syntax.conllu import read_conllu

TRAIN_FILES = ("id_csui-ud-train.conllu", "id_gsd-ud-dev.conllu", "id_gsd-ud-test.conllu", "id_pud-ud-test.conllu")
TEST_FILE = "id_csui-ud-test.conllu"
CONFIG = Path(__file__).with_name("parser-id.cfg")
DEV_SIZE = 200
SEED = 0


def training_docs(data: Path, vocab: Any) -> tuple[list[Any], list[Any]]:
    """(train, dev) spaCy Docs of the training files: one Doc a sentence, words as in the treebank."""
    from spacy.training.converters import conllu_to_docs

    docs = []
    for name in TRAIN_FILES:
        text = (data / name).read_text(encoding="utf-8")
        for doc in conllu_to_docs(text, n_sents=1, no_print=True):
            docs.append(doc)
    random.Random(SEED).shuffle(docs)
    return docs[DEV_SIZE:], docs[:DEV_SIZE]


def train_pipeline(data: Path, out: Path, work: Path) -> float:
    """Train the pipeline into `out` (a model folder); returns the seconds spent."""
    import spacy
    from spacy.cli.train import train
    from spacy.tokens import DocBin

    work.mkdir(parents=True, exist_ok=True)
    train_docs, dev_docs = training_docs(data, spacy.blank("id").vocab)
    DocBin(docs=train_docs, store_user_data=False).to_disk(work / "train.spacy")
    DocBin(docs=dev_docs, store_user_data=False).to_disk(work / "dev.spacy")
    started = time.perf_counter()
    train(CONFIG, work / "output", overrides={"paths.train": str(work / "train.spacy"),
                                             "paths.dev": str(work / "dev.spacy")})
    if out.exists():
        shutil.rmtree(out)
    from warta.syntax.parser import set_float_width

    nlp = spacy.load(work / "output" / "model-best")
    set_float_width(nlp, "float16")  # half the size on disk; widened again when loaded
    nlp.to_disk(out)
    return time.perf_counter() - started


def clitic_table(data: Path, *, min_split: int = 100) -> list[str]:
    """Lines for lang/id/syntax_clitics.tsv from the training files' multiword tokens: `clitic`
    suffixes split often enough to split in unseen words, `split` words seen split with a rarer one,
    `keep` words that end like a clitic but stand whole in the treebanks ("hanya", "adalah")."""
    split: Counter[tuple[str, str]] = Counter()
    whole: Counter[str] = Counter()
    for name in TRAIN_FILES:
        for sentence in read_conllu(data / name):
            inside = set()
            for form, first, last in sentence.tokens:
                inside.update(range(first, last + 1))
                clitic = sentence.words[last].form.lower()
                if last == first + 1 and form.lower().endswith(clitic) and len(form) > len(clitic):
                    split[(form.lower(), clitic)] += 1
            whole.update(w.form.lower() for i, w in enumerate(sentence.words) if i not in inside)
    suffixes = Counter()
    for (_, clitic), n in split.items():
        suffixes[clitic] += n
    productive = sorted(c for c, n in suffixes.items() if n >= min_split)
    words = {form for form, _ in split}
    lines = [f"clitic\t{c}" for c in productive]
    lines += sorted(f"split\t{form}\t{c}" for (form, c) in split if c not in productive)
    lines += sorted(f"keep\t{w}" for w in whole if w not in words and any(w.endswith(c) and len(w) > len(c) for c in productive))
    return lines


CARD = """# Model card: Indonesian parser (`parser-id`)

A spaCy 3.8 pipeline for Indonesian used by warta's `syntax` stage: a shared tok2vec (hash
embeddings of the normalised word, its first letter, last three letters and shape; a 4-layer
convolutional encoder, width 128), a morphologizer (universal POS and UD features; the treebanks'
XPOS tag sets differ, so no XPOS tagger), a trainable lemmatizer and a transition-based dependency
parser with Universal Dependencies v2 relations. The configuration is
`tools/warta_build/parser-id.cfg`; `warta train parser-id` rebuilds it (fixed seed).

## Data

Trained on four files of `../shared/corpus/annotations/ud-indonesian` (see its README):
UD_Indonesian-CSUI train (news), UD_Indonesian-GSD dev and test (web and news),
UD_Indonesian-PUD test (news and Wikipedia translated from English). They are shuffled with seed 0
and {dev} sentences held out to choose the best checkpoint. The test file
`id_csui-ud-test.conllu` (374 sentences of formal news) is never used in training; the scores
below are on it, with the gold words and sentences fed to the parser (`warta eval parser`).

The model reads syntactic words: the stage splits the clitics the treebanks split
("menyetujuinya" → menyetujui + nya) using `lang/id/syntax_clitics.tsv`, which the same command
derives from the training files' multiword tokens.

## Licence

The treebanks are licensed CC BY-SA 4.0 (CSUI, GSD) and CC BY-SA 3.0 (PUD); this model is a
derived work and is distributed under the same terms (CC BY-SA 4.0), with their notices in
`LICENSE-CSUI.txt`, `LICENSE-GSD.txt` and `LICENSE-PUD.txt` next to this card. warta's code is
Apache-2.0.

## Limits

Trained on about 2,900 sentences, mostly formal news and translated text: informal writing,
headlines and very long sentences parse worse. The treebanks disagree on some relations (GSD marks
most agents with "oleh" as plain `obl`, CSUI and PUD as `obl:agent`), so such subtypes are less
reliable than the relations they refine.
"""


def write_card(out: Path, test: Path, seconds: float) -> str:
    """Score the model in `out` on `test`, copy the licence notices and write MODEL_CARD.md."""
    import datetime

    from warta.syntax.conllu import score_parser
    from warta.syntax.parser import load_parser

    for notice in test.parent.glob("LICENSE-*.txt"):
        shutil.copy(notice, out / notice.name)
    sentences = list(read_conllu(test))
    parser = load_parser("id")
    if parser is None:
        raise RuntimeError(f"the model in {out} cannot be loaded")
    started = time.perf_counter()
    scores = score_parser(parser, sentences)
    speed = scores.tokens / (time.perf_counter() - started)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    facts = (f"\n## Last training run\n\n- date: {datetime.date.today().isoformat()}\n"
             f"- command: `warta train parser-id`; training time: {seconds / 60:.0f} min (wall) on a shared 2-core machine\n"
             f"- `warta eval parser --conllu {test.name}`: {scores.line()}\n"
             f"- size: {size / 1e6:.1f} MB (weights stored as float16, run as float32); speed: {speed:.0f} words/s "
             f"on 1 core (the test file, parsed in batches; load average {os.getloadavg()[0]:.1f} at the time)\n")
    (out / "MODEL_CARD.md").write_text(CARD.format(dev=DEV_SIZE) + facts, encoding="utf-8")
    return scores.line()
