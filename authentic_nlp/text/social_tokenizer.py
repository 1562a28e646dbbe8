"""`authentic_nlp.social_tokenizer`: a spaCy tokenizer that normalizes, then applies the social rules.

    nlp = spacy.blank("it", config={"nlp": {"tokenizer": {"@tokenizers": "authentic_nlp.social_tokenizer"}}})
    doc = nlp("Ã¨ un regalo di @brand #a\u200bdv")
    doc.text   # "è un regalo di @brand #adv": normalize(raw), the text every analyzer reads

With it, building the Doc *is* the normalization of seam 1: `doc.text == normalize(raw)`, the
text the batch output carries, so every evidence offset is a character offset into `doc.text` and
no span shifts or vanishes on mojibake, zero-width characters, NFD accents or emoji sequences.
The rules are the batch path's (`tokenizer.configure_social_rules` for `nlp.lang`), so a Doc
built here has the very tokens `text.nlp.get_nlp(lang)` gives the batch analyzers.

Registered for spaCy through the `spacy_tokenizers` entry point (pyproject.toml), so a pipeline
saved with `nlp.to_disk` loads back with `spacy.load` in a fresh process. Nothing is saved with
it but a version note: the rules are package data, rebuilt when the pipeline is loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from .extensions import register_extensions
from .normalize import normalize
from .tokenizer import configure_social_rules

__all__ = ["TOKENIZER_NAME", "NormalizingTokenizer", "create_social_tokenizer"]

TOKENIZER_NAME = "authentic_nlp.social_tokenizer"
STATE_FILE = "authentic_tokenizer.json"
NORMALIZED_TEXT = ("authentic_nlp", "normalized_text")  # read (and removed) by components/doc_state.py


class NormalizingTokenizer:
    """`normalize(text)`, then spaCy's tokenizer with the social rules of `code`."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        self.code = nlp.lang
        self.inner = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        configure_social_rules(self.inner, nlp.Defaults, self.code)

    def __call__(self, text: str) -> Doc:
        clean = normalize(text)
        doc = self.inner(clean)
        doc.user_data[NORMALIZED_TEXT] = clean  # so the components need not rebuild doc.text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # The rules are package data: nothing to save but a note of what built them.
    def _state(self) -> dict[str, str]:
        from .. import __version__

        return {"tokenizer": TOKENIZER_NAME, "authentic_nlp": __version__, "lang": self.code}

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self._state()).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "NormalizingTokenizer":
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / STATE_FILE).write_text(json.dumps(self._state()), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "NormalizingTokenizer":
        return self


@registry.tokenizers(TOKENIZER_NAME)
def create_social_tokenizer() -> Callable[[Language], NormalizingTokenizer]:
    """The registered function spaCy's config calls: `[nlp.tokenizer] @tokenizers = "authentic_nlp.social_tokenizer"`."""
    return NormalizingTokenizer


def social_config() -> dict[str, Any]:
    """The `config` argument of `spacy.blank` that selects this tokenizer."""
    return {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}}
