"""authentic_nlp in a spaCy pipeline.

    import spacy
    nlp = spacy.blank("it", config={"nlp": {"tokenizer": {"@tokenizers": "authentic_nlp.social_tokenizer"}}})
    nlp.add_pipe("authentic_language")
    nlp.add_pipe("authentic_sponsorship")
    nlp.add_pipe("authentic_sincerity")
    doc = nlp("Usa il codice GIULIA20 per il 20% di sconto! #adv @brand")
    doc._.authentic["sponsorship"]["verdict"]        # as in analyze_text(...)["sponsorship"]
    doc.spans["authentic_sponsorship"]                # the evidence, one labelled span per item

or `authentic_nlp.components.blank("it")` for the same pipeline in one call. The factories come
from the installed package's `spacy_factories` entry points (nothing to import); from a source
tree, `import authentic_nlp.components.factories` registers them. Details: `factories.py`
(what each component runs), `doc_state.py` (what it reads and writes), README "Use it in spaCy".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["ALL_COMPONENTS", "blank", "displacy_options"]

ALL_COMPONENTS = ("authentic_language", "authentic_sponsorship", "authentic_sincerity")
# displaCy colours of the sponsorship evidence kinds (the `explain` command's styles, in HTML)
SPONSORSHIP_COLORS = {"label": "#7bd389", "ambiguous_label": "#f7d154", "verdict": "#f59e0b", "signal": "#e879f9",
                      "self_promotion": "#67e8f9", "mention": "#bfdbfe", "placement": "#e5e7eb",
                      "market_note": "#e5e7eb"}


def displacy_options(section: str = "sponsorship") -> dict[str, object]:
    """`options` for `displacy.render(doc, style="span", options=...)`: the section's span group, coloured."""
    colors = SPONSORSHIP_COLORS if section == "sponsorship" else {}
    return {"spans_key": f"authentic_{section}", "colors": dict(colors)}


def blank(lang: str = "xx", components: Iterable[str] = ALL_COMPONENTS, **config: object) -> "Language":
    """`spacy.blank(lang)` with the normalizing social tokenizer and `components` added, each with
    `config` (market, rules_path, model_path) where it takes it."""
    import spacy

    from . import factories
    from ..text.social_tokenizer import social_config

    nlp = spacy.blank(lang, config=social_config())
    for name in components:
        nlp.add_pipe(name, config=dict(config) if name in factories.SECTION_OF else {})
    return nlp
