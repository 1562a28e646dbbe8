"""Lookup lemmas for Italian and English from the installed spacy-lookups-data tables, offline.

The table is spaCy's `lemma_lookup` (word form -> lemma), read from the spacy-lookups-data
package through spaCy's `lookups` registry: a local read, no download. The component
`authentic_nlp_lookup_lemmatizer` gives the same lemmas as spaCy's `lemmatizer` in `lookup` mode,
plus one fallback: a form missing from the table is looked up lower-cased ("Scarpe" at the
start of a sentence -> "scarpa"), and a form found nowhere keeps its own text, as in spaCy.

Why not spaCy's component itself: it builds a Python `Token` for every token of every text and
was about 75% of the pipeline's time in bench/bench_text.py. This one maps each word type once
(cached by its orth id) and writes the whole Doc's lemmas with one `Doc.from_array` call.
"""

from __future__ import annotations

import numpy
from .thinc_light import load_thinc_without_torch

load_thinc_without_torch()  # before spaCy: see text/thinc_light.py

from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import Table, load_lookups
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["FACTORY", "LEMMA_TABLE", "LookupLemmatizer", "add_lookup_lemmatizer"]

FACTORY = "authentic_nlp_lookup_lemmatizer"
LEMMA_TABLE = "lemma_lookup"
CACHE_LIMIT = 200_000  # distinct forms remembered; the cache is emptied past it (memory stays flat)


class LookupLemmatizer:
    """Sets `token.lemma` from a lookup table, each distinct form resolved once."""

    def __init__(self, nlp: Language, table: Table) -> None:
        self.strings = nlp.vocab.strings
        self.table = table
        self._cache: dict[int, int] = {}

    def _resolve(self, orth: int) -> int:
        lemma = self.table.get(orth)
        if lemma is None:
            text = self.strings[orth]
            lower = text.lower()
            lemma = self.table.get(lower) if lower != text else None
            if lemma is None:
                lemma = text
        lemma_id = self.strings.add(lemma)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[orth] = lemma_id
        return lemma_id

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cache_get = self._cache.get
        orths = doc.to_array([ORTH]).tolist()
        lemmas = [cache_get(o) or self._resolve(o) for o in orths]
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


def _make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    try:
        lookups = load_lookups(nlp.lang, [LEMMA_TABLE], strict=True)
    except (ValueError, KeyError) as exc:
        raise ModelError(
            "E302",
            what=f"lookup lemmas for {nlp.lang!r}",
            package="spacy-lookups-data",
            extra="spacy-lookups-data>=1.0.5,<1.1",
        ) from exc
    return LookupLemmatizer(nlp, lookups.get_table(LEMMA_TABLE))


def register_factory() -> None:
    """Register the component factory with spaCy; calling it again changes nothing."""
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, assigns=["token.lemma"], requires=["token.orth"])(_make_lookup_lemmatizer)


def add_lookup_lemmatizer(nlp: Language) -> None:
    """Add the lookup lemmatizer to `nlp`, its table loaded from spacy-lookups-data."""
    register_factory()
    nlp.add_pipe(FACTORY)
