"""Near-duplicate articles: MinHash LSH clusters syndicated and republished copies.

Wire stories are republished by many outlets with small edits (a byline, a last paragraph); each
copy would otherwise count its events again. An article's signature is a MinHash of its word
5-shingles; LSH finds earlier articles whose estimated Jaccard similarity reaches the threshold,
and the article joins the cluster of the earliest of them. A cluster is named by the id of its
first article, so it never changes as copies arrive. Events then count once per cluster, with the
number of articles and of distinct sources that reported them (GDELT's NumArticles/NumSources).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from hashlib import sha1
from typing import Any
from urllib.parse import urlsplit

import numpy as np

NUM_PERM = 128
SHINGLE = 5
SEED = 1
SCHEME = "affine32"  # datasketch >= 2 hashes into 32 bits; stored signatures must say so
_WORD = re.compile(r"\w+", re.UNICODE)
_SHA1_WORDS = 5  # a SHA-1 digest is five 32-bit words


def signature(text: str, *, num_perm: int = NUM_PERM, shingle: int = SHINGLE) -> np.ndarray:
    """The MinHash of `text`'s word shingles (uint32 hash values): datasketch's
    `MinHash(num_perm, seed=SEED, scheme=SCHEME)` updated with each shingle's UTF-8 bytes."""
    words = _WORD.findall(text.lower())
    # Shingles as UTF-8 bytes, from words encoded in one call (no word holds a space). A shingle
    # seen twice is hashed twice: the minimum is the same, and rare repeats cost less than a set.
    encoded = " ".join(words).encode("utf-8").split(b" ") if words else []
    if len(encoded) < shingle:  # a short text is one shingle (an empty one: b"")
        grams: Iterable[bytes] = [b" ".join(encoded)]
    else:
        grams = map(b" ".join, zip(*(encoded[i:] for i in range(shingle))))
    return _min_hashes(_sha1_hash32(grams), *_permutations(num_perm))


def _sha1_hash32(grams: Iterable[bytes]) -> np.ndarray:
    """datasketch's default hash (`sha1_hash32`: the first four bytes of the SHA-1 digest, little
    endian) of each shingle, read from all the digests at once rather than one by one."""
    digests = b"".join([sha1(g).digest() for g in grams])
    return np.frombuffer(digests, dtype="<u4")[::_SHA1_WORDS].copy()


def _min_hashes(hashes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """What datasketch's "affine32" scheme does with a batch of 32-bit hashes (MinHash.update_batch):
    the MurmurHash3 finaliser, then each permutation a*x + b (mod 2**32), then the minimum. Done
    here on the whole batch at once, since datasketch takes the hashes one Python call each."""
    hashes ^= hashes >> 16
    hashes *= 0x85EBCA6B
    hashes ^= hashes >> 13
    hashes *= 0xC2B2AE35
    hashes ^= hashes >> 16
    return (hashes[:, np.newaxis] * a + b).min(axis=0)


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutations for SEED and SCHEME (uint32 arrays), drawn once."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _lean(sig: np.ndarray) -> Any:
    """A MinHash of given hash values, as the LSH index takes it (without drawing permutations)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class Deduplicator:
    """Assigns each article a cluster id; deterministic for a given order of arrival."""

    def __init__(self, *, threshold: float = 0.8, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        # LSH banding tuned at the threshold itself misses many pairs just above it; retrieve
        # candidates at a lower similarity and verify each against the real threshold instead.
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.3), num_perm=num_perm, weights=(0.2, 0.8))
        self._signatures: dict[str, np.ndarray] = {}
        self._cluster: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._cluster)

    def cluster_of(self, article_id: str) -> str | None:
        """The cluster an article was put in, if it has been seen."""
        return self._cluster.get(article_id)

    def assign(self, article_id: str, sig: np.ndarray) -> str:
        """Put the article in the cluster of its earliest near-duplicate, or start a new cluster."""
        if article_id in self._cluster:
            return self._cluster[article_id]
        matches = [k for k in self._candidates(sig) if similarity(sig, self._signatures[k]) >= self.threshold]
        cluster = self._cluster[min(matches, key=self._order.__getitem__)] if matches else article_id
        self.add(article_id, sig, cluster)
        return cluster

    def add(self, article_id: str, sig: np.ndarray, cluster: str) -> None:
        """Record a known assignment (used to reload the index from the journal on resume)."""
        if article_id in self._cluster:
            return
        self._lsh.insert(article_id, _lean(sig))
        self._signatures[article_id] = sig.astype(np.uint32)
        self._cluster[article_id] = cluster
        self._order[article_id] = len(self._order)

    def _candidates(self, sig: np.ndarray) -> list[str]:
        if not self._signatures:
            return []
        return list(self._lsh.query(_lean(sig)))


@dataclass(frozen=True, slots=True)
class EventCount:
    """One event as reported by a cluster of copies: counted once, with how many reported it."""

    cluster: str
    type: str
    cameo: str
    actor1: str | None
    actor2: str | None
    day: str | None
    num_articles: int
    num_sources: int


def source_of(url: str | None, fallback: str) -> str:
    """The outlet an article came from: its URL's host without 'www.', else the fallback."""
    host = urlsplit(url).netloc.lower() if url else ""
    return host.removeprefix("www.") or fallback


def count_events(rows: Iterable[dict]) -> list[EventCount]:
    """Collapse event rows (cluster, article_id, url, type, cameo, actor1, actor2, day) per cluster.

    Two rows are the same event when their cluster, type, CAMEO code, actors and day agree.
    """
    groups: dict[tuple, tuple[set[str], set[str]]] = {}
    for row in rows:
        key = (row["cluster"], row["type"], row["cameo"], row.get("actor1"), row.get("actor2"), row.get("day"))
        articles, sources = groups.setdefault(key, (set(), set()))
        articles.add(row["article_id"])
        sources.add(source_of(row.get("url"), row["article_id"]))
    return [EventCount(*key, num_articles=len(a), num_sources=len(s)) for key, (a, s) in groups.items()]
