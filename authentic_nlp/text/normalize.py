"""Normalization of social text (placeholder, to be completed)."""

from __future__ import annotations

import unicodedata


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text)
