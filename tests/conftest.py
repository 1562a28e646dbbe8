"""Fixtures shared by every test folder: the cached spaCy pipelines (built once per session)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def it_nlp() -> Language:
    from authentic_nlp.text.nlp import get_nlp

    return get_nlp("it")


@pytest.fixture(scope="session")
def en_nlp() -> Language:
    from authentic_nlp.text.nlp import get_nlp

    return get_nlp("en")


@pytest.fixture(scope="session")
def xx_nlp() -> Language:
    from authentic_nlp.text.nlp import get_nlp

    return get_nlp("und")
