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
from array import array
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

FEATURE_VERSION = 1

TOKEN = re.compile(
    r"(?:https?://|www\.)\S+|[@#][\w.]*\w"
    r"|\w+(?:['’]\w+)*(?:\.(?:com|net|org|io|ly|it|co|me|tv|gg|link)\b(?:/\S*)?)?|[^\w\s]"
)
URL_START = ("http", "www.")


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
    for tok in TOKEN.findall(text.lower()):
        first = tok[0]
        if len(tok) == 1 and not first.isalnum():
            out.append(tok)
        elif first == "@":
            out.append("<mention>")
        elif first == "#":
            out.append(tok)
            out.append(tok[1:])
        elif not first.isalnum() and first != "_":
            out.append(tok)
        elif "." in tok or tok.startswith(URL_START):
            out.append("<url>")
        elif tok.isalpha() or not any(ch.isdigit() for ch in tok):
            out.append(tok)
        elif tok.isdigit() or len(tok) < 4:
            out.append("<num>")
        else:
            out.append("<code>")
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


@lru_cache(maxsize=8)
def _pair_cache(buckets: int):
    @lru_cache(maxsize=262_144)
    def pair_id(a: str, b: str) -> int:
        return _hash(f"b:{a} {b}", buckets)

    return pair_id


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
        pair_id = _pair_cache(config.buckets)
        ids.extend(pair_id(a, b) for a, b in zip(toks, toks[1:]))
    ids.extend(_hash(mark, config.buckets) for mark in shape_marks(text, toks))
    return ids


def batch_ids(texts: list[str], config: FeatureConfig) -> tuple[array, array]:
    """Flat ids and offsets for an EmbeddingBag: text i owns flat[offsets[i]:offsets[i + 1]].

    Machine-integer arrays, so that torch takes them without a Python loop (`model.to_tensors`)."""
    flat = array("q")
    offsets = array("q")
    for text in texts:
        offsets.append(len(flat))
        flat.extend(text_ids(text, config))
    return flat, offsets
