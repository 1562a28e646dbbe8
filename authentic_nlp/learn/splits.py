"""Train, dev and test splits BY CREATOR, never by row.

A creator's posts share a voice (phrases, emoji habits, hashtags, signature sign-offs). A row-level
split would put the same voice on both sides and measure memorisation, so every post of a creator
lands in the same split, and so do the comments under those posts.

    bucket(creator) = crc32("authentic_nlp/split/v1:" + creator.lower()) mod 100
    split           = train if bucket < 70, dev if bucket < 85, else test      (~70 / 15 / 15)

crc32 (zlib) is the same on every machine and Python version; Python's own `hash()` is salted per
process and would give another split on every run. Posts without a creator are assigned by their
post id instead (the same rule, the id standing in for the creator).
"""

from __future__ import annotations

import zlib

SPLITS = ("train", "dev", "test")
SALT = "authentic_nlp/split/v1:"
TRAIN_PERCENT = 70
DEV_PERCENT = 15


def split_bucket(key: str) -> int:
    """The creator's bucket, 0..99: stable across machines, processes and Python versions."""
    return zlib.crc32((SALT + key.strip().lower()).encode("utf-8")) % 100


def split_of(creator: str | None, post_id: str = "") -> str:
    """`train`, `dev` or `test` for a creator handle (the post id when there is no creator)."""
    key = creator if creator else f"post:{post_id}"
    bucket = split_bucket(key)
    if bucket < TRAIN_PERCENT:
        return "train"
    if bucket < TRAIN_PERCENT + DEV_PERCENT:
        return "dev"
    return "test"
