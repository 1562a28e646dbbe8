"""Temperature scaling (Guo et al., 2017), fitted on the dev split.

    p = sigmoid(logit / T)                  binary heads
    p = softmax(logits / T)                 the comment-type head

One number per head, chosen on a fixed log-spaced grid (0.25 .. 8) by dev negative log-likelihood:
deterministic, no optimiser state, and it cannot change which class wins (T > 0 keeps the order).
"""

from __future__ import annotations

import math
from typing import Sequence

GRID = tuple(round(0.25 * 2 ** (i / 16), 4) for i in range(81))  # 0.25 .. 8.0


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def softmax(row: Sequence[float], temperature: float = 1.0) -> list[float]:
    scaled = [v / temperature for v in row]
    top = max(scaled)
    exps = [math.exp(v - top) for v in scaled]
    total = sum(exps)
    return [e / total for e in exps]


def binary_nll(logits: Sequence[float], gold: Sequence[int], temperature: float) -> float:
    eps = 1e-7
    return -sum(math.log(max(eps, sigmoid(z / temperature) if g else 1 - sigmoid(z / temperature)))
                for z, g in zip(logits, gold)) / max(1, len(gold))


def multiclass_nll(logits: Sequence[Sequence[float]], gold: Sequence[int], temperature: float) -> float:
    eps = 1e-7
    return -sum(math.log(max(eps, softmax(row, temperature)[g])) for row, g in zip(logits, gold)) / max(1, len(gold))


def fit_temperature(logits, gold: Sequence[int], multiclass: bool = False) -> float:
    """The grid temperature with the lowest dev NLL (1.0 when there is nothing to fit on)."""
    if not gold:
        return 1.0
    nll = multiclass_nll if multiclass else binary_nll
    return min(GRID, key=lambda t: (round(nll(logits, gold, t), 9), abs(math.log(t))))
