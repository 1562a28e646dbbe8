"""How sincerity signals become a score and a confidence.

Score (cue part):

    contribution(kind) = direction(kind) * cap(kind) * (1 - prod(1 - w_i for each signal i of that kind))
    logit              = sum of contributions over kinds          (neutral prior: logit 0 -> 0.5)
    cue_score          = 1 / (1 + exp(-logit))

Within a kind, weights combine as a noisy-OR: the second "but" adds less than the first and no
kind can move the logit by more than its `cap` (declared per kind in the cue file). Every step is
monotone: adding a raising signal never lowers the score, adding a lowering one never raises it.

A text without a single word (empty, emoji only, only mentions or links) has nothing to judge a
voice by: its score is the neutral prior 0.5 and its confidence 0, whatever it contains (the
evidence is still listed).

Confidence (how much the text gives to go on, not how sincere it is):

    confidence = (1 - exp(-words / 15)) * (0.5 + 0.5 * (1 - exp(-sum |contribution|)))

About 0.3 for a 7-word caption with no cues, about 0.9 for a 40-word caption with clear cues,
0 without words.

Learned model (the seam): `combine(cue_score, model_probability)` averages the two in logit
space; with no model it returns the cue score unchanged. The evidence is the cues', plus (added
by the stage) one `model` item saying how far the model moved the score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..evidence import Evidence, evidence_list
from .sincerity_lexicon import SincerityLexicon
from .sincerity_signals import Signal

NEUTRAL = 0.5
WORDS_SCALE = 15.0       # words at which the length part of confidence reaches 1 - 1/e
MODEL_WEIGHT = 0.5       # the learned model's share in `combine`, in logit space
EPSILON = 1e-6
DIGITS = 4


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit(p: float) -> float:
    p = min(max(p, EPSILON), 1.0 - EPSILON)
    return math.log(p / (1.0 - p))


def kind_contributions(signals: list[Signal], lexicon: SincerityLexicon) -> dict[str, float]:
    """The signed logit contribution of each kind that fired (noisy-OR within a kind, capped)."""
    remaining: dict[str, float] = {}
    for signal in signals:
        remaining[signal.kind] = remaining.get(signal.kind, 1.0) * (1.0 - signal.weight)
    out = {}
    for kind in sorted(remaining):
        spec = lexicon.kinds[kind]
        out[kind] = spec.direction * spec.cap * (1.0 - remaining[kind])
    return out


def confidence_of(words: int, contributions: dict[str, float]) -> float:
    if words <= 0:
        return 0.0
    length_part = 1.0 - math.exp(-words / WORDS_SCALE)
    mass = sum(abs(v) for v in contributions.values())
    return length_part * (0.5 + 0.5 * (1.0 - math.exp(-mass)))


def combine(cue_score: float, model_probability: float | None, model_weight: float = MODEL_WEIGHT) -> float:
    """The final score: the cue score refined by a learned model's probability, where there is one.

    A weighted mean in logit space, so a confident model can move a neutral cue score and strong
    cue evidence keeps its pull. `model_probability=None` (no model loaded) leaves the cue score.
    """
    if model_probability is None:
        return cue_score
    if not 0.0 <= model_weight <= 1.0:
        raise ValueError(f"model_weight must be in [0, 1], got {model_weight!r}")
    return sigmoid((1.0 - model_weight) * logit(cue_score) + model_weight * logit(model_probability))


@dataclass(frozen=True)
class SincerityResult:
    """The sincerity of one text, with what it rests on."""

    score: float
    confidence: float
    cue_score: float
    words: int
    signals: tuple[Signal, ...]
    contributions: dict[str, float] = field(default_factory=dict)
    model_probability: float | None = None

    @property
    def evidence(self) -> list[Evidence]:
        """Evidence items; `weight` is signed: positive raised the score, negative lowered it."""
        return [Evidence(kind=s.kind, text=s.text, start=s.start, end=s.end, rule=s.rule, weight=s.signed_weight)
                for s in self.signals]

    def as_record(self, extra: Sequence[Evidence] = ()) -> dict[str, Any]:
        """The contract section: `score`, `evidence` (each with `weight`; `extra` items such as the
        learned model's after the cues'), plus `confidence`."""
        return {
            "score": round(self.score, DIGITS),
            "confidence": round(self.confidence, DIGITS),
            "evidence": evidence_list([*self.evidence, *extra], with_weight=True),
        }


def score_signals(signals: list[Signal], words: int, lexicon: SincerityLexicon,
                  model_probability: float | None = None) -> SincerityResult:
    contributions = kind_contributions(signals, lexicon)
    if words <= 0:
        cue_score = NEUTRAL
    else:
        cue_score = sigmoid(sum(contributions.values()))
    score = combine(cue_score, model_probability) if words > 0 else NEUTRAL
    return SincerityResult(score=score, confidence=confidence_of(words, contributions), cue_score=cue_score,
                           words=words, signals=tuple(signals), contributions=contributions,
                           model_probability=model_probability)
