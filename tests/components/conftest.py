"""Pipelines with the authentic components, built once per session (building loads rules and the model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

ALL = ("authentic_language", "authentic_sponsorship", "authentic_sincerity", "authentic_comment_type")


@pytest.fixture(scope="session")
def social_pipelines() -> dict[str, Language]:
    """`spacy.blank(lang)` with the normalizing social tokenizer and every component."""
    from authentic_nlp.components import blank

    return {lang: blank(lang, components=ALL) for lang in ("it", "en")}


@pytest.fixture(scope="session")
def raw_pipelines() -> dict[str, Language]:
    """`spacy.blank(lang)` keeping spaCy's own tokenizer (doc.text is the raw input)."""
    import spacy

    import authentic_nlp.components.factories  # noqa: F401  (registers the factories from a source tree)

    out = {}
    for lang in ("it", "en"):
        nlp = spacy.blank(lang)
        for name in ALL:
            nlp.add_pipe(name)
        out[lang] = nlp
    return out
