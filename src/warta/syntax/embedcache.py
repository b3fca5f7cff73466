"""A word's embedding computed once: the context-free first half of a spaCy tok2vec, remembered.

A tok2vec (spaCy's `MultiHashEmbed` then a window encoder) first turns each word into a vector
from its own features alone (its norm, prefix, suffix, shape...: hashed embeddings, then a
maxout layer, a third of the tok2vec's arithmetic), and only then mixes in its neighbours. The
same features always give the same vector, and a news text repeats its words ("the", ",",
"said", the names of the day): each distinct row of features is embedded once per batch, and
the vectors are kept for the next sentences (up to `CAPACITY` rows, then started afresh), so a
worker's parser embeds mostly words it has not met yet. Each row's vector is what the layers
give it alone (no layer mixes rows): the parses are the same.
"""
from __future__ import annotations

from typing import Any

import numpy

CAPACITY = 20_000  # rows of features kept (96 floats each for en_core_web_sm: under 8 MB)
EXTRACTOR = "extract_features"


class EmbedCache:
    """The vectors of the feature rows a tok2vec's embedding layers have embedded."""

    def __init__(self, features: Any, embed: Any, capacity: int = CAPACITY) -> None:
        self.features = features  # docs -> a (words, columns) array of feature ids per doc
        self.embed = embed  # a list of such arrays -> a list of (words, width) vectors
        self.capacity = capacity
        self.index: dict[bytes, int] = {}  # a row of features (its bytes) -> its row in `vectors`
        self.vectors: Any = None  # (capacity, width), filled from the top

    def __call__(self, docs: list[Any]) -> list[Any]:
        """The embedding of every word of `docs`, one array per doc."""
        arrays = self.features.predict(docs)
        sizes = [len(a) for a in arrays]
        if not sum(sizes):
            return self.embed.predict(arrays)
        rows = numpy.ascontiguousarray(numpy.concatenate(arrays))
        keys = rows.view(numpy.dtype((numpy.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        distinct, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        if len(distinct) > self.capacity:  # more than it can keep: embedded as they are
            return self.embed.predict(arrays)
        where = self._rows_of([k.tobytes() for k in distinct], rows[first])
        return numpy.split(self.vectors[where[inverse.ravel()]], numpy.cumsum(sizes)[:-1])

    def _rows_of(self, keys: list[bytes], features: Any) -> Any:
        """Where each key's vector is in `self.vectors`, embedding the keys not seen yet."""
        found = [self.index.get(k, -1) for k in keys]
        missing = [n for n, at in enumerate(found) if at < 0]
        if not missing:
            return numpy.asarray(found)
        if len(self.index) + len(missing) > self.capacity:  # full: start again rather than grow
            self.index.clear()
            found, missing = [-1] * len(keys), list(range(len(keys)))
        new = self.embed.predict([features[missing]])[0]
        if self.vectors is None:
            self.vectors = numpy.empty((self.capacity, new.shape[1]), dtype=new.dtype)
        start = len(self.index)
        self.vectors[start:start + len(missing)] = new
        for offset, n in enumerate(missing):
            self.index[keys[n]] = found[n] = start + offset
        return numpy.asarray(found)


def cache_embeddings(nlp: Any) -> int:
    """Give every embedding of `nlp`'s components that starts with spaCy's feature extractor (a
    tok2vec's, or the one inside a component with its own tok2vec, such as a NER's) an
    `EmbedCache` for prediction; training goes through the layers as before. Returns how many."""
    changed = 0
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        for node in list(model.walk()) if model is not None else ():
            for i, layer in enumerate(node.layers):
                if _is_embedding(layer):
                    node.layers[i] = cached(layer)
                    changed += 1
    return changed


def _is_embedding(layer: Any) -> bool:
    """A chain from spaCy's feature extractor to word vectors (`MultiHashEmbed`'s shape)."""
    return len(layer.layers) >= 2 and layer.layers[0].name == EXTRACTOR and layer.name.startswith(EXTRACTOR + ">>")


def cached(embed: Any) -> Any:
    """A layer that predicts what `embed` does, through an `EmbedCache`."""
    from thinc.api import Model, chain

    cache = EmbedCache(embed.layers[0], chain(*embed.layers[1:]))

    def forward(model: Any, docs: list[Any], is_train: bool) -> Any:
        if is_train:
            return embed(docs, is_train)
        return cache(docs), _no_backprop

    return Model("cached_embed", forward, layers=[embed], dims={"nO": embed.get_dim("nO")})


def _no_backprop(gradient: Any) -> Any:
    raise NotImplementedError("the cached embedding only predicts")
