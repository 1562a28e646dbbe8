"""Token extensions for social text, registered once by `register_extensions()` (never at import).

All are getters: nothing is computed while a text is tokenized, only when an analyzer asks.

| attribute | value |
|---|---|
| `token._.is_hashtag` | "#adv", "#pubblicità" |
| `token._.is_mention` | "@giulia.rossi_92" |
| `token._.is_emoji` | one emoji sequence: "😍", "👨‍👩‍👧", "🇮🇹", "1️⃣" |
| `token._.is_code_like` | discount-code shape: "GIULIA20", "SCONTO15" |
| `token._.is_elongated` | "bellissimooo", "soooo" |
| `token._.unelongated` | "bellissimo", "so" (the text itself when not elongated) |
| `token._.hashtag_parts` | ["viaggiare", "low", "cost"] for "#ViaggiareLowCost", [] when not a hashtag |
"""

from __future__ import annotations

from typing import Callable

from .thinc_light import load_thinc_without_torch

load_thinc_without_torch()  # before spaCy: see text/thinc_light.py

from spacy.tokens import Token

from .emoji_regex import is_emoji
from .hashtags import is_elongated, split_hashtag, unelongate
from .tokenizer import CODE_LIKE_RE, HASHTAG_RE, MENTION_RE

__all__ = ["TOKEN_EXTENSIONS", "register_extensions"]


def _is_hashtag(token: Token) -> bool:
    return HASHTAG_RE.fullmatch(token.text) is not None


def _is_mention(token: Token) -> bool:
    return MENTION_RE.fullmatch(token.text) is not None


def _is_emoji(token: Token) -> bool:
    return is_emoji(token.text)


def _is_code_like(token: Token) -> bool:
    return CODE_LIKE_RE.fullmatch(token.text) is not None


def _is_elongated(token: Token) -> bool:
    return token.is_alpha and is_elongated(token.text)


def _unelongated(token: Token) -> str:
    return unelongate(token.text) if _is_elongated(token) else token.text


def _hashtag_parts(token: Token) -> list[str]:
    return list(split_hashtag(token.text)) if _is_hashtag(token) else []


TOKEN_EXTENSIONS: dict[str, Callable[[Token], object]] = {
    "is_hashtag": _is_hashtag,
    "is_mention": _is_mention,
    "is_emoji": _is_emoji,
    "is_code_like": _is_code_like,
    "is_elongated": _is_elongated,
    "unelongated": _unelongated,
    "hashtag_parts": _hashtag_parts,
}


def register_extensions() -> None:
    """Register every token extension; calling it again changes nothing."""
    for name, getter in TOKEN_EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, getter=getter)
