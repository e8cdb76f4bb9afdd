"""MinHash signatures of article bodies and their LSH band buckets (datasketch).

A body becomes the set of its word trigrams (folded: case, diacritics and
punctuation ignored); datasketch's :class:`~datasketch.MinHash` summarises the
set in ``NUM_PERM`` numbers whose agreement estimates the Jaccard
similarity of two sets. LSH cuts the signature into ``bands`` of ``rows``:
two articles become candidates when any band is identical, which happens
with probability ``1 - (1 - J**rows)**bands``. The band and row counts are
datasketch's own optimum for :data:`THRESHOLD` (it weighs false negatives
above false positives); candidates are then confirmed by passage alignment,
so a low threshold costs only verification time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from khronika.names import fold

NUM_PERM = 128
SHINGLE = 3
#: Jaccard similarity of word trigrams from which a pair should be a candidate.
#: An edited republication (reordered, partly rewritten) of the sample corpus
#: measures 0.49; two different stories on the same event 0.00-0.01.
THRESHOLD = 0.2
SEED = 1
#: datasketch 2 names its hashing scheme; stored signatures must be read back with it.
SCHEME = "affine32"
_DTYPE = np.uint32


@dataclass(frozen=True, slots=True)
class Banding:
    bands: int
    rows: int


@lru_cache(maxsize=1)
def banding() -> Banding:
    """datasketch's band/row split for :data:`THRESHOLD` and :data:`NUM_PERM`."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return Banding(lsh.b, lsh.r)


def shingles(text: str) -> set[bytes]:
    """The folded word trigrams of ``text`` (the words themselves for very short texts)."""
    words = fold(text).split()
    if len(words) < SHINGLE:
        return {w.encode() for w in words}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash:
    """The MinHash of ``text``'s shingles."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    grams = shingles(text)
    if grams:
        minhash.update_batch(list(grams))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=_DTYPE)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME)


def buckets(minhash: MinHash) -> list[int]:
    """One bucket number per band: a 63-bit hash of the band's values."""
    split = banding()
    values = np.asarray(minhash.hashvalues, dtype=_DTYPE)
    found = []
    for band in range(split.bands):
        chunk = values[band * split.rows : (band + 1) * split.rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        found.append(int.from_bytes(digest, "big") >> 1)
    return found


def similarity(left: bytes, right: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    return float(from_bytes(left).jaccard(from_bytes(right)))
