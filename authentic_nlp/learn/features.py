"""fastText-style hashed features: word unigrams and bigrams, character n-grams, a few shape marks.

    text ─> lower-cased tokens (URLs -> <url>, @handles -> <mention>, numbers -> <num>,
            letters-and-digits words such as SCONTO20 -> <code>, each emoji
            or punctuation mark a token of its own, #tag -> "#tag" and "tag")
         ─> "w:" word, "b:" word pair, "c:" n-gram of "<word>" (n = char_min..char_max), "s:" shape
         ─> crc32(feature) mod buckets                                        (one id per feature)

Hashing is zlib.crc32, identical on every machine and process (Python's `hash()` is salted per
process and would scramble a saved model). Char n-grams of a word are cached (`word_ids`), so a
word seen before costs one dictionary lookup: most words in social text repeat.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

FEATURE_VERSION = 1

TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|io|ly|it|co|me|tv|gg|link)(?:/\S*)?\b)"
    r"|(?P<mention>@[\w.]+)"
    r"|(?P<hashtag>#\w+)"
    r"|(?P<code>\b(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{4,}\b)"
    r"|(?P<num>\d+(?:[.,:]\d+)*%?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<other>[^\w\s])",
)


@dataclass(frozen=True)
class FeatureConfig:
    buckets: int = 2 ** 17
    char_min: int = 3
    char_max: int = 5
    word_bigrams: bool = True
    version: int = FEATURE_VERSION

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FeatureConfig":
        return cls(**{k: data[k] for k in ("buckets", "char_min", "char_max", "word_bigrams", "version") if k in data})


def tokens(text: str) -> list[str]:
    """The normalized tokens of a text (see the module docstring); "" and whitespace give []."""
    out: list[str] = []
    for m in TOKEN.finditer(text.lower()):
        kind = m.lastgroup
        if kind == "word" or kind == "other":
            out.append(m.group())
        elif kind == "hashtag":
            out.append(m.group())
            out.append(m.group()[1:])
        else:
            out.append(f"<{kind}>")
    return out


def _hash(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


@lru_cache(maxsize=8)
def _word_cache(buckets: int, char_min: int, char_max: int):
    @lru_cache(maxsize=262_144)
    def word_ids(token: str) -> tuple[int, ...]:
        ids = [_hash("w:" + token, buckets)]
        if token[0].isalpha() and len(token) > 1:
            padded = f"<{token}>"
            for n in range(char_min, char_max + 1):
                for i in range(len(padded) - n + 1):
                    ids.append(_hash("c:" + padded[i:i + n], buckets))
        return tuple(ids)

    return word_ids


def shape_marks(text: str, toks: list[str]) -> list[str]:
    """Coarse facts the n-grams miss: length, emptiness, shouting, no words at all."""
    words = [t for t in toks if t[0].isalpha()]
    marks = [f"s:len{min(len(toks).bit_length(), 9)}"]
    if not words:
        marks.append("s:nowords")
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 8 and sum(ch.isupper() for ch in letters) > 0.6 * len(letters):
        marks.append("s:caps")
    if not text.strip():
        marks.append("s:empty")
    return marks


def text_ids(text: str, config: FeatureConfig) -> list[int]:
    """Every hashed feature id of one text, in order (repeats kept: the bag is a mean)."""
    word_ids = _word_cache(config.buckets, config.char_min, config.char_max)
    toks = tokens(text)
    ids: list[int] = []
    for token in toks:
        ids.extend(word_ids(token))
    if config.word_bigrams:
        ids.extend(_hash(f"b:{a} {b}", config.buckets) for a, b in zip(toks, toks[1:]))
    ids.extend(_hash(mark, config.buckets) for mark in shape_marks(text, toks))
    return ids


def batch_ids(texts: list[str], config: FeatureConfig) -> tuple[list[int], list[int]]:
    """Flat ids and offsets for an EmbeddingBag: text i owns flat[offsets[i]:offsets[i + 1]]."""
    flat: list[int] = []
    offsets: list[int] = []
    for text in texts:
        offsets.append(len(flat))
        flat.extend(text_ids(text, config))
    return flat, offsets
