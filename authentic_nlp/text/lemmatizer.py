"""Lookup lemmas for Italian and English from the installed spacy-lookups-data tables, offline.

spaCy's own `lemmatizer` component in `lookup` mode reads one table, `lemma_lookup`, keyed by the
token's exact text. Its tables are loaded here from the spacy-lookups-data package through
spaCy's `lookups` registry: a local read, no download. Lookups are case-sensitive, so a
capitalised "Bellissima" at the start of a sentence keeps its own text as lemma; analyzers that
need a case-free form use `token.lower_` or `token._.unelongated`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.lookups import load_lookups

from ..errors import ModelError

__all__ = ["add_lookup_lemmatizer", "LEMMA_TABLE"]

LEMMA_TABLE = "lemma_lookup"


def add_lookup_lemmatizer(nlp: Language) -> None:
    """Add spaCy's lemmatizer in lookup mode to `nlp` and fill it from spacy-lookups-data."""
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    try:
        lookups = load_lookups(nlp.lang, [LEMMA_TABLE], strict=True)
    except (ValueError, KeyError) as exc:
        raise ModelError(
            "E302",
            what=f"lookup lemmas for {nlp.lang!r}",
            package="spacy-lookups-data",
            extra="spacy-lookups-data>=1.0.5,<1.1",
        ) from exc
    lemmatizer.initialize(lookups=lookups)
