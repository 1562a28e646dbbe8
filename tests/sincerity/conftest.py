"""Fixtures for the sincerity tests: texts analysed the way the pipeline does, in a forced language."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.sincerity import score_sincerity
from authentic_nlp.pipeline import TextAnalysis
from authentic_nlp.text.langid import LanguageResult
from authentic_nlp.text.nlp import get_nlp
from authentic_nlp.text.normalize import normalize


def analyse_text(text: str, lang: str) -> TextAnalysis:
    """`lang`: `it`, `en`, or `it+en` / `en+it` for a mixed text (the first is the main language)."""
    clean = normalize(text)
    main, _, other = lang.partition("+")
    language = LanguageResult(main, 1.0, mixed=bool(other))
    return TextAnalysis(raw=text, text=clean, language=language, doc=get_nlp(main)(clean))


@pytest.fixture(scope="session")
def analyse():
    return analyse_text


@pytest.fixture(scope="session")
def sincerity():
    """`sincerity(text, lang)` -> SincerityResult."""
    return lambda text, lang: score_sincerity(analyse_text(text, lang))
