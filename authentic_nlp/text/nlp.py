"""spaCy pipelines for social text (placeholder, to be completed)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

PIPELINE_LANGS = ("it", "en")


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    return spacy.blank(lang if lang in PIPELINE_LANGS else "xx")
