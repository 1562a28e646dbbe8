"""`sponsorship.probability`: how likely the post is a commercial collaboration, disclosed or not.

    cue logit = bias + sum over features of coefficient x feature        (every coefficient >= 0)
    probability = sigmoid(cue logit)                                       (no learned model)
                = sigmoid((1 - w) * cue logit + w * logit(model p))        (with a learned model)

Features are the evidence the stage found (0/1, `promo` 0..1), so the probability only grows as
evidence is added: monotone in every feature. The one deliberate exception: in a self-promotion
post with no third-party signal, a code, a call to action and promotional wording are the
creator's own offer, so they do not count towards a collaboration.

The coefficients live in `markets/probability.yaml`; they are fitted (non-negative logistic
regression, L2) on the hand-written calibration captions in tests/sponsorship/calibration.yaml by
`python bench/eval_sponsorship.py --fit`, never on ../shared/data. `combine` is the seam for the
learned model of the corpora-and-models work: it takes the model's probability when there is one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable

from ..cues import load_yaml
from ..errors import DataFileError

FEATURES = ("accepted_label", "ambiguous_label", "discount_code", "affiliate_link", "gift", "collaboration",
            "brand_cta", "cta", "promo", "mention", "thanks_brand", "platform_flag",
            "attribution", "campaign_hashtag", "tracking_link", "launch")


@dataclass(frozen=True)
class ProbabilityModel:
    bias: float
    coefficients: dict[str, float]
    model_weight: float  # weight of a learned model's logit when one is given
    source: str

    def logit(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.coefficients[name] * features.get(name, 0.0) for name in FEATURES)


def load_probability_model(text: str | None = None, path: str = "authentic_nlp/markets/probability.yaml") -> ProbabilityModel:
    if text is None:
        text = resources.files("authentic_nlp.markets").joinpath("probability.yaml").read_text(encoding="utf-8")
    data = load_yaml(path, text)
    if not isinstance(data, dict) or not isinstance(data.get("coefficients"), dict):
        raise DataFileError("E202", path=path, detail="expected 'bias', 'coefficients', 'model_weight' and 'source'")
    coefficients = {k: v for k, v in data["coefficients"].items() if k != "__line__"}
    missing = [f for f in FEATURES if f not in coefficients]
    unknown = [k for k in coefficients if k not in FEATURES]
    if missing or unknown:
        raise DataFileError("E202", path=path, detail=f"coefficients: missing {missing}, unknown {unknown}")
    for name, value in coefficients.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise DataFileError("E201", path=path, entry=name, detail=f"a coefficient must be a number >= 0, got {value!r}")
    bias, weight = data.get("bias"), data.get("model_weight")
    if isinstance(bias, bool) or not isinstance(bias, (int, float)):
        raise DataFileError("E202", path=path, detail=f"bias must be a number, got {bias!r}")
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
        raise DataFileError("E202", path=path, detail=f"model_weight must be in [0, 1], got {weight!r}")
    return ProbabilityModel(float(bias), {k: float(v) for k, v in coefficients.items()}, float(weight),
                            str(data.get("source", "")))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def logit(p: float, eps: float = 1e-4) -> float:
    p = min(1 - eps, max(eps, p))
    return math.log(p / (1 - p))


def combine(cue_logit: float, model_probability: float | None = None, model_weight: float = 0.5) -> float:
    """The probability from the cue logit and, when a learned model is loaded, its probability."""
    if model_probability is None:
        return sigmoid(cue_logit)
    return sigmoid((1 - model_weight) * cue_logit + model_weight * logit(model_probability))


def features_from(labels: Iterable[Any], signals: Iterable[Any], mentions: Iterable[Any], platform_flag: bool,
                  self_promotion_only: bool) -> dict[str, float]:
    """The 0/1 features (promo 0..1) from the label, signal and @mention hits of one caption."""
    f = dict.fromkeys(FEATURES, 0.0)
    promo = 0
    f["mention"] = 1.0 if any(not m.own for m in mentions) else 0.0
    for label in labels:
        if label.cls == "accepted":
            f["accepted_label"] = 1.0
        elif label.text.startswith("@"):
            continue  # a bare @brand tag: counted as `mention`
        elif not label.relationship:
            f["thanks_brand"] = 1.0
        else:
            f["ambiguous_label"] = 1.0
    for hit in signals:
        kind = hit.kind
        if kind == "self_promotion":
            continue
        if self_promotion_only and kind in ("discount_code", "brand_cta", "promo"):
            continue
        if kind == "promo":
            promo += 1
        elif kind in ("gift", "invitation"):
            f["gift"] = 1.0
        elif kind == "brand_cta":
            f["brand_cta" if hit.establishes else "cta"] = 1.0
        elif kind == "launch" and self_promotion_only:
            continue
        else:
            f[kind] = 1.0
    f["promo"] = min(promo, 2) / 2
    f["platform_flag"] = 1.0 if platform_flag else 0.0
    return f


def fit(rows: list[dict[str, float]], labels: list[int], *, l2: float = 0.002, steps: int = 4000,
        rate: float = 1.0) -> tuple[float, dict[str, float]]:
    """Non-negative logistic regression (projected gradient descent, L2 on the coefficients, not on the
    bias), the two classes weighted equally so the fitted prior is 50/50 whatever the mix of the
    examples. Deterministic. Used by bench/eval_sponsorship.py --fit on the hand-written captions only."""
    xs = [[row.get(k, 0.0) for k in FEATURES] for row in rows]
    pos = sum(labels)
    weights = [0.5 / pos if y else 0.5 / (len(labels) - pos) for y in labels]
    bias, coef = 0.0, [0.0] * len(FEATURES)
    for _ in range(steps):
        grad_b, grad = 0.0, [0.0] * len(FEATURES)
        for x, y, w in zip(xs, labels, weights):
            err = w * (sigmoid(bias + sum(c * v for c, v in zip(coef, x))) - y)
            grad_b += err
            for j, v in enumerate(x):
                if v:
                    grad[j] += err * v
        bias -= rate * grad_b
        coef = [max(0.0, c - rate * (g + l2 * c)) for c, g in zip(coef, grad)]
    return bias, dict(zip(FEATURES, coef))
