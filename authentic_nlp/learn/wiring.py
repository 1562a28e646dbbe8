"""How the learned model reaches the analyzers: small adapters over `load_predictor(options)`.

    comment type   ModelCommentClassifier: the comments stage's `classifier` seam; scores every
                   comment of a post in one batch and combines the model with the cue cascade
                   (`combine_comment`, below)
    sponsorship    sponsored_fn(options) -> (caption text, language) -> p(sponsored), or None
    sincerity      sincere_fn(options)   -> caption text -> p(sincere), or None
    evidence       caption_model_evidence: where a caption model moved a score, a `model` item
                   (no span, the rule names the model and head, weight = the signed move)

The caption functions read `Predictor.caption`, which memoises the last captions: the sponsorship
and sincerity stages share one forward pass per post.

Comment type, cues and model together (thresholds chosen on the corpora dev split, never on the
evaluation sets in ../shared/data):

1. empty text: the cue answer (`generic`);
2. the cue cascade says `spam` (its precision is high): `spam`;
3. the model's p(spam) >= SPAM_THRESHOLD: `spam`, recall on self-promotion no cue names;
4. the cue cascade says `question`: `question`;
5. the model's most likely type, when its probability >= MODEL_CONFIDENT;
6. otherwise the cue answer.

Evidence: the cue evidence where the answer is the cues'; where the model decided, a `model` item
(the whole comment as span, p as weight, the head named in `rule`) plus any cue that fired.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..evidence import Evidence

if TYPE_CHECKING:
    from ..analyzers.comments import CommentTyping
    from ..pipeline import TextAnalysis
    from .predictor import Predictor

COMMENT_TYPES = ("substantive", "question", "generic", "spam")
SPAM_THRESHOLD = 0.5
MODEL_CONFIDENT = 0.6


def caption_model_evidence(head: str, p: float, before: float, after: float, model_name: str) -> Evidence:
    """The learned model's part in a caption score: a document-level item (no span: the model reads
    the whole caption); `weight` is how much it moved the score (positive raised it)."""
    return Evidence("model", "", rule=f"model:{model_name}/{head}", weight=after - before,
                    note=f"learned {head} head: p = {p:.2f}; the cues alone give {before:.2f}, together {after:.2f}")


def model_evidence(text: str, kind: str, p: float, model_name: str) -> Evidence:
    return Evidence("model", text, 0, len(text), rule=f"model:{model_name}/comment_type", weight=p,
                    note=f"learned comment-type head: p({kind}) = {p:.2f}")


def combine_comment(cue: "CommentTyping", probs: list[float], text: str, model_name: str) -> "CommentTyping":
    from ..analyzers.comments import CommentTyping

    p = dict(zip(COMMENT_TYPES, probs))
    scores = {**cue.scores, **{f"model_{k}": round(v, 4) for k, v in p.items()}}
    if not text.strip() or cue.type == "spam":
        return CommentTyping(cue.type, cue.evidence, scores)
    if p["spam"] >= SPAM_THRESHOLD:
        return CommentTyping("spam", [model_evidence(text, "spam", p["spam"], model_name)] + cue.evidence, scores)
    if cue.type == "question":
        return CommentTyping(cue.type, cue.evidence, scores)
    best = max(COMMENT_TYPES[:3], key=lambda k: p[k])
    if p[best] >= MODEL_CONFIDENT and best != cue.type:
        return CommentTyping(best, [model_evidence(text, best, p[best], model_name)], scores)
    return CommentTyping(cue.type, cue.evidence, scores)


class ModelCommentClassifier:
    """The comments stage's classifier: cue cascade + comment-type head, one batch per post."""

    def __init__(self, predictor: "Predictor", cue_classifier: Callable | None = None) -> None:
        from ..analyzers.comments import classify_comment

        self.predictor = predictor
        self.cue_classifier = cue_classifier or classify_comment

    def classify_batch(self, analyses: list["TextAnalysis"]) -> list["CommentTyping"]:
        """Each comment's typing; a text analysed once per chunk (`TextAnalysis.memo`) is typed once."""
        if not analyses:
            return []
        key = ("comment_typing", id(self))
        todo = {id(a): a for a in analyses if key not in _memo(a)}
        probs = dict(zip(todo, self.predictor.predict_comments([a.text for a in todo.values()]))) if todo else {}
        out = []
        for a in analyses:
            memo = _memo(a)
            typing = memo.get(key)
            if typing is None:
                typing = combine_comment(self.cue_classifier(a), probs[id(a)], a.text, self.predictor.name)
                if memo is not _NO_MEMO:
                    memo[key] = typing
            out.append(typing)
        return out

    def __call__(self, analysis: "TextAnalysis") -> "CommentTyping":
        return self.classify_batch([analysis])[0]


_NO_MEMO: dict = {}   # stands in for the memo of an analysis without one (never written to)


def _memo(analysis) -> dict:
    return getattr(analysis, "memo", _NO_MEMO)


def comment_classifier(options) -> Callable | None:
    """The model-and-cues classifier, or None (the analyzer's own cue cascade) without a model."""
    from .predictor import load_predictor

    predictor = load_predictor(options)
    return ModelCommentClassifier(predictor) if predictor is not None else None


def sponsored_fn(options) -> Callable[[str, str], float] | None:
    from .predictor import load_predictor

    predictor = load_predictor(options)
    if predictor is None:
        return None
    return lambda text, _language=None: predictor.caption(text).sponsored


def model_name(options) -> str:
    """The name the evidence gives the learned model of `options` ("model" when none is loaded)."""
    from .predictor import load_predictor

    predictor = load_predictor(options)
    return predictor.name if predictor is not None else "model"


def sponsorship_model_applies(text: str, verdict: str, evidence: list) -> bool:
    """Whether the sponsorship model's probability is mixed in for this caption: not for a caption
    without a letter (nothing to judge), nor for the creator's own shop or brand (the cues found
    self-promotion and no third party: the model cannot tell an own shop from a brand's)."""
    if not any(ch.isalpha() for ch in text):
        return False
    return not (verdict == "organic" and any(getattr(e, "kind", None) == "self_promotion" for e in evidence))


def sincere_fn(options) -> Callable[[str], float] | None:
    from .predictor import load_predictor

    predictor = load_predictor(options)
    if predictor is None:
        return None
    return lambda text: predictor.caption(text).sincere
