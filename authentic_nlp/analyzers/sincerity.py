"""The sincerity stage: how much a caption reads as a first-hand, specific, honest voice.

    caption (TextAnalysis) ─> cues of its language (lang/<code>/sincerity.yaml) + spaCy token signals
                           ─> overlaps resolved ─> noisy-OR per kind, capped ─> logistic (prior 0.5)
                           ─> [learned model, when there is one: `combine`] ─> score, confidence, evidence

Writes `ctx.record["sincerity"] = {"score", "confidence", "evidence"}`; every evidence item is
`{kind, text, start, end, weight, rule}` with offsets into the normalized caption and a signed
weight (positive raised the score, negative lowered it). The same scorer works for any analysed
text, comments included: `score_sincerity(text_analysis)`, or `score_text("...")` from a string.

Sponsorship is not read here on purpose: a disclosed paid review with pros and cons can be sincere
and an unpaid engagement-bait post is not. Creator-level signals (near-duplicate and templated
captions across a creator's posts) need several posts at once: see `sincerity_creator`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .sincerity_lexicon import CUE_LANGS, SincerityLexicon, lexicon_for, package_lexicon
from .sincerity_score import SincerityResult, combine, score_signals
from .sincerity_signals import count_words, find_signals, token_facts

if TYPE_CHECKING:
    from ..pipeline import AnalysisOptions, PostContext, TextAnalysis

logger = logging.getLogger(__name__)

__all__ = ["build", "score_sincerity", "score_text", "SincerityResult", "combine"]


def score_sincerity(analysis: "TextAnalysis", lexicon: SincerityLexicon | None = None,
                    model_probability: float | None = None) -> SincerityResult:
    """The sincerity of one analysed text (a caption or a comment).

    `lexicon`: the cues to use (default: those of the text's language; both Italian and English
    where the language is mixed, undetermined or another one). `model_probability`: a learned
    model's probability that the text is sincere, combined with the cue score by `combine`.
    """
    language = analysis.language
    if lexicon is None:
        lexicon = lexicon_for(language.code, bool(language.mixed))
    doc = analysis.doc
    facts = token_facts(doc, analysis.text) if doc is not None and _same_text(doc, analysis.text) else None
    signals = find_signals(analysis.text, facts, lexicon)
    words = count_words(facts) if facts is not None else len(analysis.text.split())
    return score_signals(signals, words, lexicon, model_probability)


def _same_text(doc, text: str) -> bool:
    """The Doc was built from this text (token offsets are valid), checked without rebuilding doc.text."""
    if not len(doc):
        return not text.strip()
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


def score_text(text: str, language: str | None = None) -> SincerityResult:
    """Normalize, tokenize and score a plain string (`language`: force `it` or `en`)."""
    from ..pipeline import TextAnalysis
    from ..text.langid import LanguageResult, identify
    from ..text.nlp import get_nlp
    from ..text.normalize import normalize

    clean = normalize(text)
    lang = LanguageResult(language, 1.0) if language else identify(clean)
    analysis = TextAnalysis(raw=text, text=clean, language=lang, doc=get_nlp(lang.code)(clean))
    return score_sincerity(analysis)


def build(options: "AnalysisOptions"):
    """Load (and so validate) the cue data and the learned model once; return the stage.

    The model (learn/wiring.py: the shipped one, `--model DIR`, none for cues only) gives
    p(sincere) for the caption, computed once per caption; `combine` mixes it with the cue score."""
    from ..learn.wiring import caption_model_evidence, model_name, sincere_fn

    for lang in CUE_LANGS:
        package_lexicon(lang)
    model, name = sincere_fn(options), model_name(options)

    def stage(ctx: "PostContext") -> None:
        p = model(ctx.caption.text) if model is not None else None
        result = score_sincerity(ctx.caption, model_probability=p)
        extra = []
        if p is not None and result.words > 0:
            extra.append(caption_model_evidence("sincere", p, result.cue_score, result.score, name))
        ctx.record["sincerity"] = result.as_record(extra)
        logger.debug("sincerity %s: %.3f (confidence %.2f, %d signals)", ctx.post.id, result.score,
                     result.confidence, len(result.signals))

    return stage
