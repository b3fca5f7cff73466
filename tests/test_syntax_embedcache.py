"""The embedding cache of the parsers' tok2vec: the same vectors as the layers, whatever it holds."""
from __future__ import annotations

import numpy
import pytest

from warta.syntax.embedcache import EmbedCache
from warta.syntax.parser import load_parser

pytestmark = pytest.mark.skipif(load_parser("en") is None, reason="en_core_web_sm is not installed")

SENTENCES = ["Russia attacked Ukraine on Monday , officials said .",
             "The talks in Geneva ended on Monday without a deal .",
             "Officials said the talks would resume ."]


def _setup():
    from spacy.tokens import Doc

    nlp = load_parser("en").nlp
    cached = nlp.get_pipe("tok2vec").model.layers[0]
    assert cached.name == "cached_embed"  # load_parser installed it
    embed = cached.layers[0]  # the original layers
    docs = [Doc(nlp.vocab, words=s.split()) for s in SENTENCES]
    return embed, docs


@pytest.mark.parametrize("capacity", [1000, 12, 3])
def test_the_cache_gives_the_vectors_the_layers_give(capacity: int) -> None:
    # 12 rows: full after the first sentences, it starts again; 3: fewer than a sentence's words
    from thinc.api import chain

    embed, docs = _setup()
    cache = EmbedCache(embed.layers[0], chain(*embed.layers[1:]), capacity=capacity)
    expected = embed.predict(docs)
    for _ in range(2):  # the second time from what it kept
        for doc, vectors in zip(docs, expected):
            (got,) = cache([doc])
            assert numpy.array_equal(got, vectors)
        assert all(numpy.array_equal(a, b) for a, b in zip(cache(docs), expected))
    assert len(cache.index) <= capacity


def test_a_repeated_word_is_embedded_once() -> None:
    from thinc.api import chain

    embed, docs = _setup()
    cache = EmbedCache(embed.layers[0], chain(*embed.layers[1:]))
    cache(docs[:1])
    kept = len(cache.index)
    assert kept == len(set(SENTENCES[0].split()))
    cache(docs[2:])  # "Officials said the talks would resume ." adds the words not seen yet
    assert len(cache.index) == len(set(SENTENCES[0].split()) | set(SENTENCES[2].split()))
