"""spaCy pipelines for social text, one per language, built once per process.

`get_nlp("it")` and `get_nlp("en")` are blank Italian and English pipelines with the social
tokenizer rules (`tokenizer.py`) and the token extensions of `extensions.py`; any other code
("es", "de", "und") gets one shared blank multi-language ("xx") pipeline with the same rules.
They run no component: no analyzer reads lemmas, tags or parses, so none is computed
(`token.lemma_` is empty). The spaCy components for users' own pipelines are in `components/`.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from .thinc_light import load_thinc_without_torch

load_thinc_without_torch()  # before spaCy: see text/thinc_light.py

import spacy
from spacy.language import Language

from .extensions import register_extensions
from .tokenizer import install_social_tokenizer

__all__ = ["PIPELINE_LANGS", "get_nlp", "pipeline_code"]

logger = logging.getLogger("authentic_nlp")

PIPELINE_LANGS = ("it", "en")
MULTI = "xx"


def pipeline_code(lang: str) -> str:
    """The spaCy language a text in `lang` is tokenized with: "it", "en" or "xx"."""
    return lang if lang in PIPELINE_LANGS else MULTI


def get_nlp(lang: str) -> Language:
    """The cached pipeline for `lang` (an ISO 639-1 code, or "und")."""
    return _build(pipeline_code(lang))


@lru_cache(maxsize=None)
def _build(code: str) -> Language:
    register_extensions()
    nlp = spacy.blank(code)
    install_social_tokenizer(nlp, code)
    logger.debug("built the %s pipeline: %s", code, nlp.pipe_names)
    return nlp
