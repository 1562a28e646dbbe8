"""Deterministic shingling, MinHash and LSH banding for near-duplicate captions.

Cost is near-linear in the number of posts: each post gets a fixed-size signature; candidates
come from LSH buckets (BANDS bands of ROWS rows), and each post is compared with at most
MAX_PER_BUCKET earlier members of a bucket, so a caption pasted 1,000 times costs 1,000 x BANDS x
MAX_PER_BUCKET comparisons, not a million. Candidates are confirmed with the exact Jaccard
similarity of their shingle sets. Shingles are hashed with blake2b (never Python's salted `hash`)
and permuted with seeded multiply-shift hash functions (numpy, vectorised), so the same input
gives the same output in every process.

Shingles are word 3-grams of the folded text with numbers, mentions, links and hashtags masked
or dropped: "Day 12 of my challenge" and "Day 13 of my challenge" share their shingles, and a
creator's fixed hashtag block does not make two different captions look alike.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..cues import fold

SEED = 20240605
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
MIN_TOKENS = 8            # fewer words than this: too short to call a near-duplicate
MAX_PER_BUCKET = 20

TOKEN = re.compile(r"https?://\S+|www\.\S+|[#@][\w.]+|\d+(?:[.,:]\d+)*|\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Shingles:
    """The shingles of one text and where each sits (character offsets into the text)."""

    spans: dict[int, tuple[int, int]]  # shingle hash -> (start, end) of its first occurrence
    tokens: int

    @property
    def keys(self) -> frozenset[int]:
        return frozenset(self.spans)


def _h64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def content_tokens(text: str) -> list[tuple[str, int, int]]:
    """(masked token, start, end) for every word of the text; hashtags, mentions and links dropped."""
    folded = fold(text)
    out = []
    for m in TOKEN.finditer(folded):
        tok = m.group()
        if tok[0] in "#@" or tok.startswith(("http", "www.")):
            continue
        out.append(("0" if tok[0].isdigit() else tok, m.start(), m.end()))
    return out


def shingles(text: str) -> Shingles | None:
    """Word shingles of a text, or None when it has fewer than MIN_TOKENS words."""
    tokens = content_tokens(text)
    if len(tokens) < MIN_TOKENS:
        return None
    spans: dict[int, tuple[int, int]] = {}
    for i in range(len(tokens) - SHINGLE + 1):
        window = tokens[i:i + SHINGLE]
        key = _h64(" ".join(t for t, _, _ in window))
        spans.setdefault(key, (window[0][1], window[-1][2]))
    return Shingles(spans, len(tokens))


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """NUM_PERM multiply-shift hash functions h(x) = ((a * x + b) mod 2**64) >> 32, a odd, from SEED."""
    rng = random.Random(SEED)
    a = np.array([rng.getrandbits(64) | 1 for _ in range(NUM_PERM)], dtype=np.uint64).reshape(-1, 1)
    b = np.array([rng.getrandbits(64) for _ in range(NUM_PERM)], dtype=np.uint64).reshape(-1, 1)
    return a, b


def signature(keys: frozenset[int]) -> tuple[int, ...]:
    """The MinHash signature of a set of 64-bit shingle hashes (NUM_PERM values)."""
    a, b = _permutations()
    x = np.fromiter(sorted(keys), dtype=np.uint64, count=len(keys))
    with np.errstate(over="ignore"):
        hashed = (a * x + b) >> np.uint64(32)  # wraps modulo 2**64 by design
    return tuple(hashed.min(axis=1).tolist())


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def candidate_pairs(signatures: list[tuple[int, ...] | None]) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share at least one LSH bucket."""
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for j, sig in enumerate(signatures):
        if sig is None:
            continue
        for band in range(BANDS):
            key = (band, sig[band * ROWS:(band + 1) * ROWS])
            members = buckets.setdefault(key, [])
            for i in members[:MAX_PER_BUCKET]:
                pairs.add((i, j))
            members.append(j)
    return pairs
